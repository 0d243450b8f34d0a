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
