"""Shapes of ordinary drafts as 范文 sites and offices write them (the lead's own variants
of common practice, session six): each false finding they caused, as a silent case, with
the firing case that must still be reported. The sentences are made up."""
from __future__ import annotations

from gongwen.check import check_text


def findings(text: str, doctype: str | None = None, severity: str = "error") -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings
            if f.severity == severity]


def messages(text: str, doctype: str | None = None) -> list[str]:
    return [f.message for f in check_text(text, "稿.txt", doctype).findings]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


SUMMARY = ("某局2023年工作总结及2024年工作计划", "第一部分 2023年工作总结",
           "2023年，我局各项工作稳步推进。现将有关情况总结如下：",
           "一、公共卫生服务能力持续增强", "全年报告法定传染病1236例。",
           "二、医疗服务质量不断提升", "组建医联体3个。",
           "三、存在的问题", "一是资源不足；二是人才短缺。")


def test_a_title_line_ending_like_a_cut_word_heads_the_list_under_it() -> None:
    # 计划、规划 end in 划 (整齐划一), 结合 in 合 (合一): a title line without a clause
    # mark is no clause cut at the margin, so the 一、 under it starts again.
    for title in ("第二部分 2024年工作计划", "2024年工作计划", "今后五年发展规划"):
        text = doc(*SUMMARY, title, "一、深化医药卫生体制改革", "推进医共体建设。",
                   "二、提升公共卫生服务水平", "加强疾控体系建设。")
        outline = [h.raw for h in check_text(text, "稿.txt").outline]
        assert outline == ["一、", "二、", "三、", "一、", "二、"], title
        assert findings(text) == [], title
    # A clause left open before 一、 out of turn still goes on into it (统 ⏎ 一、…) ...
    cut = doc(*SUMMARY, "四、下一步打算", "（一）坚持理论学习与社会实践的统",
              "一、全面发展与个性发展的统一。", "（二）加强队伍建设。")
    assert findings(cut) == []
    assert [h.raw for h in check_text(cut, "稿.txt").outline][-2:] == ["（一）", "（二）"]
    # ... and a bare line right after a heading is no title over a new list: still a slip.
    slip = doc(*SUMMARY[:6], "其他工作", "一、深化改革")
    assert "GW105" in findings(slip)


REPORT = ("中共某县教育局党组关于巡察整改进展情况的通报",
          "按照巡察工作有关要求，现将巡察整改进展情况予以公布。",
          "一、提高政治站位，切实把整改工作抓紧抓实", "局党组召开专题会议研究部署整改工作。",
          "二、坚持问题导向，扎实推进反馈问题整改落实",
          "（一）关于“学习贯彻不深入”问题的整改情况。完善学习制度。",
          "（二）关于“主体责任落实不到位”问题的整改情况。制定责任清单。")


def test_a_rectification_report_is_not_asked_for_a_problems_part() -> None:
    closing = ("三、持续推动全面从严治党向纵深发展",
               "目前，反馈的12个问题已完成整改10个。下一步，局党组将继续保持整改工作力度。",
               "（一）持续抓好未完成事项整改。", "（二）建立长效机制。")
    text = doc(*REPORT, *closing)
    assert findings(text, severity="warning") == []
    # A 情况通报 of other work is still asked for its problems and next steps.
    other = text.replace("巡察整改进展情况的通报", "上半年重点工作推进情况的通报")
    assert [m for m in messages(other) if "存在问题" in m]
    # Without the outlook in the last part's opening, its next steps are not found.
    bare = text.replace("下一步，局党组将继续保持整改工作力度。", "")
    assert [m for m in messages(bare) if "下一步打算" in m]


