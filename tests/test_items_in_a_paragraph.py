"""Items numbered inside one paragraph (gongwen.check.items): ……包括：（1）……；（2）……,
and a table's note 注：1、……。2、……. A clear run is read as items, so that a slip in
it is reported; a number that merely stands in a sentence stays prose. Each behaviour
has a firing and a silent case; the sentences are written for these tests."""
from __future__ import annotations

from gongwen.check import check_text


def check(text: str):
    return check_text(text, "稿.txt")


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(h.line, h.raw, h.title) for h in check(text).outline]


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check(text).findings if f.severity == "error"]


def warnings(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check(text).findings if f.severity == "warning"]


def draft(line5: str) -> str:
    return ("关于做好档案整理工作的通知\n一、整理范围\n（一）文书档案\n1.归档要求\n"
            f"{line5}\n2.保管期限\n按规定执行。\n")


RUN = "归档文件应当符合下列条件：（1）齐全完整；（2）字迹清楚；（3）签章齐备。"


def test_a_run_after_a_colon_is_read_as_items():
    assert outline(draft(RUN))[3:6] == [(5, "（1）", "齐全完整"), (5, "（2）", "字迹清楚"),
                                        (5, "（3）", "签章齐备")]
    assert errors(draft(RUN)) == []


def renumbered(second: int, third: int) -> str:
    return draft(RUN.replace("（2）字", f"（{second}）字").replace("（3）签", f"（{third}）签"))


def test_a_slip_in_a_run_is_reported():
    assert (5, "GW103") in errors(renumbered(3, 4))  # a gap
    assert (5, "GW104") in errors(renumbered(1, 2))  # a repeat
    assert (5, "GW105") in errors(renumbered(3, 2))  # two swapped


def test_a_run_that_starts_its_paragraph_goes_on_after_semicolons():
    text = draft("（1）齐全完整；（2）字迹清楚；（3）签章齐备。")
    assert [h.raw for h in check(text).outline][3:] == ["（1）", "（2）", "（3）", "2."]
    assert errors(text) == []
    assert (5, "GW103") in errors(draft("（1）齐全完整；（2）字迹清楚；（4）签章齐备。"))


def test_numbers_in_a_sentence_stay_prose():
    for sentence in ("按第（3）项办理：先核对清单；（2）号柜另行存放。",
                     "整理时间：1、2、3月各一次；2、3号库房除外。",
                     "具体包括：（1）（2）两项，其余按第3.2条执行。",
                     "分三步完成，其中（2）是重点；（3）稍后安排。"):
        assert [h.raw for h in check(draft(sentence)).outline] == \
            ["一、", "（一）", "1.", "2."], sentence
        assert errors(draft(sentence)) == [], sentence


def test_a_single_item_is_no_run():
    assert [h.raw for h in check(draft("归档文件应当：（1）齐全完整。")).outline] == \
        ["一、", "（一）", "1.", "2."]


def test_a_run_at_a_level_already_numbered_under_the_same_parent_stays_prose():
    # 1. and 2. are read already under （一）: 要求：1.……；2.…… would number them again.
    text = ("关于做好档案整理工作的通知\n一、整理范围\n（一）文书档案\n1.归档要求\n2.保管期限\n"
            "具体要求：1.按年度整理；2.按问题分类；3.按期限排列。\n")
    assert [h.raw for h in check(text).outline] == ["一、", "（一）", "1.", "2."]
    assert errors(text) == []
    # Under its own parent heading the same run is read.
    fresh = text.replace("1.归档要求\n2.保管期限\n", "")
    assert [h.raw for h in check(fresh).outline] == ["一、", "（一）", "1.", "2.", "3."]
    assert errors(fresh) == []


NOTE = "注：1、面积单位为公顷。2、坐标为独立坐标系；单位为米。3、红线为管辖边界。"


def table(note: str) -> str:
    return ("关于口岸管辖范围的批复\n一、管辖范围\n二、土地使用\n附件\n界址点坐标表\n"
            f"编号 X坐标 Y坐标\n1 12168.54 104485.31\n{note}\n")


def test_a_note_under_a_table_numbers_afresh_and_its_form_is_checked():
    text = table(NOTE)
    assert [h.raw for h in check(text).outline] == ["一、", "二、", "1、", "2、", "3、"]
    assert errors(text) == []
    assert (8, "GW101") in warnings(text)  # 1、 should be 1.
    assert warnings(table(NOTE.replace("、", "."))) == []
    assert (8, "GW103") in errors(table(NOTE.replace("2、", "3、").replace("3、红", "4、红")))


def test_a_note_pasted_right_after_the_table_still_starts_a_part():
    # Pasted text: the table's last number stands right before 注： (no line break).
    text = ("关于口岸管辖范围的批复\n一、管辖范围。说明如下。二、土地使用。说明如下。"
            "附件界址点坐标表编号X坐标Y坐标112168.54104485.31"
            "注：1.面积单位为公顷。 2.坐标为独立坐标系。 3.红线为管辖边界。\n")
    assert [h.raw for h in check(text).outline] == ["一、", "二、", "1.", "2.", "3."]
    assert errors(text) == []


def test_the_downloads_keep_a_line_of_items_a_paragraph():
    # heading_levels: what the .docx and .txt downloads format as headings.
    from gongwen.check.document import heading_levels, read

    doc = read(draft(RUN), "稿.txt")
    assert heading_levels(doc) == {2: 1, 3: 2, 4: 3, 6: 3}  # not line 5: it is a paragraph
    starts = read(draft("（1）齐全完整；（2）字迹清楚；（3）签章齐备。"), "稿.txt")
    assert heading_levels(starts)[5] == 4  # a line that starts with its first item is one
