"""Group the scanned lines of a page into logical paragraphs (the reader's first pass).

gongwen.check.document calls `group_lines` with what gongwen.text.blocks.scan_lines read:
each line is cleaned of its inline markup and kept (Document.lines); lines run together
into a paragraph up to a blank line, a # heading or a thematic break, or up to a numbered
item that starts a new one; # headings are read on the way.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from gongwen.text.blocks import (
    MARKUP,
    RE_ATTR_LIST,
    RE_ATX_CLOSING,
    RE_BULLET_ITEM,
    RE_ORDERED_ITEM,
    atx_heading,
    clean_inline,
    inline_cleaner,
)
from gongwen.text.numbering import (
    ITEM_LEADS,
    RE_ENUM_DI,
    RE_ENUM_SEQ,
    RE_ENUM_SHI,
    Ordinal,
    parse_ordinal,
    parse_ordinal_once,
)

from .model import Heading
from .paragraphs import Line, Paragraph

# Scanned lines that are not the document's own structure: tables and quotations (a guide
# page quotes examples), attribute-list lines, and the 原文缺失 notes (the curator's, not
# the source's text).
SKIPPED = frozenset(("table", "quote", "attr", "gap"))
# Line(…), Paragraph(…) built in C (a named tuple's own __new__ is Python code).
new_tuple = tuple.__new__


class Document(Protocol):
    """What the grouping fills in (gongwen.check.document.Document)."""

    title: str | None
    title_line: int | None
    paragraphs: list[Paragraph]
    lines: list[Line]
    plain_headings: list[Line]


def _clean_line(raw: str, kind: str, clean: Callable[[str], str] = clean_inline,
                braces: bool = True) -> str:
    text = raw
    if kind == "list":
        text = RE_BULLET_ITEM.sub("", RE_ORDERED_ITEM.sub("", text, count=1), count=1)
    if braces and "{" in text:
        text = RE_ATTR_LIST.sub("", text)
    return clean(text)


def _paragraph(first: Line, more: list[Line] | None, raw_first: str, first_kind: str
               ) -> Paragraph:
    """The paragraph of line `first` and the lines `more` after it (None: none)."""
    if more is None:  # most paragraphs: one line
        lines, text = [first], first.text
    else:
        lines = [first, *more]
        text = "".join([line.text for line in lines])
    # Positional: line, lines, text, heading, body, body_line, list_item, raw_first.
    return Paragraph(first.number, lines, text, None, "", 0, first_kind == "list", raw_first)


# After a line that ends with one of these, a numbered item starts a new paragraph.
ITEM_BREAK_AFTER = frozenset("。！？!?：:；;")


def group_lines(body: list[tuple[int, str, str]], markdown: bool, doc: Document,
                held: str = MARKUP, atx: dict[int, tuple[int, str]] | None = None) -> None:
    """Group lines into logical paragraphs; read Markdown # headings on the way.
    held: the marks of inline markup and attribute lists (gongwen.text.blocks.MARKUP)
    the lines may hold (markup_held), the only ones each line is asked for; atx: what
    scan_lines read of each # heading."""
    # (A line of a file with none of them has nothing to clean but its spaces.)
    clean, braces = inline_cleaner(held), "{" in held
    paragraphs, doc_lines = doc.paragraphs, doc.lines
    # The paragraph being read: its first line (None: none is open), the lines after it
    # (None until there is one), its first line as written, the kinds of its first and
    # last lines and its last line's text (kept apart: no tuple to build per line).
    first: Line | None = None
    more: list[Line] | None = None
    first_raw, first_kind, last_kind, prev = "", "", "", ""
    # parse_ordinal(prev) of a paragraph's first line, when starts_item asked it already
    # (a page of heading lines asks it of every line): UNASKED when not.
    prev_ordinal: Ordinal | None | object = UNASKED
    new_tuple = tuple.__new__
    for number, raw, kind in body:
        if kind == "text":  # most lines: no other kind to try
            text = clean(RE_ATTR_LIST.sub("", raw) if braces and "{" in raw else raw)
        elif kind == "blank" or kind == "hr" or kind == "atx":
            if first is not None:
                # (_paragraph(…), inline for a paragraph of one line: most of them)
                paragraphs.append(
                    Paragraph(first[0], [first], first[1], None, "", 0, first_kind == "list",
                              first_raw) if more is None
                    else _paragraph(first, more, first_raw, first_kind))
                first = None
            if kind == "atx":
                _atx_heading(number, raw, doc, atx[number] if atx else atx_heading(raw),
                             clean, braces)
            continue
        elif kind in SKIPPED:
            continue
        else:
            text = _clean_line(raw, kind, clean, braces)
        line = new_tuple(Line, (number, text))  # Line(number, text), built in C
        doc_lines.append(line)
        if not markdown:  # .txt: a line is a paragraph (the layout passes join wrapped ones)
            paragraphs.append(Paragraph(number, [line], text, None, "", 0, False, raw))
            continue
        ordinal: Ordinal | None | object = UNASKED
        if first is not None:
            # A list item starts a new paragraph; so does a numbered item after a finished
            # sentence, even without a blank line in between (authors often forget it), or
            # after a short heading line of its own. (starts_item(text), inline: its
            # parse_ordinal is kept for the next line's look at this one.)
            if kind == "list" or prev and (
                    prev[-1] in ITEM_BREAK_AFTER or last_kind == "list"
                    or more is None and len(prev) <= 40 and (
                        parse_ordinal(prev) if prev_ordinal is UNASKED else prev_ordinal)) \
                    and (lead := text[:1]) and (lead in ITEM_LEADS or lead.isdigit()) \
                    and ((ordinal := parse_ordinal(text)) or RE_ENUM_SHI.match(text)
                         or RE_ENUM_SEQ.match(text) or RE_ENUM_DI.match(text)):
                paragraphs.append(
                    Paragraph(first[0], [first], first[1], None, "", 0, first_kind == "list",
                              first_raw) if more is None
                    else _paragraph(first, more, first_raw, first_kind))
            else:
                if more is None:
                    more = [line]
                else:
                    more.append(line)
                prev, last_kind = text, kind
                continue
        if kind == "list":  # a list item is a paragraph of its own
            paragraphs.append(Paragraph(number, [line], text, None, "", 0, True, raw))
            first, last_kind = None, kind
            continue
        first, more, first_raw, first_kind, last_kind, prev = line, None, raw, kind, kind, text
        prev_ordinal = ordinal
    if first is not None:
        paragraphs.append(_paragraph(first, more, first_raw, first_kind))


