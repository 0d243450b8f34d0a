"""Read a document (a Markdown page or a .txt file) into its outline.

Works line by line with the file's real 1-based line numbers. What is not part of
the checked document is skipped: front matter, admonitions and their indented
content, fenced code, HTML comments and raw HTML blocks, Material annotation lists,
tables, block quotations, and everything after `<!-- gongwen:end -->`.

A heading is a paragraph that starts with an ordinal (一、 （一） 1. （1）), whether
it is a Markdown heading, a line of its own, or run-in (the first sentence of a
paragraph that goes on). A 【提纲】 block is set apart from the body.

The reader only reads: what a rule concludes from the text (enumerations, announced
counts, the 【提纲】 entries, the salutation) is worked out by that rule's family in
gongwen.check.rules, on demand and once per document (rules.base.cached).
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from itertools import accumulate

from gongwen.text import numbering
from gongwen.text.blocks import (
    body_latin,
    checked_lines,
    markup_held,
    quiet_lines,
    scan_lines,
)
from gongwen.text.frontmatter import FrontMatter, split_front_matter
from gongwen.text.numbering import ORDINAL_LEADS, Ordinal, canonical, parse_ordinal

from .grouping import group_lines as _paragraphs  # (the name the tests patch)
from .headings import RE_SENTENCE_END, make_heading
from .holding import scan_ordinals
from .items import may_hold_items, split_items
from .layout import join_wrapped, mark_apart
from .model import Heading
from .nested import set_apart_nested_lists
from .numberled import RE_NUMBER_LED_ITEM, next_item_number
from .paragraphs import APART, PARAGRAPHS_TEXT, Joined, Line, Paragraph
from .parts import mark_parts, mark_quoted
from .runon import split_run_on
from .wrapcuts import RANGE_LEADS, is_numeral_range

# --- What the reader looks for in the text ---------------------------------------------
OUTLINE_LABEL = "【提纲】"
RE_OUTLINE_START = re.compile(rf"^{OUTLINE_LABEL}")
TITLE_STRAY_END = "。，,；;！？!?"
# Ten CJK characters or more: stops at the tenth instead of listing every one.
RE_ONE = re.compile("一、")
RE_TEN_CJK = re.compile(r"(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){10}")


@dataclass(frozen=True)
class Ack:
    """An inline acknowledgement `<!-- gongwen: ack CODE 原因 -->`."""

    line: int
    rule: str
    reason: str


@dataclass
class Document:
    """Everything the rules look at."""

    path: str
    markdown: bool
    front: FrontMatter
    title: str | None = None
    title_line: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    plain_headings: list[Line] = field(default_factory=list)  # Markdown headings without ordinal
    closing: Paragraph | None = None
    # Where the numbering of every level starts afresh: decimal section numbers (1.2　…),
    # 第一章/第一条, an attached document (附件1), which are not headings of the outline.
    # Each is the number of headings before it (a pasted line holds both).
    section_breaks: list[int] = field(default_factory=list)
    # Where a new part starts (an attachment, a note list, a second document): the
    # numbering rules judge its style anew (gongwen.check.parts). Counted like the above.
    part_breaks: list[int] = field(default_factory=list)
    # An item list starts again at one right after an item of its level (1.类别： ⏎
    # 1.…): it may be nested under a label (gongwen.check.nested).
    restarts_in_place: bool = False
    lines: list[Line] = field(default_factory=list)  # every checked line, markup removed
    acks: list[Ack] = field(default_factory=list)
    # The scanned lines (gongwen.text.blocks.scan_lines) of a Markdown page: the downloads
    # group the same lines into their blocks instead of scanning the page again.
    scanned: list[tuple[int, str, str]] = field(default_factory=list, repr=False)
    # Filled by the checker: the doctypes it knows, and analyses shared between rules.
    known_doctypes: tuple[str, ...] = ()
    cache: dict = field(default_factory=dict, repr=False)

    @property
    def meta(self) -> dict:
        return self.front.meta


def _read_title(doc: Document) -> None:
    meta_title = doc.meta.get("title")
    if doc.title is None and isinstance(meta_title, str) and doc.markdown:
        doc.title = meta_title.strip()
    if doc.title is not None or not doc.paragraphs:
        return
    # A .txt file (or a page without any title): the first line is the title.
    first = doc.paragraphs[0]
    if parse_ordinal(first.text) or RE_OUTLINE_START.match(first.text):
        # 【提纲】 may come before the title (seed 000): the title is the next line.
        if len(doc.paragraphs) > 1 and RE_OUTLINE_START.match(first.text):
            second = doc.paragraphs[1]
            if not parse_ordinal(second.text) and len(second.text) <= 80 and \
                    not RE_SENTENCE_END.search(second.text[:-1] if second.text else ""):
                doc.title, doc.title_line = second.text, second.line
                second.role = "title"
        return
    if _looks_like_title(first.text):
        doc.title, doc.title_line = first.text, first.line
        first.role = "title"


def _looks_like_title(text: str) -> bool:
    """A first line that is a title: no sentence in it (a slogan may come before the
    subtitle: 奋进拼搏！——在开学典礼上的讲话). A stray mark at its end (……的通知。)
    still leaves a title when nothing before it reads as a sentence."""
    main, _, sub = text.partition("——")
    if len(text) <= 80 and not RE_SENTENCE_END.search(sub or text) and "。" not in main:
        return True
    return len(text) <= 50 and text[-1] in TITLE_STRAY_END and \
        not RE_SENTENCE_END.search(text[:-1]) and not any(ch in "，,：:；;" for ch in text[:-1])


def _read_outline_block(doc: Document, texts: Joined | None) -> None:
    if texts is not None and ("【" not in texts.text or OUTLINE_LABEL not in texts.text):
        return  # (most pages: no paragraph to look at; a search for one character is quicker)
    for index, para in enumerate(doc.paragraphs, 1):
        # (RE_OUTLINE_START.match, without a call of re for every paragraph.)
        if para.role == "title" or not para.text.startswith(OUTLINE_LABEL):
            continue
        para.role = "outline"
        group = [para]
        # A 【提纲】 line followed by list items (Markdown): the items belong to it.
        while index < len(doc.paragraphs) and doc.paragraphs[index].list_item:
            doc.paragraphs[index].role = "outline"
            group.append(doc.paragraphs[index])
            index += 1
        return


def line_locator(para: Paragraph, text: str, start_line: int):
    """Map a position in a paragraph's (body) text to its source line."""
    if len(para.lines) == 1:
        return lambda pos: start_line
    offset = len(para.text) - len(text)
    bounds: list[tuple[int, int]] = []
    total = 0
    for line in para.lines:
        total += len(line.text)
        bounds.append((total, line.number))

    def locate(pos: int) -> int:
        absolute = pos + offset
        for end, number in bounds:
            if absolute < end:
                return number
        return bounds[-1][1]
    return locate


