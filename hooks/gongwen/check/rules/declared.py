"""What a document announces about itself: 讲三点意见, and its 【提纲】 block.

The family owns its analyses: `declarations(document)` (each announced count and what
follows it) and `outline_entries(document)` (the entries of a 【提纲】 block), both
computed once per document.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from gongwen.common import quote
from gongwen.text.numbering import CN_NUM, canonical, cn_to_int

from ..document import RE_OUTLINE_START, Document, line_locator
from ..model import LEVEL_NAMES, Finding, Heading
from .base import PRACTICE, Rule, cached, family_member
from .enumeration import Enumeration, enumerations
from .meta import KINDS
from .scan import paragraphs_with_any
from .spoken import bare_numeral_parts, named_first, unit_items, yao_items

RE_DECLARED = re.compile(
    rf"(?:(?:讲|谈|提出|提|强调|突出|抓好)(?:了|以下|如下)?(?P<a>[{CN_NUM}])"
    rf"(?P<unit>点|个方面|个问题|方面的?问题|条)"
    rf"|(?:从|围绕)(?P<ahead>以下|如下)?(?P<b>[{CN_NUM}])个方面"
    rf"|(?:一共|共)(?P<c>[{CN_NUM}])(?:条|点))"
)
# A list announced by 以下 and closed by its colon (呈现以下三大亮点：, 做了以下四项工作：)
# or named part by part (现从工作情况、存在问题、下一步打算三个方面总结如下：). Such
# phrases also report what something else holds (对以下三类人员给予补助：低保户……),
# so they count only what starts right after them (see _right_after).
RE_LIST_AHEAD = re.compile(
    rf"(?:以下|如下)(?P<d>[{CN_NUM}])(?:个方面|个|大|项|点|条|方面)[\u4e00-\u9fff]{{0,6}}?[：:]"
    rf"|从(?=[^，,。；;：:！？!?]{{0,40}}、)[^，,。；;：:！？!?]{{2,40}}?(?P<e>[{CN_NUM}])个方面")
# Every announced count has its numeral right before 点, 个方面, 个问题, 方面 or 条.
RE_DECLARED_HINT = re.compile(rf"[{CN_NUM}](?:点|个方面|个问题|方面|条)")
# The same, as patterns that start with the character after the numeral and look back for
# it: re skips to one literal several times faster than to a class or a literal of two.
DECLARED_HINTS = [re.compile(rf"点(?<=[{CN_NUM}]点)"), re.compile(rf"条(?<=[{CN_NUM}]条)"),
                  re.compile(rf"方(?=面)(?:(?<=[{CN_NUM}]方)|(?<=[{CN_NUM}]个方))"),
                  re.compile(rf"个(?=问题)(?<=[{CN_NUM}]个)"),
                  re.compile(rf"下(?<=[以如]下)(?=[{CN_NUM}])")]
# Only the author's own announcement counts (下面，我讲三点意见), not a report of what
# someone else asked for (市委主要领导……对教育工作提出三点要求). The clause before the
# verb is empty, or has the author in it, and no one else.
RE_CLAUSE_START = re.compile(r"[。！？!?；;，,：:]")
CLAUSE_MARKS = tuple("。！？!?；;，,：:")  # (the same, one by one)
RE_AUTHOR = re.compile(r"我|下面|下边|以下|这里|在此|借此|今天|本人|^现")
RE_SOMEONE_ELSE = re.compile(
    r"领导|书记|主任|市长|省长|县长|局长|部长|总理|中央|上级|会议|文件|通知|指示|讲话|他|她|其")
# A second count right after the first (五个方面21项措施): what something holds, reported.
RE_SECOND_COUNT = re.compile(rf"(?:\d+|[{CN_NUM}]+)(?:项|条|个|大|类|方面)")
# An announcement of aspects to check counts the aspects (（一）…（五）) inside the first
# part when the parts themselves are problems, causes and measures.
RE_ASPECT_CHECK = re.compile(r"对照|查摆|检视|剖析|检查")
RE_OUTLINE_ENTRY = re.compile(
    rf"(?:(?<=^)|(?<=[。；;：:\s】]))(?:(?P<l1>[{CN_NUM}]{{1,3}})[、.．]|[（(](?P<l2>[{CN_NUM}]{{1,3}})[）)])"
)


# How many paragraphs below an announcement the list it announces may start.
ENUM_REACH = 6
ROLE = attrgetter("role")
LEVEL = attrgetter("level")


@dataclass(frozen=True)
class Declaration:
    """An announced count (讲三点意见) and what follows it."""

    line: int
    count: int
    text: str
    found: int | None  # parts found after it; None when nothing numbered follows
    found_what: str    # e.g. '一级标题（一、）' or '“一是”列举'
    found_line: int | None


class OutlineEntry(NamedTuple):
    """An entry of a 【提纲】 block: level 1 (一、) or 2 (（一）) under `parent` (a named
    tuple: a 【提纲】 has dozens, and a frozen dataclass is slow to build)."""

    line: int
    level: int
    label: str
    number: int
    title: str
    parent: int | None  # number of the level-1 entry above a level-2 entry


def declarations(document: Document) -> list[Declaration]:
    return cached(document, "declarations", _read_declarations, document)


def outline_entries(document: Document) -> list[OutlineEntry]:
    return cached(document, "outline_entries", _read_outline_entries, document)


def _read_outline_entries(doc: Document) -> list[OutlineEntry]:
    """The entries of the 【提纲】 block (the reader marks its paragraphs 'outline')."""
    out: list[OutlineEntry] = []
    parent: int | None = None
    # (The paragraphs of the block picked in C: most pages have none.)
    paragraphs = doc.paragraphs
    for para in compress(paragraphs, map("outline".__eq__, map(ROLE, paragraphs))):
        for line in para.lines:
            text = RE_OUTLINE_START.sub("", line.text)
            matches = list(RE_OUTLINE_ENTRY.finditer(text))
            for i, m in enumerate(matches):
                end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
                title = text[m.end():end].strip().rstrip("。；;，,").strip()
                l1, l2 = m.group("l1", "l2")
                label = l1 or l2
                num = _VALUES.get(label, 0)
                if num == 0:
                    num = _VALUES[label] = cn_to_int(label)
                if not num:
                    continue
                # OutlineEntry(...), built in C (the named tuple's __new__ is Python code).
                if l1:
                    parent = num
                    out.append(new_tuple(OutlineEntry, (line.number, 1, l1, num, title, None)))
                else:
                    out.append(new_tuple(OutlineEntry, (line.number, 2, l2, num, title, parent)))
    return out


# The value of each numeral of an entry (at most three of CN_NUM: a bounded memo).
_VALUES: dict[str, int | None] = {}
new_tuple = tuple.__new__


def _clause_start(text: str, start: int) -> int:
    """Where the clause of position `start` begins: after the last clause mark before it
    (RE_CLAUSE_START's last match: each mark looked for backwards, rather than every mark
    of the paragraph forwards), else 0."""
    return max([text.rfind(mark, 0, start) for mark in CLAUSE_MARKS]) + 1


def _by_author(text: str, start: int, ahead: bool) -> bool:
    """Is the announcement at `start` the author's own?"""
    if ahead:
        return True  # 从以下五个方面: 以下 points at this very text
    before = text[_clause_start(text, start):start]
    if RE_SOMEONE_ELSE.search(before):
        return False
    return not before or bool(RE_AUTHOR.search(before))


