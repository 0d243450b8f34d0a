"""Shapes from a third round of drafting variants (correct drafts in the forms 机关、学校
and 医院 drafters use; not in the repository): each false finding as a silent case, with
the firing case that must still be reported."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str, doctype: str | None = None) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings if f.severity == "error"]


def rules(text: str, doctype: str | None = None) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


ASPECTS = ("下面，我从四个方面进行对照检查。", "一、存在的问题")
CAUSES_AND_MEASURES = ("二、原因分析", "理想信念不够坚定。", "三、整改措施", "加强学习。")


def test_aspects_listed_as_items_of_the_first_part_answer_the_count() -> None:
    for items in (("1.学习方面。不够深入。", "2.作风方面。不够扎实。", "3.纪律方面。不够严格。",
                   "4.担当方面。攻坚不够。"),
                  ("一是学习方面，不够深入。", "二是作风方面，不够扎实。",
                   "三是纪律方面，不够严格。", "四是担当方面，攻坚不够。")):
        text = doc("组织生活会个人对照检查材料", *ASPECTS, *items, *CAUSES_AND_MEASURES)
        assert rules(text) == ["GW202"], items[0]  # (上年度整改情况: recommended)
        # Three aspects listed for four announced: the count is wrong.
        assert "GW301" in errors(doc("组织生活会个人对照检查材料", *ASPECTS, *items[:3],
                                     *CAUSES_AND_MEASURES)), items[0]


GRADES = ("市义务教育学校作业管理实施方案", "为减轻学生作业负担，制定本实施方案。", "一、工作目标",
          "作业总量得到有效控制。", "二、分学段控制作业总量")


def test_a_range_of_grades_in_turn_is_no_heading_when_the_heading_follows() -> None:
    text = doc(*GRADES, "三、四年级书面作业平均完成时间不超过60分钟。", "三、保障措施",
               "加强督导。")
    assert errors(text) == []
    # Where no 三、 follows, the line in turn is the heading (and 四、 after it is in turn).
    assert errors(doc(*GRADES, "一、二年级不布置书面作业。", "三、四年级作业不超过60分钟。",
                      "四、保障措施", "加强督导。")) == []
    # Grades listed right under the heading's line, one range after another: none is the
    # heading's rest or a heading (二、分学段…… ⏎ 一、二年级…… ⏎ 三、四年级…… ⏎ 五、六年级……).
    listed = doc(*GRADES, "一、二年级不布置书面家庭作业。", "三、四年级作业不超过60分钟。",
                 "五、六年级作业不超过60分钟。", "三、保障措施", "加强督导。")
    assert errors(listed) == []
    assert [h.raw for h in check_text(listed, "稿.txt").outline] == ["一、", "二、", "三、"]
    # A repeated heading is still one: 三、 twice, each a heading of its own, is reported.
    assert "GW104" in errors(doc(*GRADES, "三、加强作业设计", "优化作业。", "三、保障措施",
                                 "加强督导。"))


LEDGER = ("市人民医院巡察整改方案", "为抓好巡察整改，特制定本方案。", "一、整改目标",
          "反馈问题全部整改到位。", "二、整改任务", "序号\t问题\t整改措施\t完成时限",
          "一、全面从严治党方面", "1\t压力传导不够\t签订责任书\t2026年3月", "二、医疗服务方面",
          "2\t预约率低\t推广预约诊疗\t2026年6月", "三、保障措施", "加强组织领导。")


def test_the_group_rows_of_a_ledger_table_are_the_tables_own() -> None:
    assert errors(doc(*LEDGER)) == []
    # A Word table's rows come as cells apart by 全角空格: the same.
    assert errors(doc(*LEDGER).replace("\t", "\u3000")) == []
    # Without the table's rows under them, 一、 again under 二、 is out of turn.
    bare = [line for line in LEDGER if "\t" not in line]
    assert "GW105" in errors(doc(*bare))


def test_required_parts_opened_by_a_lead_sentence_without_a_heading() -> None:
    review = ("个人对照检查材料", "现将对照检查情况报告如下。", "一、存在的问题",
              "一是理论学习不够深入；二是调查研究不够扎实。")
    causes = doc(*review, "究其原因，主要是理想信念有所松懈，党性修养有所放松。", "二、整改措施",
                 "一是加强理论学习；二是深入调查研究。")
    assert "GW201" not in rules(causes)
    assert "GW201" in errors(causes.replace("究其原因，主要是", "同时，"))
    measures = doc(*review, "二、原因剖析", "理想信念有所松懈。",
                   "针对上述问题，本人将着力做到：一是加强学习；二是深入调研。")
    assert "GW201" not in rules(measures)
    assert "GW201" in errors(measures.replace("针对上述问题，本人将着力做到：", "此外，"))
    plan = doc("市教育局校园周边环境整治工作方案", "为净化校园周边环境，特制定本方案。",
               "一、工作目标", "校园周边秩序明显好转。", "二、整治内容", "整治无证摊点。",
               "三、实施步骤", "分三个阶段实施。",
               "各单位要高度重视，加强组织领导，确保整治工作取得实效。")
    assert "GW201" not in rules(plan)
    assert "GW201" in errors(plan.replace("各单位要高度重视，加强组织领导，", "到年底，"))
    many = plan.replace("各单位要", "各县（市、区）教育局和各学校要")
    assert "GW201" not in rules(many)
    summary = ("县教育局2026年工作总结", "现将全年工作总结如下。", "一、主要工作",
               "新增学位800个。")
    gaps = doc(*summary, "回顾一年的工作，我们也深感还有不少差距，主要是教师结构性缺编。",
               "二、下一步打算", "加快学校建设。")
    assert "GW201" not in rules(gaps)
    assert "GW201" in errors(gaps.replace("我们也深感还有不少差距，主要是", "我们补充了"))
    plans = doc(*summary, "二、存在的问题", "教师结构性缺编。",
                "新学年，学校将重点推进三项工作：一是课堂改革；二是队伍建设；三是家校共育。")
    assert "GW201" not in rules(plans)
    done = plans.replace("新学年，学校将重点推进三项工作", "这一年，我们做了三项工作")
    assert "GW201" in errors(done)


def warned(text: str, doctype: str | None = None) -> list[str]:
    return [f.message for f in check_text(text, "稿.txt", doctype).findings]


def test_parts_under_an_outline_numbered_from_its_second_level() -> None:
    # A short summary numbered （一）（二）（三） throughout: its headings name its parts.
    text = doc("2026年“安全生产月”活动总结", "现将活动情况总结如下。", "（一）主要做法",
               "开展宣传教育。", "（二）存在的不足", "演练不够规范。", "（三）下一步打算",
               "常态化开展演练。")
    assert not [m for m in warned(text, "summary") if "部分" in m]
    # The same under 1. 2. 3., and a heading that names no part is still told.
    dotted = text.replace("（一）", "1.").replace("（二）", "2.").replace("（三）", "3.")
    assert not [m for m in warned(dotted, "summary") if "部分" in m]
    assert [m for m in warned(dotted.replace("下一步打算", "其他事项"), "summary")
            if "下一步打算" in m]
    # Irregular as it is, what is missing there is a warning, not an error.
    assert "GW201" not in errors(dotted.replace("下一步打算", "其他事项"), "summary")


def test_more_names_of_parts_and_of_a_transition() -> None:
    summary = doc("2026年工作总结", "现将全年工作总结如下。", "一、主要工作", "完成了任务。",
                  "二、存在问题", "人手不足。", "三、2027年工作展望", "继续努力。")
    assert not [m for m in warned(summary, "summary") if "下一步打算" in m]
    plan = doc("校园周边环境专项整治方案", "为净化环境，特制定本方案。", "一、整治目标",
               "秩序好转。", "二、整治重点", "无证摊点。", "三、保障措施", "加强领导。")
    assert not [m for m in warned(plan, "plan") if "主要任务或措施" in m]
    timed = plan.replace("整治重点", "整治时间")
    assert [m for m in warned(timed, "plan") if "主要任务或措施" in m]
    drill = plan.replace("专项整治方案", "防汛应急预案").replace("特制定本方案", "特制定本预案")
    assert "GW205" not in [f.rule for f in check_text(drill, "稿.txt", "plan").findings]


def test_a_quotation_of_several_paragraphs_closes_only_the_last() -> None:
    text = doc("党课讲稿", "同志们：", "毛泽东同志在《反对本本主义》中指出：",
               "“没有调查，没有发言权。",
               "“你对于那个问题不能解决吗？那末，你就去调查那个问题的现状和它的历史吧！”",
               "同志们，让我们大兴调查研究之风！")
    assert "GW412" not in [f.rule for f in check_text(text, "稿.txt").findings]
    # A quotation left open with nothing after it is still unpaired.
    alone = text.replace("“你对于那个问题", "你对于那个问题").replace("历史吧！”", "历史吧！")
    assert "GW412" in [f.rule for f in check_text(alone, "稿.txt").findings]


def test_a_study_talk_is_no_self_review() -> None:
    title = "在主题教育读书班上的交流研讨发言材料"
    talk = doc(title, "按照读书班安排，我谈几点学习体会。", "一、深刻领会党的创新理论",
               "体会很深。", "二、准确把握理论联系实际的方法", "体会很深。")
    assert check_text(talk, "稿.txt").doctype is None
    for other in ("2025年度民主生活会对照检查发言材料", "组织生活会个人发言提纲",
                  "专题民主生活会检视剖析发言材料"):
        assert check_text(talk.replace(title, other), "稿.txt").doctype == "self-review", other
