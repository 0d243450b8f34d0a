"""Parts, phrases and types as ordinary documents write them, beyond the five exemplars.

Shapes met on a held-out set of real documents (a school's speeches, plans and reports);
each behaviour has a case where the rule fires and one where it stays silent. The drafts
are written for these tests.
"""
from __future__ import annotations

import pytest
from gongwen.check import check_text
from gongwen.check.schema import infer_doctype, load_schemas


def codes(text: str, doctype: str | None, *wanted: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿件.txt", doctype).findings
            if f.rule in wanted]


def messages(text: str, doctype: str | None, *wanted: str) -> list[str]:
    return [f.message for f in check_text(text, "稿件.txt", doctype).findings
            if f.rule in wanted]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def missing(text: str, doctype: str) -> list[str]:
    """The labels of the parts reported missing (GW201/GW202)."""
    return [m.split("“")[1].split("”")[0] for m in messages(text, doctype, "GW201", "GW202")]


# --- K. parts and transitions by their common wording ------------------------------------

@pytest.mark.parametrize("heading", ["二、工作流程", "二、实施程序", "二、竞聘程序"])
def test_a_procedure_is_the_steps_of_a_plan(heading: str) -> None:
    text = doc("某校教师职称评审工作方案", "为做好评审工作，特制定本方案。",
               "一、评审目标", "评审公平。", heading, "个人申报，学校审核。",
               "三、主要任务", "做好评审。", "四、组织保障", "成立领导小组。")
    assert "实施步骤" not in missing(text, "plan")
    # Without such a heading the steps are still reported.
    bare = text.replace(heading + "\n", "").replace("个人申报，学校审核。\n", "")
    assert "实施步骤" in missing(bare, "plan")


def test_concrete_actions_are_the_tasks_and_expected_results_the_goals() -> None:
    text = doc("某校课后服务三年行动计划", "为提升课后服务质量，特制定本计划。",
               "一、预期成效", "学生满意度明显提高。", "二、具体行动", "（一）课程优化行动",
               "开设社团课程。", "三、组织保障", "成立工作专班。")
    lost = missing(text, "plan")
    assert "主要任务或措施" not in lost and "目标" not in lost
    other = text.replace("二、具体行动", "二、时间安排").replace("一、预期成效", "一、背景说明")
    lost = missing(other, "plan")
    assert "目标" in lost and "主要任务或措施" in lost


@pytest.mark.parametrize("sentence,found", [
    ("结合我校实际，特制订本年度评优工作方案。", True),
    ("结合我校实际，特制定本计划。", True),
    ("结合我校实际，现制订如下方案：", True),
    ("结合我校实际，做好评优工作。", False),
])
def test_plan_transition_with_ding_in_either_writing(sentence: str, found: bool) -> None:
    text = doc("某校评优工作方案", sentence, "一、工作目标", "评出先进。")
    assert ("GW205" in codes(text, "plan", "GW205")) is not found


@pytest.mark.parametrize("sentence,found", [
    ("下面我从基本情况、主要做法两个方面作一汇报。", True),
    ("现在，我代表学校向各位专家作工作汇报，请予指正。", True),
    (("下面我从学校发展概况、特色亮点、办学理念和育人目标、师生发展、办学成果、努力方向六个方面，"
      "就创建情况和指标达成情况作一汇报。"), True),
    ("我校创建工作起步早。各项工作都作了部署，有汇报材料。", False),
    ("我们认真开展了创建工作。", False),
])
def test_report_transition_spoken_to_a_panel(sentence: str, found: bool) -> None:
    text = doc("某校创建特色学校工作汇报", "各位专家：", sentence, "一、基本情况", "学校概况。",
               "二、主要做法", "做法一。")
    assert ("GW205" in codes(text, "progress-report", "GW205")) is not found


