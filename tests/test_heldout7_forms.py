"""False errors that the messy forms (hard wrapped, PDF copy, pasted) of held-out school
方案 caused (a seventh round, not in the repository): each as a silent case, with the
firing case that must still be reported. The sentences are made up; only the shapes come
from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt").findings
            if f.severity == "error"]


def outline(text: str) -> list[str]:
    return [h.label for h in check_text(text, "稿.txt").outline]


# A plan with a table pasted from Word (cells apart by TABs, numbered lists in the cells),
# hard wrapped at 22 characters: a row goes on at a TAB (its next cell) or with the next
# item of a cell, the space before it kept at the line's start.
TABLE = """某中学安全工作计划
一、工作目标
全年校园安全事故为零，师生安全意识和自护能力
明显增强，安全管理制度进一步健全，各项应急预
案落实到位，校园周边环境持续改善。
二、主要工作
1.落实安全教育，增强师生的安全防范意识和自我
保护能力，每学期至少组织两次应急疏散演练。
2.加强制度建设，为学校安全工作提供制度保障，
健全安全责任制度和定期检查制度。
三、月历安排
月份	主题	工作重点	具体措施
三月	综治督查月	1．开学安全排查与校园周边环
境整治；
 2．部署全年安全工作。	1．开学初对食堂、宿
舍、门卫、饮用水开展一次全面排查，发现隐患及
时整改；
 2．联合派出所整治校门口交通秩序。
四月	交通安全月	1．交通安全宣传教育；
 2．校门口交通专项督察。
	1．开展交通安全主题班会，每班一次，做到全覆
