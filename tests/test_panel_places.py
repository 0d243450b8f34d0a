"""The 结构检查 panel names the paragraph a finding is in (its first words, linked), never a
Markdown source line a reader cannot see; the CLI keeps line numbers."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys

from conftest import ROOT
from gongwen.check.document import read
from gongwen.site.panel import mark_paragraphs, paragraph_places, places

RE_PANEL = re.compile(r'<details class="gw-check.*?</details>', re.DOTALL)
RE_PLACE = re.compile(r'<a class="gw-line" href="#([^"]+)">(?:见)?“([^”<]+)”</a>')


def text_of(fragment: str) -> str:
    return re.sub(r"\s", "", html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def typed_pages(site) -> list[tuple[str, dict]]:
    report = json.loads((site / "gongwen-report.json").read_text("utf-8"))
    return [(entry["url"], entry) for entry in report["files"] if entry["doctype"]]


def test_panels_show_paragraphs_not_source_lines(built_site):
    pages = typed_pages(built_site.site)
    assert pages
    linked = 0
    for url, entry in pages:
        page = (built_site.site / url / "index.html").read_text("utf-8")
        panel = RE_PANEL.search(page).group(0)
        assert not re.search(r"第\s*\d+\s*行", text_of(panel)), url
        for anchor, words in RE_PLACE.findall(panel):
            target = re.search(rf'\sid="{re.escape(anchor)}"[^>]*>', page)
            assert target, f"{url}: 面板链接 #{anchor} 在页面中没有对应的元素"
            following = page[target.end():target.end() + 3000].split("</p>")[0]
            assert text_of(following).startswith(words.removesuffix("……")), \
                (url, anchor, words)
            linked += 1
        located = [f for f in entry["findings"] if f["line"] and f["severity"] != "info"]
        assert panel.count('class="gw-line"') >= len(located) > 0 or not located, url
    assert linked > 0


def test_a_finding_in_the_middle_of_a_paragraph_names_its_start():
    page = ("---\ndoctype: summary\n---\n# 标题\n\n一、甲\n\n第一句话写在这里，\n第二句在下一行。\n"
            "\n三、丙\n")
    doc = read(page, "a.md", markdown=True)
    # Line 9 is the paragraph's second line; line 2 is front matter, on no paragraph.
    assert paragraph_places(doc, [9, 2]) == {9: (8, "第一句话写在这里，第二句在下一行。")}
    rendered = "<h1>标题</h1><p>一、甲</p><p>第一句话写在这里，\n第二句在下一行。</p><p>三、丙</p>"
    out, where = places(doc, [9, 11], rendered)
    assert where[9].words == "第一句话写在这里，第二句……"  # twelve characters
    assert where[9].anchor == "gw-p8" and '<p><span id="gw-p8"></span>第一句话' in out
    assert where[11].anchor == "gw-p11" and where[11].words == "三、丙"


def test_marking_keeps_existing_ids_and_finds_repeated_starts_in_order():
    rendered = ('<h2 id="yi">一、甲</h2><p>【情况】一段。</p><p>【情况】二段。</p>'
                '<p class="x">【情况】三段。</p>')
    out, ids = mark_paragraphs(rendered, {3: "一、甲", 5: "【情况】一段。", 7: "【情况】二段。",
                                          9: "【情况】三段。", 11: "找不到的段落"})
    assert ids == {3: "yi", 5: "gw-p5", 7: "gw-p7", 9: "gw-p9"}
    assert '<p><span id="gw-p7"></span>【情况】二段。' in out
    assert '<p class="x"><span id="gw-p9"></span>【情况】三段。' in out


def test_the_cli_keeps_source_line_numbers():
    exemplar = next((ROOT / "docs").glob("self-review/exemplars/*.md"))
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(exemplar)],
                          capture_output=True, text=True, check=False)
    assert re.search(rf"{re.escape(exemplar.name)}:\d+: \[", proc.stdout), proc.stdout
