"""Shapes found in the twelfth and thirteenth sets of real documents outside the
evaluation set (平潭 政府信息公开年报 and plans; speeches, Shanghai notices; not in the
repository): each false finding they caused, as a silent case, with the firing case that
must still be reported. The sentences are made up; only the shapes come from those
documents."""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.text.webjunk import junk_reason


def errors(text: str, doctype: str | None = None) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings
            if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


REPORT = ("某区2020年度政府信息公开工作年度报告",
          "本报告依据《中华人民共和国政府信息公开条例》编制。", "一、概述", "（一）主动公开情况",
          "全年主动公开政府信息1200条。", "（二）公开形式",
          "1.门户网站", "设立信息公开专栏。", "2.公众查阅点", "在档案馆设立查阅点。",
          "二、存在的主要问题和改进措施", "公开形式还不够多，下一步加强新媒体应用。",
          "三、政府信息公开情况统计表")
TABLE = ("指标名称", "计量单位", "本年度", "主动公开文件数", "条", "1200",
         "其中：1、政府网站公开数", "条", "1200", "2、政府公报公开数", "条", "0",
         "受理依申请公开总数", "条", "3", "其中：1、当面申请数", "条", "2",
         "2、网上申请数", "条", "1")


def test_the_rows_of_a_statistics_table_are_no_outline() -> None:
    assert errors(doc(*REPORT, *TABLE), "progress-report") == []
    # Without its header cells the same rows are read as the outline: 2、 repeats 2.
    assert "GW104" in errors(doc(*REPORT, *TABLE[3:]), "progress-report")


def test_the_site_speaking_is_junk_and_the_same_words_in_a_sentence_are_not() -> None:
    for junk in ("下面是小编为大家整理的工作总结，欢迎阅读参考。", "来源：本站",
                 "本站所有文章仅供学习参考。", "更多精彩内容请关注本站"):
        assert junk_reason(junk), junk
    for prose in ("推行小编制，把力量集中到主业上来。", "要坚决缩小编制规模。",
                  "站长是本站安全第一责任人。", "本站点发现的问题要当日整改。"):
        assert junk_reason(prose) == "", prose


SPEECH = ("在某局年度工作会议上的讲话", "同志们：", "今天召开会议，主要任务是部署今年任务。",
          "一、回顾去年工作")
CLOSE = ("二、部署今年任务", "各单位要提高谈判能力。希望大家再接再厉。")


def test_a_series_begun_in_other_words_goes_on_with_its_third() -> None:
    begun = "合同质量不高，原因在于顾虑：一怕对手抢单；二怕客户不满意；三是方案本身有缺陷。"
    assert errors(doc(*SPEECH, begun, *CLOSE), "speech") == []
    # Begun with two different words, or not begun at all: 三是 still wants its 一是.
    for other in (begun.replace("二怕", "二要"), "合同质量不高，原因在于：三是方案本身有缺陷。"):
        assert "GW121" in errors(doc(*SPEECH, other, *CLOSE), "speech"), other


def test_headings_after_a_paragraph_indent_in_a_pasted_line() -> None:
    # Paragraphs pasted into one line keep their indent (two full-width spaces).
    text = doc("某局关于做好冬季安全工作的通知",
               "各单位：　　现就有关要求通知如下。　　一、工作目标。　　确保不发生较大事故。"
               "　　二、重点任务。　　（一）加强隐患排查。各单位要全面排查隐患。",
               "　　（二）加强宣传培训。各单位要开展培训。　　三、时间步骤。　　（一）部署阶段。")
    assert errors(text) == []
    # Read as headings, their slips are found: 四、 after 二、 is a gap.
    assert "GW103" in errors(text.replace("三、时间步骤", "四、时间步骤"))


def test_a_first_item_at_the_end_of_a_pasted_line_with_its_second_on_the_next() -> None:
    text = doc("关于政务公开工作要点落实情况的函",
               "现将落实情况函告如下：一、工作情况。全年主动公开信息3000条。二、下一步计划。"
               "（一）深化公开内容。凡涉及群众利益的都要公开。（二）规范公开行为。1、加强培训指导。",
               "2、建立工作机制，落实每月统计。3、做好巡查工作。某区人民政府办公室2020年12月10日")
    assert errors(text, "progress-report") == []
    # Without its 1、 the list's first item is missing: 2、 is still a gap.
    assert "GW103" in errors(text.replace("1、加强培训指导。", "加强培训指导。"), "progress-report")


def test_a_first_item_run_into_a_title_without_its_full_stop() -> None:
    plan = ("某片区安全生产工作要点", "为做好安全生产工作，制定本要点。", "一、工作目标",
            "杜绝较大事故。", "二、重点任务", "（一）排查隐患。全面排查。")
    run = "（二）加快屏障建设一是加强护栏建设。二是完善警示标志。"
    assert "GW121" not in errors(doc(*plan, run), "plan")
    # A list that really starts at 二是 is still a gap.
    late = "（二）加快屏障建设。二是完善警示标志。三是加强巡查。"
    assert "GW121" in errors(doc(*plan, late), "plan")


def test_a_book_title_cut_at_the_margin_before_its_number() -> None:
    plan = ("某县矿山安全三年行动方案", "为夯实矿山安全基础，特制定本方案。", "一、主要目标",
            "矿区达到安全生产标准化二级。", "二、主要任务", "（一）加强宣传教育。",
            "1.深入开展安全教育。以《中华人民共和国安全生产法》《刑法修正案",
            "（十一）》以及重大隐患判定标准等为重点，常态化开展", "学法活动。",
            "（二）加强社会监督。", "1.健全举报渠道。", "三、保障措施", "（一）加强组织领导。")
    assert errors(doc(*plan), "plan") == []
    # A heading line of its own, numbered out of turn, is still a slip.
    slipped = doc(*plan[:7], "（十一）加强普法。", *plan[8:])
    assert "GW103" in errors(slipped, "plan")
