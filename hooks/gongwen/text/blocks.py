"""The one Markdown block scanner: which source lines belong to the document, and what they are.

Works line by line with the file's real 1-based line numbers (the way of FastAPI's docs
hooks). `scan_lines()` drops what is site material rather than document text and
classifies the rest; both readers of a page build on it, so they agree on where the
document is and what a heading, a list item and a paragraph line are:

- the checker (gongwen.check.document) groups the lines into paragraphs and reads the
  outline; it passes over 'table' and 'quote' lines (tables and quotations are not the
  document's own structure) and reads 'hr' as a blank line;
- the downloads (gongwen.export.plaintext) group the same lines into blocks and keep
  tables and quotations, which are part of the text a writer copies.

Dropped for both: front matter (the caller starts after it), fenced and indented code,
HTML comments and raw HTML blocks, admonitions and content tabs with their indented
content, Material annotation lists, footnote/abbreviation/link definitions, and
everything after END_MARKER. The one admonition kept is a 原文缺失 gap marker: its
lines come as 'gap' (the checker passes over them; the downloads print the gap).

Acknowledgements (`<!-- gongwen: ack … -->`) count only in the document's own text: an
example inside a code span or code block (the guide shows one) is not a directive.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from .syntax import END_MARKER, RE_ACK, RE_COMMENT, RE_FOOTNOTE_REF, RE_GAP_ADMONITION

# --- Block syntax ----------------------------------------------------------------------
RE_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
# Admonitions (!!! note, ??? note, ???+ note) and content tabs (=== "标签").
RE_ADMONITION = re.compile(r"^[ \t]{0,3}(?:!!!|\?\?\?\+?|===\+?)(?:[ \t]|$)")
# A line that starts a raw HTML block (CommonMark type 6, plus a few inline-looking tags
# authors use as blocks); it lasts to the next blank line.
RE_HTML_BLOCK = re.compile(
    r"^[ \t]{0,3}</?(?:address|article|aside|audio|blockquote|button|canvas|center|details"
    r"|dialog|div|dl|dd|dt|embed|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr"
    r"|iframe|input|li|main|nav|noscript|object|ol|p|pre|script|section|select|style"
    r"|summary|svg|table|tbody|td|template|textarea|tfoot|th|thead|tr|ul|video)(?:[\s/>]|$)",
    re.IGNORECASE,
)
RE_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
# A heading with text, its closing #s dropped: what the panel and the downloads read as its title.
RE_ATX_TITLE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
RE_ATX_CLOSING = re.compile(r"[ \t]+#+$")
RE_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*[.#][^{}]*\}[ \t]*$")
RE_ATTR_LINE = re.compile(r"^\s*\{:?\s*[^{}]*\}\s*$")
RE_ANNOTATE = re.compile(r"\{[^{}]*\.annotate\b[^{}]*\}")
RE_ORDERED_ITEM = re.compile(r"^[ \t]{0,3}\d{1,9}[.)][ \t]+")
RE_BULLET_ITEM = re.compile(r"^[ \t]{0,3}[-*+][ \t]+")
RE_TABLE_ROW = re.compile(r"^[ \t]*\|")
RE_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
RE_HR = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$")
# Footnote [^1]:, abbreviation *[HTML]: and link [id]: definitions.
RE_DEFINITION = re.compile(r"^ {0,3}(?:\[\^[^\]]+\]:|\*\[[^\]]+\]:|\[[^\]^]+\]:\s*\S)")

# --- Inline markup removed before reading ----------------------------------------------
# Patterns that run on many lines start with a literal character (`` ``* rather than `+,
# the lookbehind after __ rather than before): re then skips straight to candidates.
RE_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
RE_INLINE_CODE = re.compile(r"``*[^`]*`+")
RE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
RE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
RE_STRONG = re.compile(r"\*\*|__(?<![A-Za-z0-9_]__)(?![A-Za-z0-9_])")


def clean_inline(text: str) -> str:
    """Text as a reader sees it: no HTML tags or comments, no ** or code, links as text."""
    if "<" in text:
        text = RE_COMMENT.sub("", text)
        text = RE_TAG.sub("", text)
    if "`" in text:
        text = RE_INLINE_CODE.sub("", text)
    if "[" in text:  # links and footnote references (most lines have neither)
        if "](" in text:
            text = RE_LINK.sub(r"\1", text)
        if "[^" in text:
            text = RE_FOOTNOTE_REF.sub("", text)
    # (A character is looked for first: a search for two scans a long line several
    # times slower, and most lines have neither.)
    if "_" in text and "__" in text:
        text = RE_STRONG.sub("", text)
    elif "*" in text and "**" in text:  # RE_STRONG.sub without a __: every ** goes
        text = text.replace("**", "")
    if "\\" in text:
        text = RE_ESCAPE.sub(r"\1", text)  # \_ is a literal _ (a placeholder of the source)
    return text.strip()


# The marks clean_inline acts on (each of its steps needs one of them in the line), and
# with them what an attribute list starts with: all the markup a line may hold.
INLINE_MARKS = "<`[_*\\"
MARKUP = INLINE_MARKS + "{"
MARKUP_BYTES = tuple((mark, mark.encode("ascii")) for mark in MARKUP)


def body_latin(text: str, lines: list[str], start: int, whole: bool) -> bytes:
    """The Latin-1 characters (others dropped) of the stretch of the text that lines[start:]
    come from (`lines` and `whole` from checked_lines(text)), as bytes: one pass in C, after
    which a piece of ASCII missing here is in none of those lines. (A test of an ASCII mark
    in Chinese text is slow: "[" stops at each 学, 实, 定, whose code holds its byte; in the
    Latin-1 ones it is not.)"""
    # From where lines[start] begins, or before (each line before it ends in one
    # character or two), to where the last of `lines` ends (checked_lines' cut, after
    # the end marker: its "<" is no cost, a line is asked for "<" quickly).
    begin = sum(map(len, islice(lines, start))) + start
    end = len(text) if whole else text.find("\n", text.find(END_MARKER))
    return text[begin:end].encode("latin-1", "ignore")


def markup_held(text: str, lines: list[str], start: int, whole: bool,
                latin: bytes | None = None) -> str:
    """The marks of MARKUP that lines[start:] may hold (`lines` and `whole` from
    checked_lines(text)): those among the Latin-1 characters of their stretch of the text
    (latin: body_latin's, when asked already)."""
    if latin is None:
        latin = body_latin(text, lines, start, whole)
    return "".join([mark for mark, byte in MARKUP_BYTES if byte in latin])


def inline_cleaner(held: str) -> Callable[[str], str]:
    """clean_inline for lines that hold no mark of INLINE_MARKS but those in `held`
    (markup_held): the same text, each line asked only for the marks there are."""
    cleaner = _CLEANERS.get(held)
    if cleaner is None:
        flags = tuple(mark in held for mark in INLINE_MARKS)
        cleaner = _CLEANERS[held] = str.strip if not any(flags) else \
            clean_inline if all(flags) else _cleaner(*flags)
    return cleaner


# By the marks held (markup_held gives them in MARKUP's order: at most 128 strings).
_CLEANERS: dict[str, Callable[[str], str]] = {}


def _cleaner(tag: bool, code: bool, link: bool, under: bool, star: bool, escape: bool
             ) -> Callable[[str], str]:
    """clean_inline's steps, those of the marks flagged False (held by no line) left out."""
    def clean(text: str) -> str:
        if tag and "<" in text:
            text = RE_COMMENT.sub("", text)
            text = RE_TAG.sub("", text)
        if code and "`" in text:
            text = RE_INLINE_CODE.sub("", text)
        if link and "[" in text:
            if "](" in text:
                text = RE_LINK.sub(r"\1", text)
            if "[^" in text:
                text = RE_FOOTNOTE_REF.sub("", text)
        if under and "_" in text and "__" in text:
            text = RE_STRONG.sub("", text)
        elif star and "*" in text and "**" in text:
            text = text.replace("**", "")
        if escape and "\\" in text:
            text = RE_ESCAPE.sub(r"\1", text)
        return text.strip()
    return clean



def checked_lines(text: str) -> tuple[list[str], bool]:
    """The lines of `text` (str.splitlines) that scan_lines may read: up to the first line
    that is END_MARKER (the notes after it, often half a page, are never split), and
    whether they are all of them."""
    at = text.find(END_MARKER)
    cut = text.find("\n", at) if at >= 0 else -1
    if cut >= 0:
        lines = text[:cut + 1].splitlines()  # (cut after a line break: the same lines)
        if lines[-1].strip() == END_MARKER:
            return lines, False
    return text.splitlines(), True


def quiet_lines(latin: bytes, lines: list[str], whole: bool) -> int:
    """How many of `lines` (checked_lines(text)), from the first, scan_lines need not ask
    for "gongwen" or "annotate", of those it reads (lines[start:], whose stretch of the
    text `latin` is: body_latin): all of them when neither word is there; all but the last
    when the only "gongwen" is the end marker's, on that line (most pages); else none.
    (A line before start, of the front matter, may hold them: scan_lines reads none.)
    A word in a line is in `latin`, once for each time it is there: counted in bytes
    (str.find of an ASCII word in Chinese text stops at every character sharing a byte)."""
    if b"annotate" in latin:
        return 0
    found = latin.count(b"gongwen")
    if not found:
        return len(lines)
    # (Not whole: the last line is the end marker's, and its "gongwen" is in `latin`.)
    return len(lines) - 1 if found == 1 and not whole else 0


def atx_heading(raw: str) -> tuple[int, str] | None:
    """RE_ATX.match(raw) without re: (how many #s, the text after them) of a # heading,
    or None. (RE_ATX's lazy group tried every end of the line.)"""
    after = raw.lstrip(" \t")
    if len(raw) - len(after) > 3:
        return None
    text = after.lstrip("#")
    hashes = len(after) - len(text)
    if not 1 <= hashes <= 6 or text and text[0] not in " \t":
        return None
    return hashes, text.strip(" \t")


def _find_acks(raw: str, number: int, acks: list[tuple[int, str, str]], code: bool) -> None:
    """Add the acknowledgements on one line, unless they are code (an example)."""
    if code:
        return  # an indented code block
    if "`" in raw:
        raw = RE_INLINE_CODE.sub("", raw)
    acks.extend((number, m.group(1), m.group(2)) for m in RE_ACK.finditer(raw))


# A line's indentation starts with one of these (most lines have none: _indent is 0).
INDENTS = frozenset(" \t")
# What a line of Markdown syntax starts with (besides a digit): a fence, HTML, an
# admonition or tab, a table, a quotation, a definition, an attribute list, a rule, a #
# heading, a list item. Any other line is text.
SYNTAX_LEADS = frozenset("`~<!?=|>[*{-_#+")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) + 4 * line.startswith("\t")


