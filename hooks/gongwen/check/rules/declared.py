"""What a document announces about itself: 讲三点意见, and its 【提纲】 block."""
from __future__ import annotations

import re
from collections.abc import Iterator

from gongwen.text.numbering import canonical

from ..model import Finding, Heading
from .base import PRACTICE, Rule, family_member, quote

RE_NOT_WORD = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    return RE_NOT_WORD.sub("", text)


def _same_title(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def _check_count(document, schema) -> Iterator[Finding]:
    for d in document.declarations:
        if d.found is None or d.found == d.count:
            continue
        yield DECLARED_COUNT.finding(
            d.line, f"宣布的条数与实际不符：宣布{quote(d.text)}（{d.count}项），"
                    f"其后实有{d.found}个{d.found_what}（第{d.found_line}行起）")


def _analyse_outline(document) -> list[tuple[Rule, Finding]]:
    out: list[tuple[Rule, Finding]] = []
    if not document.outline_entries:
        return out
    level1: list[Heading] = [h for h in document.headings if h.level == 1]
    children: dict[int | None, list[Heading]] = {}
    parent_line: int | None = None
    for h in document.headings:
        if h.level == 1:
            parent_line = h.line
        elif h.level == 2:
            children.setdefault(parent_line, []).append(h)
    matched_parent: dict[int, Heading | None] = {}

    def find(entry, pool: list[Heading]) -> tuple[Heading | None, bool]:
        """(heading, title agrees) for an entry among the headings of its place."""
        for h in pool:
            if _same_title(entry.title, h.title):
                return h, True
        for h in pool:
            if h.number == entry.number:
                return h, False
        return None, False

    for entry in document.outline_entries:
        written = canonical(entry.level, entry.number)
        if entry.level == 1:
            heading, agrees = find(entry, level1)
            matched_parent[entry.number] = heading
        else:
            if entry.parent not in matched_parent or matched_parent[entry.parent] is None:
                continue  # its part is missing as a whole: reported once, for the part
            parent = matched_parent[entry.parent]
            heading, agrees = find(entry, children.get(parent.line, []))
        if heading is None:
            where = "正文中没有" if entry.level == 1 else \
                f"正文“{canonical(1, entry.parent)}”之下没有"
            out.append((OUTLINE_MISSING, OUTLINE_MISSING.finding(
                entry.line, f"提纲所列部分缺失：提纲有{quote(written + entry.title)}，{where}")))
        elif not agrees:
            out.append((OUTLINE_MISMATCH, OUTLINE_MISMATCH.finding(
                heading.line, f"正文标题与提纲不一致：提纲为{quote(written + entry.title)}，"
                              f"正文为{quote(heading.raw + heading.title)}")))
    return out


def _family(code: str):
    return family_member("outline", _analyse_outline, code)


DECLARED_COUNT = Rule(
    "GW301", "declared-count", "error", "declared-count", PRACTICE, "declared-count",
    """宣布的条数：文中宣布“讲三点意见”“从以下四个方面”“一共三条”，其后的部分数要相符。
为什么：讲话稿靠说出来的结构让听众跟上，宣布三点却讲了四点，听众就乱了。
数的是宣布之后紧接的那一组：同段内的“一是…”，或其后第一个标题所在层次的标题。
正例：我讲三点意见。⏎ 一、… 二、… 三、…
反例：我讲三点意见。⏎ 一、… 二、… 三、… 四、…""",
    _check_count)

OUTLINE_MISSING = Rule(
    "GW302", "outline-entry-missing", "error", "declared-count", PRACTICE, "outline-block",
    """【提纲】所列的部分，正文中都要有：提纲的每个“一、”在正文中有对应的一级标题，
对应上的一级标题之下有提纲所列的每个“（一）”。
为什么：提纲是对读者的承诺；正文缺了提纲列出的部分，多是材料被截断或漏抄。
正例：【提纲】一、存在的主要问题。二、问题根源剖析。⏎ 一、存在的主要问题 … 二、问题根源剖析 …
反例：【提纲】一、存在的主要问题。二、问题根源剖析。⏎ 一、存在的主要问题 …（没有二、）""",
    _family("GW302"))

OUTLINE_MISMATCH = Rule(
    "GW303", "outline-entry-mismatch", "warning", "declared-count", PRACTICE, "outline-block",
    """【提纲】条目与正文标题的措辞不一致（序号对得上，标题对不上）。
为什么：改了正文标题忘了改提纲（或反过来）；读者对照提纲找不到原文。只提醒。
正例：提纲“二、问题根源剖析”，正文“二、问题根源剖析”
反例：提纲“二、问题根源剖析”，正文“二、主要原因”""",
    _family("GW303"))

RULES = [DECLARED_COUNT, OUTLINE_MISSING, OUTLINE_MISMATCH]
