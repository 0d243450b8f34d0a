"""corpus/seeds.yaml read strictly, and the corpus's files checked against it.

Every exemplar is four things that must agree: corpus/raw/<stem>.txt, its seeds entry,
corpus/records/<stem>.json and docs/<doctype>/exemplars/<stem>.md (plus, for a file that was
not plain UTF-8, corpus/raw/original/<stem>.*). `corpus_problems` lists every file without
its partners, so a half-written or half-removed exemplar never passes unnoticed:
scripts/curate.py --check and the strict build both report them.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from gongwen.corpus.commit import unfinished
from gongwen.corpus.page import CurationError

SEEDS = "corpus/seeds.yaml"


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice (plain YAML keeps the last one silently)."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise CurationError(
                f"{SEEDS}:{key_node.start_mark.line + 1}：条目“{key}”重复（第{seen[key]}行已有）"
                "。"
                "请把两处合并为一个条目")
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_seeds(root: Path) -> dict[str, dict]:
    """The entries of corpus/seeds.yaml; CurationError (file and line) when it is unusable."""
    path = root / SEEDS
    if not path.exists():
        raise CurationError(f"{SEEDS}：文件不存在，请先建立（每个原文一个条目）")
    text = decode_utf8(path.read_bytes(), SEEDS)
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        raise CurationError(f"{SEEDS}{where}：YAML 格式错误（{exc.problem or exc}）。"
                            "请对照其他条目改正缩进、冒号和括号") from None
    except yaml.YAMLError as exc:
        raise CurationError(f"{SEEDS}：YAML 格式错误（{exc}）") from None
    if not isinstance(data, dict):
        raise CurationError(f"{SEEDS}：顶层应为“原文文件名: 条目”的映射，实为 "
                            f"{type(data).__name__}")
    for key, entry in data.items():
        if entry is not None and not isinstance(entry, dict):
            raise CurationError(f"{SEEDS}：条目“{key}”应为映射（doctype、title 等），"
                                f"实为 {type(entry).__name__}")
    return data


def decode_utf8(data: bytes, rel: str) -> str:
    """`data` as UTF-8; CurationError naming the file and the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise CurationError(f"{rel}:{line}：不是 UTF-8 编码（第{line}行有无法识别的字节）。"
                            "请用编辑器另存为 UTF-8，或用 git checkout 还原此文件") from None


def corpus_problems(root: Path, seeds: dict[str, dict] | None = None) -> list[str]:
    """One message per file of the corpus that has no partner (see the module docstring)."""
    seeds = load_seeds(root) if seeds is None else seeds
    problems = [message] if (message := unfinished(root)) else []
    raws = {p.name for p in (root / "corpus" / "raw").glob("*.txt")}
    missing = sorted(raws - set(seeds))
    if missing:
        problems.append(f"{SEEDS}：缺少这些原文的条目：{'、'.join(missing)}。"
                        "请为每个补上 doctype、title、unit、year、occasion")
    without_raw = sorted(set(seeds) - raws)
    if without_raw:
        problems.append(f"{SEEDS}：条目 {'、'.join(without_raw)} 在 corpus/raw/ 中没有对应原文")
    stems = {Path(name).stem: (entry or {}).get("doctype") for name, entry in seeds.items()}
    for path in sorted((root / "corpus" / "records").glob("*.json")):
        if path.stem not in stems:
            problems.append(f"corpus/records/{path.name}：没有对应的 {SEEDS} 条目；"
                            "请删除此文件，或补上原文和条目后运行 scripts/curate.py")
    for path in sorted((root / "corpus" / "raw" / "original").glob("*")):
        if path.is_file() and path.stem not in stems:
            problems.append(f"corpus/raw/original/{path.name}：没有对应的 {SEEDS} 条目；"
                            "请删除此文件，或补上原文和条目")
    for path in sorted((root / "docs").glob("*/exemplars/*.md")):
        doctype = path.parent.parent.name
        rel = path.relative_to(root).as_posix()
        if path.stem not in stems:
            if _generated_exemplar(path):
                problems.append(f"{rel}：范文页没有对应的 {SEEDS} 条目和原文；"
                                "请删除此页，或补上原文和条目后运行 scripts/curate.py")
        elif stems[path.stem] != doctype:
            problems.append(f"{rel}：{SEEDS} 中此原文的文种是“{stems[path.stem]}”，"
                            "此页是改文种前留下的旧页；请删除此页")
    return problems


def _generated_exemplar(path: Path) -> bool:
    """Is the page one that curation wrote (its front matter names a record)?"""
    try:
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return False
    return head.startswith("---\n") and "\nrecord: corpus/records/" in head
