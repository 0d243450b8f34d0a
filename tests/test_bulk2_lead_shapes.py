"""Shapes found by a second reading of the bulk run (a school's web pages, not in the
repository): sections under bare titles, and a list under a title and its lead sentence.
Each false finding as a silent case, with the firing case that must still be reported.
The sentences are made up; only the shapes come from those pages."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt").findings if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


SECTION = ("一、各班包干区分配", "1班：教学楼一楼走廊。", "二、检查反馈", "值周班每天检查一次。")


def test_sections_under_bare_titles_each_number_from_one() -> None:
    text = doc("关于做好包干区卫生工作的通知", "高一年级包干区", *SECTION,
               "高二年级包干区", *SECTION)
    assert errors(text) == []
    # Without the title, or with a sentence in its place, the second 一、 is out of turn.
    assert "GW105" in errors(text.replace("高二年级包干区\n", ""))
    assert "GW105" in errors(text.replace("高二年级包干区", "高二年级也照此执行。"))
    # A bare line right under a heading heads a list, not a section: 一、 again is a slip.
    under = doc("工作计划", "一、一月份工作", "二、二月份工作", "其他月份", "一、四月份工作")
    assert "GW105" in errors(under)


def test_a_list_under_a_title_and_its_lead_sentence_starts_from_one() -> None:
    text = doc("关于大课间跑操考核的通知", "一、跑操流程", "1.集合。", "2.慢跑。", "3.放松。",
               "体育老师总结后解散。", "考核评价", "有以下行为的班级扣除考核分，在校网公布。",
               "1.领队未穿马甲，扣1分。", "2.队伍不整齐，扣1分。")
    assert errors(text) == []
    # A lead that announces no list (no 以下/如下) leaves the restart a slip.
    assert "GW105" in errors(text.replace("有以下行为的班级扣除考核分，在校网公布。",
                                          "各班认真参加，成绩在校网公布。"))


NOTICE = ("关于召开高三动员大会的通知", "一、参加对象", "高三全体学生。", "二、活动流程")


def test_items_whose_text_starts_with_a_number() -> None:
    for first, second in (("1.14:25学生进场。", "2.14:45大会开始。"),
                          ("1．2022年立项的课题。", "2．以前年度的课题。"),
                          ("1、田径前八名录取。", "2、400米以上分组决赛。")):
        text = doc(*NOTICE, first, second, "3.播放视频。", "4.领导讲话。")
        assert errors(text) == [], first
    # Between items 2. and 4., 3.8开 is item 3, not the section 3.8 over what follows.
    art = doc(*NOTICE, "1.比赛形式：现场写生；", "2.报名条件：有美术基础；", "3.8开画纸学校提供；",
              "4.绘画时间2小时；", "三、奖励办法", "设一、二、三等奖。")
    assert errors(art) == []
    # Out of a run of items such a line is a number, and a real gap is still found.
    assert "GW103" in errors(doc(*NOTICE, "1.14:25学生进场。", "3.播放视频。", "4.领导讲话。"))
    assert "GW103" in errors(doc(*NOTICE, "1.集合。", "2.慢跑。", "5.8开画纸学校提供；",
                                 "6.绘画时间2小时；"))


FLOW = ("关于运动会网上报名的通知", "一、报名网址", "见学校网站。", "二、领队报名方法",
        "1.点击领队报名。", "2.点击添加。")


def test_two_items_on_one_line_set_apart_by_a_space() -> None:
    text = doc(*FLOW, "3.选择岗位，填写领队姓名 4.选择岗位，填写教练姓名", "5.报名结束后点击关闭。",
               "三、运动员报名方法", "按提示操作。")
    assert errors(text) == []
    # Without the space the 4. is inside the item's text: 5. after 3. is a gap.
    assert "GW103" in errors(text.replace("领队姓名 4.", "领队姓名4."))
    # Only the next item of the line's own: a 6. there is not read, and the gap stays.
    assert "GW103" in errors(text.replace("领队姓名 4.", "领队姓名 6.").replace("5.报名", "7.报名"))


def test_items_in_columns_apart_by_several_spaces() -> None:
    # A list printed in columns (1.心内科      2.神经内科      3.内分泌科), three a line.
    text = doc("关于开展义诊活动的通知", "一、义诊时间", "6月18日上午。", "二、义诊科室",
               "1.心内科      2.神经内科      3.内分泌科",
               "4.呼吸内科    5.消化内科      6.泌尿外科",
               "三、温馨提示", "请带好体检本。")
    assert errors(text) == []
    # A number that is not the next one is still a gap, however many spaces come before it.
    assert "GW103" in errors(text.replace("2.神经内科", "3.神经内科")
                             .replace("3.内分泌", "4.内分泌"))
    # An indented line is no second item: its own number is read where it stands.
    assert "GW103" in errors(text.replace("4.呼吸内科", "5.呼吸内科").replace("5.消化", "6.消化")
                             .replace("6.泌尿", "7.泌尿"))


def test_a_first_item_run_in_after_its_lead() -> None:
    text = doc("关于召开家委会会议的通知", "一、活动安排", "活动流程：", "1.飞盘", "2.冰壶",
               "温馨提示：1.参会家长请着轻便服装。", "2.私家车请从西门进入。",
               "3.进校时请配合测温。")
    assert errors(text) == []
    # The list after the lead still counts on: a gap in it is found.
    assert "GW103" in errors(text.replace("3.进校时", "4.进校时"))
    # A sentence, not a lead, before the 1.: it is no new list, and 2. repeats.
    assert "GW104" in errors(text.replace("温馨提示：1.", "家长们请注意安全，1."))


def test_decimals_under_an_item_number_its_sub_items() -> None:
    text = doc("关于举办生涯规划书大赛的通知", "一、参赛对象", "高一全体学生。", "二、规划书框架",
               "1.自我认识", "1.1 兴趣分析", "1.2 性格分析", "2.职业分析", "2.1 目标职业",
               "3.学业规划", "三、提交时间", "5月16日前。")
    assert errors(text) == []
    # A decimal that is no sub-item of the item above (3.1 under 2.) still sets a section
    # apart: the 3. after it starts a new count, and 三、 under it is out of place.
    assert errors(text.replace("2.1 目标职业", "3.1 目标职业")) != []
