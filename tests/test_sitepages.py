"""gongwen.site (what the site shows of check results) and the synthetic corpus maker."""
from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT
from gongwen.check.document import read
from gongwen.check.model import CheckResult, Finding, Heading
from gongwen.site.listing import (
    EXEMPLARS_MARKER,
    OVERVIEW_MARKER,
    ExemplarRow,
    exemplar_table,
    insert_html,
    list_page_markdown,
    list_page_uri,
    overview_markdown,
    overview_summary,
    pager_html,
    paginate,
)
from gongwen.site.panel import (
    Place,
    anchor_for_line,
    heading_anchors,
    heading_lines,
    panel_context,
)
from gongwen.site.rules_page import rule_doc_markdown

sys.path.insert(0, str(ROOT / "scripts"))
from make_corpus import config_variant, make_corpus

PAGE = """\
---
title: 示例
---

# 示例总结

```markdown
## 一、代码块里的标题
```

## 一、主要工作 { #work }

<span id="一抓教学"></span>**（一）抓教学。**正文。

1. 细项

## 二、存在问题
"""
TOC = [("示例总结", "示例总结"), ("一、主要工作", "work"), ("二、存在问题", "二存在问题")]
# The lines an anchor can be on, as the build takes them from the page the check read.
LINES = heading_lines(read(PAGE, "x.md").scanned)


def test_anchors_follow_toc_and_run_in_spans_with_real_lines():
    anchors = heading_anchors(LINES, TOC)
    assert [(a.line, a.id) for a in anchors] == [
        (5, "示例总结"), (11, "work"), (13, "一抓教学"), (17, "二存在问题"),
    ]
    # A `#` line in a code block is not a heading: it takes no toc entry.
    assert anchor_for_line(anchors, 8) == "示例总结"
    assert anchor_for_line(anchors, 15) == "一抓教学"
    assert anchor_for_line(anchors, 2) is None
    assert anchor_for_line(anchors, None) is None


def test_panel_links_findings_to_anchor_and_guide():
    result = CheckResult(
        "x.md", "summary", "示例",
        outline=[Heading(13, 2, "一", 1, "抓教学", "run-in", "（一）")],
        findings=[
            Finding("GW103", "numbering-gap", "error", "numbering", 15, "序号跳号",
                    acknowledged="原文如此"),
            Finding("GW501", "placeholders", "info", "hygiene", None, "占位符"),
        ],
    )
    view = panel_context(result, heading_anchors(LINES, TOC), doctype_label="工作总结",
                         guide_url="../../guide/", rules_url="../../guide/rules/",
                         rule_guides={"GW103": "numbering"})
    assert view["status_label"] == "有警告"
    [first] = view["findings"]  # info findings are grouped apart
    assert first["anchor"] == "一抓教学" and first["acknowledged"] == "原文如此"
    assert first["guide_url"] == "../../guide/#numbering"
    assert first["rule_url"] == "../../guide/rules/#gw103"
    [second] = view["info_groups"]
    assert second["rule"] == "GW501" and second["places"] == [] and second["guide_url"] is None
    assert first["place"] is None  # no Place given: no source line number instead
    assert view["outline"] == [{"level": 2, "label": "（一）", "title": "抓教学", "line": 13,
                                "anchor": "一抓教学"}]
    assert view["counts"] == {"error": 1, "warning": 0, "info": 1, "acknowledged": 1}


def test_info_findings_of_one_rule_make_one_panel_entry_with_every_paragraph():
    result = CheckResult("x.md", "summary", "示例", findings=[
        Finding("GW401", "placeholder", "info", "hygiene", line, f"填写项{line}")
        for line in (13, 13, 15)])
    where = {13: Place("（一）抓教学。正文。", "gw-p13"), 15: Place("细项", None)}
    view = panel_context(result, heading_anchors(LINES, TOC), doctype_label="工作总结",
                         guide_url="../../guide/", rules_url=None,
                         rule_guides={"GW401": "placeholders"}, where=where)
    assert view["findings"] == []
    [group] = view["info_groups"]
    assert group["count"] == 3  # one link per paragraph; the nearest heading when it has no id
    assert group["places"] == [{"words": "（一）抓教学。正文。", "anchor": "gw-p13"},
                               {"words": "细项", "anchor": "一抓教学"}]
    assert group["guide_url"] == "../../guide/#placeholders"


