"""Sentences a type expects: the 称呼 of a speech, the transition of a report.

The family owns its lookup of the salutation (`salutation(document)`, once per document);
the transition is looked up with the type's own patterns (schemas/*.yaml).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from gongwen.common import quote

from ..document import Document, Line, Paragraph, opening_text
from ..model import Finding, heading_fields
from ..schema import Schema
from .base import PRACTICE, Rule, cached

SALUTATION_WORDS = r"(?:同志们|同事们|领导|来宾|朋友们|代表们?|委员们|老师们|同学们|家长们)"
# One addressee of a list (团员们，青年朋友们，同志们： / 尊敬的张教授、李教授，亲爱的同学们：):
# a stretch without sentence marks that names listeners (…们 but not 我们, 各位…, 尊敬的…).
ADDRESSEE = (r"(?=[^。！？!?，,：:；;]*?(?:" + SALUTATION_WORDS[3:-1]
             + r"|(?<![我你他她它咱人])们|各位|尊敬的|亲爱的|敬爱的))[^。！？!?，,：:；;]{1,24}")
ADDRESSEES = rf"(?:{ADDRESSEE}[，,])*{ADDRESSEE}"
RE_SALUTATION = re.compile(
    rf"^(?:[^。！？!?，,]{{0,30}}?{SALUTATION_WORDS}[^。！？!?]{{0,20}}|{ADDRESSEES})[：:]$"
)
# The same 称呼 with the first sentence run on after it (同志们：今天，我们召开……), or a
# greeting (各位家长，大家好！ / 各位家长大家好！ / 亲爱的同学们：早上好！).
RE_SALUTATION_LEAD = re.compile(
    rf"^(?:[^。！？!?，,：:]{{0,30}}?{SALUTATION_WORDS}[^。！？!?：:]{{0,20}}[：:]"
    rf"|{ADDRESSEES}[：:]|{ADDRESSEES}[，,：:]?(?=(?:大家|各位|你们)?(?:上午|下午|晚上|早上)?好))"
)
LEVEL = heading_fields("level")
# The opening block: a dateline (（2026年3月5日）), the speaker's name, a 主持词 in
# brackets may stand before the 称呼; it is looked for among this many paragraphs.
OPENING_PARAGRAPHS = 6
# A byline or a dateline: short, without a clause mark.
BYLINE_MAX = 20
RE_CLAUSE = re.compile(r"[，,。；;！!？?]")


def salutation(document: Document) -> tuple[Line | None, list[Paragraph]]:
    """The 称呼 line, and the other paragraphs before the first heading (cached)."""
    return cached(document, "salutation", _find_salutation, document)


def _find_salutation(doc: Document) -> tuple[Line | None, list[Paragraph]]:
    found: Line | None = None
    opening: list[Paragraph] = []
    for para in doc.paragraphs:
        if para.role == "title" or para.role == "outline":
            continue
        if para.role == "markdown" or para.heading is not None:
            break
        # A short line ending in ： among the first lines of the opening block, or the
        # start of its first paragraph.
        if found is None and len(opening) < OPENING_PARAGRAPHS:
            m = RE_SALUTATION.match(para.text) or RE_SALUTATION_LEAD.match(para.text)
            if m:
                found = Line(para.line, m.group())
                if m.end() < len(para.text):
                    opening.append(para)
                continue
        opening.append(para)
    return found, opening


def _check_salutation(document, schema: Schema) -> Iterator[Finding]:
    if schema.salutation is None:
        return
    sal, opening = salutation(document)
    if sal is not None and schema.salutation.search(sal.text):
        return
    # The speech's first sentence, past a byline or a dateline (习近平 ⏎ （2020年10月29日）):
    # quoting those would not show that the 称呼 is missing.
    first = next((p for p in opening if len(p.text) > BYLINE_MAX or RE_CLAUSE.search(p.text)),
                 opening[0] if opening else None)
    where = f"，实际第{first.line}行是{quote(first.text[:20])}" if first else ""
    yield SALUTATION.finding(
        first.line if first else document.title_line,
        f"缺少称呼：{schema.kind_of(document.title)}应在标题后单独一行写称呼，如"
        f"{quote(schema.salutation.example or '同志们：')}{where}")


def _check_transition(document, schema: Schema) -> Iterator[Finding]:
    if schema.transition is None:
        return
    text, _ = cached(document, "opening-text", opening_text, document)
    if schema.transition.search(text):
        return
    headings = document.headings  # (the first 一、, found in C: a long outline may have none)
    first = next(compress(headings, map((1).__eq__, map(LEVEL, headings))), None)
    yield TRANSITION.finding(
        first.line if first else None,
        f"缺少过渡句：{schema.kind_of(document.title)}的开头应以"
        f"{quote(schema.transition.example)}之类的句子"
        f"引出正文，在第一个一级标题之前没有找到")


SALUTATION = Rule(
    code="GW204", title="缺少称呼", name="salutation-missing", severity="warning",
    category="missing-section", authority=PRACTICE, guide="salutation",
    doc="""讲话稿的称呼：标题之后单独一行写称呼，如“同志们：”“各位领导、同志们：”。
为什么：讲话是说给人听的，开口先称呼听众；schema 中有 salutation 的文种才检查。称呼是惯例，只提醒。
正例：同志们：⏎ 这次会议的主要任务是……
反例：（标题之后直接）这次会议的主要任务是……""",
    check=_check_salutation, needs_schema=True)

TRANSITION = Rule(
    code="GW205", title="缺少过渡句", name="transition-missing", severity="warning",
    category="missing-section", authority=PRACTICE, guide="transition",
    doc="""过渡句：总结、汇报、对照检查材料的开头以“现将…如下”引出正文，方案以“特制定本方案”收束开头。
为什么：过渡句告诉读者开头到此为止、正文从下面开始；schema 中有 transition 的文种才检查，只提醒。
正例：……现将具体工作总结如下：⏎ 一、主要工作和成效
反例：……取得了显著成效。⏎ 一、主要工作和成效""",
    check=_check_transition, needs_schema=True)

RULES = [SALUTATION, TRANSITION]
