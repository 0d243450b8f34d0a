"""YAML front matter of a Markdown page, with the line where the body starts.

Line numbers in findings are the file's real 1-based lines, so the body keeps
track of how many lines the front matter took.
"""
from __future__ import annotations

from dataclasses import dataclass, field

_OPEN = "---"
_CLOSE = ("---", "...")
# Budgets: front matter is a few lines of metadata. YAML aliases can make 577 bytes expand
# to 10^9 values (gigabytes, 40 s), so the expanded size is counted before it is built.
MAX_BYTES = 64 * 1024
MAX_NODES = 10_000


@dataclass
class FrontMatter:
    """meta: the parsed mapping ({} when absent); body_start: 0-based index of the
    first body line; error: why the block could not be read, if it could not."""

    meta: dict = field(default_factory=dict)
    body_start: int = 0
    error: str | None = None
    present: bool = False
    over_budget: bool = False  # too big or too many aliases: refused unread


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
                problem = _over_budget(block, loader)
                if problem:
                    return FrontMatter({}, index + 1, problem, True, over_budget=True)
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


def _over_budget(block: str, loader) -> str | None:
    """Why `block` is refused unread (too large, or aliases that expand too far), or None."""
    size = len(block.encode("utf-8"))
    if size > MAX_BYTES:
        return (f"front matter 过大（{size // 1024} KB，上限 {MAX_BYTES // 1024} KB）："
                "这里只应有标题、文种等几行信息")
    if "&" not in block:  # no anchor, no alias: nothing can expand
        return None
    import yaml

    root = yaml.compose(block, Loader=loader)
    if root is not None and _expanded_size(root) > MAX_NODES:
        return (f"front matter 中的 YAML 别名（&、*）展开后超过 {MAX_NODES} 项：不像页面信息，"
                "未读取。请删去别名，直接写出各项的值")
    return None


def _expanded_size(root) -> int:
    """Nodes in the tree `root` stands for, each alias counted as a full copy (memoised on
    the shared nodes, so the count itself is cheap); a cycle counts as too many."""
    sizes: dict[int, int] = {}
    stack: list[tuple[object, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        value = node.value
        children = ([c for pair in value for c in pair] if isinstance(value, list) and value
                    and isinstance(value[0], tuple) else value if isinstance(value, list) else [])
        if done:
            open_nodes.discard(key)
            sizes[key] = min(MAX_NODES + 1, 1 + sum(sizes[id(c)] for c in children))
            continue
        if key in open_nodes:
            return MAX_NODES + 1  # a node that contains itself
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]
