"""A heading at the start of a paragraph: its title, how it is written, the text after it.

The reader (gongwen.check.document) asks this of every paragraph that starts with an
ordinal and of every Markdown # heading.
"""
from __future__ import annotations

import re

from gongwen.text.blocks import RE_TAG, clean_inline
from gongwen.text.numbering import Ordinal, parse_ordinal
from gongwen.text.syntax import RE_COMMENT

from .model import Heading

RE_SENTENCE_END = re.compile(r"[。！？!?]")
# What clean_inline does more with than take out "**" (RE_STRONG's __ included).
RE_OTHER_MARKUP = re.compile(r"[<`\[_\\]")
# Heading(…) built in C (a named tuple's own __new__ is Python code).
new_tuple = tuple.__new__


def make_heading(text: str, raw_text: str, number: int, form_hint: str | None,
                 ordinal: Ordinal | None = None) -> tuple[Heading, str] | None:
    """A heading at the start of a paragraph, and the text that follows it."""
    ordinal = ordinal or parse_ordinal(text)
    if ordinal is None:
        return None
    level, label, value, raw, rest, _, width = ordinal
    if form_hint == "markdown":
        return new_tuple(Heading, (number, level, label, value, rest.strip(), "markdown",
                                   raw.strip(), width)), ""
    end = -1
    if "*" in raw_text or "<" in raw_text:  # (a line with neither has no bold to end it)
        # A bold heading sentence marks its own end: **（一）标题。**正文
        bold = raw_text.lstrip()
        bold = RE_TAG.sub("", RE_COMMENT.sub("", bold)).lstrip() if "<" in bold else bold
        if bold.startswith("**"):
            close = bold.find("**", 2)
            if close > 0:
                # (clean_inline's answer for a bold span with no other markup: its **s go.)
                span = bold[:close + 2]
                end = len(clean_inline(span) if RE_OTHER_MARKUP.search(span)
                          else span.replace("**", "").strip()) - len(raw)
    if end < 0:
        m = RE_SENTENCE_END.search(rest)
        if m is None:  # a heading line: all of it is the title
            return new_tuple(Heading, (number, level, label, value,
                                       rest.strip().rstrip("。！？!?；;").strip(), "line",
                                       raw.strip(), width)), ""
        end = m.start() + 1
    head, body = rest[:end], rest[end:].strip()
    title = head.strip().rstrip("。！？!?；;").strip()
    return new_tuple(Heading, (number, level, label, value, title,
                               "run-in" if body else "line", raw.strip(), width)), body
