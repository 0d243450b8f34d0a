"""Numbering of the four outline levels (一、 （一） 1. （1）): form, gaps, repeats,
order, restart under a new parent, and a child level before any parent."""
from __future__ import annotations

from collections.abc import Iterator

from gongwen.common import quote
from gongwen.text.numbering import canonical

from ..model import LEVEL_NAMES, Finding, Heading
from .base import GBT_NUMBERING, PRACTICE, Rule, family_member


def _normalised(h: Heading) -> str:
    return h.raw.replace("(", "（").replace(")", "）")


def _check_punctuation(document, schema) -> Iterator[Finding]:
    for h in document.headings:
        expected = canonical(h.level, h.number)
        written = _normalised(h)
        # 1． (full-width dot) is common in Word documents and reads the same: accepted.
        if written == expected or h.level == 3 and written == f"{h.number}．":
            continue
        yield ORDINAL_PUNCTUATION.finding(
            h.line, f"序数标点不当：应为{quote(expected)}，实为{quote(h.raw)}")


def _check_width(document, schema) -> Iterator[Finding]:
    for h in document.headings:
        if h.width in ("half", "mixed"):
            expected = canonical(h.level, h.number)
            what = "半角括号" if h.width == "half" else "全角半角混用的括号"
            yield BRACKET_WIDTH.finding(
                h.line, f"序数括号应为全角：应为{quote(expected)}，实为{quote(h.raw)}（{what}）")


def _analyse(document) -> list[tuple[Rule, Finding]]:
    """Walk the headings once, counting each level under its current parent."""
    out: list[tuple[Rule, Finding]] = []
    last: dict[int, Heading] = {}    # last heading of each level under the current parent
    stale: dict[int, Heading] = {}   # last heading of a level under the previous parent
    seen: set[int] = set()
    headings = document.headings
    orphan_run: set[int] = set()
    for index, h in enumerate(headings):
        if h.level > 1 and not any(level < h.level for level in seen):
            # 1. lists alone are normal; a child is out of place when its parent level is
            # (一) or when the document uses a parent level further on.
            later_parent = any(x.level < h.level for x in headings[index + 1:])
            if (h.level == 2 or later_parent) and h.level not in orphan_run:
                orphan_run.add(h.level)
                parent = canonical(h.level - 1, 1) if h.level > 1 else ""
                run_len = 0
                for x in headings[index:]:
                    if x.level < h.level:
                        break
                    run_len += x.level == h.level
                out.append((CHILD_BEFORE_PARENT, CHILD_BEFORE_PARENT.finding(
                    h.line,
                    f"层次不当：{quote(h.raw)}等{run_len}个{LEVEL_NAMES[h.level]}"
                    f"出现在任何上级标题（如{quote(parent)}）之前")))
        prev = last.get(h.level)
        expected = prev.number + 1 if prev else 1
        if h.number != expected:
            want = canonical(h.level, expected)
            old = stale.get(h.level)
            if prev is None and old is not None and h.number == old.number + 1:
                out.append((NUMBERING_RESTART, NUMBERING_RESTART.finding(
                    h.line, f"序号未在新的上级下重新起算：应为{quote(want)}，实为{quote(h.raw)}"
                            f"（接续了第{old.line}行的{quote(old.raw)}）")))
            elif h.number > expected:
                out.append((NUMBERING_GAP, NUMBERING_GAP.finding(
                    h.line, f"序号跳号：应为{quote(want)}，实为{quote(h.raw)}")))
            elif prev is not None and h.number == prev.number:
                out.append((NUMBERING_REPEAT, NUMBERING_REPEAT.finding(
                    h.line, f"序号重复：应为{quote(want)}，实为{quote(h.raw)}"
                            f"（第{prev.line}行已有{quote(prev.raw)}）")))
            else:
                out.append((NUMBERING_DISORDER, NUMBERING_DISORDER.finding(
                    h.line, f"序号顺序颠倒：应为{quote(want)}，实为{quote(h.raw)}")))
        last[h.level] = h
        seen.add(h.level)
        for level in (1, 2, 3, 4):
            if level > h.level and level in last:
                stale[level] = last.pop(level)
    return out


