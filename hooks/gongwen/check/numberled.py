"""Items whose text starts with a number: 1.14:25学生进场, 3.8开铅画纸, 2、400米.

On its own such a line reads as a decimal (1.14, 3.8) or a list of numbers (2、4): it is an
item only where a run of items makes it one — the item before it numbered one less (or it
is the first), the item after it numbered one more."""
from __future__ import annotations

import re

from gongwen.text.numbering import Ordinal, parse_ordinal

from .paragraphs import Paragraph

# 21.5+2就业之家, 1．2022年, 2、400米: an item's mark with a digit right after it.
RE_NUMBER_LED_ITEM = re.compile(r"^(?P<num>\d{1,3})[.．、](?=\d)")


def led_number(text: str) -> int | None:
    """The item number of a line led by a number (1.14:25… → 1), or None."""
    m = RE_NUMBER_LED_ITEM.match(text)
    return int(m["num"]) if m else None


def next_item_number(paragraphs: list[Paragraph], index: int, apart: frozenset[str]) -> int | None:
    """The number of the item right after paragraphs[index] (a paragraph with a role in
    `apart` is passed over): 0 when the page ends there, None when the next paragraph is no
    item. Linear: the paragraphs are not copied."""
    for following in range(index + 1, len(paragraphs)):
        para = paragraphs[following]
        if para.role in apart:
            continue
        after = parse_ordinal(para.text)
        if after is not None:
            return after.number if after.level == 3 else None
        return led_number(para.text)
    return 0


def between_items(paragraphs: list[Paragraph], index: int, apart: frozenset[str]) -> bool:
    """3.8开铅画纸… between items 2. and 4. (or the first, before 2.): an item, not the
    section number 3.8."""
    number = led_number(paragraphs[index].text)
    if number is None or next_item_number(paragraphs, index, apart) != number + 1:
        return False
    if number == 1:
        return True
    before = next((p for p in reversed(paragraphs[max(0, index - 3):index])
                   if p.role not in apart), None)
    ordinal: Ordinal | None = parse_ordinal(before.text) if before is not None else None
    return ordinal is not None and ordinal.level == 3 and ordinal.number == number - 1


# 1.1 兴趣分析 under item 1.: the decimal numbers a sub-item of that item.
RE_DECIMAL_UNDER = re.compile(r"^(?P<num>\d{1,2})[.．]\d{1,2}(?![\d.．])")
UNDER_REACH = 12  # paragraphs looked back at, at most (linear)


def decimal_under_item(paragraphs: list[Paragraph], index: int, apart: frozenset[str]) -> bool:
    """1.自我认识 ⏎ 1.1 兴趣分析 ⏎ 1.2 性格分析 ⏎ 2.职业分析: a decimal whose whole part
    is the number of the item above it (its sub-items between) numbers a sub-item of that
    item, not a section of the page."""
    m = RE_DECIMAL_UNDER.match(paragraphs[index].text)
    if m is None:
        return False
    number = int(m["num"])
    for before in range(index - 1, max(-1, index - 1 - UNDER_REACH), -1):
        para = paragraphs[before]
        if para.role in apart:
            continue
        under = RE_DECIMAL_UNDER.match(para.text)
        if under is not None:
            if int(under["num"]) != number:
                return False
            continue  # a sibling sub-item
        ordinal = parse_ordinal(para.text)
        if ordinal is not None:
            return ordinal.level == 3 and ordinal.number == number
    return False


def numbers_an_item(paragraphs: list[Paragraph], index: int, apart: frozenset[str]) -> bool:
    """Does the decimal that leads paragraphs[index] number an item (3.8开… between 2. and
    4.) or a sub-item (1.1 under 1.), not a section of the page?"""
    return between_items(paragraphs, index, apart) or \
        decimal_under_item(paragraphs, index, apart)
