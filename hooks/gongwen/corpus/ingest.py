"""Ingest: a new raw document (.txt in any common encoding, or .docx) → a curated exemplar.

The curation is gongwen.corpus.curate's, exactly as for the seeds, and the result is registered
in corpus/seeds.yaml so that scripts/curate.py regenerates the same page later:

- corpus/raw/<stem>.txt       the text that was curated, UTF-8 (scripts/curate.py reads it);
                              for UTF-8 input without BOM it is the file, byte for byte
- corpus/raw/original/<stem>.<ext>
                              the file as received, byte for byte, when it is not plain
                              UTF-8 (BOM, GB18030/GBK, .docx): curate.py only reads
                              corpus/raw/*.txt, so the original sits one folder down
- corpus/records/<stem>.json  the curation record (what was removed, joined, restored)
- docs/<doctype>/exemplars/<stem>.md  the exemplar page
- corpus/seeds.yaml           a new entry: doctype, provenance, unit, year, occasion

Nothing is written when the input is bad (IngestError, with what is wrong and what to
do) or when a target exists and `force` is not given (IngestConflict). The files are
written all together or not at all (gongwen.corpus.commit), one ingest at a time.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

import yaml

from gongwen.check.schema import Schema, infer_doctype, load_schemas
from gongwen.corpus.commit import commit
from gongwen.corpus.curate import Curated, CurationError, curate
from gongwen.text.docxtext import DraftError, check_unpacked_size
from gongwen.text.syntax import END_MARKER
from gongwen.text.webjunk import junk_reason

MAX_BYTES = 5 * 1024 * 1024
# Elements in a .docx body: a 5 MB text has a few hundred thousand; python-docx keeps
# each in memory, so a flood of empty paragraphs is refused before it is parsed.
MAX_ELEMENTS = 400_000
BODY_PART = "word/document.xml"
SEEDS = "corpus/seeds.yaml"
RAW_DIR = "corpus/raw"
ORIGINAL_DIR = "corpus/raw/original"
SUFFIXES = (".txt", ".docx")
UTF8_BOM = b"\xef\xbb\xbf"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls: the pre-2007 Office format
# Control characters other than tab, line feed, form feed and carriage return.
RE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
RE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
RE_STEM_NUMBER = re.compile(r"^(\d{3,})_")
# HTML that would be live on the site: any tag but the curation's own anchor spans.
RE_ANCHOR_SPAN = re.compile(r'<span id="[^"<>]*"></span>')
RE_LIVE_HTML = re.compile(r"<[A-Za-z/!?]")
# A Markdown link or image the escaping missed: `](` or `![` without a backslash before.
RE_LIVE_LINK = re.compile(r"(?<!\\)\]\(|(?<!\\)!\[")
# Whitespace in a file name (a newline would end the 关于本范文 list item).
RE_SPACES = re.compile(r"\s+")
# Lines looked at for the title when inferring the type: a web page title may come first.
TITLE_LINES = 3


class IngestError(ValueError):
    """Bad input: nothing was written. The message says what is wrong and what to do."""


class IngestConflict(IngestError):
    """A target file exists and --force was not given: nothing was written."""


@dataclass
class Source:
    """A raw document as received, and its text."""

    name: str
    data: bytes
    text: str
    encoding: str  # utf-8 | utf-8-sig | gb18030 | docx

    @property
    def verbatim(self) -> bool:
        """Is the text the file itself (UTF-8 without BOM), so no original copy is needed?"""
        return self.encoding == "utf-8"

    @property
    def described(self) -> str:
        return {
            "utf-8": "UTF-8 纯文本", "utf-8-sig": "带 BOM 的 UTF-8 纯文本",
            "gb18030": "GB18030/GBK 纯文本", "docx": "Word 文档（.docx）",
        }[self.encoding]


@dataclass
class Plan:
    """What an ingest will write, relative to the repository root, before anything is."""

    source: Source
    doctype: str
    stem: str
    curated: Curated
    files: dict[str, bytes] = field(default_factory=dict)
    seeds_text: str = ""

    @property
    def page_path(self) -> str:
        return self.curated.page_path


# --- reading the input ---------------------------------------------------------------

def read_source(path: str | os.PathLike) -> Source:
    """Read and decode a raw document; raise IngestError for anything unusable."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise IngestError(f"{path}：文件不存在。请检查路径。")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(f"{name}：不支持的文件类型“{path.suffix or '（无扩展名）'}”。"
                          "请提供 .txt（纯文本）或 .docx（Word 文档）。")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(f"{name}：文件过大（{size / 1024 / 1024:.1f} MB，上限 5 MB）。"
                          "一篇公文不会这么大：请确认文件是否正确，或去掉其中的图片后再导入。")
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(f"{name}：文件是空的（0 字节或只有空白）。请确认导出或复制时没有出错。")
    if suffix == ".docx":
        return Source(name, data, docx_text(data, name), "docx")
    return Source(name, data, *decode_text(data, name))


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a .txt file: UTF-8 (with or without BOM), else GB18030/GBK."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(f"{name}：文件是 UTF-16 编码。请在记事本中“另存为”，编码选 UTF-8 "
                          "后再导入。")
    if data.startswith(OLE_MAGIC):
        raise IngestError(f"{name}：这是旧版 Word 文档（.doc）改成了 .txt 扩展名。"
                          "请用 Word 或 WPS 打开后另存为 .docx 或纯文本再导入。")
    if b"\x00" in data:
        raise IngestError(f"{name}：文件含有 NUL 字节，是二进制文件而不是纯文本。"
                          "请提供 .txt 纯文本或 .docx 文档。")
    if data.startswith(UTF8_BOM):
        candidates = (("utf-8-sig", "utf-8-sig"),)
    else:
        # GB18030 is a superset of GBK and GB2312: one try covers all three.
        candidates = (("utf-8", "utf-8"), ("gb18030", "gb18030"))
    for codec, label in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if RE_CONTROL.search(text):
            raise IngestError(f"{name}：文件含有控制字符，像是二进制文件而不是纯文本。"
                              "请提供 .txt 纯文本或 .docx 文档。")
        return text, label
    raise IngestError(f"{name}：无法识别文字编码（既不是 UTF-8，也不是 GB18030/GBK）。"
                      "请用记事本或 WPS 打开，确认文字正常后“另存为”UTF-8 编码再导入。")