def _read_declarations(doc: Document) -> list[Declaration]:
    out: list[Declaration] = []
    items = enumerations(doc)
    paragraphs = doc.paragraphs
    for index in paragraphs_with_any(doc, DECLARED_HINTS):  # the few that may announce
        para = paragraphs[index]
        if para.role == "title" or para.role == "outline":
            continue
        text = para.text
        taken: list[tuple[int, int]] = []  # (the spans of RE_DECLARED's announcements)
        for m in RE_DECLARED.finditer(text):
            count = cn_to_int(m.group("a") or m.group("b") or m.group("c") or "")
            if not count or count < 2 or not _by_author(text, m.start(), bool(m.group("ahead"))):
                continue
            if RE_SECOND_COUNT.match(text, m.end()):
                continue  # 围绕五个方面21项措施: what a plan holds, reported, not announced
            line = line_locator(para, text, para.line)(m.start())
            end = text.find("。", m.end())
            rest = text[m.end():end if end >= 0 else len(text)]
            aspects = "方面" in m.group(0) and bool(RE_ASPECT_CHECK.search(rest))
            out.append(_what_follows(doc, items, index, m.end(), line, count, m.group(0),
                                     aspects, m.group("unit") or ""))
            taken.append((m.start(), m.end()))
        for m in RE_LIST_AHEAD.finditer(text):
            count = cn_to_int(m.group("d") or m.group("e") or "")
            if not count or count < 2 or any(a < m.end() and m.start() < b for a, b in taken) \
                    or m.group("e") and not _by_author(text, m.start(), False):
                continue
            line = line_locator(para, text, para.line)(m.start())
            found = _what_follows(doc, items, index, m.end(), line, count, m.group(0))
            if m.group("e") and found.found != count and found.found_line is not None and \
                    named_first(doc.headings, m.group(0)[1:m.start("e") - m.start()], count,
                                found.found_line):
                continue  # 从德、能、勤、绩、廉五个方面 ⏎ 一、德 … 五、廉 ⏎ 六、存在的不足
            if _right_after(doc, index, found):
                out.append(found)
    return out


