"""A page that holds more than one document (gongwen.check.parts): a 印发通知 with its
规定, an attachment after the 成文日期, a 注： list under a table, the items of a
regulation's articles. Each numbers its outline in its own right and style.

The fixtures are short drafts written for these tests, in the shapes of the 国务院
documents that showed the false errors (two 规定 in one 通知, each numbering its items
（一）…（三十一） across its parts; an attached table numbered on while the notice
restarts; 附件1.×× without a colon). Every behaviour has a firing and a silent case.
"""
from __future__ import annotations

from gongwen.check import check_text


def codes(text: str, name: str = "通知.txt") -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, name).findings
            if f.severity in ("error", "warning") or f.rule == "GW107"]


def errors(text: str, name: str = "通知.txt") -> list[tuple[int | None, str]]:
    return [(f.line, f.rule) for f in check_text(text, name).findings if f.severity == "error"]


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


NOTICE = ("国务院办公厅关于印发两个规定的通知", "各省、自治区、直辖市人民政府：",
          "现将两个规定印发给你们，请认真贯彻执行。", "国务院办公厅", "2018年12月18日")


def two_rules(second_title: str = "进一步支持文化企业发展的规定") -> str:
    return lines(
        *NOTICE,
        "经营性文化事业单位转制为企业的规定",
        "为深化文化体制改革，特制定以下规定：",
        "一、关于公司制改革",
        "（一）转制为企业，要依法登记。", "（二）完善法人治理结构。",
        "二、关于资产管理",
        "（三）建立健全管理机构。", "（四）做好资产清查。",
        "三、关于收入分配",
        "（五）执行企业收入分配制度。",
        second_title,
        "为促进文化企业发展，特制定以下规定：",
        "一、关于财政税收",
        "（一）支持文化企业发展。", "（二）落实税收优惠政策。",
        "二、关于投资融资",
        "（三）鼓励社会资本投资。", "（四）创新投融资体制。",
        "三、关于资产处置",
        "（五）妥善处置划拨土地。",
    )


def test_a_second_document_numbers_afresh_in_its_own_style():
    text = two_rules()
    assert errors(text) == []
    # The style is seen in each document: one note for each, at its first item.
    assert [c for c in codes(text) if c[1] == "GW107"] == [(9, "GW107"), (19, "GW107")]


def test_a_restart_without_a_new_title_is_still_out_of_order():
    # The same page without the second title: 一、 after 三、 is a slip, not a new part.
    text = two_rules(second_title="以上各项要抓好落实。")
    found = errors(text)
    assert (18, "GW105") in found
    # A line ending in 规定 that is a sentence is no title either.
    text = two_rules(second_title="各地要严格执行本规定，不得自行其是，各项政策按规定")
    assert (18, "GW105") in errors(text)


def test_an_attachment_numbers_on_while_the_notice_restarts():
    text = lines(
        *NOTICE[:3],
        "一、总体要求", "（一）指导思想。", "（二）基本原则。",
        "二、组织实施", "（一）加强组织领导。", "（二）明确职责分工。",
        "附件：考核指标", "国务院办公厅", "2019年1月16日",
        "附件",
        "考核指标",
        "一、医疗质量", "（一）功能定位", "1.门诊人次数", "2.下转患者人次数",
        "（二）质量安全", "3.手术并发症发生率",
        "二、运营效率", "（三）资源效率", "4.每名医师日均负担",
        "（四）收支结构", "5.门诊收入占比",
        "三、持续发展", "（五）人员结构", "6.医护比",
        "注：", "1.考核应采用上述全部指标。", "2.标记的指标为国家监测指标。",
    )
    assert errors(text) == []
    # Without the 附件 line the attachment's （三） continues the notice's run: reported.
    slipped = text.replace("附件\n考核指标\n", "")
    assert any(rule in ("GW105", "GW106") for _, rule in errors(slipped))


def test_a_note_list_restarts_its_numbers():
    body = ("市教育局关于加强监管的通知", "一、工作任务", "1.完善制度。", "2.加强监管。",
            "3.强化考核。")
    assert errors(lines(*body, "注：", "1.本通知自印发之日起施行。")) == []
    # Without the 注： head the 1. is out of order.
    assert (6, "GW105") in errors(lines(*body, "1.本通知自印发之日起施行。"))


