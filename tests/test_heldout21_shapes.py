"""Shapes found in the twenty-first and twenty-second sets of real documents outside the
evaluation set (Shanghai municipal and district plans, 意见 and notices; measured after
every other fix; not in the repository): each false finding they caused, as a silent
case, with the firing case that must still be reported. The sentences are made up; only
the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def findings(text: str, doctype: str | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in check_text(text, "稿.txt", doctype).findings]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


PLAN = ("关于建立事故隐患内部报告奖励机制的实施方案", "为压实企业主体责任，特制定本方案。",
        "一、工作目标", "到年底，建立奖励机制。", "二、工作举措", "（一）明确报告范围。",
        "三、推动措施", "（一）定期通报进展。")


def test_a_second_heading_naming_the_tasks_is_not_read_with_confidence() -> None:
    # 二、工作举措 三、推动措施: the second is the safeguards in other words. A missing
    # 保障 part is then a warning to check, not an error.
    assert ("GW201", "error") not in findings(doc(*PLAN), "plan")
    assert ("GW201", "warning") in findings(doc(*PLAN), "plan")
    # With one tasks heading and every heading a part, the missing part is an error.
    once = doc(*PLAN[:-2], "三、实施步骤", "分两步实施。")
    assert ("GW201", "error") in findings(once.replace("实施方案", "问题整改方案"), "plan")


def test_an_opinion_without_goals_is_told_to_check() -> None:
    opinion = doc("关于推进某项工作的指导意见", "为推进某项工作，提出如下意见。", "一、基本要求",
                  "坚持问题导向。", "二、主要任务", "（一）完善制度。", "三、配套措施",
                  "加强保障。")
    assert ("GW201", "error") not in findings(opinion, "plan")


def test_an_opening_that_proposes_or_names_the_plan_in_full() -> None:
    body = ("一、总体目标", "到2025年完成更新任务。", "二、重点任务", "推进旧区改造。",
            "三、保障措施", "加强组织领导。")
    for opening in ("为加快建设现代化城区，提出本区城市更新行动方案。",
                    "为加快建设现代化城区，结合本区实际，制定城市更新工作方案（2024-2026年）。"):
        assert ("GW205", "warning") not in findings(doc("城市更新行动方案", opening, *body), "plan")
    plain = doc("城市更新行动方案", "为加快建设现代化城区，全区上下共同努力。", *body)
    assert ("GW205", "warning") in findings(plain, "plan")


def test_an_attachment_list_run_into_the_last_item_of_a_pasted_text() -> None:
    pasted = doc("关于推进公园建设的实施意见",
                 "为推进公园建设，提出如下意见。一、主要任务1.建设公园。按计划推进。2.提升绿地。"
                 "按标准养护。二、保障措施1.加强组织领导。明确责任分工。2.健全考核机制。纳入年度考核。"
                 "3.加强广泛参与。形成共建氛围。附件：1.郊野公园建设项目表2.公园绿地建设计划表"
                 "3.造林项目计划表4.绿道建设计划表")
    assert [rule for rule, severity in findings(pasted) if severity == "error"] == []
    # Without the label the list run into the line is read as items again (and repeats).
    unlabelled = pasted.replace("附件：", "")
    assert [rule for rule, severity in findings(unlabelled) if severity == "error"]
