"""Shapes found in a tenth set of real documents outside the evaluation set (a city's
问题清单 printed from a table, a school's five-year plan; not in the repository): each
false finding they caused, as a silent case, with the firing case that must still be
reported. The sentences are made up; only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.check.nested import nested_items


def errors(text: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt").findings if f.severity == "error"]


def outline(text: str) -> list[str]:
    return [h.raw + h.title for h in check_text(text, "稿.txt").outline]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# A table of problems printed as paragraphs: each row's label, a sentence, its items.
TABLE = doc("学校安全检查常见问题清单", "问题类别", "具体表现",
            "1.消防设施：", "灭火器、应急灯等配置不到位。", "1.灭火器过期未更换；",
            "2.应急照明灯不亮；", "3.疏散指示标志缺失。",
            "2.用电安全：", "私拉电线等。", "1.教室插座串联使用；", "2.宿舍使用大功率电器。",
            "3.食品安全", "食堂管理不规范。", "1.留样记录不全；", "2.健康证过期。")


def test_items_nested_under_same_form_labels_are_no_outline() -> None:
    assert errors(TABLE) == []
    assert outline(TABLE) == ["1.消防设施：", "2.用电安全：", "3.食品安全"]


def test_a_slip_in_the_labels_or_a_list_that_ends_nowhere_is_still_reported() -> None:
    # The labels themselves skip a number: the items stay items, the gap is reported.
    assert errors(TABLE.replace("3.食品安全", "4.食品安全")) != []
    # One label alone over a 1. again, no next label after its items: left as it is.
    alone = doc("某校通知", "一、安排", "1.时间：", "1.上午；", "2.下午。", "二、要求", "准时。")
    assert errors(alone) == ["GW104"]


def test_the_search_for_nested_lists_is_linear() -> None:
    # A long outline with no label in it: one look at each 1., none at the rest.
    text = doc("某规划", *[f"{n}.第{n}项任务。内容。" for n in range(1, 3001)])
    assert errors(text) == []
    assert nested_items(check_text(text, "稿.txt").outline) == set()
