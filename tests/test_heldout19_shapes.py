"""Shapes found in the nineteenth set of real documents outside the evaluation set
(national 意见 and 实施方案, 政府工作报告; not in the repository): each false finding
they caused, as a silent case, with the firing case that must still be reported. The
sentences are made up; only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def findings(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt", "plan").findings
            if f.severity in ("error", "info") and f.rule.startswith("GW1")]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


PLAN = ("关于推进社区服务提升的实施方案", "为做好社区服务提升工作，制定本方案。", "一、总体要求",
        "（一）指导思想。坚持问题导向。", "（二）工作目标。年底前完成各项任务。", "二、重点任务",
        "（一）摸清底数。开展排查。", "（二）建立台账。动态更新。", "三、推进措施",
        "（三）强化督导。每月检查一次。", "（四）严格考核。纳入年度评价。", "四、保障措施",
        "（五）加强领导。明确牵头单位。", "（六）加强宣传。推广经验。")


def test_tasks_numbered_through_the_parts_after_the_general_requirements() -> None:
    # 总体要求 numbers its own （一）（二）; the tasks number （一）…（六） from 二、 to the end.
    assert [rule for _, rule in findings(doc(*PLAN))] == ["GW107"]  # (noted once, a style)
    # A part that starts again after the tasks went on mixes the two styles: reported.
    mixed = doc(*PLAN).replace("（五）加强领导", "（一）加强领导") \
        .replace("（六）加强宣传", "（二）加强宣传")
    assert any(rule in ("GW105", "GW106") for _, rule in findings(mixed))


def test_a_list_going_on_across_one_part_only_is_still_a_slip() -> None:
    # （一）（二） / （一）（二） / （三）（四）: the third part forgot to start again.
    three = doc(*PLAN[:11])
    assert (10, "GW106") in findings(three)


def test_headings_pasted_into_one_line_after_a_web_indent_of_mixed_spaces() -> None:
    # A web page's paragraphs joined, each kept its indent of four spaces and two 全角空格.
    indent = "    \u3000\u3000"
    text = doc("关于推进某项工作的意见", indent.join((
        "为做好某项工作，提出以下意见：", "一、总体要求。", "（一）指导思想。坚持问题导向。",
        "（二）工作目标。年底前完成。", "二、重点任务。", "（一）摸清底数。开展排查。")),
        indent + "（二）建立台账。逐项登记。" + indent + "（三）强化督导。定期检查。")
    assert findings(text) == []
    # A real gap in the same text is still found.
    assert "GW103" in [rule for _, rule in findings(text.replace("（三）强化", "（四）强化"))]


def warnings(text: str, doctype: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings]


def test_transitions_and_parts_of_national_texts() -> None:
    measures = doc("某市促进消费若干措施", "为进一步扩大消费，结合实际，制定如下政策措施。",
                   "一、工作目标", "到年底增长百分之五。", "二、主要任务", "（一）扩大供给。",
                   "三、完善组织管理和制度建设", "加强统筹。")
    assert "GW205" not in warnings(measures, "plan")
    assert "GW205" in warnings(measures.replace("制定如下政策措施", "研究如下"), "plan")
    # 完善组织管理 is the safeguards part.
    assert "GW201" not in warnings(measures, "plan")
    assert "GW201" in warnings(measures.replace("完善组织管理和制度建设", "完善制度建设"), "plan")
    # A 政府工作报告 of a new term reports the five years and proposes this year's work.
    report = doc("政府工作报告", "各位代表：",
                 "现在，我代表国务院，向大会报告过去五年的工作和对今年政府工作的建议，请予审议。",
                 "一、过去五年工作回顾", "经济实力明显增强。", "二、存在的问题和不足",
                 "发展不平衡。", "三、对今年政府工作的建议", "继续努力。")
    assert warnings(report, "summary") == []
    unsaid = report.replace("向大会报告过去五年的工作和", "向大会说明")
    assert "GW205" in warnings(unsaid, "summary")
    assert "GW201" in warnings(report.replace("对今年政府工作的建议", "政府自身建设"), "summary")


def test_problems_after_the_achievements_seen() -> None:
    # 在看到发展成就的同时，我们也清醒认识到，……: the problems part of a report.
    report = doc("政府工作报告", "各位代表：", "一、过去一年工作回顾", "过去一年，经济平稳运行。",
                 "在看到发展成就的同时，我们也清醒认识到，发展不平衡不充分问题仍然突出。",
                 "二、今年工作安排", "今年要抓好几项工作。")
    assert not [m for m in warnings_of(report, "summary") if "存在问题" in m]
    plain = report.replace("在看到发展成就的同时，我们也清醒认识到，", "同时，")
    assert [m for m in warnings_of(plain, "summary") if "存在问题" in m]


def warnings_of(text: str, doctype: str) -> list[str]:
    return [f.message for f in check_text(text, "稿.txt", doctype).findings]
