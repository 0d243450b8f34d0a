"""A whole document pasted into a few long lines: a slip in its numbering is reported
as in the same document written line by line, and what is not a slip is not reported.
The fixtures are written for these tests; each behaviour has a firing and a silent case.
"""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "通知.txt").findings
            if f.severity == "error"]


def raws(text: str) -> list[str]:
    return [h.raw for h in check_text(text, "通知.txt").outline]


def pasted(second: str, third: str = "三、") -> str:
    # The line pasted starts with its first heading; the last heading is on the next line.
    return ("县应急局关于做好汛期安全防范工作的通知\n各乡镇人民政府：\n"
            f"一、压实防汛责任。各乡镇要逐级落实责任人。{second}排查风险隐患。要对水库、"
            "山塘逐一排查。\n"
            f"{third}备足抢险物资。要按标准储备物资。\n")


def test_a_slip_after_the_pasted_lines_own_first_heading_is_reported():
    assert raws(pasted("二、")) == ["一、", "二、", "三、"]
    assert errors(pasted("二、")) == []
    assert (3, "GW103") in errors(pasted("三、", "四、"))  # 二、 missing
    # A repeated 一、 is read when 二、 follows it after a sentence end.
    repeated = pasted("一、").replace("逐一排查。", "逐一排查。二、加强值班值守。要24小时值班。")
    assert (3, "GW104") in errors(repeated)


def test_a_repeated_first_heading_whose_second_heads_the_next_line_is_reported():
    # 一、……。一、…… at the end of the pasted line, then 二、 at the start of the next.
    assert (3, "GW104") in errors(pasted("一、", "二、"))
    # Not after a sentence end but after a colon: a list inside the paragraph.
    text = pasted("一、", "二、").replace("落实责任人。一、", "落实责任人，重点部位有：一、")
    assert raws(text) == ["一、", "二、"]
    assert errors(text) == []
    # After a sentence end, but no 二、 heads the next line: nothing confirms a slip.
    text = pasted("一、", "请各乡镇认真落实。")
    assert raws(text) == ["一、"]
    assert errors(text) == []


def test_a_restart_at_one_inside_a_heading_line_is_not_read_as_a_slip():
    # 一、 again without 二、 after it: no slip that the text confirms (a list inside the
    # paragraph, a second document): not read, no error.
    text = pasted("二、").replace("按标准储备物资。", "按标准储备物资，清单如下：一、沙袋。")
    assert raws(text) == ["一、", "二、", "三、"]
    assert errors(text) == []


def test_a_number_far_from_the_expected_one_is_not_read():
    # After 一、 a 五、 is no slip of one: 五、 stays text, 二、 is read on the next line.
    text = pasted("五、", "二、")
    assert raws(text) == ["一、", "二、"]
    assert errors(text) == []


NOTICE = ("国务院关于同意成立运动会筹备协调小组的批复\n体育总局：\n"
          "你局请示收悉。现批复如下：同意成立筹备协调小组。附件：筹备协调小组组建方案\n"
          "国务院\n2026年5月8日\n")


def attached(second: str) -> str:
    # The attached document pasted into the line of its 附件说明.
    return NOTICE + ("附件：筹备协调小组组建方案为做好运动会期间的协调工作，组建筹备协调小组。"
                     f"一、主要职责。研究拟订各项保障措施。{second}组成人员。组长由副秘书长担任。\n"
                     "三、工作规则。协调小组每季度召开一次例会。\n")


def test_an_attached_document_pasted_after_its_attachment_label_is_read():
    assert raws(attached("二、")) == ["一、", "二、", "三、"]
    assert errors(attached("二、")) == []
    assert (6, "GW103") in errors(attached("三、").replace("三、工作", "四、工作"))


def test_an_attachment_list_is_still_no_outline():
    text = NOTICE.replace("附件：筹备协调小组组建方案",
                          "附件：1.筹备协调小组组建方案 2.筹备协调小组成员名单") + \
        "附件1\n筹备协调小组组建方案\n一、主要职责\n二、组成人员\n"
    assert raws(text) == ["一、", "二、"]
    assert errors(text) == []