def docx_text(data: bytes, name: str) -> str:
    """The text of a .docx: one line per paragraph, a table row per line, in order."""
    bad = IngestError(f"{name}：不是有效的 Word 文档（.docx 文件包损坏或格式不对）。"
                      "请用 Word 或 WPS 打开后重新“另存为” .docx，或另存为纯文本 .txt 再导入。")
    if data.startswith(OLE_MAGIC):
        raise IngestError(f"{name}：这是旧版 Word 文档（.doc）。请用 Word 或 WPS 打开后另存为 "
                          ".docx 再导入。")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise bad
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # Before anything is unpacked: 5 MB of .docx can unpack to gigabytes.
            check_unpacked_size(archive, name)
            if BODY_PART in archive.namelist():
                _stream_budget(archive, name)
    except IngestError:
        raise
    except DraftError as exc:
        raise IngestError(str(exc).replace("再检查", "再导入")) from None
    except (zipfile.BadZipFile, ValueError, OSError):
        raise bad from None
    try:
        from docx import Document  # python-docx: needed only for .docx input
        from docx.oxml.ns import qn

        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for element in document.element.body.iterchildren():
            if element.tag == qn("w:p"):
                lines.append(_paragraph_text(element))
            elif element.tag == qn("w:tbl"):
                for row in element.iter(qn("w:tr")):
                    cells = ["".join(_paragraph_text(p) for p in tc.iter(qn("w:p")))
                             for tc in row.iter(qn("w:tc"))]
                    lines.append("　".join(c for c in cells if c))
    except Exception as exc:
        raise bad from exc
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise IngestError(f"{name}：文档的文字过多（超过 5 MB），不像一篇公文。"
                          "请确认选对了文件，或只把正文另存为 .txt 再导入。")
    if not text.strip():
        raise IngestError(f"{name}：Word 文档里没有文字（可能只有图片或扫描件）。"
                          "请提供含文字的文档，扫描件需先识别成文字。")
    if RE_CONTROL.search(text):
        text = RE_CONTROL.sub("", text)
    return text + "\n"