def test_an_attachment_list_without_a_colon_is_no_outline():
    text = lines(
        "国务院关于××的批复", "广东省人民政府：",
        "一、口岸区范围包括查验区。", "二、土地使用权由双方签订合同。",
        "附件1.查验区界址点坐标", "2.大桥桥面界址点坐标",
        "国务院", "二〇〇六年十二月三十日",
        "附件1.", "查验区界址点坐标",
    )
    assert errors(text) == []
    headings = [h.raw for h in check_text(text, "批复.txt").outline]
    assert headings == ["一、", "二、"]
    # A real gap in the body is still found beside such a list.
    assert (4, "GW103") in errors(text.replace("二、土地", "三、土地"))


def test_items_under_an_article_have_their_parent():
    regulation = lines(
        "个人所得税专项附加扣除暂行办法", "第一章　总　　则",
        "第一条　根据个人所得税法规定，制定本办法。",
        "第十七条　纳税人发生的住房租金支出，可以按照以下标准定额扣除：",
        "（一）直辖市、省会城市，扣除标准为每月1500元；",
        "（二）其他城市，扣除标准为每月1100元。",
    )
    assert codes(regulation, "办法.txt") == []
    # Without the articles the same items stand before any 一、: a warning.
    loose = lines("××暂行办法", "纳税人可以按照以下标准扣除：", "（一）直辖市，每月1500元；",
                  "（二）其他城市，每月1100元。", "一、附则")
    assert (3, "GW111") in codes(loose, "办法.txt")
    # Under an article, 1. before （一） is still an inversion of the levels.
    inverted = regulation.replace("（一）直辖市", "1.直辖市").replace("（二）其他", "（一）其他")
    assert (6, "GW112") in errors(inverted, "办法.txt")


def test_a_title_after_a_full_wrapped_line_is_not_joined_to_it():
    # A hard-wrapped text: a full line ending in 。 and then the next document's title.
    text = lines(
        *NOTICE,
        "经营性文化事业单位转制为企业的规定",
        "一、关于公司制改革",
        "（一）经营性文化事业单位转制为企业，要依法登记为有限责任公司",
        "或股份有限公司，加快建立现代企业制度，完善法人治理结构。",
        "二、关于资产管理",
        "（二）建立健全党委和政府监管国有文化资产的管理机构，完善监管",
        "机制，上述政策凡未注明具体期限的，执行期限均为五年，自印发之日起算。",
        "三、关于收入分配",
        "（三）转制后执行企业收入分配制度，按照国家有关规定实行工资总额",
        "预算管理，上述政策凡未注明具体期限的，执行期限均为五年，自印发起算。",
        "进一步支持文化企业发展的规定",
        "一、关于财政税收",
        "（一）中央财政和地方财政应通过文化产业发展专项资金等现有资金",
        "渠道，创新资金投入方式，完善政策扶持体系，支持文化企业发展。",
        "二、关于投资融资",
        "（二）鼓励社会资本投资兴办文化企业，推动文化企业上市融资。",
        "三、关于资产处置",
        "（三）文化企业改制涉及的原划拨土地，可按规定办理出让手续。",
    )
    assert errors(text) == []
    assert [h.raw for h in check_text(text, "通知.txt").outline].count("一、") == 2


def test_an_attachment_in_a_text_pasted_whole_numbers_afresh():
    # The notice and its attachment pasted as one line: 附件 right after the 成文日期.
    pasted = ("国务院办公厅关于××有关事项的通知\n"
              "各省、自治区、直辖市人民政府：现将有关事项通知如下：一、核发范围。专用号牌的核发范围如下。"
              "二、号牌要素。号牌分为两种。三、通行权利。车辆可以优先通行。四、政策保障。免征有关费用。"
              "附件：专用号牌式样国务院办公厅2018年12月4日（此件公开发布）附件专用号牌式样"
              "号牌式样说明如下：一、汽车号牌。汽车号牌每副两面。二、摩托车号牌。摩托车号牌每副一面。\n")
    assert errors(pasted) == []
    outline = [h.raw for h in check_text(pasted, "通知.txt").outline]
    assert outline == ["一、", "二、", "三、", "四、", "一、", "二、"]
    # Without the 成文日期 before it, 附件 is only a word: 一、 after 四、 is out of order.
    slipped = pasted.replace("国务院办公厅2018年12月4日（此件公开发布）附件专用号牌式样", "")
    assert any(rule == "GW105" for _, rule in errors(slipped))
