"""Shapes left from the bulk run (a school's web pages, not in the repository) after its
second reading: each false finding as a silent case, with the firing case that must still
be reported. The sentences are made up; only the shapes come from those pages."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt").findings if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


FIRST = ("关于做好2025年招生工作的通知", "一、招生计划", "今年计划招收新生600人。", "二、报名方式",
         "网上报名。", "三、咨询方式", "咨询电话：招生办0575-88886666，0575-88887777")
SECOND = ("某某中学美术特长生招生术科测试办法", "一、测试项目", "素描、色彩。", "二、测试时间",
          "6月20日上午。")


def test_a_second_document_titled_after_a_line_without_a_stop() -> None:
    # The line above ends with a telephone number, no full stop: the title is no rest of it.
    assert errors(doc(*FIRST, *SECOND)) == []
    # Without its title the second 一、 is out of turn.
    assert "GW105" in errors(doc(*FIRST, *SECOND[1:]))
    # A line that names no kind of document is no title: the restart is still reported.
    assert "GW105" in errors(doc(*FIRST, "美术特长生术科测试安排如次", *SECOND[1:]))


def test_a_short_rest_of_a_sentence_is_no_title() -> None:
    # "……特制定 ⏎ 本方案" is a sentence cut by a wrap, not a document's title: the plan's
    # transition is still found (no 过渡句 warning) and its outline read as one.
    text = doc("某某中学防汛应急工作方案",
               "为切实做好今年汛期的各项防范应对工作，确保师生安全，结合学校实际，特制定",
               "本方案。", "一、组织领导", "成立防汛工作领导小组。", "二、工作措施", "加强巡查。",
               "三、工作要求", "各部门按职责落实。")
    found = check_text(text, "稿.txt").findings
    assert [f.rule for f in found if f.severity == "error"] == []
    assert "GW205" not in [f.rule for f in found]


def findings(text: str, doctype: str) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in check_text(text, "稿.txt", doctype=doctype).findings]


def plan(title: str) -> str:
    return doc(title, "为切实做好汛期防范应对工作，确保师生安全，结合学校实际，特制定本方案。",
               "一、组织领导", "成立防汛工作领导小组。", "二、工作措施", "加强巡查。",
               "三、工作要求", "各部门按职责落实。")


def test_a_work_plan_without_goals_is_told_to_check_not_failed() -> None:
    # 工作方案、实施方案 often set out no goals of their own (考务、演练、防汛): a warning.
    for title in ("某某中学防汛应急工作方案", "某某区2025年防汛工作实施方案",
                  "某某中学期中考试考务安排", "某某中学2025年消防演练方案（试行）"):
        assert ("GW201", "warning") in findings(plan(title), "plan"), title
        assert ("GW201", "error") not in findings(plan(title), "plan"), title
    # …and so does one sent out with its notice (关于转发《……实施计划》的通知).
    sent = plan("某区人民政府办公室关于转发《某区城市更新2025年度实施计划》的通知")
    assert ("GW201", "error") not in findings(sent, "plan")
    # A 整改方案 answers problems: its goals are required, and their absence is an error.
    assert ("GW201", "error") in findings(plan("某某中学巡察反馈问题整改方案"), "plan")
    assert ("GW201", "error") in findings(plan("关于印发《某某中学巡察反馈问题整改方案》的通知"),
                                          "plan")


def test_a_bare_title_after_items_written_as_sentences_heads_a_section() -> None:
    text = doc("关于召开第三届教代会的通知", "第一阶段", "一、时间：5月20日", "二、议程：",
               "1.宣布大会开始，奏唱国歌；", "2.校长作学校三年工作报告；", "第二阶段",
               "一、时间：5月23日", "二、地点：各代表小组自定")
    assert errors(text) == []
    # After short items (no sentence in them) the bare line is a label over the list
    # only: the 一、 again is a slip.
    short = text.replace("1.宣布大会开始，奏唱国歌；", "1.开幕式") \
        .replace("2.校长作学校三年工作报告；", "2.工作报告")
    assert "GW105" in errors(short)
