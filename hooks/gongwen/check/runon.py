"""Headings that run on in the same line as the text before them.

Text pasted as one block (……工作要求如下：一、工作目标。……二、主要任务。……), or pasted
without its paragraph breaks (一、总体要求（一）指导思想。……): `split_run_on` cuts such a
paragraph where a heading starts. The reader (gongwen.check.document) calls it after the
layout passes of gongwen.check.layout; one linear pass over the paragraphs.
"""
from __future__ import annotations

import re

from gongwen.text.numbering import (
    CN_NUMERAL,
    NUMERAL_LEADS,
    ORDINAL_LEADS,
    Ordinal,
    parse_ordinal,
)

from .attachments import RE_LABEL_RUN_IN
from .holding import CN_DIGITS_ALL, holding_ordinals, may_hold_ordinal
from .inline import after_sentence, title_before
from .layout import ORDINAL_WINDOW, SENTENCE_END, lists_numbers
from .paragraphs import CLAUSE_ENDS, Joined, Paragraph, joined, pieces
from .parts import (
    RE_DATE_THEN_ATTACHED,
    RE_SENTENCE_THEN_ATTACHED,
    SHORT_HEADING,
    is_section_break,
)
from .pasted import (
    LABEL_REACH,
    QUESTION_REACH,
    RE_LABEL_BEFORE,
    RE_QUESTION_BEFORE,
    in_cell,
    number_led,
)

# The place in a text where a numeral means the window may cut an ordinal (see
# leading_ordinal): a match that ends past ORDINAL_WINDOW - 5 holds numerals all along.
WINDOW_PROBE = ORDINAL_WINDOW // 2


def leading_ordinal(text: str) -> Ordinal | None:
    """parse_ordinal(text[:ORDINAL_WINDOW]) as far as its level and number go (its `rest`
    may be longer): read from the whole text, where that gives the same answer, so that
    parse_ordinal's memo serves the reader's later look at the whole paragraph.

    The window matters only to an ordinal that ends within five characters of its edge
    (what RE_L3's lookahead and the range tests read past it): its numerals run through
    the window's middle. Elsewhere the same characters decide both readings."""
    if text[WINDOW_PROBE:WINDOW_PROBE + 1] in NUMERAL_LEADS:
        return parse_ordinal(text[:ORDINAL_WINDOW])
    return parse_ordinal(text)


# Where an ordinal may start inside a paragraph: 一、 （一） 1. （1）, a decimal section
# number or 第二章 (every alternative starts with a literal class: re skips to candidates).
# Not after a numeral (统一、 十二、 as part of 一百一十二、), 第 or a point. (A digit may
# stand before 二、: a time or a figure that ends a title pasted without its line break,
# 时间：8:50-12:00二、流程。)
NOT_AFTER = rf"(?<![{CN_DIGITS_ALL}第.．])"
RE_INLINE = re.compile(rf"{NOT_AFTER}(?:{CN_NUMERAL}、|第{CN_NUMERAL}[章节条])"
                       rf"|[（(](?:{CN_NUMERAL}|\d{{1,3}})[）)]|(?<![\d.．])\d{{1,3}}[.．]")
# Where RE_INLINE can match: its alternatives without lookbehinds, led by a class (re skips in C).
RE_INLINE_START = re.compile(
    rf"[{CN_DIGITS_ALL}第（(\d](?:(?<=[{CN_DIGITS_ALL}])[{CN_DIGITS_ALL}]*、|(?<=第){CN_NUMERAL}[章节条]"
    rf"|(?<=[（(])(?:{CN_NUMERAL}|\d{{1,3}})[）)]|(?<=\d)\d{{0,2}}[.．])")


# A run-in heading's title: short, no clause mark, closed by a full stop (（一）部门委员。).
RE_RUN_IN_TITLE = re.compile(r"[^，,；;：:。！？!?]{2,30}[。！？!?]")
# A level-1 ordinal anywhere in a text (RE_INLINE's first alternative, for 一、 alone).
RE_FIRST_TOP = re.compile(NOT_AFTER + "一、")

