"""Shapes found in the fifteenth set of real documents outside the evaluation set (平潭
and Shanghai 街镇 texts, county 通报; not in the repository) and in the pasted forms of
sets 14–16: each false finding they caused, as a silent case, with the firing case that
must still be reported. The sentences are made up; only the shapes come from them."""
from __future__ import annotations

from gongwen.check import check_text


def findings(text: str, doctype: str | None = None, severity: str = "error") -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings
            if f.severity == severity]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


REPORT = ("某区2022年法治政府建设情况", "2022年，我区深入推进依法行政。现将有关情况报告如下：",
          "一、加强组织领导", "（一）部署工作。全年召开会议两次。", "（二）完善考核。纳入考核。",
          "二、规范执法行为", "（一）推进改革。整合执法职责。", "（二）加强培训。组织考试一次。",
          "一年来，我区法治政府建设取得一定成效，但仍存在一些差距。")


def test_next_years_plans_in_the_present_tense_number_their_own_list() -> None:
    text = doc(*REPORT, "2023年，我们坚持以新思想为指导，着力在法治轨道上推进各项工作。",
               "（一）加强党的领导。落实第一责任人职责。", "（二）狠抓教育培训。举办专题培训班。")
    assert findings(text) == []
    # A sentence that opens no next steps leaves the same （一） out of turn.
    assert "GW105" in findings(text.replace("2023年，我们坚持以", "全区上下坚持以"))


PLAN = ("关于某项管理的实施意见", "一、适用范围", "本意见适用于本镇范围内的小型工程。",
        "二、实施时间", "1、本意见自发文之日起试行；", "2、本意见适用于本镇区域内各单位；")


def test_an_attachment_label_run_into_the_last_sentence_heads_its_list() -> None:
    label_at_end = doc(*PLAN, "3、原某号文件予以废止。附件：", "1.某镇小型工程审批表",
                       "2.某镇小型工程验收表", "3.某镇小型工程结算表")
    first_run_in = doc(*PLAN, "3、原某号文件予以废止。附件：1.某镇小型工程审批表",
                       "2.某镇小型工程验收表")
    for text in (label_at_end, first_run_in):
        assert findings(text) == [], text
        assert [h.raw for h in check_text(text, "稿.txt").outline][-3:] == ["1、", "2、", "3、"]
    # Without the label the lines are items of the body, and out of turn there.
    assert "GW105" in findings(label_at_end.replace("予以废止。附件：", "予以废止。"))
    # A list that does not start at 1. is no attachment list.
    assert "GW105" in findings(label_at_end.replace("\n1.某镇小型工程审批表\n", "\n"))


def test_a_percentage_cut_by_a_wrap_goes_on_at_the_next_line() -> None:
    text = doc("在全县民族工作会议上的讲话", "同志们：",
               "今天我讲一讲民族工作。论人口，汉族占百分之",
               "九十四，是压倒优势。我们要加强民族团结。", "同志们，让我们共同努力！")
    assert findings(text, "speech") == []
    assert [h.raw for h in check_text(text, "稿.txt", "speech").outline] == []


def test_a_plan_introduced_with_tichu_xialie_fangan_has_its_transition() -> None:
    text = doc("某县执行救助专项基金管理方案",
               "为解决执行难问题，经研究，就设立执行救助专项基金，提出下列方案：",
               "一、工作目标", "到2024年底，建立执行救助机制。", "二、主要任务",
               "（一）筹集基金。财政安排资金。", "三、保障措施", "（一）加强领导。成立领导小组。")
    assert "GW205" not in findings(text, severity="warning")
    assert "GW205" in findings(text.replace("提出下列方案：", "研究如下："), severity="warning")


def test_an_inspections_notice_is_not_read_as_a_progress_report() -> None:
    body = ("按照年度工作安排，我办于6月对各单位消防安全工作进行了专项督查，现将有关情况通报如下：",
            "一、总体情况", "各单位高度重视，落实较好。", "二、工作要求", "各单位要立即整改。")
    notice = check_text(doc("关于夏季消防安全专项督查情况的通报", *body), "稿.txt")
    assert notice.doctype is None
    assert findings(doc("关于夏季消防安全专项督查情况的通报", *body), severity="warning") == []
    # A notice of a rectification's progress is one, and so is a report of inspections made.
    for title in ("关于巡察整改进展情况的通报", "关于安全生产大检查情况的报告",
                  "关于第八次常务会议确定事项落实情况的通报", "关于十件民生实事完成情况的通报"):
        assert check_text(doc(title, *body), "稿.txt").doctype == "progress-report", title
    # A notice that only tells (who came to a meeting, the accidents of the quarter) is none.
    for title in ("关于全体会议到会情况的通报", "关于1-9月份生产安全事故情况的通报"):
        assert check_text(doc(title, *body), "稿.txt").doctype is None, title



def test_problems_written_as_a_gap_in_an_unheaded_paragraph_are_found() -> None:
    text = doc(*REPORT[:-1], "一年来，我区法治建设取得一定成效，但仍存在一些差距，比如培训不够。",
               "下一步，我们将继续推进依法行政。")
    messages = [f.message for f in check_text(text, "稿.txt", "progress-report").findings]
    assert not [m for m in messages if "存在问题" in m]
    unnoted = text.replace("但仍存在一些差距，比如培训不够", "各项工作稳步推进")
    assert [f.message for f in check_text(unnoted, "稿.txt", "progress-report").findings
            if "存在问题" in f.message]


def test_items_run_into_a_pasted_line_go_on_at_the_next_line() -> None:
    text = doc("关于加强小型工程管理的实施意见", "一、适用范围",
               "本意见适用于小型工程。二、组织机构",
               "成立领导小组。三、过程管理。1、建设单位先报项目办初审。2、审批通过后立项。",
               "3、各建设单位不得拆分项目。4、由建设单位办理手续。", "四、其他",
               "本意见自发布之日起实施。")
    assert findings(text) == []
    assert [h.raw for h in check_text(text, "稿.txt").outline if h.level == 3][:3] == \
        ["1、", "2、", "3、"]
    # A next line that does not go on from the run is still out of turn.
    assert "GW103" in findings(text.replace("3、各建设单位", "5、各建设单位"))
