"""Lists nested in the same form as their labels: a table printed as paragraphs.

A published 问题清单 printed from a table reads, row after row, a numbered label on a line
of its own (1.消防设施：), a sentence, then the row's items numbered again from one in the
same form (1.…；2.…；), then the next label (2.用电安全：). The items are entries of a
list under their label, not headings of the outline: read as headings, every row would
look like a repeat or a disorder. They are set apart from the outline here, once the
document is read (gongwen.check.document).

heads_a_list tells the numbering rules which unnumbered lines are such labels (一月份,
外校考生：报到时间……): a list under one may start again at one."""
from __future__ import annotations

from bisect import bisect_left
from typing import Protocol

from .model import Heading, heading_fields
from .paragraphs import CLAUSE_ENDS, Paragraph, is_bare_label

# A label: a short title alone on its line, without a clause (most end with a colon).
LABEL_MAX = 20
LABEL_ENDS = frozenset("：:")
NUMBER = heading_fields("number")


class Document(Protocol):
    paragraphs: list[Paragraph]
    headings: list[Heading]
    section_breaks: list[int]
    part_breaks: list[int]


def _is_label(h: Heading) -> bool:
    title = h.title
    return h.form == "line" and 0 < len(title) <= LABEL_MAX \
        and not any(ch in CLAUSE_ENDS for ch in title)


# Only items are nested so (1. under 1., （1） under （1））: a 一、 or （一） that starts
# again heads a document or a part of its own (gongwen.check.parts), or is a slip.
ITEM_LEVELS = frozenset((3, 4))


def _opens_a_list(headings: list[Heading], index: int) -> bool:
    """Is headings[index] a label with a list of its own right under it (1. again)?"""
    return index + 1 < len(headings) and headings[index].level in ITEM_LEVELS \
        and _is_label(headings[index]) and headings[index + 1].level == headings[index].level \
        and headings[index + 1].number == 1


def nested_items(headings: list[Heading], breaks: frozenset[int] = frozenset()) -> set[int]:
    """The indices of the headings that are items of a list under a label of the same
    level: label N, then items numbered from one (with their own subheadings), up to
    label N + 1 (or, for the last label of a chain, wherever its items end). A list that
    reaches no such end is left as it is, and so is any slip in it. Linear: each heading
    is looked at once or twice.
    breaks: the indices of the headings right after a section break or a new part (where
    numbering starts again anyway): no list runs across one."""
    out: set[int] = set()
    count = len(headings)
    numbers = list(map(NUMBER, headings))
    done = 0  # the headings before this one are settled
    chained = (0, 0)  # the level and number of the last label whose items were set apart
    one = 0
    while True:
        # Only a 1. right after a heading of its own level can start such a list (in a
        # well-numbered outline a level starts again only under a parent): found in C.
        try:
            one = numbers.index(1, one + 1)
        except ValueError:
            return out
        index = one - 1
        label = headings[index]
        # (Most 1.s follow their parent: one comparison turns them away.)
        if label.level != headings[one].level or index < done or one in breaks or \
                label.number < 1 or not _opens_a_list(headings, index):
            continue
        items: list[int] = []
        expected = 1
        end = one
        while end < count and (end == one or end not in breaks):
            h = headings[end]
            if h.level > label.level:  # an item's own subheadings
                end += 1
                continue
            if h.level < label.level or h.number != expected or \
                    h.number == label.number + 1 and _next_label(headings, end):
                break
            items.append(end)
            expected += 1
            end += 1
        # After the items, any short line numbered N + 1 is the next label (11.人员资质).
        # The end of the page, of its part or of the item's parent closes only the last
        # of a chain of such labels: a label alone over a 1. again may be a slip.
        closes = end < count and end not in breaks and headings[end].level == label.level \
            and headings[end].number == label.number + 1 and _is_label(headings[end]) \
            or chained == (label.level, label.number - 1)
        if closes and len(items) >= 2:
            out.update(items)
            done = end
            chained = (label.level, label.number)


def _next_label(headings: list[Heading], index: int) -> bool:
    """Is headings[index] the next label: over a list of its own, or ending with a
    colon (a label whose list is missing is still one)?"""
    h = headings[index]
    return _opens_a_list(headings, index) or _is_label(h) and h.title[-1] in LABEL_ENDS


# A table printed one cell a line starts with its header cells: 序号 alone on a line, or
# the 指标名称/计量单位 of a statistics table (a 政府信息公开年报's). A note under the table
# (注：1.…) numbers a list of its own, which is no cell's.
TABLE_HEADS = frozenset(("序号", "序 号", "指标名称", "指 标 名 称", "计量单位"))
NOTE_LEADS = ("注", "说明", "备注")
NOTE_MARKS = frozenset("：:0123456789")  # (注：, 注1：; a 备注 header cell alone is no note)


def _is_note(text: str) -> bool:
    return text.startswith(NOTE_LEADS) and \
        text[2 if text.startswith(("说明", "备注")) else 1:][:1] in NOTE_MARKS
# The 序号 column's cell: a bare number alone on its line (1, 12).
ROW_NUMBER_MAX = 3


def _is_table_head(text: str) -> bool:
    """序号 alone on its line, or first in a header row whose cells are set apart by a
    TAB or spaces (指标名称⇥计量单位⇥本年度)."""
    return text in TABLE_HEADS or text[:1] in TABLE_HEAD_FIRST and any(
        text.startswith(head) and text[len(head):len(head) + 1] in CELL_GAPS
        for head in TABLE_HEADS)