def test_summary_transition_of_a_report_to_the_staff_assembly() -> None:
    text = doc("某校教代会学校工作报告", "各位代表：",
               "现在，我代表校长室向大会作工作报告，请予审议。", "一、主要工作", "成绩显著。")
    assert codes(text, "summary", "GW205") == []
    assert codes(text.replace("作工作报告，请予审议", "表示感谢"), "summary", "GW205") == ["GW205"]


def test_direction_of_effort_is_the_next_steps_of_a_report() -> None:
    text = doc("某校创建工作汇报", "现将创建情况汇报如下：", "一、主要做法", "做法一。",
               "二、存在问题", "问题一。", "三、努力方向", "继续努力。")
    assert "下一步打算" not in missing(text, "progress-report")
    other = text.replace("三、努力方向", "三、典型经验")
    assert "下一步打算" in missing(other, "progress-report")


def test_consolidating_results_is_the_next_steps_not_the_work_done() -> None:
    text = doc("某校关于巡视整改进展情况的通报", "现将整改进展情况通报如下：",
               "一、提高政治站位，压实整改责任", "成立领导小组。",
               "二、逐项推进整改落实", "（一）压责任补短板，落实管理责任", "细化任务。",
               "三、持续巩固深化整改成果", "建立长效机制。")
    assert codes(text, "progress-report", "GW203") == []  # 补短板 is no problems part
    assert "下一步打算" not in missing(text, "progress-report")
    # The work done is still the work done, and a real problems part is still found.
    work = text.replace("三、持续巩固深化整改成果", "三、整改取得的成果")
    assert "下一步打算" in missing(work, "progress-report")
    real = text.replace("（一）压责任补短板，落实管理责任", "（一）工作中还存在的短板")
    assert "存在问题" not in missing(real, "progress-report")


def test_a_problems_lead_that_ends_with_ru_xia() -> None:
    text = doc("某校2025年工作总结", "现将一年来的工作总结如下：", "一、主要工作", "成绩显著。",
               "当然，学校工作还存在一些不足，主要如下：", "1.师资结构不优。",
               "二、下一步打算", "继续努力。")
    assert "存在问题" not in missing(text, "summary")
    # The transition, ending in 如下 too, opens no part.
    assert "存在问题" in missing(text.replace("当然，学校工作还存在一些不足，主要如下：\n", ""),
                              "summary")


def test_looking_ahead_opens_the_next_steps() -> None:
    text = doc("某校2025年工作总结", "现将一年来的工作总结如下：", "一、主要工作", "成绩显著。",
               "二、存在问题", "问题一。", "展望来年，我校将继续深化课程改革，办好人民满意的教育。")
    assert "下一步打算" not in missing(text, "summary")
    other = text.replace("展望来年，我校将", "回顾这一年，我校")
    assert "下一步打算" in missing(other, "summary")


# --- H. the salutation where speakers write it --------------------------------------------

@pytest.mark.parametrize("opening", [
    ["李某某", "（2025年6月20日）", "亲爱的同学们："],
    ["在建校纪念大会上的讲话", "（2025年5月4日）", "李某某", "团员们，青年朋友们，同志们："],
    ["尊敬的王教授、赵教授，尊敬的老师们，亲爱的同学们：上午好！"],
    ["各位家长，大家好！"],
    ["（2025年9月1日）", "各位家长大家好！"],
])
def test_salutation_after_the_title_block_and_in_its_common_forms(opening: list[str]) -> None:
    text = doc("在建校纪念大会上的讲话", *opening, "今天，我们召开纪念大会。",
               "让我们携手奋进！")
    assert codes(text, "speech", "GW204") == []


@pytest.mark.parametrize("line", ["今天，我们在这里召开纪念大会。", "我们，大家："])
def test_a_sentence_is_no_salutation(line: str) -> None:
    text = doc("在建校纪念大会上的讲话", "李某某", line, "让我们携手奋进！")
    assert codes(text, "speech", "GW204") == ["GW204"]


# --- I. the meeting's task after a long title block ---------------------------------------