def _item_led_by_a_number(doc: Document, index: int) -> Ordinal | None:
    """21.5+2就业之家：… between item 20. and item 22., 1.14:25学生进场 before 2.…: an
    item whose text starts with a number, read as a decimal (21.5) on its own. Taken as an
    item only in a run of items: the item before it numbered one less (or it is the first,
    with a 2. after it), the one after it one more (or the page ends there)."""
    text = doc.paragraphs[index].text
    m = RE_NUMBER_LED_ITEM.match(text)
    if m is None:
        return None
    number = int(m["num"])
    after = next_item_number(doc.paragraphs, index, APART)
    if number == 1:
        if after != 2:
            return None
    else:
        last = doc.headings[-1] if doc.headings else None
        if last is None or last.level != 3 or last.number != number - 1 or \
                after not in (0, number + 1):
            return None
    raw = m.group()
    return Ordinal(3, m["num"], number, raw, text[len(raw):], canonical(3, number))


# How far ahead a range in turn looks for the heading of its number (a part's length).
RANGE_REACH = 60


def _a_range(paragraphs: list[Paragraph], index: int, ordinal, headings: list[Heading]) -> bool:
    """一、二年级学生由家长陪同……: two numerals in a row that begin a sentence (grades,
    prizes, quarters), not a 一、 heading out of turn. The next 一、 in turn still is one,
    unless the next 一、 line below has its number (二、…… ⏎ 三、四年级作业…… ⏎ 三、保障措施)."""
    text = paragraphs[index].text
    if ordinal.level != 1 or not is_numeral_range(text):
        return False
    last = next((h.number for h in reversed(headings) if h.level == 1), 0)
    if ordinal.number != last + 1:
        return True
    for para in paragraphs[index + 1:index + 1 + RANGE_REACH]:
        if para.text[:1] in RANGE_LEADS and (below := parse_ordinal(para.text)) is not None \
                and below.level == 1 and not is_numeral_range(para.text):
            return below.number == ordinal.number  # (past 五、六年级…, another range)
    return False


