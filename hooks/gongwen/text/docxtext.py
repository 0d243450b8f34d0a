"""The text of a .docx with the standard library only (zipfile + xml.etree).

Used by scripts/check.py and, under Pyodide, by the 检查我的稿件 page, so both read a
Word draft the same way: one line per paragraph (a line break inside a paragraph starts
a new line), one line per table row. Each line remembers where it came from, so that
findings can be put back on their paragraph as Word comments (gongwen.export.annotate).

Sizes are capped before anything is parsed: a file over 5 MB, or one whose members
unpack to over 50 MB in total (a zip bomb), is refused with a Chinese message.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc and encrypted Office files
# An encrypted (password-protected) .docx is an OLE file holding this stream (UTF-16LE name).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY_PART = "word/document.xml"
# Control characters other than tab, line feed and carriage return.
RE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")


class DraftError(ValueError):
    """Input that cannot be checked; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class Where:
    """Where a line of the text came from: the index of its element among the body's
    children, and for a table the row's index within the table (else None)."""

    block: int
    row: int | None = None


@dataclass(frozen=True)
class DocxText:
    lines: tuple[str, ...]
    where: tuple[Where, ...]  # one per line

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _too_big(name: str, size: int) -> DraftError:
    return DraftError(f"{name}：文件过大（{size / 1024 / 1024:.1f} MB，上限 5 MB）。一篇公文不会这么大："
                      "请确认选对了文件，或删去其中的图片后再检查。")


def check_unpacked_size(archive: zipfile.ZipFile, name: str) -> None:
    """Raise DraftError when the members would unpack to over 50 MB (a zip bomb).

    The declared sizes are a real bound: zipfile stops reading a member at its declared
    size (and then fails its CRC check), so a member cannot unpack to more than it says."""
    unpacked = 0
    for info in archive.infolist():
        unpacked += info.file_size
        if unpacked > MAX_UNPACKED_BYTES:
            total = sum(i.file_size for i in archive.infolist())
            raise DraftError(f"{name}：文件解压后过大（{total / 1024 / 1024:.0f} MB，上限 50 MB），"
                             "不像一篇公文。请确认选对了文件，或删去其中的图片后再检查。")


def refuse_non_docx(data: bytes, name: str) -> None:
    """Raise DraftError for data that is not a .docx: an encrypted file, a .doc, a PDF…"""
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise DraftError(f"{name}：这份 Word 文档设置了打开密码，无法读取。"
                             "请在 Word 或 WPS 中取消密码（文件 → 信息 → 保护文档）后另存一份再检查。")
        raise DraftError(f"{name}：这是旧版 Word 文档（.doc），无法直接读取。"
                         "请用 Word 或 WPS 打开后“另存为” .docx 再检查。")
    if data.startswith(b"%PDF"):
        raise DraftError(f"{name}：这是 PDF 文件，无法读取其中的文字结构。"
                         "请提供原始的 Word 文档（.docx）或纯文本（.txt）。")


def read_docx(data: bytes, name: str = "稿件.docx") -> DocxText:
    """Read a .docx's body text; raise DraftError for anything unusable."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(name, len(data))
    refuse_non_docx(data, name)
    broken = DraftError(f"{name}：不是有效的 Word 文档（.docx 文件包损坏或格式不对）。"
                        "请用 Word 或 WPS 打开后重新“另存为” .docx，或另存为纯文本（.txt）再检查。")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise broken from None
    with archive:
        check_unpacked_size(archive, name)
        if BODY_PART not in archive.namelist():
            raise broken
        try:
            xml = archive.read(BODY_PART)
            root = ElementTree.fromstring(xml)
        except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, OSError,
                NotImplementedError, RuntimeError):
            raise broken from None
    body = root.find(f"{W}body")
    if body is None:
        raise broken
    lines: list[str] = []
    where: list[Where] = []
    for index, element in enumerate(body):
        if element.tag == f"{W}p":
            for line in paragraph_text(element).split("\n"):
                lines.append(line)
                where.append(Where(index))
        elif element.tag == f"{W}tbl":
            for row_index, row in enumerate(element.iter(f"{W}tr")):
                cells = ["".join(paragraph_text(p) for p in cell.iter(f"{W}p"))
                         for cell in row.iter(f"{W}tc")]
                lines.append("\u3000".join(c.replace("\n", "") for c in cells if c))
                where.append(Where(index, row_index))
    lines = [RE_CONTROL.sub("", line).rstrip() for line in lines]
    if not any(line.strip() for line in lines):
        raise DraftError(f"{name}：Word 文档里没有文字（可能只有图片或扫描件）。"
                         "请提供含文字的文档；扫描件需先识别成文字。")
    return DocxText(tuple(lines), tuple(where))


def paragraph_text(p: ElementTree.Element) -> str:
    """Text of a w:p: its runs in order; a tab as a tab, a line break as a new line."""
    out = []
    # Runs only: a w:tab inside the paragraph's properties is a tab stop, not text.
    for run in p.iter(f"{W}r"):
        for node in run:
            tag = node.tag
            if tag == f"{W}t":
                out.append(node.text or "")
            elif tag == f"{W}tab":
                out.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\n")
    return "".join(out)


__all__ = ["DocxText", "DraftError", "Where", "check_unpacked_size", "paragraph_text", "read_docx",
           "refuse_non_docx"]
