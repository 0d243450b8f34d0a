"""Every rule: a document where it fires and one where it stays silent.

Fixtures are whole documents carrying their expected findings inline, next to the
offending line: `<!-- expect: GW103 -->` (a finding on this line) or
`<!-- expect-page: GW201 GW201 -->` (findings about the whole page, line None) or
`<!-- expect-front-matter: GW902 -->` (findings about the front matter, line 1).
The set of findings must equal the expected one exactly (info included), so each
fixture also proves that the other rules stay silent on it. `silent` names the rules
whose correct case the fixture is meant to show.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pytest
from gongwen.check import check_text
from gongwen.check.rules import RULES, find_rule

RE_EXPECT = re.compile(r"<!-- expect: ([A-Z0-9 ]+) -->")
RE_EXPECT_PAGE = re.compile(r"<!-- expect-page: ([A-Z0-9 ]+) -->")
# Findings about the front matter are reported at line 1 (its opening ---).
RE_EXPECT_FRONT = re.compile(r"<!-- expect-front-matter: ([A-Z0-9 ]+) -->")


@dataclass
class Case:
    id: str
    text: str
    doctype: str | None = None
    silent: list[str] = field(default_factory=list)

    def expected(self) -> Counter:
        out: Counter = Counter()
        for number, line in enumerate(self.text.splitlines(), 1):
            for m in RE_EXPECT.finditer(line):
                out.update((number, code) for code in m.group(1).split())
            for m in RE_EXPECT_PAGE.finditer(line):
                out.update((None, code) for code in m.group(1).split())
            for m in RE_EXPECT_FRONT.finditer(line):
                out.update((1, code) for code in m.group(1).split())
        return out


PLAN_OK = """\
# 市教育局2025年度整改方案

根据市委部署要求，结合工作实际，特制定本方案。

## 一、指导思想

坚持问题导向，狠抓整改落实。

## 二、工作原则

坚持实事求是，坚持标本兼治。

## 三、整改目标

通过整改，实现以下目标：一是学习更加深入。二是作风更加过硬。三是责任更加压实。

## 四、整改措施

### （一）加强理论学习，提升政治能力

**1.深化理论武装。**每月开展1次专题研讨。

**2.强化学用结合。**每季度组织1次交流会。

### （二）压实工作责任，推动整改落地

**1.完善制度体系。**修订议事规则。

**2.加强督查督办。**每月调度一次。

首先，明确责任分工。

其次，建立工作台账。

最后，定期通报进展。

## 五、实施步骤

第一，动员部署。第二，整改落实。第三，总结验收。

## 六、组织保障

成立整改工作领导小组。
"""

SUMMARY_OK = """\
# 市教育局2024年第三季度党建工作总结

本季度党建工作取得显著成效，现将具体工作总结如下：

## 一、主要工作和成效

**（一）坚持规范提升，夯实党建基础。**一是加强理论学习。二是加强组织建设。

**（二）坚持从严从实，强化教育管理。**深入推进党风廉政建设。

## 二、存在问题及原因分析

部分单位对党建工作研究不够深入。

## 三、下一步工作打算

紧盯重点抓落实。
"""

SPEECH_OK = """\
# 在全市教育工作会议上的讲话

同志们：

这次会议的主要任务是总结去年工作、部署今年任务。过去的一年，全市教育系统取得了显著成绩。

在肯定成绩的同时，我们也要清醒地看到存在的薄弱环节。下面，我讲三点意见。

## 一、提高政治站位

要坚持党的全面领导。

## 二、狠抓工作落实

要压实责任。

## 三、加强作风建设

要驰而不息纠治“四风”。

同志们，让我们团结奋斗，努力办好人民满意的教育！
"""

CASES = [
    Case("plan-complete", PLAN_OK, "plan", silent=[
        "GW101", "GW102", "GW103", "GW104", "GW105", "GW106", "GW107", "GW111", "GW112",
        "GW121", "GW122",
        "GW201", "GW202", "GW203", "GW205", "GW401", "GW402", "GW901", "GW902"]),
    Case("summary-complete", SUMMARY_OK, "summary", silent=["GW201", "GW205", "GW203"]),
    Case("speech-complete", SPEECH_OK, "speech", silent=["GW204", "GW301", "GW201"]),
    Case("gap-level-2", """\
