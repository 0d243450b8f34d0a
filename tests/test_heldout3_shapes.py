"""Shapes found in a third set of real documents outside the evaluation set (a school's and
a university's reports, speeches, 方案 and 工作要点; not in the repository): each false
error they caused, as a silent case, with the firing case that must still be reported.
The sentences are made up; only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.check.parts import is_section_break
from gongwen.text.webjunk import junk_reason


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt").findings
            if f.severity == "error"]


def infos(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt").findings
            if f.severity == "info"]


# Several reports in one file, each with its title line and its author.
REPORTS = """班子成员述职报告
2023年度述职报告
张某
今年我从三个方面述职。
一、履行职责情况
二、廉洁自律情况
三、存在的不足
2023年度述职报告
李某
一、履行职责情况
二、存在的不足
"""


def test_each_report_in_a_file_of_reports_numbers_on_its_own():
    assert errors(REPORTS) == []
    # The announcement counts the first report's parts only.
    assert "GW301" in [r for _, r in errors(REPORTS.replace("三个方面", "四个方面"))]
    # Without its title line the second 一、 is still out of order.
    assert (9, "GW105") in errors(REPORTS.replace("2023年度述职报告\n李某", "李某"))
    # A title line whose numbering does not start again is no new report.
    assert (10, "GW105") in errors(REPORTS.replace("一、履行职责情况\n二、存在的不足",
                                                   "二、履行职责情况\n一、存在的不足"))


def test_a_list_starts_again_under_a_label_of_its_own():
    plan = ("防疫工作方案\n一、应急处置\n情形一：考生体温异常。\n1.安排到备用考场。\n2.报告考点。\n"
            "情形二：工作人员不能履职。\n1.启用备用人员。\n二、工作要求\n")
    assert errors(plan) == []
    for label in ("附2：", "■奖励项目", "【说明】", "第二类：职务犯罪",
                  "工作中还存在一些不足，主要如下："):
        assert errors(plan.replace("情形二：工作人员不能履职。", label)) == [], label
    # After an ordinary sentence the restart is still out of order…
    assert (7, "GW105") in errors(plan.replace("情形二：工作人员不能履职。", "工作人员要到岗。"))
    # …and a label does not excuse a gap in a list that goes on.
    assert (7, "GW103") in errors(plan.replace("1.启用备用人员。", "4.启用备用人员。"))


# Titled as no 文种 (a …行动计划 is a plan: its missing 目标 part would be reported).
CONTINUOUS = """信息化工作安排
一、主要任务
（一）建设网络平台
1.升级校园网络。
2.整合业务系统。
（二）用好教学设备
3.推广电子班牌。
4.建设录播教室。
（三）培训教师
5.开展全员培训。
二、保障措施
1.加强组织领导。
2.落实经费保障。
"""


def test_tasks_numbered_on_within_each_part_are_a_style_not_an_error():
    assert errors(CONTINUOUS) == []
    assert infos(CONTINUOUS) == [(7, "GW107")]
    # Going on at one （二） and starting again at the next is still an error…
    mixed = CONTINUOUS.replace("5.开展全员培训。", "1.开展全员培训。")
    assert errors(mixed) == [(7, "GW106")]
    # …and so is going on across a 一、 when every （一） starts again.
    again = CONTINUOUS.replace("3.推广", "1.推广").replace("4.建设", "2.建设") \
        .replace("5.开展", "1.开展").replace("1.加强组织领导。\n2.落实", "2.加强组织领导。\n3.落实")
    assert (12, "GW106") in errors(again)


def test_items_in_table_cells_count_per_cell():
    table = ("年度工作要点\n序号\t项目\t内容\n"
             "14\t优化队伍\t按照方针优化队伍。一是做好招聘。二是建立储备。三是加强培训。\t全年\n19\t优化后勤\t一是改造道路；二是优化接送。\t全年\n")
    assert errors(table) == []
    # A gap inside one cell is still a gap.
    assert (4, "GW121") in errors(table.replace("二是优化接送", "三是优化接送"))


def test_sub_items_under_a_first_point_do_not_end_its_list():
    text = ("工作报告\n（一）加强队伍建设\n一是完善培训。（1）开展轮训。（2）组织比武。\n"
            "二是健全考核。\n三是严格管理。\n")
    assert [r for _, r in errors(text)] == []
    assert (4, "GW121") in errors(text.replace("二是健全考核", "四是健全考核"))


def test_a_numbered_table_row_is_neither_a_section_nor_web_junk():
    assert not is_section_break("1\t教务员\t2")
    assert is_section_break("1　等级划分") and is_section_break("1\t等级划分")
    text = "实施方案\n一、岗位设置\n1\t教务员\t2\n3. 二轮竞聘\n二.其他事宜\n"
    assert "GW112" not in [r for _, r in errors(text)]
    assert not junk_reason("15\t15\t9\t8")
    assert junk_reason("15 15 9 8") and junk_reason("12　34")
    quota = "考核工作方案\n一、推优名额\n语文\t数学\t英语\t物理\n15\t15\t9\t8\n"
    assert errors(quota) == []
    assert (4, "GW402") in errors(quota.replace("15\t15\t9\t8", "15 15 9 8"))