def scan_lines(lines: list[str], start: int, markdown: bool,
               acks: list[tuple[int, str, str]] | None = None,
               headings: dict[int, tuple[int, str]] | None = None,
               quiet: int = 0) -> list[tuple[int, str, str]]:
    """(1-based number, raw line, kind) for the lines that belong to the document.

    kind: 'text', 'blank', 'atx' (a # heading), 'list' (a list item's first line),
    'table' (a line starting with |), 'quote' (a > line), 'hr' (a thematic break),
    'attr' (a line that is only an attribute list, such as { .annotate }) or 'gap'
    (the opening line and the text lines of a 原文缺失 admonition).
    markdown=False (a .txt file): every line is 'text' or 'blank'.
    acks: filled with (line, rule, reason) of each `<!-- gongwen: ack RULE reason -->`.
    headings: filled with atx_heading(raw) of each 'atx' line, by its number.
    quiet: the first `quiet` lines, of those read, hold neither "gongwen" nor "annotate"
    (quiet_lines): they are not searched for them.
    """
    out: list[tuple[int, str, str]] = []
    if not markdown:
        for number, raw in enumerate(lines[start:], start + 1):
            if number > quiet and "gongwen" in raw:
                if raw.strip() == END_MARKER:
                    break
                if acks is not None:
                    _find_acks(raw, number, acks, code=False)
            out.append((number, raw, "text" if raw.strip() else "blank"))
        return out
    fence: str | None = None
    in_comment = in_admonition = in_gap = in_html = in_definition = False
    annotate_pending = in_annotation_list = False
    # Inside one of the blocks above (a fence, a comment, an admonition or definition, an
    # HTML block, an annotation list): most lines are in none, and skip all five tests.
    busy = False
    in_paragraph = False  # the last line kept was text: an indented line continues it
    for number, raw in enumerate(lines[start:], start + 1):
        if not raw and not busy:  # an empty line, a third of them: what the steps below make of it
            out.append((number, raw, "blank"))
            in_paragraph = False
            continue
        if number > quiet and "gongwen" in raw:
            if raw.strip() == END_MARKER:
                break
            if acks is not None and fence is None:
                _find_acks(raw, number, acks, code=not in_paragraph and not in_admonition
                           and raw[0] in INDENTS and _indent(raw) >= 4)
        stripped = raw.strip()
        if busy:
            if fence is not None:
                if stripped.startswith(fence):
                    fence = None
                    busy = False
                continue
            if in_comment:
                if "-->" in raw:
                    in_comment = busy = False
                continue
            if in_admonition or in_definition:
                if not stripped or raw[0] in INDENTS and _indent(raw) >= 4:
                    if in_gap and stripped:
                        out.append((number, raw, "gap"))
                    continue
                in_admonition = in_definition = in_gap = False
            if in_html:
                if not stripped:
                    in_html = busy = False
                continue
            if in_annotation_list:
                if not stripped or raw[0] in INDENTS and _indent(raw) >= 2 or \
                        RE_ORDERED_ITEM.match(raw):
                    continue
                in_annotation_list = False
            busy = False  # (every block above has ended here)
        if not stripped:
            out.append((number, raw, "blank"))
            in_paragraph = False
            continue
        if not in_paragraph and raw[0] in INDENTS and _indent(raw) >= 4:
            continue  # an indented code block
        # Dispatch on the first character: most lines are plain Chinese text and
        # should not pay for a dozen regular expressions.
        lead = stripped[0]
        if lead not in SYNTAX_LEADS and not lead.isdigit() and not annotate_pending:
            if number > quiet and "annotate" in raw and RE_ANNOTATE.search(raw):
                annotate_pending = True
            out.append((number, raw, "text"))
            in_paragraph = True
            continue
        kind = "text"
        if lead in "`~":
            m = RE_FENCE.match(raw)
            if m:
                fence = m.group(1)[0] * len(m.group(1))
                in_paragraph = False
                busy = True
                continue
        elif lead == "<":
            if stripped.startswith("<!--"):
                if "-->" not in stripped:
                    in_comment = busy = True
                    continue
                if RE_COMMENT.sub("", stripped) == "":
                    continue
            elif RE_HTML_BLOCK.match(raw):
                in_html = busy = True
                in_paragraph = False
                continue
        elif lead in "!?=":
            if RE_ADMONITION.match(raw):
                in_admonition = busy = True
                in_paragraph = False
                if RE_GAP_ADMONITION.match(raw):
                    in_gap = True
                    out.append((number, raw, "gap"))
                continue
        elif lead == "|":
            kind = "table"
        elif lead == ">":
            kind = "quote" if RE_BLOCKQUOTE.match(raw) else "text"
        elif lead in "[*" and (lead == "[" or stripped[1:2] == "[") and RE_DEFINITION.match(raw):
            in_definition = busy = True
            in_paragraph = False
            continue
        elif lead == "{" and RE_ATTR_LINE.match(raw):
            kind = "attr"
        if annotate_pending and kind != "attr":
            annotate_pending = False
            if lead.isdigit() and RE_ORDERED_ITEM.match(raw):
                in_annotation_list = busy = True
                continue
        if number > quiet and "annotate" in raw and RE_ANNOTATE.search(raw):
            annotate_pending = True
        if kind == "text":
            # (Each pattern asked only where its first characters allow a match: a bold
            # paragraph **（一）…** is none of a rule, a definition or a list item.)
            if lead in "-*_" and stripped[-1] in "-*_" and RE_HR.match(raw):
                kind = "hr"
            elif lead == "#" and (found := atx_heading(raw)) is not None:
                kind = "atx"
                if headings is not None:
                    headings[number] = found
            elif (lead.isdigit() and RE_ORDERED_ITEM.match(raw)) or \
                    (lead in "-*+" and stripped[1:2] != "*" and RE_BULLET_ITEM.match(raw)):
                kind = "list"
        out.append((number, raw, kind))
        in_paragraph = kind in ("text", "list", "quote")
    return out
