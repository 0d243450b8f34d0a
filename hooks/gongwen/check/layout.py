"""How a document is laid out on the page, beyond one-paragraph-a-line.

Drafts reach the checker in the shapes writers have: copied from a PDF (every line hard
wrapped, a heading broken over two lines), pasted as one block (……如下：一、总体要求。……
二、主要任务……), with a table of contents before the body, with a 附件说明 list at the
end, or with decimal section numbers (1.2　等级划分) above their （1） items. The reader
(gongwen.check.document) calls these passes in order; each is one linear pass over the
paragraphs.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from gongwen.text.numbering import CN_NUMERAL, NUMERAL_LEADS, Ordinal, parse_ordinal

from .paragraphs import Line, Paragraph, starts_item
from .parts import (
    OPENERS,
    RE_ATTACHMENT_ONE,
    RE_ATTACHMENTS,
    RE_DATE_THEN_ATTACHED,
    SECTION_LEADS,
    SHORT_HEADING,
    is_section_break,
    opens_a_document,
    runs_on,
)

# A line that ends a sentence or a clause: the next line is a new paragraph.
LINE_ENDS = frozenset("。！？!?：:；;…”’）)》」』】")
# Any punctuation: a title's continuation line has none.
PUNCTUATION = frozenset("，,、。！？!?：:；;…“”‘’（）()《》")
# A wrapped line is a full line: shorter lines end their paragraph.
WRAPPED_MIN = 20
# A heading broken over two lines: the first part is long, the rest short and bare.
HEADING_WRAPPED_MIN = 14
HEADING_REST_MAX = 12
# The title's second line ends with the kind of document (……巩固 ⏎ 工作的总结).
RE_TITLE_REST = re.compile(
    r"(?:总结|方案|报告|讲话|讲话稿|意见|通知|材料|汇报|发言|致辞|请示|函|批复|规划|预案|办法|规定|"
    r"决定|通报|纪要|计划|细则|规则|安排|提纲)$")
TITLE_REST_MAX = 20
# Marks a title may hold (the 书名号 of a regulation's name, quotation marks).
TITLE_MARKS = frozenset("《》“”")

# A table of contents: 一、总体要求……………1 (leader dots, then a page number).
RE_LEADER = re.compile(r"(?:…+|\.{3,}|·{3,}|．{3,}|[ \t　]{2,})\s*\d{1,4}\s*$")
# A PDF's page number line (GB/T 9704-2012 §7.5: — 2 —).
RE_PAGE_MARK = re.compile(r"^[—－-]\s*\d{1,4}\s*[—－-]$")
# Characters of one column; every other is two (Chinese, full-width, “” … —).
WIDE = frozenset("“”‘’…—")
# How much shorter than the margin a full line may be (an indent, a mark moved down).
FULL_SLACK = 6
RE_CONTENTS_HEAD = re.compile(r"^目[\s　]*录$")
CN_DIGITS_ALL = "一二三四五六七八九十百零〇两"
# Where an ordinal may start inside a paragraph: 一、 （一） 1. （1）, a decimal section
# number or 第二章 (every alternative starts with a literal class: re skips to candidates).
RE_INLINE = re.compile(rf"(?<![{CN_DIGITS_ALL}第\d.．])(?:{CN_NUMERAL}、|第{CN_NUMERAL}[章节条])"
                       rf"|[（(](?:{CN_NUMERAL}|\d{{1,3}})[）)]|(?<![\d.．])\d{{1,3}}[.．]")
# Where RE_INLINE can match: its alternatives without lookbehinds, led by a class (re skips in C).
RE_INLINE_START = re.compile(
    rf"[{CN_DIGITS_ALL}第（(\d](?:(?<=[{CN_DIGITS_ALL}])[{CN_DIGITS_ALL}]*、|(?<=第){CN_NUMERAL}[章节条]"
    rf"|(?<=[（(])(?:{CN_NUMERAL}|\d{{1,3}})[）)]|(?<=\d)\d{{0,2}}[.．])")
# Before an ordinal that surely starts a heading: a sentence end, or for 一、 and （一）
# also a colon or semicolon (……如下：一、……).
STRONG_BEFORE = frozenset("。！？!?：:；;")
ORDINAL_WINDOW = 48
# 统一 之一 唯一 同一 单一 万一 专一 划一 归一 合一 逐一 如一 不一 第一 其一 任一: cut
# after the first character at the margin, the next line starts with 一、 (一，) that is
# no heading.
ENDS_A_WORD_WITH_ONE = frozenset("统之唯同单万专划归合逐如不第其任")
# The longest bracketed note between a sentence and the next heading: （财政部负责）.
NOTE_MAX = 120
SENTENCE_END = frozenset("。！？!?")
ZEROS = (0,) * 5


def _merge(cur: Paragraph, nxt: Paragraph) -> None:
    cur.lines = cur.lines + nxt.lines
    cur.text = cur.text + nxt.text


def columns(text: str) -> int:
    """Width in columns: a Chinese character or full-width mark takes two."""
    return sum(1 if ord(ch) < 0x2E80 and ch not in WIDE else 2 for ch in text)


def wrap_width(paragraphs: list[Paragraph]) -> int | None:
    """The width a plain-text draft was hard wrapped at (in columns), or None.

    A wrapped text has many lines of about the same, largest width that stop anywhere,
    mid-word or mid-sentence; lines of an unwrapped text end with their sentence.
    """
    widths = [columns(p.text) for p in paragraphs if p.text]
    if len(widths) < 6:
        return None
    width = sorted(widths, reverse=True)[max(2, len(widths) // 10)]
    if width < 2 * WRAPPED_MIN:
        return None
    band = [p.text for p, w in zip((p for p in paragraphs if p.text), widths)
            if width - FULL_SLACK <= w <= width + 2]
    if len(band) < 3 or len(band) < len(widths) // 4:
        return None
    open_ended = sum(1 for text in band if text[-1] not in LINE_ENDS)
    return width if 2 * open_ended >= len(band) else None


def _page_furniture(paragraphs: list[Paragraph]) -> set[int]:
    """Lines of a PDF's page numbers (— 2 —) and of the running head after each."""
    out: set[int] = set()
    for i, para in enumerate(paragraphs):
        if RE_PAGE_MARK.match(para.text):
            out.add(para.line)
            if i + 1 < len(paragraphs):
                head = paragraphs[i + 1].text
                if head and len(head) <= 20 and not parse_ordinal(head) and \
                        not any(ch in PUNCTUATION for ch in head):
                    out.add(paragraphs[i + 1].line)
    return out


