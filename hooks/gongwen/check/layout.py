"""How a document is laid out on the page, beyond one-paragraph-a-line.

Drafts reach the checker in the shapes writers have: copied from a PDF (every line hard
wrapped, a heading broken over two lines), pasted as one block (……如下：一、总体要求。……
二、主要任务……), with a table of contents before the body, with a 附件说明 list at the
end, or with decimal section numbers (1.2　等级划分) above their （1） items. The reader
(gongwen.check.document) calls these passes in order, and gongwen.check.runon's split of
headings run on in a line between them; each is one linear pass over the paragraphs.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from gongwen.text.numbering import NUMERAL_LEADS, PAREN_DIGITS, Ordinal, parse_ordinal

from .articles import CLAUSE_MARKS, PART_TITLE_MAX, RE_PART_TITLE, titles_a_document
from .attachments import RE_LABEL_RUN_IN, mark_attachment_list, mark_list_after_label, run_in_label
from .numberled import numbers_an_item
from .paragraphs import (
    APART,
    CLAUSE_ENDS,
    Joined,
    Paragraph,
    is_bare_label,
    joined,
    pieces,
    starts_item,
)
from .parts import (
    OPENERS,
    RE_ATTACHMENTS,
    SECTION_LEADS,
    is_section_break,
    opens_a_document,
    runs_on,
)
from .wrapcuts import (
    NUMERALS,
    ORDINAL_WINDOW,
    cut_inside,
    is_numeral_range,
    labels_an_item,
    list_goes_on,
    repeats_cut_word,
    row_goes_on,
    with_lead,
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


def has_leader(text: str) -> bool:
    """RE_LEADER.search(text), tried only where a text ends with a digit (after spaces):
    its alternatives led by no literal are tried at every character of the line."""
    end = text[-1:]
    return (end.isdigit() or end.isspace() and text.rstrip()[-1:].isdigit()) and \
        RE_LEADER.search(text) is not None


# A PDF's page number line (GB/T 9704-2012 §7.5: — 2 —).
RE_PAGE_MARK = re.compile(r"^[—－-]\s*\d{1,4}\s*[—－-]$")
# Characters of one column; every other is two (Chinese, full-width, “” … —).
WIDE = frozenset("“”‘’…—")
# How much shorter than the margin a full line may be (an indent, a mark moved down).
FULL_SLACK = 6
RE_CONTENTS_HEAD = re.compile(r"^目[\s　]*录$")
# 统一 之一 唯一 同一 单一 万一 专一 划一 归一 合一 逐一 如一 不一 第一 其一 任一: cut
# after the first character at the margin, the next line starts with 一、 (一，) that is
# no heading.
ENDS_A_WORD_WITH_ONE = frozenset("统之唯同单万专划归合逐如不第其任")
# 第 ⏎ 二、第七 and 十 ⏎ 一是: a numeral cut at the margin (第二, 十一是); no paragraph
# or title ends with 第 or 十, so the next line goes on whatever ordinal it seems to open.
CUT_NUMERAL_BEFORE = frozenset("第十")
CJK_DIGITS = frozenset(NUMERALS)


def lists_numbers(ordinal: Ordinal) -> bool:
    """二、三季度, 一、二、三产业: a 一、 whose text starts with the next numeral, or with a
    numeral and 、, or is one numeral (会议室三、一), lists numbers; it opens no heading
    (（三）一体推进…, 三、一流… do)."""
    rest = ordinal.rest
    return ordinal.level == 1 and rest[:1] in NUMERAL_LEADS and (
        rest[1:2] in ("、", "") or NUMERALS.find(rest[0]) == ordinal.number)
SENTENCE_END = frozenset("。！？!?")


def _merge(cur: Paragraph, nxt: Paragraph) -> None:
    cur.lines = cur.lines + nxt.lines
    cur.text = cur.text + nxt.text


# The characters of one column (below U+2E80, but WIDE): removed in C, what is left of a
# line is its characters of two.
RE_NARROW = re.compile("[^\u2e80-\U0010ffff" + "".join(sorted(WIDE)) + "]+")


def columns(text: str) -> int:
    """Width in columns: a Chinese character or full-width mark takes two."""
    return len(text) + len(RE_NARROW.sub("", text))


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


def _ends_copy_to(cur: Paragraph, last: str) -> bool:
    """抄送：……。 ends with its full stop (GB/T 9704-2012 §7.4.2): it is the last line of
    a document, whatever follows (a forwarded document's title)."""
    return cur.text.startswith("抄送") and last[-1] in SENTENCE_END


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
            or has_leader(last) or has_leader(rest) or is_section_break(rest) \
            or rest[0] == "【" and rest[-1] == "】" and len(rest) <= BRACKET_LABEL_MAX:
        return False  # (【参考资料】 alone on its line: a label, never a wrapped line's rest)
    if cut_inside(last, rest) or last.endswith("分之") and rest[0] in CJK_DIGITS:
        # A fraction or an e-mail address cut by a wrap: 2/ ⏎ 3、…, @16 ⏎ 3.com, 百分之 ⏎
        # 九十四，…
        return True
    ordinal_next = parse_ordinal(rest[:ORDINAL_WINDOW])
    if ordinal_next is not None and ordinal_next.rest.startswith(("》", "〉")):
        return True  # 《刑法修正案 ⏎ （十一）》……: a book title cut at the margin
    if width and not first and columns(last) >= width - FULL_SLACK \
            and not opens_a_document(last, rest) and not _ends_copy_to(cur, last):
        # A full line of a wrapped text goes on, whatever it ends with (the paragraph
        # rarely ends exactly at the margin), even into 再次表明; and into 统 ⏎ 一、推进
        # when 一、 is out of turn (a word cut at the margin: 统一 之一 唯一). Any other
        # ordinal starts a heading, even a misnumbered one, so that the slip is reported.
        # A first item 一是 starts its own paragraph after a lead line that happens to
        # be full (……主要做了以下工作 ⏎ 一是……), unless a word ends there (之 ⏎ 一是).
        if last[-1] in CUT_NUMERAL_BEFORE and rest[0] in CJK_DIGITS:
            return True
        if ordinal_next is None:
            return not rest.startswith("一是") or last[-1] in ENDS_A_WORD_WITH_ONE
        return ordinal_next.level == 1 and not expected(ordinal_next) and (
            ordinal_next.number == 1 and last[-1] in ENDS_A_WORD_WITH_ONE
            or is_numeral_range(rest) or repeats_cut_word(rest, last[-1]))
    if ordinal_next is not None:
        # Also on a line short of the margin, a 一、 out of turn after a clause left open
        # goes on it: a word cut there (统 ⏎ 一、…), or grades in a row (设 ⏎ 一、二、三等奖).
        # A line without a clause mark (but a colon) or an ordinal is a title (2024年
        # 工作计划, 第二部分：工作计划), not a clause cut: the 一、 under it starts afresh; a
        # heading's line is cut only in a word (统 ⏎ 一、), not before grades (一、二年级…).
        return list_goes_on(cur.text, last, ordinal_next) or ordinal_next.level == 1 \
            and last[-1] not in LINE_ENDS and not expected(ordinal_next) and (
                ordinal_next.number == 1 and last[-1] in ENDS_A_WORD_WITH_ONE
                or is_numeral_range(rest)) and (any(ch in CLAUSE_ENDS for ch in cur.text)
                                                or parse_ordinal(cur.text) is not None
                                                and not is_numeral_range(rest))
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
    return len(last) >= WRAPPED_MIN and not starts_item(rest) and not labels_an_item(rest)


QUESTION_LABEL_MAX = 30
BRACKET_LABEL_MAX = 20


def _next_body(paragraphs: list[Paragraph], index: int, furniture: set[int]) -> list[Paragraph]:
    """The paragraph after paragraphs[index] that is no page furniture ([]: none)."""
    for para in paragraphs[index + 1:index + 4]:  # (a page number and its running head)
        if para.line not in furniture:
            return [para]
    return []


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

    for index, para in enumerate(paragraphs):
        if para.line in furniture:
            para.role = "page"
            out.append(para)
            skipped = bool(body)
            continue
        first = len(body) == 1 and len(body[0].lines) == 1 and not parse_ordinal(body[0].text)
        if body and (lead := row_goes_on(body[-1], para, width is not None)) is not None:
            _merge(body[-1], with_lead(para, lead))  # a table row goes on (wrapcuts.py)
        elif body and _continues(body[-1], para, first, width, skipped, expected) and \
                not _labels_a_list(para, following := _next_body(paragraphs, index, furniture),
                                   last) and \
                not (following and titles_a_document(para.text, following[0].text)) and \
                not _addressee_after_title(body[-1], para):
            _merge(body[-1], para)
        else:
            out.append(para)
            body.append(para)
            head = parse_ordinal(para.text[:ORDINAL_WINDOW])
            if head is not None:
                last[head.level] = numbered[head.level] = head.number
                for lower in range(head.level + 1, 5):
                    last[lower] = 0
                if head.level == 4 and head.raw[0] in PAREN_DIGITS:
                    out[-1:] = body[-1:] = split_paren_digits(para)
            elif para.text[:1] == "附" and is_section_break(para.text):
                last[:] = numbered[:] = [0] * 5  # an attachment numbers afresh: 名单 ⏎ 一、…
        skipped = False
    return out


def _labels_a_list(para: Paragraph, following: list[Paragraph], last: list[int]) -> bool:
    """二月份 ⏎ 1.…, after a list of 1. items: a short bare label or question (三问：怎样
    做？) over a list that starts again at one, not the end of the item above it."""
    text = para.text.strip()
    if not following or not (is_bare_label(text) or 0 < len(text) <= QUESTION_LABEL_MAX
                             and text[-1] in "？?"):
        return False
    head = parse_ordinal(following[0].text)
    return head is not None and head.number == 1 and last[head.level] > 0


# 发文字号: 教基一厅〔2010〕10号 (also with [ ] or ［ ］ for 〔 〕).
RE_DOC_NUMBER = re.compile(r"[〔\[［]\d{4}[〕\]］]\d{1,4}号$")


def _addressee_after_title(title: Paragraph, para: Paragraph) -> bool:
    """……的通知 ⏎ 各市教育局： (or ⏎ 教基一厅〔2010〕10号): a document's title line, then
    its addressee or its number (a forwarded notice after the forwarding one's date),
    not one title wrapped."""
    text = para.text.strip()
    return len(title.lines) == 1 and len(text) <= PART_TITLE_MAX \
        and (text[-1:] in "：:" or RE_DOC_NUMBER.search(text) is not None) \
        and RE_PART_TITLE.search(title.text.rstrip()) is not None \
        and not any(ch in CLAUSE_MARKS for ch in title.text)


def _ends_entries(before: Paragraph, ordinal: Ordinal, first: Ordinal,
                  after: list[Paragraph]) -> bool:
    """Does a numbered line without a page number, after the contents entry `before`,
    start the body (see mark_apart)?"""
    if not (before.role == "contents" or has_leader(before.text)):
        return False
    return (ordinal.level, ordinal.number) == (first.level, first.number) or \
        not after or not (after[0].role == "contents" or has_leader(after[0].text))


def _leader_free(text: str) -> str:
    return RE_LEADER.sub("", text).strip()


# The paragraphs mark_apart has to look at: those that start with 目, 附, 第, § or a digit
# (the first one is looked at anyway), and those that end with a digit or a space (a
# contents entry's page number, RE_LEADER); each pattern is led by the "\n" between two.
# Also those with a 附件： run into their last sentence (attachments.RE_LABEL_RUN_IN).
RE_APART_LEAD = re.compile(r"\n[目附第§\d]")
RE_APART_END = re.compile(r"\n(?<=[\d\s]\n)")


# Below this many paragraphs, the loop's few tests of each cost less than the two scans.
APART_SCAN_MIN = 200


def _apart_candidates(paragraphs: list[Paragraph], texts: Joined | None) -> Iterable[int]:
    """The indices of the paragraphs that mark_apart may mark, in order (a superset)."""
    if len(paragraphs) < APART_SCAN_MIN or (texts := texts or joined(paragraphs)) is None:
        return range(len(paragraphs))
    found = [m.start() + 1 for m in RE_APART_LEAD.finditer(texts.text)]
    found += [m.start() for m in RE_APART_END.finditer(texts.text)]
    found += [m.start() for m in RE_LABEL_RUN_IN.finditer(texts.text)]
    found += [0, len(texts.text)]  # the first paragraph, the last one (its end)
    return texts.indices(found)


def mark_apart(paragraphs: list[Paragraph], texts: Joined | None = None) -> bool:
    """Set apart a table of contents and the 附件说明; note the section breaks.

    True when a second pass over the same paragraphs would change nothing: only a 目录
    line left in the text can be read otherwise once the entries after it are marked.
    texts: the paragraphs' texts joined, if the caller has them."""
    later_texts: set[str] | None = None  # built only when a 目录 line is seen
    settled = True
    skip_to = 0  # the paragraphs before it are taken already (contents entries, attachments)
    candidates = _apart_candidates(paragraphs, texts)
    pairs = enumerate(paragraphs) if isinstance(candidates, range) else \
        zip(candidates, map(paragraphs.__getitem__, candidates))
    for at, para in pairs:
        if at < skip_to:
            continue  # taken already as a contents entry or an attachment
        text = para.text
        if para.role or not text:
            continue
        # A leader ends in a page number: the end is tested first (a search of every whole
        # paragraph was this reader's largest cost); 目录, 附件 after their first character.
        lead, end = text[0], text[-1]
        if (end.isdigit() or end.isspace()) and has_leader(text) \
                and (parse_ordinal(text) or "…" in text or "..." in text):
            para.role = "contents"
            continue
        if lead == "目" and RE_CONTENTS_HEAD.match(text):
            # 目　　录 followed by heading lines that come again in the body.
            index = at + 1  # (the paragraph after it)
            run = []
            first: Ordinal | None = None  # the first entry's ordinal
            while index + len(run) < len(paragraphs):
                entry = paragraphs[index + len(run)]
                entry_text = _leader_free(entry.text)
                if entry.role == "contents":
                    run.append(entry)
                    first = first or parse_ordinal(entry_text)
                elif (ordinal := parse_ordinal(entry_text)) and len(entry_text) <= 60 \
                        and not any(ch in SENTENCE_END for ch in entry_text):
                    # After entries with page numbers, a line without one that starts
                    # the numbering again (一、推荐原则：), or that the next line does not
                    # end with a page number either (not an entry wrapped over two lines:
                    # 1.时间：…… ⏎ 高一……), is the body's first heading.
                    if first is not None and _ends_entries(
                            run[-1], ordinal, first,
                            paragraphs[index + len(run) + 1:index + len(run) + 2]):
                        break
                    run.append(entry)
                    first = first or ordinal
                else:
                    break
            if run:
                if later_texts is None:
                    later_texts = {p.text.strip() for p in paragraphs[index + len(run):]}
                if _leader_free(run[0].text) in later_texts or run[0].role == "contents":
                    para.role = "contents"
                    for entry in run:
                        entry.role = "contents"
                    skip_to = index + len(run)
                    continue
            settled = False
            continue
        if lead == "附" and RE_ATTACHMENTS.match(text) and not runs_on(text):
            skip_to = mark_attachment_list(paragraphs, at)
            continue
        if "附" in text and (expected := run_in_label(text)):
            skip_to = mark_list_after_label(paragraphs, at, expected)
            continue
        # A section break starts with 附, 第 or a digit (other lines: neither test matters).
        if (lead in SECTION_LEADS or lead.isdigit()) and not para.list_item and \
                not parse_ordinal(text) and is_section_break(text) and \
                not numbers_an_item(paragraphs, at, APART):
            para.section_break = True
    return settled


# What stands before the next of ⑴⑵… written in one line: a space, a sentence's end.
PAREN_DIGIT_AFTER = frozenset(" \t\u3000。；;")


def split_paren_digits(para: Paragraph) -> list[Paragraph]:
    """⑴……  ⑵……: items written with ⑴–⒇ several to a line, each the next number after
    a space or a sentence's end: a paragraph each (asked of a line led by one only)."""
    text, cuts = para.text, []
    at, number = 1, ord(text[0]) + 1
    while chr(number) in PAREN_DIGITS and (at := text.find(chr(number), at)) > 0 \
            and text[at - 1] in PAREN_DIGIT_AFTER:
        cuts.append(at)
        at, number = at + 1, number + 1
    if not cuts:
        return [para]
    return [Paragraph(lines[0].number, lines, piece, raw_first=para.raw_first if not i else piece)
            for i, (lines, piece) in enumerate(pieces(para, cuts))]