def test_the_task_is_looked_for_after_the_title_block() -> None:
    text = doc("在年度总结大会上的讲话", "守正创新谱新篇", "团结奋斗开新局",
               "——在年度总结大会上的讲话", "（1月10日）", "某局党组书记　李某某", "同志们：",
               "今天我们召开总结大会，主要任务是回顾工作、部署任务。", "让我们共同努力！")
    assert "会议任务" not in missing(text, "speech")
    # Past six sentences, the task is no longer the opening's.
    late = text.replace("同志们：\n", "同志们：\n" + "工作有成绩。\n" * 6)
    assert "会议任务" in missing(late, "speech")


@pytest.mark.parametrize("sentence", ["今天，我们在这里隆重集会，庆祝建校七十周年。",
                                      "今天，我们隆重举行新学期开学典礼。",
                                      "今天的家长会，我想和大家交流三件事。"])
def test_a_gathering_or_ceremony_states_the_task(sentence: str) -> None:
    text = doc("在开学典礼上的讲话", "同志们：", sentence, "让我们共同努力！")
    assert "会议任务" not in missing(text, "speech")
    assert "会议任务" in missing(text.replace(sentence, "新学期开始了。"), "speech")


# --- J. the closing call in a final list, or before a bare thanks --------------------------

def test_a_closing_list_of_hopes_has_its_call() -> None:
    text = doc("在全县教育工作会议上的讲话", "同志们：", "本次会议的主要任务是部署工作。",
               "同志们，我提三点希望：", "一是要增强大局意识。", "二是要增强责任意识。",
               "三是要增强担当意识。")
    assert "结尾号召" not in missing(text, "speech")
    plain = text.replace("同志们，我提三点希望：", "以上这些，请会后研究。")
    assert "结尾号召" in missing(plain, "speech")


def test_a_hope_for_all_graduates_before_the_thanks_is_the_call() -> None:
    text = doc("在毕业典礼上的讲话", "亲爱的同学们：", "今天，我们隆重举行毕业典礼。",
               "希望全体毕业生牢记校训，书写青春华章！", "谢谢大家！")
    assert "结尾号召" not in missing(text, "speech")
    other = text.replace("希望全体毕业生牢记校训，书写青春华章！", "典礼到此结束，请有序离场。")
    assert "结尾号召" in missing(other, "speech")


# --- M. 一要…二要… answer an announcement -------------------------------------------------

@pytest.mark.parametrize("body", [
    ["这里，我提三点要求：一要端正学风。二要勤于思考。三要学以致用。"],
    ["这里，我提三点要求：一要端正学风；二要勤于思考；三要学以致用。"],
    ["这里，我提三点要求。", "第一要端正学风。", "第二要勤于思考。", "第三要学以致用。"],
])
def test_yi_yao_items_answer_the_announced_count(body: list[str]) -> None:
    text = doc("在干部培训班开班式上的讲话", "同志们：", *body, "让我们共同努力！")
    assert codes(text, "speech", "GW301") == []


def test_yi_yao_items_short_of_the_count_are_an_error() -> None:
    text = doc("在干部培训班开班式上的讲话", "同志们：",
               "这里，我提三点要求：一要端正学风。二要勤于思考。", "让我们共同努力！")
    assert messages(text, "speech", "GW301") == [
        "宣布的条数与实际不符：宣布“提三点”（3项），其后实有2个“一要”列举（第3行起）"]
    # 第一要务 is no item: the announcement stands alone, as before.
    alone = doc("在干部培训班开班式上的讲话", "同志们：",
                "这里，我提三点要求，发展是第一要务。", "让我们共同努力！")
    assert [f.severity for f in check_text(alone, "稿件.txt", "speech").findings
            if f.rule == "GW301"] == ["warning"]


# --- type inference ---------------------------------------------------------------------

