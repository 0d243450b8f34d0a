"""The shared records: outline headings, findings and a page's check result.

Everything that leaves the library (hooks, CLI, JSON report) is built from these, and
the words readers see for them are defined here once: the CLI, the panel, the overview
and the rules page all take their severity and category names from this module.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Literal, NamedTuple

from gongwen.text.numbering import canonical

Severity = Literal["error", "warning", "info"]
# Severity → the one Chinese word for it, most severe first (also the sort order).
SEVERITY_LABELS: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITIES: tuple[str, ...] = tuple(SEVERITY_LABELS)
SEVERITY_ORDER: dict[str, int] = {severity: i for i, severity in enumerate(SEVERITIES)}
# Category → its Chinese name (the English id stays in JSON only).
CATEGORY_LABELS: dict[str, str] = {
    "numbering": "序号", "hierarchy": "层次", "missing-section": "缺少部分", "order": "顺序",
    "declared-count": "宣布与提纲", "hygiene": "清理",
    "style": "标点与格式",
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_LABELS)
# A page's status → its Chinese name (the overview's badges and counts).
STATUS_LABELS: dict[str, str] = {"pass": "通过", "warn": "有警告", "fail": "有错误"}
LEVEL_NAMES: dict[int, str] = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity, severity)


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


class Heading(NamedTuple):
    """A numbered heading of the outline, with its 1-based source line.

    form: how it was written: 'markdown' (a # heading), 'line' (a paragraph that is
    only the heading) or 'run-in' (the first sentence of a paragraph).
    raw: the ordinal exactly as written (（一）、); width: bracket width for levels 2/4.
    A named tuple (immutable, built several times faster than a frozen dataclass: a page
    may hold a million headings).
    """

    line: int
    level: int
    label: str
    number: int
    title: str
    form: str
    raw: str = ""
    width: str = ""


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule. `acknowledged` holds the author's reason, if any."""

    rule: str            # stable code, e.g. GW103
    name: str            # English id, e.g. numbering-gap (JSON and acknowledgements only)
    severity: Severity   # error | warning | info
    category: str        # one of CATEGORIES
    line: int | None     # 1-based line in the source file, None for the whole page
    message: str         # Chinese, says what was expected and what was found
    authority: str = "实务"
    acknowledged: str | None = None
    title: str = ""      # the rule's short Chinese name, e.g. 序号跳号

    def format(self, path: str) -> str:
        """`path:line: [严重程度] message (CODE 中文名)`, the one message shape."""
        where = f"{path}:{self.line}" if self.line else path
        ack = f" [已确认：{self.acknowledged}]" if self.acknowledged else ""
        return (f"{where}: [{severity_label(self.severity)}] {self.message} "
                f"({self.rule} {self.title or self.name}){ack}")


_new = object.__new__


def make_finding(rule: str, name: str, severity: Severity, category: str, line: int | None,
                 message: str, authority: str = "实务", title: str = "") -> Finding:
    """Finding(...), built without its generated __init__ (a frozen dataclass sets each
    field through object.__setattr__: three times slower, for every finding of a page)."""
    finding = _new(Finding)
    finding.__dict__.update(rule=rule, name=name, severity=severity, category=category,
                            line=line, message=message, authority=authority,
                            acknowledged=None, title=title)
    return finding


def acknowledged(finding: Finding, reason: str) -> Finding:
    """dataclasses.replace(finding, acknowledged=reason), built as make_finding builds."""
    copy = _new(Finding)
    copy.__dict__.update(finding.__dict__, acknowledged=reason)
    return copy


@dataclass
class CheckResult:
    """What checking one document gives: its type, outline and findings."""

    path: str
    doctype: str | None
    title: str | None
    outline: list[Heading] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        """Errors not acknowledged by the author: these fail a strict build."""
        return [f for f in self.findings if f.severity == "error" and not f.acknowledged]

    @property
    def status(self) -> str:
        """'fail' (unacknowledged error), 'warn' (warnings or acknowledged errors) or 'pass'."""
        if self.blocking:
            return "fail"
        if any(f.severity in ("error", "warning") for f in self.findings):
            return "warn"
        return "pass"


def heading_fields(*names: str) -> itemgetter:
    """A getter of these fields of a Heading, by position (map() over a long outline: an
    itemgetter is several times faster than an attrgetter on a named tuple)."""
    return itemgetter(*(Heading._fields.index(name) for name in names))


def heading_label(heading: Heading) -> str:
    """The ordinal as the author wrote it, so a wrong form stays visible in the outline."""
    if heading.raw:
        return heading.raw
    try:
        return canonical(heading.level, heading.number)
    except ValueError:
        return heading.label