def _stream_budget(archive: zipfile.ZipFile, name: str) -> None:
    """Read the body part as a stream (memory bounded by the chunk size) and refuse it
    before python-docx builds a tree: over 5 MB of text or over 2 million elements."""
    parser = expat.ParserCreate()
    counts = {"text": 0, "elements": 0}

    def text(data: str) -> None:
        counts["text"] += len(data.encode("utf-8"))

    def element(tag: str, attrs: dict) -> None:
        counts["elements"] += 1

    parser.CharacterDataHandler = text
    parser.StartElementHandler = element
    with archive.open(BODY_PART) as stream:
        while chunk := stream.read(1 << 20):
            try:
                parser.Parse(chunk, False)
            except expat.ExpatError:
                return  # python-docx reports the broken document in its own words
            if counts["text"] > MAX_BYTES or counts["elements"] > MAX_ELEMENTS:
                raise IngestError(f"{name}：文档的文字或段落过多（超过 5 MB 或 40 万个元素），"
                                  "不像一篇公文。"
                                  "请确认选对了文件，或只把正文另存为 .txt 再导入。")


def _paragraph_text(p) -> str:
    """Text of a w:p element: runs in order, tabs and line breaks as spaces/newlines."""
    from docx.oxml.ns import qn

    out = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
        else:
            out.append("\n")
    return "".join(out)


# --- deciding what to write ----------------------------------------------------------

def title_candidates(text: str) -> list[str]:
    """The first few non-blank lines that are not web-page junk."""
    out = []
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff")
        if line and not junk_reason(line):
            out.append(line)
        if len(out) >= TITLE_LINES:
            break
    return out


def infer_type(text: str, schemas: dict[str, Schema]) -> str | None:
    """The doctype from the title: the first of the first lines that a schema recognises."""
    for line in title_candidates(text):
        found = infer_doctype(line, schemas)
        if found:
            return found
    return None