def plates(second: str = "（二）") -> str:
    # Figure captions stood on lines of their own; pasted, they run into the next heading.
    return ("关于救援车辆号牌式样的说明\n一、号牌编码规则\n"
            "（一）汽车号牌。字符共8位。图1　汽车号牌编码规则"
            f"{second}摩托车号牌。字符共7位。图2　摩托车号牌编码规则二、号牌规格尺寸。"
            "汽车号牌规格为480毫米×140毫米。（一）汽车号牌。图3　汽车号牌尺寸（单位：毫米）"
            "（二）摩托车号牌。图4　摩托车号牌尺寸\n三、车辆涂装样图\n")


def test_a_heading_after_a_figure_caption_in_a_pasted_line_is_read():
    assert raws(plates()) == ["一、", "（一）", "（二）", "二、", "（一）", "（二）", "三、"]
    assert errors(plates()) == []
    assert (3, "GW103") in errors(plates("（三）"))


def test_a_caption_word_inside_a_sentence_is_no_caption():
    # 表1 in the middle of a sentence (no sentence end before it) marks nothing.
    text = ("关于统计报表的通知\n一、填报范围\n各单位按表1　汇总口径（二）项填报。\n"
            "二、报送时间\n")
    assert raws(text) == ["一、", "二、"]
    assert errors(text) == []


def carried(second_title: str = "支持企业发展的规定为支持企业发展，特制定以下规定：") -> str:
    # A 印发通知 with two 规定 pasted into two lines: the second numbers afresh.
    return ("国务院办公厅关于印发两个规定的通知\n各省、自治区、直辖市人民政府：\n"
            "现将两个规定印发给你们，请认真贯彻执行。国务院办公厅2026年3月2日"
            "事业单位转制的规定为推进转制，特制定以下规定：一、关于改制。（一）依法登记。"
            "（二）完善治理。二、关于资产。（一）清查资产。\n"
            f"（二）评估资产。{second_title}一、关于财政。（一）加大投入。（二）落实税收政策。"
            "二、关于融资。（一）拓宽渠道。\n")


def test_a_second_document_in_a_pasted_line_numbers_afresh():
    assert raws(carried()) == ["一、", "（一）", "（二）", "二、", "（一）", "（二）",
                               "一、", "（一）", "（二）", "二、", "（一）"]
    assert errors(carried()) == []
    # Its own numbering is still checked.
    assert (4, "GW103") in errors(carried().replace("二、关于融资", "三、关于融资"))


def test_a_restart_without_a_document_title_before_it_is_not_read():
    text = carried("请遵照以下规定：")
    assert raws(text).count("一、") == 1


def cases(second: str, third: str, fourth: str = "4.") -> str:
    # A list of items after a bracketed count (no sentence end before its 1.), pasted.
    return ("关于推广基层典型经验做法的通报\n各区县人民政府：\n"
            "现将有关情况通报如下。附件：典型经验做法（共4项）1.甲县推行一窗通办。"
            f"{second}乙县推进医共体建设。{third}丙区放宽市场准入。{fourth}丁区打造创业基地。\n")


def test_a_slip_at_the_start_of_a_pasted_list_of_items_is_reported():
    assert raws(cases("2.", "3.")) == ["1.", "2.", "3.", "4."]
    assert errors(cases("2.", "3.")) == []
    assert (3, "GW103") in errors(cases("3.", "4.", "5."))   # a gap
    assert (3, "GW104") in errors(cases("1.", "2.", "3."))   # a repeat
    assert {rule for _, rule in errors(cases("3.", "2."))} & {"GW103", "GW105"}  # swapped


def test_numbers_after_sentence_ends_far_from_the_run_stay_text():
    # 1. then 7. and 9.: no run with one slip, nothing read, nothing reported.
    text = cases("7.", "9.", "11.")
    assert raws(text) == []
    assert errors(text) == []


