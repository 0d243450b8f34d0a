"""Quotation marks and brackets that must pair within a paragraph (GW412, in
gongwen.check.rules.style): which marks have no partner, and on which line the first of
them stands."""
from __future__ import annotations

import re

from .scan import items_at, paragraphs_clean, paragraphs_text

# Pairs that must open and close within a paragraph.
PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "(": ")"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
PAIR_CHARS = frozenset(PAIRS) | frozenset(CLOSERS)
RE_PAIR_CHARS = re.compile("[" + re.escape("".join(sorted(PAIR_CHARS))) + "]")
# Everything but the marks (and the "\n" between paragraphs): deleted, the marks remain.
RE_NOT_PAIR_CHAR = re.compile("[^\n" + re.escape("".join(sorted(PAIR_CHARS))) + "]+")
# A mark and its partner side by side: deleting them leaves what is paired the same.
ADJACENT_PAIRS = tuple(open_ + close for open_, close in PAIRS.items())
# An item labelled with a closing bracket alone (1）, 2), a)): common in lists, and no
# half of a pair.
RE_ITEM_LABEL = re.compile(r"[ \t　]*(?:\d{1,2}|[A-Za-z])[)）]")


def unpaired(marks: str) -> list[str]:
    """The marks (of a paragraph, in order) that have no partner, in order of appearance."""
    stack: list[str] = []
    lone: list[str] = []
    for ch in marks:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in CLOSERS:
            if stack and stack[-1] == CLOSERS[ch]:
                stack.pop()
            elif CLOSERS[ch] in stack:
                # Close the nearest matching opener; what lies between is unclosed.
                while stack[-1] != CLOSERS[ch]:
                    lone.append(stack.pop())
                stack.pop()
            else:
                lone.append(ch)
    return lone + stack


def lone_line(para, labelled: bool) -> int:
    """The line of a paragraph's first mark without a partner (as unpaired pairs them);
    labelled: its first closer is an item's label (1）…), no mark."""
    stack: list[tuple[str, int]] = []
    lone: list[int] = []
    for piece in para.lines:
        for ch in RE_PAIR_CHARS.findall(piece.text):
            if ch in PAIRS:
                stack.append((ch, piece.number))
            elif labelled and ch in ")）":
                labelled = False
            elif stack and stack[-1][0] == CLOSERS[ch]:
                stack.pop()
            elif any(opener == CLOSERS[ch] for opener, _ in stack):
                while stack[-1][0] != CLOSERS[ch]:
                    lone.append(stack.pop()[1])
                stack.pop()
            else:
                lone.append(piece.number)
    return min([*lone, *(number for _, number in stack)], default=para.line)


# A mark and its partner with no mark and no paragraph break between (each opener's own
# pattern: re skips to a literal): deleting these from the text deletes what
# without_pairs deletes from the marks alone, side by side.
NOT_MARK = "[^\n" + re.escape("".join(sorted(PAIR_CHARS))) + "]"
RE_ADJACENT = tuple((pair[0], re.compile(f"{re.escape(pair[0])}{NOT_MARK}*+{re.escape(pair[1])}"))
                    for pair in ADJACENT_PAIRS)
PAIR_CHARS_ORDERED = tuple(sorted(PAIR_CHARS))


def text_without_pairs(text: str, passes: int = 4) -> tuple[str, list[str]]:
    """`text` (paragraphs joined by "\\n") with what without_pairs deletes from each
    paragraph's marks deleted, the text between the partners too: its paragraphs keep
    their marks that may be lone, and only those. Also the marks it keeps (most pages:
    none). A few scans of the whole text in C, not a pass over every character."""
    left = [mark for mark in PAIR_CHARS_ORDERED if mark in text]
    for _ in range(passes):
        before = len(text)
        for opener, pattern in RE_ADJACENT:
            if opener in left:  # (an opener not in the text has nothing to delete)
                text = pattern.sub("", text)
        if len(text) == before:
            break
        left = [mark for mark in left if mark in text]
        if not left:
            break
    return text, left


def without_pairs(marks: str, passes: int = 4) -> str:
    """`marks` with partners side by side deleted, again and again (“《》” goes in two
    passes): what remains is empty when every mark has its partner. Some passes only, so
    that deep nesting stays linear: a mark that remains is looked at by unpaired."""
    for _ in range(passes):
        shorter = marks
        for pair in ADJACENT_PAIRS:
            if pair in shorter:
                shorter = shorter.replace(pair, "")
        if len(shorter) == len(marks):
            break
        marks = shorter
    return marks


def marks_of(text: str) -> str:
    """The pair marks of a paragraph's text, in order."""
    return "".join(RE_PAIR_CHARS.findall(text))


def lone_paragraphs(document) -> list[int]:
    """Indices of the paragraphs where some pair mark may be lone (without_pairs of their
    marks is not empty), in order: those that keep a mark once the pairs are deleted from
    the whole text (most pages: none, found by a few scans in C)."""
    paras = document.paragraphs
    if not paragraphs_clean(document):
        # A paragraph holding a "\n" (no reader makes one): one paragraph at a time.
        return [i for i, p in enumerate(paras) if without_pairs(marks_of(p.text))]
    rest, left = text_without_pairs(paragraphs_text(document))
    # (Where each mark left is: a paragraph is found once, however many it keeps.)
    found: list[int] = []
    for mark in left:
        pos = rest.find(mark)
        while pos >= 0:
            found.append(pos)
            end = rest.find("\n", pos)
            pos = rest.find(mark, end) if end >= 0 else -1
    return items_at(rest, len(paras), found, list, lambda: True)