@pytest.mark.parametrize("title,doctype", [
    ("中共某大学委员会关于巡视整改进展情况的通报", "progress-report"),
    ("关于审计整改落实情况的报告", "progress-report"),
    ("某校党风廉政建设情况报告", "progress-report"),
    ("某校领导班子总结报告", "summary"),
    ("某局2025年度工作总结报告", "summary"),
    ("某校九届二次教代会学校工作报告", "summary"),
    ("某局2025年工作情况报告", "summary"),
    ("某县农业农村局2024年工作总结和2025年工作计划", "summary"),
    ("某局2024年工作总结及2025年工作思路", "summary"),
    ("某镇上半年工作总结暨下半年工作打算", "summary"),
    ("某校师资队伍建设行动方案（试行）", "plan"),
    ("某校教育信息化三年行动计划（2025—2027年）", "plan"),
    ("某校教育信息化三年行动计划", "plan"),
    # Not one of the five: left untyped, never typed wrongly.
    ("关于开展安全检查的通知", None),
    ("关于印发某某行动计划的通知", None),
    ("关于加强教师队伍建设的意见", None),
    ("某校教师考勤管理规定", None),
    ("关于同意设立分校的批复", None),
    ("关于表彰先进集体的通报", None),
    ("2026年政府工作报告", None),
    ("某校2010年安全工作计划", None),
    ("关于总结和推广基层经验的计划", None),
    # A formal 报告 on a year's work may be a summary or a report to the people's congress:
    # left untyped (--type tells it).
    ("某市场监管局关于2024年食品安全工作情况的报告", None),
    ("情况汇报", None),
])
def test_titles_typed_or_left_alone(title: str, doctype: str | None) -> None:
    assert infer_doctype(title, load_schemas()) == doctype


def test_an_outlook_in_the_closing_paragraph_is_the_next_steps() -> None:
    text = doc("某校结对帮扶工作汇报", "现将有关情况汇报如下：", "一、主要做法", "做法一。",
               "二、存在问题", "问题一。", "三、结语",
               "回望过去，我校帮扶工作成效显著。展望来年，我校将继续深化结对帮扶。")
    assert "下一步打算" not in missing(text, "progress-report")
    other = text.replace("展望来年，我校将继续深化结对帮扶。", "各方面评价良好。")
    assert "下一步打算" in missing(other, "progress-report")


# --- L. parts named where drafters name them ----------------------------------------------

SELF_REVIEW = doc(
    "某局领导班子民主生活会对照检查材料", "现将对照检查情况报告如下。",
    "一、对照检查情况", "（一）在理论学习方面。学得不深。", "（二）在担当作为方面。劲头不足。",
    "二、问题产生的原因", "理想信念有所松懈。", "三、整改措施", "加强理论武装。")


def test_the_review_by_aspect_is_the_problems_part() -> None:
    assert "存在的问题" not in missing(SELF_REVIEW, "self-review")
    assert "存在的问题" not in missing(
        SELF_REVIEW.replace("一、对照检查情况", "一、检视问题情况"), "self-review")
    # A first part that names neither problems nor a review of them: still reported.
    other = SELF_REVIEW.replace("一、对照检查情况", "一、学习研讨情况") \
        .replace("（一）在理论学习方面", "（一）理论学习") \
        .replace("（二）在担当作为方面", "（二）担当作为")
    assert "存在的问题" in missing(other, "self-review")
    # Under it, aspects written 在……方面 are the problems found in each aspect.
    aspects = SELF_REVIEW.replace("一、对照检查情况", "一、学习研讨情况")
    assert "存在的问题" not in missing(aspects, "self-review")


def test_aspects_as_the_parts_themselves_are_the_problems() -> None:
    # No heading over the problems: each aspect of the meeting's notice is a part of its own.
    text = doc("某局领导班子2024年度民主生活会对照检查材料", "现将对照检查情况报告如下。",
               "一、在带头强化政治忠诚、提高政治能力方面", "理论学习不够深入。",
               "二、在带头敢于担当、积极主动作为方面", "面对矛盾有畏难情绪。",
               "三、问题产生的原因", "（一）理想信念有所弱化。",
               "四、整改措施", "（一）加强理论武装。")
    assert "存在的问题" not in missing(text, "self-review")
    # Aspects named otherwise are not taken for problems.
    named = text.replace("一、在带头强化政治忠诚、提高政治能力方面", "一、强化政治忠诚") \
        .replace("二、在带头敢于担当、积极主动作为方面", "二、积极主动作为")
    assert "存在的问题" in missing(named, "self-review")


