"""Word (.docx) and plain-text downloads: links on the built site, GB/T 9704 layout, PDF."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from gongwen.export.docx_export import DocxWriter
from gongwen.export.plaintext import character_count, document_blocks, to_text
from gongwen.text.syntax import GAP_TITLE

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
RE_DOCX_LINK = re.compile(r'<a [^>]*href="([^"]+\.docx)"[^>]*>下载 Word（\.docx）</a>')
RE_TXT_LINK = re.compile(r'<a [^>]*href="([^"]+\.txt)"[^>]*>下载纯文本（\.txt）</a>')


def _kind(page: Path) -> str | None:
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return None
    meta = yaml.safe_load(text.split("---", 2)[1]) or {}
    return meta.get("kind")


def download_pages() -> list[Path]:
    """Every template and exemplar page of the real site."""
    return sorted(p for p in DOCS.rglob("*.md") if _kind(p) in ("template", "exemplar"))


def html_of(site: Path, page: Path) -> Path:
    rel = page.relative_to(DOCS).with_suffix("")
    if rel.name == "index":
        return site / rel.parent / "index.html"
    return site / rel / "index.html"


def downloads_of(site: Path, page: Path) -> tuple[Path, Path]:
    html = html_of(site, page)
    text = html.read_text(encoding="utf-8")
    docx, txt = RE_DOCX_LINK.search(text), RE_TXT_LINK.search(text)
    assert docx and txt, f"{html}: 没有“下载 Word（.docx）”或“下载纯文本（.txt）”链接"
    return html.parent / docx.group(1), html.parent / txt.group(1)


def east_asian(run) -> str | None:
    fonts = run._r.rPr.rFonts if run._r.rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def biggest_exemplar() -> Path:
    exemplars = [p for p in download_pages() if _kind(p) == "exemplar"]
    return max(exemplars, key=lambda p: character_count(document_blocks(p.read_text("utf-8"))))


# --- the built site ------------------------------------------------------------------

def test_every_template_and_exemplar_links_existing_downloads(built_site):
    pages = download_pages()
    assert len([p for p in pages if p.name == "template.md"]) == 5
    assert any("exemplars" in p.parts for p in pages)
    for page in pages:
        docx, txt = downloads_of(built_site.site, page)
        assert docx.is_file(), f"{page}: 链接的 {docx.name} 不存在"
        assert txt.is_file(), f"{page}: 链接的 {txt.name} 不存在"
        assert zipfile.is_zipfile(docx)
        Document(str(docx))  # python-docx reads it back


def test_download_links_are_absent_from_other_pages(built_site):
    for page in (DOCS / "index.md", DOCS / "summary" / "index.md", DOCS / "guide" / "index.md"):
        text = html_of(built_site.site, page).read_text(encoding="utf-8")
        assert "下载 Word（.docx）" not in text, page


def test_exemplar_docx_has_gbt9704_page_and_fonts(built_site):
    page = biggest_exemplar()
    docx, _ = downloads_of(built_site.site, page)
    doc = Document(str(docx))
    section = doc.sections[0]
    for got, want in ((section.page_width, 210), (section.page_height, 297),
                      (section.top_margin, 37), (section.bottom_margin, 35),
                      (section.left_margin, 28), (section.right_margin, 26)):
        assert abs(got - Mm(want)) < Mm(0.1), (got.mm, want)
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert abs(text_width - Mm(156)) < Mm(0.1) and abs(text_height - Mm(225)) < Mm(0.1)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 225 mm / 22 lines

    title = doc.paragraphs[0]
    # A long title is broken into lines (GB/T 9704-2012 §7.3.1, tests/test_downloads.py).
    assert title.text.replace("\n", "") == document_blocks(page.read_text("utf-8"))[0].text
    assert title.alignment == 1  # centred
    assert {east_asian(r) for r in title.runs} == {"方正小标宋简体"}
    assert {r.font.size for r in title.runs} == {Pt(22)}

    body = [p for p in doc.paragraphs[1:] if p.text and p.style.name == "公文正文"
            and len(p.runs) == 1]
    assert body, "没有正文段落"
    for paragraph in body[:5]:
        run = paragraph.runs[0]
        assert east_asian(run) == "仿宋_GB2312" and run.font.size == Pt(16)
        fmt = paragraph.paragraph_format
        assert fmt.line_spacing == Pt(28.95)
    assert any(p.paragraph_format.first_line_indent == Pt(32) for p in body)

    # Page numbers: a PAGE field between 一字线, 4号 half-width digits, in the footer.
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert "PAGE" in "".join(footer._p.itertext())
    assert {r.font.size for r in footer.runs} == {Pt(14)}
    # 4号半角宋体 (§7.5): the digits too are 宋体; odd pages right, even pages left.
    assert {east_asian(r) for r in footer.runs} == {"宋体"}
    assert {r._r.rPr.rFonts.get(qn("w:ascii")) for r in footer.runs} == {"宋体"}
    assert footer.alignment == 2 and section.even_page_footer.paragraphs[0].alignment == 0


def test_fallback_fonts_are_declared_in_font_table(built_site):
    docx, _ = downloads_of(built_site.site, biggest_exemplar())
    table = zipfile.ZipFile(docx).read("word/fontTable.xml").decode("utf-8")
    for font, fallback in (("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"),
                           ("楷体_GB2312", "楷体")):
        assert re.search(rf'w:name="{font}">\s*<w:altName w:val="{fallback}"/>', table), font


def test_guidance_and_notes_are_not_exported(built_site):
    for page in download_pages():
        source = page.read_text(encoding="utf-8")
        docx, txt = downloads_of(built_site.site, page)
        exported = "\n".join(p.text for p in Document(str(docx)).paragraphs)
        plain = txt.read_bytes().decode("utf-8-sig")
        for admonition in re.findall(r'^(?:!!!|\?\?\?\+?) \w+ "([^"]+)"', source, re.MULTILINE):
            if admonition == GAP_TITLE:
                continue  # a gap in the source stays visible (tests/test_downloads.py)
            assert admonition not in exported and admonition not in plain, (page, admonition)
        if "<!-- gongwen:end -->" in source:
            notes = source.split("<!-- gongwen:end -->", 1)[1]
            for line in notes.splitlines():
                line = re.sub(r"[#*>\-\s]", "", line)
                if len(line) > 30:
                    assert line[:30] not in exported, (page, line[:30])


def test_template_fill_in_fields_are_highlighted(built_site):
    docx, _ = downloads_of(built_site.site, DOCS / "summary" / "template.md")
    runs = [r for p in Document(str(docx)).paragraphs for r in p.runs]
    fields = [r for r in runs if r.text.startswith("【") and r.text.endswith("】")]
    assert fields, "模板中应有【…】填写项"
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in fields)
    assert all(r.font.highlight_color is None for r in runs if "【" not in r.text)


def test_txt_download_opens_in_notepad(built_site):
    page = biggest_exemplar()
    _, txt = downloads_of(built_site.site, page)
    data = txt.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "应为带 BOM 的 UTF-8"
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig").replace("\r\n", "\n")
    assert text == to_text(document_blocks(page.read_text("utf-8")))
    assert "**" not in text and "<span" not in text and "!!!" not in text


# --- layout of every heading level (a page made for the test) -----------------------

PAGE = """---
title: 测试
doctype: summary
kind: template
---

