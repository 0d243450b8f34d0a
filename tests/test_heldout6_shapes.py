"""Shapes found in a sixth set of real documents outside the evaluation set (a city
government's speech, school 方案; not in the repository): each false error they caused, as
a silent case, with the firing case that must still be reported. The sentences are made
up; only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt").findings
            if f.severity == "error"]


# A list that begins in the title of a run-in heading (its first sentence) and goes on
# in its body.
RUN_IN = """某中学高二年级学习安排
一、总体考虑
1.高一期间，打好基础。
2.高二期间，把时间分成三块，一是复习学考科目，争取全部合格。二是学好选考科目。三是补强数学。
3.高三期间，全力冲刺。
"""


def test_a_list_begun_in_a_run_in_heading_goes_on_in_its_body():
    assert errors(RUN_IN) == []
    # A gap in that list is still one.
    assert (4, "GW121") in errors(RUN_IN.replace("三是补强", "四是补强"))
    # A heading that only names a 第十三 in passing starts no list of its own.
    assert errors(RUN_IN.replace("3.高三期间，全力冲刺。",
                                 "3.2018年，第十三、十四届，继续颁发。")) == []


SPEECH = """在全区作风建设推进会上的讲话
同志们：
今天召开这次会议，主要任务是部署作风建设。
一、抓好作风建设
一是要优化作风。首先，要压实领导责任。其次，要提高办事效率。第三，要深挖细纠“四风”问题。
二、抓好工作落实
同志们，让我们真抓实干，把各项任务落到实处。
"""


def test_a_list_may_mix_shouxian_qici_and_di():
    # 首先…其次…第三, inside a paragraph (after another list's 一是).
    assert [r for _, r in errors(SPEECH) if r.startswith("GW12")] == []
    # 首先…第二…第三, and 首先是… with the next item 第二.
    assert [r for _, r in errors(SPEECH.replace("其次，", "第二，")) if r.startswith("GW12")] == []
    assert [r for _, r in errors(SPEECH.replace("首先，要", "首先是"))
            if r.startswith("GW12")] == []
    # A missing item is still reported: 首先…其次…第四.
    assert (5, "GW121") in errors(SPEECH.replace("第三，", "第四，"))
    # 其次 inside a paragraph with no list open is prose, not an item…
    assert [r for _, r in errors(SPEECH.replace("首先，要压实领导责任。", ""))
            if r.startswith("GW12")] == [r for _, r in errors(
        SPEECH.replace("首先，要压实领导责任。其次，要提高办事效率。", "")) if r.startswith("GW12")]
    # …and 第三 after 首先 alone is a gap.
    assert (5, "GW121") in errors(SPEECH.replace("其次，要提高办事效率。", ""))


DRILL = """某中学考前安检演练方案
为做好考前安检演练，特制定本方案。
一、演练目标
确保考生顺利入场。
二、演练任务和流程
附一：高二学生安检流程：
（1）学生在教室集中，完成自检。
（2）学生依次通过安检门。
附二：走读学生安检流程：
报到时间15：00，从西门进校。
（1）学生在门厅集中，完成自检。
（2）学生依次通过安检门。
三、工作要求
各岗位人员按时到位。
"""


def test_a_numbered_label_holds_over_its_lead_sentence():
    assert [e for e in errors(DRILL) if e[1].startswith("GW10")] == []
    # Without the label, a list that starts again after a sentence is still out of order.
    unlabelled = DRILL.replace("附二：走读学生安检流程：\n", "走读学生另行安排。\n")
    assert (11, "GW105") in errors(unlabelled)
    # A label that is no numbered one (a lead-in with a colon) must stand right above.
    lead_in = DRILL.replace("附二：走读学生安检流程：", "走读学生安检流程如下：")
    assert (11, "GW105") in errors(lead_in)


CONTEST = """某中学作文大赛活动方案
为提高写作能力，特制定本方案。
一、大赛目的
提高写作能力。
二、参与对象
全体高一学生。
三、附：获奖作文范文
一、开头
文章开头点题。
二、正文
正文分三层展开。
"""


def test_a_numbered_heading_over_an_appended_text():
    # 三、附：… over a sample with its own 一、二、: the sample numbers on its own.
    assert [e for e in errors(CONTEST) if e[1].startswith("GW10")] == []
    # A gap inside the sample is still found.
    assert (10, "GW103") in errors(CONTEST.replace("二、正文", "三、正文"))
    # The same heading without 附 is the page's own third part: 一、 after it is wrong.
    assert (8, "GW105") in errors(CONTEST.replace("三、附：获奖作文范文", "三、获奖作文范文"))


PLAN = """某中学消防演练方案
为提高师生应急避险能力，特制定本方案。
一、组织领导
成立演练领导小组，校长任组长。
二、演练目标
全体师生三分钟内有序疏散。
三、演练内容
（一）疏散路线。
（二）集合清点。
四、演练流程
按警报、疏散、清点、总结依次进行。
"""


def warnings(text: str, code: str) -> list[int | None]:
    return [f.line for f in check_text(text, "稿.txt", "plan").findings if f.rule == code]


def test_a_plan_may_put_its_organisation_first():
    # 组织领导 first and the steps last, or the steps before the tasks: both common.
    assert warnings(PLAN, "GW203") == []
    tasks = "三、演练内容\n（一）疏散路线。\n（二）集合清点。\n"
    steps = "四、演练流程\n按警报、疏散、清点、总结依次进行。\n"
    steps_first = PLAN.replace(tasks + steps, steps.replace("四", "三") + tasks.replace("三", "四"))
    assert warnings(steps_first, "GW203") == []
    # The goals after the tasks are still out of order.
    goals = "二、演练目标\n全体师生三分钟内有序疏散。\n"
    swapped = PLAN.replace(goals + tasks, tasks.replace("三", "二") + goals.replace("二", "三"))
    assert warnings(swapped, "GW203") == [5]


CONTEST_PLAN = """某中学读书笔记评比活动方案
为培养阅读习惯，特制定本方案。
一、活动目的
培养学生阅读习惯。
二、具体活动
（一）撰写读书笔记
1.时间：7月1日至8月31日。
2.格式：请按以下提纲撰写。
读书笔记提纲
一、作品简介
二、主要内容
1.人物
2.情节
三、心得体会
（二）评比展示
1.各班推荐3篇。
三、表彰奖励
评出一等奖10篇。
"""


def test_an_outline_quoted_inside_a_list_item_is_no_part_of_the_page_outline():
    assert [e for e in errors(CONTEST_PLAN) if e[1].startswith("GW1")] == []
    result = check_text(CONTEST_PLAN, "稿.txt")
    assert "作品简介" not in [h.title for h in result.outline]
    assert "评比展示" in [h.title for h in result.outline]
    # Without its title line the restart is the page's own: out of order.
    assert (9, "GW105") in errors(CONTEST_PLAN.replace("读书笔记提纲\n", ""))
    # Nor at the page's top level, where a new 一、 is no item's content.
    item = "（一）撰写读书笔记\n1.时间：7月1日至8月31日。\n2.格式：请按以下提纲撰写。\n"
    top = CONTEST_PLAN.replace(item, "")
    assert (7, "GW105") in errors(top)
    # A gap in the page's own numbering after it is still found.
    assert (17, "GW103") in errors(CONTEST_PLAN.replace("三、表彰奖励", "四、表彰奖励"))


def test_check_file_reads_crlf_and_cr_as_the_same_lines(tmp_path):
    from gongwen.check import check_file

    text = "某中学作文大赛活动方案\n一、大赛目的\n提高写作能力。\n三、参与对象\n全体学生。\n"
    results = []
    for name, newline in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.replace("\n", newline).encode("utf-8"))
        result = check_file(path)
        results.append(([(f.line, f.rule, f.message) for f in result.findings],
                        [(h.line, h.title) for h in result.outline]))
    assert results[0] == results[1] == results[2]
    assert (4, "GW103") in [(line, rule) for line, rule, _ in results[0][0]]


WORK_SPEECH = """在全县教育工作会议上的讲话
同志们：
今天召开全县教育工作会议，主要任务是部署今年的工作。
下面，我讲两点意见。
一、坚持立德树人
各校要把德育放在首位。
二、抓好安全工作
各校要压实安全责任。
同志们，让我们携手奋进，再创佳绩！
"""


def test_a_speech_at_a_ceremony_is_not_asked_for_a_review_of_the_work():
    def missing(text: str) -> list[str]:
        return sorted(f.message[6:12] for f in check_text(text, "稿.txt", "speech").findings
                      if f.rule == "GW202")
    # A work meeting's speech without a review of the year is told so…
    assert any("工作回顾" in m for m in missing(WORK_SPEECH))
    # …a speech at an opening ceremony is not (nor of problems, nor of numbered parts).
    ceremony = WORK_SPEECH.replace("在全县教育工作会议上的讲话", "在2025学年开学典礼上的讲话")
    assert missing(ceremony) == []
    plain = ceremony.replace("下面，我讲两点意见。\n一、坚持立德树人\n", "").replace(
        "二、抓好安全工作\n", "")
    assert missing(plain) == []
    # The required closing is still looked for at a ceremony.
    no_closing = plain.replace("同志们，让我们携手奋进，再创佳绩！\n", "")
    assert "GW201" in [f.rule for f in check_text(no_closing, "稿.txt", "speech").findings]
