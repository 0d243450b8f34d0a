"""The evaluation set under tests/eval/: load and validate its records.

Each document is `NAME.txt` (UTF-8, LF) beside `NAME.yaml`, its ground truth:

    id, set (real | practice), title, source, retrieved, licence, normalisation,
    doctype (self-review | summary | plan | speech | progress-report | none),
    clean (bool: no error-level defect), outline: [{line, level, label, title}],
    defects: [{rule, line, severity, note}] (rule: a code such as GW103, or a finding
    category such as hierarchy when no rule of today covers it),
    optional: parts: [{name, line}] (required parts, for the injected deletions),
    announcements: [{line, count, text}] (the author's own announced counts).

Levels are the GB/T 9704-2012 §7.3.3 forms: 1 一、 2 （一） 3 1. 4 （1）; the label is the
ordinal exactly as written. A heading's line is the line its ordinal is on (several headings
may share a line when a pasted paragraph runs them together).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = ROOT / "tests" / "eval"
SETS = ("real", "practice")
DOCTYPES = ("self-review", "summary", "plan", "speech", "progress-report", "none")
REQUIRED = ("id", "set", "title", "source", "retrieved", "licence", "doctype", "clean",
            "outline", "defects")
RE_SPACE = re.compile(r"\s+")


class SetError(Exception):
    """The evaluation set is malformed (exit status 2)."""


@dataclass(frozen=True)
class TruthHeading:
    line: int
    level: int
    label: str
    title: str


@dataclass(frozen=True)
class TruthDefect:
    rule: str
    line: int | None
    severity: str  # error | warning: what a correct checker should say
    note: str = ""


@dataclass
class EvalDoc:
    id: str
    set: str
    path: Path
    text: str
    doctype: str | None
    clean: bool
    outline: list[TruthHeading]
    defects: list[TruthDefect]
    record: dict = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def _squash(text: str) -> str:
    return RE_SPACE.sub("", text)


def _fail(path: Path, what: str, fix: str) -> SetError:
    return SetError(f"评测集记录有误：{path}：{what}。{fix}")


def _int(value, path: Path, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(path, f"{what}应为整数，实为 {value!r}", "请改为行号（从 1 起算）")
    return value


def _heading(entry, path: Path, lines: list[str]) -> TruthHeading:
    if not isinstance(entry, dict) or set(entry) != {"line", "level", "label", "title"}:
        raise _fail(path, f"提纲条目 {entry!r} 应恰有 line、level、label、title 四项",
                    "请按 tests/eval/README.md 的格式填写")
    line = _int(entry["line"], path, "提纲条目的 line ")
    level = _int(entry["level"], path, "提纲条目的 level ")
    label, title = entry["label"], entry["title"]
    if level not in (1, 2, 3, 4):
        raise _fail(path, f"第{line}行的层次 {level} 不在 1–4 "
                          "之内", "一、为1，（一）为2，1.为3，（1）为4")
    if not isinstance(label, str) or not isinstance(title, str) or not label or not title:
        raise _fail(path, f"第{line}行的 label、title 应为非空文字", "请照正文填写")
    if not 1 <= line <= len(lines):
        raise _fail(path, f"提纲行号{line}超出正文范围（共{len(lines)}行）", "请核对行号")
    # A title may be hard-wrapped onto the next line: look at the line and the next one.
    window = _squash(lines[line - 1] + (lines[line] if line < len(lines) else ""))
    if _squash(label + title) not in window:
        raise _fail(path, f"第{line}行没有“{label}{title}”（该行为“{lines[line - 1][:40]}”）",
                    "请核对行号、序数和标题文字")
    return TruthHeading(line, level, label, title)


def _defect(entry, path: Path, lines: list[str]) -> TruthDefect:
    if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str):
        raise _fail(path, f"缺陷条目 {entry!r} 应有 rule（规则代码）与 line", "请补全")
    line = entry.get("line")
    if line is not None:
        line = _int(line, path, "缺陷条目的 line ")
        if not 1 <= line <= len(lines):
            raise _fail(path, f"缺陷行号{line}超出正文范围", "请核对行号")
    severity = entry.get("severity")
    if severity not in ("error", "warning"):
        raise _fail(path, f"缺陷条目 {entry!r} 的 severity 应为 error 或 warning", "请补全")
    return TruthDefect(entry["rule"], line, severity, str(entry.get("note", "")))


def load_doc(record_path: Path) -> EvalDoc:
    try:
        record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _fail(record_path, f"无法读取（{type(exc).__name__}"
                                 "）", "请检查文件是否为 UTF-8 的 YAML") from None
    if not isinstance(record, dict):
        raise _fail(record_path, "内容不是键值映射", "请按 tests/eval/README.md 的格式填写")
    missing = [key for key in REQUIRED if key not in record]
    if missing:
        raise _fail(record_path, f"缺少字段 {'、'.join(missing)}", "请补全")
    if record["id"] != record_path.stem:
        raise _fail(record_path, f"id {record['id']!r} "
                                 "与文件名不一致", "id 应与文件名（不含扩展名）相同")
    if record["set"] not in SETS:
        raise _fail(record_path, f"set 应为 real 或 practice，实为 {record['set']!r}", "请改正")
    if record["doctype"] not in DOCTYPES:
        raise _fail(record_path, f"doctype {record['doctype']!r} 不是 {'、'.join(DOCTYPES)} "
                                 "之一", "请改正")
    if not isinstance(record["clean"], bool):
        raise _fail(record_path, "clean 应为 true 或 false", "请改正")
    text_path = record_path.with_suffix(".txt")
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        raise _fail(text_path, "不存在或不是 UTF-8 文本", "每条记录旁应有同名 .txt") from None
    if b"\r" in raw:
        raise _fail(text_path, "含 CR 换行", "请统一为 LF")
    lines = text.split("\n")
    outline = [_heading(e, record_path, lines) for e in record["outline"] or []]
    if [h.line for h in outline] != sorted(h.line for h in outline):
        raise _fail(record_path, "提纲条目应按行号递增", "请按正文顺序排列")
    defects = [_defect(e, record_path, lines) for e in record["defects"] or []]
    if record["clean"] == any(d.severity == "error" for d in defects):
        raise _fail(record_path, "clean 与 defects 不一致：clean 为 true 当且仅当没有 error 级缺陷",
                    "请改正 clean 或缺陷的 severity")
    heading_lines = {h.line for h in outline}
    for part in record.get("parts") or []:
        if not isinstance(part, dict) or part.get("line") not in heading_lines \
                or not isinstance(part.get("name"), str):
            raise _fail(record_path, f"必备部分条目 {part!r} 应有 name 与某个提纲标题的 line",
                        "请核对行号")
    for ann in record.get("announcements") or []:
        if not isinstance(ann, dict) or not isinstance(ann.get("text"), str) \
                or not isinstance(ann.get("count"), int) \
                or not 1 <= _int(ann.get("line"), record_path, "宣布条目的 line ") <= len(lines) \
                or ann["text"] not in lines[ann["line"] - 1]:
            raise _fail(record_path, f"宣布条目 {ann!r} 的 text 不在第 line 行，或缺 count",
                        "请照正文填写")
    doctype = None if record["doctype"] == "none" else record["doctype"]
    return EvalDoc(record["id"], record["set"], text_path, text, doctype, record["clean"],
                   outline, defects, record)


def load_set(which: str = "all", root: Path = SET_DIR) -> list[EvalDoc]:
    """Every document of the set `which` (real, practice or all), sorted by id."""
    dirs = SETS if which == "all" else (which,)
    docs: list[EvalDoc] = []
    for name in dirs:
        folder = root / name
        if not folder.is_dir():
            raise SetError(f"评测集目录不存在：{folder}。请确认在仓库根目录运行")
        for record_path in sorted(folder.glob("*.yaml")):
            doc = load_doc(record_path)
            if doc.set != name:
                raise _fail(record_path, f"set 为 {doc.set!r}，却放在 {name}/ "
                                         "下", "请移动文件或改正 set")
            docs.append(doc)
        orphans = [p.name for p in folder.glob("*.txt") if not p.with_suffix(".yaml").exists()]
        if orphans:
            raise SetError(f"评测集有正文缺少记录：{folder}：{'、'.join(sorted(orphans))}。"
                           f"请为每篇 .txt 写同名 .yaml")
    if not docs:
        raise SetError(f"评测集为空：{root}")
    return docs
