"""The document text of a page: what a writer would paste into WPS/Word.

A template or exemplar page mixes the document (title, headings, paragraphs) with
site-only material: front matter, admonitions (guidance), Material annotations, fenced
code, HTML comments, raw HTML blocks and the 评注 notes after `<!-- gongwen:end -->`.
`document_blocks()` keeps the document and drops the rest; `to_text()` renders it as
plain text for the .txt download, and gongwen.export.docx_export lays it out as a .docx.

Which paragraphs are headings, and of which level, is the outline reader's business
(gongwen.check.document): this module only splits a run-in heading (the bold first sentence of
a paragraph) from the body text that follows it.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from gongwen.check.document import heading_levels, read
from gongwen.text.blocks import RE_ATX_TITLE, scan_lines
from gongwen.text.frontmatter import split_front_matter
from gongwen.text.numbering import parse_ordinal
from gongwen.text.syntax import GAP_LABEL, RE_COMMENT, RE_FILL_FIELD, RE_FOOTNOTE_REF

from .closing import padded_closing

# Block syntax is read by gongwen.text.blocks (one scanner for the checker and the
# downloads); these patterns take apart what it classified.
# Also key=value attributes (the checker drops only .class and #id lists).
RE_ATTR_LIST = re.compile(r"\s*\{:?\s*(?:[.#][^{}]*|[\w-]+=[^{}]*)\}\s*$")
RE_ORDERED = re.compile(r"^[ \t]{0,3}(?P<num>\d{1,9})(?P<delim>[.)])(?:\s+|$)(?P<text>.*)$")
RE_BULLET = re.compile(r"^[ \t]{0,3}[-*+]\s+(?P<text>.*)$")
RE_QUOTE = re.compile(r"^[ \t]{0,3}>\s?")
RE_GAP_OPENING = re.compile(r"^[ \t]{0,3}!!!")
# A row needs its closing pipe; otherwise the line is text of the paragraph it is in.
RE_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
RE_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

# A well-formed tag only (the reader removes anything from < plus a letter to >).
RE_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
RE_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
# Reference links too, images apart (the reader reads inline links and images alike).
RE_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
RE_ANNOTATION_MARKER = re.compile(r"\s?\(\d{1,3}\)!?")
# pymdownx's escapable ~^=:"' too: their markup is stripped here, not by the reader.
RE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~^=:\"'])")
RE_BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)(?P<head>.+?)(?:\*\*|__)(?P<rest>.*)$", re.DOTALL)
RE_EMPHASIS = re.compile(r"(?<!\\)(\*\*|==|\^\^|~~|\+\+)(?=\S)(.+?)(?<=\S)\1")
RE_SINGLE_STAR = re.compile(r"(?<![\\*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)")
RE_LEADING_TAGS = re.compile(r"^(?:\s*</?[A-Za-z][^<>]*>)+")
# Code keeps its text in the download (the reader drops code from the outline).
RE_CODE_SPAN = re.compile(r"`([^`]*)`")
RE_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
RE_EMPHASIS_TRIGGER = re.compile(r"\*|==|\^\^|~~|\+\+")
# Placeholders replacing the escaped characters while inline markup is stripped.
_ESC = "\x00"
RE_HIDDEN = re.compile(f"{_ESC}(\\d+){_ESC}")


@dataclass(frozen=True)
class Block:
    """One paragraph of the document.

    kind: 'title' (the H1), 'heading' (a standalone heading), 'paragraph', 'table' or
    'gap' (a 原文缺失 marker of a truncated source: 【原文缺失】 and the curator's note).
    level: outline level 1–4 of a heading, or of a paragraph's run-in heading (0: none).
    head: the run-in heading at the start of `text` (paragraphs only), '' when none.
    rows: the cells of a table, row by row.
    line: 1-based line in the page source (front matter included).
    """

    kind: str
    text: str
    line: int
    level: int = 0
    head: str = ""
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def body(self) -> str:
        """The text after the run-in heading (all of it when there is none)."""
        return self.text[len(self.head):]


@dataclass
class _Raw:
    """A block before inline markup is stripped."""

    kind: str
    lines: list[str]
    line: int
    depth: int = 0
    annotate: bool = False
    rows: list[list[str]] = field(default_factory=list)


def scan_page(source: str) -> list[tuple[int, str, str]]:
    """The page's lines as gongwen.text.blocks scans them (front matter skipped)."""
    lines = source.removeprefix("\ufeff").splitlines()
    return scan_lines(lines, split_front_matter(lines).body_start, markdown=True)


def _raw_blocks(scanned: list[tuple[int, str, str]]) -> list[_Raw]:
    """Group the document's scanned lines into blocks."""
    blocks: list[_Raw] = []
    para: _Raw | None = None

    def close() -> None:
        nonlocal para
        if para is not None:
            blocks.append(para)
            para = None

    for number, line, kind in scanned:
        if para is not None and para.kind == "gap" and kind != "gap":
            close()  # the admonition ended (its blank lines were not passed on)
        if kind == "blank":
            close()
        elif kind == "attr":
            target = para if para is not None else (blocks[-1] if blocks else None)
            if target is not None and ".annotate" in line:
                target.annotate = True
            close()
        elif kind == "gap":
            if para is None or para.kind != "gap" or RE_GAP_OPENING.match(line):
                close()
                para = _Raw("gap", [], number)
            else:
                para.lines.append(line.strip())
        elif kind == "atx":
            close()
            heading = RE_ATX_TITLE.match(line)
            if heading:
                content, annotate = heading["text"], False
                attrs = RE_ATTR_LIST.search(content)
                if attrs:
                    annotate = ".annotate" in attrs.group(0)
                    content = content[: attrs.start()]
                blocks.append(_Raw("heading", [content], number, len(heading["hashes"]),
                                   annotate))
        elif kind == "table" and RE_TABLE_ROW.match(line) and (
                para is None or para.kind == "table"):
            if para is None:
                para = _Raw("table", [], number)
            row = line.strip()
            if not RE_TABLE_RULE.match(row):
                cells = re.split(r"(?<!\\)\|", row.strip("|"))
                para.rows.append([c.strip() for c in cells])
        elif kind == "list":
            close()
            ordered = RE_ORDERED.match(line)
            text = f"{ordered['num']}{ordered['delim']}{ordered['text']}" if ordered else (
                RE_BULLET.match(line)["text"])  # keep an ordinal as written (1.加强学习)
            para = _Raw("paragraph", [text], number)
        elif kind == "quote":
            if para is not None and para.kind != "quote":
                close()
            if para is None:
                para = _Raw("quote", [], number)
            para.lines.append(RE_QUOTE.sub("", line, count=1))
        elif kind == "hr" and (para is None or para.kind == "table"):
            close()
        else:
            if para is not None and para.kind == "table":
                close()
            if para is None:
                para = _Raw("paragraph", [], number)
            para.lines.append(line.lstrip())  # trailing spaces may be a hard line break
    close()
    return blocks


def _inline(text: str, annotate: bool) -> str:
    """Strip inline Markdown/HTML markup from one paragraph's text."""
    # Each pattern runs only when its trigger character is present: most paragraphs of a
    # document have no markup at all, and this runs for every paragraph of every page.
    if "<!--" in text:
        text = RE_COMMENT.sub("", text)
    escaped: list[str] = []
    if "\\" in text:
        # Hide backslash-escaped characters so that markup stripping leaves them alone.
        def hide(m: re.Match) -> str:
            escaped.append(m.group(1))
            return f"{_ESC}{len(escaped) - 1}{_ESC}"

        text = RE_ESCAPE.sub(hide, text)
    if "`" in text:
        text = RE_CODE_SPAN.sub(r"\1", text)
    if "<" in text:
        text = RE_TAG.sub("", text)
    if "[" in text:
        text = RE_FOOTNOTE_REF.sub("", text)
        text = RE_IMAGE.sub(r"\1", text)
        text = RE_LINK.sub(r"\1", text)
    if "{" in text:
        text = RE_ATTR_LIST.sub("", text)
    if annotate:
        text = RE_ANNOTATION_MARKER.sub("", text)
    if RE_EMPHASIS_TRIGGER.search(text):
        for _ in range(3):  # nested emphasis (**==x==**)
            new = RE_EMPHASIS.sub(r"\2", text)
            new = RE_SINGLE_STAR.sub(r"\1", new)
            if new == text:
                break
            text = new
    if escaped:
        text = RE_HIDDEN.sub(lambda m: escaped[int(m.group(1))], text)
    if "&" in text:
        text = html.unescape(text)
    return text.strip()


def _split_lines(lines: list[str], first: int, levels: dict[int, int]
                 ) -> list[tuple[int, list[str]]]:
    """Split a paragraph's lines into (first line number, lines) parts: at Markdown hard
    line breaks (two trailing spaces or a backslash), and where the reader saw a heading
    start on a line of its own inside the paragraph (a forgotten blank line)."""
    parts: list[tuple[int, list[str]]] = []
    hard = True
    for k, line in enumerate(lines):
        number = first + k
        if hard or number in levels:
            parts.append((number, []))
        hard = bool(RE_HARD_BREAK.search(line)) and not line.endswith("\\\\")
        parts[-1][1].append(RE_HARD_BREAK.sub("", line).strip() if hard else line.strip())
    return parts


def _join(lines: list[str]) -> str:
    """Join soft-wrapped lines: no space between CJK characters, one between Latin words."""
    out = ""
    for line in lines:
        if out and line and (out[-1].isascii() and out[-1].isalnum()) and (
            line[0].isascii() and line[0].isalnum()
        ):
            out += " "
        out += line
    return out


def document_blocks(source: str, levels: dict[int, int] | None = None,
                    scanned: list[tuple[int, str, str]] | None = None) -> list[Block]:
    """The document of a page (source with front matter), block by block.

    levels: outline levels by 1-based source line, and scanned: the page's scanned lines,
    both as the checker read them (gongwen.check.document.Document.scanned), so that the
    download marks exactly the headings the check panel shows; read here when not given.
    """
    if levels is None:
        document = read(source, "page.md", markdown=True)
        levels, scanned = heading_levels(document), document.scanned
    blocks: list[Block] = []
    title_seen = False
    for raw in _raw_blocks(scan_page(source) if scanned is None else scanned):
        if raw.kind == "table":
            rows = tuple(tuple(_inline(c, False) for c in row) for row in raw.rows)
            joined = "\n".join("\t".join(r) for r in rows)
            blocks.append(Block("table", joined, raw.line, rows=rows))
            continue
        if raw.kind == "gap":
            # The reader must see that text is missing here, and what (the page's note).
            note = _inline(_join(raw.lines), False)
            blocks.append(Block("gap", GAP_LABEL + note, raw.line))
            continue
        if raw.kind == "heading":
            content = _inline(raw.lines[0], raw.annotate)
            if not content:
                continue
            if raw.depth == 1 and not title_seen:
                title_seen = True
                blocks.append(Block("title", content, raw.line))
                continue
            blocks.append(Block("heading", content, raw.line, _level(content, raw.line, levels)))
            continue
        for line, part in _split_lines(raw.lines, raw.line, levels):
            # `<span id="slug"></span>` anchors precede run-in headings of levels 1–2.
            lead = RE_BOLD_LEAD.match(RE_LEADING_TAGS.sub("", _join(part)))
            if lead and raw.kind == "paragraph":
                head = _inline(lead["head"], raw.annotate)
                rest = _inline(lead["rest"], raw.annotate)
                level = _level(head, raw.line, levels)
                if rest and level:
                    blocks.append(Block("paragraph", head + rest, line, level, head))
                    continue
                if not rest and level:
                    blocks.append(Block("heading", head, line, level))
                    continue
            content = _inline(_join(part), raw.annotate)
            if not content:
                continue
            level = _line_level(content, line, levels)
            if level:
                blocks.append(Block("heading", content, line, level))
            else:
                blocks.append(Block("paragraph", content, line))
    return blocks


def _line_level(text: str, line: int, levels: dict[int, int]) -> int:
    """Level of a paragraph that is only a heading (1.完善制度), else 0."""
    return levels.get(line, 0)


def _level(text: str, line: int, levels: dict[int, int]) -> int:
    """Level of a Markdown or bold run-in heading: the reader's, else its ordinal's."""
    if line in levels:
        return levels[line]
    ordinal = parse_ordinal(text)
    return ordinal.level if ordinal else 0


def fill_fields(text: str) -> list[tuple[str, bool]]:
    """Split text into (segment, is_fill_in_field) pairs; fields look like 【单位名称】."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in RE_FILL_FIELD.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


RE_DATE_LINE = re.compile(r"^[\dX×〇零一二三四五六七八九十○OＸ]{2,4}年[^，。]{1,3}月[^，。]{1,3}"
                          r"日$")
RE_DATE_FIELD = re.compile(r"^【[^】]*(?:日期|时间)[^】]*】$")
RE_SALUTATION = re.compile(r"^[^，。；！？\s]{1,24}[：:]$")


def layout(blocks: list[Block]) -> list[tuple[str, Block | None]]:
    """How each block is set, in order, as (role, block).

    Roles: title, subtitle (——在…会议上的讲话 under the title), blank (the empty line
    after the title, GB/T 9704 7.3.3; block None), heading, run-in, salutation (同志们：
    at the start, set flush left), signature (署名 and 成文日期 at the end, set right
    after a blank line, 7.3.5), table, gap (a 原文缺失 marker), body.
    """
    closing = _signature_lines(blocks)
    out: list[tuple[str, Block | None]] = []
    after_title = False
    for index, block in enumerate(blocks):
        if block.kind == "title":
            out.append(("title", block))
            after_title = True
            continue
        if after_title:
            if _is_subtitle(block):
                out.append(("subtitle", block))
                continue
            out.append(("blank", None))
            after_title = False
        if block.kind in ("table", "heading", "gap"):
            out.append((block.kind, block))
        elif block.head and block.level:
            out.append(("run-in", block))
        elif index < 3 and RE_SALUTATION.match(block.text):
            out.append(("salutation", block))
        elif index in closing:
            if out and out[-1][0] != "signature":
                out.append(("blank", None))  # 正文下空一行 (GB/T 9704-2012 7.3.5.2)
            out.append(("signature", block))
        else:
            out.append(("body", block))
    return out


def _signature_lines(blocks: list[Block]) -> set[int]:
    """Indexes of a closing 署名 + 成文日期: a date (or 【成文日期】) last, a short line before."""
    if len(blocks) < 3:
        return set()
    last = len(blocks) - 1
    date = blocks[last]
    if date.kind != "paragraph" or not (RE_DATE_LINE.match(date.text)
                                         or RE_DATE_FIELD.match(date.text)):
        return set()
    lines = {last}
    signer = blocks[last - 1]
    if signer.kind == "paragraph" and not signer.head and len(signer.text) <= 30 and \
            not re.search(r"[。，；：！？]", signer.text):
        lines.add(last - 1)
    return lines


def _is_subtitle(block: Block) -> bool:
    """A line right under the title such as ——在…会议上的讲话 or （2024年X月X日）."""
    text = block.text
    return block.kind == "paragraph" and len(text) <= 60 and (
        text.startswith("——") or (text.startswith("（") and text.endswith("）"))
    )


INDENT = "\u3000\u3000"  # two full-width spaces: the first-line indent of Chinese plain text


def to_text(blocks: list[Block]) -> str:
    """Plain text of the document: title, a blank line, then one line per paragraph,
    indented two characters (the title, a subtitle, 称呼 and table rows are not; the
    落款 is set right)."""
    lines: list[str] = []
    roles = layout(blocks)
    closing = [block.text for role, block in roles if role == "signature" and block]
    if closing:  # 署名 and 成文日期 set right (GB/T 9704-2012 §7.3.5.2), as in the .docx
        signer, date = padded_closing(closing[0] if len(closing) > 1 else None, closing[-1])
        closing = [date] if signer is None else [signer, date]
    for role, block in roles:
        if block is None:
            lines.append("")
        elif role in ("title", "subtitle", "salutation"):
            lines.append(block.text)
        elif role == "table":
            lines.extend(block.text.split("\n"))
        elif role == "signature":
            lines.append(closing.pop(0))
        else:
            lines.append(INDENT + block.text)
    return "\n".join(lines).rstrip("\n") + "\n"


def to_txt_bytes(blocks: list[Block]) -> bytes:
    """The .txt download: UTF-8 with a BOM and CRLF line ends.

    Why the BOM: Notepad before Windows 10 1903 (still common on government intranets)
    and WPS read a BOM-less file as the ANSI code page (GBK) and show mojibake; with the
    BOM every Notepad, WPS and browser opens it as UTF-8. CRLF: old Notepad shows LF-only
    text as one long line.
    """
    return "\ufeff".encode() + to_text(blocks).replace("\n", "\r\n").encode("utf-8")


def character_count(blocks: list[Block]) -> int:
    """Characters of document text (no whitespace), e.g. to estimate pages (616 a page)."""
    return sum(len(re.sub(r"\s", "", b.text)) for b in blocks)
