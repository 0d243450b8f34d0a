"""The Markdown block scanner: which source lines belong to the document, and what they are.

Works line by line with the file's real 1-based line numbers (FastAPI's docs-hook way):
`scan_lines()` drops what is site material rather than document text and classifies the
rest; `clean_inline()` strips inline markup from one line. The checker reads the
outline from it (gongwen.check.document); the downloads read their blocks from it too
(gongwen.export.plaintext), so both agree on where the document is.
"""
from __future__ import annotations

import re

from .syntax import END_MARKER, RE_ACK, RE_COMMENT, RE_FOOTNOTE_REF

# --- Markdown block syntax that is not part of the checked document --------------------
RE_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
RE_ADMONITION = re.compile(r"^[ \t]{0,3}(?:!!!|\?\?\?\+?)(?:[ \t]|$)")
RE_HTML_BLOCK = re.compile(
    r"^[ \t]{0,3}</?(?:div|details|summary|table|thead|tbody|tr|td|th|p|pre|script|style|figure"
    r"|figcaption|section|aside|article|header|footer|nav|ol|ul|li|dl|dt|dd|blockquote|form"
    r"|iframe|center|h[1-6]|hr|video|audio|canvas|svg|noscript|button|input)\b",
    re.IGNORECASE,
)
RE_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
RE_ATX_CLOSING = re.compile(r"[ \t]+#+$")
RE_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*[.#][^{}]*\}[ \t]*$")
RE_ANNOTATE = re.compile(r"\{[^{}]*\.annotate\b[^{}]*\}")
RE_ORDERED_ITEM = re.compile(r"^[ \t]{0,3}\d{1,9}[.)][ \t]+")
RE_BULLET_ITEM = re.compile(r"^[ \t]{0,3}[-*+][ \t]+")
RE_TABLE_ROW = re.compile(r"^[ \t]*\|")
RE_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
RE_HR = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$")

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
    if "](" in text:
        text = RE_LINK.sub(r"\1", text)
    if "[^" in text:
        text = RE_FOOTNOTE_REF.sub("", text)
    if "*" in text or "__" in text:
        text = RE_STRONG.sub("", text)
    if "\\" in text:
        text = RE_ESCAPE.sub(r"\1", text)  # \_ is a literal _ (a placeholder of the source)
    return text.strip()



def scan_lines(lines: list[str], start: int, markdown: bool,
               acks: list[tuple[int, str, str]] | None = None) -> list[tuple[int, str, str]]:
    """(1-based number, raw line, kind) for lines that belong to the checked document.

    kind: 'text', 'blank', 'atx' (a # heading), 'list' (a Markdown list item).
    Skipped: admonitions and their indented content, fenced code, HTML comments and
    raw HTML blocks, Material annotation lists, tables, block quotations, and everything
    after END_MARKER. markdown=False (a .txt file): every line is text or blank.
    acks: filled with (line, rule, reason) of each `<!-- gongwen: ack RULE reason -->`.
    """
    out: list[tuple[int, str, str]] = []
    fence: str | None = None
    in_comment = False
    in_admonition = False
    in_html = False
    annotate_pending = False
    in_annotation_list = False
    for index in range(start, len(lines)):
        raw = lines[index]
        number = index + 1
        if "gongwen" in raw:
            if raw.strip() == END_MARKER:
                break
            if acks is not None:
                acks.extend((number, m.group(1), m.group(2)) for m in RE_ACK.finditer(raw))
        stripped = raw.strip()
        if not markdown:
            out.append((number, raw, "text" if stripped else "blank"))
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if in_comment:
            if "-->" in raw:
                in_comment = False
            continue
        if in_admonition:
            if not stripped or raw.startswith(("    ", "\t")):
                continue
            in_admonition = False
        if in_html:
            if not stripped:
                in_html = False
            continue
        if in_annotation_list:
            if not stripped or raw.startswith(("    ", "\t")) or RE_ORDERED_ITEM.match(raw):
                continue
            in_annotation_list = False
        if not stripped:
            out.append((number, raw, "blank"))
            continue
        # Dispatch on the first character: most lines are plain Chinese text and
        # should not pay for a dozen regular expressions.
        lead = stripped[0]
        if lead in "`~":
            m = RE_FENCE.match(raw)
            if m:
                fence = m.group(1)[0] * len(m.group(1))
                continue
        elif lead == "<":
            if stripped.startswith("<!--"):
                if "-->" not in stripped:
                    in_comment = True
                    continue
                if RE_COMMENT.sub("", stripped) == "":
                    continue
            elif RE_HTML_BLOCK.match(raw):
                in_html = True
                continue
        elif lead in "!?":
            if RE_ADMONITION.match(raw):
                in_admonition = True
                continue
        elif lead in "|>":
            # Tables and quotations (examples quoted on a guide page) are not the
            # document's own structure.
            continue
        if annotate_pending:
            annotate_pending = False
            if lead.isdigit() and RE_ORDERED_ITEM.match(raw):
                in_annotation_list = True
                continue
        if "annotate" in raw and RE_ANNOTATE.search(raw):
            annotate_pending = True
        if lead in "-*_" and RE_HR.match(raw):
            out.append((number, raw, "blank"))
        elif lead == "#" and RE_ATX.match(raw):
            out.append((number, raw, "atx"))
        elif (lead.isdigit() and RE_ORDERED_ITEM.match(raw)) or \
                (lead in "-*+" and RE_BULLET_ITEM.match(raw)):
            out.append((number, raw, "list"))
        else:
            out.append((number, raw, "text"))
    return out