def _family(code: str):
    return family_member("numbering", _analyse, code)


ORDINAL_PUNCTUATION = Rule(
    code="GW101", title="序数标点", name="ordinal-punctuation", severity="warning",
    category="numbering", authority=GBT_NUMBERING, guide="ordinal-punctuation",
    doc="""序数的标点：一级“一、”，二级“（一）”，三级“1.”，四级“（1）”。
为什么：GB/T 9704-2012第7.3.3条规定了四级序数的写法；“（一）、”多一个顿号，“1、”应为下脚点“1.”，
“一.”应为顿号。标准用的是“可以”，所以只提醒，不使构建失败。
正例：（一）坚持规范提升，夯实党建基础。
反例：（一）、坚持规范提升 / 1、深化理论武装 / 一.指导思想""",
    check=_check_punctuation)

BRACKET_WIDTH = Rule(
    code="GW102", title="括号宽度", name="bracket-width", severity="warning",
    category="numbering", authority=GBT_NUMBERING, guide="ordinal-punctuation",
    doc="""序数的括号宽度：二级、四级序数用全角括号（一）（1）。
为什么：从网页复制的文本常把括号压成半角 (一)，或一半全角一半半角（一)，排版时对不齐。
正例：（二）强化督查督办
反例：(二)强化督查督办 / （二)强化督查督办""",
    check=_check_width)

NUMBERING_GAP = Rule(
    code="GW103", title="序号跳号", name="numbering-gap", severity="error",
    category="numbering", authority=PRACTICE, guide="numbering",
    doc="""序号跳号：同一层次的序号从一起依次排列，不得跳过。
为什么：跳号说明丢了一部分内容（截断、删改时漏掉），读者会以为缺页。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：（一）…（二）…（三）…
反例：（一）…（三）…（缺“（二）”）""",
    check=_family("GW103"))

NUMBERING_REPEAT = Rule(
    code="GW104", title="序号重复", name="numbering-repeat", severity="error",
    category="numbering", authority=PRACTICE, guide="numbering",
    doc="""序号重复：同一上级下，同一层次的序号不得出现两次。
为什么：重复的序号多是复制粘贴段落后忘了改号，引用“第二部分”时会指错。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：1.…2.…3.…
反例：1.…2.…2.…""",
    check=_family("GW104"))

NUMBERING_DISORDER = Rule(
    code="GW105", title="序号颠倒", name="numbering-disorder", severity="error",
    category="numbering", authority=PRACTICE, guide="numbering",
    doc="""序号顺序颠倒：同一层次的序号只能递增。
为什么：顺序颠倒多是调整段落次序后没有重新编号。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：一、…二、…三、…
反例：一、…三、…二、…""",
    check=_family("GW105"))

NUMBERING_RESTART = Rule(
    code="GW106", title="序号未重新起算", name="numbering-restart", severity="error",
    category="hierarchy", authority=PRACTICE, guide="hierarchy",
    doc="""换了上级后下级序号要重新从一起算。
为什么：每个层次在各自的上级之下独立计数；接着上一部分往下编，说明层次关系乱了。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：一、…（一）（二） 二、…（一）（二）
反例：一、…（一）（二） 二、…（三）（四）""",
    check=_family("GW106"))

CHILD_BEFORE_PARENT = Rule(
    code="GW111", title="下级先于上级", name="child-before-parent", severity="warning",
    category="hierarchy", authority=PRACTICE, guide="hierarchy",
    doc="""下级序数出现在任何上级之前：如没有“一、”就先出现“（一）”。
为什么：层次序数依次为一、（一）1.（1）；层次可以少用（一、之后直接 1.），但下级不能先于上级。
讲话稿的回顾部分常见这种写法，不算严重错误，所以只提醒。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：一、…（一）…（二）…
反例：（一）…（二）…（三）… 一、…""",
    check=_family("GW111"))

RULES = [ORDINAL_PUNCTUATION, BRACKET_WIDTH, NUMBERING_GAP, NUMBERING_REPEAT, NUMBERING_DISORDER,
         NUMBERING_RESTART, CHILD_BEFORE_PARENT]
