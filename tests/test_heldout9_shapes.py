"""Shapes found in a ninth set of real documents outside the evaluation set (department
工作总结及计划 published for 政务公开, a city's 规划纲要, school texts; not in the
repository): each false finding they caused, as a silent case, with the firing case that
must still be reported. The sentences are made up; only the shapes come from those
documents."""
from __future__ import annotations

from gongwen.check import check_text


def findings(text: str, doctype: str | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in check_text(text, "稿.txt", doctype=doctype).findings]


def rules(text: str, doctype: str | None = None) -> list[str]:
    return [rule for rule, _ in findings(text, doctype)]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# --- a count reported inside a part is not the text announcing its parts ------------------

REPORTED = doc(
    "某区行政审批局2025年工作总结", "现将全年工作总结如下：", "一、主要成效",
    "（一）服务效能提升。一是推行一窗受理。二是压缩办理时限。",
    "（二）专项治理。印发《专项治理方案》，对照反馈的问题，围绕五个方面21项措施，抓好整改。",
    "（三）登记改革。一是推行告知承诺。二是推行一照通办。",
    "（四）审批提速。一是实行容缺审批。二是推行线上踏勘。",
    "二、存在问题", "一是系统尚未互联互通。二是部分职能交叉。",
    "三、2026年工作计划", "一是深化改革。二是优化环境。")


def test_a_count_of_another_documents_measures_is_no_announcement() -> None:
    assert "GW301" not in rules(REPORTED, "summary")
    # The author's own announcement of the aspects in the opening is held to its count.
    announced = REPORTED.replace("现将全年工作总结如下：",
                                 "现从以下五个方面将全年工作总结如下：")
    assert ("GW301", "error") in findings(announced, "summary")


def test_an_announcement_under_a_heading_speaks_of_what_lies_inside_it() -> None:
    # Under （二）, 围绕三个方面 is not answered by the siblings （三）（四）.
    inside = REPORTED.replace("围绕五个方面21项措施", "围绕三个方面")
    assert ("GW301", "error") not in findings(inside, "summary")
    # Its own subitems answer it, and a wrong count there is still an error.
    children = inside.replace(
        "（三）登记改革。",
        "1.完善制度。\n2.压实责任。\n（三）登记改革。")
    assert ("GW301", "error") in findings(children, "summary")
    assert "GW301" not in rules(children.replace("围绕三个方面", "围绕两个方面"), "summary")


# --- a numeral padded with a space inside its brackets ----------------------------------

