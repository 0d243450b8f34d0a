"""The `style` family (GW411–GW418): each rule fires on a small draft with the slip and
stays silent on the same draft written correctly. Fixtures are written for the rules."""
from __future__ import annotations

import pytest
from gongwen.check import check_text

STYLE = ("GW411", "GW412", "GW413", "GW414", "GW415", "GW416", "GW417", "GW418")


def style_findings(text: str, path: str = "a.txt") -> list[tuple[int | None, str, str]]:
    result = check_text(text, path)
    return [(f.line, f.rule, f.message) for f in result.findings if f.rule in STYLE]


def codes(text: str, path: str = "a.txt") -> list[tuple[int | None, str]]:
    return [(line, rule) for line, rule, _ in style_findings(text, path)]


CLEAN = """市教育局关于开展校园安全大检查的通知
各县（市、区）教育局，市直各学校：
为深入贯彻《中华人民共和国安全生产法》，落实“管行业必须管安全”要求，现就有关事项通知如下：
一、检查内容
校舍、消防、食堂……等重点部位；目标——2025年底前全部整改到位，比例达到12.5%，比分3:1。
二、工作要求
各单位要高度重视吗？要！请于10月15日前报送。
目　　录
市教育局
2025年1月5日
"""


def test_a_clean_draft_has_no_style_finding() -> None:
    assert codes(CLEAN) == []


@pytest.mark.parametrize("slip,fixed,code,words", [
    ("经研究,决定如下:加强领导;明确责任", "经研究，决定如下：加强领导；明确责任", "GW411", "“,”改为“，”"),
    ("市教育局(盖章)负责", "市教育局（盖章）负责", "GW411", "“(”改为“（”"),
    ("能不重视吗?", "能不重视吗？", "GW411", "“?”改为“？”"),
    ("落实“三抓三促行动。", "落实“三抓三促”行动。", "GW412", "前引号“没有"),
    ("见附件（略。", "见附件（略）。", "GW412", "“（”"),
    ("学习、宣传、贯彻...等工作。", "学习、宣传、贯彻……等工作。", "GW413", "“...”应为“……”"),
    ("学习、宣传。。。", "学习、宣传……", "GW413", "“。。。”应为“……”"),
    ("目标--到2027年。", "目标——到2027年。", "GW413", "“--”应为“——”"),
    ("共完成１２项任务。", "共完成12项任务。", "GW414", "“１２”改为“12”"),
    ("经研究，，决定如下。", "经研究，决定如下。", "GW416", "“，，”"),
    ("决定如下。。", "决定如下。", "GW416", "“。。”"),
    ("决定如下，。", "决定如下。", "GW416", "“，。”"),
    ("全面加强\u200b党的建设。", "全面加强党的建设。", "GW417", "零宽空格"),
    ("全面加强\u00a0党的建设。", "全面加强党的建设。", "GW417", "不换行空格"),
])
def test_each_slip_fires_and_its_correction_is_silent(slip, fixed, code, words) -> None:
    draft = "市教育局工作安排\n一、主要任务\n{}\n"
    found = style_findings(draft.format(slip))
    assert [(line, rule) for line, rule, _ in found] == [(3, code)], found
    assert words in found[0][2]
    assert codes(draft.format(fixed)) == []


@pytest.mark.parametrize("date,fires", [
    ("2025.1.5", True), ("2025-1-5", True), ("2025/01/05", True), ("2025年01月05日", True),
    ("二〇二五年一月五日", False), ("2025年1月5日", False), ("（2025年1月5日）", False),
    ("2025年12月20日", False),
])
def test_date_line(date: str, fires: bool) -> None:
    text = f"市教育局2025年工作总结\n一、主要工作\n全年完成12项任务。\n市教育局\n{date}\n"
    assert codes(text) == ([(5, "GW415")] if fires else [])


def test_dates_inside_sentences_are_not_checked() -> None:
    text = "市教育局工作安排\n一、主要任务\n于2025-1-5前完成，表中写作2025.01.05。\n"
    assert codes(text) == []


@pytest.mark.parametrize("title,fires", [
    ("市教育局关于开展校园安全大检查的通知。", True), ("市教育局2025年工作总结；", True), ("各位代表：", False),
    ("关于印发《校园安全管理办法》的通知", False), ("在全市教育工作会议上的讲话", False),
])
def test_title_end(title: str, fires: bool) -> None:
    found = codes(f"{title}\n一、主要工作\n完成任务。\n")
    assert found == ([(1, "GW418")] if fires else [])


def test_contents_leaders_and_ordinals_are_not_style_slips() -> None:
    text = ("某市实施方案\n目　　录\n一、总体要求.........1\n二、主要任务.........3\n"
            "一、总体要求\n(一)坚持公益普惠。\n二、主要任务\n扩大资源。\n")
    assert codes(text) == []  # the half-width (一) is GW102's, not GW411's


def test_quotes_across_lines_of_one_markdown_paragraph_pair_up() -> None:
    text = "# 市教育局工作安排\n\n## 一、主要任务\n\n落实“三抓\n三促”行动。\n"
    assert codes(text, "a.md") == []


def test_brackets_across_adjacent_plain_text_lines_pair_up() -> None:
    text = ("国务院工作规则\n（2025年1月5日国务院\n第54次常务会议通过）\n一、总则\n正文。\n\n"
            "（此为说明\n\n见下文）\n")
    assert codes(text) == [(7, "GW412"), (9, "GW412")]


def test_pages_about_documents_are_not_style_checked() -> None:
    """The guide quotes wrong forms on purpose (`2025.1.5`, `...`)."""
    text = "# 写作通则\n\n不写 2025.1.5，不写“...”。\n\n2025.1.5\n"
    assert codes(text, "guide.md") == []