SUMMARY_BY_PARTS = doc(
    "某区发展和改革局2024年工作总结", "现将全年工作总结如下。",
    "第一部分　2024年工作完成情况", "一、经济运行总体平稳。增长5.8%。", "二、项目建设提速增效。",
    "第二部分　存在的问题", "一、新动能不足。", "二、项目储备不足。",
    "第三部分　2025年工作打算", "一、全力稳增长。", "二、全力抓项目。")


def test_a_part_above_the_numbered_headings_names_its_part() -> None:
    assert missing(SUMMARY_BY_PARTS, "summary") == []
    # The same title without its part line: the plans are missing, and said so.
    bare = SUMMARY_BY_PARTS.replace("第三部分　2025年工作打算\n", "")
    assert "下一步打算" in missing(bare, "summary")
    # An article (第三条) is a provision, not the title of a part.
    article = SUMMARY_BY_PARTS.replace("第三部分　2025年工作打算", "第三条　工作打算另行制定。")
    assert "下一步打算" in missing(article, "summary")


@pytest.mark.parametrize("heading", ["二、原因分析", "二、问题成因分析", "二、产生问题的原因"])
def test_an_analysis_of_causes_is_the_causes_part(heading: str) -> None:
    text = SELF_REVIEW.replace("二、问题产生的原因", heading)
    assert "原因剖析" not in missing(text, "self-review")
    # An analysis of something else is not the causes.
    assert "原因剖析" in missing(SELF_REVIEW.replace("二、问题产生的原因", "二、形势分析"),
                                 "self-review")


@pytest.mark.parametrize("sentence,found", [
    ("我从以下四个方面进行了对照检查。", True),
    ("现就以下几个方面作检视剖析。", True),
    ("我认真学习了会议精神，征求了意见。", False),
])
def test_a_review_from_the_following_aspects_is_the_transition(sentence: str,
                                                               found: bool) -> None:
    text = SELF_REVIEW.replace("现将对照检查情况报告如下。", sentence)
    assert ("GW205" not in codes(text, "self-review", "GW205")) is found


SPEECH = doc(
    "在全区安全生产工作会议上的讲话", "同志们：", "这次会议的主要任务是部署安全生产工作。",
    "今年以来，全区安全生产形势总体平稳，但隐患仍然不少。", "一、压实责任", "要落实责任。",
    "二、排查隐患", "要排查到位。", "同志们，让我们共同努力，守牢安全底线！")


@pytest.mark.parametrize("review", ["今年以来，全区安全生产形势总体平稳，但隐患仍然不少。",
                                    "首先要充分肯定成绩，全区安全生产形势总体平稳，但隐患仍然不少。"])
def test_a_review_without_the_word_review(review: str) -> None:
    text = SPEECH.replace("今年以来，全区安全生产形势总体平稳，但隐患仍然不少。", review)
    assert "工作回顾" not in missing(text, "speech")
    # A speech that looks back on nothing is still told (a warning).
    bare = SPEECH.replace("今年以来，全区安全生产形势总体平稳，但隐患仍然不少。\n", "")
    assert "工作回顾" in missing(bare, "speech")


SUMMARY_AND_PLAN = doc(
    "某区档案馆2025年工作总结及2026年工作计划", "现将有关情况总结如下。",
    "一、2025年工作总结", "一是推进数字化。二是改进查档服务。",
    "二、2026年工作计划", "一是完成二期项目。二是建设审核平台。")


