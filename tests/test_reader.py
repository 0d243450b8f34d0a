"""The outline reader: headings at four levels, run-in headings, real line numbers,
and the parts of a page that are not the checked document."""
from __future__ import annotations

from gongwen.check.document import heading_levels, line_at, opening_text, read
from gongwen.check.rules.declared import declarations, outline_entries
from gongwen.check.rules.enumeration import enumerations
from gongwen.check.rules.phrases import salutation


def outline(doc) -> list[tuple[int, int, str, str, str]]:
    return [(h.line, h.level, h.label, h.title, h.form) for h in doc.headings]


def test_four_levels_markdown_line_and_run_in() -> None:
    doc = read(
        "# 标题\n\n## 一、主要工作\n\n### （一）加强领导\n\n"
        "<span id=\"二统筹推进\"></span>**（二）统筹推进，确保实效。**一是抓学习。二是抓落实。\n\n"
        "**1.深化理论武装。**每月一次。\n\n（1）学原文\n", "a.md")
    assert outline(doc) == [
        (3, 1, "一", "主要工作", "markdown"),
        (5, 2, "一", "加强领导", "markdown"),
        (7, 2, "二", "统筹推进，确保实效", "run-in"),
        (9, 3, "1", "深化理论武装", "run-in"),
        (11, 4, "1", "学原文", "line"),
    ]
    assert doc.title == "标题" and doc.title_line == 1
    assert [(e.line, e.label) for e in enumerations(doc)] == [(7, "一是"), (7, "二是")]


def test_run_in_heading_without_bold_ends_at_first_full_stop() -> None:
    doc = read("一、加强党的领导，确保高标准开展。习近平总书记强调，党是领导一切的。\n", "a.txt")
    [h] = doc.headings
    assert (h.title, h.form, h.raw) == ("加强党的领导，确保高标准开展", "run-in", "一、")


def test_line_numbers_count_front_matter() -> None:
    text = "---\ntitle: 标题\ndoctype: summary\n---\n\n# 标题\n\n一、甲\n\n（一）乙\n"
    doc = read(text, "a.md")
    assert [h.line for h in doc.headings] == [8, 10]
    assert doc.meta["doctype"] == "summary"


def test_skipped_blocks_are_not_read() -> None:
    text = """# 标题

一、甲

!!! note "说明"

    二、这不是正文

    （九）也不是

```
三、代码里的
```

<!--
四、注释里的
-->

<div markdown>
五、HTML 块里的
</div>

> （一）引用的例子

| 一、表格 | 二、表格 |

二、乙 { .annotate }

1.  注释列表，不是标题

三、丙

<!-- gongwen:end -->

## 评注

五、评注里的序号不检查
"""
    doc = read(text, "a.md")
    assert [(h.label, h.title) for h in doc.headings] == [
        ("一", "甲"), ("二", "乙"), ("三", "丙")]


def test_half_and_mixed_width_brackets() -> None:
    doc = read("一、甲\n(一)乙\n（二)丙\n（三）丁\n", "a.txt")
    assert [h.width for h in doc.headings] == ["", "half", "mixed", "full"]
    assert [h.raw for h in doc.headings[1:]] == ["(一)", "（二)", "（三）"]


def test_txt_title_repeated_title_and_salutation() -> None:
    doc = read("在会议上的讲话\n在会议上的讲话\n\n同志们:\n\n这次会议的主要任务是部署工作。"
               "\n", "a.txt")
    assert doc.title == "在会议上的讲话" and doc.title_line == 1
    found, opening = salutation(doc)
    assert found is not None and found.line == 4
    assert [p.line for p in opening] == [6]


def test_markdown_ordered_list_is_not_a_heading() -> None:
    doc = read("# 标题\n\n1. 打开模板\n2. 复制提纲\n\n1.深化理论武装。正文。\n", "a.md")
    assert [(h.line, h.level) for h in doc.headings] == [(6, 3)]


def test_numbered_line_without_blank_line_starts_a_new_paragraph() -> None:
    doc = read("# 标题\n\n一、指导思想\n坚持问题导向。\n二、工作目标\n实现整改清零。\n", "a.md")
    assert [(h.line, h.label, h.form) for h in doc.headings] == [(3, "一", "line"),
                                                                  (5, "二", "line")]


def test_enumeration_kinds_and_nesting() -> None:
    doc = read("# 标题\n\n一、甲\n\n一是抓学习。\n\n二是抓落实。讲了两点：一是快；二是实。\n\n"
               "首先，明确责任。\n\n其次，建立台账。\n\n最后，通报进展。\n\n第一，动员；第二，落实。\n"
               "\n统一是前提，唯一是目标。\n", "a.md")
    seqs: dict[int, list[str]] = {}
    for e in enumerations(doc):
        seqs.setdefault(e.sequence, []).append(e.label)
    assert sorted(seqs.values()) == sorted([["一是", "二是"], ["一是", "二是"],
                                            ["首先", "其次", "最后"], ["第一", "第二"]])


def test_declared_count_and_what_follows() -> None:
    doc = read("# 讲话\n\n同志们：\n\n下面，我讲三点意见。\n\n一、甲\n\n二、乙\n\n三、丙\n", "a.md")
    [d] = declarations(doc)
    assert (d.line, d.count, d.found, d.found_line) == (5, 3, 3, 7)


def test_outline_block_entries() -> None:
    doc = read("【提纲】一、存在的问题。(一)政治方面。(二)作风方面。二、原因剖析。\n"
               "标题\n", "a.txt")
    assert [(e.level, e.number, e.title, e.parent) for e in outline_entries(doc)] == [
        (1, 1, "存在的问题", None), (2, 1, "政治方面", 1), (2, 2, "作风方面", 1),
        (1, 2, "原因剖析", None)]
    assert doc.title == "标题" and doc.headings == []


def test_transition_broken_across_lines_is_found() -> None:
    doc = read("对照检查材料\n……明确整改方向和措施。现将\n对照检查情况报告如下。\n一、"
               "存在的问题\n", "a.txt")
    text, bounds = opening_text(doc)
    assert line_at(bounds, text.index("现将")) == 2 and "现将对照检查情况报告如下" in text


def test_inline_acknowledgements_and_escapes() -> None:
    doc = read("# 标题\n\n<!-- gongwen: ack GW103 原文截断 -->\n三、丙\n\n深入学习\\_总书记讲话。"
               "\n",
               "a.md")
    assert [(a.line, a.rule, a.reason) for a in doc.acks] == [(3, "GW103", "原文截断")]
    assert doc.lines[-1].text == "深入学习_总书记讲话。"


def test_numbers_are_not_headings() -> None:
    doc = read("2024年工作总结\n12.5%的增幅。\n3月1日召开会议。\n1-2项改革。\n", "a.txt")
    assert doc.headings == []


def test_heading_levels_are_the_documents() -> None:
    doc = read("# 标题\n\n## 一、总体要求\n\n### （一）指导思想\n")
    assert heading_levels(doc) == {3: 1, 5: 2} == {h.line: h.level for h in doc.headings}


def test_a_numeral_past_nine_hundred_and_ninety_nine_is_no_ordinal_and_no_crash():
    # 百百百百百百百百百百、 adds up to a thousand: no ordinal is written so (it raised before).
    from gongwen.check import check_text
    from gongwen.text.numbering import parse_ordinal
    assert parse_ordinal("百百百百百百百百百百、测试") is None
    assert parse_ordinal("九百九十九、测试").number == 999
    text = "百百百百百百百百百百、测试\n（百百百百百百百百百百）测试\n"
    assert check_text(text, "a.txt").findings == []