# 标题

## 一、主要做法

### （一）加强领导

### （三）统筹推进 <!-- expect: GW103 -->
""", silent=["GW104"]),
    Case("repeat-level-3", """\
# 标题

一、总体要求

**1.坚持学习。**正文。

**2.坚持实践。**正文。

**2.坚持创新。**正文。 <!-- expect: GW104 -->
"""),
    Case("disorder-level-1", """\
# 标题

一、第一部分

三、第三部分 <!-- expect: GW103 -->

二、第二部分 <!-- expect: GW105 -->
"""),
    Case("restart-under-new-parent", """\
# 标题

一、第一部分

（一）甲

（二）乙

二、第二部分

（三）丙 <!-- expect: GW106 -->

（四）丁

三、第三部分

（一）戊
""", silent=["GW103"]),
    Case("numbering-on-across-the-one-new-parent-is-the-style", """\
# 标题

一、第一部分

（一）甲 <!-- expect: GW107 -->

（二）乙

二、第二部分

（三）丙

（四）丁
""", silent=["GW106", "GW103"]),
    Case("restart-ok", """\
# 标题

一、第一部分

（一）甲

（二）乙

二、第二部分

（一）丙

（二）丁
""", silent=["GW106", "GW103", "GW111"]),
    Case("continuous-numbering-is-one-info", """\
# 标题

一、第一部分

1.甲 <!-- expect: GW107 -->

2.乙

二、第二部分

3.丙

4.丁

三、第三部分

5.戊
""", silent=["GW106", "GW103"]),
    Case("continuous-numbering-still-finds-a-gap", """\
# 标题

一、第一部分

（一）甲 <!-- expect: GW107 -->

二、第二部分

（二）乙

三、第三部分

（四）丙 <!-- expect: GW103 -->
"""),
    Case("restart-and-continue-mixed-is-not-a-style", """\
# 标题

一、第一部分

（一）甲

二、第二部分

（二）乙 <!-- expect: GW106 -->

三、第三部分

（一）丙

（二）丁
""", silent=["GW107"]),
    Case("inverted-levels", """\
# 标题

一、第一部分

1.甲

（一）乙 <!-- expect: GW112 -->

（二）丙

二、第二部分

（一）丁

1.戊
""", silent=["GW111"]),
    Case("levels-in-order-and-skipped", """\
# 标题

一、第一部分

（一）甲

1.子项

（二）乙

二、第二部分

1.直接用三级

2.也可以
""", silent=["GW112", "GW107", "GW106"]),
    Case("decimal-sections-restart-lists", """\
# 标题

1.1　工作原则

（1）统一领导

（2）分级负责

1.2　适用范围

（1）原粮

（2）成品粮

第二章　职责

（1）甲

（2）乙
""", silent=["GW105", "GW104", "GW106"]),
    Case("style-slips", """\
---
doctype: summary
kind: exemplar
---

# 市教育局2024年工作总结。 <!-- expect: GW418 -->

现将工作总结如下。

## 一、主要工作和成效

经研究,决定如下。 <!-- expect: GW411 -->

深入开展“三抓三促行动。 <!-- expect: GW412 -->

学习、宣传、贯彻...等工作。 <!-- expect: GW413 -->

共完成１２项任务。 <!-- expect: GW414 -->

经研究，，决定如下。 <!-- expect: GW416 -->

全面加强\u200b党的建设。 <!-- expect: GW417 -->

## 二、存在问题及原因分析

正文。

## 三、下一步打算

正文。

市教育局

2025.1.5 <!-- expect: GW415 -->
"""),
    Case("style-correct", """\
---
doctype: summary
kind: exemplar
---

# 市教育局2024年工作总结

现将工作总结如下。

## 一、主要工作和成效

