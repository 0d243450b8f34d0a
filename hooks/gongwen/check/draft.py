"""A writer's draft: pasted text, a .txt or a .docx, checked as plain text.

The entry point of the 检查我的稿件 page (run in the browser by Pyodide, so it imports
nothing outside the standard library and this package) and of scripts/check.py for
.docx drafts. check_draft() gives the page everything it shows, as plain JSON data.
"""
from __future__ import annotations

import json
from pathlib import PurePath

from gongwen.text.docxtext import MAX_FILE_BYTES, OLE_MAGIC, DraftError, read_docx, refuse_non_docx

from .engine import check_text
from .model import SEVERITY_LABELS, STATUS_LABELS, heading_label
from .report import finding_data
from .rules import BY_CODE
from .schema import Schema, parse_schema

MAX_CHARS = 200_000  # twice the longest draft the page promises to check
UTF8_BOM = b"\xef\xbb\xbf"
TEXT_SUFFIXES = (".txt", ".text", ".md")


def decode_text(data: bytes, name: str) -> str:
    """A .txt's text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK."""
    if data.startswith(UTF8_BOM):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        # GB18030 is a superset of GBK and GB2312: one try covers all three.
        candidates = ("utf-8", "gb18030")
    if data.startswith((OLE_MAGIC, b"%PDF")):
        refuse_non_docx(data, name)
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise DraftError(f"{name}：无法识别文字编码（不是 UTF-8，也不是 GB18030/GBK），"
                     "或者这不是纯文本文件。请用记事本或 WPS 打开，确认文字正常后“另存为”"
                     "UTF-8 编码的 .txt，或把正文复制粘贴到文本框中。")


def read_upload(data: bytes, name: str) -> str:
    """The text of an uploaded file (.txt or .docx); DraftError for anything else."""
    suffix = PurePath(name).suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        raise DraftError(f"{name}：文件过大（{len(data) / 1024 / 1024:.1f} MB，上限 5 MB）。"
                         "一篇公文不会这么大：请确认选对了文件，或删去其中的图片后再检查。")
    if suffix == ".docx":
        return read_docx(data, name).text
    if suffix == ".doc":
        raise DraftError(f"{name}：这是旧版 Word 文档（.doc），无法直接读取。"
                         "请用 Word 或 WPS 打开后“另存为” .docx 再检查。")
    if suffix == ".pdf":
        raise DraftError(f"{name}：这是 PDF 文件，无法读取其中的文字结构。"
                         "请提供原始的 Word 文档（.docx）或纯文本（.txt）。")
    if suffix not in TEXT_SUFFIXES:
        raise DraftError(f"{name}：不支持的文件类型“{suffix or '（无扩展名）'}”。"
                         "请选择 .docx（Word 文档）或 .txt（纯文本），或把正文复制粘贴到文本框中。")
    if not data.strip():
        raise DraftError(f"{name}：文件是空的。请确认选对了文件。")
    return decode_text(data, name)


def load_schemas_json(text: str) -> dict[str, Schema]:
    """Schemas exported by gongwen.site.bundle (the YAML files' data as JSON), validated."""
    return {doctype: parse_schema(data, f"schemas/{doctype}.yaml")
            for doctype, data in json.loads(text).items()}


def check_draft(text: str, doctype: str | None, schemas: dict[str, Schema]) -> dict:
    """Check a draft; the data the page shows (outline, findings, lines to render)."""
    if not text.strip():
        raise DraftError("稿件是空的：请把正文粘贴到文本框中，或选择一个 .docx / .txt 文件。")
    if len(text) > MAX_CHARS:
        raise DraftError(f"稿件过长（{len(text):,}字，上限{MAX_CHARS:,}字）。"
                         "请分几次检查，每次粘贴一部分。")
    if doctype and doctype not in schemas:
        raise DraftError(f"未知的文种“{doctype}”：请在“文种”中重新选择。")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = check_text(text, "稿件.txt", doctype or None, schemas=schemas, markdown=False)
    findings = []
    for f in result.findings:  # the report's finding object, plus what its rule checks
        rule = BY_CODE.get(f.rule)
        findings.append({**finding_data(f), "summary": rule.summary if rule else ""})
    counts = {sev: sum(f["severity"] == sev for f in findings) for sev in SEVERITY_LABELS}
    schema = schemas.get(result.doctype) if result.doctype else None
    return {
        "doctype": result.doctype,
        "doctype_label": schema.label if schema else None,
        "auto": not doctype,
        "title": result.title,
        "status": result.status,
        "status_label": STATUS_LABELS[result.status],
        "counts": counts,
        "outline": [{"level": h.level, "label": heading_label(h), "title": h.title, "line": h.line}
                    for h in result.outline],
        "findings": findings,
        "lines": text.split("\n"),
        "chars": len(text),
    }


__all__ = ["DraftError", "check_draft", "decode_text", "load_schemas_json", "read_upload"]