def _right_after(doc: Document, index: int, found: Declaration) -> bool:
    """Does what `found` counts start in the announcing paragraph or the next one?"""
    if found.found is None or found.found_line is None:
        return False
    para = doc.paragraphs[index]
    if found.found_line <= para.lines[-1].number:
        return True
    following = next((p for p in doc.paragraphs[index + 1:index + 3] if not p.role), None)
    return following is not None and following.line == found.found_line


def _first_heading_after(doc: Document, index: int) -> int | None:
    """The index in doc.headings of the first heading in a paragraph after
    doc.paragraphs[index] (None: none)."""
    def through() -> list[int]:  # [i]: how many headings paragraphs[:i + 1] hold
        headings, out, seen = doc.headings, [], 0
        for para in doc.paragraphs:
            if seen < len(headings) and para.heading is headings[seen]:
                seen += 1
            out.append(seen)
        return out

    seen = cached(doc, "headings-through", through)[index]
    return seen if seen < len(doc.headings) else None


def _scope_end(doc: Document, index: int, start: int | None) -> int | None:
    """The line where the heading that doc.paragraphs[index] stands under (or opens, run
    in) ends: the next heading of its level or above (None: the page's end). Under a
    heading, an announcement speaks of what lies inside it."""
    if not start:  # no heading after it, or none before
        return None
    headings = doc.headings
    owner = headings[start - 1]
    # The shallowest level above the owner: a heading of a level not seen before it (一、
    # after （一）（二）（三） with no 一、 above them) does not close it, for the owner had
    # no such parent to close.
    above = min(map(LEVEL, headings[:start]))
    return next((h.line for h in headings[start:]
                 if h.level <= owner.level and h.level >= above), None)