def test_the_last_part_named_as_consolidating_the_results_is_the_next_steps() -> None:
    for heading in ("三、巩固整改成果，持续推动全面从严治党向纵深发展",
                    "三、持续巩固深化整改成果", "三、拓展运用整改成果"):
        text = doc(*REPORT, heading, "（一）持续抓好未完成事项整改。", "（二）建立长效机制。")
        assert not [m for m in messages(text) if "下一步打算" in m], heading
    other = doc(*REPORT, "三、坚持标本兼治", "（一）持续抓好未完成事项整改。",
                "（二）建立长效机制。")
    assert [m for m in messages(other) if "下一步打算" in m]


def test_problems_and_improvements_in_one_heading_close_a_summary() -> None:
    text = doc("某中学2023年工作总结", "现将一年来的工作总结如下。",
               "一、坚持党建引领，加强队伍建设", "开展主题党日活动12次。",
               "二、坚持立德树人，提高教学质量", "中考成绩位居全县第三。",
               "三、存在的主要问题和改进措施", "一是教师结构不优；二是设施陈旧。")
    assert not [m for m in messages(text) if "下一步打算" in m]
    assert not [m for m in messages(text.replace("改进措施", "改进方向")) if "下一步打算" in m]
    # Without them, the next steps are missing.
    assert [m for m in messages(text.replace("和改进措施", "")) if "下一步打算" in m]


SCHOOL_PLAN = ("某小学2024年春季开学工作方案", "为确保春季开学工作平稳有序，制定本方案。",
               "一、工作目标", "确保开学工作安全、平稳、有序。", "二、工作安排", "（一）报到时间",
               "2月18日上午8:00—11:00。",
               "一、二年级学生由家长陪同到校报到；三至六年级学生自行到校报到。",
               "（二）报到地点", "各班教室。", "三、工作要求", "（一）各班主任要提前到岗。")


def test_two_numerals_in_a_row_open_a_sentence_not_a_heading() -> None:
    text = doc(*SCHOOL_PLAN)
    assert findings(text) == []
    assert [h.raw for h in check_text(text, "稿.txt").outline] == \
        ["一、", "二、", "（一）", "（二）", "三、", "（一）"]
    # A 一、 out of turn that is no range is still a slip ...
    assert "GW105" in findings(text.replace("一、二年级学生由家长陪同", "一、学生由家长陪同"))
    industries = text.replace("一、二年级学生由家长陪同到校报到；三至六年级学生自行到校报到。",
                              "一、二、三产业的企业职工子女由家长陪同报到。")
    assert findings(industries) == []
    # ... and the next heading in turn is read as one, whatever follows it.
    in_turn = text.replace("三、工作要求", "三、四年级工作要求")
    assert [h.raw for h in check_text(in_turn, "稿.txt").outline][-2:] == ["三、", "（一）"]


def test_a_plans_tasks_may_be_written_in_its_arrangements() -> None:
    # 工作安排 holds the tasks of an activity's plan: a missing tasks part is a warning.
    text = doc(*(line for line in SCHOOL_PLAN if not line.startswith("一、二年级")))
    assert "GW201" in findings(text, severity="warning")
    assert "GW201" not in findings(text)
    # Without such a part the tasks are missing for sure.
    bare = doc(*SCHOOL_PLAN[:4], "二、工作要求", "（一）各班主任要提前到岗。")
    assert "GW201" in findings(bare)


def test_a_title_with_a_colon_after_the_text_heads_the_list_under_it() -> None:
    for title in ("第二部分：2024年工作计划", "2024年工作打算：", "下一步工作计划："):
        text = doc(*SUMMARY, title, "一、深化医药卫生体制改革", "推进医共体建设。",
                   "二、提升公共卫生服务水平", "加强疾控体系建设。")
        assert findings(text) == [], title
    # A lead sentence with a colon is no title: the 一、 under it is still out of turn.
    lead = doc(*SUMMARY, "下一步，我们将重点抓好以下几项工作，力争取得新的突破：",
               "一、深化医药卫生体制改革", "推进医共体建设。")
    assert "GW105" in findings(lead)