def stem_for(source: Source, root: Path) -> str:
    """<NNN>_<sha256 prefix>: the next number, and the hash of the file as received.

    The same file ingested again gets the same stem (and so meets its earlier self)."""
    digest = hashlib.sha256(source.data).hexdigest()[:16]
    raw = root / RAW_DIR
    existing = sorted(raw.glob(f"*_{digest}.txt")) if raw.is_dir() else []
    if existing:
        return existing[0].stem
    numbers = [int(m.group(1)) for p in (raw.glob("*.txt") if raw.is_dir() else [])
               if (m := RE_STEM_NUMBER.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{digest}"


def plan_ingest(source: Source, root: Path, doctype: str | None = None, *,
                unit: str | None = None, year: int | None = None,
                occasion: str | None = None, title: str | None = None,
                schemas: dict[str, Schema] | None = None) -> Plan:
    """Curate `source` and work out every file to write; writes nothing."""
    schemas = load_schemas() if schemas is None else schemas
    if doctype is None:
        doctype = infer_type(source.text, schemas)
        if doctype is None:
            first = (title_candidates(source.text) or ["（空）"])[0]
            raise IngestError(
                f"{source.name}：无法由标题“{first[:40]}”推断文种。"
                f"请用 --type 指定，可选：{valid_types(schemas)}。")
    elif doctype not in schemas:
        raise IngestError(f"未知文种“{doctype}”。"
                          f"请把 --type 改为其中之一：{valid_types(schemas)}。")
    stem = stem_for(source, root)
    suffix = Path(source.name).suffix.lower()
    raw_rel = f"{RAW_DIR}/{stem}.txt"
    original_rel = None if source.verbatim else f"{ORIGINAL_DIR}/{stem}{suffix}"
    entry: dict = {"doctype": doctype}
    if title:
        entry["title"] = title
    if unit:
        entry["unit"] = unit
    year = year or _year_of(source.text)
    if year:
        entry["year"] = year
    if occasion:
        entry["occasion"] = occasion
    entry["provenance"] = (
        f"由维护者导入的公文（收到的文件：{RE_SPACES.sub(' ', source.name)}，{source.described}"
        + ("，原件随站点源文件保存" if original_rel else "") + "）")
    key = f"{stem}.txt"
    entry_text = yaml.safe_dump({key: entry}, allow_unicode=True, sort_keys=False, width=1000)
    # What scripts/curate.py will see: the entry as YAML reads it back.
    meta = yaml.safe_load(entry_text)[key]
    try:
        curated = curate(source.text, key, meta)
    except CurationError as exc:
        raise IngestError(f"{source.name}：整理失败：{exc}") from exc
    _refuse_live_html(curated.markdown, source.name)
    plan = Plan(source, doctype, stem, curated)
    plan.files[raw_rel] = source.data if source.verbatim else source.text.encode("utf-8")
    if original_rel:
        plan.files[original_rel] = source.data
    plan.files[curated.record_path] = curated.record_json.encode("utf-8")
    plan.files[curated.page_path] = curated.markdown.encode("utf-8")
    plan.seeds_text = _seeds_with(root, key, entry_text)
    return plan


def valid_types(schemas: dict[str, Schema]) -> str:
    return "、".join(f"{d}（{s.label}）" for d, s in sorted(schemas.items()))


def _year_of(text: str) -> int | None:
    for line in title_candidates(text)[:2]:
        m = RE_YEAR.search(line)
        if m:
            return int(m.group(1))
    return None


def _refuse_live_html(markdown: str, name: str) -> None:
    """A guard behind the curation's escaping: no tag, link or image of the source (its
    text or its file name) may reach the page."""
    body = markdown.split(END_MARKER, 1)[0]
    # Front matter is YAML, shown as text: only tags matter there (Material prints the title).
    front_end = body.find("\n---\n", 4) + 1 if body.startswith("---\n") else 0
    front_lines = body[:front_end].count("\n")
    for number, line in enumerate(body.splitlines(), 1):
        line = RE_ANCHOR_SPAN.sub("", line)
        if RE_LIVE_HTML.search(line) or number > front_lines and RE_LIVE_LINK.search(line):
            raise IngestError(f"{name}：整理结果第{number}行含有未转义的 HTML（{line[:40]}）。"
                              "这是整理程序的缺陷，请把原文件报告给维护者。")


def _seeds_with(root: Path, key: str, entry_text: str) -> str:
    """corpus/seeds.yaml with the entry for `key` added, or replaced if present."""
    path = root / SEEDS
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.rstrip() == f"{key}:"), None)
    if start is not None:
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t"):
            end += 1
        lines[start:end] = entry_text.rstrip("\n").splitlines() + [""]
        return "\n".join(lines).rstrip("\n") + "\n"
    comment = "# 由 scripts/ingest.py 导入。"
    return (text.rstrip("\n") + "\n\n" if text.strip() else "") + comment + "\n" + entry_text


# --- writing -------------------------------------------------------------------------

def conflicts(plan: Plan, root: Path) -> list[str]:
    """Files the plan would overwrite or remove (the seeds entry included)."""
    found = [rel for rel in plan.files if (root / rel).exists()] + list(stale_pages(plan, root))
    seeds = root / SEEDS
    key = f"{plan.stem}.txt:"
    if seeds.is_file() and any(line.rstrip() == key
                               for line in seeds.read_text(encoding="utf-8").splitlines()):
        found.append(f"{SEEDS}（条目 {plan.stem}.txt）")
    return found


def stale_pages(plan: Plan, root: Path) -> tuple[str, ...]:
    """Pages of the same source under another type: re-imported with another --type."""
    return tuple(sorted(rel for p in root.glob(f"docs/*/exemplars/{plan.stem}.md")
                        if (rel := p.relative_to(root).as_posix()) != plan.page_path))


def write_plan(plan: Plan, root: Path, force: bool = False) -> list[str]:
    """Write every file of the plan, all or none (gongwen.corpus.commit); refuse to
    overwrite unless `force`. Call it with the repository lock held."""
    existing = conflicts(plan, root)
    if existing and not force:
        raise IngestConflict(
            f"{plan.source.name}：已经导入过，以下文件已存在：{'、'.join(existing)}。"
            "未写入任何文件。确需重新导入并覆盖，请加 --force。")
    files = {**plan.files, SEEDS: plan.seeds_text.encode("utf-8")}
    removed = stale_pages(plan, root)
    commit(root, files, removed)
    return [f"写入 {rel}" for rel in files] + [f"删除 {rel}"
                                             "（同一原文改为另一文种）" for rel in removed]
