"""Lines that a hard wrap starts in the middle of something that is no heading.

Table rows in plain text: the cells of a row pasted from Word or a PDF stand apart by
TABs (时间<TAB>工作重点<TAB>1.……； 2.……), and a cell may hold a numbered list. Hard
wrapped, or with the line breaks of a cell's own paragraphs, a row goes on in the next
line: at a TAB (its next cell, cut at the margin) or with the next item of its last cell
( 2.…… after 1.……；). Neither starts a heading; gongwen.check.layout.join_wrapped joins
such a line to its row, the TAB or space before it kept (a cell's 1. after a TAB follows
no sentence end, as on one line).

A word cut at the margin right before its numeral, when the list goes on with the same
word (高 ⏎ 一、高二教学楼: 高一、高二), or a range of numerals cut before its first
(一、二等奖), leaves a 一、 at the line's start that is no heading; so do a fraction or an
e-mail address cut by a wrap (2/ ⏎ 3、…, @16 ⏎ 3.com), and a list inside a paragraph
broken after a 分号 where its next item starts (……的； ⏎ （三）…, pasted line by line).
A line led by an item label 2） or 3) is one a wrap does not start: a line of its own.
"""
from __future__ import annotations

import re

from gongwen.text.numbering import ORDINAL_LEADS, Ordinal, canonical, int_to_cn, parse_ordinal

from .paragraphs import Line, Paragraph

# How much of a line parse_ordinal is asked about (an ordinal and the start of its title).
ORDINAL_WINDOW = 48
NUMERALS = "一二三四五六七八九十"
# 一、二等奖 at a line start: a range of numerals (一、二季度, 三、四月份, 一、二、三等奖,
# 一、二、三产业, 一、二线城市)
# cut at the margin, not heading 一、.
RANGE_LEADS = frozenset("一二三四五六七八九")  # (what such a range starts with)
RE_NUMERAL_RANGE = re.compile(
    r"^(?P<a>[一二三四五六七八九])、(?P<b>[二三四五六七八九十])(?:、[三四五六七八九十])*"
    r"(?:等奖|等|季度|年级|级|类|批|期|档|月|产|线|轮|届|星)")
# What stands before a cell's item: the TAB that starts its cell, a space, a mark that
# ends the item before it (1.……； 2.……).
ITEM_BEFORE = r"(?<=[\s；;。，,：:])"


def _previous_item(ordinal: Ordinal) -> re.Pattern[str]:
    """The item before `ordinal` (1. before 2．, （一） before （二）), as it may be written:
    a half- or full-width point or bracket."""
    shape = re.escape(canonical(ordinal.level, ordinal.number - 1))
    for plain, either in ((r"\.", "[.．]"), ("（", "[（(]"), ("）", "[）)]"), ("、", "、")):
        shape = shape.replace(plain, either)
    return re.compile(ITEM_BEFORE + shape + r"(?!\d)")


def row_goes_on(cur: Paragraph, nxt: Paragraph, wrapped: bool) -> str | None:
    """Is `nxt` the rest of the table row `cur` (a paragraph with a TAB in it)? Then the
    whitespace that leads it (a TAB or a space), else None. A line led by a TAB goes on a
    row only in a hard-wrapped text (else it is the next row, its first cell empty);
    a line led by the next item of the row's last cell goes on it in any text."""
    raw, text = nxt.raw_first, nxt.text
    if not text or nxt.line != cur.lines[-1].number + 1:
        return None
    lead = raw[:len(raw) - len(raw.lstrip(" \t"))]
    if raw[:1] == "\t":
        return lead if wrapped and "\t" in cur.text else None
    if text[0] not in ORDINAL_LEADS and not text[0].isdigit():
        return None
    ordinal = parse_ordinal(text[:ORDINAL_WINDOW])
    if ordinal is None or ordinal.number < 2:
        return None
    cell = cur.text.rfind("\t")
    if cell < 0:
        return None
    return lead if _previous_item(ordinal).search(cur.text, cell + 1) else None


def with_lead(para: Paragraph, lead: str) -> Paragraph:
    """`para` with `lead` put back before its text (its first line's too)."""
    if lead:
        first = para.lines[0]
        para.lines = [Line(first.number, lead + first.text), *para.lines[1:]]
        para.text = lead + para.text
    return para


def repeats_cut_word(rest: str, word: str) -> bool:
    """Does `rest` (a line after one ending with `word`) start 一、 `word` 二 (a numeral,
    、, then the word again with the next numeral: 高 ⏎ 一、高二)?"""
    return rest[1:2] == "、" and rest[:1] in NUMERALS[:9] and \
        rest[2:4] == word + NUMERALS[NUMERALS.index(rest[0]) + 1]


def is_numeral_range(text: str) -> bool:
    """一、二等奖: two numerals in a row joined by 、 (the second is the next one)."""
    m = RE_NUMERAL_RANGE.match(text)
    return m is not None and NUMERALS.index(m["b"]) == NUMERALS.index(m["a"]) + 1


# An e-mail address at a line's end (cut by a wrap, its rest on the next line).
RE_CUT_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*$")
RE_WHOLE_DOMAIN = re.compile(r"\.(?:com|cn|net|org|gov|edu)$")  # (the address is whole)
RE_ADDRESS_REST = re.compile(r"[A-Za-z0-9.-]*\.(?:com|cn|net|org|gov|edu)\b")


def list_goes_on(text: str, last: str, ordinal: Ordinal) -> bool:
    """……包括：（一）……的；（二）……的； ⏎ （三）……: a list inside a paragraph, broken
    (pasted) after a 分号 where its next item starts; not a heading that skips its number."""
    if last[-1] not in "；;" or ordinal.number < 2:
        return False
    label = str(ordinal.number - 1) if ordinal.label.isdigit() else int_to_cn(ordinal.number - 1)
    before = ordinal.raw.replace(ordinal.label, label, 1)
    at = text.find(before, 1)
    return at > 0 and text[at - 1] in "：:；;。 \t　"


def cut_inside(last: str, rest: str) -> bool:
    """Does a line ending with `last` break a fraction (2/ ⏎ 3、…) or an e-mail address
    (@16 ⏎ 3.com) that `rest`, the next line, goes on with?"""
    return last[-1] in "/／" and rest[0].isdigit() and _fraction_cut(last) or "@" in last \
        and RE_CUT_ADDRESS.search(last) is not None \
        and not RE_WHOLE_DOMAIN.search(last) and RE_ADDRESS_REST.match(rest) is not None


def _fraction_cut(last: str) -> bool:
    """A line that ends 2/ (a number, then the slash), not a web address's …/cx/."""
    word = last[last.rfind(" ") + 1:]
    return last[-2:-1].isdigit() and "://" not in word and not word.startswith("www.")


# An item labelled with a closing bracket alone (2）集合地点：, 3)摄像：): no ordinal of the
# four levels, but a line of its own.
RE_BRACKET_LABEL = re.compile(r"\d{1,2}[)）](?=[\u4e00-\u9fff])")


def labels_an_item(rest: str) -> bool:
    """Does the line `rest` start with an item label 2） (then a Chinese character)?"""
    return rest[0].isdigit() and RE_BRACKET_LABEL.match(rest) is not None
