"""Parts, phrases, announced counts and web junk as real drafts write them (issue 10).

Each behaviour has a case where the rule fires and one where it stays silent. The
fixtures are short drafts written for these tests (not the evaluation set's texts).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from gongwen.check import check_text
from gongwen.check.schema import SchemaError, load_schemas


def findings(text: str, doctype: str | None = None, codes: tuple[str, ...] = ()) -> list:
    result = check_text(text, "稿件.txt", doctype)
    return [f for f in result.findings if not codes or f.rule in codes]


def brief(text: str, doctype: str | None = None, codes: tuple[str, ...] = ()) -> list:
    return [(f.rule, f.severity) for f in findings(text, doctype, codes)]


def doc(title: str, *lines: str) -> str:
    return "\n".join((title, *lines)) + "\n"


PARTS = ("GW201", "GW202", "GW203")


# --- 1. parts by meaning -----------------------------------------------------------------

@pytest.mark.parametrize("problems,causes,measures", [
    ("一、对照检查中查摆出的问题", "二、剖析问题根源", "三、下一步整改举措"),
    ("一、存在的差距和不足", "二、问题产生的思想根子", "三、努力方向"),
    ("一、突出问题", "二、根源剖析", "三、改进措施"),
])
def test_self_review_parts_by_key_words(problems: str, causes: str, measures: str) -> None:
    text = doc("某局长专题组织生活会对照检查材料", "按照党组安排，现将对照检查情况报告如下。",
               problems, "一是学习不深。", causes, "对自己要求不严。", measures, "持之以恒抓学习。")
    assert brief(text, "self-review", ("GW201",)) == []


def test_a_part_every_heading_misses_is_an_error() -> None:
    text = doc("某局长对照检查材料", "现将对照检查情况报告如下。",
               "一、查摆出的问题", "一是学习不深。", "二、今后的整改举措", "持之以恒抓学习。")
    [finding] = findings(text, "self-review", ("GW201",))
    assert finding.severity == "error"
    assert finding.message.startswith("缺少必备部分“原因剖析”：对照检查材料应有标题含“原因”")


def test_the_head_of_a_heading_decides_its_part() -> None:
    # 问题产生的根源 is about causes; 确保困难学生应助尽助 is a topic, not a problems part.
    causes_only = doc("某局长对照检查材料", "现将对照检查情况报告如下。",
                      "一、问题产生的根源", "要求不严。", "二、整改措施", "抓学习。")
    [missing] = findings(causes_only, "self-review", ("GW201",))
    assert "“存在的问题”" in missing.message
    topical = doc("某县教育局2025年工作总结", "现将工作情况总结如下。",
                  "一、坚持扶困助学，确保困难学生应助尽助", "发放资助金。",
                  "二、坚持控辍保学，确保适龄儿童应学尽学", "劝返学生。",
                  "三、下一步打算", "巩固成果。")
    [missing] = findings(topical, "summary", ("GW201",))
    assert "“存在问题”" in missing.message


@pytest.mark.parametrize("work,problems,plans", [
    ("一、2025年工作完成情况", "二、问题与不足", "三、下一阶段工作安排"),
    ("一、工作回顾", "二、短板弱项", "三、2026年工作思路"),
    ("一、基本情况", "二、存在的不足", "三、明年工作计划"),
])
def test_summary_parts_by_key_words(work: str, problems: str, plans: str) -> None:
    text = doc("市教育局2025年工作总结", "现将有关情况总结如下。",
               work, "新增学位。", problems, "学位紧张。", plans, "加快建设。")
    assert brief(text, "summary", PARTS) == []


def test_a_topical_summary_has_its_work_part() -> None:
    text = doc("某中学2025年工作总结", "现将全年工作总结如下。",
               "一、坚持党建引领，夯实办学根基", "召开党委会议。",
               "二、深化课堂改革，提升育人质量", "开设公开课。",
               "三、存在的不足", "师资不足。", "四、明年工作思路", "补齐师资。")
    assert brief(text, "summary", PARTS) == []
    # One topical heading is not enough to be sure: the work part is only a warning.
    one = doc("某中学2025年工作总结", "现将全年工作总结如下。",
              "一、坚持党建引领，夯实办学根基", "召开党委会议。",
              "二、存在的不足", "师资不足。", "三、明年工作思路", "补齐师资。")
    assert brief(one, "summary", PARTS) == [("GW201", "warning")]


def test_an_outline_read_in_part_is_not_sure_of_a_missing_part() -> None:
    # A pasted text of which only 三、 was read as a heading: the others may be there.
    text = doc("市教育局关于推进集团化办学的实施方案", "特制定本实施方案。……二、重点任务……",
               "三、保障措施", "加强领导。")
    assert {f.severity for f in findings(text, "plan", ("GW201",))} == {"warning"}


def test_a_part_may_be_a_level_two_heading() -> None:
    text = doc("市教育局关于推进集团化办学的实施方案", "结合我市实际，特制定本实施方案。",
               "一、总体要求", "（一）指导思想", "坚持公益。", "（二）发展目标",
               "到2027年覆盖全部学校。",
               "二、重点任务", "组建集团。", "三、实施步骤", "分三步。", "四、保障措施",
               "加强领导。")
    assert brief(text, "plan", ("GW201",)) == []
    # A subheading inside a later part does not stand for an earlier one: （二）巩固……成果
    # under 下一步打算 is a task, not the work done.
    summary = doc("某局2025年工作总结", "现将工作情况总结如下。",
                  "一、存在问题", "学位紧张。", "二、下一步打算", "（一）扩大学位",
                  "（二）巩固建设成果")
    [finding] = findings(summary, "summary", ("GW201",))
    assert "“主要工作和成效”" in finding.message and finding.severity == "error"


def test_a_part_may_open_with_a_lead_sentence() -> None:
    base = ("某中心2025年上半年工作总结", "现将上半年工作总结如下。",
            "一、完成设备采购", "完成采购项目11个。", "二、推进标准化建设", "验收实验室12所。")
    led = doc(*base, "工作中还有一些短板：一是使用率不高；二是论证不足。",
              "下半年，我们将重点做好两项工作：一是加快采购；二是开展检查。")
    assert brief(led, "summary", PARTS) == []
    unled = doc(*base, "使用率不高，论证不足。")
    assert brief(unled, "summary", ("GW201",)) == [("GW201", "warning"), ("GW201", "warning")]


# --- 2. required, recommended, optional; the document's own kind -------------------------

def test_plan_guiding_part_is_recommended_and_messages_name_the_kind() -> None:
    text = doc("区教育局关于课后服务提质的工作方案", "特制定本方案。",
               "一、工作目标", "全覆盖。", "二、工作任务", "丰富内容。", "三、工作要求",
               "明确专人。")
    got = findings(text, "plan", PARTS)
    assert [(f.rule, f.severity) for f in got] == [("GW202", "warning")] * 3
    assert all(f.message.split("：")[1].startswith("工作方案一般有") for f in got)
    assert not any("整改方案" in f.message for f in got)
    zhenggai = doc("某小学关于安全检查问题的整改方案", "特制定本方案。",
                   "一、整改目标", "按期整改。", "二、保障措施", "成立专班。")
    [missing] = findings(zhenggai, "plan", ("GW201",))
    assert missing.message.startswith("缺少必备部分“主要任务或措施”：整改方案应有")


def test_goals_inside_the_general_requirements_are_not_an_error() -> None:
    def plan(first: str) -> str:
        return doc("市教育局关于推进集团化办学的实施方案", "特制定本实施方案。",
                   first, "坚持公益，到2027年集团化办学覆盖全部学校。",
                   "二、重点任务", "组建集团。", "三、保障措施", "加强领导。")
    assert brief(plan("一、总体要求"), "plan", ("GW201",)) == [("GW201", "warning")]
    # Without a part it could be in, a missing part every heading misses is an error in a
    # 整改方案; an 实施方案 often sets out no goals of its own (a warning, as in practice).
    no_room = doc("市教育局关于集团化办学问题的整改方案", "特制定本方案。",
                  "一、整改任务", "组建集团。", "二、保障措施", "加强领导。")
    assert brief(no_room, "plan", ("GW201",)) == [("GW201", "error")]
    implementing = no_room.replace("问题的整改方案", "的实施方案")
    assert brief(implementing, "plan", ("GW201",)) == [("GW201", "warning")]


def test_summary_causes_are_optional() -> None:
    text = doc("某局2025年工作总结", "现将工作情况总结如下。",
               "一、主要工作", "新增学位。", "二、存在问题", "学位紧张。", "三、下一步打算",
               "加快建设。")
    assert brief(text, "summary", PARTS) == []


@pytest.mark.parametrize("title,doctype", [
    ("在全市新教师培训开班仪式上的致辞", None),
    ("在全市教育工作会议上的表态发言", None),
    ("在全市教育工作会议上的讲话", "speech"),
])
def test_zhici_and_biaotai_are_not_speeches(title: str, doctype: str | None) -> None:
    result = check_text(doc(title, "同志们：", "大家好！谢谢大家！"), "稿件.txt")
    assert result.doctype == doctype


def test_speech_without_numbered_headings_has_body_and_closing() -> None:
    text = doc("在全县校长会议上的讲话", "同志们：",
               "本次会议的主要任务是部署新学期工作。我强调两点。",
               "第一，要提高认识。校长是关键。", "第二，要压实责任。守牢底线。",
               "同志们，新学期任务繁重，希望大家真抓实干，努力开创新局面！")
    assert brief(text, "speech", ("GW201", "GW204", "GW301")) == []
    no_call = doc("在全县校长会议上的讲话", "同志们：", "本次会议的主要任务是部署新学期工作。",
                  "第一，要提高认识。校长是关键。", "第二，要压实责任。守牢底线。")
    got = findings(no_call, "speech", ("GW201",))
    assert [(f.severity, f.message[:14]) for f in got] == [("warning",
                                                            "没有找到必备部分“结尾号召”")]


# --- 4. salutation and transition --------------------------------------------------------

@pytest.mark.parametrize("opening", [
    ["县委常委、副县长　王某某", "（2026年3月5日）", "同志们："],
    ["（主持人：下面请李某某同志讲话。）", "各位领导、同志们："],
    ["同志们：今天召开全县教育工作会议，很有必要。"],
])
def test_salutation_anywhere_in_the_opening_block(opening: list[str]) -> None:
    text = doc("在全县教育工作会议上的讲话", *opening, "一、肯定成绩", "成绩显著。",
               "同志们，让我们共同努力！")
    assert brief(text, "speech", ("GW204",)) == []


def test_missing_salutation_is_reported() -> None:
    text = doc("在全县教育工作会议上的讲话", "今天召开全县教育工作会议。", "一、肯定成绩",
               "成绩显著。",
               "同志们，让我们共同努力！")
    [finding] = findings(text, "speech", ("GW204",))
    assert finding.message.startswith("缺少称呼：讲话应在标题后单独一行写称呼")


@pytest.mark.parametrize("doctype,title,sentence", [
    ("progress-report", "关于均衡发展推进情况的汇报", "现就有关情况汇报如下。"),
    ("progress-report", "关于整改进展情况的通报", "现将整改进展情况予以公布。"),
    ("plan", "某校安全隐患整改方案", "特制定如下整改方案。"),
    ("plan", "市教育局数字化转型实施方案", "特制定本实施方案。"),
    ("plan", "市教育局关于加强教师队伍建设的工作方案", "结合实际，制定本意见。"),
    ("summary", "某局2025年工作总结", "现就全年工作总结如下："),
])
def test_transitions_in_their_common_forms(doctype: str, title: str, sentence: str) -> None:
    text = doc(title, "为做好工作，" + sentence, "一、主要做法", "做法一。")
    assert brief(text, doctype, ("GW205",)) == []


def test_missing_transition_names_the_kind() -> None:
    text = doc("市教育局数字化转型实施方案", "为推进数字化转型，结合实际。", "一、工作目标",
               "建成体系。")
    [finding] = findings(text, "plan", ("GW205",))
    assert finding.message.startswith("缺少过渡句：实施方案的开头应以")


# --- 5. declared counts ------------------------------------------------------------------

def _speech(announcement: str, parts: int) -> str:
    body = [f"{'一二三四五'[i]}、第{i + 1}个要求" for i in range(parts)]
    return doc("在全市教育工作会议上的讲话", "同志们：",
               announcement, *body, "同志们，让我们共同努力！")


def test_the_authors_announcement_counts() -> None:
    assert brief(_speech("下面，我讲三点意见。", 4), "speech", ("GW301",)) == [("GW301", "error")]
    assert brief(_speech("下面，我讲三点意见。", 3), "speech", ("GW301",)) == []


def test_a_report_of_someone_elses_requirements_does_not_count() -> None:
    text = _speech("省委主要领导来我市调研时，对教育工作提出三点要求，我们逐条抓好落实。", 4)
    assert brief(text, "speech", ("GW301",)) == []


def test_a_heading_with_a_colon_names_its_part_before_the_colon() -> None:
    text = doc("某局2025年工作总结", "现将工作情况总结如下。", "一、主要工作", "新增学位。",
               "二、存在问题：学位仍然紧张", "三、下一步打算：加快学校建设")
    assert brief(text, "summary", PARTS) == []


def test_a_reported_requirement_after_a_word_ending_in_xian_does_not_count() -> None:
    # 实现 holds 现, which opens the author's own 现将… only at the start of a clause.
    text = _speech("为实现目标上级提出三点要求。", 4)
    assert brief(text, "speech", ("GW301",)) == []


def test_aspects_to_check_count_the_subheadings_of_the_first_part() -> None:
    def review(aspects: int) -> str:
        subs = [f"（{'一二三四五六'[i]}）在第{i + 1}个方面" for i in range(aspects)]
        return doc("某局长对照检查材料", "我从以下五个方面进行对照检查，现报告如下。",
                   "一、查摆的问题", *subs, "二、原因剖析", "要求不严。", "三、整改措施",
                   "抓学习。")
    assert brief(review(5), "self-review", ("GW301",)) == []
    [finding] = findings(review(4), "self-review", ("GW301",))
    assert finding.severity == "error" and "其后实有4个二级标题" in finding.message


def test_an_announcement_with_nothing_numbered_after_it() -> None:
    text = doc("在全镇教育工作会议上的讲话", "同志们：", "下面，我讲三点意见。",
               "各学校要抓好开学准备，确保校园安全。", "同志们，让我们共同努力！")
    [finding] = findings(text, "speech", ("GW301",))
    assert finding.severity == "warning" and finding.line == 3
    assert "其后没有“一、”“第一，”“一是”之类的序号" in finding.message


def test_a_page_about_speeches_may_quote_an_announcement() -> None:
    page = ("---\ntitle: 讲话稿\n---\n\n# 讲话稿\n\n"
            "然后“报数”（下面，我讲三点意见），每一点点明主旨。\n")
    assert [f.rule for f in check_text(page, "docs/speech/index.md").findings] == []
    text = page.replace("title: 讲话稿", "doctype: speech\nkind: exemplar")
    assert "GW301" in [f.rule for f in check_text(text, "docs/speech/x.md").findings]


def test_removing_the_announcement_of_a_numbered_speech_is_not_an_error() -> None:
    text = _speech("今天召开全市教育工作会议，很有必要。", 3)
    assert [f for f in findings(text, "speech") if f.severity == "error"] == []


# --- enumerations broken by a hard wrap ------------------------------------------------

def test_a_list_goes_on_across_a_hard_wrapped_line() -> None:
    text = doc("某局2025年工作总结", "现将工作情况总结如下。", "一、主要工作",
               "全年重点抓了四件事。一是新建学校，新增学位",
               "四千个。二是招聘教师一百名。", "三是完成校舍改造。",
               "二、存在问题", "学位紧张。", "三、下一步打算", "加快建设。")
    assert brief(text, "summary", ("GW121", "GW122")) == []
    gap = text.replace("三是完成", "四是完成")
    assert brief(gap, "summary", ("GW121", "GW122")) == [("GW121", "error")]


def test_zaici_as_once_more_is_not_an_item() -> None:
    base = ("某局关于地质险情调查情况的报告", "现将调查情况报告如下。", "一、调查经过")
    prose = doc(*base, "在取得监测资料的基础上，我局", "再次组织专家组进行了现场调查。")
    assert brief(prose, None, ("GW121", "GW122")) == []
    listed = doc(*base, "首先，组织专家踏勘。", "再次，形成调查报告。")
    assert brief(listed, None, ("GW121", "GW122")) == [("GW121", "error")]


def test_a_first_item_that_lost_its_break_still_counts() -> None:
    # 以下工作 ⏎ 一是… pasted into one line: 作一是 has no mark before 一是.
    pasted = doc("某局2025年工作情况报告", "主要做了以下工作一是新建学校。二是招聘教师。"
                                  "三是改造校舍。")
    assert brief(pasted, None, ("GW121", "GW122")) == []
    gap = pasted.replace("作一是", "作。")
    assert brief(gap, None, ("GW121", "GW122")) == [("GW121", "error")]


# --- 7. web junk -------------------------------------------------------------------------

@pytest.mark.parametrize("line,junk", [
    ("组织党员干部认真阅读原文、领悟原理。", False),
    ("以上意见，供大家参考。", False),
    ("阅读原文", True),
    ("下面是小编为大家整理的学校工作总结，欢迎阅读参考。", True),
    ("本文由某某范文网整理发布，更多精品范文请关注本站。", True),
    ("（未完，全文共785字，当前显示244字）", True),
    (("在日常工作中，定期总结十分重要，某某公文网小编今天就为您带来了教育局工作总结范文五篇，"
      "相信一定会对您有所帮助，欢迎大家阅读、收藏、转发。"), True),
])
def test_web_junk_without_false_alarms(line: str, junk: bool) -> None:
    text = doc("某局2025年工作总结", "现将工作情况总结如下。", "一、主要工作", line,
               "二、存在问题", "学位紧张。", "三、下一步打算", "加快建设。")
    got = findings(text, "summary", ("GW402",))
    assert [f.line for f in got] == ([4] if junk else [])
    assert all("整理记录" not in f.message for f in got)


def test_messages_speak_to_the_drafter() -> None:
    text = doc("某局2025年工作总结", "现将工作情况总结如下。", "一、主要工作", "新增学位XX个。",
               "二、存在问题", "学位紧张。", "三、下一步打算", "加快建设。", "THE END")
    for finding in findings(text, "summary"):
        assert "范文照原样保留" not in finding.message and "整理记录" not in finding.message
        assert not any(word in finding.message for word in ("GW", "placeholder", "web-junk"))


def test_speech_part_messages_say_sentence_or_heading() -> None:
    text = doc("在全县校长会议上的讲话", "同志们：", "下面，我讲两点。", "一、提高认识", "要重视。",
               "二、压实责任", "要落实。", "同志们，让我们共同努力！")
    got = {f.message.split("：")[0]: f.message for f in findings(text, "speech", ("GW202",))}
    assert got["缺少建议部分“工作回顾”"].startswith(
        "缺少建议部分“工作回顾”：讲话一般有语句或标题含“回顾”“成绩”")
    assert not any(ch in m for m in got.values() for ch in "\\.{}[]|()")


# --- the schema format -------------------------------------------------------------------

SCHEMA = """\
doctype: notice
label: 通知
kinds: [工作通知, 通知]
slots:
  - name: tasks
    label: 工作安排
    synonyms: [安排, 任务]
    unless: ['临时']
    leads: ['^具体安排']
    grade: required
