"""Shapes of text pasted without its line breaks that gongwen.check.runon.split_run_on
asks about: a question that heads a list, an item whose text starts with a number, a
table whose rows run together in the line."""
from __future__ import annotations

import re

from gongwen.text.numbering import Ordinal, canonical

from .layout import ORDINAL_WINDOW

# A question that heads a list, right before its 1. (……。二问：如何构建新发展格局？1.).
QUESTION_REACH = 40
RE_QUESTION_BEFORE = re.compile(
    r"[。！？!?][一二三四五六七八九十]{1,2}问[：:][^。！？!?]{1,30}[？?]$")
# A numbered label over a list, maybe with its lead sentence, right before its （1） or 1.
# (……。附二：考生安检流程：报到时间15：00，到教室集中。（1）…).
LABEL_REACH = 120
RE_LABEL_BEFORE = re.compile(
    r"[。！？!?]附[一二三四五六七八九十\d]{1,3}[：:][^。！？!?：:]{1,30}[：:][^！？!?]{0,80}$")


# An item whose text starts with a number (21.5+2就业之家), read as a decimal on its own:
# an item only when the next item follows after a sentence end within this reach.
RE_NUMBER_LED = re.compile(r"(\d{1,3})[.．](?=\d)")
NEXT_ITEM_REACH = 400


def number_led(text: str, pos: int) -> Ordinal | None:
    """The item at `pos` whose text starts with a number (……。21.5+2就业之家：…。22.“百
    羽争锋”：…, pasted), when item number + 1 follows after a sentence end; else None."""
    m = RE_NUMBER_LED.match(text, pos)
    if m is None:
        return None
    number = int(m[1])
    after = re.compile(rf"[。！？!?]{number + 1}[.．](?!\d)")
    if after.search(text, m.end(), m.end() + NEXT_ITEM_REACH) is None:
        return None
    return Ordinal(3, m[1], number, m.group(), text[m.end():m.end() + ORDINAL_WINDOW],
                   canonical(3, number))


# A table pasted into a line: its cells stand apart by TABs, its rows run together
# (时间<TAB>工作重点<TAB>1.……。2.……14：20<TAB>……). A 1. or （1） with a TAB before it
# and one after it, within this reach, is an item of a cell, not a heading.
CELL_REACH = 1000


def in_cell(text: str, pos: int) -> bool:
    """Does `pos` lie between two TABs of a table pasted into the line?"""
    return text.rfind("\t", max(0, pos - CELL_REACH), pos) >= 0 and \
        text.find("\t", pos, pos + CELL_REACH) >= 0
