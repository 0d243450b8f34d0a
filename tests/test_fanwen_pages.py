"""A 范文 site's page holds several 范文 one after another (……工作总结范文（通用3篇）),
each set off by a line of its own and numbering its outline from 一、 again: the restart
is no disorder, and the mark is no field to fill in. The sentences are made up."""
from __future__ import annotations

import pytest
from gongwen.check import check_text


def findings(text: str, severity: str = "error") -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt").findings if f.severity == severity]


ONE = ["现将一年来的工作总结如下：", "一、加强学习，提高素质", "认真学习，提高理论水平。",
       "二、履职尽责，做好本职工作", "认真完成各项任务。", "三、存在的不足", "学习不够深入。",
       "四、今后的打算", "加强学习，把工作做得更好。"]
TWO = ["时光飞逝，一年即将过去。", "一、思想方面", "坚持学习。", "二、工作方面", "按时完成任务。",
       "三、不足之处", "创新意识不够强。"]


def page(mark1: str, mark2: str) -> str:
    return "\n".join(["2023年个人工作总结范文（通用2篇）", mark1, *ONE, mark2, *TWO]) + "\n"


@pytest.mark.parametrize("mark", ["2023年个人工作总结范文篇{n}", "篇{n}", "【篇{n}】",
                                  "第{n}篇：个人工作总结", "范文{n}：2023年个人工作总结",
                                  "篇{c}：2023年个人工作总结", "【范文{c}】"])
def test_each_fanwen_of_a_page_numbers_its_own_outline(mark: str) -> None:
    text = page(mark.format(n=1, c="一"), mark.format(n=2, c="二"))
    assert findings(text) == []
    assert "GW401" not in findings(text, "info")
    outline = [h.raw for h in check_text(text, "稿.txt").outline]
    assert outline == ["一、", "二、", "三、", "四、", "一、", "二、", "三、"]


def test_without_a_mark_the_second_outline_is_out_of_turn() -> None:
    assert "GW105" in findings(page("篇1", "另外，我还做了以下工作。"))
    # A sentence that names a 篇 is no mark; a template's field is still one to fill in.
    assert "GW105" in findings(page("篇1", "我写了第二篇，内容如下。"))
    assert "GW401" in findings(page("篇1", "【单位名称】"), "info")


@pytest.mark.parametrize("titles", [("2023年个人工作总结（一）", "2023年个人工作总结（二）"),
                                    ("张某同志个人对照检查材料", "李某同志个人对照检查材料"),
                                    ("组织生活会发言提纲", "民主生活会发言提纲")])
def test_a_page_of_titled_fanwen_numbers_each_from_one(titles: tuple[str, str]) -> None:
    text = page(*titles)
    assert findings(text) == []
    # A title that names no kind of document (……的情况) is no new 范文: out of turn.
    assert "GW105" in findings(page(titles[0], "我的一些情况"))