盖； 2．上下学高峰期安排教师在校门口值守。
四、保障措施
各部门要明确责任，密切配合，把安全工作纳入年
度考核，确保各项安全工作落到实处，对工作不力
造成后果的严肃追究责任。
"""


def test_numbered_items_in_the_cells_of_a_wrapped_table_are_no_headings():
    assert errors(TABLE) == []
    assert outline(TABLE) == ["一", "二", "1", "2", "三", "四"]
    # A heading after the table is still read, and its slip reported.
    assert (23, "GW103") in errors(TABLE.replace("四、保障措施", "五、保障措施"))


def test_a_line_that_does_not_go_on_the_cell_is_still_read():
    # Not the next item of the row's last cell (4． after its 1．): a heading of its own,
    # out of turn (after the heading 2.).
    assert (18, "GW103") in errors(TABLE.replace(" 2．联合派出所", " 4．联合派出所"))
    # No TAB in the paragraph before: no row, so the TAB-led line is no next cell either.
    plain = TABLE.replace("四月\t交通安全月\t1．交通安全宣传教育；",
                          "四月是交通安全月，要做到：1．交通安全宣传教育；")
    assert (21, "GW105") in errors(plain)


# A word cut at the margin whose numeral goes on the next line: 高 ⏎ 一、高二 (高一、高二).
CUT = """某中学安检演练方案
一、工作小组
组长由校长担任，副组长由分管副校长担任，成员
为各年级主任、各班班主任和总务处全体人员。
二、活动流程
学生在教室完成自检后，由班主任统一带队出发，
出发后沿东侧围墙走到三号楼一楼，不可穿越高
一、高二教学楼。安检门设在高二、高三楼之间的
二楼、三楼和四楼，学生按考场楼层从合适的安检
门通过，上楼时从东侧楼梯走，不得绕开安检门。
三、工作要求
各班主任要提前做好学生的安全教育，确保演练有
序进行，演练结束后及时总结，查找问题并整改。
"""


def test_a_word_cut_before_its_numeral_is_no_heading():
    assert errors(CUT) == []
    assert outline(CUT) == ["一", "二", "三"]
    # Another word before 一、 (not 高 again): the 一、 is a heading out of turn.
    assert (8, "GW105") in errors(CUT.replace("一、高二教学楼", "一、初二教学楼"))


# Pasted as one line (its line breaks lost): a second document after the first, its title
# right before its 一、 (a title line ends in no mark).
SECOND = ("某中学军训工作方案\n"
          "一、指导思想。增强国防意识。二、训练内容。队列训练。三、组织领导。校长任组长。"
          "注：上述安排如有变动，以通知为准。2026年高一军训开营式程序一、时间：9月1日下午。"
          "二、地点：田径场。三、程序：奏国歌，升国旗。\n")


def test_a_second_documents_title_right_before_its_first_heading_restarts_the_numbering():
    assert errors(SECOND) == []
    assert outline(SECOND) == ["一", "二", "三", "一", "二", "三"]
    # Its own numbering is still checked…
    assert (2, "GW103") in errors(SECOND.replace("三、程序", "四、程序"))
    # …and without a title before it, the 一、 after a sentence is a restart (a slip).
    assert (2, "GW105") in errors(SECOND.replace("2026年高一军训开营式程序", ""))


# A speech pasted as one line: 举一反三、 after a heading 三、 read already is a word.
IDIOM = ("在主题教育工作会议上的讲话\n"
         "同志们：一、加强理论学习。要读原著学原文。二、深化调查研究。要多到基层去。"
         "三、解决突出问题。要结合近年来查处的典型案例，举一反三、对照检视，"
         "有什么问题就解决什么问题。四、压实领导责任。各级党组织要扛起责任。\n")


def test_a_repeated_numeral_inside_a_word_is_no_heading():
    assert errors(IDIOM) == []
    assert outline(IDIOM) == ["一", "二", "三", "四"]
    # A repeat after a sentence end is still one.
    assert (2, "GW104") in errors(IDIOM.replace("举一反三、对照检视，", "举一反三。三、对照检视，"))


# A plan pasted in a few lines: a heading's line ended in no mark (a time), so its 二、
# follows a digit; its title is closed by a full stop and its first 1. comes right after.
GLUED = ("某中学心理辅导站评估工作方案\n"
         "一、时间\n"
         "7月7日上午 8：50-12:00二、流程。1.听取工作汇报。负责人：王某场地：会议室三、一\n"
         "2.察看基本设施。负责人：李某。3.随堂听课。负责人：张某。三、准备工作。"
         "1.场地准备：总务处负责。2.专家接待：王某。\n")


def test_a_heading_after_a_line_that_ends_in_no_mark_is_read_by_its_first_child():
    assert errors(GLUED) == []
    assert outline(GLUED) == ["一", "二", "1", "2", "3", "三", "1", "2"]
    # Its number is still checked: a gap after it is reported.
    assert (4, "GW103") in errors(GLUED.replace("三、准备工作", "四、准备工作"))
    # No child right after the title: 二、 inside a text is no heading (the 三、 gaps).
    assert (4, "GW103") in errors(GLUED.replace("二、流程。1.听取", "二、流程。听取"))


def test_a_numeral_after_a_comma_word_at_a_lines_end_is_no_heading():
    # 会议室三、一 (rooms three and one) ends a line: it lists numbers, heads nothing.
    assert "三" in outline(GLUED) and outline(GLUED).count("三") == 1
    # A 三、 with a title after it is a heading: the later 三、 repeats it.
    assert (4, "GW104") in errors(GLUED.replace("会议室三、一", "会议室。三、一楼会议室"))


# A contest plan, its run-in style: the quoted template's title run into the item that
# hands it out (……格式如下：高中学生生涯规划书 ⏎ 一、引言 …).
QUOTED = """某中学生涯规划大赛方案
一、大赛目的
引导学生规划高中生活。
二、具体活动
（一）规划书写作
1.时间：7月10日至8月30日。
2.要求：采访学长，了解专业，必须包括所有三部分内容，格式如下：高中学生生涯规划书
一、自我分析
二、职业分析
三、计划实施
（二）规划书评选
学校组织评委评比。
三、表彰奖励
对优秀作品予以表彰。
"""


def test_a_quoted_outlines_title_run_into_the_line_before_it():
    assert errors(QUOTED) == []
    assert outline(QUOTED) == ["一", "二", "一", "1", "2", "二", "三"]  # （一）…（二）
    # Not a bare title after the colon (a time limit): no quoted outline, a restart.
    assert (8, "GW105") in errors(QUOTED.replace("格式如下：高中学生生涯规划书",
                                                 "完成时限：2026年8月底前"))


# A speech pasted as one line: each question heads a list of its own (一问：…？1.…).
QUESTIONS = ("外语系“十四五”发展三问\n"
             "下面谈谈我的一些思考。一问：为什么要构建新格局？1.是大势所趋。国家发展需要。"
             "2.是学科建设的需要。3.是内涵发展的选择。二问：如何构建新格局？1.深入调研。"
             "广泛听取意见。2.用心问计。3.科学规划。三问：构建什么样的新格局？1.协同创新。"
             "2.教学改革。3.学科交叉。4.团队建设。\n")


def test_a_question_pasted_before_its_list_starts_the_list_again():
    assert errors(QUESTIONS) == []
    assert outline(QUESTIONS) == ["1", "2", "3"] * 2 + ["1", "2", "3", "4"]
    # A gap in a question's list is still one.
    assert (2, "GW103") in errors(QUESTIONS.replace("2.教学改革。", ""))


# A report's glossary pasted as one line: an item whose text starts with a number.
GLOSSARY = ("某省政府工作报告名词解释\n"
            "1.“一网通办”：政务服务一网办理。2.“双碳”：碳达峰、碳中和。3.“两重”：国家重大"
            "战略实施和重点领域安全能力建设。4.5+2就业之家：覆盖五级和两类的就业服务平台。"
            "5.GEP核算：生态产品总值核算。6.VEP核算：生态产品价值实现核算。\n")


def test_an_item_whose_text_starts_with_a_number_is_read_in_a_pasted_line():
    assert errors(GLOSSARY) == []
    assert outline(GLOSSARY) == ["1", "2", "3", "4", "5", "6"]
    # Its number is still checked: read as 4, it follows 2 (3 left out).
    assert (2, "GW103") in errors(GLOSSARY.replace(
        "3.“两重”：国家重大战略实施和重点领域安全能力建设。", ""))
    # Without the next item after it, 4.5 is a decimal in a sentence, not an item.
    assert outline(GLOSSARY[:GLOSSARY.index("5.GEP")] + "\n") == ["1", "2", "3"]