def _what_follows(doc: Document, items_of_doc: list[Enumeration], index: int, offset: int,
                  line: int, count: int, text: str, aspects: bool = False,
                  unit: str = "") -> Declaration:
    # Items later in the same paragraph answer the announcement first (…一共三条：一是…).
    same = sorted((e for e in items_of_doc if e.paragraph == index and e.offset >= offset),
                  key=attrgetter("offset"))
    if same:
        seq = same[0].sequence
        items = [e for e in same if e.sequence == seq]
        return Declaration(line, count, text, len(items), f"“{items[0].label}”列举",
                           items[0].line)
    if unit:
        # 讲两个问题。第一个问题：…… ⏎ 第一，…第四， ⏎ 第二个问题：……: the parts are
        # named with the announcement's own word, whatever is listed inside them.
        named = unit_items(doc, index, offset, unit)
        if named:
            return Declaration(line, count, text, len(named), f"“{named[0][1]}”", named[0][0])
    bare = bare_numeral_parts(doc, index, ENUM_REACH)
    if bare:
        return Declaration(line, count, text, len(bare), "以单独一行的“一”标出的部分", bare[0])
    yao = yao_items(doc, index, offset)
    if yao:
        return Declaration(line, count, text, len(yao), f"“{yao[0][1]}”列举", yao[0][0])
    # What follows is found by paragraph, not by line: text pasted without its line
    # breaks has the announcement and the 一、 it announces on one line.
    headings = doc.headings
    start = _first_heading_after(doc, index)
    end = _scope_end(doc, index, start)
    next_heading = headings[start] if start is not None and (
        end is None or headings[start].line < end) else None
    # An enumeration far below is some other list (我讲四个问题 over parts the reader did
    # not take for headings, then 一是… pages later): it does not answer the count.
    next_enum = next((e for e in items_of_doc if e.paragraph > index and e.number == 1
                      and (end is None or e.line < end)
                      and e.paragraph - index <= ENUM_REACH), None)
    if next_enum and (next_heading is None or next_enum.line < next_heading.line):
        items = [e for e in items_of_doc if e.sequence == next_enum.sequence]
        return Declaration(line, count, text, len(items), f"“{items[0].label}”列举",
                           next_enum.line)
    if next_heading is None:
        return Declaration(line, count, text, None, "", None)
    level = next_heading.level
    found = 0
    parts: list[tuple[Heading, list[Heading]]] = []  # each part and the headings under it
    # Counted up to the next part (a second report in the same file numbers its own).
    end = next((b for b in doc.part_breaks if b > start), len(headings))
    for heading in headings[start:end]:
        if heading.level < level:
            break
        if heading.level == level:
            found += 1
            parts.append((heading, []))
        else:
            parts[-1][1].append(heading)
    if aspects and found != count:
        # 从以下五个方面进行对照检查 ⏎ 一、查摆问题 （一）…（五） (or 1.…5., or 一是…五是):
        # the aspects are the subheadings of the first part that has any, or the items
        # listed in it (一、上年度整改落实情况, with none, may come before).
        for at, (part, children) in enumerate(parts):
            if children:
                top = min(h.level for h in children)
                children = [h for h in children if h.level == top]
                return Declaration(line, count, text, len(children),
                                   f"{LEVEL_NAMES[top]}（{canonical(top, 1)}）",
                                   children[0].line)
            part_end = parts[at + 1][0].line if at + 1 < len(parts) else None
            listed = next((e for e in items_of_doc if e.line > part.line and e.number == 1
                           and (part_end is None or e.line < part_end)), None)
            if listed is not None:
                items = [e for e in items_of_doc if e.sequence == listed.sequence]
                return Declaration(line, count, text, len(items), f"“{items[0].label}”列举",
                                   listed.line)
    return Declaration(line, count, text, found,
                       f"{LEVEL_NAMES[level]}（{canonical(level, 1)}）", next_heading.line)


RE_NOT_WORD = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    return RE_NOT_WORD.sub("", text)


def _is_document(document: Document, schema) -> bool:
    return schema is not None or not document.markdown or document.meta.get("kind") in KINDS


def _check_count(document, schema) -> Iterator[Finding]:
    for d in declarations(document):
        if d.found is None:
            # Announced, then nothing numbered (no 一、, 第一，, 一是): the points may be
            # plain paragraphs, so a warning; only in a document (a page about speeches
            # quotes 我讲三点意见 as an example).
            if not _is_document(document, schema):
                continue
            yield DECLARED_COUNT.finding(
                d.line, f"宣布了条数，其后却没有编号的部分：宣布{quote(d.text)}（{d.count}项），"
                        f"其后没有“一、”“第一，”“一是”之类的序号，无从对照",
                severity="warning")
            continue
        if d.found == d.count:
            continue
        yield DECLARED_COUNT.finding(
            d.line, f"宣布的条数与实际不符：宣布{quote(d.text)}（{d.count}项），"
                    f"其后实有{d.found}个{d.found_what}（第{d.found_line}行起）")


