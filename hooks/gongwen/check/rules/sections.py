"""The parts each type needs (slots of its schema): present, and in order.

A part is found by meaning, never by exact wording (DOMAIN.md): a level-1 heading (else a
level-2 heading) that holds one of the slot's key words, an unheaded paragraph whose lead
sentence announces it, a sentence the slot expects, or — for work done by topic — level-1
headings that no other part claims. Key words are data (schemas/*.yaml), not code here.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from itertools import compress, islice
from operator import attrgetter, is_, itemgetter

from gongwen.common import quote
from gongwen.text.numbering import RE_ENUM_DI, RE_ENUM_SEQ

from ..document import Document, line_at, opening_text
from ..model import Finding, heading_fields
from ..schema import Schema, Slot
from .base import PRACTICE, Rule, cached
from .keywords import (
    NO_NAMES,
    key_words,
    lead_patterns,
    one_pattern,
    slot_data,
    titles_to_read,
    winners,
)
from .passages import closing_paragraphs, contrast_clause, opening_paragraphs

# A lead sentence: the start of a paragraph up to its first colon or full stop.
# (Possessive repeats: the marks that end a match are not among those it repeats, so
# giving characters back cannot help; without them re tries it 40 times a paragraph.)
RE_LEAD = re.compile(r"^[^。！？!?；;：:]{2,40}+[：:。]")
RE_YEAR = re.compile(r"(20\d\d)年")
RE_SENTENCE_START = re.compile(r"[。！？!?]")
RE_CLAUSE_AT = re.compile(r"[^。！？!?；;：:，,]{2,24}+[，,]")  # RE_LEAD_CLAUSE, at any position
RE_LEAD_CLAUSE = re.compile(r"^[^。！？!?；;：:，,]{2,24}+[，,]")
# RE_LEAD, else RE_LEAD_CLAUSE: one call a paragraph.
RE_LEAD_OR_CLAUSE = re.compile(f"(?:{RE_LEAD.pattern[1:]}|{RE_LEAD_CLAUSE.pattern[1:]})")
SHORT_OUTLINE = 12  # titles of levels 1 and 2 (see _match)


def _may_hold(outer: int | None, inner: int | None) -> bool:
    return outer is None or inner is None or outer <= inner


# Getters for the C loops below (map, compress): a long outline is read without a
# Python step per heading.
LEVEL = heading_fields("level")
LINE, TITLE = heading_fields("line"), heading_fields("title")
NUMBER = heading_fields("number")
HEADING = attrgetter("heading")
UPPER_LEVELS = frozenset((1, 2))
is_none = partial(is_, None)


def _top(document: Document) -> int:
    """The level the outline's parts are at: 1, or in a short text numbered from （一） or
    1. down (no 一、 anywhere, no Markdown heading), its highest level."""
    levels = set(map(LEVEL, document.headings))
    return 1 if 1 in levels or not levels or document.plain_headings else min(levels)


def _level_one(headings: list, top: int = 1) -> list:
    """The level-1 headings (or those of the outline's top level), in order."""
    return list(compress(headings, map(top.__eq__, map(LEVEL, headings))))


def _headings(document: Document, top: int) -> tuple[list[int], list[int], list[str]]:
    """(levels, lines, titles) of the headings a part may be, in line order: numbered
    headings of levels 1 and 2 (or the outline's top two levels, as 1 and 2), and Markdown
    headings without an ordinal (as level 1).
    Three lists, not a tuple per heading: a long outline is read in C loops."""
    headings = document.headings
    upper = list(compress(headings, map(UPPER_LEVELS.__contains__, map(LEVEL, headings)))) \
        if top == 1 else [h for h in headings if h.level - top + 1 in UPPER_LEVELS]
    levels, lines, titles = list(map(LEVEL, upper)), list(map(LINE, upper)), \
        list(map(TITLE, upper))
    if top != 1:
        levels = [level - top + 1 for level in levels]
    parts = _part_titles(document) if document.section_breaks else []
    if document.plain_headings or parts or lines != sorted(lines):
        rows = sorted([*zip(levels, lines, titles),
                       *((1, line.number, line.text) for line in document.plain_headings),
                       *parts],
                      key=itemgetter(1))
        levels, lines, titles = [r[0] for r in rows], [r[1] for r in rows], \
            [r[2] for r in rows]
    return levels, lines, titles


# 第一部分　2024年工作回顾: a part above the 一、 headings (each part numbers afresh).
RE_PART_MARK = re.compile(r"^第[一二三四五六七八九十]{1,3}(?:部分|章|编)[\s　：:]*")
PART_TITLE_MAX = 40


def _part_titles(document: Document) -> list[tuple[int, int, str]]:
    """(1, line, title) of each 第N部分/章/编 line: it names a part as a level-1 heading
    does (第三部分　2025年工作打算 is the plans). Not 第N条 (an article: its text is a
    provision) nor 第N节; a long line is a paragraph, not a title."""
    out = []
    for para in document.paragraphs:
        if para.section_break and (m := RE_PART_MARK.match(para.text)) \
                and 0 < len(title := para.text[m.end():]) <= PART_TITLE_MAX:
            out.append((1, para.line, title))
    return out


def _lead_hits(document: Document, schema: Schema, wanted: set[str]) -> dict[str, int]:
    """Parts opened by the lead sentence of an unheaded paragraph:
    工作中也还存在一些不足：一是…  /  下半年，我们将重点抓好三项工作：…

    Sure for the parts `wanted` (those no heading names: the others' lead phrases are not
    looked for); the reading stops once each of them is found."""
    hits: dict[str, int] = {}
    keyed = key_words(schema, "lead")
    led, any_lead = lead_patterns(schema)
    led = tuple(pair for pair in led if pair[0].name in wanted)
    paragraphs = document.paragraphs
    # (The headings, most paragraphs of a long outline, are passed over in C.)
    colon_only = not led  # (no lead phrase wanted: only a lead ending in ： names a part)
    for para in compress(paragraphs, map(is_none, map(HEADING, paragraphs))):
        if para.role or para.list_item or colon_only and "：" not in para.text and \
                ":" not in para.text:
            continue
        # A long first sentence: its first clause may still open a part by the slots' own
        # lead phrases (我们也清醒认识到，……; it ends in ，, so no heading words are tried).
        m = RE_LEAD_OR_CLAUSE.match(para.text)
        if (m is None or m.group()[-1] in "，,") and led and (turn := contrast_clause(para.text)):
            for slot, patterns in led:
                if slot.name not in hits and any(p.search(turn) for p in patterns):
                    hits[slot.name] = para.line
        if m is None:
            continue
        lead = m.group()
        if "如下" in lead and (schema.transition is None or schema.transition.search(lead)):
            # The transition of the opening, not a part (还存在一些不足，主要如下： is one).
            continue
        if lead[-1] in "：:":
            for name in winners(lead[:-1], keyed):
                hits.setdefault(name, para.line)
        if any_lead is not None and not any_lead.search(lead):
            continue  # no slot's lead phrase (most paragraphs)
        for slot, patterns in led:
            if slot.name not in hits and (patterns[0].search(lead) if len(patterns) == 1
                                          else any(p.search(lead) for p in patterns)):
                hits[slot.name] = para.line
        if wanted.issubset(hits):
            return hits  # (a later paragraph changes no part wanted: the first one counts)
    plans = next((pair for pair in led if pair[0].name == "plans"), None)
    if plans is not None and "plans" not in hits:
        # An outlook inside the closing paragraphs (……成效显著。展望来年，我校将……)
        # opens the next steps too.
        outlook = plans[1][0] if len(plans[1]) == 1 else None  # (joined: one search)
        for para in _last_part_opening(document) + closing_paragraphs(document):
            text = para.body if para.heading is not None else para.text
            for start in RE_SENTENCE_START.finditer(text):
                m = RE_CLAUSE_AT.match(text, start.end())
                if m and (outlook.search(m.group()) if outlook is not None
                          else any(p.search(m.group()) for p in plans[1])):
                    hits["plans"] = para.line
                    return hits
    return hits


def _last_part_opening(document: Document) -> list:
    """The last level-1 part's first paragraph (its heading's own text, else the paragraph
    after it): an outlook there opens that part (三、巩固整改成果…… ⏎ 目前，……。下一步，……)."""
    last = next((h for h in reversed(document.headings) if h.level == 1), None)
    if last is None:
        return []
    after = list(islice((p for p in document.paragraphs if p.line >= last.line), 2))
    if after and after[0].heading is not None and after[0].body:
        return after[:1]
    return [p for p in after[1:] if p.heading is None and not p.role]


def _phrase_line(document: Document, slot: Slot) -> int | None:
    if slot.where == "opening":
        if document.headings:
            text, bounds = cached(document, "opening-text", opening_text, document)
            for pattern in slot.phrases:
                m = pattern.search(text)
                if m:
                    return line_at(bounds, m.start())
            return None
        paragraphs = opening_paragraphs(document)
    elif slot.where == "closing":
        paragraphs = closing_paragraphs(document)
    else:
        paragraphs = [p for p in document.paragraphs if p.role not in ("title", "outline")]
    pattern = one_pattern(slot.phrases)
    for para in paragraphs:
        if pattern.search(para.body if para.heading is not None else para.text):
            return para.line
    return None


def _items_at_paragraph_start(document: Document) -> int:
    """Paragraphs that open with 第一，/首先 (a speech's points without headings)."""
    return sum(1 for p in document.paragraphs
               if p.heading is None and not p.role and p.text
               and (RE_ENUM_DI.match(p.text) or RE_ENUM_SEQ.match(p.text)))


class Parts:
    """Where each slot was found: (line, how: heading | lead | phrase | topical)."""

    def __init__(self, found: dict[str, tuple[int, str] | None], confident: bool) -> None:
        self.found = found
        # Every level-1 heading is a part the schema names: a part not found is missing.
        self.confident = confident

    def __getitem__(self, name: str) -> tuple[int, str] | None:
        return self.found[name]


def match_slots(document: Document, schema: Schema) -> Parts:
    """Find every slot of the schema in the document (once per document and schema)."""
    return cached(document, f"slots:{schema.doctype}", _match, document, schema)


def _match(document: Document, schema: Schema) -> Parts:
    slots, order, keyed, by_title, any_title = slot_data(schema)
    by_level: dict[int, dict[str, int]] = {1: {}, 2: {}}
    claimed: set[int] = set()
    level1 = 0
    parent: set[str] = set()  # the parts the current level-1 heading names
    years: set[int] = set()  # the years level-1 headings have named so far
    # A part named by two level-1 headings in a row: 二、工作举措 三、推动措施 (the second
    # is the safeguards in other words) is not read with confidence.
    parent_before: set[str] = set()
    twice: set[str] = set()
    spread = {slot.name for slot in slots if slot.anywhere}  # (组织实施 ⏎ 保障措施: both)
    top = _top(document)
    levels, lines, titles = _headings(document, top)
    # (A short outline has every title read: winners() of a title without a key word
    # finds none, at less cost than the scan of all titles for the few that have one.)
    may_name = set(range(len(titles))) if len(titles) <= SHORT_OUTLINE else \
        titles_to_read(titles, keyed)
    # Only the headings that may name a part, and the level-1 headings (which count, and
    # set the parent), are visited: the other level-2 headings name nothing.
    visit = may_name.union(compress(range(len(levels)), map((1).__eq__, levels)))
    # Slots named by the pattern of a whole title (few schemas have any): the headings
    # that match one are visited too.
    if any_title is not None:
        visit.update(i for i, title in enumerate(titles) if any_title.search(title))
    for index in sorted(visit):
        level, line, title = levels[index], lines[index], titles[index]
        names = winners(title, keyed[level]) if index in may_name else NO_NAMES
        if by_title:
            # (Also beside the key words' parts: 二、不足与改进 is problems and plans.)
            names = names.union(name for name, slot_levels, pattern in by_title
                                if level in slot_levels and pattern.search(title)) or NO_NAMES
        if level == 1:
            level1 += 1
            if "年" in title:  # (every match of RE_YEAR holds it: most titles have none)
                # (Or in the title's last clause: 开拓创新，全力以赴做好2026年工作.)
                ahead = RE_YEAR.match(title) or RE_YEAR.search(title, title.rfind("，") + 1) \
                    if "，" in title else RE_YEAR.match(title)
                if ahead and int(ahead[1]) - 1 in years and "plans" in order:
                    # 一、2025年工作回顾 … 三、2026年主要工作: the next year's work is the plan.
                    names = {"plans"}
                years.update(int(y) for y in RE_YEAR.findall(title))
            parent_before, parent = parent, names
            if names:
                claimed.add(line)
                twice |= (names & parent_before) - spread
        elif names:
            # A subheading names a part only inside a part that may hold it: 一、总体要求
            # holds （三）工作目标, but 四、下一步打算 does not hold the work done
            # (（二）巩固……成果 is a task there).
            names = {n for n in names if all(_may_hold(order[p], order[n]) for p in parent)}
        for name in names:
            by_level[level].setdefault(name, line)
    leads: dict[str, int] | None = None
    level_one = _level_one(document.headings, top)
    found: dict[str, tuple[int, str] | None] = {}
    for slot in slots:
        name = slot.name
        if name in by_level[1]:
            found[name] = (by_level[1][name], "heading")
        elif name in by_level[2]:
            found[name] = (by_level[2][name], "heading")
        else:
            found[name] = None
    # The parts a lead sentence may still name (those no heading names).
    wanted = {slot.name for slot in slots
              if found[slot.name] is None and (slot.leads or slot.synonyms)}
    for slot in slots:
        if found[slot.name] is not None:
            continue
        if slot.leads or slot.synonyms:
            if leads is None:
                leads = _lead_hits(document, schema, wanted)
            if slot.name in leads:
                found[slot.name] = (leads[slot.name], "lead")
                continue
        if slot.phrases:
            line = _phrase_line(document, slot)
            if line is not None:
                found[slot.name] = (line, "phrase")
                continue
        if slot.topical:
            # Parts by topic (加强党的领导，确保…): level-1 headings no slot claims.
            free = [h for h in level_one if h.line not in claimed]
            if len(free) >= slot.topical:
                found[slot.name] = (free[0].line, "topical")
            elif not document.headings and _items_at_paragraph_start(document) >= 2:
                found[slot.name] = (0, "phrase")
    # Sure only when the outline was read whole (its 一、二、三、 run from one without a
    # gap: a pasted text whose headings were partly missed is not) and every level-1
    # heading names a part.
    numbers = list(map(NUMBER, level_one))
    whole = numbers == list(range(1, len(numbers) + 1))
    # (An outline without 一、 is irregular: what is not found there is only a warning.)
    confident = level1 > 0 and whole and len(claimed) == level1 and top == 1 and not twice
    return Parts(found, confident)


RE_REGEX_SYNTAX = re.compile(r"[\\.^$*+?{}\[\]|()]")


def _where(slot: Slot) -> str:
    """Where the part is looked for, in the reader's words (a phrase written as a regex
    is not shown)."""
    words = "".join(quote(s) for s in slot.synonyms[:4])
    if slot.synonyms and slot.phrases:
        return f"语句或标题含{words}等的部分"
    if slot.synonyms:
        return f"标题含{words}等的部分"
    if slot.topical:
        return f"至少{slot.topical}个一级标题（一、）"
    plain = [p.pattern for p in slot.phrases if not RE_REGEX_SYNTAX.search(p.pattern)]
    return "".join(quote(p) for p in plain[:3]) + "等语句"


def _done_elsewhere(document: Document, slot: Slot) -> bool:
    """Does a sentence of the body do the part's work in another form (slot.elsewhere)?"""
    if not slot.elsewhere:
        return False
    pattern = one_pattern(slot.elsewhere)
    return any(pattern.search(p.text) for p in document.paragraphs
               if p.role not in ("title", "outline"))


def _title_matches(document: Document, patterns: tuple[re.Pattern, ...]) -> bool:
    """Does the document's title match one of `patterns` (a slot's not_in_titles: a part
    it does not have; soft_in_titles: a part it often leaves out)?"""
    return bool(patterns and document.title and any(p.search(document.title) for p in patterns))


def _missing(grade: str):
    def check(document, schema: Schema) -> Iterator[Finding]:
        rule = REQUIRED_SECTION if grade == "required" else RECOMMENDED_SECTION
        parts = match_slots(document, schema)
        kind = None
        for slot in schema.slots:
            if slot.grade != grade or parts[slot.name] is not None:
                continue
            if _title_matches(document, slot.not_in_titles):
                continue  # a part this kind of document does not have
            if kind is None:  # only for a finding (most documents have none)
                kind = schema.kind_of(document.title)
            if grade != "required":
                yield rule.finding(None, f"缺少建议部分{quote(slot.label)}：{kind}一般有"
                                         f"{_where(slot)}，正文中没有找到")
            elif _title_matches(document, slot.soft_in_titles):
                yield rule.finding(
                    None, f"没有找到必备部分{quote(slot.label)}：{kind}一般应有{_where(slot)}；"
                          f"标题是这种写法的{kind}常不单列这一部分（实务），请自己核对",
                    severity="warning")
            elif parts.confident and slot.synonyms and \
                    not any(parts[other] is not None for other in slot.inside) and \
                    not _done_elsewhere(document, slot):
                yield rule.finding(None, f"缺少必备部分{quote(slot.label)}：{kind}应有"
                                         f"{_where(slot)}，正文中没有找到")
            else:
                # Some headings name no part (or there are none): the part may be there
                # under a heading of its own wording. Say so, without failing the build.
                yield rule.finding(
                    None, f"没有找到必备部分{quote(slot.label)}：{kind}应有{_where(slot)}；"
                          f"如已写在其他标题或段落中，可不理会", severity="warning")
    return check


def _check_order(document, schema: Schema) -> Iterator[Finding]:
    parts = match_slots(document, schema)
    # (A part the title says it has not is something else there: an 整改情况的通报's
    # 存在的问题 are the problems found, told first.)
    placed = [(slot, parts[slot.name][0]) for slot in schema.slots
              if slot.order is not None and not slot.anywhere and parts[slot.name] is not None
              and parts[slot.name][1] in ("heading", "topical")
              and not _title_matches(document, slot.not_in_titles)]
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
为什么：对照检查材料没有“原因剖析”、工作总结没有“下一步打算”，就不成其为该文种。
部分按意思识别：一级标题（没有时二级标题）含关键词即算，如“问题产生的根源”算“原因剖析”，
“存在问题及原因分析”同时算两部分；也可以是以引导句开头的段落（“工作中还存在一些不足：”）。
每个一级标题都对上了某一部分，仍缺这一部分，才是错误；有标题对不上（按主题写的标题）时只提醒。
正例（工作总结）：一、主要工作和成效 二、存在问题 三、下一步打算
反例（工作总结）：一、主要工作和成效 二、存在问题（缺“下一步打算”）""",  # noqa: E501 (summary line)
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
