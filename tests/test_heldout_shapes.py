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
