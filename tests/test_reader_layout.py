"""Headings wherever writers put them: pasted into one paragraph, hard wrapped from a
PDF, after a table of contents, above a 附件说明; and what is not a heading at all.

Each fixture is small and written for the behaviour (not taken from tests/eval/); each
behaviour has a case where it applies and one where it must not.
"""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.check.document import opening_text, read


def outline(doc) -> list[tuple[int, int, int, str]]:
    return [(h.line, h.level, h.number, h.title) for h in doc.headings]


def codes(text: str, path: str = "a.txt") -> list[str]:
    """Warnings and errors of the numbering, hierarchy and enumeration rules (GW1xx)."""
    return [f.rule for f in check_text(text, path).findings
            if f.severity != "info" and f.rule.startswith("GW1")]


# --- an ordinal after a sentence end on the same line ------------------------------------

PASTED = ("县教育局关于开展校车安全大检查的通知\n"
          "为消除校车安全隐患，县教育局决定开展校车安全大检查，有关事项通知如下：一、检查范围。全县所有"
          "接送学生的校车。二、检查内容。车辆状况、驾驶人资质和随车照管人员配备情况。三、工作要求。"
          "各校于10月15日前完成自查。\n")


def test_headings_pasted_into_one_line_are_read_in_order() -> None:
    doc = read(PASTED, "a.txt")
    assert outline(doc) == [(2, 1, 1, "检查范围"), (2, 1, 2, "检查内容"), (2, 1, 3, "工作要求")]
    text, _ = opening_text(doc)
    assert text.endswith("有关事项通知如下：") and "检查范围" not in text


def test_pasted_outline_with_a_gap_is_still_a_gap() -> None:
    doc = PASTED.replace("二、检查内容", "三、检查内容").replace("三、工作要求", "四、工作要求")
    assert "GW103" in codes(doc)


def test_sentence_internal_ordinals_are_not_headings() -> None:
    doc = read("某校2025年工作总结\n一、主要工作\n"
               "一季度完成了校舍排查。二、三季度集中开展维修，分一、二、三批推进。"
               "会上强调：一、要认真。\n二、存在问题\n经费不足。\n", "a.txt")
    assert outline(doc) == [(2, 1, 1, "主要工作"), (4, 1, 2, "存在问题")]


def test_level_two_list_in_the_opening_is_not_the_outline() -> None:
    doc = read("某校安全工作方案\n为做好以下工作：（一）排查；（二）整改。特制定本方案。\n"
               "一、总体要求\n坚持安全第一。\n", "a.txt")
    assert outline(doc) == [(3, 1, 1, "总体要求")]


def test_run_in_level_three_after_a_full_stop_continues_the_outline() -> None:
    doc = read("某校方案\n一、主要任务\n学校将做好三项工作。1.加强管理。制定细则。2.完善设施。"
               "更新设备。\n", "a.txt")
    assert [(h.level, h.number, h.title) for h in doc.headings] == [
        (1, 1, "主要任务"), (3, 1, "加强管理"), (3, 2, "完善设施")]


# --- hard wraps (text copied from a PDF) ----------------------------------------------------

WRAPPED = """县教育局关于2025年度学生资助工作
情况的报告
2025年，我局认真落实学生资助政策，全年共发放各类资助资金4862万元，现将工作情况报告
如下：
一、坚持精准资助，确保家庭经济困难学生应助
尽助
全年发放各类资助资金4862万元，惠及学生2.3万人次，做到了资助对象精准、资助资金足额、发放
及时。一是完善认定办法。二是加强资金监管。三是
开展资助育人活动。
二、存在的不足
部分学校资助档案不够规范。
"""


def test_wrapped_heading_keeps_its_whole_title_and_paragraphs_are_joined() -> None:
    doc = read(WRAPPED, "a.txt")
    assert doc.title == "县教育局关于2025年度学生资助工作情况的报告"
    assert outline(doc) == [(5, 1, 1, "坚持精准资助，确保家庭经济困难学生应助尽助"),
                            (10, 1, 2, "存在的不足")]
    opening = [p for p in doc.paragraphs if p.line == 3]
    assert opening and opening[0].text.endswith("现将工作情况报告如下：")
    assert [p.line for p in doc.paragraphs] == [1, 3, 5, 7, 10, 11]
    assert codes(WRAPPED) == []


def test_unwrapped_lines_stay_apart() -> None:
    """Short lines (a heading without punctuation, a signature, a date) are not joined."""
    doc = read("某校工作总结\n一、指导思想\n以新时代党的建设总要求为指导，推动各项工作。\n"
               "某某市第一中学\n2025年12月20日\n", "a.txt")
    assert outline(doc) == [(2, 1, 1, "指导思想")]
    assert [p.line for p in doc.paragraphs] == [1, 2, 3, 4, 5]


