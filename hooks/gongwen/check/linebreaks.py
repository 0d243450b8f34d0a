"""Line breaks that do not end a paragraph although the next line starts with an ordinal:
a list inside a paragraph broken after a 分号 where its next item starts (text pasted
line by line), and a fraction or an e-mail address cut by a hard wrap; and one that does,
before an item labelled 2） or 3). Asked by gongwen.check.layout when it joins the lines
of a paragraph."""
from __future__ import annotations

import re

from gongwen.text.numbering import Ordinal, int_to_cn

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
    return last[-1] in "/／" and rest[0].isdigit() or "@" in last \
        and RE_CUT_ADDRESS.search(last) is not None \
        and not RE_WHOLE_DOMAIN.search(last) and RE_ADDRESS_REST.match(rest) is not None


# An item labelled with a closing bracket alone (2）集合地点：, 3)摄像：): no ordinal of the
# four levels, but a line of its own.
RE_BRACKET_LABEL = re.compile(r"\d{1,2}[)）](?=[\u4e00-\u9fff])")


def labels_an_item(rest: str) -> bool:
    """Does the line `rest` start with an item label 2） (then a Chinese character)?"""
    return rest[0].isdigit() and RE_BRACKET_LABEL.match(rest) is not None
