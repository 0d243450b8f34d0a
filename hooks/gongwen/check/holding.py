"""Which paragraphs may hold an ordinal after their first character: the few that
gongwen.check.runon.split_run_on has to read (most pages have none worth cutting).

`scan_ordinals` answers for every paragraph at once from their texts joined by "\\n",
one regex pass in C for each mark an ordinal is made with; on the way it notes what the
reader's test for items written in one line (gongwen.check.items.may_hold_items) would
need to find, so that a page without any skips that test too.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from gongwen.text.numbering import CN_NUMERAL

from .paragraphs import Joined

CN_DIGITS_ALL = "一二三四五六七八九十百零〇两"

# The same test as runon.RE_INLINE_START.search(text, 1), one alternative at a time and
# each led by its rarest character (、 . ． 第 （ (): most paragraphs hold some of these
# but seldom after a numeral, and re skips to a literal far faster than to a class of fifteen.
RE_ENUMERATING_COMMA = re.compile(rf"、(?<=[\s\S][{CN_DIGITS_ALL}]、)")  # 、 at 2 or later
RE_POINT = re.compile(r"\.(?<=[\s\S]\d\.)")
RE_FULL_POINT = re.compile(r"．(?<=[\s\S]\d．)")
RE_CHAPTER_AT = re.compile(rf"第{CN_NUMERAL}[章节条]")
# (Each bracket on its own: re skips to one literal fast, to either of two slowly.)
RE_FULL_BRACKETED_AT = re.compile(rf"（(?:{CN_NUMERAL}|\d{{1,3}})[）)]")
RE_HALF_BRACKETED_AT = re.compile(rf"\((?:{CN_NUMERAL}|\d{{1,3}})[）)]")


def may_hold_ordinal(text: str) -> bool:
    """Can an ordinal start in `text` after its first character (RE_INLINE_START)?"""
    # (`in` first, the cheapest test; each search starts at the first of its characters
    # that counts: a heading's own （ at 0, its own 1. at 1 are not searched past.)
    return bool("、" in text and (at := text.find("、", 2)) > 0
                and RE_ENUMERATING_COMMA.search(text, at)
                or "." in text and (at := text.find(".", 2)) > 0 and RE_POINT.search(text, at)
                or "．" in text and (at := text.find("．", 2)) > 0
                and RE_FULL_POINT.search(text, at)
                or "第" in text and RE_CHAPTER_AT.search(text, 1)
                or "（" in text and (at := text.find("（", 1)) > 0
                and RE_FULL_BRACKETED_AT.search(text, at)
                or "(" in text and (at := text.find("(", 1)) > 0
                and RE_HALF_BRACKETED_AT.search(text, at))


# may_hold_ordinal for every paragraph at once: its six tests as patterns over the texts
# joined by "\n", each led by its literal (re skips to it in C, where a loop in Python
# paid for every paragraph). The lookbehind's [^\n] keeps a match off a paragraph's first
# characters, as the per-paragraph searches start after them. The first also takes a
# digit before the 、 (1、: an item's number, not an ordinal of the outline), told apart
# afterwards: the scan for items needs no pass of its own.
RE_HOLDING = tuple(re.compile(pattern) for pattern in (
    rf"、(?<=[^\n][{CN_DIGITS_ALL}\d]、)",
    r"\.(?<=[^\n]\d\.)",
    r"．(?<=[^\n]\d．)",
    rf"第(?<=[^\n]第){CN_NUMERAL}[章节条]",
    rf"（(?<=[^\n]（)(?:{CN_NUMERAL}|\d{{1,3}})[）)]",
    rf"\((?<=[^\n]\()(?:{CN_NUMERAL}|\d{{1,3}})[）)]",
))
HOLDING_LEADS = "、.．第（("


class OrdinalScan(NamedTuple):
    """What scan_ordinals found in the paragraphs' texts."""

    holding: list[int]  # the indices of the texts for which may_hold_ordinal is true
    # False when no item numbered in Arabic digits (1、 1. （1）) follows a character in
    # its line: then no paragraph holds a run of them after a 分号 or 句号, and
    # may_hold_items(texts.text, in_line=True) is False (True proves nothing).
    items_in_line: bool


def scan_ordinals(texts: Joined) -> OrdinalScan:
    """The paragraphs that may hold an ordinal after their first character, and whether
    an item may follow in a line (see OrdinalScan)."""
    text = texts.text
    found: list[int] = []
    items = False
    for lead, pattern in zip(HOLDING_LEADS, RE_HOLDING):
        if lead not in text:
            continue
        at = [m.start() for m in pattern.finditer(text)] if lead == "、" else \
            match_starts(text, lead, pattern)
        if lead == "、":
            # (After a digit, 1、: an item's number, may_hold_ordinal's 、 is after a numeral.)
            items = items or any(text[pos - 1] not in CN_DIGITS_ALL for pos in at)
            at = [pos for pos in at if text[pos - 1] in CN_DIGITS_ALL]
        elif not items and lead != "第":
            # 1. not followed by a digit (1.5 is a number), （1）: an item's number.
            items = any(not text[pos + 1:pos + 2].isdecimal() for pos in at) \
                if lead in ".．" else any(text[pos + 1].isdecimal() for pos in at)
        found += at
    return OrdinalScan(texts.indices(found), items)


FEW_LEADS = 8


def match_starts(text: str, lead: str, pattern: re.Pattern[str]) -> list[int]:
    """[m.start() for m in pattern.finditer(text)], for a pattern that starts with the
    character `lead`, one that few texts hold (. 第 （, not 、): each found with str.find,
    which skips to one character several times faster than re, and the pattern tried
    there (its lookbehind sees the text before). After FEW_LEADS of them re goes on
    (a page of a thousand 1.1 headings: a call for each would cost more)."""
    out: list[int] = []
    pos = text.find(lead)
    tried = 0
    while pos >= 0:
        if tried == FEW_LEADS:
            out += [m.start() for m in pattern.finditer(text, pos)]
            break
        tried += 1
        m = pattern.match(text, pos)
        if m is None:
            pos = text.find(lead, pos + 1)
        else:
            out.append(pos)
            pos = text.find(lead, m.end())  # (a match is never empty: it holds `lead`)
    return out


def holding_ordinals(texts: Joined) -> list[int]:
    """The indices of the texts for which may_hold_ordinal is true, in order."""
    return scan_ordinals(texts).holding