def test_a_summary_and_plan_in_one_may_leave_out_the_problems() -> None:
    found = [(f.rule, f.severity)
             for f in check_text(SUMMARY_AND_PLAN, "稿.txt", "summary").findings
             if f.rule in ("GW201", "GW202")]
    # The work part is its 工作总结 heading; the problems, absent, are a warning only.
    assert found == [("GW201", "warning")]
    assert "主要工作和成效" not in missing(SUMMARY_AND_PLAN, "summary")
    # A summary alone, every heading a part, still has to say what went wrong.
    alone = SUMMARY_AND_PLAN.replace("及2026年工作计划", "", 1)
    found = [(f.rule, f.severity) for f in check_text(alone, "稿.txt", "summary").findings
             if f.rule == "GW201"]
    assert found == [("GW201", "error")]


def test_next_steps_named_at_the_start_of_a_heading() -> None:
    text = doc("某区农业农村局关于秋季动物防疫检查情况的通报", "现将检查情况通报如下：",
               "一、基本情况", "总体合格。", "二、存在问题", "档案不完整。",
               "三、下一步应采取的措施", "（一）抓好整改。", "（二）加强培训。")
    assert "下一步打算" not in missing(text, "progress-report")
    assert "下一步打算" in missing(text.replace("三、下一步应采取的措施", "三、其他事项"),
                                   "progress-report")


def test_next_years_work_in_the_last_clause_and_work_said_to_be_done_well() -> None:
    text = doc("某区应急管理局2025年工作总结", "现将全年工作总结如下。",
               "一、以进固稳，2025年各项工作成效显著", "（一）形势稳定。", "二、存在问题",
               "力量薄弱。", "三、开拓创新，全力以赴做好2026年工作", "（一）深化排查。")
    assert missing(text, "summary") == []
    # The same year again is no plan for the next one.
    same = text.replace("做好2026年工作", "做好2025年工作")
    assert "下一步打算" in missing(same, "summary")


# --- L. counts announced by a list's own lead ----------------------------------------------

SUMMARY_OPENING = ("某局2024年工作总结", "2024年，我局扎实推进各项工作。")
SUMMARY_PARTS = ("一、主要工作", "（一）抓服务。办件量增长。", "二、存在问题", "一些工作还有差距。",
                 "三、下一步打算", "继续努力。")


@pytest.mark.parametrize("lead", ["呈现以下三大亮点：", "重点做了以下三项工作：",
                                  "主要有以下三个特点："])
def test_a_list_announced_by_its_lead_counts_its_items(lead: str) -> None:
    items = ("一是服务效能提升。", "二是项目建设加快。", "三是营商环境优化。")
    right = doc(*SUMMARY_OPENING, "今年工作" + lead, *items, *SUMMARY_PARTS)
    assert codes(right, "summary", "GW301") == []
    four = doc(*SUMMARY_OPENING, "今年工作" + lead, *items, "四是队伍建设加强。", *SUMMARY_PARTS)
    assert codes(four, "summary", "GW301") == ["GW301"]
    # Run in: the items in the lead's own paragraph.
    run_in = doc(*SUMMARY_OPENING, "今年工作" + lead + "".join(items[:2]), *SUMMARY_PARTS)
    assert codes(run_in, "summary", "GW301") == ["GW301"]


def test_a_count_of_what_something_else_holds_is_no_announcement() -> None:
    # 以下三类人员：… names what the subsidy covers; the 一、 parts after it are not counted.
    covers = doc(*SUMMARY_OPENING, "对以下三类人员给予补助：低保户、特困户和残疾人。",
                 "全年发放补助一百万元。", *SUMMARY_PARTS, "四、其他", "无。")
    assert codes(covers, "summary", "GW301") == []


def test_parts_named_one_by_one_before_their_count() -> None:
    opening = "现从主要工作、存在问题、下一步打算三个方面总结如下："
    assert codes(doc(*SUMMARY_OPENING, opening, *SUMMARY_PARTS), "summary", "GW301") == []
    two = doc(*SUMMARY_OPENING, opening, *SUMMARY_PARTS[:4])
    assert codes(two, "summary", "GW301") == ["GW301"]
    # A count that is someone else's, in a sentence that goes on, counts nothing.
    reported = doc(*SUMMARY_OPENING, "市委从思想、组织、作风三个方面提出要求，我们逐条落实。",
                   "全年工作扎实。", *SUMMARY_PARTS[:4])
    assert codes(reported, "summary", "GW301") == []


