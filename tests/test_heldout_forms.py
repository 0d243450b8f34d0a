"""False errors that the messy forms of real documents (hard wrapped, PDF copies, pasted
blocks) caused in held-out documents outside the evaluation set (not in the repository):
each as a silent case, with the firing case that must still be reported. The sentences
are made up; only the shapes come from those documents."""
from __future__ import annotations

from gongwen.check import check_text


def errors(text: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, "稿.txt").findings
            if f.severity == "error"]


def outline(text: str) -> list[str]:
    return [h.title for h in check_text(text, "稿.txt").outline]


# A report hard wrapped at 24 characters (a PDF copy): numerals cut at the margin.
WRAPPED = """某县人民政府工作报告
各位代表：
一、2025年工作回顾
过去一年，全县上下团结奋斗，经济社会发展取得新成
效。全县地区生产总值增长百分之五点六，增速居全市第
二、第五位，一般公共预算收入持续增长，居民收入稳步
提高，各项事业全面进步。
农业农村稳步发展。粮食总产量再创新高，肉牛产业纾困
政策落地见效，乡村旅游项目分获全省创业大赛的一等奖
一、二等奖。特色产业占农业总产值比重继续提高，农产
品加工转化率稳步提升。
民生实事全部办结。一是新建幼儿园三所。二是改造老旧
小区。三是新增就业岗位。四是提升农村供水。五是建设
养老中心。六是建成口袋公园。七是改造农村公路。八是
新建充电设施。九是加装电梯。十是建成便民市场五个。十
一是完成农产品快检两万批次。十二是资助困难学生一千
名。
二、2026年主要任务
今年是“十五五”开局之年，我们将坚持稳中求进，扎实
做好各项工作，确保各项目标任务圆满完成，以优异成绩
向全县人民交出满意答卷。
"""


def test_a_numeral_cut_at_the_margin_is_no_heading_and_no_item():
    # 第 ⏎ 二、第五位 (第二), 一、二等奖 at a line start (a range), 十 ⏎ 一是 (十一是).
    assert errors(WRAPPED) == []
    assert outline(WRAPPED) == ["2025年工作回顾", "2026年主要任务"]
    # An item missing after the cut 十一是 is still a gap.
    assert (16, "GW121") in errors(WRAPPED.replace("十二是", "十三是"))


def test_an_ordinal_after_a_full_line_still_starts_a_heading():
    # Only 第 cuts a 第二: after another full line, 二、 is a heading (here a repeated one).
    assert (18, "GW104") in errors(WRAPPED.replace("居全市第\n", "居全市前\n"))
    # Not a range (not the next numeral, or no 等奖/季度…): a misnumbered heading.
    for line in ("三、五等奖。", "一、加强监管。"):
        found = errors(WRAPPED.replace("一、二等奖。", line))
        assert any(where == 10 for where, _ in found), (line, found)


# A report pasted as one line (its paragraph breaks lost).
PASTED = ("某市2026年工作安排\n"
          "今年重点抓好以下工作。一、推动高质量发展（一）壮大实体经济。推进制造业升级，"
          "力争二、三季度产值较快增长。（二）扩大有效投资。加快重大项目建设。"
          "（三）一体推进教育科技人才发展。优化教育资源供给，办好一流学科。"
          "（四）持续改善民生。新增就业岗位两千个。二、加强政府自身建设。持续改进作风。\n")


def test_a_run_in_heading_whose_title_starts_with_a_numeral_is_read():
    # （三）一体推进… starts a heading; 二、三季度 still lists numbers.
    assert errors(PASTED) == []
    assert [t[:4] for t in outline(PASTED)] == ["推动高质", "壮大实体", "扩大有效",
                                                "一体推进", "持续改善", "加强政府"]
    # A heading that really is missing after it is still reported.
    assert (2, "GW103") in errors(PASTED.replace("（四）持续", "（五）持续"))
    # So is a 一、 whose title starts with a numeral that is not the next one.
    numbered = PASTED.replace("。（二）扩大有效投资。", "。三、一流学科建设。")
    assert "一流学科建设" in outline(numbered)


# A report and its attached list, pasted as one line: 附件1 runs into its title (2026年…).
ATTACHED = ("某市2026年工作安排\n"
            "一、总体要求。坚持稳中求进。二、重点任务。抓好项目建设。三、保障措施。"
            "强化督促落实，为全市发展作出新的更大贡献！附件12026年市十件民生实事"
            "坚持民生为大，办好以下实事。一、新建幼儿园三所。二、改造老旧小区十个。\n")


def test_an_attachment_pasted_after_the_last_sentence_starts_its_own_numbering():
    assert errors(ATTACHED) == []
    # Its numbering is still checked…
    assert (2, "GW103") in errors(ATTACHED.replace("二、改造", "三、改造"))
    # …and 附件 inside the text, with no numbering starting again after it, is no part:
    # the report's numbering goes on through it.
    attached = ATTACHED[ATTACHED.index("附件1"):-1]
    prose = ATTACHED.replace(attached, "附件1所列事项要逐项落实。四、组织领导。加强统筹。")
    assert errors(prose) == []
    assert (2, "GW103") in errors(prose.replace("四、组织", "五、组织"))