经研究，决定如下：比例达到12.5%，比分3:1。

深入开展“三抓三促”行动（2025年）。

学习、宣传、贯彻……等工作；目标——2027年。

共完成12项任务。

## 二、存在问题及原因分析

正文。

## 三、下一步打算

正文。

市教育局

2025年1月5日
""", silent=["GW411", "GW412", "GW413", "GW414", "GW415", "GW416", "GW417", "GW418"]),
    Case("child-before-parent", """\
# 标题

（一）回顾成绩 <!-- expect: GW111 -->

（二）分析形势

一、第一点意见

（一）要点一
"""),
    Case("level-3-alone-is-fine", """\
# 标题

1.第一项。

2.第二项。
""", silent=["GW111"]),
    Case("ordinal-punctuation", """\
# 标题

一.总体要求 <!-- expect: GW101 -->

（一）、坚持学习 <!-- expect: GW101 -->

1、深化理论武装。 <!-- expect: GW101 -->

（1）、学原文 <!-- expect: GW101 -->
"""),
    Case("bracket-width", """\
# 标题

一、总体要求

(一)坚持学习 <!-- expect: GW102 -->

（二)坚持实践 <!-- expect: GW102 -->
"""),
    Case("enumeration-gap", """\
# 标题

一、存在的问题

一是学习不够深入。

三是作风不够扎实。 <!-- expect: GW121 -->

二、原因

首先，思想认识不到位。

再次，统筹兼顾不够。 <!-- expect: GW121 -->

三、措施

要做到以下几点：第一，加强学习；第三，改进作风。 <!-- expect: GW121 -->
"""),
    Case("enumeration-order", """\
# 标题

一、存在的问题

一是学习不够深入。

二是作风不够扎实。

二是责任不够压实。 <!-- expect: GW122 -->

二、原因

一是思想认识不到位。

二是统筹兼顾不够。

三是跟踪问效不够。

二是方法不多。 <!-- expect: GW122 -->

另有两点：一是经费不足。二是人手不够。

一是新的一组，从头数起。
""", silent=["GW121"]),
    Case("nested-enumeration-is-fine", """\
# 标题

一、要求

一是抓学习。

二是抓落实。

三是抓底线。对此讲了三点，一共三条：一是经得起巡察；二是经得起审计；三是经得起倒查。
""", silent=["GW121", "GW122", "GW301"]),
    Case("required-missing", """\
# 市教育局2024年工作总结

现将工作总结如下。

## 一、主要工作和成效 <!-- expect-page: GW201 -->

正文。

## 二、存在的问题

正文。
""", "summary"),
    Case("recommended-missing", """\
# 主题教育进展情况汇报

现将进展情况汇报如下：

一、加强党的领导，确保高标准开展。正文。 <!-- expect-page: GW202 GW202 -->

二、做好结合文章，确保服务大局。正文。
""", "progress-report", silent=["GW201"]),
    Case("section-order", """\
# 市教育局党组书记对照检查材料

现将对照检查情况报告如下。

## 一、存在的主要问题 <!-- expect-page: GW202 -->

正文。

## 二、下一步整改措施 <!-- expect: GW203 -->

正文。

## 三、问题根源剖析

正文。
""", "self-review"),
    Case("salutation-missing", """\
# 在全市教育工作会议上的讲话

这次会议的主要任务是部署工作。过去的一年，成绩显著。要清醒地看到不足。 <!-- expect: GW204 -->

## 一、提高站位

正文。

同志们，让我们团结奋斗！
""", "speech"),
    Case("transition-missing", """\
# 市教育局2024年工作总结

一年来，我局工作取得显著成效。

## 一、主要工作 <!-- expect: GW205 -->

正文。

## 二、存在问题及原因分析

正文。

## 三、下一步打算

正文。
""", "summary"),
    Case("transition-across-lines", """\
# 市教育局2024年工作总结

一年来，我局工作取得显著成效，现将
工作总结如下：

## 一、主要工作

## 二、存在问题及原因分析

## 三、下一步打算
""", "summary", silent=["GW205"]),
    Case("declared-count", """\
