"""Word (.docx) export laid out per GB/T 9704-2012 《党政机关公文格式》.

Layout (clause numbers of GB/T 9704-2012):
- A4 210 × 297 mm; margins top 37, bottom 35, left (binding) 28, right 26 mm, so the
  text block is 156 × 225 mm (5.2).
- 22 lines of 28 characters per page (5.2.2): exact line spacing 225 mm / 22 ≈ 28.95 pt
  (579 twips) and a line grid (w:docGrid type="lines", linePitch 579); 28 characters
  come from condensing 3号 text by 0.25 pt (w:spacing -5): 156 mm / 15.75 pt = 28.07.
  Why not a character grid (type="linesAndChars", charSpace -849, which Word's 页面设置
  writes for "28 字/行"): LibreOffice 7.4 puts every character wider than the grid pitch
  into two grid cells, so such a file opens with 14 characters a line and twice the
  pages (measured); condensed spacing gives 28 × 22 in Word, WPS and LibreOffice alike.
- Title 2号 (22 pt) 方正小标宋简体, centred, a long one broken between words into a
  梯形 or 菱形 (7.3.1, export.titlebreak); body 3号 (16 pt) 仿宋_GB2312 with a
  first-line indent of two characters (7.3.3); level-1 headings 黑体, level 2 楷体_GB2312,
  levels 3 and 4 仿宋_GB2312 (level 3 bold, as is common practice) (7.3.3).
- 落款 as in a document without a seal (7.3.5.2; a download is an unsealed draft): one
  empty line under the text, 署名 右空二字, 成文日期 on the next line starting two
  characters right of the 署名 (export.closing).
- Page numbers 4号 (14 pt) half-width digits between 一字线 (— 1 —), 7 mm below the text
  block; odd pages right, even pages left, one character in from the edge (7.5).

Fonts: Word has no font fallback list, so every font is named in w:rFonts (w:eastAsia
for Chinese; python-docx only sets w:ascii/w:hAnsi) and declared in the font table with
a w:altName that Word and LibreOffice use when the font is missing:
方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体 (黑体 ships with Windows).
Latin letters and digits use Times New Roman, as is usual in 公文.

Speed: python-docx builds the package (styles, section, footers, font table) and the
paragraph and run properties once per `DocxWriter`; each document is then assembled as
XML text from those prepared pieces and appended, as word/document.xml, to a copy of the
prebuilt zip: well under a millisecond a page, where a fresh python-docx document and
save took ~15 ms (1,000 exemplars: 15 s, more than the 10% the build may grow).
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as _DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from lxml import etree

from gongwen.text.syntax import GAP_LABEL

from .closing import closing_indents
from .docx_format import (
    CHAR_PT,
    FONT_BODY,
    FONT_LEVEL2,
    FONT_TITLE,
    FOOTER_DISTANCE,
    INDENT_TWO_CHARS,
    LEVEL_FONTS,
    LINE_PITCH,
    LINE_PITCH_TWIPS,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    RE_XML_INVALID,
    RE_XMLNS,
    SIZE_BODY,
    SIZE_TABLE,
    SIZE_TITLE,
    STYLE_NAMES,
    STYLE_TITLE,
    TEXT_WIDTH_TWIPS,
    ZIP_DATE,
    add_page_number,
    condense,
    declare_fallbacks,
    paragraph_properties,
    run_properties,
    set_fonts,
    used_styles_only,
    without_thumbnail,
)
from .plaintext import Block, fill_fields, layout
from .titlebreak import title_lines

BREAK = "break"  # a run kind: a line break inside the paragraph
# A right indent no layout uses, replaced in the prepared XML by each 落款's own indent.
RIGHT_PLACEHOLDER_TWIPS = 7919
TABLE_START = (
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
    '<w:jc w:val="center"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>'
)
CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms='
    '"http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
    "<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    "</cp:coreProperties>"
)


@dataclass
class _Formats:
    """Prepared w:pPr / w:rPr elements by paragraph and run kind."""

    ppr: dict[str, object]
    rpr: dict[str, object]


class DocxWriter:
    """Builds GB/T 9704 .docx files from document blocks; reuse one writer for many files."""

    def __init__(self, author: str = "公文写作范本库", words: Iterable[str] = ()) -> None:
        self.author = author
        self.words = tuple(words)  # terms a title line never breaks inside (民主生活会)
        base = Document()
        self._setup_page(base)
        self._setup_styles(base)
        formats = self._prepare_formats(base)
        # Prepared properties as XML text: each document is then assembled as a string.
        self._formats = _Formats({k: _xml_of(v) for k, v in formats.ppr.items()},
                                 {k: _xml_of(v) for k, v in formats.rpr.items()})
        self._drop_styles_with_effects(base)
        document = serialize_part_xml(base.element)
        # The empty body holds only the section properties: documents go before them.
        cut = document.index(b"<w:sectPr")
        self._head, self._tail = document[:cut], document[cut:]
        self._package = self._static_package(base)

    # --- the base package, built once -------------------------------------------------
    @staticmethod
    def _setup_page(doc: _DocumentObject) -> None:
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
        section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
        section.header_distance = Mm(15)
        section.footer_distance = FOOTER_DISTANCE
        sect_pr = section._sectPr
        grid = sect_pr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            sect_pr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
        grid.attrib.pop(qn("w:charSpace"), None)
        doc.settings.odd_and_even_pages_header_footer = True
        add_page_number(section.footer, odd=True)
        add_page_number(section.even_page_footer, odd=False)

    @staticmethod
    def _setup_styles(doc: _DocumentObject) -> None:
        styles = doc.styles
        # Document defaults: 3号 仿宋, Chinese language, so that unstyled text is right too.
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        set_fonts(rpr_default, FONT_BODY)
        # The character grid is measured from the default size (LibreOffice reads it here).
        size = rpr_default.find(qn("w:sz"))
        if size is None:
            size = OxmlElement("w:sz")
            rpr_default.append(size)
        size.set(qn("w:val"), str(int(SIZE_BODY.pt * 2)))
        lang = rpr_default.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr_default.append(lang)
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        normal = styles["Normal"]
        normal.font.size = SIZE_BODY
        set_fonts(normal.element.get_or_add_rPr(), FONT_BODY)
        condense(normal.element.get_or_add_rPr())
        fmt = normal.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
        fmt.space_after = Pt(0)
        fmt.widow_control = False  # 公文 pages are filled line by line, 22 lines each

        def paragraph_style(name: str, east_asian: str, size, bold=False, outline=None):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.font.size = size
            style.font.bold = bold
            set_fonts(style.element.get_or_add_rPr(), east_asian)
            style.paragraph_format.first_line_indent = INDENT_TWO_CHARS
            if outline is not None:
                ppr = style.element.get_or_add_pPr()
                level = OxmlElement("w:outlineLvl")
                level.set(qn("w:val"), str(outline))
                ppr.append(level)
            return style

        title = paragraph_style(STYLE_TITLE, FONT_TITLE, SIZE_TITLE, outline=0)
        title.paragraph_format.first_line_indent = Pt(0)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph_style(STYLE_NAMES[0], FONT_BODY, SIZE_BODY)
        for level, (font, bold) in LEVEL_FONTS.items():
            paragraph_style(STYLE_NAMES[level], font, SIZE_BODY, bold, outline=level)

    @staticmethod
    def _prepare_formats(doc: _DocumentObject) -> _Formats:
        center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
        ppr = {
            "title": paragraph_properties(doc, STYLE_TITLE, center, indent=False, snap=False),
            "subtitle": paragraph_properties(doc, STYLE_NAMES[0], center, indent=False),
            "body": paragraph_properties(doc, STYLE_NAMES[0]),
            "flush": paragraph_properties(doc, STYLE_NAMES[0], indent=False),
            # 落款 (署名, 成文日期): right-aligned; the indent is set per document.
            "closing": paragraph_properties(doc, STYLE_NAMES[0], right, indent=False,
                                             right_indent=Twips(RIGHT_PLACEHOLDER_TWIPS)),
            "closing+next": paragraph_properties(
                doc, STYLE_NAMES[0], right, indent=False, keep_next=True,
                right_indent=Twips(RIGHT_PLACEHOLDER_TWIPS)),
            "cell": paragraph_properties(doc, STYLE_NAMES[0], indent=False,
                                          line_spacing=Pt(20), snap=False),
        }
        for level in LEVEL_FONTS:
            ppr[f"h{level}"] = paragraph_properties(doc, STYLE_NAMES[level], keep_next=True)
        rpr = {}
        for mark in (False, True):
            suffix = "+field" if mark else ""
            rpr["title" + suffix] = run_properties(doc, FONT_TITLE, SIZE_TITLE, highlight=mark)
            rpr["body" + suffix] = run_properties(doc, FONT_BODY, SIZE_BODY, highlight=mark)
            rpr["subtitle" + suffix] = run_properties(doc, FONT_LEVEL2, SIZE_BODY,
                                                       highlight=mark)
            rpr["cell" + suffix] = run_properties(doc, FONT_BODY, SIZE_TABLE, highlight=mark)
            for level, (font, bold) in LEVEL_FONTS.items():
                rpr[f"h{level}" + suffix] = run_properties(doc, font, SIZE_BODY, bold, mark)
        return _Formats(ppr, rpr)

    @staticmethod
    def _drop_styles_with_effects(doc: _DocumentObject) -> None:
        """Word 2010's copy of styles.xml (438 KB) in python-docx's template: not needed."""
        for rid, rel in list(doc.part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                doc.part.drop_rel(rid)

    def _static_package(self, doc: _DocumentObject) -> bytes:
        """Every part but word/document.xml and docProps/core.xml, zipped once."""
        saved = io.BytesIO()
        doc.save(saved)
        out = io.BytesIO()
        with zipfile.ZipFile(saved) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                name = info.filename
                if name in ("word/document.xml", "docProps/core.xml", "docProps/thumbnail.jpeg"):
                    continue
                data = src.read(name)
                if name == "word/fontTable.xml":
                    data = declare_fallbacks(data)
                elif name == "word/styles.xml":
                    data = used_styles_only(data)
                elif name == "_rels/.rels":
                    data = without_thumbnail(data)
                dst.writestr(_entry(name), data)
        return out.getvalue()

    # --- one document -------------------------------------------------------------------
    def render(self, blocks: list[Block], title: str | None = None) -> bytes:
        """The .docx bytes of one document."""
        title_text = title or next((b.text for b in blocks if b.kind == "title"), "")
        body: list[str] = []
        roles = layout(blocks)
        # 落款 lines (署名 then 成文日期, or a lone date) → their paragraph kinds.
        closing = self._closing([b for role, b in roles if role == "signature"])
        for role, block in roles:
            if role == "title":
                body.append(self._title(block.text))
            elif role == "subtitle":
                body.append(self._paragraph("subtitle", [("subtitle", block.text)]))
            elif role == "blank":
                # GB/T 9704 7.3.3: one empty line after the title; 7.3.5.2: one before 落款.
                body.append(self._paragraph("flush", []))
            elif role == "gap":
                # 【原文缺失】 in 黑体, the note in 楷体: not the source's text, and no field.
                label = block.text[:len(GAP_LABEL)]
                body.append(self._paragraph("body", [("h1", label), ("subtitle", block.text[
                    len(label):])], fields=False))
            elif role == "table":
                body.append(self._table(block))
            elif role == "heading":
                kind = f"h{block.level}" if block.level in LEVEL_FONTS else "body"
                body.append(self._paragraph(kind, [(kind, block.text)]))
            elif role == "run-in":
                # A run-in heading stays run-in: its sentence in its level's font.
                body.append(self._paragraph("body", [(f"h{block.level}", block.head),
                                                     ("body", block.body)]))
            elif role == "salutation":
                body.append(self._paragraph("flush", [("body", block.text)]))  # 称呼 顶格
            elif role == "signature":
                # The empty line above it (正文下空一行, §7.3.5.2) is layout()'s "blank".
                body.append(self._paragraph(closing[block], [("body", block.text)]))
            else:
                body.append(self._paragraph("body", [("body", block.text)]))
        if blocks and blocks[-1].kind == "table":
            body.append(self._paragraph("flush", []))  # Word wants a paragraph to end on
        document = self._head + "".join(body).encode("utf-8") + self._tail
        return self._package_with(document, title_text)

    def _closing(self, lines: list[Block]) -> dict[Block, str]:
        """Paragraph kinds of the 落款 lines, in order, laid out as a document without a
        seal (GB/T 9704-2012 §7.3.5.2): a download is a draft, not yet sealed."""
        if not lines:
            return {}
        signer = lines[0] if len(lines) > 1 else None
        signer_chars, date_chars = closing_indents(signer and signer.text, lines[-1].text)
        kinds = {}
        if signer is not None:
            kinds[signer] = self._right_indented("closing+next", signer_chars)
        kinds[lines[-1]] = self._right_indented("closing", date_chars)
        return kinds

    def _right_indented(self, kind: str, chars: float) -> str:
        """A prepared 落款 paragraph kind with its right indent of `chars` 字."""
        key = f"{kind}:{chars}"
        if key not in self._formats.ppr:
            twips = round(chars * CHAR_PT * 20)
            self._formats.ppr[key] = self._formats.ppr[kind].replace(
                f'w:right="{RIGHT_PLACEHOLDER_TWIPS}"', f'w:right="{twips}"')
        return key

    def _paragraph(self, kind: str, runs: list[tuple[str, str]], fields: bool = True) -> str:
        out = ["<w:p>", self._formats.ppr[kind]]
        for run_kind, text in runs:
            if run_kind == BREAK:
                out.append(f"<w:r>{self._formats.rpr[kind]}<w:br/></w:r>")
                continue
            for segment, is_field in fill_fields(text) if fields else [(text, False)]:
                key = run_kind + ("+field" if is_field else "")
                out.append(f'<w:r>{self._formats.rpr[key]}<w:t xml:space="preserve">'
                           f"{_xml_text(segment)}</w:t></w:r>")
        out.append("</w:p>")
        return "".join(out)

    def _title(self, text: str) -> str:
        """The title, broken into lines by GB/T 9704-2012 §7.3.1 (export.titlebreak)."""
        runs: list[tuple[str, str]] = []
        for line in title_lines(text, words=self.words):
            if runs:
                runs.append((BREAK, ""))
            runs.append(("title", line))
        return self._paragraph("title", runs)

    def _table(self, block: Block) -> str:
        columns = max((len(r) for r in block.rows), default=0)
        if not columns:
            return ""
        width = TEXT_WIDTH_TWIPS // columns
        out = [TABLE_START, f'<w:gridCol w:w="{width}"/>' * columns, "</w:tblGrid>"]
        for row in block.rows:
            out.append("<w:tr>")
            for col in range(columns):
                text = row[col] if col < len(row) else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                           f'{self._paragraph("cell", [("cell", text)])}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def _package_with(self, document: bytes, title: str) -> bytes:
        out = io.BytesIO(self._package)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf:
            # Level 1: Chinese XML deflates slowly; level 6 took twice as long for 3% less.
            zf.writestr(_entry("word/document.xml"), document, compresslevel=1)
            core = CORE_XML.format(title=escape(title), author=escape(self.author))
            zf.writestr(_entry("docProps/core.xml"), core.encode("utf-8"))
        return out.getvalue()


def _xml_text(text: str) -> str:
    # Control characters are not allowed in XML 1.0: Word refuses the whole file.
    return escape(RE_XML_INVALID.sub("", text))


def _xml_of(element) -> str:
    """An element as XML text without namespace declarations (document.xml declares them)."""
    return RE_XMLNS.sub("", etree.tostring(element, encoding="unicode"))


def _entry(name: str) -> zipfile.ZipInfo:
    # A fixed timestamp: the same page gives byte-identical files from build to build.
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
