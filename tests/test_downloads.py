"""What a writer gets in the downloads: file names, 原文缺失 markers, no false fill-in
fields, and titles broken the way GB/T 9704-2012 §7.3.1 asks. Read back with python-docx."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from docx import Document
from gongwen.export.docx_export import DocxWriter
from gongwen.export.downloads import dictionary_words
from gongwen.export.plaintext import document_blocks, fill_fields
from gongwen.export.titlebreak import TITLE_WIDTH, title_lines, width
from gongwen.text.syntax import GAP_LABEL
from test_docx import DOCS, download_pages, downloads_of, html_of

RE_GAP = re.compile(r'^!!! failure "原文缺失"\n\n((?:    .*\n?)+)', re.MULTILINE)
WORDS = dictionary_words(ROOT / "search" / "userdict.txt")


def front_matter(page: Path) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1]) or {}


def gap_pages() -> list[Path]:
    return [p for p in download_pages() if RE_GAP.search(p.read_text(encoding="utf-8"))]


def txt_lines(txt: Path) -> list[str]:
    return txt.read_bytes().decode("utf-8-sig").split("\r\n")


# --- names ---------------------------------------------------------------------------

def test_downloads_are_named_after_the_page_title(built_site):
    names = []
    for page in download_pages():
        title = front_matter(page)["title"]
        html = html_of(built_site.site, page).read_text(encoding="utf-8")
        assert re.findall(r'download="([^"]+)"', html) == [f"{title}.docx", f"{title}.txt"]
        names.append(title)
    templates = [front_matter(p)["title"] for p in download_pages() if p.name == "template.md"]
    assert templates and all(t.endswith("模板") and t != "模板" for t in templates)
    assert len(set(names)) == len(names), "两个页面的下载文件同名，后下载的会覆盖先下载的"


# --- 原文缺失 markers ----------------------------------------------------------------------

@pytest.mark.parametrize("page", gap_pages(), ids=lambda p: p.stem)
def test_gaps_stay_marked_in_txt_and_docx(built_site, page):
    source = page.read_text(encoding="utf-8")
    notes = [re.sub(r"<[^>]+>|\s", "", m.group(1)) for m in RE_GAP.finditer(source)]
    docx, txt = downloads_of(built_site.site, page)
    markers = [line.strip("\u3000") for line in txt_lines(txt) if GAP_LABEL in line]
    assert len(markers) == len(notes), "纯文本中缺失处的标记数与页面上的不一致"
    for marker, note in zip(markers, notes):
        assert marker.startswith(GAP_LABEL)
        assert re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", note)[:20] in re.sub(r"\s", "", marker)
    paragraphs = [p for p in Document(str(docx)).paragraphs if p.text.startswith(GAP_LABEL)]
    assert [p.text for p in paragraphs] == markers
    for paragraph in paragraphs:  # a label, not a field to fill in
        assert all(r.font.highlight_color is None for r in paragraph.runs)
        assert paragraph.runs[0].text == GAP_LABEL


def test_the_truncation_of_000_is_marked_where_the_text_breaks_off(built_site):
    page = DOCS / "self-review" / "exemplars" / "000_ee8c9e6e73e8fbdf.md"
    _, txt = downloads_of(built_site.site, page)
    lines = txt_lines(txt)
    cut = next(i for i, line in enumerate(lines) if line.endswith("前瞻性研究。利用"))
    assert lines[cut + 1].startswith("\u3000\u3000" + GAP_LABEL + "原文在“利用”处中断")
    assert lines[cut + 2].startswith("\u3000\u3000轻党性”的倾向。")  # the text resumes apart
    assert lines[-2].startswith("\u3000\u3000" + GAP_LABEL + "按【提纲】，此处应有第三部分")


def test_a_gap_is_passed_over_by_the_checker():
    from gongwen.check.document import read

    page = "# 标题\n\n一、甲\n\n前文。\n\n!!! failure \"原文缺失\"\n\n    二、乙 缺失。\n\n三、丙\n"
    doc = read(page, "x.md", markdown=True)
    assert [h.title for h in doc.headings] == ["甲", "丙"]
    blocks = document_blocks(page)
    assert [b.kind for b in blocks] == ["title", "heading", "paragraph", "gap", "heading"]
    assert blocks[3].text == GAP_LABEL + "二、乙 缺失。"


# --- 【提纲】 is not a fill-in field -------------------------------------------------------

def test_outline_label_is_not_highlighted():
    assert fill_fields("【提纲】一、问题。【单位名称】") == [
        ("【提纲】一、问题。", False), ("【单位名称】", True)]
    blocks = document_blocks("# 标题\n\n【提纲】一、问题。二、原因。\n\n一、问题\n")
    doc = Document(io.BytesIO(DocxWriter().render(blocks)))
    runs = [r for p in doc.paragraphs for r in p.runs]
    assert any("【提纲】" in r.text for r in runs)
    assert all(r.font.highlight_color is None for r in runs)


def test_exemplar_downloads_highlight_nothing(built_site):
    exemplars = [p for p in download_pages() if front_matter(p)["kind"] == "exemplar"]
    assert any("【提纲】" in p.read_text(encoding="utf-8") for p in exemplars)
    for page in exemplars:
        docx, _ = downloads_of(built_site.site, page)
        highlighted = [r.text for p in Document(str(docx)).paragraphs for r in p.runs
                       if r.font.highlight_color is not None]
        assert highlighted == [], (page.name, highlighted)


# --- titles (GB/T 9704-2012 §7.3.1) --------------------------------------------------------

def _is_trapezoid_or_diamond(lengths: list[float]) -> bool:
    peak = lengths.index(max(lengths))
    return lengths[:peak + 1] == sorted(lengths[:peak + 1]) and \
        lengths[peak:] == sorted(lengths[peak:], reverse=True)


def test_a_short_title_stays_on_one_line():
    assert title_lines("主题教育进展情况汇报") == ["主题教育进展情况汇报"]


def test_the_summary_template_title_leaves_no_lone_character():
    lines = title_lines("【单位名称】【时间段】【工作名称】工作总结", words=WORDS)
    assert lines == ["【单位名称】【时间段】", "【工作名称】工作总结"]


@pytest.mark.parametrize("title,whole", [
    ("市教育局党组书记2025年度民主生活会对照检查发言材料", ["民主生活会", "2025年度"]),
    ("关于印发《党政机关公文处理工作条例》的通知", ["《党政机关公文处理工作条例》"]),
    ("在教育系统全面从严治党和党风廉政建设工作会议上的讲话", ["全面从严治党", "党风廉政建设"]),
    ("中共某某市教育局党组关于2025年度民主生活会召开情况及整改落实情况的报告",
     ["民主生活会", "2025年度"]),
])
def test_long_titles_break_between_words_into_a_trapezoid_or_diamond(title, whole):
    lines = title_lines(title, words=WORDS)
    assert "".join(lines) == title and len(lines) > 1
    lengths = [width(line) for line in lines]
    assert max(lengths) <= TITLE_WIDTH and min(lengths) >= 2, lines
    assert _is_trapezoid_or_diamond(lengths), lines
    for word in whole:
        assert any(word in line for line in lines), (word, lines)
    assert not any(line.endswith(("的", "和", "关于")) for line in lines[:-1]), lines


def test_docx_titles_are_broken_between_words(built_site):
    import jieba

    for page in download_pages():
        docx, _ = downloads_of(built_site.site, page)
        title = Document(str(docx)).paragraphs[0]
        lines = title.text.split("\n")
        whole = "".join(lines)
        assert whole == document_blocks(page.read_text(encoding="utf-8"))[0].text
        if width(whole) <= TITLE_WIDTH:
            assert len(lines) == 1, (page, lines)
            continue
        lengths = [width(line) for line in lines]
        assert max(lengths) <= TITLE_WIDTH and min(lengths) >= 2, (page, lines)
        assert _is_trapezoid_or_diamond(lengths), (page, lines)
        # Every break falls between two of jieba's words or at a 【】 field's edge.
        bounds, pos = set(), 0
        for token in jieba.lcut(whole):
            pos += len(token)
            bounds.add(pos)
        pos = 0
        for line in lines[:-1]:
            pos += len(line)
            assert pos in bounds or whole[pos - 1] == "】" or whole[pos] == "【", (page, lines)


# --- 落款 (GB/T 9704-2012 §7.3.5.2: 正文下空一行) ----------------------------------------------

def test_one_blank_line_between_the_text_and_the_signature():
    from gongwen.export.plaintext import to_text

    blocks = document_blocks("# 关于某项工作的报告\n\n正文写完了。\n\n某某市教育局\n\n2025年1月5"
                             "日\n")
    # Set right on a 28-character line: 署名 右空四字 here, 成文日期 右空二字, its first
    # character two right of the 署名's first (GB/T 9704-2012 §7.3.5.2; 2025 is two 字).
    assert to_text(blocks).split("\n") == [
        "关于某项工作的报告", "", "\u3000\u3000正文写完了。", "", "\u3000" * 18 + "某某市教育局",
        "\u3000" * 20 + "2025年1月5日", ""]
    # A longer 署名: the date keeps its place two right of the 署名's first character.
    long = document_blocks("# 报告\n\n正文。\n\n中共某某市教育局委员会办公室\n\n2025年1月5日\n")
    signer, date = to_text(long).split("\n")[-3:-1]
    assert signer == "\u3000" * 12 + "中共某某市教育局委员会办公室"  # 28 − 14 − 2
    assert date == "\u3000" * 14 + "2025年1月5日"  # 28 − 6 − (14 − 6)
    # A date alone: 右空二字.
    alone = document_blocks("# 报告\n\n正文写完了。\n\n【成文日期】\n")
    assert to_text(alone).split("\n")[-2] == "\u3000" * 20 + "【成文日期】"
    doc = Document(io.BytesIO(DocxWriter().render(blocks)))
    assert [p.text for p in doc.paragraphs] == [
        "关于某项工作的报告", "", "正文写完了。", "", "某某市教育局", "2025年1月5日"]
    assert [p.alignment for p in doc.paragraphs[-2:]] == [2, 2]  # set right