def test_exemplar_table_is_escaped_newest_first_and_goes_at_the_marker():
    rows = [ExemplarRow("exemplars/a/", "甲<乙>", "市教育局", 2023, None, "warn"),
            ExemplarRow("exemplars/b/", "丙", "区教育局", 2024, "年终", "pass")]
    table = exemplar_table(rows)
    assert table.index("丙") < table.index("甲")
    assert '<a href="exemplars/a/">甲&lt;乙&gt;</a>' in table
    assert "<td>—</td>" in table and 'gw-badge--warn">有警告<' in table
    assert "data-search-exclude" in table  # each exemplar is found on its own page
    page = f"<h1>工作总结</h1>\n{EXEMPLARS_MARKER}\n<h2>写法</h2>\n"
    filled = insert_html(page, EXEMPLARS_MARKER, table)
    assert EXEMPLARS_MARKER not in filled
    assert filled.index("丙") < filled.index("<h2>写法")
    assert insert_html("<h1>无标记</h1>", EXEMPLARS_MARKER, table).endswith(table)
    assert exemplar_table([]) == "<p>（暂无范文。）</p>\n"


def test_paginate_lists_every_item_once_in_order():
    items = list(range(7))
    assert paginate(items, 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert paginate(items, 7) == [items]
    assert paginate([], 3) == [[]]  # an empty list still has its first page
    with pytest.raises(ValueError):
        paginate(items, 0)


def test_list_pages_live_under_the_first_page_folder():
    assert list_page_uri("summary/index.md", 1) == "summary/index.md"
    assert list_page_uri("summary/index.md", 2) == "summary/page/2.md"
    assert list_page_uri("check/index.md", 12) == "check/page/12.md"
    assert list_page_uri("index.md", 3) == "page/3.md"


def test_pager_links_prev_next_and_a_window_of_pages():
    hrefs = [f"p{n}/" for n in range(1, 11)]
    pager = pager_html(5, hrefs, total=400, noun="篇", label="范文列表分页")
    assert pager.startswith('<nav class="gw-pager" aria-label="范文列表分页" data-search-exclude>')
    assert "共400篇，分10页：" in pager
    assert '<a href="p4/" rel="prev">上一页</a>' in pager
    assert '<a href="p6/" rel="next">下一页</a>' in pager
    assert '<span aria-current="page">第5页</span>' in pager
    shown = [int(n) for n in re.findall(r">第(\d+)页<", pager)]
    assert shown == [1, 3, 4, 5, 6, 7, 10]  # first, last, and two either side
    assert pager.count("<span>…</span>") == 2
    first = pager_html(1, hrefs[:2], total=50, noun="篇", label="x")
    assert "上一页" not in first and '<a href="p2/" rel="next">下一页</a>' in first
    assert pager_html(1, ["./"], total=3, noun="篇", label="x") == ""  # fits on one page


def test_continuation_page_is_titled_linked_back_and_out_of_search():
    md = list_page_markdown("工作总结范文", 2, 3, back="../index.md", back_text="工作总结范文列表",
                            marker=EXEMPLARS_MARKER)
    assert md.startswith("---\ntitle: 工作总结范文（第2页）\nsearch:\n  exclude: true\n---\n")
    assert "# 工作总结范文（第2页）" in md
    assert "本页是[工作总结范文列表](../index.md)的第2页，共3页。" in md
    assert md.rstrip().endswith(EXEMPLARS_MARKER)


def _result(path: str, doctype: str | None, status: str) -> CheckResult:
    severity = {"pass": None, "warn": "warning", "fail": "error"}[status]
    findings = [Finding("GW000", "x", severity, "hygiene", 1, "x")] if severity else []
    result = CheckResult(path, doctype, path, findings=findings)
    assert result.status == status
    return result


def test_overview_summarises_by_type_and_status():
    results = [_result("a.md", "summary", "pass"), _result("b.md", "summary", "fail"),
               _result("c.md", "plan", "warn"), _result("index.md", None, "pass")]
    labels = {"plan": "整改方案", "summary": "工作总结", "speech": "讲话稿"}
    table = overview_summary(results, labels)
    assert "| 整改方案 | 1 | 0 | 1 | 0 |" in table
    assert "| 工作总结 | 2 | 1 | 0 | 1 |" in table
    assert "| 其他页面 | 1 | 1 | 0 | 0 |" in table
    assert "| **合计** | 4 | 2 | 1 | 1 |" in table
    assert "讲话稿" not in table  # a 文种 with no pages adds no row
    assert table.index("整改方案") < table.index("工作总结")  # labels' order
    md = overview_markdown(results, labels, pages=3, report_link="../gongwen-report.json")
    assert "search:\n  exclude: true" in md and table in md
    assert "列表分3页。" in md and '<a href="../gongwen-report.json">' in md
    assert md.rstrip().endswith(OVERVIEW_MARKER)
    assert "列表分" not in overview_markdown(results, labels)


def test_rule_doc_examples_are_shown_verbatim():
    doc = """检查什么：同级序号不连续。
    为什么：读者按序号找层次。
    反例：
    （一）……
    1. ……
    """
    md = rule_doc_markdown(doc)
    assert "**检查什么**：同级序号不连续。" in md
    # Example lines are an indented code block: not a list, not an outline.
    assert "\n    （一）……\n    1. ……" in md


def test_make_corpus_spreads_pages_and_keeps_line_numbers(tmp_path):
    corpus = make_corpus(tmp_path / "c", 10)
    assert len(corpus.pages) == 10
    assert set(corpus.per_type.values()) == {2}
    page = corpus.pages[1]
    assert page.parent.parent.name == "summary"
    text = page.read_text(encoding="utf-8")
    assert "（样本 0001）" in text and "kind: exemplar" in text
    seed = sorted((ROOT / "docs/summary/exemplars").glob("*.md")) or [
        ROOT / "docs/summary/template.md"]
    assert len(text.splitlines()) == len(seed[0].read_text(encoding="utf-8").splitlines())
    without = config_variant(corpus.config, "nohooks.yml", drop_hooks=("hooks/gongwen_hooks.py",),
                             drop_nav=("check/index.md",))
    kept = without.read_text(encoding="utf-8")
    assert "hooks/gongwen_hooks.py" not in kept and "check/index.md" not in kept
    # its only hook dropped, the key goes too (MkDocs refuses it empty)
    assert "\nhooks:" not in kept
    assert "summary/index.md" in kept


def test_fill_in_fields_are_marked_in_text_but_not_in_attributes_or_code():
    from gongwen.site.typography import mark_fields

    html = ('<p title="【不动】">根据【上级部署】，<code>【代码】</code>'
            '<a href="#x">【链接】</a></p><pre><code>【块】</code></pre>')
    out = mark_fields(html)
    assert '<mark class="gw-field">【上级部署】</mark>' in out
    assert '<mark class="gw-field">【链接】</mark>' in out
    assert 'title="【不动】"' in out and "<code>【代码】</code>" in out
    assert "<pre><code>【块】</code></pre>" in out
    assert mark_fields("<p>没有填写项。</p>") == "<p>没有填写项。</p>"


def test_built_templates_mark_their_fields_and_exemplars_do_not(built_site):
    template = (built_site.site / "summary" / "template" / "index.html").read_text("utf-8")
    exemplar = (built_site.site / "summary" / "exemplars" / "001_2b297bc324b49a8c"
                / "index.html").read_text("utf-8")
    assert template.count('<mark class="gw-field">') >= 10
    assert 'class="gw-field"' not in exemplar


def test_wrapped_chinese_lines_join_without_a_space_but_code_and_latin_keep_theirs():
    from gongwen.site.typography import join_cjk_lines

    html = ("<p>面向机关工作人员的参考。\n每个页面都附有检查，\n“一是”不跳项。</p>"
            "<pre><code>第一行\n第二行</code></pre><p>GB/T\n9704 与\nWord</p>")
    out = join_cjk_lines(html)
    assert "<p>面向机关工作人员的参考。每个页面都附有检查，“一是”不跳项。</p>" in out
    assert "<pre><code>第一行\n第二行</code></pre>" in out
    assert "GB/T\n9704 与\nWord" in out


def test_built_pages_have_no_break_inside_chinese_text(built_site):
    page = (built_site.site / "index.html").read_text("utf-8")
    assert "真实范文</strong>。每个页面都附有" in page