# prev_ordinal of a line that starts_item did not ask about.
UNASKED = object()


def _atx_heading(number: int, raw: str, doc: Document, found: tuple[int, str],
                 clean: Callable[[str], str] = clean_inline, braces: bool = True) -> None:
    """A Markdown # heading (found: atx_heading(raw)): the title (the first #), a heading
    of the outline, or a heading without an ordinal. clean, braces: as group_lines's."""
    hashes, content = found
    if "#" in content:
        content = RE_ATX_CLOSING.sub("", content)
    if braces and "{" in content:
        content = RE_ATTR_LIST.sub("", content)
    content = clean(content)
    line = new_tuple(Line, (number, content))  # (one tuple for the three lists: immutable)
    doc.lines.append(line)
    if hashes == 1 and doc.title_line is None:
        doc.title, doc.title_line = content, number
        return
    ordinal = parse_ordinal_once(content)
    if ordinal is not None and hashes > 1:
        # make_heading(content, content, number, "markdown", ordinal)[0], built here (a
        # call less for each # heading): the ordinal's fields, its title and raw stripped.
        level, label, value, raw_ordinal, rest, _, width = ordinal
        heading = new_tuple(Heading, (number, level, label, value, rest.strip(), "markdown",
                                      raw_ordinal.strip(), width))
        # Positional: line, lines, text, heading, body, body_line, list_item, raw_first, role.
        doc.paragraphs.append(Paragraph(number, [line], content, heading, "", number, False,
                                        raw, "markdown"))
    else:
        doc.plain_headings.append(line)