def test_heading_followed_by_short_body_line_keeps_its_own_title() -> None:
    doc = read("某校工作方案\n一、坚持问题导向，统筹推进各项整改任务落实\n见附表。\n", "a.txt")
    assert outline(doc) == [(2, 1, 1, "坚持问题导向，统筹推进各项整改任务落实")]


# --- a table of contents before the body -------------------------------------------------

def test_contents_with_leaders_is_not_a_second_numbering_run() -> None:
    text = ("某市学前教育发展实施方案\n目　　录\n一、总体要求…………………1\n二、主要任务…………………3\n"
            "为推进学前教育发展，特制定本方案。\n一、总体要求\n坚持公益普惠。\n二、主要任务\n扩大资源。\n")
    doc = read(text, "a.txt")
    assert outline(doc) == [(6, 1, 1, "总体要求"), (8, 1, 2, "主要任务")]
    assert codes(text) == []


def test_contents_without_leaders_after_a_contents_heading() -> None:
    text = ("某市学前教育发展实施方案\n目录\n一、总体要求\n二、主要任务\n"
            "为推进学前教育发展，特制定本方案。\n一、总体要求\n坚持公益普惠。\n二、主要任务\n扩大资源。\n")
    assert outline(read(text, "a.txt")) == [(6, 1, 1, "总体要求"), (8, 1, 2, "主要任务")]


def test_a_heading_named_like_a_contents_entry_is_still_a_heading() -> None:
    """Without a 目录 line or leader dots, a repeated run of headings is reported."""
    text = "某校方案\n一、总体要求\n二、主要任务\n一、总体要求\n坚持公益普惠。\n"
    assert [h.line for h in read(text, "a.txt").headings] == [2, 3, 4]
    assert "GW105" in codes(text)


# --- 附件说明 and section numbers outside the four levels ---------------------------------

def test_attachment_list_numbers_are_not_headings() -> None:
    text = ("某校整改方案\n一、整改任务\n1.清退违规收费。\n2.规范收费公示。\n"
            "附件：1.整改台账\n2.收费公示样表\n3.自查报告模板\n")
    doc = read(text, "a.txt")
    assert [(h.line, h.level) for h in doc.headings] == [(2, 1), (3, 3), (4, 3)]
    assert codes(text) == []


def test_a_numbered_line_after_the_body_without_attachment_label_is_a_heading() -> None:
    text = "某校方案\n一、整改任务\n1.清退违规收费。\n3.规范收费公示。\n"
    assert codes(text) == ["GW103"]


# --- standalone enumeration items -------------------------------------------------------

def test_standalone_yishi_diyi_shouxian_lines_are_items_not_numbering() -> None:
    text = ("某局办公室2025年工作总结\n一、主要工作\n（一）办文办会更加规范。\n一是严格公文审核。\n"
            "二是精简会议活动。\n（二）督查督办更加有力。\n首先，建立工作台账。\n其次，坚持每月通报。\n"
            "最后，及时约谈提醒。\n（三）服务保障更加到位。\n第一，做好会务。\n第二，做好接待。\n")
    doc = read(text, "a.txt")
    assert [h.line for h in doc.headings] == [2, 3, 6, 10]
    assert codes(text) == []


def test_standalone_items_with_a_gap_are_still_an_enumeration_gap() -> None:
    text = "某局工作总结\n一、主要工作\n一是严格公文审核。\n三是精简会议活动。\n"
    assert codes(text) == ["GW121"]


# --- text copied from a PDF or a web page: a fixed wrap width, page numbers ---------------

def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_text_wrapped_at_a_fixed_width_is_read_whole() -> None:
    """Every line full to the margin goes on, even when it ends with 。 or is a heading."""
    paras = ["市教育局关于加强校园安全管理的通知",
             "各县（市、区）教育局：为进一步加强校园安全管理，切实保障师生生命财产安全，现就有关事项通知如下。",
             "一、压实学校安全管理主体责任，建立健全校长负总责、分管领导具体抓的工作机制。各校要逐级签订安全责任书。",
             "二、加强校园安全隐患排查整治。各地要组织力量对辖区内学校开展全面排查，建立问题清单，实行销号管理。一是排查校舍。二是排查消防设施。"]
    lines = [paras[0]] + [piece for p in paras[1:] for piece in _wrap(p, 22)]
    doc = read("\n".join(lines) + "\n", "a.txt")
    assert [(h.number, h.title) for h in doc.headings] == [
        (1, "压实学校安全管理主体责任，建立健全校长负总责、分管领导具体抓的工作机制"),
        (2, "加强校园安全隐患排查整治")]
    assert codes("\n".join(lines) + "\n") == []