# 【单位名称】关于某项工作的情况报告

!!! tip "写法提示"

    这段是写作提示，不是公文正文。

【单位名称】根据要求开展了工作。现将有关情况报告如下：(1)
{ .annotate }

1.  注释不是正文。

## 一、主要做法

### （一）健全制度

1.明确分工

（1）细化职责

<span id="er"></span>**（二）强化落实。**一是加强督查；二是严格考核。

**1.建立台账。**按月更新。

**（1）明确时限。**【完成时限】前完成。

【单位名称】

【成文日期】

<!-- gongwen:end -->

## 评注

这段评注不进入下载文件。
"""


@pytest.fixture(scope="module")
def made():
    blocks = document_blocks(PAGE)
    return blocks, Document(__import__("io").BytesIO(DocxWriter().render(blocks)))


def _paragraph(doc, start: str):
    return next(p for p in doc.paragraphs if p.text.startswith(start))


@pytest.mark.parametrize("start,level_font,bold", [
    ("一、主要做法", "黑体", False),
    ("（一）健全制度", "楷体_GB2312", False),
    ("1.明确分工", "仿宋_GB2312", True),
    ("（1）细化职责", "仿宋_GB2312", False),
])
def test_standalone_heading_has_its_level_font(made, start, level_font, bold):
    _, doc = made
    paragraph = _paragraph(doc, start)
    assert [east_asian(r) for r in paragraph.runs] == [level_font]
    assert bool(paragraph.runs[0].font.bold) is bold
    assert paragraph.runs[0].font.size == Pt(16)


@pytest.mark.parametrize("start,head,level_font", [
    ("（二）强化落实。", "（二）强化落实。", "楷体_GB2312"),
    ("1.建立台账。", "1.建立台账。", "仿宋_GB2312"),
])
def test_run_in_heading_stays_run_in(made, start, head, level_font):
    _, doc = made
    paragraph = _paragraph(doc, start)
    assert paragraph.runs[0].text == head and east_asian(paragraph.runs[0]) == level_font
    assert east_asian(paragraph.runs[1]) == "仿宋_GB2312"
    assert paragraph.paragraph_format.first_line_indent == Pt(32)


def test_guidance_annotations_and_notes_stay_out(made):
    _, doc = made
    text = "\n".join(p.text for p in doc.paragraphs)
    for absent in ("写作提示", "注释不是正文", "评注", "(1)", "**", "<span"):
        assert absent not in text, absent
    assert text.startswith("【单位名称】关于某项工作的情况报告\n\n【单位名称】根据要求")
    assert "".join(r.text for r in _paragraph(doc, "（1）明确时限").runs) == \
        "（1）明确时限。【完成时限】前完成。"


def _right_chars(paragraph) -> float:
    """A paragraph's right indent in 字 of 3号 (16 pt) text."""
    return paragraph.paragraph_format.right_indent.pt / 16


