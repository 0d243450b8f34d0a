"""Schemas of the document types (文种), read from YAML files in `schemas/`.

One file per doctype: its slots (the parts a checker looks for) with their key words
(`synonyms`), the words that rule a heading out (`unless`), the lead sentences that
open an unheaded part (`leads`), grade and expected order; the names of the type's own
kinds (`kinds`: 实施方案, 工作方案…) that messages use. A new doctype needs a new YAML
file and no code. Files are validated on load; a mistake gives an exact message naming
file, key, expected and actual value. Schemas are cached per process by file path and
modification time.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from time import monotonic

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
GRADES = ("required", "recommended", "optional")
GRADE_NAMES = {"required": "必备", "recommended": "建议", "optional": "可选"}
WHERES = ("body", "opening", "closing")
TOP_KEYS = ("doctype", "label", "kinds", "title_patterns", "transition", "salutation", "slots")
SLOT_KEYS = ("name", "label", "synonyms", "unless", "leads", "inside", "grade", "order",
             "anywhere", "not_in_titles", "levels", "phrases", "where", "topical", "titles",
             "elsewhere", "soft_in_titles")
PHRASE_KEYS = ("patterns", "example")


class SchemaError(ValueError):
    """A schema file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Slot:
    """A part of the type. `synonyms` are key words: a heading (level 1, else level 2)
    whose title holds one is this part, unless an `unless` pattern matches the title
    (解决…问题 is a task, not the problems part). `leads` match the lead sentence of an
    unheaded paragraph; `phrases` are sentences found anywhere in `where`; `titles` are
    patterns of a whole heading that names the part without a key word at its end
    (持续巩固深化整改成果 is the next steps)."""

    name: str
    label: str
    synonyms: tuple[str, ...]
    grade: str
    order: int | None = None
    levels: tuple[int, ...] = (1, 2)
    phrases: tuple[re.Pattern, ...] = ()
    where: str = "body"
    topical: int | None = None
    unless: tuple[re.Pattern, ...] = ()
    leads: tuple[re.Pattern, ...] = ()
    # Parts this one is often written inside (工作目标 in 总体要求's text): when one of
    # them is there, this part's absence cannot be told for sure.
    inside: tuple[str, ...] = ()
    titles: tuple[re.Pattern, ...] = ()
    # Its place among the parts varies in practice (组织领导 first or last): its order
    # is not checked, only used to tell which parts it may hold.
    anywhere: bool = False
    # Documents whose title matches one of these do not have this part (a speech at a
    # ceremony has no review of the year's work): it is not looked for there.
    not_in_titles: tuple[re.Pattern, ...] = ()
    # Sentences showing the part's work done in another form (each task of a 方案 names
    # its 牵头部门: the 保障 is spread over the tasks): with one in the body, a missing
    # part is reported as a warning, never an error.
    elsewhere: tuple[re.Pattern, ...] = ()
    # Documents whose title matches one of these often leave the part out (a 总结及计划
    # published for 政务公开 has no problems part): a missing part is a warning there.
    soft_in_titles: tuple[re.Pattern, ...] = ()


@dataclass(frozen=True)
class Phrase:
    """A sentence the type expects (transition 现将…如下, salutation 同志们：)."""

    patterns: tuple[re.Pattern, ...]
    example: str

    def search(self, text: str) -> re.Match | None:
        for pattern in self.patterns:
            m = pattern.search(text)
            if m:
                return m
        return None


@dataclass(frozen=True)
class Schema:
    doctype: str
    label: str
    slots: tuple[Slot, ...]
    title_patterns: tuple[re.Pattern, ...] = ()
    transition: Phrase | None = None
    salutation: Phrase | None = None
    path: str = ""
    kinds: tuple[str, ...] = ()

    def kind_of(self, title: str | None) -> str:
        """The document's own kind, as its title names it (…实施方案 → 实施方案): the
        listed kind that ends last in the title, the longest at a tie; else the last
        kind listed (the generic name: 方案), else the label."""
        best: tuple[int, int] | None = None
        found = self.kinds[-1] if self.kinds else self.label
        for kind in self.kinds if title else ():
            at = title.rfind(kind)
            if at >= 0 and (best is None or (at + len(kind), len(kind)) > best):
                best, found = (at + len(kind), len(kind)), kind
        return found


def _fail(path: str, key: str, expected: str, actual: object) -> SchemaError:
    return SchemaError(f"{path}: {key} 应为{expected}，实为 {actual!r}")


def _str(path: str, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, key, "非空字符串", value)
    return value