def test_pdf_page_numbers_and_running_heads_are_not_text() -> None:
    body = ("为进一步加强校园安全管理，切实保障师生生命财产安全，现就有关事项通知如下。"
            "各校要逐级签订安全责任书，明确校长、分管领导、班主任的安全职责，做到责任到人。"
            "各地要组织力量对辖区内学校开展全面排查，建立问题清单，实行销号管理。")
    lines = _wrap(body, 24)
    lines[3:3] = ["— 2 —", "市教育局文件"]
    text = ("市教育局关于加强校园安全管理的通知\n" + "\n".join(lines) + "\n一、压实主体责任\n正文。\n"
            "附件：1．安全责任书\n－3－\n市教育局文件\n2．隐患排查表\n")
    doc = read(text, "a.txt")
    assert [p.text for p in doc.paragraphs if p.line == 2] == [body]
    pages = [p.line for p in doc.paragraphs if p.role == "page"]
    assert [doc.lines[n - 1].text for n in pages] == ["— 2 —", "市教育局文件", "－3－", "市教育局文件"]
    assert [h.title for h in doc.headings] == ["压实主体责任"]
    assert codes(text) == []


# --- text pasted without its paragraph breaks -------------------------------------------

PASTED_NO_BREAKS = (
    "市教育局关于推进义务教育优质均衡发展的实施意见\n"
    "为推进义务教育优质均衡发展，提出如下意见。一、总体要求（一）指导思想坚持以人民为中心。"
    "（二）主要目标到2027年全面实现优质均衡。二、重点任务（一）优化学校布局加快新建学校。"
    "（二）加强教师队伍建设（教育局负责）五、强化保障（三）加强组织领导各地要建立工作机制。\n")


def test_outline_pasted_without_breaks_is_read_from_its_numbers() -> None:
    doc = read(PASTED_NO_BREAKS, "a.txt")
    assert [(h.level, h.number) for h in doc.headings] == [
        (1, 1), (2, 1), (2, 2), (1, 2), (2, 1), (2, 2), (2, 3)]
    # 五、 after a note that follows no sentence end, and not the next number after 二、:
    # not read (a slip is not made up from words); （三） goes on from （二）.
    assert codes(PASTED_NO_BREAKS) == []


def test_numbering_on_across_parts_inside_a_pasted_line_is_read() -> None:
    text = ("某省实施意见\n为推进工作，提出以下意见。一、总体要求（一）指导思想。坚持稳中求进。"
            "（二）基本原则。坚持问题导向。二、主要任务（三）扩大供给。新建学校。（四）提升质量。"
            "开展评估。（财政厅负责）三、保障措施（五）加强领导。建立机制。\n")
    doc = read(text, "a.txt")
    assert [(h.level, h.number) for h in doc.headings] == [
        (1, 1), (2, 1), (2, 2), (1, 2), (2, 3), (2, 4), (1, 3), (2, 5)]


def test_words_and_number_lists_in_pasted_text_stay_words() -> None:
    text = ("某校工作方案\n为统一、规范管理，特制定本方案。一、总体要求坚持统一、规范。"
            "二、三年级学生参加。二、主要任务完成任务。\n")
    doc = read(text, "a.txt")
    assert [(h.number, h.title) for h in doc.headings] == [(1, "总体要求坚持统一、规范"),
                                                            (2, "主要任务完成任务")]


def test_decimal_section_number_inside_a_line_restarts_the_lists_below() -> None:
    text = ("国家某某应急预案\n1.1　工作原则\n（1）统一领导。（2）分级负责。"
            "1.2　适用范围\n（1）原粮。（2）成品粮。\n")
    assert codes(text) == []


def test_a_word_or_an_item_cut_at_the_margin_is_not_a_new_paragraph() -> None:
    """统 ⏎ 一、推进…: 一、 out of turn after a full line is the end of 统一; 这 ⏎ 再次表明
    is one sentence, not an enumeration item."""
    paras = ["市政府工作报告",
             "一、过去一年工作回顾",
             "我们要更好发挥海外侨胞和归侨侨眷参与祖国现代化建设、促进祖国和平统一、推进中外交流合作的独特作用。",
             "在这种情况下，经济能够稳住很不容易，出现诸多向好变化更为难得。这再次表明，中国经济有潜力。",
             "二、今年工作总体部署",
             "今年发展的主要预期目标是经济增长百分之六左右，城镇新增就业九百万人以上，各项工作稳步推进落实。"]
    lines = [paras[0], paras[1]] + _wrap(paras[2], 33) + _wrap(paras[3], 32) + [paras[4]] + \
        _wrap(paras[5], 33)
    assert lines[3].startswith("一、") and lines[5].startswith("再次")
    text = "\n".join(lines) + "\n"
    doc = read(text, "a.txt")
    assert [(h.number, h.title) for h in doc.headings] == [(1, "过去一年工作回顾"), (2, "今年工作总体部署")]
    assert [f.rule for f in check_text(text, "a.txt").findings if f.severity == "error"] == []
