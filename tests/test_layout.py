"""Page layout a reader notices: titles and footers, the phone's first screen, printing.

Static checks read the built HTML; the rest runs in Debian's chromium (tests/test_browser.py).
"""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from gongwen.site.compact import compact_html
from test_browser import EXEMPLAR_000, PHONE, browser, new_context, open_page, site_url

__all__ = ["browser", "site_url"]  # fixtures shared with test_browser

sys.path.insert(0, str(ROOT / "scripts"))
from make_corpus import make_corpus

TEMPLATE = "summary/template/"
EXEMPLAR_PAGES = sorted(ROOT.glob("docs/*/exemplars/*.md"))
TYPE_PAGES = ["self-review", "summary", "plan", "speech", "progress-report"]


def built(built_site, path: str) -> str:
    return (built_site.site / path / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- titles and footers


def test_home_title_is_the_site_name_once(built_site):
    assert re.findall(r"<title>(.*?)</title>", built(built_site, "")) == ["公文写作范本库"]


def footer_titles(page: str) -> list[str]:
    """上一页 / 下一页 labels of a built page's footer, as the reader sees them."""
    found = re.findall(
        r'<span class="md-footer__direction">\s*(上一页|下一页)\s*</span>\s*'
        r'<div class="md-ellipsis">\s*(.*?)\s*</div>', page, re.DOTALL)
    return [f"{direction} {title}" for direction, title in found]


@pytest.mark.parametrize("doctype", TYPE_PAGES)
def test_type_page_footer_names_the_pages_it_links(built_site, doctype):
    footer = footer_titles(built(built_site, f"{doctype}/"))
    assert len(footer) == 2, footer
    # Not 「上一页 模板 / 下一页 模板」 on every type page: each link says which page.
    assert footer[1].startswith("下一页 ") and footer[1].endswith("模板")
    assert footer[1] != "下一页 模板"
    assert "上一页 模板" not in footer


# ---------------------------------------------------------------- exemplars in the nav


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def active_tab(page: str) -> str:
    tab = re.search(r'<li class="md-tabs__item md-tabs__item--active">\s*<a [^>]*>\s*(.*?)\s*</a>',
                    page, re.DOTALL)
    return tab.group(1) if tab else ""


def active_nav_links(page: str) -> list[str]:
    found = re.findall(r'<a href="[^"]*" class="md-nav__link md-nav__link--active">\s*'
                       r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page, re.DOTALL)
    return [re.sub(r"\s+", "", t) for t in found]


@pytest.mark.parametrize("source", EXEMPLAR_PAGES, ids=lambda p: p.stem)
def test_exemplar_page_has_its_tab_sidebar_and_neighbours(built_site, source):
    doctype = source.parent.parent.name
    page = built(built_site, f"{doctype}/exemplars/{source.stem}")
    type_title = front_matter(ROOT / "docs" / doctype / "index.md")["title"]
    assert active_tab(page) == type_title  # the type's tab is highlighted
    assert front_matter(source)["title"] in active_nav_links(page)  # and the page in the sidebar
    assert "范文" in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page, re.DOTALL)
    footer = footer_titles(page)
    assert [f.split()[0] for f in footer] == ["上一页", "下一页"], footer


