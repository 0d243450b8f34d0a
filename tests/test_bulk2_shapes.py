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


# --- 附件说明: an entry hard-wrapped over two lines ---------------------------------------

LISTED = ("关于上报推荐材料的通知", "一、材料要求", "1.填报推荐表。", "2.填报汇总表。",
          "3.按时报送。")


def test_an_entry_of_the_list_of_attachments_wrapped_over_lines() -> None:
    text = doc(*LISTED, "附件：1.名额分配表", "2.各县（市）推荐", "名额分配表", "3.个人情况",
               "一览表", "4.汇总表", "某市教育局", "2024年3月1日")
    assert errors(text) == []
    result = check_text(text, "稿.txt")
    assert [h.line for h in result.outline] == [2, 3, 4, 5]


def test_a_list_of_attachments_ends_where_no_next_entry_follows() -> None:
    # Lines that no next entry follows are no entry's rest: the 2. after them is read
    # as the body's (here out of turn).
    text = doc(*LISTED, "附件：1.名额分配表", "2.推荐表", "请各单位按时报送", "材料", "2.汇总表")
    assert errors(text) == ["GW105"]


def test_the_next_entry_of_the_list_run_into_an_entrys_line() -> None:
    body = (*LISTED, "4.按时报送电子稿。")
    text = doc(*body, "附件：1.名额分配表", "2.2024年度申报评审书3.2024年度推荐汇总表",
               "4.个人情况一览表", "某市教育局", "2024年3月1日")
    assert errors(text) == []
    # Without the entry run into the line, the list ends before 4. (read as the body's).
    assert errors(text.replace("书3.2024年度推荐汇总表", "书")) == ["GW104"]


# --- a label over a list of times -------------------------------------------------------

TIMED = ("关于寒假社会实践学分认定的通知", "一、材料提交", "请各班按时提交材料。", "二、学分认定",
         "请各班团支书到团委盖章。")


@pytest.mark.parametrize("label", ["时间：", "时间:", "地点："])
def test_a_label_alone_on_its_line_is_no_web_junk(label: str) -> None:
    text = doc(*TIMED, label, "3月1日（周五）16:15—16:25：高一各班；", "16:25—16:35：高二各班。")
    assert errors(text) == []


@pytest.mark.parametrize("chrome", ["时间： 浏览：128", "浏览：35", "发布时间：2024-01-02"])
def test_a_web_pages_byline_and_counters_are_still_junk(chrome: str) -> None:
    text = doc(*TIMED, chrome, "3月1日（周五）16:15—16:25：高一各班；")
    assert errors(text) == ["GW402"]


# --- 第二、三节: a reference to periods or items, no enumeration -----------------------------

@pytest.mark.parametrize("sentence", [
    "本周五外校教师来校交流：第二、三节听课，第四节座谈。",
    "新高二：第二、四项必做。",
    "各社团第二、第三项招新活动照常进行。",
])
def test_ordinals_joined_by_a_dunhao_refer_to_periods_or_items(sentence: str) -> None:
    text = doc("关于外校教师来校交流的通知", sentence, "一、听课安排", "各组做好准备。")
    assert errors(text) == []


def test_an_enumeration_by_di_still_counts_its_items() -> None:
    text = doc("关于外校教师来校交流的通知", "一、要求", "第一、做好准备。第三、按时到场。")
    assert errors(text) == ["GW121"]


# --- spaces inside an ordinal's brackets ---------------------------------------------------

@pytest.mark.parametrize("spaced", ["（ 一 ）", "( 一)", "（一 ）"])
def test_spaces_inside_the_brackets_of_an_ordinal(spaced: str) -> None:
    text = doc("关于举办青年教师教学竞赛的通知", "一、参赛对象", "40周岁以下教师。", "二、竞赛实施",
               f"{spaced}时间地点", "5月中下旬。", "（二）竞赛学科", "语文、数学。")
    assert errors(text) == []
    assert (5, "GW101", f"序号中间多了空格：应为“（一）”，实为“{spaced}”") in findings(text)
    # An aside in brackets is no ordinal.
    assert check_text(text.replace(spaced, "（ 一般 ）"), "稿.txt").outline[2].raw == "（二）"


# --- ⑴⑵: one character for （1）（2） -----------------------------------------------------------

def test_parenthesized_digits_are_read_as_level_four() -> None:
    text = doc("关于开展应急演练的通知", "一、演练分工", "由安全处负责。", "二、演练流程",
               "⑴会议室集中", "⑵布置任务", "（3）校门口演练", "（4）总结")
    assert errors(text) == []
    assert [(line, msg) for line, rule, msg in findings(text) if rule == "GW101"] == [
        (5, "序数写法不规范：应为“（1）”，实为“⑴”"), (6, "序数写法不规范：应为“（2）”，实为“⑵”")]
    # A gap is still one.
    assert errors(text.replace("⑵布置任务\n", "")) == ["GW103"]


def test_parenthesized_digits_several_to_a_line() -> None:
    text = doc("关于开展应急演练的通知", "一、演练流程", "⑴会议室集中  ⑵ 布置任务",
               "⑶校门口演练  ⑷总结", "（5）解散")
    assert errors(text) == []
    outline = check_text(text, "稿.txt").outline
    assert [h.raw for h in outline] == ["一、", "⑴", "⑵", "⑶", "⑷", "（5）"]


# --- an item after a web address alone on its line ----------------------------------------

def test_an_item_after_a_web_address_is_an_item() -> None:
    text = doc("关于开展主题党日活动的通知", "一、学习方法", "1.打开链接或扫描二维码",
               "http://read.example.cn/cx/", "2.填写组织地址", "3.选择课程")
    assert errors(text) == []
    # A fraction cut by a wrap still goes on: 2/ ⏎ 3 is two thirds, no item.
    cut = doc("关于开展主题党日活动的通知", "一、学习要求", "1.学习时间不少于规定课时的2/",
              "3，按时完成。", "2.按时参加")
    assert errors(cut) == []