def _analyse_outline(document) -> list[tuple[Rule, Finding]]:
    out: list[tuple[Rule, Finding]] = []
    entries = outline_entries(document)
    if not entries:
        return out
    level1: list[Heading] = [h for h in document.headings if h.level == 1]
    children: dict[int | None, list[Heading]] = {}
    parent_line: int | None = None
    for h in document.headings:
        if h.level == 1:
            parent_line = h.line
        elif h.level == 2:
            children.setdefault(parent_line, []).append(h)
    matched_parent: dict[int, Heading | None] = {}

    norms: dict[str, str] = {}  # each title made comparable once (_norm)

    def norm(title: str) -> str:
        found = norms.get(title)
        if found is None:
            found = norms[title] = _norm(title)
        return found

    def find(entry, pool: list[Heading]) -> tuple[Heading | None, bool]:
        """(heading, title agrees) for an entry among the headings of its place."""
        a = norm(entry.title)
        for h in pool:
            b = norm(h.title)  # the same title: one holds the other
            if a and b and (a in b or b in a):
                return h, True
        for h in pool:
            if h.number == entry.number:
                return h, False
        return None, False

    for entry in entries:
        if entry.level == 1:
            heading, agrees = find(entry, level1)
            matched_parent[entry.number] = heading
        else:
            if entry.parent not in matched_parent or matched_parent[entry.parent] is None:
                continue  # its part is missing as a whole: reported once, for the part
            parent = matched_parent[entry.parent]
            heading, agrees = find(entry, children.get(parent.line, []))
        if heading is not None and agrees:
            continue
        written = canonical(entry.level, entry.number)  # (only for a finding)
        if heading is None:
            where = "正文中没有" if entry.level == 1 else \
                f"正文“{canonical(1, entry.parent)}”之下没有"
            out.append((OUTLINE_MISSING, OUTLINE_MISSING.finding(
                entry.line, f"提纲所列部分缺失：提纲有{quote(written + entry.title)}，{where}")))
        elif not agrees:
            out.append((OUTLINE_MISMATCH, OUTLINE_MISMATCH.finding(
                heading.line, f"正文标题与提纲不一致：提纲为{quote(written + entry.title)}，"
                              f"正文为{quote(heading.raw + heading.title)}")))
    return out


def _family(code: str):
    return family_member("outline", _analyse_outline, code)


DECLARED_COUNT = Rule(
    code="GW301", title="宣布条数不符", name="declared-count", severity="error",
    category="declared-count", authority=PRACTICE, guide="declared-count",
    doc="""宣布的条数：文中宣布“讲三点意见”“从以下四个方面”“一共三条”，其后的部分数要相符。
为什么：讲话稿靠说出来的结构让听众跟上，宣布三点却讲了四点，听众就乱了。
数的是宣布之后紧接的那一组：同段内的“一是…”，或其后第一个标题所在层次的标题；
“从以下五个方面进行对照检查”数的是第一部分之下的二级标题。只算作者自己的宣布（下面，我讲三点意见），
转述别人的要求（市委领导……提出三点要求）不算。宣布了条数而其后没有任何序号，只提醒。
以冒号引出一组（呈现以下三大亮点：）或逐一列名（从工作情况、存在问题、下一步打算三个方面）的宣布，只数紧接其后的那一组。
以报数的原词点出的部分（第一个问题、第二个问题），数这些部分；离宣布六段以上的列举不数。
正例：我讲三点意见。⏎ 一、… 二、… 三、…
反例：我讲三点意见。⏎ 一、… 二、… 三、… 四、…""",
    check=_check_count)

OUTLINE_MISSING = Rule(
    code="GW302", title="提纲所列部分缺失", name="outline-entry-missing", severity="error",
    category="declared-count", authority=PRACTICE, guide="outline-block",
    doc="""【提纲】所列的部分，正文中都要有：提纲的每个“一、”在正文中有对应的一级标题，
对应上的一级标题之下有提纲所列的每个“（一）”。
为什么：提纲是对读者的承诺；正文缺了提纲列出的部分，多是材料被截断或漏抄。公文一般不在标题前列提纲：
这条规则主要用来核对收录的范文（有的来源网站在原文前附加了【提纲】）。
正例：【提纲】一、存在的主要问题。二、问题根源剖析。⏎ 一、存在的主要问题 … 二、问题根源剖析 …
反例：【提纲】一、存在的主要问题。二、问题根源剖析。⏎ 一、存在的主要问题 …（没有二、）""",
    check=_family("GW302"))

OUTLINE_MISMATCH = Rule(
    code="GW303", title="提纲与正文不一致", name="outline-entry-mismatch", severity="warning",
    category="declared-count", authority=PRACTICE, guide="outline-block",
    doc="""【提纲】条目与正文标题的措辞不一致（序号对得上，标题对不上）。
为什么：改了正文标题忘了改提纲（或反过来）；读者对照提纲找不到原文。只提醒。
正例：提纲“二、问题根源剖析”，正文“二、问题根源剖析”
反例：提纲“二、问题根源剖析”，正文“二、主要原因”""",
    check=_family("GW303"))

RULES = [DECLARED_COUNT, OUTLINE_MISSING, OUTLINE_MISMATCH]