def regulation(first: str, second: str = "（二）", third: str = "（三）") -> str:
    # Articles pasted into one line; an article lists its conditions after a colon.
    return ("某市养老机构管理办法\n第一条　为规范养老机构管理，制定本办法。"
            f"第二条　养老机构应当具备下列条件：{first}有固定的服务场所；{second}有专业护理"
            f"人员；{third}有健全的管理制度。第三条　本办法自发布之日起施行。\n")


def test_a_list_whose_first_item_is_written_a_level_lower_is_reported():
    assert raws(regulation("（一）")) == ["（一）", "（二）", "（三）"]
    assert errors(regulation("（一）")) == []
    # 1. then （一）（二）: the 层次倒挂 it is when written line by line.
    slipped = regulation("1.", "（一）", "（二）")
    assert raws(slipped) == ["1.", "（一）", "（二）"]
    assert (2, "GW112") in errors(slipped)


def test_a_list_numbered_1_2_3_or_a_1_under_its_own_heading_is_no_slip():
    assert errors(regulation("1.", "2.", "3.")) == []
    # 1. under （一） (its title before it), then （二）: no first item of a list.
    text = regulation("（一）", "1.", "2.").replace("场所；1.", "场所，具体是：1.").replace(
        "管理制度。", "管理制度。（二）有独立的账户。")
    assert raws(text) == ["（一）", "1.", "2.", "（二）"]
    assert errors(text) == []


def roster(first: str = "（一）", second: str = "（二）") -> str:
    # A name list pasted into one line: each group's ordinal runs into the name before
    # it, its title is closed by a full stop; no 一、 anywhere.
    return ("县人民政府关于调整县防汛抗旱指挥部成员的通知\n各乡镇人民政府，县直各部门：\n"
            "因人员变动，经研究，决定调整县防汛抗旱指挥部成员。现将调整后的名单通知如下："
            "指挥长：王　明　　县长副指挥长：李　强　　副县长成员："
            f"{first}县直部门。张　华　　县水利局局长赵　刚　　县应急局局长"
            f"{second}各乡镇。钱　进　　城关镇镇长孙　伟　　河口镇镇长\n县人民政府\n2026年5月6日\n")


def warnings(text: str) -> list[str]:
    return [f.message for f in check_text(text, "通知.txt").findings if f.severity == "warning"]


def test_titled_groups_in_a_pasted_opening_with_no_part_above_them_are_read():
    assert raws(roster()) == ["（一）", "（二）"]
    assert errors(roster()) == []
    # Untitled (（一）县直部门，…), it is a list in the opening paragraph: not read.
    listed = roster().replace("县直部门。", "县直部门，").replace("各乡镇。", "各乡镇，")
    assert raws(listed) == []
    assert warnings(listed) == []
    # With 一、 after it the opening list is not read either (the outline starts there).
    later = roster().replace("\n县人民政府", "\n一、其他事项。请按时报到。\n县人民政府")
    assert raws(later) == ["一、"]


def test_a_slip_in_a_titled_group_run_into_the_text_before_it_is_reported():
    assert (3, "GW103") in errors(roster("（一）", "（三）"))  # a gap
    assert (3, "GW104") in errors(roster("（一）", "（一）"))  # a repeat
    # Untitled, the （三） is not read: nothing confirms it is a heading.
    assert errors(roster("（一）", "（三）").replace("各乡镇。", "各乡镇，")) == []
    # 第（三）项 refers to an item: never a heading.
    text = roster().replace("河口镇镇长", "河口镇镇长，按第（三）项执行。")
    assert raws(text) == ["（一）", "（二）"]
    assert errors(text) == []


def test_a_titled_group_numbered_a_level_lower_is_reported():
    # 1.县直部门。……（一）各乡镇。: the first group written a level lower, as 1. and （一）
    # on lines of their own would be (下级先于上级).
    slipped = roster("1.", "（一）")
    assert raws(slipped) == ["1.", "（一）"]
    assert any("“1.”" in m for m in warnings(slipped))
    # Untitled, neither is read.
    assert raws(slipped.replace("县直部门。", "县直部门，")) == []
    assert raws(roster("1.", "2.")) == []