def _str_list(path: str, key: str, value: object, allow_empty: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or not allow_empty and not value:
        raise _fail(path, key, "字符串列表" if allow_empty else "非空字符串列表", value)
    for i, item in enumerate(value):
        _str(path, f"{key}[{i}]", item)
    return tuple(value)


def _regexes(path: str, key: str, value: object, allow_empty: bool = False
             ) -> tuple[re.Pattern, ...]:
    out = []
    for i, item in enumerate(_str_list(path, key, value, allow_empty=allow_empty)):
        try:
            out.append(re.compile(item))
        except re.error as exc:
            raise _fail(path, f"{key}[{i}]", f"正则表达式（{exc}）", item) from None
    return tuple(out)


def _unknown_keys(path: str, where: str, data: dict, allowed: tuple[str, ...]) -> None:
    for key in data:
        if key not in allowed:
            raise SchemaError(
                f"{path}: {where}未知的键 {key!r}，可用的键为 {'、'.join(allowed)}")


def _phrase(path: str, key: str, value: object) -> Phrase | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _fail(path, key, "映射（patterns, example）", value)
    _unknown_keys(path, f"{key} 中", value, PHRASE_KEYS)
    if "patterns" not in value:
        raise SchemaError(f"{path}: {key} 缺少键 'patterns'")
    example = value.get("example", "")
    if example:
        _str(path, f"{key}.example", example)
    return Phrase(_regexes(path, f"{key}.patterns", value["patterns"]), example or "")


def _slot(path: str, index: int, data: object) -> Slot:
    key = f"slots[{index}]"
    if not isinstance(data, dict):
        raise _fail(path, key, "映射（name, label, synonyms, grade…）", data)
    _unknown_keys(path, f"{key} 中", data, SLOT_KEYS)
    for required in ("name", "label", "synonyms", "grade"):
        if required not in data:
            raise SchemaError(f"{path}: {key} 缺少键 {required!r}")
    name = _str(path, f"{key}.name", data["name"])
    label = _str(path, f"{key}.label", data["label"])
    synonyms = _str_list(path, f"{key}.synonyms", data["synonyms"])
    unless = _regexes(path, f"{key}.unless", data.get("unless", []), allow_empty=True)
    leads = _regexes(path, f"{key}.leads", data.get("leads", []), allow_empty=True)
    inside = _str_list(path, f"{key}.inside", data.get("inside", []))
    titles = _regexes(path, f"{key}.titles", data.get("titles", []), allow_empty=True)
    not_in_titles = _regexes(path, f"{key}.not_in_titles", data.get("not_in_titles", []),
                             allow_empty=True)
    elsewhere = _regexes(path, f"{key}.elsewhere", data.get("elsewhere", []), allow_empty=True)
    soft_in_titles = _regexes(path, f"{key}.soft_in_titles", data.get("soft_in_titles", []),
                              allow_empty=True)
    grade = data["grade"]
    if grade not in GRADES:
        raise _fail(path, f"{key}.grade", " " + "、".join(GRADES) + " 之一", grade)
    order = data.get("order")
    if order is not None and (not isinstance(order, int) or isinstance(order, bool)):
        raise _fail(path, f"{key}.order", "整数", order)
    anywhere = data.get("anywhere", False)
    if not isinstance(anywhere, bool):
        raise _fail(path, f"{key}.anywhere", " true 或 false", anywhere)
    levels = data.get("levels", [1, 2])
    if not isinstance(levels, list) or not levels or \
            any(lv not in (1, 2, 3, 4) or isinstance(lv, bool) for lv in levels):
        raise _fail(path, f"{key}.levels", "1 至 4 的整数列表", levels)
    phrases = _regexes(path, f"{key}.phrases", data.get("phrases", []), allow_empty=True)
    where = data.get("where", "body")
    if where not in WHERES:
        raise _fail(path, f"{key}.where", " " + "、".join(WHERES) + " 之一", where)
    topical = data.get("topical")
    if topical is not None and (not isinstance(topical, int) or isinstance(topical, bool)
                                or topical < 1):
        raise _fail(path, f"{key}.topical", "正整数", topical)
    if not synonyms and not phrases and not leads and not titles and topical is None:
        raise SchemaError(
            f"{path}: {key} 无法匹配：synonyms、phrases、leads、titles、topical 至少要有一项")
    return Slot(name, label, synonyms, grade, order, tuple(levels), phrases, where, topical,
                unless, leads, inside, titles, anywhere, not_in_titles, elsewhere,
                soft_in_titles)


def parse_schema(data: object, path: str) -> Schema:
    """Validate one schema file's data; raise SchemaError with an exact message."""
    if not isinstance(data, dict):
        raise _fail(path, "文件内容", "映射（doctype, label, slots…）", data)
    _unknown_keys(path, "", data, TOP_KEYS)
    for required in ("doctype", "label", "slots"):
        if required not in data:
            raise SchemaError(f"{path}: 缺少键 {required!r}")
    doctype = _str(path, "doctype", data["doctype"])
    stem = Path(path).stem
    if doctype != stem:
        raise _fail(path, "doctype", f"与文件名一致的 {stem!r}", doctype)
    label = _str(path, "label", data["label"])
    slots_data = data["slots"]
    if not isinstance(slots_data, list) or not slots_data:
        raise _fail(path, "slots", "非空列表", slots_data)
    slots = tuple(_slot(path, i, item) for i, item in enumerate(slots_data))
    names = [slot.name for slot in slots]
    for name in names:
        if names.count(name) > 1:
            raise _fail(path, "slots[].name", "各不相同", name)
    for i, slot in enumerate(slots):
        for j, other in enumerate(slot.inside):
            if other not in names or other == slot.name:
                raise _fail(path, f"slots[{i}].inside[{j}]", "另一个部分的 name", other)
    patterns = _regexes(path, "title_patterns", data["title_patterns"]) \
        if "title_patterns" in data else ()
    kinds = _str_list(path, "kinds", data.get("kinds", []))
    return Schema(doctype, label, slots, patterns,
                  _phrase(path, "transition", data.get("transition")),
                  _phrase(path, "salutation", data.get("salutation")), path, kinds=kinds)


_CACHE: dict[str, tuple[float, Schema]] = {}
_DIR_CACHE: dict[str, tuple[tuple, dict[str, Schema]]] = {}


def load_schema_file(path: str | os.PathLike) -> Schema:
    """One schema file, validated; cached by path and modification time."""
    import yaml  # here, not on top: the browser reads schemas from JSON (no PyYAML there)

    key = str(path)
    mtime = os.stat(key).st_mtime_ns
    hit = _CACHE.get(key)
    if hit and hit[0] == mtime:
        return hit[1]
    try:
        with open(key, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行：" if mark is not None else ""
        raise SchemaError(f"{key}: YAML 语法错误，{where}{getattr(exc, 'problem', exc)}") \
            from None
    except UnicodeDecodeError:
        raise SchemaError(f"{key}: 不是 UTF-8 编码的文本") from None
    schema = parse_schema(data, key)
    _CACHE[key] = (mtime, schema)
    return schema


def load_schemas(directory: str | os.PathLike | None = None) -> dict[str, Schema]:
    """All schemas of a folder (default: the package's), keyed by doctype."""
    folder = Path(directory) if directory is not None else SCHEMA_DIR
    key = str(folder)
    hit = _DIR_CACHE.get(key)
    # Called for every page: a stat of the folder and of each file, no listing, no YAML,
    # unless something changed (a file added or removed changes the folder's mtime).
    if hit is not None:
        stamp, cached = hit
        try:
            if os.stat(key).st_mtime_ns == stamp[0] and \
                    all(os.stat(name).st_mtime_ns == mtime for name, mtime in stamp[1]):
                return cached
        except OSError:
            pass
    files = sorted(folder.glob("*.yaml"))
    stamp = (os.stat(key).st_mtime_ns, tuple((str(f), f.stat().st_mtime_ns) for f in files))
    schemas = {}
    for file in files:
        schema = load_schema_file(file)
        schemas[schema.doctype] = schema
    _DIR_CACHE[key] = (stamp, schemas)
    return schemas


# How long the package's schemas, once checked, serve the pages without a new look at
# their files (see page_schemas).
RECHECK_SECONDS = 1.0
_page_check: list[float] = [float("-inf")]  # when page_schemas last checked the files


def page_schemas() -> dict[str, Schema]:
    """The package's schemas for checking one more page: load_schemas(), with the stat of
    the folder and of each file (whether the live server's author changed one) done at most
    once a second rather than for every page (seven stats were a twentieth of the rules'
    time on a short page). An explicit load_schemas() (a build's start, the CLI) always
    looks at the files."""
    now = monotonic()
    hit = _DIR_CACHE.get(str(SCHEMA_DIR))
    if hit is not None and now - _page_check[0] < RECHECK_SECONDS:
        return hit[1]
    schemas = load_schemas()
    _page_check[0] = now
    return schemas


RE_TRAILING_NOTE = re.compile(r"(?:[（(][^（）()]{0,20}[）)])+$")


def infer_doctype(title: str | None, schemas: dict[str, Schema]) -> str | None:
    """The doctype whose title pattern matches; the 文种 ends a Chinese title, so the
    match that ends last (then the longest) wins."""
    if not title:
        return None
    # A trailing bracketed note is no part of the 文种: …行动方案（试行）, …计划（征求意见稿）.
    title = RE_TRAILING_NOTE.sub("", title.strip())
    # A page about a type (titled just 工作总结 / 情况汇报) is not a document of it.
    if any(title == schema.label for schema in schemas.values()):
        return None
    best: tuple[int, int] | None = None
    found = None
    for doctype, schema in schemas.items():
        for pattern in schema.title_patterns:
            m = pattern.search(title)
            if m:
                score = (m.end(), m.end() - m.start())
                if best is None or score > best:
                    best, found = score, doctype
    return found