# 在全市教育工作会议上的讲话

同志们：

这次会议很重要。过去的一年成绩显著，也要清醒地看到不足。下面，我讲三点意见。 <!-- expect: GW301 -->

## 一、第一点

## 二、第二点

## 三、第三点

## 四、第四点

同志们，让我们努力奋斗！
""", "speech"),
    Case("outline-block", """\
# 对照检查材料

【提纲】一、存在的主要问题。（一）政治方面。（二）作风方面。二、问题根源剖析。三、整改措施。 <!-- expect: GW302 -->

## 一、存在的主要问题

（一）政治方面

（二）纪律方面 <!-- expect: GW303 -->

## 二、问题根源剖析
""", silent=["GW103"]),  # noqa: E501 (a fixture line with its expected finding)
    Case("outline-block-complete", """\
# 对照检查材料

【提纲】一、存在的主要问题。（一）政治方面。二、问题根源剖析。

## 一、存在的主要问题

（一）政治方面

## 二、问题根源剖析
""", silent=["GW302", "GW303"]),
    Case("placeholders", """\
---
doctype: summary
kind: exemplar
---

# 市教育局2024年工作总结

全年开展学习XX次，发展党员XXX名，_总书记重要讲话。 <!-- expect: GW401 -->

现将工作总结如下。

## 一、主要工作

## 二、存在问题及原因分析

## 三、下一步打算
"""),
    Case("template-fields", """\
---
doctype: summary
kind: template
---

# 【单位名称】【年度】工作总结 <!-- expect: GW401 -->

现将工作总结如下。

## 一、主要工作和成效

## 二、存在问题及原因分析

## 三、下一步打算
"""),
    Case("web-junk", """\
---
doctype: summary
kind: exemplar
---

# 市教育局2024年工作总结

现将工作总结如下，要分享经验、收藏做法。

## 一、主要工作

## 二、存在问题及原因分析

## 三、下一步打算

点赞9 分享 <!-- expect: GW402 -->

© 版权声明 <!-- expect: GW402 -->

"); <!-- expect: GW402 -->
"""),
    Case("acknowledged", """\
---
acknowledge:
  - {rule: numbering-gap, reason: 原文截断}
  - {rule: GW999, reason: 写错了代码}
  - {rule: GW104, reason: 已修好}
---

# 标题 <!-- expect-front-matter: GW901 GW902 -->

一、第一部分

三、第三部分 <!-- expect: GW103 -->
<!-- gongwen: ack GW105 颠倒是原文如此 -->
二、第二部分 <!-- expect: GW105 -->
<!-- gongwen: ack GW121 没有这条 --> <!-- expect: GW901 -->
"""),
    Case("front-matter", """\
---
doctype: 总结
kind: exemplar
acknowledge:
  - {rule: GW103}
---