PADDED = doc("某市教育发展规划纲要", "一、主要任务", *[f"（{n}）第{n}项任务。内容。" for n in (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六", "十七")], "（十 八）深化改革。内容。", "（十 九）加强评价。内容。",
    "（二 十）推进法治。内容。", "（二十一）完善保障。内容。")


def test_a_space_inside_an_ordinal_is_a_warning_not_a_gap() -> None:
    found = check_text(PADDED, "稿.txt").findings
    assert [f.rule for f in found if f.severity == "error"] == []
    spaced = [f for f in found if f.rule == "GW101"]
    assert [f.line for f in spaced] == [20, 21, 22]
    assert spaced[0].message == "序号中间多了空格：应为“（十八）”，实为“（十 八）”"
    # Without the padding there is nothing to say; a real gap is still one.
    assert check_text(PADDED.replace("十 ", "十").replace("二 十", "二十"), "稿.txt").findings == []
    gap = PADDED.replace("（十 九）加强评价。内容。\n", "")
    assert [f.rule for f in check_text(gap, "稿.txt").findings if f.severity == "error"] \
        == ["GW103"]


# --- a report that sums up, and an X that is a term ---------------------------------------

def test_a_report_that_sums_up_has_its_transition() -> None:
    text = doc("某区社会事业局关于2025年法治工作情况的报告",
               "根据区委工作要求，将我局有关工作情况总结如下：", "一、工作开展情况", "加强领导。",
               "二、存在问题", "力量不足。", "三、下一步打算", "完善制度。")
    assert "GW205" not in rules(text, "progress-report")
    bare = text.replace("将我局有关工作情况总结如下：", "我局认真抓好法治工作。")
    assert "GW205" in rules(bare, "progress-report")


def test_an_x_in_a_term_is_no_placeholder() -> None:
    terms = doc("某区2025年工作总结", "一是构建“1+1+X”监管体系，推进“1+X证书”试点。",
                "二是配备X光安检机和X射线探伤仪。")
    assert "GW401" not in rules(terms)
    for slot in ("全年接待XX人次。", "XXX同志任组长。", "位于X市。"):
        assert "GW401" in rules(terms + slot + "\n"), slot


def test_dashes_between_the_ends_of_a_range_want_a_connecting_dash() -> None:
    def dash_messages(line: str) -> list[str]:
        return [f.message for f in check_text(doc("某局通知", line), "稿.txt").findings
                if f.rule == "GW413"]
    assert dash_messages("时间：2026年3月10日--3月14日。") == [
        "省略号或破折号写法不对：“--”应为“—”（表示起止，用一字线）"]
    assert dash_messages("目标--到2027年全部完成。") == ["省略号或破折号写法不对：“--”应为“——”"]
    assert dash_messages("时间：2026年3月10日—3月14日。") == []


# --- the margin's cuts are no web junk --------------------------------------------------

def test_a_phone_number_cut_by_the_margin_is_no_counter() -> None:
    cut = doc("某市教育局通知", "一、监督", "市教育局成立监督小组，进行全程监督。为接",
              "受社会监督，设立监督电话：8520", "0216  85134362")
    assert "GW402" not in rules(cut)
    # A line of counters after a finished sentence is still a web page's.
    counters = cut.replace("监督电话：8520", "监督电话。")
    assert "GW402" in rules(counters)


def test_a_lone_semicolon_is_the_end_of_a_wrapped_item_not_code() -> None:
    text = doc("某镇文物保护管理办法", "第十九条 保护要求分为以下三类：",
               "（一）建筑的立面不得改变", ";", "（二）建筑的主要立面不得改变;",
               "（三）建筑的主要结构体系不得改变。")
    assert "GW402" not in rules(text)
    assert "GW402" in rules(text.replace("\n;\n", '\n");\n'))


# --- lines hard-wrapped short of the margin ----------------------------------------------

def test_an_item_number_before_a_year_of_graduates() -> None:
    text = doc("某市教育局通知", "一、其他规定", "1．凡受过处分的，不予", "录用。",
               "2.2010届本地生源的毕业生应聘未", "录用的，允许参加次年招考。",
               "3．市教育局成立监督小组，进行", "全程监督。")
    assert [h.raw for h in check_text(text, "稿.txt").outline] == ["一、", "1．", "2.", "3．"]
    assert rules(text) == []
    # A decimal is still no item (2.5万元), and a real gap still one.
    gap = text.replace("3．市教育局", "4．市教育局")
    assert "GW103" in rules(gap)
    decimal = text.replace("2.2010届本地生源的毕业生应聘未", "2.2010万元用于毕业生应聘未")
    assert [h.raw for h in check_text(decimal, "稿.txt").outline] == ["一、", "1．", "3．"]


def test_a_word_or_grades_cut_before_yi_dun_go_on_the_line_before() -> None:
    word = doc("某市教育规划纲要", "一、总体要求", "（一）指导思想。内容。",
               "（二）工作方针。坚持理论学习与社会实践的统",
               "一、全面发展与个性发展的统一。", "（三）战略目标。内容。",
               "二、发展任务", "（一）学前教育。内容。")
    grades = doc("某市教学活动比赛办法", "一、论文比赛",
                 "1．论文类别。各学科获奖数与参赛数之比不高于80%，设",
                 "一、二、三等奖，比例分别为20%、30%、50%。", "2．论文报送要求。内容。",
                 "二、课堂教学比赛", "1．名称。内容。")
    for text in (word, grades):
        assert [f.rule for f in check_text(text, "稿.txt").findings
                if f.severity == "error"] == [], text
    # After a finished sentence the same line is a heading, and its slip is reported.
    assert "GW104" in rules(word.replace("实践的统\n", "实践的统一。\n"))
