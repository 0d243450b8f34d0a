"""Word comments (批注) with the standard library only: 下载带批注的 Word on the page.

Pyodide's core has neither python-docx nor lxml, so the 检查我的稿件 page cannot use
gongwen.export.annotate (the CLI's, python-docx 1.2's comments API). This writes the
same result by inserting text into the .docx's XML: every byte of the draft's own XML
stays as it was, and each comment adds only what Word itself adds, a range start after
the paragraph's properties, a range end and a reference run before its end. Comments go
into word/comments.xml (created, with its relationship and content type, when absent).
Paragraphs are found by a small tokenizer that enumerates the body's children exactly
as gongwen.text.docxtext does, so a finding's line leads to its paragraph.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from html import escape  # not xml.sax.saxutils: it imports urllib.request, absent in Pyodide

from gongwen.check.draft import DraftError, check_draft
from gongwen.check.schema import Schema
from gongwen.text.docxtext import Where, read_docx

AUTHOR = "公文结构检查"
INITIALS = "检查"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = "word/document.xml"
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
COMMENTS = "word/comments.xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
# A tag (start, end or empty), or something to skip whole: comment, CDATA, PI, doctype.
RE_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!.*?>"
    r"""|<(/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(/?)>""", re.DOTALL)
RE_COMMENT_ID = re.compile(r'<w:comment\b[^>]*\bw:id="(\d+)"')


@dataclass
class Para:
    """A w:p of the body: where comment marks go, and which line of the text it gave."""

    block: int  # index among the body's children
    row: int | None  # row index within a body-level table, else None
    start_mark: int  # offset for w:commentRangeStart (after w:pPr, or after the open tag)
    end_mark: int  # offset of </w:p>
    has_text: bool = False


def paragraphs(xml: str) -> list[Para]:
    """Every non-empty w:p of the body (any depth), in document order."""
    out: list[Para] = []
    stack: list[str] = []
    body_depth = None
    block = -1
    row = -1
    rows_open: list[int] = []  # row indices of the open w:tr elements
    open_paras: list[Para] = []
    for m in RE_TOKEN.finditer(xml):
        closing, name, _, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if name is None:
            continue
        if closing:
            stack.pop()
            if name == "w:p" and open_paras:
                para = open_paras.pop()
                para.end_mark = m.start()
                out.append(para)
            elif name == "w:tr" and rows_open:
                rows_open.pop()
            elif name == "w:pPr" and open_paras and len(stack) == open_paras[-1].end_mark:
                open_paras[-1].start_mark = m.end()
            continue
        depth = len(stack)
        if body_depth is not None and depth == body_depth + 1:
            block += 1
            row = -1
        if name == "w:body":
            body_depth = depth
        elif body_depth is not None and depth > body_depth:
            if name == "w:tr":
                row += 1
                if not empty:
                    rows_open.append(row)
            elif name == "w:p" and not empty:
                # end_mark holds the paragraph's depth until its close tag is seen.
                open_paras.append(Para(block, rows_open[-1] if rows_open else None, m.end(),
                                       depth + 1))
            elif name == "w:pPr" and empty and open_paras and depth == open_paras[-1].end_mark:
                open_paras[-1].start_mark = m.end()
            elif name == "w:t" and open_paras:
                open_paras[-1].has_text = True
        if not empty:
            stack.append(name)
    return sorted(out, key=lambda p: p.start_mark)


def _anchor(paras: list[Para], where: tuple[Where, ...], line: int | None) -> Para | None:
    """The line's paragraph with text, else the next one with text, else the first one."""
    start = line - 1 if line and 0 < line <= len(where) else 0
    for index in [*range(start, len(where)), *range(start)]:
        spot = where[index]
        for para in paras:
            if para.block == spot.block and para.row == spot.row and para.has_text:
                return para
    return None


def _comment_xml(comment_id: int, text: str, date: str) -> str:
    return (f'<w:comment w:id="{comment_id}" w:author="{escape(AUTHOR)}" w:date="{date}" '
            f'w:initials="{escape(INITIALS)}"><w:p><w:r><w:t xml:space="preserve">'
            f"{escape(text, quote=False)}</w:t></w:r></w:p></w:comment>")


def add_comments(data: bytes, notes: list[tuple[int | None, str]], name: str = "稿件.docx"
                 ) -> bytes:
    """The .docx `data` with a comment per (line, text); lines as gongwen.text.docxtext reads."""
    where = read_docx(data, name).where  # also applies the size caps
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
        infos = source.infolist()
    xml = parts[BODY].decode("utf-8")
    if f'xmlns:w="{W_NS}"' not in xml[:4000]:
        raise DraftError(f"{name}：这份文档的格式（非常见的 Word XML 写法）无法加批注。"
                         "请用 Word 或 WPS 另存为 .docx 后再试，或使用命令行 scripts/check.py --annotate。")
    existing = parts.get(COMMENTS, b"").decode("utf-8")
    next_id = max((int(i) for i in RE_COMMENT_ID.findall(existing)), default=-1) + 1
    paras = paragraphs(xml)
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    inserts: list[tuple[int, int, str]] = []  # (offset, order, text)
    comments = []
    for order, (line, text) in enumerate(notes):
        para = _anchor(paras, where, line)
        if para is None:
            continue
        cid = next_id + len(comments)
        comments.append(_comment_xml(cid, text, date))
        inserts.append((para.start_mark, order, f'<w:commentRangeStart w:id="{cid}"/>'))
        inserts.append((para.end_mark, order, (f'<w:commentRangeEnd w:id="{cid}"/>'
                                              f'<w:r><w:commentReference w:id="{cid}"/></w:r>')))
    for offset, _, text in sorted(inserts, key=lambda i: (i[0], i[1]), reverse=True):
        xml = xml[:offset] + text + xml[offset:]
    parts[BODY] = xml.encode("utf-8")
    if existing:
        parts[COMMENTS] = existing.replace("</w:comments>", "".join(comments) + "</w:comments>"
                                           ).encode("utf-8")
    else:
        parts[COMMENTS] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                           f'<w:comments xmlns:w="{W_NS}">{"".join(comments)}</w:comments>'
                           ).encode()
        rels = parts[RELS].decode("utf-8")
        if COMMENTS_REL not in rels:
            rels = rels.replace("</Relationships>", f'<Relationship Id="rIdGongwenComments" '
                                f'Type="{COMMENTS_REL}" Target="comments.xml"/></Relationships>')
            parts[RELS] = rels.encode("utf-8")
        types = parts[TYPES].decode("utf-8")
        if 'PartName="/word/comments.xml"' not in types:
            types = types.replace("</Types>", f'<Override PartName="/word/comments.xml" '
                                  f'ContentType="{COMMENTS_TYPE}"/></Types>')
            parts[TYPES] = types.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:  # the package's own order and member dates
            target.writestr(info, parts.pop(info.filename), zipfile.ZIP_DEFLATED)
        for member, content in parts.items():  # comments.xml when it is new
            target.writestr(zipfile.ZipInfo(member, infos[0].date_time), content,
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


def annotated_draft(data: bytes, name: str, doctype: str | None,
                    schemas: dict[str, Schema]) -> bytes:
    """Check a .docx as the page does and return it with every finding as a comment."""
    result = check_draft(read_docx(data, name).text, doctype, schemas)
    notes = [(f["line"], f"[{f['severity_label']}] {f['message']}（{f['rule']}）")
             for f in result["findings"]]
    return add_comments(data, notes, name)


__all__ = ["AUTHOR", "add_comments", "annotated_draft", "paragraphs"]
