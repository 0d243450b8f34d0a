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