# Before an ordinal that surely starts a heading: a sentence end, or for 一、 and （一）
# also a colon or semicolon (……如下：一、……).
STRONG_BEFORE = frozenset("。！？!?：:；;")
ZEROS = (0,) * 5
ZEROS_FROM = [ZEROS[level:] for level in range(6)]  # what levels `level`… are reset to


def _inline_matches(text: str) -> list[re.Match[str]]:
    """RE_INLINE.finditer(text), the same matches, tried only where one can start."""
    out: list[re.Match[str]] = []
    search, match = RE_INLINE_START.search, RE_INLINE.match
    pos = 0
    while (start := search(text, pos)) is not None:
        m = match(text, start.start())  # its lookbehinds still see the text before
        if m is None:
            pos = start.start() + 1
        else:
            out.append(m)
            pos = m.end()
    return out


def _candidates(text: str) -> list[tuple[int, Ordinal | None, bool]]:
    """Ordinals inside a paragraph: (position, ordinal or None for a section number,
    strong: after a sentence end). Slices are bounded: linear in the paragraph."""
    out: list[tuple[int, Ordinal | None, bool]] = []
    tabbed = "\t" in text
    for m in _inline_matches(text):
        pos = m.start()
        if pos == 0:
            continue
        before = text[pos - 1]
        if before == "第":
            continue  # 第（三）项: a reference to an item, not one
        head = text[pos:pos + ORDINAL_WINDOW]
        ordinal = parse_ordinal(head)
        if ordinal is None:
            if before in SENTENCE_END and is_section_break(text[pos:pos + SHORT_HEADING + 1]):
                out.append((pos, None, True))  # 1.2　等级划分 / 第二章　…
            elif before in SENTENCE_END and (led := number_led(text, pos)) is not None:
                out.append((pos, led, True))  # 。21.5+2就业之家：…。22.…
            continue
        rest = ordinal.rest
        if rest[:1] in NUMERAL_LEADS and lists_numbers(ordinal) or not rest.strip():
            continue  # 二、三季度 is a list of numbers, not a heading
        if ordinal.level > 2 and tabbed and in_cell(text, pos):
            continue  # 1.…… in a cell of a table pasted into the line
        strong = after_sentence(text, pos, STRONG_BEFORE if ordinal.level <= 2 else SENTENCE_END)
        out.append((pos, ordinal, strong))
    if "附" in text:  # 附件 right after the 成文日期: an attached document starts (pasted text)
        out.extend((m.end(), None, True) for m in RE_DATE_THEN_ATTACHED.finditer(text))
        # …or right after a sentence, when the next ordinal is a 一、 (a new numbering).
        for m in RE_SENTENCE_THEN_ATTACHED.finditer(text):
            after = next((o for p, o, _ in out if p > m.start() and o is not None), None)
            if after is not None and after.level == 1 and after.number == 1:
                out.append((m.start(), None, True))
        out.sort(key=lambda candidate: candidate[0])
        # ……。附件：1.××表2.××表: the 附件说明 run into the line (up to what is no entry).
        if (label := RE_LABEL_RUN_IN.search(text)) is not None:
            at = next((i for i, candidate in enumerate(out) if candidate[0] >= label.end()),
                      len(out))
            entry = at  # (its entries start right after it: 附件：1.××表2.××表)
            while entry < len(out) and (o := out[entry][1]) is not None and o.level == 3 \
                    and o.number == entry - at + 1 and \
                    (entry > at or not text[label.end():out[at][0]].strip()):
                entry += 1
            del out[at:entry]
    return out


