"""Shapes found in a third, fourth and fifth set of real documents outside the evaluation set
(a school's and a university's reports, speeches, 方案 and 工作要点; not in the
repository): each false error they caused, as a silent case, with the firing case that
must still be reported. The sentences are made up; only the shapes come from those
documents."""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.check.parts import is_section_break
from gongwen.text.numbering import parse_ordinal
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


def test_bare_labels_and_bullets_head_lists_of_their_own():
    calendar = ("工作计划\n附：工作行事历\n一月份\n1.组织论文评选\n2.开展教师培训\n二月份\n"
                "1.召开推进会\n")
    assert errors(calendar) == []
    bullets = "活动方案\n一、活动安排\n·活动前\n1.确定单位\n2.组成小组\n·活动中\n1.组长签到\n"
    assert errors(bullets) == []
    # A bare line is no parent of a 一、 that starts again: that is still a slip.
    assert (6, "GW105") in errors("工作计划\n一、一月份工作\n二、二月份工作\n三、三月份工作\n"
                                  "其他月份\n一、四月份工作\n")


def test_reports_under_their_authors_numbers_and_after_a_date_line():
    numbered = ("班子成员述职报告\n1.张某（副校长）\n一、履行职责情况\n二、存在不足\n"
                "2.李某（副校长）\n一、履行职责情况\n二、存在不足\n")
    assert errors(numbered) == []
    # Without the outer 1. above the first 一、, a numbered line is no author's heading.
    assert (5, "GW105") in errors(numbered.replace("1.张某（副校长）\n", ""))
    # An opening sentence before 一、, and items 1. 2. 3. of its own in the first report.
    opened = numbered.replace("（副校长）\n一、", "（副校长）\n一年来我分管德育。\n一、") \
        .replace("二、存在不足\n2.李某",
                 "二、存在不足\n1.学习不够。\n2.调研不深。\n3.创新不足。\n2.李某")
    assert errors(opened) == []
    # The outer list itself is still checked: 3. after 1. is a gap.
    assert (9, "GW103") in errors(opened.replace("2.李某", "3.李某"))
    dated = ("述职报告汇编\n2025年度述职报告\n某校副校长张某\n2026年2月\n"
             "2025年，我分管德育工作。\n一、履行职责情况\n二、存在不足\n"
             "2025年度述职报告\n某校副校长李某\n2026年2月\n2025年，我分管教学工作。\n"
             "一、履行职责情况\n")
    assert errors(dated) == []


def test_numbers_of_classes_and_items_led_by_a_month_are_read_as_written():
    assert parse_ordinal("（1）、（4）、（5）班：从东侧楼梯撤离。") is None
    assert parse_ordinal("（1）、开展轮训").number == 1  # a slip of punctuation, still read
    classes = ("疏散演练方案\n一、疏散路线\n高一年级：\n（1）、（4）、（5）班：从东侧撤离。\n"
               "（2）、（3）、（6）班：从西侧撤离。\n（13）、（14）班：由实验楼撤离。\n")
    assert errors(classes) == []
    assert parse_ordinal("1.10月19日转发文件").number == 1
    assert parse_ordinal("3.12月底前完成").number == 3
    assert parse_ordinal("1.5亿元") is None and parse_ordinal("1.15月") is None
    # Titled as no 文种: as a 方案 whose one part (评审程序, the steps) is named, its
    # missing parts would be reported.
    steps = "评审工作安排\n一、评审程序\n1.10月19日转发文件。\n2.教师提出申请。\n3.评议组审阅。\n"
    assert errors(steps) == []
    assert (4, "GW103") in errors(steps.replace("2.教师", "3.教师"))


def test_a_first_item_after_a_note_lead_goes_on_on_the_next_line():
    text = "衔接教育方案\n一、日程安排\n注：1.上午为学法指导。\n2.如有变动，以通知为准。\n"
    assert errors(text) == []
    assert (4, "GW103") in errors(text.replace("注：1.上午为学法指导。", "注：上午为学法指导。"))


def test_a_spoken_list_begun_with_yiyao_goes_on_with_ershi():
    speech = ("在开学典礼上的讲话\n同学们：\n希望大家做到三点。\n一要锚定目标。\n二是要力学笃行。\n"
              "三是要品德高尚。\n")
    assert errors(speech) == []
    assert errors(speech.replace("二是要力学笃行。\n", "")) == [(5, "GW121")]


def test_a_slogan_title_with_an_exclamation_before_its_subtitle_is_a_title():
    text = "启航新征程，奋进拼搏！——在开学典礼上的讲话\n同学们：\n今天我们举行开学典礼。\n"
    result = check_text(text, "稿.txt")
    assert result.title == "启航新征程，奋进拼搏！——在开学典礼上的讲话"
    assert result.doctype == "speech"
    # A first line that is a sentence is no title.
    assert check_text("今天我们举行开学典礼。——校长\n同学们：\n", "稿.txt").title is None


FORWARDED = """某市教育局办公室转发省教育厅办公室关于加强校园安全工作的通知
各县（市、区）教育局：
现将省教育厅办公室通知转发给你们，并提出以下要求。
一、高度重视安全工作。
二、立即开展安全检查。
某市教育局办公室
2026年3月2日
省教育厅办公室关于加强校园安全工作的通知
各市教育局：
一、强化上下楼梯安全管理。
二、加强校车安全管理。
"""


def test_a_forwarded_notice_after_the_date_numbers_on_its_own():
    assert errors(FORWARDED) == []
    # Without its title line, the second 一、 is still out of order.
    untitled = FORWARDED.replace("省教育厅办公室关于加强校园安全工作的通知\n各市", "各市")
    assert (9, "GW105") in errors(untitled)
    # Its 发文字号 may come between the title and the addressee.
    numbered = FORWARDED.replace("工作的通知\n各市", "工作的通知\n教基厅〔2026〕3号\n各市")
    assert errors(numbered) == []
    # A title wrapped over two lines is still joined (its second line is no addressee).
    wrapped = "关于加强校园安全\n工作的通知\n各校：\n一、高度重视。\n"
    assert check_text(wrapped, "稿.txt").title == "关于加强校园安全工作的通知"
    assert errors(wrapped) == []


def test_an_appended_text_under_a_label_numbers_on_its_own():
    plan = ("新生军训实施方案\n一、指导思想\n二、组织领导\n附：活动安排表\n开营式程序\n"
            "一、时间安排\n二、地点安排\n")
    assert errors(plan) == []
    assert errors(plan.replace("附：活动安排表\n开营式程序", "附：开营式程序")) == []
    # After a table under 附：, the appended text's own title (……程序) starts it.
    tabled = plan.replace("开营式程序", "9:00\t集合\t操场\n10:00\t训练\t操场\n"
                          "注：如有变动另行通知。\n2026年开营式程序")
    assert errors(tabled) == []
    # Without the 附： line and the appended text's title, 一、 after 二、 is still out
    # of order.
    assert (5, "GW105") in errors(plan.replace("附：活动安排表\n开营式程序", "活动安排如下。"))
    assert (6, "GW103") in errors(plan.replace("一、时间安排", "四、时间安排"))
