"""Shapes found by running the checker over 1,896 pages of a school's web site (notices,
plans, rules; not in the repository) and reading a sample of the errors it reported:
each false error, as a silent case, with the firing case that must still be reported.
The sentences are made up; only the shapes come from those pages."""
from __future__ import annotations

import pytest
from gongwen.check import check_text


def errors(text: str) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt").findings if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


NOTICE = ("关于申报名师的通知", "各学校：", "现将有关事项通知如下。", "一、申报条件", "热爱教育。",
          "二、材料报送", "按时报送。")


@pytest.mark.parametrize("attachments", [
    # The file names of the download links between the entries (pasted from the web page).
    ("附件：1.必备条件证明表", "202104011600596524.docx", "2.业绩量化表", "202104011601248332.doc"),
    ("附件：", "1.申报表2020.doc", "2.汇总表2020.doc"),
    # 附 for 附件, with its first entry on the line.
    ("附1、2019年度考核登记表", "2、2019年度考核优秀候选人推荐表"),
    # The entries numbered like headings.
    ("附件：一、教师授课流程", "二、学生和家长学习流程"),
])
def test_a_list_of_attachments_as_web_pages_print_it(attachments: tuple[str, ...]) -> None:
    assert errors(doc(*NOTICE, *attachments, "某市教育局", "2021年4月1日")) == []


def test_a_list_of_attachments_still_counts_its_entries() -> None:
    # A gap in the list is still one, across a file name too.
    text = doc(*NOTICE, "附件：1.申报表", "202104011600596524.docx", "3.汇总表", "某市教育局",
               "2021年4月1日")
    assert errors(text) == ["GW103"]
    # And a 2. with no 1. under a heading, past the list, as before.
    assert errors(doc(*NOTICE, "三、其他", "2.联系人：王老师。")) == ["GW103"]


SIGNED = ("关于举行秋季运动会的通知", "各班级：", "现将有关事项通知如下。", "一、时间", "9月27日。",
          "二、项目", "田径。", "三、要求", "注意安全。", "学校办公室", "2020年9月9日")


def test_a_short_title_after_the_sign_off_starts_the_next_document() -> None:
    text = doc(*SIGNED, "大  会  纪  律", "一、讲文明，讲礼貌。", "二、服从大会指挥。")
    assert errors(text) == []
    # Without the date that signs the notice off the title still heads a section of its
    # own (it follows the text of 三、); a sentence in its place heads nothing.
    unsigned = text.replace("学校办公室\n2020年9月9日\n", "")
    assert errors(unsigned) == []
    assert "GW105" in errors(unsigned.replace("大  会  纪  律", "请大家遵守大会纪律。"))


def test_a_space_before_the_mark_of_a_level_one_ordinal() -> None:
    text = doc("关于课题评审的通知", "一、评审安排", "（一）分组评审。", "（二）集中评审。",
               "二、成果运用", "（一）择优推荐。", "三 、其他事项", "（一）联系人：杨老师。")
    found = check_text(text, "稿.txt").findings
    assert [f.rule for f in found if f.severity == "error"] == []
    assert [(f.line, f.message) for f in found if f.rule == "GW101"] == [
        (7, "序号中间多了空格：应为“三、”，实为“三 、”")]


@pytest.mark.parametrize("title", ["监考人员职责", "来访者须知", "心理辅导教师工作守则",
                                   "班主任操作流程", "大会纪律"])
def test_rules_of_several_kinds_one_after_another(title: str) -> None:
    text = doc("期末考试工作安排", "一、主考教师职责", "到考务组领取试卷。", "二、巡视",
               "逐一巡视试场。", title, "一、提前10分钟到岗。", "二、核对试卷。")
    assert errors(text) == []
    # A sentence is no title: the 一、 after it is out of turn.
    assert "GW105" in errors(text.replace(title, "监考老师们要认真履职。"))


def test_chapters_marked_with_the_section_sign_each_number_from_one() -> None:
    text = doc("某中学三年发展规划", "§1.指导思想和发展目标", "一、指导思想", "立德树人。",
               "二、发展目标", "建成一流高中。", "§2.现实基础", "一、有利条件", "师资较强。",
               "二、不利因素", "校舍陈旧。", "§3 主要举措", "一、加强队伍建设", "培养青年教师。")
    assert errors(text) == []
    # Without the chapter lines the 一、 that starts again is out of turn.
    bare = "\n".join(line for line in text.split("\n") if not line.startswith("§")) + "\n"
    assert "GW105" in errors(bare)
    # A sentence that happens to start with § is no chapter.
    assert "GW105" in errors(text.replace("§2.现实基础", "§2.现实基础是学校发展的起点。"))


def test_a_space_before_the_dot_of_an_item() -> None:
    text = doc("健身走活动通知", "一、注意事项", "1 .保证身体健康；", "2. 根据天气完成锻炼。",
               "3. 途中不适及时停止。")
    found = check_text(text, "稿.txt").findings
    assert [f.rule for f in found if f.severity == "error"] == []
    assert [f.message for f in found if f.rule == "GW101"] == [
        "序号中间多了空格：应为“1.”，实为“1 .”"]
    # A real gap across such an item is still one (3 missing), reported where it is.
    gap = doc("参考曲目", "1. 大中国", "2. 今天是你的生日", "4 .中国朝前走", "5. 红船向未来")
    assert [(f.line, f.rule) for f in check_text(gap, "稿.txt").findings
            if f.severity == "error"] == [(4, "GW103")]


def test_an_appended_text_under_a_bare_fu() -> None:
    text = doc("关于招收女飞行学员的通知", "一、招收对象", "应届高中毕业生。", "二、录取",
               "择优录取。", "附：", "2019年女飞行学员自荐条件", "一、身体条件", "身高合格。",
               "二、文化条件", "成绩合格。")
    assert errors(text) == []
    assert "GW105" in errors(text.replace("附：\n", ""))


def test_lectures_of_a_course_each_number_from_one() -> None:
    text = doc("理论学习提纲", "第1讲  科学理论的时代之基", "一、立足时代之基", "二、回答时代之问",
               "第2讲  科学理论的实践品格", "一、坚持人民至上", "二、坚持自信自立")
    assert errors(text) == []
    assert "GW105" in errors(text.replace("第2讲  科学理论的实践品格\n", ""))


def test_a_lead_with_its_colon_near_the_start_heads_a_list() -> None:
    text = doc("考试安排", "一、报到",
               "本校考生：报到时间14：30，报到地点南门", "（1）凭准考证进校。", "（2）首次安检。",
               "外校考生：报到时间14：40，报到地点北门", "（1）凭准考证进校。", "（2）老师安检。")
    assert errors(text) == []
    # A line that ends a sentence is no label: the list going on from one is a slip.
    slip = text.replace("外校考生：报到时间14：40，报到地点北门", "外校考生由北门进校，统一安检。")
    assert "GW105" in errors(slip)