"""


def _write(folder: Path, body: str) -> None:
    (folder / "notice.yaml").write_text(body, encoding="utf-8")


def test_schema_unless_and_kinds(tmp_path: Path) -> None:
    _write(tmp_path, SCHEMA)
    schemas = load_schemas(tmp_path)
    ok = "关于假期的工作通知\n现将有关事项通知如下：\n一、工作安排\n做好值班。\n"
    assert check_text(ok, "n.txt", "notice", schemas=schemas).findings == []
    vetoed = "关于假期的工作通知\n现将有关事项通知如下：\n一、临时安排\n做好值班。\n"
    [finding] = check_text(vetoed, "n.txt", "notice", schemas=schemas).findings
    assert finding.message.startswith("没有找到必备部分“工作安排”：工作通知应有")
    led = "关于假期的工作通知\n具体安排是：做好值班。\n"
    assert check_text(led, "n.txt", "notice", schemas=schemas).findings == []


@pytest.mark.parametrize("change,message", [
    (("kinds: [工作通知, 通知]", "kinds: 通知"), "{path}: kinds 应为字符串列表，实为 '通知'"),
    (("unless: ['临时']", "unless: ['(临时']"),
     ("{path}: slots[0].unless[0] 应为正则表达式（missing ), unterminated subpattern at "
      "position 0），实为 '(临时'")),
    (("leads: ['^具体安排']", "leads: 具体安排"),
     "{path}: slots[0].leads 应为字符串列表，实为 '具体安排'"),
    (("grade: required", "grade: required\n    inside: [tasks]"),
     "{path}: slots[0].inside[0] 应为另一个部分的 name，实为 'tasks'"),
    (("grade: required", "grade: required\n    not_in_titles: ['(典礼']"),
     ("{path}: slots[0].not_in_titles[0] 应为正则表达式（missing ), unterminated subpattern at "
      "position 0），实为 '(典礼'")),
    (("grade: required", "grade: required\n    anywhere: 1"),
     "{path}: slots[0].anywhere 应为 true 或 false，实为 1"),
    (("grade: required", "grade: required\n    elsewhere: ['(牵头']"),
     ("{path}: slots[0].elsewhere[0] 应为正则表达式（missing ), unterminated subpattern at "
      "position 0），实为 '(牵头'")),
])
def test_schema_new_keys_give_exact_messages(tmp_path: Path, change: tuple[str, str],
                                             message: str) -> None:
    _write(tmp_path, SCHEMA.replace(*change))
    with pytest.raises(SchemaError) as info:
        load_schemas(tmp_path)
    assert str(info.value) == message.format(path=tmp_path / "notice.yaml")
