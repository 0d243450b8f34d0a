r"""Whole-document scans: one regex pass over a document's text finds the few lines or
paragraphs a rule has to look at, instead of a Python loop calling re on each of them
(most lines of most documents have nothing for most rules; a call costs more than the
scan of a line).

The lines (paragraphs) are joined by "\n". A hint pattern must not use lookarounds or
\b: then every match it has in one line's text is also a match in the joined text, and
`lines_with` returns every line with a match (plus, at most, a line where a match starts
and runs on into the next; the rule tests its lines again anyway). `^` and `$` with
re.MULTILINE are fine: a line of the joined text ends at its "\n". A hint should start
with a literal or a class (not a repeat such as \d{4}): then re skips straight to the
candidates instead of trying the pattern at every position.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from operator import attrgetter

from ..paragraphs import PARAGRAPHS_TEXT

# Every character that str.isspace() (and re's \s) takes for a space, but "\n", spelt
# out: a class of literal characters lets re skip straight to its candidates, where
# [^\S\n] or \s makes it try every position (tests/test_rule_scans.py checks the list).
SPACES_BUT_NEWLINE = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a"
                      "\u2028\u2029\u202f\u205f\u3000")


LATIN_END = "\xff"


def lines_text(document) -> str:
    """The checked lines' texts, joined by "\\n" (once per document)."""
    try:  # (asked a dozen times a page: no call of cached, no lambda)
        return document.cache["lines-text"]
    except KeyError:
        text = document.cache["lines-text"] = "\n".join(line_texts(document))
        return text


def line_texts(document) -> list[str]:
    """The checked lines' texts, in order (once per document: lines_text joins them, and
    a rule that measures each line has them without a list of its own)."""
    try:
        return document.cache["line-text-list"]
    except KeyError:
        texts = document.cache["line-text-list"] = list(map(TEXT, document.lines))
        return texts


TEXT = attrgetter("text")


def paragraphs_text(document) -> str:
    """The paragraphs' texts, joined by "\\n" (once per document: the reader's own join,
    when it left one)."""
    try:
        return document.cache[PARAGRAPHS_TEXT]
    except KeyError:
        text = document.cache[PARAGRAPHS_TEXT] = \
            "\n".join([p.text for p in document.paragraphs])
        return text


def latin_text(document) -> bytes:
    """The checked lines' Latin-1 characters (every other dropped), "\\n" among them, as
    bytes (once per document): one pass in C, after which whether the text holds an ASCII
    piece (, ; { var) is asked of a few bytes. (str.find of an ASCII character in Chinese
    text stops at each character with the same low byte: it takes longer than this pass
    for two or three such questions.) A piece missing here is missing from the text; one
    found here may be in the text (the characters between were dropped)."""
    try:
        return document.cache["latin-text"]
    except KeyError:
        latin = document.cache["latin-text"] = lines_text(document).encode("latin-1",
                                                                           "ignore")
        return latin


def lines_clean(document) -> bool:
    """Does no line hold a "\\n" of its own (no reader makes one)? Then the line of a
    match in lines_text is the number of "\\n" before it. (Asked once per document,
    not for each scan that finds something.)"""
    try:
        return document.cache["lines-clean"]
    except KeyError:
        clean = document.cache["lines-clean"] = \
            lines_text(document).count("\n") == len(document.lines) - 1
        return clean


def paragraphs_clean(document) -> bool:
    """Does no paragraph hold a "\\n" of its own? (See lines_clean.)"""
    try:
        return document.cache["paragraphs-clean"]
    except KeyError:
        clean = document.cache["paragraphs-clean"] = \
            paragraphs_text(document).count("\n") == len(document.paragraphs) - 1
        return clean


def _hits(text: str, texts: Callable[[], list[str]], pattern: re.Pattern[str],
          clean: Callable[[], bool] | None = None) -> list[int]:
    """Indices of the items joined into `text` (texts() gives them) in which `pattern`
    finds a match. The item of a match is the number of "\\n" before it. clean(): does
    no item hold a "\\n" (default: counted here)?"""
    m = pattern.search(text)
    if m is None:
        return []
    if not (clean() if clean is not None else text.count("\n") == len(texts()) - 1):
        # An item holding a "\\n" itself (no reader makes one): item by item.
        return [i for i, item in enumerate(texts()) if pattern.search(item)]
    out: list[int] = []
    index, pos = 0, 0
    while m is not None:
        start = m.start()
        index += text.count("\n", pos, start)
        out.append(index)
        # On from the next item: an item is returned once, however many matches it has;
        # a match running on into the next item does not hide that item's own match.
        pos = text.find("\n", start) + 1
        if not pos:
            break
        index += 1
        m = pattern.search(text, pos)
    return out


def indices_with(texts: list[str], pattern: re.Pattern[str]) -> list[int]:
    """Indices of the texts in which `pattern` (a hint: see above) may match."""
    return _hits("\n".join(texts), lambda: texts, pattern)


def indices_with_any(texts: list[str], patterns: tuple[re.Pattern[str], ...]) -> set[int]:
    """Indices of the texts in which any of `patterns` (hints) may match (one join)."""
    text = "\n".join(texts)
    out: set[int] = set()
    for pattern in patterns:
        out.update(_hits(text, lambda: texts, pattern))
    return out


def line_indices_with(document, pattern: re.Pattern[str]) -> list[int]:
    """Indices in document.lines of the lines in which `pattern` may match."""
    return _hits(lines_text(document), lambda: [x.text for x in document.lines], pattern,
                 lambda: lines_clean(document))


