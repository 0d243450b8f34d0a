"""False errors that the messy forms of real documents (hard wrapped, PDF copies, pasted
blocks) caused in held-out documents outside the evaluation set (not in the repository):
each as a silent case, with the firing case that must still be reported. The sentences
are made up; only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt").findings
            if f.severity == "error"]


def outline(text: str) -> list[str]:
    return [h.title for h in check_text(text, "稿.txt").outline]


# A report hard wrapped at 24 characters (a PDF copy): numerals cut at the margin.
WRAPPED = """某县人民政府工作报告
各位代表：
一、2025年工作回顾
过去一年，全县上下团结奋斗，经济社会发展取得新成
效。全县地区生产总值增长百分之五点六，增速居全市第
二、第五位，一般公共预算收入持续增长，居民收入稳步
提高，各项事业全面进步。
农业农村稳步发展。粮食总产量再创新高，肉牛产业纾困
政策落地见效，乡村旅游项目分获全省创业大赛的一等奖
一、二等奖。特色产业占农业总产值比重继续提高，农产
品加工转化率稳步提升。
民生实事全部办结。一是新建幼儿园三所。二是改造老旧
小区。三是新增就业岗位。四是提升农村供水。五是建设
养老中心。六是建成口袋公园。七是改造农村公路。八是
新建充电设施。九是加装电梯。十是建成便民市场五个。十
一是完成农产品快检两万批次。十二是资助困难学生一千
名。
二、2026年主要任务
今年是“十五五”开局之年，我们将坚持稳中求进，扎实
做好各项工作，确保各项目标任务圆满完成，以优异成绩
向全县人民交出满意答卷。
"""


def test_a_numeral_cut_at_the_margin_is_no_heading_and_no_item():
    # 第 ⏎ 二、第五位 (第二), 一、二等奖 at a line start (a range), 十 ⏎ 一是 (十一是).
    assert errors(WRAPPED) == []
    assert outline(WRAPPED) == ["2025年工作回顾", "2026年主要任务"]
    # An item missing after the cut 十一是 is still a gap.
    assert (16, "GW121") in errors(WRAPPED.replace("十二是", "十三是"))


def test_an_ordinal_after_a_full_line_still_starts_a_heading():
    # Only 第 cuts a 第二: after another full line, 二、 is a heading (here a repeated one).
    assert (18, "GW104") in errors(WRAPPED.replace("居全市第\n", "居全市前\n"))
    # Not a range (not the next numeral, or no 等奖/季度…): a misnumbered heading.
    for line in ("三、五等奖。", "一、加强监管。"):
        found = errors(WRAPPED.replace("一、二等奖。", line))
        assert any(where == 10 for where, _ in found), (line, found)
