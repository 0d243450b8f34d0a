"""The HTML the site renders from templates escapes every value that comes from a page:
a heading or title such as <img src=x onerror=alert(1)> is shown as text, never run."""
from __future__ import annotations

import jinja2
from conftest import ROOT
from gongwen.check import check_text
from gongwen.check.document import read
from gongwen.check.model import CheckResult, Finding, Heading
from gongwen.site.listing import (
    ExemplarRow,
    OverviewRow,
    exemplar_table,
    overview_table,
    pager_html,
)
from gongwen.site.panel import heading_anchors, heading_lines, panel_context

EVIL = "<img src=x onerror=alert(1)>"
SHOWN = "&lt;img src=x onerror=alert(1)&gt;"


def test_exemplar_list_shows_a_hostile_title_unit_and_url_as_text() -> None:
    table = exemplar_table([ExemplarRow(url=f'x/"{EVIL}', title=EVIL, unit=EVIL, year=2024,
                                        occasion=EVIL, status="pass")])
    assert EVIL not in table and table.count(SHOWN) == 4
    assert 'href="x/&#34;&lt;img' in table  # the quote cannot end the attribute


def test_overview_shows_a_hostile_title_and_type_as_text() -> None:
    result = CheckResult("a.md", "summary", EVIL)
    table = overview_table([OverviewRow(url="a/", title=EVIL, doctype_label=EVIL,
                                        result=result)])
    assert EVIL not in table and table.count(SHOWN) == 2


def test_pager_shows_a_hostile_label_and_link_as_text() -> None:
    pager = pager_html(1, ["./", f"page/2/{EVIL}"], total=50, noun="篇", label=EVIL)
    assert EVIL not in pager and pager.count(SHOWN) == 3  # the label, 第 2 页 and 下一页


def _panel_html(result: CheckResult, source: str = "") -> str:
    """The panel partial, rendered the way MkDocs renders themes: without autoescape."""
    anchors = heading_anchors(heading_lines(read(source).scanned), [])
    context = panel_context(result, anchors, doctype_label="工作总结",
                            guide_url="../guide/", rules_url="../guide/rules/", rule_guides={})
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"),
                             autoescape=False)
    return env.get_template("partials/gongwen-check.html").render(gongwen_check=context)


def test_check_panel_shows_a_hostile_heading_message_and_reason_as_text() -> None:
    result = CheckResult("a.md", "summary", "标题", outline=[
        Heading(3, 1, "一", 1, EVIL, "markdown", "一、")], findings=[
        Finding("GW103", "numbering-gap", "error", "numbering", 3, f"序号跳号：{EVIL}",
                acknowledged=EVIL, title="序号跳号"),
        Finding("GW401", "placeholder", "info", "hygiene", 3, EVIL, title=EVIL)])
    html = _panel_html(result)
    assert EVIL not in html
    assert html.count(SHOWN) == 4  # heading, message, reason, the info group's rule name


def test_check_panel_of_a_real_page_shows_an_acknowledgement_reason_as_text() -> None:
    source = ("---\ndoctype: summary\nkind: exemplar\n---\n\n# 某单位工作总结\n\n"
              f"## 一、主要工作\n\n<!-- gongwen: ack GW103 {EVIL} -->\n## 三、下一步打算\n")
    result = check_text(source, "a.md")
    assert any(f.acknowledged == EVIL for f in result.findings)
    html = _panel_html(result, source)
    assert EVIL not in html and SHOWN in html
