"""The 附件说明 list at the end of a body (GB/T 9704-2012 §7.3.4): 附件：1.××× ⏎ 2.×××.

Its entries are numbered like items (or like headings: 附件：一、××× ⏎ 二、×××) but are
no part of the outline: layout.mark_apart sets the list apart (role 'attachments') from
its first line (parts.RE_ATTACHMENTS) on, entry after entry. Between two entries may
stand the file name of a download link (pasted from a web page) or the rest of an entry
hard-wrapped over two or three lines (2.县（市）推荐 ⏎ 名额分配表 ⏎ 3.…); and the next
entry may be run into an entry's line (2.……评审书3.……汇总表 ⏎ 4.…).
"""
from __future__ import annotations

import re

from gongwen.text.numbering import Ordinal, canonical, parse_ordinal

from .paragraphs import Paragraph

# 附件：1.×××, 附件1.×××, 附1、×××: the list's first entry on its first line.
RE_ATTACHMENT_ONE = re.compile(r"^附\s*件?\s*[：:]?\s*1[.．、]")
# 附件：一、×××  ⏎ 二、×××: the same list numbered like headings.
RE_ATTACHMENT_ONE_CN = re.compile(r"^附\s*件\s*[：:]\s*一、")
# The file name of a download link under an entry (pasted from a web page), between
# the entries of the list: 附件：1.×××表 ⏎ 202104011600596524.docx ⏎ 2.×××.
RE_FILE_NAME = re.compile(r"^[^\s，。；：,;]{1,80}\.(?:docx?|xlsx?|pdf|wps|et|pptx?|rar|zip|7z)$",
                          re.IGNORECASE)
ENTRY_MAX = 80
# An entry's wrapped rest: at most so many lines, each a piece of a title (no sentence).
WRAPPED_LINES = 2
SENTENCE_MARKS = frozenset("。！？!?；;")
# 附件： (or 附件：1.×××) at the end of a paragraph, after its last sentence (the line
# break before the label lost): the list goes on at the next line.
RE_LABEL_AT_END = re.compile(
    r"[。！？!?；;]\s*附\s*件\s*[：:]\s*(?:(?P<one>1[.．、])[^。！？!?；;：:]{1,80})?$")
# Where such a label may be (what mark_apart scans the page's text for).
RE_LABEL_RUN_IN = re.compile(r"[。！？!?；;]\s*附\s*件\s*[：:]")


def mark_attachment_list(paragraphs: list[Paragraph], at: int) -> int:
    """Mark the list whose first line is paragraphs[at] (role 'attachments'); return the
    index of the first paragraph after it."""
    text = paragraphs[at].text
    paragraphs[at].role = "attachments"
    level = 1 if RE_ATTACHMENT_ONE_CN.match(text) else 3
    expected = 2 if level == 1 or RE_ATTACHMENT_ONE.search(text) else 1
    if level == 3 and expected == 2:
        expected += _glued(text, 2)  # (entries run into the first line, or joined to it)
    return _mark_entries(paragraphs, at + 1, level, expected)


def run_in_label(text: str) -> int:
    """……予以废止。附件： (or ……执行。附件：1.×××) — the label, with the list's first
    entry or without, run into the body's last sentence (the line break before it lost):
    the number of the entry the next line should hold, 0 when there is no such label."""
    m = RE_LABEL_AT_END.search(text)
    return 0 if m is None else 2 if m.group("one") else 1


def mark_list_after_label(paragraphs: list[Paragraph], at: int, expected: int) -> int:
    """Mark the entries (from `expected`, numbered 1.… or 一、…) on the lines after a
    label run into paragraphs[at] (see run_in_label); return the index after them."""
    if at + 1 >= len(paragraphs):
        return at + 1
    first = parse_ordinal(paragraphs[at + 1].text)
    if first is None or first.number != expected or first.level not in (1, 3) or \
            expected == 2 and first.level != 3:
        return at + 1
    return _mark_entries(paragraphs, at + 1, first.level, expected)


def _mark_entries(paragraphs: list[Paragraph], index: int, level: int, expected: int) -> int:
    """Mark the entries from paragraphs[index] on, the first numbered `expected`."""
    while index < len(paragraphs):
        entry = paragraphs[index]
        if entry.role == "page":  # a page break inside the list
            index += 1
            continue
        ordinal = parse_ordinal(entry.text) or _led_by_number(entry.text, level, expected)
        glued = _glued(entry.text, expected + 1) if ordinal is not None else 0
        if ordinal is None or ordinal.level != level or ordinal.number != expected or \
                len(entry.text) > ENTRY_MAX * (1 + glued):
            if ordinal is None and RE_FILE_NAME.match(entry.text):
                entry.role = "attachments"  # a download link's file name
                index += 1
                continue
            if ordinal is None and expected > 1 and \
                    (after := _wrapped_rest(paragraphs, index, level, expected)):
                for rest in paragraphs[index:after]:
                    rest.role = "attachments"
                index = after
                continue
            break
        entry.role = "attachments"
        expected += 1 + glued
        index += 1
    return index


def _led_by_number(text: str, level: int, number: int) -> Ordinal | None:
    """2.2019 年……名额分配表: the entry `number` whose title starts with a number (no
    ordinal on its own, the 1.5 of a decimal): in the list, its entry all the same."""
    if level != 3 or not text.startswith(str(number)) or \
            text[len(str(number)):len(str(number)) + 1] not in (".", "．", "、"):
        return None
    end = len(str(number)) + 1
    return Ordinal(3, str(number), number, text[:end], text[end:], canonical(3, number))


def _glued(text: str, number: int) -> int:
    """How many next entries, from `number` on, are run into an entry's line (……评审书
    3.2022年度……: the page's line break lost), each right after a character no digit."""
    count, at = 0, 1
    while True:
        found = min((i for i in (text.find(f"{number + count}{mark}", at) for mark in ".．、")
                     if i > 0), default=-1)
        if found < 0 or text[found - 1].isdigit() or text[found - 1] in ".．":
            return count
        count, at = count + 1, found + 1


def _wrapped_rest(paragraphs: list[Paragraph], index: int, level: int, expected: int) -> int:
    """The index of the entry numbered `expected` after the unnumbered lines from `index`
    on, when they are an entry's wrapped rest (short, no sentence; file names may follow
    them); else 0. (Without the next entry after them they may be the sign-off.)"""
    wrapped = 0
    for following in range(index, min(len(paragraphs), index + 2 * WRAPPED_LINES + 1)):
        text = paragraphs[following].text
        ordinal = parse_ordinal(text)
        if ordinal is not None:
            return following if (ordinal.level, ordinal.number) == (level, expected) else 0
        if RE_FILE_NAME.match(text):
            continue
        wrapped += 1
        if wrapped > WRAPPED_LINES or not text or len(text) > ENTRY_MAX or \
                any(ch in SENTENCE_MARKS for ch in text):
            return 0
    return 0