def _read_body(doc: Document) -> None:
    first_heading_seen = False
    title, headings, markdown = doc.title, doc.headings, doc.markdown
    plain: list[Paragraph] = []  # the body's paragraphs that are no heading
    for index, para in enumerate(doc.paragraphs):
        role, text = para.role, para.text
        if role in APART:
            continue
        if not first_heading_seen and title and text == title and role != "markdown":
            para.role = "title"  # a repeated title line
            continue
        if para.section_break:
            doc.section_breaks.append(len(headings))
        if para.new_part:
            doc.part_breaks.append(len(headings))
        if role == "markdown":
            headings.append(para.heading)
            first_heading_seen = True
            continue
        body, body_line = text, para.line
        # (An ordinal starts with one of ORDINAL_LEADS or a digit: other paragraphs need
        # not ask.)
        lead = text[:1]
        if (lead in ORDINAL_LEADS or lead.isdigit()) and (not para.list_item or not markdown):
            # (make_heading's own parse_ordinal, asked first: most such paragraphs, 一是…,
            # have none, and make no call.)
            made = make_heading(text, para.raw_first or text, body_line, None, ordinal) \
                if (ordinal := parse_ordinal(text)) and not (
                    lead in RANGE_LEADS and _a_range(doc.paragraphs, index, ordinal,
                                                     headings)) else None
            if made is None and lead.isdigit():
                led = _item_led_by_a_number(doc, index)
                if led is not None:
                    made = make_heading(text, text, body_line, None, led)
            if made:
                heading, body = made
                para.heading = heading
                if headings and heading.level == headings[-1].level \
                        and heading.number <= headings[-1].number:
                    # (1. right after 3., 2. after 2.; a table's group row 一、 right after
                    # 二、: nested.py)
                    doc.restarts_in_place = True
                headings.append(heading)
                first_heading_seen = True
                if body and len(para.lines) > 1:
                    body_line = line_locator(para, body, para.line)(0)
        para.body, para.body_line = body, body_line
        if para.heading is None:
            plain.append(para)
    # The closing: the last paragraph of ten characters or more, after the last heading.
    for para in reversed(plain):
        if RE_TEN_CJK.match(para.text):
            if headings and para.line > headings[-1].line:
                doc.closing = para
            break


def opening_text(doc: Document) -> tuple[str, list[tuple[int, int]]]:
    """The text before the first 一、 heading, paragraphs joined, with (end offset, line)
    bounds: a transition broken across lines (现将\n…如下) is still found."""
    lines: list[Line] = []
    for para in doc.paragraphs:
        # The paragraph of the first 一、 ends the opening (it may share its line with
        # the opening: 特制定本方案：一、工作目标。…).
        if para.heading is not None and para.heading.level == 1:
            break
        if para.role not in APART:
            lines += para.lines
    # (Built with C loops: without a 一、 the opening is the whole page.)
    texts = [line.text for line in lines]
    ends = accumulate(map(len, texts))
    return "".join(texts), list(zip(ends, [line.number for line in lines]))


def line_at(bounds: list[tuple[int, int]], pos: int) -> int | None:
    for end, number in bounds:
        if pos < end:
            return number
    return bounds[-1][1] if bounds else None


def read(text: str, path: str = "<text>", markdown: bool | None = None) -> Document:
    """Read `text` (a whole file, front matter included) into a Document."""
    # The reader makes a few objects a line and frees none until the end, and makes no
    # reference cycles: the cyclic collector, run again and again over the growing
    # outline, found nothing and took a quarter of the time on a 100,000-line page.
    # It is paused while reading (and left as it was: a caller may have paused it).
    # Outside a check (the downloads, the build) the reader still asks about each line
    # several times: a memo of parse_ordinal for this document, dropped after it.
    own_memo = numbering.ordinal_memo is None
    if own_memo:
        numbering.ordinal_memo = {}
    # (gongwen.common.no_cyclic_gc, inline: a context manager costs a microsecond a page,
    # more than some of the passes.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(text, path, markdown)
    finally:
        if collecting:
            gc.enable()
        if own_memo:
            numbering.ordinal_memo = None