def _slipped_run(candidates: list[tuple[int, Ordinal | None, bool]],
                 next_same: list[int | None], j: int | None) -> bool:
    """After a 1. that follows no sentence end: do the next two of its level follow
    sentence ends and go on from it with one slip (1.…。3.…。4. / 1.…。1.…。2. /
    1.…。3.…。2.)? Then the 1. starts a run, and the slip is reported."""
    if j is None or not candidates[j][2] or (k := next_same[j]) is None or not candidates[k][2]:
        return False
    first, second = candidates[j][1].number, candidates[k][1].number  # type: ignore[union-attr]
    return 1 <= first <= 3 and 1 <= second <= 4 and first != second


def _first_item_lower(text: str, before: tuple[int, Ordinal | None, bool], last_cut: int,
                      titled: bool = False) -> bool:
    """Is `before`, the candidate just before a （一） that starts a list, that list's first
    item written a level lower and left unread (……条件：1.有……；（一）有……；（二）……)?
    Written line by line, the same slip is a 层次倒挂; read, it is reported as one."""
    pos, ordinal, _ = before
    return ordinal is not None and ordinal.level > 2 and ordinal.number == 1 \
        and pos > last_cut and text[pos - 1] in STRONG_BEFORE \
        and (not titled or RE_RUN_IN_TITLE.match(ordinal.rest) is not None)


def _comes_again(candidates: list[tuple[int, Ordinal | None, bool]], j: int | None,
                 number: int) -> bool:
    """Is the next candidate of the level (j) the same number after a sentence end? Then
    that one is the heading, and the one before it that follows no sentence end a word
    (……举一反三、对照检视……。三、压实工作责任)."""
    return j is not None and candidates[j][2] and candidates[j][1].number == number  # type: ignore[union-attr]


def _titled_over_first_child(candidates: list[tuple[int, Ordinal | None, bool]],
                             i: int) -> bool:
    """Is candidate i a heading's ordinal, its short title closed by a full stop and its
    first child right after it (……12:00二、流程。1.听取……: the heading pasted after a line
    that ends in no mark)?"""
    pos, ordinal, _ = candidates[i]
    if i + 1 == len(candidates) or ordinal is None:
        return False
    at, child, strong = candidates[i + 1]
    m = RE_RUN_IN_TITLE.match(ordinal.rest)
    return m is not None and child is not None and strong and child.number == 1 \
        and child.level > ordinal.level and at == pos + len(ordinal.raw) + m.end()


SPACES = frozenset(" \u3000\t")


def _next_after_a_space(text: str, pos: int, head: Ordinal | None, ordinal: Ordinal) -> bool:
    """3.选择岗位，填写领队姓名 4.选择岗位…: the next item of the paragraph's own ordinal,
    set apart by spaces (items on one line, as a form prints them: 1.心内科    2.神经内科)."""
    return head is not None and head.level == ordinal.level and \
        head.number == ordinal.number - 1 and text[pos - 1] in SPACES and \
        text[:pos - 1].strip() != ""


# 温馨提示：1.…: a lead that names the list, closed by its colon near the line's start.
LEAD_REACH = 12


def _first_after_a_lead(paragraphs: list[Paragraph], index: int, pos: int,
                        ordinal: Ordinal) -> bool:
    """温馨提示：1.参会家长请…… ⏎ 2.……: a list's first item run in after its lead, the
    second item on the next line."""
    text = paragraphs[index].text
    return ordinal.level > 2 and ordinal.number == 1 and 0 < pos <= LEAD_REACH and \
        text[pos - 1] in "：:" and CLAUSE_ENDS.isdisjoint(text[:pos]) and \
        _heads_next(paragraphs, index, ordinal.level, 2)


