"""Shapes found in the sixteenth set of real documents outside the evaluation set
(speeches; not in the repository): each false finding they caused, as a silent case,
with the firing case that must still be reported. The sentences are made up; only the
shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str, doctype: str | None = "speech") -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings
            if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_parts_named_with_the_announcements_word_answer_its_count() -> None:
    text = doc("在全区工作会议上的讲话", "同志们：",
               "下面我讲两个问题。第一个问题：充分肯定一年来的成绩。",
               "第一，经济运行稳中向好。", "第二，民生保障持续加强。",
               "第三，生态环境明显改善。", "第四，社会大局和谐稳定。",
               "第二个问题：清醒认识面临的困难挑战。", "第一，从任务看，难度越来越大。",
               "第二，从工作看，作风还需转变。", "同志们，让我们共同努力！")
    assert errors(text) == []
    # 第一点, 第二点 after 讲三点意见 the same way.
    points = text.replace("讲两个问题", "讲两点意见").replace("第一个问题：", "第一点，") \
        .replace("第二个问题：", "第二点，")
    assert errors(points) == []
    # A third part announced and not given is still a wrong count.
    assert "GW301" in errors(text.replace("讲两个问题", "讲三个问题"))


def test_parts_marked_by_a_numeral_alone_on_its_line_answer_the_count() -> None:
    text = doc("在全县工作会议上的讲话", "同志们：", "今天我讲三个问题。",
               "一", "过去一年，全县经济运行总体平稳。",
               "二", "当前面临的形势依然复杂，困难和挑战不少。",
               "三", "今年要抓好几件事：一是抓项目，二是抓环境。", "同志们，让我们共同努力！")
    assert errors(text) == []
    titled = text.replace("\n一\n", "\n一　回顾过去一年\n") \
        .replace("\n二\n", "\n二　分析当前形势\n").replace("\n三\n", "\n三　部署今年工作\n")
    assert errors(titled) == []
    assert "GW301" in errors(text.replace("讲三个问题", "讲四个问题"))


def test_an_enumeration_pages_below_an_announcement_does_not_answer_it() -> None:
    filler = [f"第{i}段，我们要坚持实事求是，一切从实际出发。" for i in range(1, 9)]
    text = doc("在全县工作会议上的讲话", "同志们：", "今天我讲四个问题。", *filler,
               "要做好两件事：一是抓项目；二是抓环境。", "同志们，让我们共同努力！")
    assert errors(text) == []
    # Right after the announcement, the same list is the one announced: two, not four.
    near = doc("在全县工作会议上的讲话", "同志们：", "今天我讲四个问题。",
               "一是抓项目，项目是发展的生命线。", "二是抓环境，环境是发展的软实力。", *filler,
               "同志们，让我们共同努力！")
    assert "GW301" in errors(near)