# --- M. a part opened by the turn of a long first sentence ---------------------------------

WORK = ("某局2024年工作总结", "2024年，我局围绕中心工作，各项任务顺利推进。", "一、2024年工作情况",
        "（一）抓好队伍建设", "全年开展集中学习12次。", "（二）抓好重点项目", "推进重点项目8个。")
NEXT = ("二、2025年工作思路", "（一）加强队伍建设", "完善学习制度。")


def test_problems_opened_by_the_turn_of_a_long_first_sentence() -> None:
    turn = ("今年以来，我局各项工作有序开展并取得一定成效，"
            "但离全年目标任务还有不小差距，存在一定问题。一是项目推进不够快。二是人才储备不足。")
    assert codes(doc(*WORK, turn, *NEXT), "summary", "GW201") == []
    # A turn that names no problem opens no part: the problems are still missing.
    done = ("今年以来，我局各项工作有序开展并取得一定成效，"
            "但我们没有止步，又新开工项目三个，全年任务圆满完成。全年投资增长一成。")
    assert codes(doc(*WORK, done, *NEXT), "summary", "GW201") == ["GW201"]


# --- N. a speech that closes by charging its hearers with the follow-up ---------------------

WORK_SPEECH = ("在全县安全生产工作会议上的讲话", "同志们：",
               "今天召开全县安全生产工作会议，主要任务是部署今年的安全生产工作。下面，我讲三点意见。",
               "一、认清形势", "今年以来，全县安全生产形势总体平稳。", "二、突出重点",
               "重点抓好道路交通、建筑施工等行业领域的隐患排查。", "三、压实责任",
               "乡镇干部严格落实安全生产责任制。")


@pytest.mark.parametrize("closing", ["以上意见，请大家结合实际认真贯彻落实。",
                                     "会后，各地各部门要迅速传达会议精神，抓好工作落实。",
                                     "最后，预祝本次培训班圆满成功！"])
def test_a_speech_closing_with_the_follow_up(closing: str) -> None:
    assert "结尾号召" not in missing(doc(*WORK_SPEECH, closing), "speech")
    # Ended inside its last point, it has no closing.
    assert "结尾号召" in missing(doc(*WORK_SPEECH), "speech")


@pytest.mark.parametrize("title, opening", [
    ("在庆祝建校七十周年招待会上的讲话", "各位来宾，朋友们：值此佳节，我谨代表学校表示热烈欢迎。"),
    ("在2011届毕业典礼上的讲话", "今天，我们迎来了一年一度的毕业盛典。")])
def test_a_toast_or_a_ceremony_has_no_meeting_task_to_state(title: str, opening: str) -> None:
    text = doc(title, opening, "让我们共同努力，再创佳绩！")
    assert "会议任务" not in missing(text, "speech")
    # A work meeting's speech still states its task.
    assert "会议任务" in missing(text.replace(title, "在全县教育工作会议上的讲话")
                                 .replace(opening, "各位同志：谢谢大家的支持。"), "speech")


@pytest.mark.parametrize("opening", ["为做好市容环境管理，结合本镇实际，特制定实施意见。",
                                     "为做好市容环境管理，现制定如下实施意见："])
def test_an_implementing_opinion_announces_itself_as_a_plan_does(opening: str) -> None:
    text = doc("某镇市容环境常态化管理考核实施意见", opening, "一、工作目标", "环境整洁。",
               "二、主要任务", "（一）加强巡查。", "三、保障措施", "加强领导。")
    assert codes(text, "plan", "GW205") == []
    assert codes(text.replace(opening, "市容环境管理很重要。"), "plan", "GW205") == ["GW205"]