def _goes_on_below(candidates: list[tuple[int, Ordinal | None, bool]], i: int,
                   paragraphs: list[Paragraph], index: int) -> bool:
    """……措施改进。（一）统筹学习……。（二）狠抓收入管理……。 ⏎ （三）优化支出结构……: a run of
    （一） from candidate i, each right after a full stop (not a colon or semicolon: 包括：
    （一）……；（二）…… is the opening's list), whose next number heads the next line — an
    outline pasted into the opening's line."""
    level, number = candidates[i][1].level, candidates[i][1].number  # type: ignore[union-attr]
    text = paragraphs[index].text
    if number != 1:
        return False
    for pos, ordinal, _ in candidates[i:]:
        if ordinal is None or ordinal.level != level:
            continue
        if text[pos - 1] not in SENTENCE_END or ordinal.number != number:
            return False
        number += 1
    return number > 2 and _heads_next(paragraphs, index, level, number)


def _second_title(text: str, pos: int, ordinal: Ordinal, cuts: list[int]) -> list[int]:
    """Where to cut before and after a second document's title right before its 一、 at
    `pos` (see inline.title_before; [] when `ordinal` is no 一、 or there is none)."""
    if ordinal.level != 1 or ordinal.number != 1:
        return []
    return title_before(text, pos, cuts[-1] if cuts else 1)


def _heads_next(paragraphs: list[Paragraph], index: int, level: int, number: int) -> bool:
    """Does the paragraph after paragraphs[index] start with the ordinal `number` of
    `level`? A line pasted from 一、 whose 一、 comes again after a sentence end, then 二、
    heads the next line (一、……。一、……⏎二、……): the second 一、 is a slip. (After a
    colon, or in a paragraph not headed by 一、, it is a list: ……强调：一、要认真。⏎二、)"""
    if index + 1 >= len(paragraphs):
        return False
    after = paragraphs[index + 1]
    head = after.heading or leading_ordinal(after.text)
    return head is not None and head.level == level and head.number == number


