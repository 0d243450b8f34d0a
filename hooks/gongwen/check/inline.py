"""What stands before a heading inside a pasted line (gongwen.check.runon.split_run_on).

A heading pasted into the middle of a line is known by what comes before it: the end of
a sentence (……。二、), maybe with a closing quote or a bracketed note between (……。”二、,
……。（财政部负责）七、); a figure's or table's caption, which stood on a line of its own
(……。图1　编码规则（二）……); or, for a 一、 that starts the numbering again, the title
of a second document carried in the same notice (……。进一步支持文化企业发展的规定为……，
特制定以下规定：一、……).
"""
from __future__ import annotations

import re

from .articles import PART_KINDS

SENTENCE_END = frozenset("。！？!?")
INDENTS = frozenset(" \u3000\t\xa0")
INDENT_MAX = 8
# The longest bracketed note between a sentence and the next heading: （财政部负责）.
NOTE_MAX = 120
# A caption after a sentence end, right before the heading: 图1　汽车号牌编码规则, 表2　…
# (a number, a space, a short text without a sentence or clause mark; a unit in brackets
# may close it: 图3　号牌尺寸（单位：毫米）).
CAPTION_MAX = 48
RE_CAPTION_BEFORE = re.compile(r"[。！？!?][ \t　]*[图表][ \t　]*\d{1,3}[ \t　]+"
                               r"[^。！？!?，,；;]{1,40}$")
# A document's title right after a sentence end, then its lead sentence (为……，特制定以下
# 规定：) or nothing before its 一、.
TITLE_MAX = 40
RE_TITLE_AFTER_SENTENCE = re.compile(
    rf"(?<=[。！？!?）)])[^。！？!?，,；;：:、\s]{{2,{TITLE_MAX}}}?(?:{'|'.join(PART_KINDS)})"
    r"(?=(?:为|根据|按照|依据|经)[^。！？!?]*[：:]$|$)")


def after_sentence(text: str, pos: int, ends: frozenset[str]) -> bool:
    """Does `pos` follow a sentence end, maybe with a closing quote, a bracketed note or
    a caption between (……。”二、 / ……。（财政部负责）七、 / ……。图1　规则（二）), or the
    indent of a paragraph joined into the line (……通知如下。　　一、)?"""
    before = text[pos - 1]
    if before in ends:
        return True
    if before in INDENTS:
        # The indent may be spaces of any kind, or both (……。    　　一、: a web page's).
        at = pos - 1
        while at > max(0, pos - INDENT_MAX) and text[at - 1] in INDENTS:
            at -= 1
        # (An indent is two or more; before it a sentence end, or a note closed after one.)
        return at > 0 and pos - at >= 2 and text[at - 1] not in INDENTS and \
            after_sentence(text, at, ends)
    if before in "”’" and pos >= 2:
        return text[pos - 2] in SENTENCE_END
    if before in "）)":
        opening = max(text.rfind("（", max(0, pos - NOTE_MAX), pos),
                      text.rfind("(", max(0, pos - NOTE_MAX), pos))
        if opening > 0 and text[opening - 1] in SENTENCE_END:
            return True
    return RE_CAPTION_BEFORE.search(text, max(0, pos - CAPTION_MAX), pos) is not None


def title_before(text: str, pos: int, after: int) -> list[int]:
    """Where a carried document's title starts and ends before the 一、 at `pos` (after
    position `after`, the last cut): the places to cut; none when there is no title."""
    start = max(after, pos - NOTE_MAX - TITLE_MAX)
    m = RE_TITLE_AFTER_SENTENCE.search(text, start, pos)
    if m is None:
        return []
    return [m.start(), m.end()] if m.end() < pos else [m.start()]