def _continues(cur: Paragraph, nxt: Paragraph, first: bool, width: int | None,
               skipped: bool, expected: Callable[[Ordinal], bool]) -> bool:
    """Is `nxt` the rest of `cur`, broken by a hard wrap (text copied from a PDF)?

    skipped: only page furniture lies between the two lines; expected(ordinal): does
    the ordinal come next in the outline read so far?
    """
    last, rest = cur.lines[-1].text, nxt.text
    if last and rest and last[-1] in OPENERS and (len(cur.text) == 1 or skipped
                                                  or nxt.line == cur.lines[-1].number + 1):
        # No line ends with an opening bracket: （ ⏎ 三）改革开放… (a bracket alone goes
        # on also across a blank line, as in text with a blank line between paragraphs).
        return True
    if not last or not rest or not (skipped or nxt.line == cur.lines[-1].number + 1):
        return False
    if RE_ATTACHMENTS.match(rest) or RE_CONTENTS_HEAD.match(rest) \
            or RE_LEADER.search(last) or RE_LEADER.search(rest) or is_section_break(rest):
        return False
    ordinal_next = parse_ordinal(rest[:ORDINAL_WINDOW])
    if width and not first and columns(last) >= width - FULL_SLACK \
            and not opens_a_document(last, rest):
        # A full line of a wrapped text goes on, whatever it ends with (the paragraph
        # rarely ends exactly at the margin), even into 再次表明; and into 统 ⏎ 一、推进
        # when 一、 is out of turn (a word cut at the margin: 统一 之一 唯一). Any other
        # ordinal starts a heading, even a misnumbered one, so that the slip is reported.
        # A first item 一是 starts its own paragraph after a lead line that happens to
        # be full (……主要做了以下工作 ⏎ 一是……), unless a word ends there (之 ⏎ 一是).
        if ordinal_next is None:
            return not rest.startswith("一是") or last[-1] in ENDS_A_WORD_WITH_ONE
        return ordinal_next.level == 1 and ordinal_next.number == 1 \
            and last[-1] in ENDS_A_WORD_WITH_ONE and not expected(ordinal_next)
    if ordinal_next is not None:
        return False
    if last[-1] in LINE_ENDS:
        return False
    ordinal = parse_ordinal(cur.text) if len(cur.lines) == 1 else None
    if first or ordinal is not None and not any(ch in SENTENCE_END for ch in ordinal.rest):
        # The title or a heading line: only a short remainder without punctuation is
        # its continuation (一、坚持精准资助，确保……应助 ⏎ 尽助); a body line is not.
        if first:
            # Not when the first line is a whole title already (a repeated title line).
            return len(rest) <= TITLE_REST_MAX and bool(RE_TITLE_REST.search(rest)) and \
                not RE_TITLE_REST.search(last) and \
                not any(ch in PUNCTUATION and ch not in TITLE_MARKS for ch in rest)
        return len(last) >= HEADING_WRAPPED_MIN and len(rest) <= HEADING_REST_MAX and \
            not any(ch in PUNCTUATION for ch in rest) and not rest[0].isdigit()
    if first:
        return False
    return len(last) >= WRAPPED_MIN and not starts_item(rest)


