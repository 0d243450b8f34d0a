"""In-paragraph enumerations: 一是…二是…, 首先…其次…最后…, 第一…第二…"""
from __future__ import annotations

from gongwen.text.numbering import int_to_cn

from ..model import Finding
from .base import PRACTICE, Rule, family_member, quote

SEQUENCE_LABELS = {1: "首先", 2: "其次", 3: "再次"}


def label_for(kind: str, number: int) -> str:
    if kind == "是":
        return f"{int_to_cn(number)}是"
    if kind == "第":
        return f"第{int_to_cn(number)}"
    return SEQUENCE_LABELS.get(number, "最后")


def _analyse(document) -> list[tuple[Rule, Finding]]:
    out: list[tuple[Rule, Finding]] = []
    last: dict[int, object] = {}
    for item in document.enumerations:
        prev = last.get(item.sequence)
        if item.kind == "序" and item.number == 0:
            # 最后 closes any sequence; alone it is ordinary prose (最后，…).
            last[item.sequence] = item
            continue
        if prev is not None and prev.number == 0:
            last[item.sequence] = item  # items after 最后: the list was closed, not counted
            continue
        expected = (prev.number if prev else 0) + 1
        if item.number == expected:
            last[item.sequence] = item
            continue
        want = label_for(item.kind, expected)
        if item.number > expected:
            out.append((ENUMERATION_GAP, ENUMERATION_GAP.finding(
                item.line, f"列举跳号：应为{quote(want)}，实为{quote(item.label)}")))
        elif prev is not None and item.number == prev.number:
            out.append((ENUMERATION_ORDER, ENUMERATION_ORDER.finding(
                item.line, f"列举重复：{quote(item.label)}出现两次（第{prev.line}行已有）")))
        else:
            out.append((ENUMERATION_ORDER, ENUMERATION_ORDER.finding(
                item.line, f"列举顺序颠倒：应为{quote(want)}，实为{quote(item.label)}")))
        last[item.sequence] = item
    return out


def _family(code: str):
    return family_member("enumeration", _analyse, code)


ENUMERATION_GAP = Rule(
    "GW121", "enumeration-gap", "error", "numbering", PRACTICE, "enumeration",
    """段内列举跳号：一是之后应为二是，首先之后应为其次，第一之后应为第二。
为什么：列举跳号说明漏了一项（常见于截断或删改），与标题序号跳号同理。
正例：一是…。二是…。三是…。
反例：一是…。三是…。（缺“二是”）""",
    _family("GW121"))

ENUMERATION_ORDER = Rule(
    "GW122", "enumeration-order", "error", "numbering", PRACTICE, "enumeration",
    """段内列举重复或颠倒：同一组列举的序数只能依次递增。
为什么：重复或颠倒多是调整内容后没有改序数，读者数不清有几项。
正例：首先…其次…最后…
反例：一是…二是…二是… / 其次…首先…""",
    _family("GW122"))

RULES = [ENUMERATION_GAP, ENUMERATION_ORDER]
