"""YAML front matter of a Markdown page, with the line where the body starts.

Line numbers in findings are the file's real 1-based lines, so the body keeps
track of how many lines the front matter took.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_OPEN = "---"
_CLOSE = ("---", "...")


@dataclass
class FrontMatter:
    """meta: the parsed mapping ({} when absent); body_start: 0-based index of the
    first body line; error: why the block could not be read, if it could not."""

    meta: dict = field(default_factory=dict)
    body_start: int = 0
    error: str | None = None
    present: bool = False


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Read a leading `---` … `---` block from `lines` (without line ends)."""
    if not lines or lines[0].rstrip() != _OPEN:
        return FrontMatter()
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSE:
            block = "\n".join(lines[1:index])
            # Imported here: the browser checks plain text under Pyodide, which has no PyYAML.
            import yaml

            # libyaml's loader when PyYAML has it: front matter parsing was most of the time.
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            try:
                meta = yaml.load(block, Loader=loader) if block.strip() else {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f"第{mark.line + 2}行：" if mark is not None else ""
                problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
                return FrontMatter({}, index + 1, f"{where}{problem}", True)
            if meta is None:
                meta = {}
            if not isinstance(meta, dict):
                return FrontMatter({}, index + 1,
                                   f"应为键值映射（mapping），实为 {type(meta).__name__}", True)
            return FrontMatter(meta, index + 1, None, True)
    # An opening `---` with no closing line: MkDocs treats it as body text too.
    return FrontMatter()
