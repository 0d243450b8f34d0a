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
