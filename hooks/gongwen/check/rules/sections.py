"""The parts each type needs (slots of its schema): present, and in order."""
from __future__ import annotations

from collections.abc import Iterator

from gongwen.common import quote

from ..document import line_at, opening_text
from ..model import Finding
from ..schema import Schema, Slot
from .base import PRACTICE, Rule, cached


def _candidates(document, slot: Slot) -> list[tuple[int, str]]:
    """(line, title) of the headings a slot may match: numbered headings of its levels,
    and Markdown headings without an ordinal when level 1 is allowed."""
    out = [(h.line, h.title) for h in document.headings if h.level in slot.levels]
    if 1 in slot.levels:
        out += [(line.number, line.text) for line in document.plain_headings]
    return sorted(out)


def _phrase_line(document, slot: Slot) -> int | None:
    if slot.where == "opening":
        text, bounds = opening_text(document)
        hits = [text.find(p) for p in slot.phrases if p in text]
        return line_at(bounds, min(hits)) if hits else None
    paragraphs = [document.closing] if slot.where == "closing" else document.paragraphs
    for para in paragraphs:
        if para is None or para.role == "outline":
            continue
        if any(p in para.text for p in slot.phrases):
            return para.line
    return None


def match_slots(document, schema: Schema) -> dict[str, tuple[int, str] | None]:
    """For each slot: (line, how it matched: heading | phrase | topical), or None."""
    def compute() -> dict[str, tuple[int, str] | None]:
        found: dict[str, tuple[int, str] | None] = {}
        claimed: set[int] = set()
        for slot in schema.slots:
            hit = None
            if slot.synonyms:
                for line, title in _candidates(document, slot):
                    for synonym in slot.synonyms:  # a loop, not any(): no generator per heading
                        if synonym in title:
                            claimed.add(line)
                            hit = hit or (line, "heading")
                            break
            found[slot.name] = hit
        for slot in schema.slots:
            if found[slot.name] is None and slot.phrases:
                line = _phrase_line(document, slot)
                if line is not None:
                    found[slot.name] = (line, "phrase")
            if found[slot.name] is None and slot.topical:
                # Topical parts (加强党的领导，确保…): level-1 headings no slot claims.
                free = [h for h in document.headings if h.level == 1 and h.line not in claimed]
                if len(free) >= slot.topical:
                    found[slot.name] = (free[0].line, "topical")
        return found
    return cached(document, f"slots:{schema.doctype}", compute)


def _where(slot: Slot) -> str:
    if slot.synonyms:
        names = "".join(quote(s) for s in slot.synonyms[:4])
        return f"标题含{names}等的部分"
    if slot.topical:
        return f"至少{slot.topical}个一级标题（一、）"
    return "".join(quote(p) for p in slot.phrases[:3]) + "等语句"


def _missing(grade: str):
    def check(document, schema: Schema) -> Iterator[Finding]:
        rule = REQUIRED_SECTION if grade == "required" else RECOMMENDED_SECTION
        found = match_slots(document, schema)
        for slot in schema.slots:
            if slot.grade == grade and found[slot.name] is None:
                what = "必备部分" if grade == "required" else "建议部分"
                yield rule.finding(
                    None, f"缺少{what}{quote(slot.label)}：{schema.label}应有{_where(slot)}，"
                          f"正文中没有找到")
    return check


def _check_order(document, schema: Schema) -> Iterator[Finding]:
    found = match_slots(document, schema)
    placed = [(slot, found[slot.name][0]) for slot in schema.slots
              if slot.order is not None and found[slot.name] is not None
              and found[slot.name][1] != "phrase"]
    for slot, line in placed:
        for other, other_line in placed:
            if other.order < slot.order and other_line > line:
                yield SECTION_ORDER.finding(
                    line, f"部分顺序不当：{quote(slot.label)}应在{quote(other.label)}之后，"
                          f"实际在其前（{quote(other.label)}在第{other_line}行）")
                break


REQUIRED_SECTION = Rule(
    code="GW201", title="缺少必备部分", name="required-section-missing", severity="error",
    category="missing-section", authority=PRACTICE, guide="required-sections",
    doc="""缺少必备部分：按文种的提纲（schemas/*.yaml 中 grade: required 的部分），正文应有对应的部分。
为什么：对照检查材料没有“原因剖析”、工作总结没有“下一步打算”，就不成其为该文种；
部分由一级标题中的同义词识别（如“存在问题及原因分析”同时算“存在问题”和“原因分析”）。
正例（工作总结）：一、主要工作和成效 二、存在问题 三、下一步打算
反例（工作总结）：一、主要工作和成效 二、存在问题（缺“下一步打算”）""",
    check=_missing("required"), needs_schema=True)

RECOMMENDED_SECTION = Rule(
    code="GW202", title="缺少建议部分", name="recommended-section-missing", severity="warning",
    category="missing-section", authority=PRACTICE, guide="required-sections",
    doc="""缺少建议部分：文种提纲中 grade: recommended 的部分没有出现。
为什么：这些部分是惯常写法（如情况汇报的“存在问题”“下一步打算”），缺了不算错，但应心中有数。
正例（情况汇报）：一、主要做法 二、存在问题 三、下一步打算
反例（情况汇报）：一、…二、…三、…（只有做法，没有问题和打算）""",
    check=_missing("recommended"), needs_schema=True)

SECTION_ORDER = Rule(
    code="GW203", title="部分顺序", name="section-order", severity="warning",
    category="order", authority=PRACTICE, guide="section-order",
    doc="""部分的顺序：各部分应按文种的惯常顺序排列（schemas/*.yaml 中的 order）。
为什么：对照检查材料先摆问题、再析原因、后定措施，顺序倒了逻辑就断了；顺序是惯例，只提醒。
正例：一、存在的问题 二、原因剖析 三、整改措施
反例：一、存在的问题 二、整改措施 三、原因剖析""",
    check=_check_order, needs_schema=True)

RULES = [REQUIRED_SECTION, RECOMMENDED_SECTION, SECTION_ORDER]