def _read(text: str, path: str, markdown: bool | None) -> Document:
    if markdown is None:
        markdown = not path.lower().endswith(".txt")
    text = text.removeprefix("\ufeff")
    lines, whole = checked_lines(text)
    front = split_front_matter(lines) if markdown else FrontMatter()
    if not whole and markdown and not front.present and lines[0].rstrip() == "---":
        # Front matter that may close after the end marker's line: all the lines.
        lines, whole = text.splitlines(), True
        front = split_front_matter(lines)
    doc = Document(path, markdown, front)
    acks: list[tuple[int, str, str]] = []
    atx: dict[int, tuple[int, str]] = {}
    # (What the lines read may hold of the words and marks scan_lines and group_lines ask
    # for: one pass over the text for both.)
    latin = body_latin(text, lines, front.body_start, whole)
    body = scan_lines(lines, front.body_start, markdown, acks, atx,
                      quiet_lines(latin, lines, whole))
    if markdown:
        doc.scanned = body
    doc.acks = [Ack(*ack) for ack in acks]
    _paragraphs(body, markdown, doc, markup_held(text, lines, front.body_start, whole, latin),
                atx)
    if not markdown:
        doc.paragraphs = join_wrapped(doc.paragraphs)
    _read_title(doc)
    # The paragraphs' texts joined: the next passes look for what they need in it.
    # (joined(), without its count of the "\n"s: no text of the reader's holds one, its
    # lines being str.splitlines' and cleaning only taking characters out.)
    texts = Joined(paragraph_texts := [para.text for para in doc.paragraphs],
                   "\n".join(paragraph_texts)) if doc.paragraphs else None
    _read_outline_block(doc, texts)
    settled = mark_apart(doc.paragraphs, texts)
    # (One scan of `texts` for the ordinals inside paragraphs serves the next two passes.)
    scan = scan_ordinals(texts) if texts is not None else None
    split = split_run_on(doc.paragraphs, markdown, texts, scan.holding if scan else None)
    if len(split) != len(doc.paragraphs) or not settled:  # (split: a piece more at each cut)
        mark_apart(split)  # the pieces split off (…。2.1　…)
    # A run of items is read only on a page whose text may hold one (may_hold_items); its
    # paragraphs (pieces of `texts`) can hold one only if one of `texts` may, a shorter
    # text to ask first (and only if the scan saw an item's number in a line at all):
    # where none does, split_items would change nothing either way.
    if (scan is None or scan.items_in_line and may_hold_items(texts.text, in_line=True)) \
            and may_hold_items(text):
        split, texts = split_items(split, markdown), None
    same = len(split) == len(doc.paragraphs)  # (no paragraph was cut: the texts joined)
    mark_parts(split, texts if same else None)
    doc.paragraphs = split
    if same and texts is not None:
        # The rules join the paragraphs' texts too (rules.scan.paragraphs_text): the passes
        # below change no paragraph's text, so this join is theirs.
        doc.cache[PARAGRAPHS_TEXT] = texts.text
    # (A quoted outline starts its own 一、: two in the text. re finds the literal sooner than
    # str.find, whose skips "、", common in Chinese text, keeps short.)
    if (first_one := RE_ONE.search(text)) and RE_ONE.search(text, first_one.end()):
        mark_quoted(doc.paragraphs)
    _read_body(doc)
    if doc.restarts_in_place:
        set_apart_nested_lists(doc)
    return doc


def heading_levels(doc: Document) -> dict[int, int]:
    """Level of each line that starts with a heading (what the downloads mark as headings):
    the first paragraph on a line decides (……包括：（1）…… stays a paragraph)."""
    first = {para.line: para.heading for para in reversed(doc.paragraphs)}
    return {line: heading.level for line, heading in first.items() if heading is not None}