# 标题 <!-- expect-front-matter: GW902 GW902 -->
"""),
]


def _found(result) -> Counter:
    return Counter((f.line, f.rule) for f in result.findings)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_fixture_findings(case: Case) -> None:
    result = check_text(case.text, f"{case.id}.md", case.doctype)
    expected = case.expected()
    assert _found(result) == expected, "\n".join(f.format(case.id) for f in result.findings)


def test_every_rule_fires_and_stays_silent_somewhere() -> None:
    fires = {code for case in CASES for _, code in case.expected()}
    silent = {code for case in CASES for code in case.silent}
    for rule in RULES:
        assert rule.code in fires, f"{rule.code} {rule.name}: no fixture where it fires"
        assert rule.code in silent, f"{rule.code} {rule.name}: no fixture where it is silent"
    for case in CASES:
        for code in case.silent:
            assert code not in {c for _, c in case.expected()}, (case.id, code)


@pytest.mark.parametrize("level,forms", [
    (1, ["一、", "二、", "四、", "四、", "三、"]),
    (2, ["（一）", "（二）", "（四）", "（四）", "（三）"]),
    (3, ["1.", "2.", "4.", "4.", "3."]),
    (4, ["（1）", "（2）", "（4）", "（4）", "（3）"]),
])
def test_gap_repeat_disorder_at_each_level(level: int, forms: list[str]) -> None:
    parents = {1: "", 2: "一、总体\n\n", 3: "一、总体\n\n", 4: "一、总体\n\n1.要求。\n\n"}[level]
    text = "# 标题\n\n" + parents + "\n\n".join(f"{f}第{i}项标题" for i, f in enumerate(forms))
    result = check_text(text, "levels.md")
    codes = [f.rule for f in result.findings]
    assert codes == ["GW103", "GW104", "GW105"], [f.message for f in result.findings]
    gap = result.findings[0]
    assert gap.message == f"序号跳号：应为“{forms[2].replace('4', '3').replace('四', '三')}”，" \
                          f"实为“{forms[2]}”"


def test_message_shape_and_expected_vs_found() -> None:
    result = check_text("# 标题\n\n## 一、甲\n\n### （一）乙\n\n### （三）丙\n", "docs/x.md")
    assert [f.format("docs/x.md") for f in result.findings] == [
        "docs/x.md:7: [错误] 序号跳号：应为“（二）”，实为“（三）” (GW103 序号跳号)"]


def test_acknowledged_findings_keep_severity_and_do_not_block() -> None:
    text = ("---\nacknowledge:\n  - {rule: GW103, reason: 原文截断}\n---\n\n# 标题\n\n一、甲\n\n"
            "三、丙\n")
    result = check_text(text, "a.md")
    [finding] = result.findings
    assert finding.severity == "error" and finding.acknowledged == "原文截断"
    assert result.blocking == [] and result.status == "warn"
    assert finding.format("a.md").endswith("[已确认：原文截断]")


def test_acknowledgement_by_line_only_covers_that_line() -> None:
    text = ("---\nacknowledge:\n  - {rule: GW103, reason: 截断, line: 10}\n---\n\n# 标题\n\n"
            "一、甲\n\n三、丙\n\n（二）乙\n\n（四）丁\n")
    result = check_text(text, "a.md")
    gaps = [f for f in result.findings if f.rule == "GW103"]
    assert [(f.line, bool(f.acknowledged)) for f in gaps] == [(10, True), (12, False), (14, False)]


def test_template_fields_are_info_never_more() -> None:
    text = "---\ndoctype: plan\nkind: template\n---\n\n# 【单位名称】整改方案\n\n【开头】\n"
    result = check_text(text, "t.md")
    fields = [f for f in result.findings if "【" in f.message]
    assert fields and {f.severity for f in fields} == {"info"}


def test_rules_have_documentation_and_valid_metadata() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        assert re.fullmatch(r"GW\d{3}", rule.code)
        assert rule.severity in ("error", "warning", "info")
        assert rule.category in ("numbering", "hierarchy", "missing-section", "order",
                                 "declared-count", "style", "hygiene")
        assert rule.authority in ("GB/T 9704-2012第7.3.3条", "GB/T 9704-2012第7.3.5.4条",
                                  "GB/T 15834-2011", "实务")
        for part in ("为什么", "正例", "反例"):
            assert part in rule.doc, (rule.code, part)
        assert find_rule(rule.code) is rule and find_rule(rule.name) is rule


def test_every_rule_has_a_chinese_name_and_known_severity_and_category() -> None:
    """Readers see the rule's Chinese name and the one word per severity and category."""
    import re as _re

    from gongwen.check.model import CATEGORIES, CATEGORY_LABELS, SEVERITIES, SEVERITY_LABELS

    assert [SEVERITY_LABELS[s] for s in SEVERITIES] == ["错误", "警告", "提示"]
    for rule in RULES:
        assert rule.severity in SEVERITIES and rule.category in CATEGORIES, rule.code
        assert _re.fullmatch(r"[\u4e00-\u9fff]{2,10}", rule.title), rule.code
        assert _re.fullmatch(r"[\u4e00-\u9fff]+", CATEGORY_LABELS[rule.category]), rule.code