# A plan whose short headings and lines end in no mark, pasted as one line after its title.
UNMARKED = ("某中学活动方案\n"
            "某中学2026年成人仪式方案一、时间地点5月4日下午，学校体育馆二、参加对象"
            "高三全体学生及教师代表。三、活动流程。1.开场舞蹈；2.成人宣誓。四、工作要求。"
            "各班按时入场。\n")


def test_headings_pasted_without_marks_are_confirmed_by_the_run_that_follows():
    # 一、 and 二、 follow no sentence end; 三、 does, and confirms the run before it.
    assert [t[:4] for t in outline(UNMARKED)] == ["时间地点", "参加对象", "活动流程",
                                                  "开场舞蹈", "成人宣誓", "工作要求"]
    assert errors(UNMARKED) == []
    # A run broken by a gap confirms nothing before it: 一、 and 三、 stay unread here…
    assert "时间地点" not in outline(UNMARKED.replace("二、参加", "三、参加"))
    # …and a number in a sentence (第一、二) is still no heading.
    assert errors(UNMARKED.replace("三、活动流程。", "三、活动流程。按方案一、二执行，")) == []


# A plan hard wrapped at 20 characters: a download link inside a long sentence.
DOWNLOAD = """某中学年度考核工作方案
一、工作步骤
1.个人总结。每位教工下载考核登记表（点击下载附
件），完成个人总结，电子稿上传到学校网站，纸
质稿交所在年级组，由年级组长统一汇总后交到校长
室存档备查，逾期未交的按有关规定处理，请各位教师
务必按时完成。
2.分组推荐。各小组负责人召集组内教师交流推荐优
秀候选人，对照考核条件逐项表决，推荐结果在本组
公示三天，无异议后报学校考核领导小组审定确认。
"""


def test_a_download_link_inside_a_wrapped_sentence_is_no_web_junk():
    assert [rule for _, rule in errors(DOWNLOAD) if rule == "GW402"] == []
    # The site's own line, alone, still is: 点击下载全文 after the text.
    assert (11, "GW402") in errors(DOWNLOAD + "点击下载全文\n")


# A PDF copy: a contents list with page numbers, then the body (a blank line between).
CONTENTS = """某中学自主招生推荐实施方案
目　　录
一、推荐原则：……………………………………1
二、推荐人数：……………………………………1
三、推荐程序………………………………………2

一、推荐原则：
坚持公平、公正、公开，推荐品学兼优的学生。
二、推荐人数：
推荐名额一人。
三、推荐程序
个人申请，学校审核，公示无异议后上报。
"""


def test_the_first_heading_after_a_contents_list_is_the_bodys():
    assert outline(CONTENTS) == ["推荐原则：", "推荐人数：", "推荐程序"]
    assert errors(CONTENTS) == []
    # A body that starts with a 1. list after the entries: its first item is read.
    listed = CONTENTS.replace("\n一、推荐原则：\n", "\n1.时间：五月上旬\n2.地点：学校礼堂\n")
    assert outline(listed)[:2] == ["时间：五月上旬", "地点：学校礼堂"]
    # The body's numbering is still checked from its first heading.
    assert (9, "GW104") in errors(CONTENTS.replace("二、推荐人数：\n推荐", "一、推荐人数：\n推荐"))


# A notice that forwards another, hard wrapped: its 抄送 line, then the forwarded title.
FORWARDED = """某县教育局关于转发防范校园踩踏事故通知的通知
各中小学：
现将上级通知转发给你们，请认真贯彻落实，并提出如下要
求：
一、高度重视。各校要充分认识做好安全工作的重要性，切
实把学生安全放在首位，层层压实工作责任，确保不出事。
二、落实措施。各校要在学生集中上下楼梯时安排教师值守，
疏导学生有序通行，严防发生拥挤踩踏等各类安全事故。
某县教育局
2010年12月13日
抄送：县政府办公室，县安全生产委员会，县公安局交警队。
市教育局办公室关于近期一所小学发生拥挤踩踏事故的紧急通
报
各县（市、区）教育局：
近日某地一所小学发生拥挤踩踏事故，造成多名学生受伤，
现就有关工作提出以下要求：
一、强化上下楼梯时的安全管理。各校要健全制度，落实责任，
强化学生下晚自习、下课、上操、就餐和集会时的安全管理。
二、迅速组织一次安全检查。各校要立即行动起来，开展一次
全面的安全隐患排查，对发现的问题要立即整改，不留死角。
"""


def test_a_copy_to_line_ends_the_document_before_a_forwarded_one():
    assert errors(FORWARDED) == []
    # The forwarded document's own numbering is still checked.
    assert (19, "GW103") in errors(FORWARDED.replace("二、迅速", "三、迅速"))
