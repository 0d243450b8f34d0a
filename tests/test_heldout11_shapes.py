"""Shapes found in an eleventh set of real documents outside the evaluation set (Shanghai
方案 with tables printed one cell a line; not in the repository): each false finding they
caused, as a silent case, with the firing case that must still be reported. The sentences
are made up; only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", "plan").findings
            if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


PLAN = ("某区排水设施建设实施方案", "为提升排水能力，制定本实施方案。", "一、工作目标",
        "排水达标。", "二、重点任务", "（一）编制系统方案", "1.编制方案。编制计划见表1。")
CELLS = ("表1 系统方案编制计划表", "年份", "编制区域", "面积（平方公里）", "2024年", "甲社区",
         "4.42", "2025年", "乙工业区", "14.00")
REST = ("（二）推进项目建设", "1.推进地块建设。", "三、组织保障", "（一）加强组织领导。")


def test_a_decimal_alone_on_its_line_is_a_cell_not_a_section() -> None:
    assert errors(doc(*PLAN, *CELLS, *REST)) == []
    # A real section number with its title still starts afresh (1.2　等级划分).
    numbered = doc(*PLAN, "1.2　分区标准", "（一）标准一", *REST[2:])
    assert "GW112" not in errors(numbered)


TABLE = ("三、保障措施", "（一）加强组织领导。", "任务分解表", "序号", "内容", "今年工作任务",
         "明年工作计划", "1", "日常巡查", "1.完成每日巡查。", "2.建立病害台账。",
         "1.推广智能巡检。", "2.完善病害台账。")


def test_each_cell_of_a_table_printed_a_cell_a_line_numbers_its_own_list() -> None:
    plan = ("某区道路养护工作方案", "为做好养护工作，特制定本方案。", "一、工作目标", "路况良好。",
            "二、主要任务", "（一）日常巡查。", "（二）大中修。")
    assert errors(doc(*plan, *TABLE)) == []
    # Without the table's 序号 header the same lists are the outline: the restart is reported.
    assert "GW105" in errors(doc(*plan, *(line for line in TABLE if line != "序号")))
    # A note under the table numbers its own list, whose slips are still found.
    noted = doc(*plan, *TABLE, "注：", "1.数据为年度计划。", "1.以实际为准。")
    assert "GW104" in errors(noted)


# The task table of a 工作方案: a 备注 column among the header cells, and the rows grouped
# under 一、 headings (一、规划编制 ⏎ 1 ⏎ 编制规划 ⏎ …), each row's two task cells numbered 1.–3.
GROUPED = ("任务分解表", "序号", "内容", "牵头部门", "今年工作任务", "明年工作计划", "备注",
           "一、规划编制", "1", "编制综合规划", "规划处", "1.完成规划思路。", "2.完成区域规划。",
           "1.启动规划编制。", "2.深化规划成果。", "2", "推进干线建设", "建设处", "—",
           "推进一号线前期工作。", "二、设施建设", "3", "建设慢行系统", "运行处",
           "1.建成绿道十公里。", "2.完善步道标识。", "1.再建绿道十公里。", "2.评估使用效果。")


def test_a_table_grouped_under_headings_with_a_remarks_column_is_still_the_table() -> None:
    plan = ("某市交通体系建设工作方案", "为推进交通体系建设，制定本方案。", "一、主要任务",
            "（一）编制规划。", "（二）推进建设。", "二、工作要求", "（一）加强领导。")
    assert errors(doc(*plan, *GROUPED)) == []
    # A 一、 that no row follows ends the table: the lists after it are the outline again.
    after = doc(*plan, *GROUPED, "三、其他事项", "1.按季度报送。", "1.年底总结。")
    assert "GW104" in errors(after)
    # A note under the table still ends it (注：, 备注：): its own list's slips are found.
    for lead in ("注：", "备注："):
        assert "GW104" in errors(doc(*plan, *GROUPED, lead, "1.数据为计划数。", "1.以实际为准。"))