def line_indices_with_any(document, patterns: list[re.Pattern[str]]) -> list[int]:
    """Indices in document.lines of the lines in which any of `patterns` (hints) may
    match, in order: several hints that each start with a literal (re skips to a literal
    several times faster than to a class) rather than one that starts with a class."""
    return _union(lines_text(document), lambda: [x.text for x in document.lines], patterns,
                  lambda: lines_clean(document))


def paragraphs_with_any(document, patterns: list[re.Pattern[str]]) -> list[int]:
    """Indices in document.paragraphs of the paragraphs whose text any of `patterns`
    (hints) may match, in order (see line_indices_with_any)."""
    return _union(paragraphs_text(document), lambda: [p.text for p in document.paragraphs],
                  patterns, lambda: paragraphs_clean(document))


def _union(text: str, texts: Callable[[], list[str]], patterns: list[re.Pattern[str]],
           clean: Callable[[], bool]) -> list[int]:
    found: set[int] = set()
    for pattern in patterns:
        found.update(_hits(text, texts, pattern, clean))
    return sorted(found)


# needle → its Latin-1 bytes, or None: not all of it is Latin-1 (the needles are the
# rules' own constants: a bounded memo).
_LATIN_NEEDLES: dict[str, bytes | None] = {}


def _latin(needle: str) -> bytes | None:
    try:
        return _LATIN_NEEDLES[needle]
    except KeyError:
        found = _LATIN_NEEDLES[needle] = \
            needle.encode("latin-1") if max(needle) <= LATIN_END else None
        return found


def line_indices_holding(document, needles: tuple[str, ...]) -> list[int]:
    """Indices in document.lines of the lines holding any of `needles` (literal strings
    without "\\n"), in order. str.find looks for one string many times faster than re
    tries a class or an alternation at every position; after a hit it goes on from the
    next line (a line is returned once, however many needles it holds)."""
    text = lines_text(document)
    latin: bytes | None = None
    hits: list[int] = []  # where a line's first hit (of one needle) is
    for needle in needles:
        latin_needle = _latin(needle)
        if latin_needle is not None:  # (see latin_text)
            if latin is None:
                latin = latin_text(document)
            if latin_needle not in latin:
                continue
        # (A search for one character is several times faster than for a string: each
        # character of the needle is asked first, most pieces have one the text lacks.)
        elif len(needle) > 1:
            if not all(map(text.__contains__, needle)):
                continue
            # (Both there: the piece is looked for by its last character, see find_by_last.)
            pos = find_by_last(text, needle)
            while pos >= 0:
                hits.append(pos)
                end = text.find("\n", pos + len(needle))
                pos = find_by_last(text, needle, end + 1) if end >= 0 else -1
            continue
        pos = text.find(needle)
        while pos >= 0:
            hits.append(pos)
            end = text.find("\n", pos + len(needle))
            pos = text.find(needle, end + 1) if end >= 0 else -1
    return items_at(text, len(document.lines), hits, lambda: [
        i for i, line in enumerate(document.lines) if any(n in line.text for n in needles)],
        lambda: lines_clean(document))


def find_by_last(text: str, needle: str, start: int = 0) -> int:
    """text.find(needle, start) for a needle of two characters or more outside Latin-1
    (小编): the places of its last character, found one at a time (a search for one
    character skips in C several times faster than one for a string in Chinese text),
    each asked whether the needle ends there. Fast when that character is rare."""
    back = len(needle) - 1
    last = needle[-1]
    pos = text.find(last, start + back)
    while pos >= 0:
        if text.startswith(needle, pos - back):
            return pos - back
        pos = text.find(last, pos + 1)
    return -1


def items_at(text: str, count: int, positions: list[int],
             one_by_one: Callable[[], list[int]],
             clean: Callable[[], bool] | None = None) -> list[int]:
    """The indices (in order, once each) of the items joined into `text` by "\\n" (there
    are `count`) at `positions`; one_by_one() when an item holds a "\\n" itself (no
    reader makes one; clean() says there is none, default: counted here)."""
    if not positions:
        return []
    if not (clean() if clean is not None else text.count("\n") == count - 1):
        return one_by_one()
    out: list[int] = []
    index, last = 0, 0
    for pos in sorted(positions):
        index += text.count("\n", last, pos)
        last = pos
        if not out or out[-1] != index:
            out.append(index)
    return out


def lines_holding(document, needles: tuple[str, ...]) -> list:
    """The lines of document.lines holding any of `needles` (see line_indices_holding)."""
    lines = document.lines
    return [lines[i] for i in line_indices_holding(document, needles)]


def lines_with(document, pattern: re.Pattern[str]) -> list:
    """The lines of document.lines in which `pattern` may match."""
    lines = document.lines
    return [lines[i] for i in line_indices_with(document, pattern)]


def lines_starting(document, pattern: re.Pattern[str]) -> list:
    """The lines at whose start `pattern` may match, the first line always among them.

    `pattern` starts with the "\\n" that ends the line before (a literal first character:
    re skips from one line end to the next) and matches no other "\\n".
    """
    lines = document.lines
    text = lines_text(document)
    m = pattern.search(text)
    if m is None or not lines_clean(document):
        return lines[:1] if m is None else list(lines)  # (a line holding a "\\n": all)
    found = [0]
    index, pos = 0, 0
    while m is not None:
        start = m.start()
        index += text.count("\n", pos, start + 1)  # the line after that newline
        found.append(index)
        pos = start + 1
        m = pattern.search(text, pos)
    return [lines[i] for i in found]


def paragraphs_with(document, pattern: re.Pattern[str]) -> list[int]:
    """Indices in document.paragraphs of the paragraphs whose text `pattern` may match."""
    return _hits(paragraphs_text(document), lambda: [p.text for p in document.paragraphs],
                 pattern, lambda: paragraphs_clean(document))
