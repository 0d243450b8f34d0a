"""Shapes found in a seventh set of real documents outside the evaluation set (a college
department's report, a city leader's speech, school 方案; not in the repository): each false
error they caused, as a silent case, with the firing case that must still be reported. The
sentences are made up; only the shapes come from those documents."""
from __future__ import annotations

import pytest
from gongwen.check import check_text
from gongwen.check.document import read


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt").findings
            if f.severity == "error"]


def warnings(text: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt").findings if f.severity == "warning"]


def outline(text: str) -> list[str]:
    return [h.raw for h in check_text(text, "稿.txt").outline]


# Parts headed by 一问：…？ 二问：…？ (or 第一问：), a 1. list under each.
QUESTIONS = """系里发展思路的三个问题
今年系里编制了发展规划，下面用三问说明思路。
一问：为什么要谋划新格局？
1.这是形势发展的要求
国家对人才培养提出了新要求。
2.这是自身发展的需要
系里的短板需要补齐。
二问：如何谋划新格局？
1.深入调研
走访了十所兄弟院校。
2.听取意见
召开了五场座谈会。
"""


@pytest.mark.parametrize("label", ["二问：如何谋划新格局？", "第二问：如何谋划新格局？",
                                   "如何谋划新格局？"])
def test_a_list_starts_again_under_a_question(label):
    assert errors(QUESTIONS.replace("二问：如何谋划新格局？", label)) == []


def test_a_list_going_on_wrongly_under_a_question_is_still_reported():
    # Under the question the list must start at one: 3. there is numbered on (a warning
    # names it), and a 2. after 1. under the same question is a repeat.
    assert (11, "GW104") in errors(QUESTIONS.replace("2.听取意见", "1.听取意见"))
    # Without a line between them, a 1. after 2. is out of order.
    assert (8, "GW105") in errors(QUESTIONS.replace("二问：如何谋划新格局？\n", ""))


def wrap(paragraph: str, width: int = 24) -> str:
    """A paragraph as copied from a PDF: indented two spaces, hard wrapped."""
    paragraph = "\u3000\u3000" + paragraph
    return "\n".join(paragraph[i:i + width] for i in range(0, len(paragraph), width))


def test_a_question_over_a_list_is_not_joined_to_a_hard_wrapped_paragraph():
    # Text copied from a PDF, hard wrapped at 24 characters; the line before the second
    # question is full (with its indent, its paragraph is 48 characters long) and ends
    # with its 。.
    body = "外语系坚持以学科建设为龙头，以人才培养为根本，以队伍建设为关键，努力推进各项工作。"
    last = ("外语系紧紧围绕提升外语人才培养质量这个战略基点，"
            "牢牢把握改革创新这个关键，全面推进各项工作。")
    assert len(last) == 46
    wrapped = "\n".join([
        "系里发展思路的三个问题",
        wrap("今年系里编制了发展规划，下面用三问说明思路，请大家提出意见。"),
        wrap("一问：为什么要谋划新格局？"), wrap("1.这是形势发展的要求"), wrap(body * 2),
        wrap("2.这是自身发展的需要"), wrap(last),
        wrap("二问：如何谋划新格局？"), wrap("1.深入调研出实招找新路"), wrap(body * 3),
        wrap("2.用心用情问计于师生"), wrap(body * 2), ""])
    assert errors(wrapped) == []
    assert outline(wrapped) == ["1.", "2.", "1.", "2."]
    # The question is read as a paragraph of its own.
    assert "二问：如何谋划新格局？" in [p.text.strip() for p in read(wrapped, "稿.txt").paragraphs]
    # A page break of the PDF (its number and running head) between the question and
    # its list.
    question = "二问：如何谋划新格局？\n"
    paged = wrapped.replace(question, question + "- 2 -\n学院工作简报\n")
    assert errors(paged) == []
    assert outline(paged) == ["1.", "2.", "1.", "2."]
    assert "二问：如何谋划新格局？" in [p.text.strip() for p in read(paged, "稿.txt").paragraphs]


# A speech pasted as one line: 举一反三、 inside a sentence, then 三、 after a full stop.
PASTED_SPEECH = ("在全市作风建设推进会上的讲话\n同志们：今天召开会议，部署作风建设工作。"
                 "下面，我讲三点意见。一、统一思想认识。要充分认识作风建设的重要性。"
                 "二、突出工作重点。各单位要结合典型案例，举一反三、对照检视，把问题找准找实。"
                 "三、压实工作责任。各级领导干部要带头抓落实。同志们，让我们以好的作风推动工作。\n")


def test_a_numeral_ending_a_word_is_not_a_heading_when_the_heading_follows():
    assert outline(PASTED_SPEECH) == ["一、", "二、", "三、"]
    assert errors(PASTED_SPEECH) == []
    # The announcement is matched by the three parts on its own line: no warning that
    # nothing numbered follows it, and a wrong count is still an error.
    assert "GW301" not in warnings(PASTED_SPEECH)
    assert (2, "GW301") in errors(PASTED_SPEECH.replace("我讲三点", "我讲四点"))
    # A real slip after a full stop is still reported (here as a repeat or, the word
    # read as 三、 then, as a disorder).
    repeated = PASTED_SPEECH.replace("三、压实", "二、压实")
    assert {"GW104", "GW105"} & {rule for _, rule in errors(repeated)}


# 方案 pasted without line breaks: an item glued to the text before it.
GLUED_ITEMS = ("学校运动会开幕式工作方案\n为办好运动会开幕式，特制定本方案。"
               "工作人员安排：1、主持：张老师。2、场地布置：体育组。"
               "3、评委：李明  王芳  赵刚  中层领导4、分数统计：陈老师。"
               "5、音乐播放：刘老师。\n")
GLUED_TOP = ("迎接专项评估工作方案\n为做好评估迎检工作，特制定本方案。"
             "一、时间：7月7日上午8:50-12:00二、流程。1.听取汇报。2.查阅材料。三、准备工作。1.场地准备。2.材料准备。\n")


def test_a_missing_item_glued_to_the_text_before_it_is_read():
    assert [h.title for h in check_text(GLUED_ITEMS, "稿.txt").outline][3] == "分数统计：陈老师"
    assert errors(GLUED_ITEMS) == []
    assert outline(GLUED_TOP) == ["一、", "二、", "1.", "2.", "三、", "1.", "2."]
    assert errors(GLUED_TOP) == []


def test_a_gap_with_no_glued_item_is_still_reported():
    assert (2, "GW103") in errors(GLUED_ITEMS.replace("中层领导4、", "中层领导，"))
    # 4、5人 is a range, not the missing item.
    assert (2, "GW103") in errors(GLUED_ITEMS.replace("中层领导4、分数统计", "中层领导4、5人统计"))
    assert (2, "GW103") in errors(GLUED_TOP.replace("12:00二、", "12:00。"))


# A published speech: the title, the speaker's name, the date, then the text.
BYLINE = """在全市经济工作会议上的讲话
张某某
（2025年12月20日）
这次会议的主要任务是总结今年工作，部署明年工作。
一、今年工作回顾
一年来，全市经济稳中有进。
"""


def test_a_missing_salutation_is_shown_at_the_first_sentence_not_the_byline():
    found = [f for f in check_text(BYLINE, "稿.txt").findings if f.rule == "GW204"]
    assert [(f.line, f.severity) for f in found] == [(4, "warning")]
    assert "实际第4行是“这次会议的主要任务是总结今年工作" in found[0].message
    # With the 称呼 after the dateline, nothing is missing.
    greeted = BYLINE.replace("（2025年12月20日）\n", "（2025年12月20日）\n同志们：\n")
    assert "GW204" not in [f.rule for f in check_text(greeted, "稿.txt").findings]
