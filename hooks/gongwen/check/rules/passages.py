"""Where a part may be written without a heading: the opening paragraphs of a speech,
the closing ones, and the clause of a first sentence that turns (……，但仍存在一些问题).
Used by the part checks (gongwen.check.rules.sections)."""
from __future__ import annotations

from gongwen.text.numbering import RE_ENUM_DI, RE_ENUM_SEQ, RE_ENUM_SHI

from ..document import Document

# A long first sentence that turns (……取得一定成效，但离目标还有差距，存在一定问题。):
# the clause after its 但 may open a part by the slots' lead phrases.
CONTRAST_REACH = 80
# How many of the last paragraphs a closing call may be in; a list that ends the speech
# (我提三点希望： ⏎ 一是… ⏎ 二是… ⏎ 三是…) is not counted, up to this many items.
CLOSING_PARAGRAPHS = 3
CLOSING_ITEMS = 9
# The opening block of a speech: paragraphs before the first heading, at most this many
# with sentences in them (title lines, dateline, speaker and 称呼 are not counted).
OPENING_PARAGRAPHS = 6
BLOCK_LINE = 40  # at most this long and without a sentence end: a line of the title block
SENTENCE_MARKS = frozenset("。！？!?；;")
BLOCK_LINES = 8  # at most this many such lines


def contrast_clause(text: str) -> str | None:
    """The rest of a paragraph's first sentence from a 但 that starts a clause (……，但仍
    存在一些问题), or None."""
    end = text.find("。", 0, CONTRAST_REACH)
    at = text.find("但", 1, end if end >= 0 else CONTRAST_REACH)
    if at < 0 or text[at - 1] not in "，,":
        return None
    return text[at:end if end >= 0 else CONTRAST_REACH]


def closing_paragraphs(document: Document) -> list:
    """The last paragraphs with body text (a speech's call to action is in them),
    whether or not the speech has numbered headings."""
    out = []
    items = 0  # the closing list's items among them
    for para in reversed(document.paragraphs):
        if para.role in ("title", "outline") or len(out) - items >= CLOSING_PARAGRAPHS:
            break
        text = para.body if para.heading is not None else para.text
        if len(text) >= 10:
            if items == len(out) and items < CLOSING_ITEMS and para.heading is None and \
                    (RE_ENUM_SHI.match(text) or RE_ENUM_DI.match(text)
                     or RE_ENUM_SEQ.match(text)):
                items += 1
            out.append(para)
    return out


def opening_paragraphs(document: Document) -> list:
    """The paragraphs before the first heading (a speech without numbered headings:
    its first few paragraphs), where the meeting's task is stated."""
    first = next((h.line for h in document.headings), None)
    out = []
    counted = 0
    for para in document.paragraphs:
        if first is not None and para.line >= first or counted >= OPENING_PARAGRAPHS \
                or len(out) >= OPENING_PARAGRAPHS + BLOCK_LINES:
            break
        if not para.role:
            out.append(para)
            # 凝心聚力谱新篇 ⏎ ——在总结大会上的讲话 ⏎ （1月13日） ⏎ 王某某 ⏎ 同志们：
            # fill no place of the window: it counts from the first sentences.
            text = para.text
            if len(text) > BLOCK_LINE or not SENTENCE_MARKS.isdisjoint(text):
                counted += 1
    return out
