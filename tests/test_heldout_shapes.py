"""Shapes found in real documents outside the evaluation set (2026 provincial 政府工作报告):
each false error they caused, as a firing and a silent case."""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.text.numbering import parse_ordinal


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "报告.txt").findings
            if f.severity == "error"]


def test_an_item_that_starts_with_a_year_is_an_item():
    # 名词解释 at the end of a report: 20.2026年10件民生实事：…
    assert parse_ordinal("20.2026年10件民生实事：说明。").number == 20
    assert parse_ordinal("3．1998年以来的数据").number == 3
    # A decimal is still no ordinal: 1.5亿元, 2.2026 without 年.
    assert parse_ordinal("1.5亿元的投资") is None
    assert parse_ordinal("2.2026亿元") is None
    notes = ("2026年政府工作报告\n名词解释：\n1.项目一：说明。\n2.2026年10件民生实事：说明。\n"
             "3.百日攻坚：说明。\n")
    assert errors(notes) == []
    # The item really missing is still a gap.
    assert (5, "GW103") in errors(notes.replace("2.2026年10件民生实事：说明。\n", "说明。\n"))


def test_a_bracket_left_alone_at_a_line_end_joins_the_next_line():
    # A web page broke （三） after its opening bracket: （ ⏎ 三）改革开放……
    text = ("2026年政府工作报告\n一、过去一年\n（一）经济运行稳中有进。\n（二）产业升级步伐加快。\n"
            "（\n三）改革开放持续深化、互促共进。\n（四）民生福祉不断增进。\n")
    assert errors(text) == []
    outline = [h.raw for h in check_text(text, "报告.txt").outline]
    assert outline == ["一、", "（一）", "（二）", "（三）", "（四）"]
    # Also across a blank line (paragraphs set apart by blank lines)…
    assert errors(text.replace("（\n三）", "（\n\n三）")) == []
    # …but a heading really missing is still a gap, reported at （四）.
    assert (5, "GW103") in errors(text.replace("（\n三）改革开放持续深化、互促共进。\n", ""))


def rules(text: str, doctype: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings]


REPORT = """2026年政府工作报告
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全省经济运行稳中有进。
我们也清醒认识到：经济转型升级仍处于攻坚期，民生保障还有短板。
二、下一步打算
今年要重点做好以下工作。
"""


def test_a_government_work_report_read_as_a_summary_has_its_parts():
    found = rules(REPORT, "summary")
    assert "GW205" not in found  # 向大会报告工作 is its transition
    assert "GW205" not in rules(REPORT.replace("报告工作", "报告政府工作"), "summary")
    assert "GW201" not in found  # 清醒认识到 opens the problems part
    # Without them both are missing indeed.
    bare = REPORT.replace("现在，我代表省人民政府，向大会报告工作，请予审议。\n", "").replace(
        "我们也清醒认识到：经济转型升级仍处于攻坚期，民生保障还有短板。\n", "")
    assert "GW205" in rules(bare, "summary") and "GW201" in rules(bare, "summary")


SPEECH = """在全省工作会议上的讲话
同志们：
今天召开全省工作会议，主要任务是部署今年的工作。
一、充分肯定成绩
过去一年，各项工作取得了明显成效。
二、扎实做好今年工作
要抓好三件事。
越是形势严峻复杂越需要领导干部保持定力。各级领导干部要团结带领人民群众战胜各种艰难险阻，交出一份合格的答卷。
"""


def test_a_speech_that_closes_with_a_charge_to_the_cadres_has_its_closing():
    assert "GW201" not in rules(SPEECH, "speech")
    ended = SPEECH.rsplit("越是", 1)[0]  # the closing paragraph taken away
    assert "GW201" in rules(ended, "speech")


def test_a_long_first_sentence_still_opens_the_problems_part_by_its_first_clause():
    long = ("在看到成绩的同时，我们也认识到老问题、新挑战仍然不少，"
            "主要是经济回升向好的基础还不稳固，部分企业生产经营困难。")
    text = REPORT.replace("我们也清醒认识到：经济转型升级仍处于攻坚期，民生保障还有短板。", long)
    assert "GW201" not in rules(text, "summary")
    # A first clause that does not open the part leaves it missing.
    plain = text.replace("在看到成绩的同时，我们也认识到", "今年以来，各地区各部门")
    assert "GW201" in rules(plain, "summary")


def test_the_next_years_work_after_this_years_review_is_the_plan():
    text = REPORT.replace("二、下一步打算", "二、2026年主要工作")  # after 一、2025年工作回顾
    assert "GW201" not in rules(text, "summary")
    # Without the earlier year, 2026年主要工作 reads as the work done: the plan is missing.
    text = text.replace("一、2025年工作回顾", "一、过去一年工作回顾")
    assert "GW201" in rules(text, "summary")


def test_an_item_whose_text_starts_with_a_number_is_an_item_inside_its_run():
    notes = ("2026年政府工作报告\n名词解释：\n1.项目一：说明。\n2.5+2就业之家：说明。\n"
             "3.百日攻坚：说明。\n")
    assert errors(notes) == []
    assert [h.number for h in check_text(notes, "报告.txt").outline] == [1, 2, 3]
    # Out of turn (the next item is 2. itself) 2.5 is a number in the text, not an item.
    body = ("2026年政府工作报告\n名词解释：\n1.项目一：说明。\n2.5亿元投资的说明。\n"
            "2.百日攻坚：说明。\n")
    assert [h.number for h in check_text(body, "报告.txt").outline] == [1, 2]
    assert errors(body) == []


def test_a_word_cut_before_its_one_at_a_full_line_goes_on():
    # 全国第 ⏎ 一，13个大模型… in a hard-wrapped text (28 characters a line): 第一 cut
    # at the margin is no heading 一，.
    body = ("过去一年全省科技创新能力持续增强，高新技术企业达到两万八千家，全社会研发投入"
            "年均增长超过一成，八家全国重点实验室落户本省，燕赵系列实验室陆续投用，国家技术"
            "发明一等奖实现零的突破，高端装备成长为万亿级产业，钢铁产品由原料级向材料级转变"
            "，新能源汽车产量增长五倍，综合算力指数全国第一，十三个大模型通过国家备案，高新"
            "技术产业增加值占规上工业比重明显提高，现代服务业加快发展，文化旅游持续火爆。")
    cut = body.index("一，十三")
    lines, pos = [], 0
    while pos < len(body):  # 28 a line, and a line break right before 一，十三
        end = cut if pos < cut < pos + 28 else pos + 28
        lines.append(body[pos:end])
        pos = end
    text = "2026年政府工作报告\n一、过去一年\n" + "\n".join(lines) + "\n二、今年工作\n"
    assert any(line.startswith("一，") for line in lines)
    assert errors(text) == []
    assert [h.raw for h in check_text(text, "报告.txt").outline] == ["一、", "二、"]
    # The same break after a word that does not end in 一 (全国领先 ⏎ 一，…) is a heading
    # out of turn: reported.
    assert errors(text.replace("全国第\n一，", "全国领先\n一，"))


def test_a_range_of_numbers_at_a_line_start_is_no_heading():
    # A wrapped line that starts 二、三级子公司超800家 (二、三级 = tiers two and three).
    for text in ("二、三级子公司超800家", "一、二季度经济运行平稳", "三、四线城市房价回落"):
        assert parse_ordinal(text) is None, text
    # A heading that happens to start with a numeral is still one.
    for text in ("二、三农工作取得新进展", "三、一线工作法见实效", "三、四个意识不断增强"):
        assert parse_ordinal(text).level == 1, text