TABLE_HEAD_FIRST = frozenset(head[0] for head in TABLE_HEADS)
CELL_GAPS = frozenset("\t 　")


def _is_row_number(text: str) -> bool:
    return 0 < len(text) <= ROW_NUMBER_MAX and text.isascii() and text.isdigit()


def _group_row(paragraphs: list[Paragraph], index: int) -> bool:
    """Is the 一、 or （一） at paragraphs[index] a group row of the table (一、规划编制 ⏎ 1 ⏎
    …, or 一、全面从严治党方面 ⏎ 1⇥压力传导不够⇥…): the table goes on right under it with
    a row's 序号 cell?"""
    if index + 1 == len(paragraphs):
        return False
    text = paragraphs[index + 1].text
    cut = next((at for at, ch in enumerate(text[:ROW_NUMBER_MAX + 1]) if ch in CELL_GAPS), None)
    return _is_row_number(text[:cut] if cut is not None else text)  # (its first cell)


def table_items(doc: Document) -> set[int]:
    """The indices of the item headings (1., （1）) inside a table printed one cell a
    line: after a 序号 cell, up to the next 一、 or （一） or a note — a 一、 that heads a
    group of rows (the next line is a row's number) does not end it. Each cell numbers its
    own list (今年任务 1.–3. ⏎ 明年计划 1.–3.): they are the table's content, not the outline."""
    paragraphs = doc.paragraphs
    starts = [i for i, p in enumerate(paragraphs) if _is_table_head(p.text) and not p.role]
    if not starts:
        return set()
    index_of = {id(h): i for i, h in enumerate(doc.headings)}
    out: set[int] = set()
    end = 0  # the paragraphs before it are read (each once: linear)
    for start in starts:
        index = max(start + 1, end)
        # A header row (指标名称⇥计量单位⇥本年度): the table is its rows, each with cells
        # apart (其中：, cut from its row's item, goes on too); a line without (辩论赛细则)
        # ends it. A header printed one cell a line: the next 一、 or note ends it.
        rows = paragraphs[start].text not in TABLE_HEADS
        groups: list[int] = []  # the group rows' headings
        while index < len(paragraphs):
            para = paragraphs[index]
            heading = para.heading
            if heading is not None and heading.level < 3:
                # A group row keeps its place in the outline; the table goes on under it.
                if not _group_row(paragraphs, index) or id(heading) not in index_of:
                    break
                groups.append(index_of[id(heading)])
            elif rows and not para.role and para.text[-1:] not in "：:" and \
                    not any(gap in para.text for gap in CELL_GAPS):
                break
            elif heading is None:
                if _is_note(para.text):
                    break
            elif id(heading) not in index_of:
                break
            else:
                out.add(index_of[id(heading)])
            index += 1
        end = index
        if groups and _numbers_afresh(doc, groups[0]):
            out.update(groups)  # (二、整改任务 ⏎ 序号⇥问题… ⏎ 一、…方面: the table's own groups)
    return out


def _numbers_afresh(doc: Document, index: int) -> bool:
    """Does the group row doc.headings[index] start its level again at one below a heading
    of its level in the same part (a table under 二、 grouping its rows 一、 二、): no part
    of the outline. (An attachment that is the table numbers its groups as its outline.)"""
    headings = doc.headings
    first = headings[index]
    since = max((b for b in (*doc.section_breaks, *doc.part_breaks) if b <= index), default=0)
    return first.number == 1 and any(h.level == first.level for h in headings[since:index])


def set_apart_nested_lists(doc: Document) -> None:
    """Take the items of lists nested under same-form labels, and the items of a table
    printed one cell a line, out of the outline."""
    headings = doc.headings
    if len(headings) < 3:
        return
    items = nested_items(headings, frozenset((*doc.section_breaks, *doc.part_breaks)))
    items |= table_items(doc)
    if not items:
        return
    dropped = {id(headings[i]) for i in items}
    for para in doc.paragraphs:
        if para.heading is not None and id(para.heading) in dropped:
            para.heading, para.body, para.body_line = None, para.text, para.line
    # The breaks count the headings before them: as many fewer as were taken out there.
    before = sorted(items)

    def moved(position: int) -> int:
        return position - bisect_left(before, position)

    doc.section_breaks = [moved(b) for b in doc.section_breaks]
    doc.part_breaks = [moved(b) for b in doc.part_breaks]
    doc.headings = [h for i, h in enumerate(headings) if i not in items]


# 外校考生：报到时间14：40，报到地点北门 ⏎ （1）…: a lead that names what the list under it
# is about before a colon near its start (and ends no sentence).
LEAD_LABEL_REACH = 12
SENTENCE_ENDS = frozenset("。！？!?；;")


def heads_a_list(text: str) -> bool:
    """Is the unnumbered line `text` a label over a list that may start again at one: a
    bare label (一月份), or a lead with its colon near the start (外校考生：报到时间……)?"""
    if is_bare_label(text):
        return True
    colon = max(text.find("："), text.find(":"))
    return 0 < colon <= LEAD_LABEL_REACH and not any(ch in SENTENCE_ENDS for ch in text)
