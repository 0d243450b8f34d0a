"""The units the reader works in: a source line and a logical paragraph."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from gongwen.text.numbering import ITEM_LEADS, RE_ENUM_DI, RE_ENUM_SEQ, RE_ENUM_SHI, parse_ordinal

from .model import Heading


class Line(NamedTuple):
    """A line of the checked document: 1-based number and text without markup
    (immutable: a tuple, one is built for every line)."""

    number: int
    text: str

    @property
    def line(self) -> int:
        return self.number


@dataclass(slots=True)
class Paragraph:
    """A logical paragraph: in .txt a line, in Markdown a block of lines (split again
    where a line starts a new numbered item after a finished sentence)."""

    line: int
    lines: list[Line]
    text: str
    heading: Heading | None = None
    body: str = ""          # the text after a run-in heading (or the whole text)
    body_line: int = 0      # the line where `body` starts
    list_item: bool = False  # a Markdown list item: never a heading
    raw_first: str = ""      # the first source line, markup included (bold marks a heading)
    role: str = ""           # 'title', 'outline' (a 【提纲】 block), 'markdown' (a # heading),
    #                          'contents' (a table of contents), 'attachments' (附件说明),
    #                          'page' (a PDF's page number or running head)
    section_break: bool = False  # 1.2　等级划分, 第三条: numbering starts afresh below
    new_part: bool = False       # an attachment, a note list, a second document (check.parts)


# The roles of paragraphs that are no part of the body's outline (set apart by the reader).
APART = frozenset(("title", "outline", "contents", "attachments", "page", "quoted"))


def starts_item(text: str) -> bool:
    """Does a line start a numbered heading or an enumeration item?"""
    if not text:
        return False
    lead = text[0]
    # Every item starts with one of these: other lines skip the four patterns.
    if lead not in ITEM_LEADS and not lead.isdigit():
        return False
    return bool(parse_ordinal(text) or RE_ENUM_SHI.match(text) or RE_ENUM_SEQ.match(text)
                or RE_ENUM_DI.match(text))


class Joined(NamedTuple):
    """The paragraphs' texts joined by "\\n": one regex pass over `text` finds the few
    paragraphs a pass has to look at, instead of a loop in Python over all of them."""

    texts: list[str]
    text: str

    def indices(self, positions: list[int]) -> list[int]:
        """The indices of the texts that hold these positions of `text`, in order, once each."""
        if not positions:
            return []
        if len(positions) <= FEW_POSITIONS:
            # (A few, most pages: the "\n"s before each counted in C, from the one before,
            # at less cost than the offsets of all the texts. No text holds a "\n": the
            # text at a position is the one after that many.)
            found: list[int] = []
            index, last = 0, 0
            for pos in sorted(positions):
                index += self.text.count("\n", last, pos)
                last = pos
                if not found or found[-1] != index:
                    found.append(index)
            return found
        # Text i runs up to ends[i], the offset after its "\\n".
        ends = list(accumulate([len(text) + 1 for text in self.texts]))
        return sorted({bisect_right(ends, pos) for pos in positions})


# Joined.indices counts the "\n"s before at most so many positions.
FEW_POSITIONS = 12


# The key under which Document.cache holds the paragraphs' texts joined by "\n"
# (gongwen.check.rules.scan.paragraphs_text): the reader puts there the join it made
# already, when its paragraphs are still those it joined.
PARAGRAPHS_TEXT = "paragraphs-text"


def joined(paragraphs: list[Paragraph]) -> Joined | None:
    """The paragraphs' texts joined; None if a text holds a "\\n" itself (no reader makes
    one): then a pass looks at every paragraph."""
    texts = [para.text for para in paragraphs]
    text = "\n".join(texts)
    return Joined(texts, text) if text.count("\n") == len(texts) - 1 else None


# A bare label over a list is a short noun phrase (一月份, 高一年级): any of these marks
# makes a line a sentence.
RE_LABEL_MARKS = re.compile(r"[，,。；;！!？?、：:“”（）()《》]")
# The marks that end a clause or a sentence; a title may still hold a colon (第二部分：……).
CLAUSE_ENDS = frozenset("，,。；;！？!?")
BARE_LABEL_MAX = 12


# A note in brackets after the label's words (考核评价（量化细则）): not a sentence's mark.
RE_LABEL_NOTE = re.compile(r"[（(][^，,。；;！!？?、：:“”（）()《》]{1,10}[）)]$")


def is_bare_label(text: str) -> bool:
    """一月份, 高一年级, 考核评价（量化细则）: a short noun phrase alone on its line, over a
    list."""
    if text[-1:] in "）)" and (words := RE_LABEL_NOTE.sub("", text)) != text:
        text = words or "（"  # (a note alone is no label)
    return len(text) <= BARE_LABEL_MAX and RE_LABEL_MARKS.search(text) is None


def pieces(para: Paragraph, cuts: list[int]) -> list[tuple[list[Line], str]]:
    """The paragraph cut at each position of `cuts` (ascending, inside its text): each
    piece's lines and its text."""
    bounds = [0, *cuts, len(para.text)]
    out = []
    for i in range(len(bounds) - 1):
        lines = _cut(para, bounds[i], bounds[i + 1])
        out.append((lines, "".join(line.text for line in lines)))
    return out


def _cut(para: Paragraph, start: int, end: int) -> list[Line]:
    """The pieces of the paragraph's lines between two positions of its text."""
    found: list[Line] = []
    offset = 0
    for line in para.lines:
        a, b = max(start - offset, 0), min(end - offset, len(line.text))
        if a < b:
            found.append(Line(line.number, line.text[a:b]))
        offset += len(line.text)
    return found