def test_a_long_exemplar_list_is_grouped_and_only_the_own_group_rendered(tmp_path):
    corpus = make_corpus(tmp_path / "c", 5)  # one more exemplar per type: two each
    config = corpus.config.read_text(encoding="utf-8")
    corpus.config.write_text(config.replace("\nextra:\n", "\nextra:\n  gongwen:\n"
                                            "    list_page_size: 1\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
                          cwd=corpus.root, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (site / "summary" / "exemplars" / "syn-00001" / "index.html").read_text("utf-8")
    labels = re.findall(r'<span class="md-ellipsis">\s*(第\d+–\d+篇)\s*</span>', page)
    assert labels == ["第1–1篇", "第2–2篇"]
    # The other group is one pruned link, not a list of its pages.
    pruned = re.findall(r'md-nav__item--pruned[^>]*>\s*<a href="([^"]*)"[^>]*>\s*'
                        r'<span class="md-ellipsis">\s*(第\d+–\d+篇)', page)
    assert len(pruned) == 1, pruned
    sidebar = page[page.index("md-sidebar--primary"):page.index("md-sidebar--secondary")]
    assert sidebar.count(f'href="{pruned[0][0]}"') == 1
    assert active_tab(page) == "工作总结"
    assert [f.split()[0] for f in footer_titles(page)] == ["上一页", "下一页"]


# ---------------------------------------------------------------- whitespace between tags


def test_compact_html_keeps_one_line_break_per_run_of_whitespace():
    page = ('<ul>\n    \n      <li class="a">\n        <a href="x">链接</a>\n      </li>\n</ul>'
            '<p>一行\n  文字</p>\n<pre><code>server {\n\n    listen 80;\n}</code></pre>\n  <p>后</p>'
            '<p>行内 <code>a\n\n  b</code> 代码</p>'
            '<script>\n  var a = 1;\n\n</script>')
    assert compact_html(page) == (
        '<ul>\n<li class="a">\n<a href="x">链接</a>\n</li>\n</ul>'
        '<p>一行\n文字</p>\n<pre><code>server {\n\n    listen 80;\n}</code></pre>\n<p>后</p>'
        '<p>行内 <code>a\n\n  b</code> 代码</p>'
        '<script>\n  var a = 1;\n\n</script>')


def test_built_pages_keep_code_blocks_exactly(built_site):
    page = built(built_site, "maintain/deploy")
    assert "\n    \n" not in page.split("<pre", 1)[0]  # the nav's blank lines are gone
    assert "    location /assets/ {\n        expires 30d;\n    }" in html.unescape(
        re.sub(r"<[^>]+>", "", page))


# ---------------------------------------------------------------- phone: the text first


@pytest.mark.parametrize("path", [TEMPLATE, EXEMPLAR_000])
def test_phone_first_screen_shows_the_document_and_one_tools_button(path, site_url, browser):
    context = new_context(browser, viewport=PHONE)
    page = open_page(context, site_url + path)
    toggle = page.get_by_role("button", name="下载、复制与结构检查")
    toggle.wait_for()
    # The first screen: title and the first paragraph of the document, tools folded.
    height = PHONE["height"]
    for selector in ("article h1", "article h1 ~ p"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["y"] + min(box["height"], 40) < height, (selector, box)
    assert not page.locator(".gw-downloads").is_visible()
    assert not page.locator(".gw-check").is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".gw-downloads").is_visible()
    assert page.locator(".gw-check").is_visible()
    assert page.get_by_role("button", name="复制全文").is_visible()
    # Stacked download buttons share one width.
    widths = {round(page.locator(s).bounding_box()["width"])
              for s in (".gw-downloads__docx", ".gw-downloads__txt")}
    assert len(widths) == 1, widths
    assert page.errors == []
    context.close()


def test_desktop_shows_the_tools_without_a_fold(site_url, context):
    page = open_page(context, site_url + TEMPLATE)
    page.locator(".gongwen-copy-toolbar").wait_for()
    assert not page.get_by_role("button", name="下载、复制与结构检查").is_visible()
    assert page.locator(".gw-downloads").is_visible()
    assert page.get_by_role("button", name="复制提纲").is_visible()


def test_run_in_copy_button_does_not_split_the_reading_line(site_url, context):
    # 「（一）带头强化政治忠诚、提高政治能力方面。[复制本节] 作为…」 read as one line before.
    page = open_page(context, site_url + EXEMPLAR_000)
    button = page.locator("button.gongwen-copy-section--runin").first
    button.wait_for()
    strong = page.locator("p > strong", has=page.locator("xpath=following-sibling::button"))
    assert button.evaluate("b => getComputedStyle(b).float") == "right"
    box, text = button.bounding_box(), strong.first.bounding_box()
    assert box["x"] > text["x"] + text["width"]  # beside the line, at the right edge


# ---------------------------------------------------------------- print


HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer",
                   ".gw-tools", ".gongwen-copy-section", ".gongwen-copy-toolbar"]


@pytest.mark.parametrize("path", [TEMPLATE, EXEMPLAR_000])
def test_print_shows_the_document_only(path, site_url, context):
    page = open_page(context, site_url + path)
    page.locator(".gongwen-copy-toolbar").wait_for()
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} 不应打印"
    # Guidance boxes (写作要点, 关于本范文) and 评注 are not the document.
    assert not any(e.is_visible() for e in page.locator("article .admonition:not(.failure)").all())
    assert not any(e.is_visible() for e in page.locator("article details").all())
    assert not page.locator("article h2", has_text="评注").is_visible()
    assert page.locator("article h1").is_visible()
    assert page.locator("article h1 ~ p").first.is_visible()
    # A heading stays with its first paragraph.
    breaks = page.locator("article h2").first.evaluate("h => getComputedStyle(h).breakAfter")
    assert breaks in ("avoid-page", "avoid")
    assert page.errors == []


def test_print_keeps_the_missing_text_markers(site_url, context):
    page = open_page(context, site_url + EXEMPLAR_000)
    page.emulate_media(media="print")
    markers = page.locator("article .admonition.failure")
    assert markers.count() >= 1
    assert all(m.is_visible() for m in markers.all())


def test_print_page_is_a4_with_gbt9704_margins(site_url, context, tmp_path):
    page = open_page(context, site_url + TEMPLATE)
    # GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm on A4 (210 × 297 mm).
    margins = page.evaluate("""() => {
        for (const sheet of document.styleSheets) {
            let rules; try { rules = sheet.cssRules } catch (e) { continue }
            for (const r of rules) if (r instanceof CSSPageRule && /a4/i.test(r.style.size))
                return [r.style.marginTop, r.style.marginRight, r.style.marginBottom,
                        r.style.marginLeft]
        }
    }""")
    assert margins == ["37mm", "26mm", "35mm", "28mm"]
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "PDF 中没有页面"
    for width, height in boxes:  # A4 in points: 595.3 × 841.9
        assert abs(float(width) - 595.3) < 1 and abs(float(height) - 841.9) < 1.5


@pytest.fixture
def context(browser):
    context = new_context(browser)
    yield context
    assert context.guard.offsite == []
    context.close()
