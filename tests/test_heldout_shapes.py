"""Shapes found in real documents outside the evaluation set (2026 provincial 政府工作报告):
each false error they caused, as a firing and a silent case."""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.text.numbering import parse_ordinal


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "报告.txt").findings
            if f.severity == "error"]


def test_an_item_that_starts_with_a_year_is_an_item():
    # 名词解释 at the end of a report: 20.2026年10件民生实事：…
    assert parse_ordinal("20.2026年10件民生实事：说明。").number == 20
    assert parse_ordinal("3．1998年以来的数据").number == 3
    # A decimal is still no ordinal: 1.5亿元, 2.2026 without 年.
    assert parse_ordinal("1.5亿元的投资") is None
    assert parse_ordinal("2.2026亿元") is None
    notes = ("2026年政府工作报告\n名词解释：\n1.项目一：说明。\n2.2026年10件民生实事：说明。\n"
             "3.百日攻坚：说明。\n")
    assert errors(notes) == []
    # The item really missing is still a gap.
    assert (5, "GW103") in errors(notes.replace("2.2026年10件民生实事：说明。\n", "说明。\n"))


def test_a_bracket_left_alone_at_a_line_end_joins_the_next_line():
    # A web page broke （三） after its opening bracket: （ ⏎ 三）改革开放……
    text = ("2026年政府工作报告\n一、过去一年\n（一）经济运行稳中有进。\n（二）产业升级步伐加快。\n"
            "（\n三）改革开放持续深化、互促共进。\n（四）民生福祉不断增进。\n")
    assert errors(text) == []
    outline = [h.raw for h in check_text(text, "报告.txt").outline]
    assert outline == ["一、", "（一）", "（二）", "（三）", "（四）"]
    # Only a line break is mended: with a blank line between, （三） is missing and the
    # gap is reported at （四）.
    assert (8, "GW103") in errors(text.replace("（\n三）", "（\n\n三）"))


def rules(text: str, doctype: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings]


REPORT = """2026年政府工作报告
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全省经济运行稳中有进。
我们也清醒认识到：经济转型升级仍处于攻坚期，民生保障还有短板。
二、下一步打算
今年要重点做好以下工作。
"""


def test_a_government_work_report_read_as_a_summary_has_its_parts():
    found = rules(REPORT, "summary")
    assert "GW205" not in found  # 向大会报告工作 is its transition
    assert "GW201" not in found  # 清醒认识到 opens the problems part
    # Without them both are missing indeed.
    bare = REPORT.replace("现在，我代表省人民政府，向大会报告工作，请予审议。\n", "").replace(
        "我们也清醒认识到：经济转型升级仍处于攻坚期，民生保障还有短板。\n", "")
    assert "GW205" in rules(bare, "summary") and "GW201" in rules(bare, "summary")


SPEECH = """在全省工作会议上的讲话
同志们：
今天召开全省工作会议，主要任务是部署今年的工作。
一、充分肯定成绩
过去一年，各项工作取得了明显成效。
二、扎实做好今年工作
要抓好三件事。
越是形势严峻复杂越需要领导干部保持定力。各级领导干部要团结带领人民群众战胜各种艰难险阻，交出一份合格的答卷。
"""


def test_a_speech_that_closes_with_a_charge_to_the_cadres_has_its_closing():
    assert "GW201" not in rules(SPEECH, "speech")
    ended = SPEECH.rsplit("越是", 1)[0]  # the closing paragraph taken away
    assert "GW201" in rules(ended, "speech")