def _closing_of(signer: str, date: str):
    page = PAGE.replace("【单位名称】\n\n【成文日期】", f"{signer}\n\n{date}")
    doc = Document(__import__("io").BytesIO(DocxWriter().render(document_blocks(page))))
    paragraphs = doc.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == signer)
    return paragraphs[index - 1], paragraphs[index], paragraphs[index + 1]


def test_signature_and_date_are_laid_out_without_a_seal(made):
    """GB/T 9704-2012 §7.3.5.2: 署名右空二字 after a blank line, 成文日期 on the next line
    with its first character two characters right of the 署名's first."""
    _, doc = made
    blank, signer, date = _closing_of("中共某某市教育局党组", "2025年1月5日")
    assert blank.text == "" and [signer.alignment, date.alignment] == [2, 2]  # right
    assert _right_chars(signer) == 2
    # 10 characters of 署名; the date is 6 字 (digits are half-width): 右空 10 + 2 - 2 - 6.
    assert _right_chars(date) == 4
    assert signer.paragraph_format.keep_with_next  # never split from its date
    assert _paragraph(doc, "【单位名称】根据").alignment is None  # an ordinary paragraph


def test_a_date_longer_than_the_signature_is_two_characters_in(made):
    """§7.3.5.2: a date longer than the 署名 is 右空二字; the 署名 moves left to match."""
    _, signer, date = _closing_of("张某某", "2025年12月31日")
    assert _right_chars(date) == 2
    # The date is 7 字: its first character sits 2 + 7 字 from the edge, the 署名's 2 further.
    assert _right_chars(signer) + 3 == 2 + 7 + 2


def test_template_placeholders_follow_the_same_clause(made):
    _, doc = made
    closing = [p for p in doc.paragraphs if p.text in ("【单位名称】", "【成文日期】")]
    assert [_right_chars(p) for p in closing] == [4, 2]  # equal lengths: the date 右空二字


# --- LibreOffice: the page count a printer would see --------------------------------

def _pdf_pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                             check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def test_libreoffice_page_count_matches_22_by_28_grid(built_site, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("未安装 LibreOffice（soffice）：运行 scripts/test.sh 会安装 libreoffice-writer")
    page = biggest_exemplar()
    docx, _ = downloads_of(built_site.site, page)
    profile = (tmp_path / "lo-profile").as_uri()
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    assert pdf.is_file(), proc.stdout + proc.stderr
    pages = _pdf_pages(pdf)
    expected = character_count(document_blocks(page.read_text("utf-8"))) / 616
    assert abs(pages - expected) <= 0.3 * expected, (pages, expected)
