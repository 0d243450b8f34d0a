"""GB/T 9704-2012 geometry, fonts and the python-docx formatting pieces of the Word export
(see gongwen.export.docx_export for the layout and why it is built this way)."""
from __future__ import annotations

import re

from docx.document import Document as _DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

# --- GB/T 9704-2012 geometry -------------------------------------------------------
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 37, 35
MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 28, 26
TEXT_WIDTH_MM, TEXT_HEIGHT_MM = 156, 225
TEXT_WIDTH_TWIPS = round(TEXT_WIDTH_MM / 25.4 * 1440)
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
# 225 mm / 22 lines = 28.99 pt; Word rounds to whole twips and 579 (28.95 pt) keeps
# 22 lines safely inside the text block.
LINE_PITCH_TWIPS = 579
LINE_PITCH = Pt(LINE_PITCH_TWIPS / 20)
# 3号 text condensed by 0.25 pt (in 1/20 pt): 15.75 pt a character, 28 in 156 mm.
CONDENSE_TWENTIETHS = -5
# The page number's 一字线 sits 7 mm below the text block; the footer is ~5 mm high.
FOOTER_DISTANCE = Mm(MARGIN_BOTTOM_MM - 7 - 5)

# --- sizes (字号) ------------------------------------------------------------------
SIZE_TITLE = Pt(22)      # 2号
SIZE_BODY = Pt(16)       # 3号
SIZE_PAGE_NUMBER = Pt(14)  # 4号
SIZE_TABLE = Pt(14)      # 4号: tables are usually one size down
INDENT_TWO_CHARS = Pt(32)
CHAR_PT = 16  # one 字 of 3号 text: the unit of 右空二字 and the like

# --- fonts -------------------------------------------------------------------------
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_LEVEL1 = "黑体"
FONT_LEVEL2 = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"
FONT_LATIN = "Times New Roman"
# Declared in the font table as w:altName: used where the first font is not installed.
FONT_FALLBACKS: dict[str, str] = {
    FONT_TITLE: "宋体",
    FONT_BODY: "仿宋",
    FONT_LEVEL2: "楷体",
}

# Level → (east-Asian font, bold): GB/T 9704 7.3.3, level 3 bold by common practice.
LEVEL_FONTS: dict[int, tuple[str, bool]] = {
    1: (FONT_LEVEL1, False),
    2: (FONT_LEVEL2, False),
    3: (FONT_BODY, True),
    4: (FONT_BODY, False),
}
# Built-in styles the package keeps (the footers use Footer; tables use TableGrid).
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid",
               "Header", "HeaderChar", "Footer", "FooterChar"}
# Paragraph styles the document uses, so that Word's navigation pane shows the outline.
STYLE_NAMES = {0: "公文正文", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
STYLE_TITLE = "公文标题"
KEEP_STYLE_NAMES = {STYLE_TITLE, *STYLE_NAMES.values()}

RE_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
RE_XMLNS = re.compile(r'\sxmlns:\w+="[^"]*"')
ZIP_DATE = (2012, 7, 1, 0, 0, 0)  # GB/T 9704-2012 took effect on 1 July 2012


def set_fonts(rpr, east_asian: str, latin: str = FONT_LATIN) -> None:
    """Name the font for every script: python-docx's font.name only sets ascii/hAnsi."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:cs"), latin)


def condense(rpr) -> None:
    """Character spacing of 3号 text, so that 28 characters fill a 156 mm line."""
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(CONDENSE_TWENTIETHS))
    # Schema order in w:rPr: …, w:spacing, w:w, w:kern, w:position, w:sz, ….
    size = rpr.find(qn("w:sz"))
    if size is not None:
        size.addprevious(spacing)
    else:
        rpr.append(spacing)


def run_properties(doc: _DocumentObject, east_asian: str, size, bold: bool = False,
                    highlight: bool = False, latin: str = FONT_LATIN):
    """A prepared w:rPr, made with python-docx and deep-copied into every run of its kind."""
    run = doc.add_paragraph().add_run("x")
    run.font.size = size
    run.font.bold = bold
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, east_asian, latin)
    if size == SIZE_BODY:
        condense(rpr)
    run._r.getparent().getparent().remove(run._r.getparent())
    return rpr


def paragraph_properties(doc: _DocumentObject, style: str, align=None, indent=True,
                          right_indent=None, line_spacing=LINE_PITCH, keep_next=False,
                          snap=True):
    paragraph = doc.add_paragraph(style=style)
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line_spacing
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = INDENT_TWO_CHARS if indent else Pt(0)
    if right_indent is not None:
        fmt.right_indent = right_indent
    if align is not None:
        fmt.alignment = align
    if keep_next:
        fmt.keep_with_next = True
    ppr = paragraph._p.get_or_add_pPr()
    if indent:
        # In character units too, so that the indent follows the character grid in Word/WPS.
        ind = ppr.find(qn("w:ind"))
        ind.set(qn("w:firstLineChars"), "200")
    if not snap:
        # Lines taller than the grid (2号 title) would take two grid lines in LibreOffice.
        off = OxmlElement("w:snapToGrid")
        off.set(qn("w:val"), "0")
        ppr.find(qn("w:spacing")).addprevious(off)
    paragraph._p.getparent().remove(paragraph._p)
    return ppr


def add_page_number(footer, odd: bool) -> None:
    """— PAGE — in 4号 宋体: odd pages right, even pages left, one character from the edge."""
    paragraph = footer.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        fmt.right_indent = SIZE_PAGE_NUMBER
    else:
        fmt.left_indent = SIZE_PAGE_NUMBER

    def run(text: str | None = None, field: str | None = None, instr: str | None = None):
        r = paragraph.add_run(text or "")
        r.font.size = SIZE_PAGE_NUMBER
        set_fonts(r._r.get_or_add_rPr(), FONT_PAGE_NUMBER, FONT_PAGE_NUMBER)
        if field:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), field)
            r._r.append(fld)
        if instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            r._r.append(el)
        return r

    run("— ")
    run(field="begin")
    run(instr=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def declare_fallbacks(font_table: bytes) -> bytes:
    """Add the GB/T 9704 fonts to word/fontTable.xml, each with its w:altName fallback."""
    root = etree.fromstring(font_table)
    known = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name in (FONT_TITLE, FONT_BODY, FONT_LEVEL1, FONT_LEVEL2, FONT_PAGE_NUMBER):
        if name in known:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        if name in FONT_FALLBACKS:
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), FONT_FALLBACKS[name])
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312 charset
        etree.SubElement(font, qn("w:family")).set(
            qn("w:val"), "modern" if name != FONT_LEVEL1 else "swiss")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "fixed")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def used_styles_only(styles: bytes) -> bytes:
    """Drop python-docx's ~150 unused table and list styles: a third of every file's size."""
    root = etree.fromstring(styles)
    for style in root.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:styleId")) in KEEP_STYLES or (
                name is not None and name.get(qn("w:val")) in KEEP_STYLE_NAMES):
            continue
        root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def without_thumbnail(rels: bytes) -> bytes:
    """python-docx's template ships a sample thumbnail; Explorer would show it for every file."""
    root = etree.fromstring(rels)
    for rel in list(root):
        if rel.get("Target", "").endswith("thumbnail.jpeg"):
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
