"""Shapes from a fourth round of drafting variants (correct drafts by 机关、学校、医院、国企
writers; not in the repository): each false finding as a silent case, with the firing
case that must still be reported."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str, doctype: str | None = None) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


REVIEW = ("个人对照检查材料", "下面，我从五个方面进行对照检查。", "一、上年度整改落实情况",
          "上年度查摆的问题已全部整改。", "二、存在的问题", "（一）学习方面。不深。",
          "（二）纪律方面。不严。", "（三）作风方面。不实。", "（四）担当方面。不够。",
          "（五）廉洁方面。不细。", "三、原因剖析", "理想信念弱化。", "四、整改措施", "加强学习。")


def test_aspects_in_the_problems_part_after_last_years_rectification() -> None:
    assert errors(doc(*REVIEW)) == []
    # Listed as 1.–5. or 一是…五是 in that part: the same.
    dotted = doc(*REVIEW).replace("（一）", "1.").replace("（二）", "2.").replace("（三）", "3.") \
        .replace("（四）", "4.").replace("（五）", "5.")
    assert errors(dotted) == []
    # Four aspects for the five announced: the count is wrong.
    four = doc(*(line for line in REVIEW if not line.startswith("（五）")))
    assert "GW301" in errors(four)


REPORT = ("2025年度述职述廉报告", "现从德、能、勤、绩、廉五个方面报告如下。", "一、德",
          "政治坚定。", "二、能", "业务精通。", "三、勤", "勤勉敬业。", "四、绩", "完成任务。",
          "五、廉", "廉洁自律。", "六、存在的不足", "调研不够。", "七、今后努力方向", "加强学习。")


def test_aspects_named_one_by_one_are_the_first_parts() -> None:
    assert errors(doc(*REPORT)) == []
    assert errors(doc(*REPORT), "summary") == []
    # Named in another order than the parts: the count is held to the parts, and fails.
    shuffled = doc(*REPORT).replace("德、能、勤、绩、廉", "能、德、勤、绩、廉")
    assert "GW301" in errors(shuffled)
    # Four named for five parts (one name dropped): still reported.
    dropped = doc(*REPORT).replace("德、能、勤、绩、廉五个方面", "德、能、勤、绩四个方面")
    assert "GW301" in errors(dropped)


def rules(text: str, doctype: str | None = None) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings]


def test_more_ways_to_name_a_summarys_plans_and_a_reviews_transition() -> None:
    summary = doc("2025年上学期教研组工作总结", "现将本学期工作总结如下。", "一、主要工作",
                  "开展教研活动。", "二、不足与改进", "听课不够，下学期改进。")
    assert "GW201" not in rules(summary, "summary")
    assert "GW201" in errors(summary.replace("不足与改进", "存在的不足"), "summary")
    led = doc("2025年上学期教研组工作总结", "现将本学期工作总结如下。", "一、主要工作",
              "开展教研活动。", "二、存在的不足", "听课不够。",
              "下学期，学校将重点做好三项工作：一是听课；二是评课；三是磨课。")
    assert "GW201" not in rules(led, "summary")
    review = doc("个人对照检查材料", "根据安排，下面，我作对照检查。", "一、存在的问题",
                 "学习不够。", "二、原因剖析", "放松学习。", "三、整改措施", "加强学习。")
    assert "GW205" not in rules(review)
    assert "GW205" in rules(review.replace("下面，我作对照检查。", "我认真准备了材料。"))


def test_a_rectification_notice_tells_the_problems_first() -> None:
    notice = doc("关于村集体“三资”管理问题整改情况的通报", "各村党组织：", "现将整改情况通报如下。",
                 "一、存在的问题", "资产台账不完整。", "二、整改情况", "完成资产清查。",
                 "三、有关要求", "各村开展自查。")
    assert "GW203" not in rules(notice)
    # A progress report of other work that tells its problems before its work: told.
    other = notice.replace("三资”管理问题整改情况的通报", "三资”管理工作情况的汇报")
    assert "GW203" in rules(other)
