"""Shapes found in the fourteenth set of real documents outside the evaluation set (平潭
reports and plans, speeches; not in the repository): each false finding they caused, as a
silent case, with the firing case that must still be reported. The sentences are made up;
only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str, doctype: str | None = None) -> list[str]:
    return [f.rule for f in check_text(text, "稿.txt", doctype).findings
            if f.severity == "error"]


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


REPORT = ("某区2021年法治政府建设情况的报告", "现将我区2021年法治政府建设情况报告如下：",
          "一、加强组织领导", "（一）健全工作机制。成立领导小组。",
          "（二）落实第一责任人职责。定期研究。", "二、化解矛盾纠纷",
          "（一）依法办理行政争议案件。全年办结十件。", "（二）健全大调解体系。成效明显。")


def test_the_next_steps_written_without_a_heading_number_their_own_list() -> None:
    text = doc(*REPORT, "一年来，我区法治政府建设取得一定成效，但仍存在一定差距。",
               "2022年，我们将继续以习近平法治思想为指导，着力在法治轨道上推进各项工作。",
               "（一）加强党对法治建设的领导。", "（二）狠抓法治教育培训。")
    assert errors(text) == []
    # After a sentence that opens no next steps, the same （一） is out of turn.
    assert "GW105" in errors(text.replace("2022年，我们将继续以", "全区上下坚持以"))


def test_a_reference_appended_under_its_bracketed_label() -> None:
    speech = doc("在员工大会上的讲话", "同志们：", "今天召开大会，主要任务是部署工作。",
                 "一、关注员工健康", "要建立员工健康档案。", "二、关注网络安全", "要保障网络稳定。",
                 "同志们，让我们共同努力！",
                 "【参考资料】", "《关于一起突发事件的处置情况》", "事件发生后，部门迅速处置。",
                 "一、救治经过", "及时送医。", "二、经验教训", "要完善预案。")
    assert errors(speech) == []
    # A bracketed label right under a heading is a label over a list: 一、 again is a slip.
    under = speech.replace("要保障网络稳定。\n同志们，让我们共同努力！\n", "")
    assert "GW105" in errors(under)


def test_a_series_begun_as_yi_ge_shi_goes_on_with_di_er() -> None:
    text = doc("在年中会议上的讲话", "同志们：", "今天召开会议，主要任务是部署下半年工作。",
               "一、推行新的管理体系",
               "授权下去后，一个是会使工作效率大大提高；第二，切实落实前方指挥后方。",
               "二、加强队伍建设", "要培养干部。同志们，让我们共同努力！")
    assert errors(text) == []
    assert "GW121" in errors(text.replace("一个是会使", "会使"))


def test_a_table_row_with_its_cells_apart_by_spaces_is_no_section_number() -> None:
    plan = doc("某区畜禽养殖场拆除补偿方案", "为解决养殖污染问题，制定本方案。", "一、适用范围",
               "列入整治名单的养殖场。", "二、补偿标准", "（一）活体补偿标准",
               "序号 畜禽种类 单位 补偿单价",
               "1 成年公猪 头 800", "2 仔猪 头 200", "（二）栏舍补偿标准", "按结构计算。",
               "（三）设施补偿标准", "按评估价计算。", "三、工作经费", "另行安排。")
    assert errors(plan) == []
    # A section number over a title alone on its line still sets a section apart (1 总则).
    sections = plan.replace("1 成年公猪 头 800", "1 总则").replace("2 仔猪 头 200", "2 补偿")
    assert errors(sections) != []


def wrapped(text: str, width: int = 24) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_a_bracketed_label_ends_a_hard_wrapped_paragraph() -> None:
    # Lines of a hard-wrapped text run to the margin; the label after them stands alone.
    body = ("我们的方案越来越复杂，各级主官要像司令员那样专心研究问题，业精于勤荒于嬉，"
            "行成于思毁于随，各级干部要多学习、多思考、多实践，把工作落到实处。")  # (3 full lines)
    text = doc("在公司干部大会上的讲话", *wrapped("1、" + body), *wrapped("2、" + body),
               "【参考资料】", "（某公司发布的八条规定。）", "1. 以真心换真金。",
               "2. 离客户近一点。")
    assert errors(text) == []
    assert "GW105" in errors(text.replace("【参考资料】\n", ""))


def test_an_outline_pasted_into_the_opening_line_goes_on_at_the_next_line() -> None:
    text = doc("某局2022年工作计划",
               "当前收支矛盾突出，我们将采取有力措施。（一）统筹学习，加强思想教育。坚持从严治党。"
               "（二）狠抓收入管理，着力培植财源。一是加强财源管理。二是争取上级支持。",
               "（三）优化支出结构，着力保障重点支出。一是过紧日子。二是补齐民生短板。")
    assert errors(text) == []
    # A run that does not go on there is the opening's own list: the line's （四） is a gap.
    assert "GW103" in errors(text.replace("（三）优化", "（四）优化"))


def test_a_subheading_about_grasping_the_key_work_is_no_next_steps() -> None:
    text = doc("某区2015年政府信息公开工作年度报告", "现将有关情况报告如下：", "一、概述",
               "（一）加强组织领导，健全工作机制。成立领导小组。",
               "（二）把握工作重点，扎实推进信息公开。主动公开信息2000条。",
               "二、主动公开政府信息情况", "全年主动公开信息2000条。",
               "三、依申请公开情况", "全年受理申请12件。",
               "四、主要问题和改进措施", "公开质量不高。下一步，我们将提高公开质量。")
    rules = [f.rule for f in check_text(text, "稿.txt", "progress-report").findings]
    assert "GW203" not in rules
    # A subheading that does plan the next steps, before the work, is still out of order.
    early = text.replace("（二）把握工作重点，扎实推进信息公开。", "（二）下一步工作重点。")
    assert "GW203" in [f.rule for f in check_text(early, "稿.txt", "progress-report").findings]
