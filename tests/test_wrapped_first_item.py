"""Text hard wrapped at a fixed width (copied from a PDF): a lead line that happens to
fill the width does not swallow the 一是 that starts the next line. Written for this
test; a firing and a silent case."""
from __future__ import annotations

import textwrap

from gongwen.check import check_text


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "汇报.txt").findings
            if f.severity == "error"]


BODY = [
    ("今年以来，全县上下认真贯彻落实上级决策部署，聚焦年度目标任务持续用力，各项工作取得了"
    "新的进展，经济运行总体平稳，社会大局和谐稳定。"),
    "回顾半年来的工作，困难比预想的多，我们迎难而上，重点抓了以下工作",  # fills the line
    ("一是抓项目建设，稳住经济基本盘。全县新开工项目四十二个，完成投资额同比增长百分之八，"
    "一批重大项目顺利投产见效，为全年目标打下了基础。"),
    ("二是抓民生保障，兜牢民生底线。新增城镇就业二千一百人，发放各类救助资金三千万元，"
    "困难群众基本生活得到有效保障，群众满意度稳步提升。"),
]


def wrapped(paragraphs: list[str]) -> str:
    lines = [line for para in paragraphs for line in textwrap.wrap(para, 32)]
    return "县政府关于上半年工作情况的汇报\n" + "\n".join(lines) + "\n"


def test_a_lead_line_that_fills_the_width_does_not_swallow_the_first_item():
    assert len(BODY[1]) == 32  # the lead line is as long as a full line
    assert errors(wrapped(BODY)) == []


def test_a_gap_in_the_items_is_still_reported():
    text = wrapped([*BODY[:3], BODY[3].replace("二是", "三是", 1)])
    assert [rule for _, rule in errors(text)] == ["GW121"]