def join_wrapped(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Plain text: join the lines of a hard-wrapped paragraph or heading into one, and
    set a PDF's page numbers and running heads apart (role 'page')."""
    furniture = _page_furniture(paragraphs)
    width = wrap_width([p for p in paragraphs if p.line not in furniture])
    out: list[Paragraph] = []
    body: list[Paragraph] = []  # the paragraphs of `out` that are not page furniture
    skipped = False
    last = [0] * 5       # the outline so far: last number of each level under its parent
    numbered = [0] * 5   # and whatever its parent (numbering on across parts)

    def expected(ordinal: Ordinal) -> bool:
        level, number = ordinal.level, ordinal.number
        return number == last[level] + 1 or last[level] == 0 and number == numbered[level] + 1

    for para in paragraphs:
        if para.line in furniture:
            para.role = "page"
            out.append(para)
            skipped = bool(body)
            continue
        first = len(body) == 1 and len(body[0].lines) == 1 and not parse_ordinal(body[0].text)
        if body and _continues(body[-1], para, first, width, skipped, expected):
            _merge(body[-1], para)
        else:
            out.append(para)
            body.append(para)
            head = parse_ordinal(para.text[:ORDINAL_WINDOW])
            if head is not None:
                last[head.level] = numbered[head.level] = head.number
                for lower in range(head.level + 1, 5):
                    last[lower] = 0
        skipped = False
    return out


def _leader_free(text: str) -> str:
    return RE_LEADER.sub("", text).strip()


def mark_apart(paragraphs: list[Paragraph]) -> None:
    """Set apart a table of contents and the 附件说明; note the section breaks."""
    later_texts: set[str] | None = None  # built only when a 目录 line is seen
    index = 0
    while index < len(paragraphs):
        para = paragraphs[index]
        index += 1
        text = para.text
        if para.role or not text:
            continue
        # A leader ends in a page number: the end is tested first (a search of every whole
        # paragraph was this reader's largest cost); 目录, 附件 after their first character.
        lead, end = text[0], text[-1]
        if (end.isdigit() or end.isspace() and text.rstrip()[-1:].isdigit()) and \
                RE_LEADER.search(text) and (parse_ordinal(text) or "…" in text or "..." in text):
            para.role = "contents"
            continue
        if lead == "目" and RE_CONTENTS_HEAD.match(text):
            # 目　　录 followed by heading lines that come again in the body.
            run = []
            while index + len(run) < len(paragraphs):
                entry = paragraphs[index + len(run)]
                entry_text = _leader_free(entry.text)
                if entry.role == "contents" or (
                        parse_ordinal(entry_text) and len(entry_text) <= 60
                        and not any(ch in SENTENCE_END for ch in entry_text)):
                    run.append(entry)
                else:
                    break
            if run:
                if later_texts is None:
                    later_texts = {p.text.strip() for p in paragraphs[index + len(run):]}
                if _leader_free(run[0].text) in later_texts or run[0].role == "contents":
                    para.role = "contents"
                    for entry in run:
                        entry.role = "contents"
                    index += len(run)
            continue
        if lead == "附" and RE_ATTACHMENTS.match(text) and not runs_on(text):
            para.role = "attachments"
            expected = 2 if RE_ATTACHMENT_ONE.search(text) else 1
            while index < len(paragraphs):
                entry = paragraphs[index]
                if entry.role == "page":  # a page break inside the list
                    index += 1
                    continue
                ordinal = parse_ordinal(entry.text)
                if ordinal is None or ordinal.level != 3 or ordinal.number != expected or \
                        len(entry.text) > 80:
                    break
                entry.role = "attachments"
                expected += 1
                index += 1
            continue
        # A section break starts with 附, 第 or a digit (other lines: neither test matters).
        if (lead in SECTION_LEADS or lead.isdigit()) and not para.list_item and \
                not parse_ordinal(text) and is_section_break(text):
            para.section_break = True


def _cut(para: Paragraph, start: int, end: int) -> list[Line]:
    """The pieces of the paragraph's lines between two positions of its text."""
    pieces: list[Line] = []
    offset = 0
    for line in para.lines:
        a, b = max(start - offset, 0), min(end - offset, len(line.text))
        if a < b:
            pieces.append(Line(line.number, line.text[a:b]))
        offset += len(line.text)
    return pieces


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
    for m in _inline_matches(text):
        pos = m.start()
        if pos == 0:
            continue
        before = text[pos - 1]
        head = text[pos:pos + ORDINAL_WINDOW]
        ordinal = parse_ordinal(head)
        if ordinal is None:
            if before in SENTENCE_END and is_section_break(text[pos:pos + SHORT_HEADING + 1]):
                out.append((pos, None, True))  # 1.2　等级划分 / 第二章　…
            continue
        rest = ordinal.rest
        if rest[:1] in NUMERAL_LEADS or not rest.strip():
            continue  # 二、三季度 is a list of numbers, not a heading
        strong = _after_sentence(text, pos, STRONG_BEFORE if ordinal.level <= 2 else SENTENCE_END)
        out.append((pos, ordinal, strong))
    if "附" in text:  # 附件 right after the 成文日期: an attached document starts (pasted text)
        out.extend((m.end(), None, True) for m in RE_DATE_THEN_ATTACHED.finditer(text))
        out.sort(key=lambda candidate: candidate[0])
    return out


def _after_sentence(text: str, pos: int, ends: frozenset[str]) -> bool:
    """Does `pos` follow a sentence end, maybe with a closing quote or a bracketed note
    between (……。”二、 / ……。（财政部负责）七、)?"""
    before = text[pos - 1]
    if before in ends:
        return True
    if before in "”’" and pos >= 2:
        return text[pos - 2] in SENTENCE_END
    if before in "）)":
        opening = max(text.rfind("（", max(0, pos - NOTE_MAX), pos),
                      text.rfind("(", max(0, pos - NOTE_MAX), pos))
        return opening > 0 and text[opening - 1] in SENTENCE_END
    return False


def split_run_on(paragraphs: list[Paragraph], markdown: bool) -> list[Paragraph]:
    """Split a paragraph where a heading follows on the same line: after a sentence end
    (……工作要求如下：一、工作目标。……二、主要任务。……) or, in text pasted without its
    paragraph breaks, right after a heading's title (一、总体要求（一）指导思想。……).

    Only the ordinal that comes next in the outline counts (二、 after 一、). One that
    follows no sentence end must be confirmed: the next ordinal of its level is the next
    number after a sentence end, or it continues a run already read in this paragraph.
    So 二、三季度, 统一、规范 and other sentence-internal numbers are not headings.
    """
    out: list[Paragraph] = []
    last = [0] * 5
    before_break = [0] * 5  # `last` before the latest section number
    numbered = [0] * 5      # the last number of each level, whatever its parent

    def note(level: int, number: int) -> None:
        last[level] = numbered[level] = number
        last[level + 1:] = ZEROS[level + 1:]  # the levels below start afresh
        before_break[level:] = ZEROS[level:]

    for para in paragraphs:
        if para.role and para.role != "markdown" or markdown and para.list_item:
            out.append(para)
            continue
        if para.heading is not None:
            note(para.heading.level, para.heading.number)
            out.append(para)
            continue
        text = para.text
        head = parse_ordinal(text[:ORDINAL_WINDOW])
        if head is not None:
            note(head.level, head.number)
        if not RE_INLINE_START.search(text, 1) or not (candidates := _candidates(text)):
            out.append(para)  # most paragraphs: no ordinal after the first character
            continue
        # next_same[i]: the next candidate of the same level (None: none further on).
        next_same: list[int | None] = [None] * len(candidates)
        seen: dict[int, int] = {}
        for i in range(len(candidates) - 1, -1, -1):
            ordinal = candidates[i][1]
            if ordinal is not None:
                next_same[i] = seen.get(ordinal.level)
                seen[ordinal.level] = i
        cuts: list[int] = []
        here = [False] * 5  # was last[level] read in this paragraph?
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
            if level == 2 and last[1] == 0 and head is None and not cuts:
                continue  # （一） inside the opening paragraph: a list, not the outline
            if number == expected:
                # Confirmed by the next number of the level after a sentence end, by
                # the run this paragraph has been reading, or by its parent heading
                # just before it (一、总体要求（一）指导思想……).
                j = next_same[i]
                ok = strong or j is not None and candidates[j][2] and \
                    candidates[j][1].number == number + 1 or number > 1 and here[level] \
                    or parent_just_read is not None and parent_just_read < level
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
                                         number == 1 and expected == 2 and j is not None
                                         and candidates[j][2] and candidates[j][1].number == 2)
                else:
                    ok = here[level] and chain and number >= 2 and abs(number - expected) == 1
            parent_just_read = None
            if ok:
                parent_just_read = level
                cuts.append(pos)
                note(level, number)
                here[level] = True
                for lower in range(level + 1, 5):
                    here[lower] = False
        if not cuts:
            out.append(para)
            continue
        bounds = [0, *cuts, len(text)]
        for i in range(len(bounds) - 1):
            lines = _cut(para, bounds[i], bounds[i + 1])
            piece = "".join(line.text for line in lines)
            out.append(Paragraph(lines[0].number, lines, piece,
                                 raw_first=para.raw_first if i == 0 else piece))
    return out
