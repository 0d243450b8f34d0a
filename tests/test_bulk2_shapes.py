"""More shapes from the run over 1,896 pages of a school's web site (see test_bulk_shapes):
each false error, as a silent case, with the firing case that must still be reported.
The sentences are made up; only the shapes come from those pages."""
from __future__ import annotations

import pytest
from gongwen.check import check_text


def findings(text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.message) for f in check_text(text, "稿.txt").findings
            if f.severity != "info"]


def errors(text: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt").findings if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


BODY = ("关于评选优秀社团的通知", "一、评选范围", "全体学生社团。", "二、评选要求",
        "1.社团自荐。", "2.年级审核。")


@pytest.mark.parametrize("marker", [
    ("附件3：优秀社团推荐名单",), ("附3：优秀社团推荐名单",), ("附件三：优秀社团推荐名单",),
    ("附4: 优秀社团推荐名单",), ("附3：",  "优秀社团推荐名单"),
])
def test_an_attachment_heading_with_its_title_starts_the_attachment(
        marker: tuple[str, ...]) -> None:
    # Its 一、 (after 名单: no word 单一 cut at a wrap) and its 1. number afresh.
    assert errors(doc(*BODY, *marker, "一、文学社", "社长：张某", "二、棋社", "社长：李某")) == []
    assert errors(doc(*BODY, *marker, "1.文学社", "2.棋社")) == []


def test_an_attachment_heading_over_its_own_outline_on_the_same_line() -> None:
    assert errors(doc(*BODY, "附：一、社团活动站位图", "二、社团誓词", "领誓人：王某")) == []


def test_an_appended_title_over_a_table_then_notes_numbered_afresh() -> None:
    # (Rows labelled 第 一 部分: without the heading, the notes' 1、 reads as out of turn.)
    text = doc(*BODY, "附：社团活动安排表", "时间\t内容\t地点", "第 一 部分\t5月6日\t展演\t操场",
               "第 二 部分\t待定\t比赛\t操场", "1、展演时间如有变动另行通知；",
               "2.各社团自备道具。")
    assert errors(text) == []


def test_a_note_after_a_label_is_no_attachment_heading() -> None:
    # 附： over a clause (a note in the body): the body's numbering goes on past it.
    text = doc(*BODY, "附：有以下行为之一的，不予推荐", "四、评选办法", "年级评议。")
    assert [(line, msg) for line, rule, msg in findings(text) if rule == "GW103"] == [
        (8, "序号跳号：应为“三、”，实为“四、”")]
    # Under an attachment's heading the count starts again.
    text = doc(*BODY, "附件3：优秀社团推荐名单", "一、文学社", "三、棋社")
    assert [(line, msg) for line, rule, msg in findings(text) if rule == "GW103"] == [
        (9, "序号跳号：应为“二、”，实为“三、”")]


def test_the_list_of_attachments_is_still_a_list() -> None:
    text = doc(*BODY, "附件：1.推荐表", "2.汇总表", "3.名单", "某中学团委", "2024年5月6日")
    result = check_text(text, "稿.txt")
    assert [h.line for h in result.outline] == [2, 4, 5, 6]
    assert [f for f in result.findings if f.severity == "error"] == []