def split_run_on(paragraphs: list[Paragraph], markdown: bool, texts: Joined | None = None,
                 holding: list[int] | None = None) -> list[Paragraph]:
    """Split a paragraph where a heading follows on the same line: after a sentence end
    (……工作要求如下：一、工作目标。……二、主要任务。……) or, in text pasted without its
    paragraph breaks, right after a heading's title (一、总体要求（一）指导思想。……).

    Only the ordinal that comes next in the outline counts (二、 after 一、). One that
    follows no sentence end must be confirmed: the next ordinal of its level is the next
    number after a sentence end, or it continues a run already read in this paragraph.
    So 二、三季度, 统一、规范 and other sentence-internal numbers are not headings.
    texts: the paragraphs' texts joined; holding: holding_ordinals(texts), if the caller
    has them.
    """
    out: list[Paragraph] = []
    last = [0] * 5
    before_break = [0] * 5  # `last` before the latest section number
    numbered = [0] * 5      # the last number of each level, whatever its parent

    # Where the last 一、 of each paragraph starts (-1: none), worked out once when needed.
    tops: list[int] = []

    def top_later(index: int, pos: int) -> bool:
        """Does a 一、 come after `pos` in paragraph `index` or in a later paragraph?"""
        if not tops:
            tops.extend(max((m.start() for m in RE_FIRST_TOP.finditer(p.text)), default=-1)
                        if "一、" in p.text else -1 for p in paragraphs)
            tops.append(max((k for k, at in enumerate(tops) if at >= 0), default=-1))
        return tops[-1] > index or tops[index] > pos

    def note(level: int, number: int) -> None:
        last[level] = numbered[level] = number
        last[level + 1:] = ZEROS_FROM[level + 1]  # the levels below start afresh
        before_break[level:] = ZEROS_FROM[level]

    # The paragraphs where an ordinal may follow the first character: only these can be
    # split; the others are read for the outline so far (none after the last of these).
    if holding is None:
        texts = texts or joined(paragraphs)
        holding = holding_ordinals(texts) if texts is not None else \
            [i for i, para in enumerate(paragraphs) if may_hold_ordinal(para.text)]
    # Their candidates, where the loop below reads them: not in a paragraph set apart, a
    # list item or a # heading. (Most pages have none: nothing to cut, the loop is spared.)
    found: dict[int, list[tuple[int, Ordinal | None, bool]]] = {}
    for index in holding:
        para = paragraphs[index]
        if not (para.role and para.role != "markdown" or markdown and para.list_item
                or para.heading is not None) and (candidates := _candidates(para.text)):
            found[index] = candidates
    if not found:
        return list(paragraphs)
    end = max(found) + 1  # (no cut after the last of them)
    for index, para in enumerate(paragraphs[:end]):
        if para.role and para.role != "markdown" or markdown and para.list_item:
            out.append(para)
            continue
        if para.heading is not None:
            note(para.heading.level, para.heading.number)
            out.append(para)
            continue
        text = para.text
        lead = text[:1]
        if lead in ORDINAL_LEADS or lead.isdigit():  # (what parse_ordinal tests first)
            head = leading_ordinal(text)  # (its level and number)
            if head is not None:
                level = head.level  # note(), inline: most headings of a page pass here
                last[level] = numbered[level] = head.number
                last[level + 1:] = ZEROS_FROM[level + 1]
                before_break[level:] = ZEROS_FROM[level]
        else:
            head = None
        if (candidates := found.get(index)) is None:
            out.append(para)  # most paragraphs: no ordinal after the first character
            continue
        # next_same[i]: the next candidate of the same level (None: none further on).
        next_same: list[int | None] = [None] * len(candidates)
        # chained[i]: after a sentence end, or the next of its level is the next number
        # and chained (一、时间地点……二、参加对象……。三、…: titles pasted without their
        # line breaks end in no mark; the run is confirmed where one follows a sentence).
        chained = [False] * len(candidates)
        seen: dict[int, int] = {}
        for i in range(len(candidates) - 1, -1, -1):
            ordinal = candidates[i][1]
            if ordinal is not None:
                j = next_same[i] = seen.get(ordinal.level)
                seen[ordinal.level] = i
                chained[i] = candidates[i][2] or j is not None and chained[j] \
                    and candidates[j][1].number == ordinal.number + 1
        cuts: list[int] = []
        here = [False] * 5  # was last[level] read in this paragraph?
        read_rest = [""] * 5  # …and what followed its ordinal (its title: （一）部门委员。)
        # The level of the ordinal read just before (None: the last candidate was not
        # read): a heading's first child often follows its title directly.
        parent_just_read: int | None = head.level if head is not None else None
        for i, (pos, ordinal, strong) in enumerate(candidates):
            if ordinal is None:
                # A section number: below it numbering starts again at one, or goes on
                # (工作规则 number their articles on across 第一章…第九章).
                cuts.append(pos)
                before_break[:] = last
                last[:] = [0] * 5
                continue
            level, number = ordinal.level, ordinal.number
            expected = last[level] + 1
            if last[level] == 0 and number > 1 and number in (
                    before_break[level] + 1, numbered[level] + 1):
                expected = number  # numbering goes on across parts (（一）…（十八）)
            if level == 2 and last[1] == 0 and head is None and not cuts and not (
                    RE_RUN_IN_TITLE.match(ordinal.rest) and not top_later(index, pos)) \
                    and not _goes_on_below(candidates, i, paragraphs, index):
                # （一） inside the opening paragraph: a list, not the outline; unless it is
                # titled like a heading and no 一、 comes later (（一）部门委员。……（二）……),
                # or its run goes on at the start of the next line (a pasted outline).
                continue
            if number == expected:
                # Confirmed by the next number of the level after a sentence end, by
                # the run this paragraph has been reading, or by its parent heading
                # just before it (一、总体要求（一）指导思想……).
                j = next_same[i]
                ok = strong or j is not None and chained[j] and \
                    candidates[j][1].number == number + 1 or number > 1 and here[level] \
                    and not _comes_again(candidates, j, number) \
                    or parent_just_read is not None and parent_just_read < level \
                    or number == 1 and _slipped_run(candidates, next_same, j) \
                    or number > 1 and _titled_over_first_child(candidates, i) \
                    or i == 0 and _next_after_a_space(text, pos, head, ordinal) \
                    or i == 0 and _first_after_a_lead(paragraphs, index, pos, ordinal) \
                    or level == 2 and number == 1 and last[2] == 0 and i > 0 \
                    and RE_RUN_IN_TITLE.match(ordinal.rest) is not None and _first_item_lower(
                        text, candidates[i - 1], cuts[-1] if cuts else 0, titled=True)
            else:
                # A number one off (a gap, a repeat, two swapped) is still read when the
                # next ordinal of its level follows on from it, so that the slip is
                # reported; never 一、 out of turn (统一、 之一、 are words).
                j = next_same[i]
                chain = j is not None and abs(candidates[j][1].number - number) == 1
                if strong:
                    # (The paragraph's own heading counts as a run read in it for a slip:
                    # 一、……。三、; a repeated 一、 only when 二、 follows after a sentence
                    # end; not a restart, which a new part would explain.)
                    ok = level <= 2 and (bool(cuts) and 1 <= number <= expected + 1 or
                                         (chain or head is not None) and number >= 2
                                         and abs(number - expected) == 1 or
                                         number == 1 and expected == 2 and (
                                             candidates[j][2] and candidates[j][1].number == 2
                                             if j is not None
                                             else head is not None and head.level == level
                                             and text[pos - 1] in SENTENCE_END
                                             and _heads_next(paragraphs, index, level, 2)))
                    if title := _second_title(text, pos, ordinal, cuts):
                        cuts += title  # a second document's title: numbering restarts
                        ok, last[:] = True, ZEROS
                    elif level > 2 and number == 1 and ((label := RE_QUESTION_BEFORE.search(
                            text, max(0, pos - QUESTION_REACH), pos)) is not None or (
                            label := RE_LABEL_BEFORE.search(
                                text, max(0, pos - LABEL_REACH), pos)) is not None):
                        # 二问：如何构建？1.…… after the first question's 1.…3. (or 附二：
                        # ……流程：…… before （1）): the list starts again under its own
                        # label (cut apart, as on a line).
                        cuts.append(label.start() + 1)
                        ok = True
                    elif level > 2:  # 1.……。3.……。4.…… after 1. was read
                        ok = here[level] and chain and abs(number - expected) == 1
                else:
                    # Or, below level one (统一、 is a word), its title has the shape of
                    # its sibling's read before it (（一）部门委员。……书记（三）专家委员。).
                    # A 一、-level repeat that follows no sentence end is a word (举一反三、).
                    ok = here[level] and abs(number - expected) == 1 and (
                        chain and number >= 2 and (level > 1 or number > expected) or level > 1
                        and RE_RUN_IN_TITLE.match(ordinal.rest) is not None
                        and RE_RUN_IN_TITLE.match(read_rest[level]) is not None)
                    ok = ok or i == 0 and _first_after_a_lead(paragraphs, index, pos, ordinal)
                    if len(title := _second_title(text, pos, ordinal, cuts)) == 1:
                        # ……为准。2016年军训开营式程序一、时间: a second document's title
                        # pasted right before its 一、 (a title line ends in no mark).
                        cuts += title
                        ok, last[:] = True, ZEROS
            parent_just_read = None
            if ok:
                parent_just_read = level
                if level == 2 and number == 1 and last[2] == 0 and i and _first_item_lower(
                        text, candidates[i - 1], cuts[-1] if cuts else 0):
                    cuts.append(candidates[i - 1][0])
                cuts.append(pos)
                note(level, number)
                here[level] = True
                read_rest[level] = ordinal.rest
                for lower in range(level + 1, 5):
                    here[lower] = False
        if not cuts:
            out.append(para)
            continue
        for i, (lines, piece) in enumerate(pieces(para, cuts)):
            out.append(Paragraph(lines[0].number, lines, piece,
                                 raw_first=para.raw_first if i == 0 else piece))
    out += paragraphs[end:]
    return out
