"""Several 范文 on one page, as 范文 sites publish them (……工作总结范文（通用3篇）): each
article is set off by a line of its own — 篇1, 【篇一】, 篇二：……, 第3篇 ……, 范文2：……,
……工作总结范文篇3 — and numbers its outline from 一、 again. parts.mark_parts makes such
a line a new part, so that the restart is no disorder.

Also what a document's own title within a page looks like (进一步支持文化企业发展的规定, 绍兴
市第一中学美术特长生招生术科测试办法): it ends with its kind."""
from __future__ import annotations

import re

from gongwen.text.numbering import parse_ordinal

from .paragraphs import CLAUSE_ENDS
from .wrapcuts import ORDINAL_WINDOW

ARTICLE_NUMBER = r"[一二三四五六七八九十\d]{1,3}"
# 篇1 / 【篇一】 / 篇二：title / 第3篇 title / 【第三篇】
RE_PIECE_FIRST = re.compile(
    rf"^【?(?:篇{ARTICLE_NUMBER}|第{ARTICLE_NUMBER}篇)】?(?:[：:\s　].{{0,40}})?$")
# 范文2：title / 【范文一】 / 例文3 title
RE_SAMPLE_FIRST = re.compile(
    rf"^【?(?:范文|例文|样文|精选范文){ARTICLE_NUMBER}】?(?:[：:\s　].{{0,40}})?$")
# ……工作总结范文篇3 / ……心得体会篇2 / ……精选范文1: a title with its number at the end.
RE_NUMBER_LAST = re.compile(rf"^.{{2,40}}?(?:范文|例文|篇){ARTICLE_NUMBER}】?$")
# 2023年个人工作总结（二）: a 范文's title with its number in brackets.
RE_TITLE_NUMBERED = re.compile(
    rf"^.{{2,40}}?(?:总结|报告|讲话|讲话稿|发言|发言稿|方案|材料|汇报|提纲|体会|范文)"
    rf"[（(]{ARTICLE_NUMBER}[）)]$")
# What such a line holds (found with str.find in a page's text).
NEEDLES = ("篇", "范文", "例文", "样文", "）\n", ")\n")
# One of them is in every such line, but a title numbered in brackets (which ends in one).
WORDS = ("篇", "范文", "例文", "样文")
ARTICLE_MAX = 48

# The title of a document carried within the page ends with its kind (a note may follow:
# 行动计划（2021—2023年）); a file may hold several reports one after another (述职报告).
PART_KINDS = ("规定", "办法", "方案", "细则", "规则", "意见", "要点", "计划", "制度", "章程",
              "纲要", "规划", "清单", "指引", "指南", "标准", "措施", "决定", "条例", "准则",
              "预案", "报告", "总结", "讲话", "汇报", "发言", "通报", "通知", "程序", "议程",
              "职责", "须知", "守则", "公约", "流程", "纪律", "材料", "讲话稿", "发言稿",
              "发言提纲")
RE_PART_TITLE = re.compile(f"(?:{'|'.join(PART_KINDS)})(?:[（(][^（）()]{{1,20}}[）)])?$")
# Their last characters: most lines end in none of them and are turned away at once.
PART_TITLE_LAST = frozenset(kind[-1] for kind in PART_KINDS) | frozenset("）)")
PART_TITLE_MAX = 40
# What a title line holds none of (它可以有书名号、引号、顿号): clause ends, a colon.
CLAUSE_MARKS = CLAUSE_ENDS | frozenset("：:")
# The shortest such title that a wrapped line's end is not taken for (本方案 ⏎ 一、…).
DOCUMENT_TITLE_MIN = 8


def titles_a_document(text: str, following: str) -> bool:
    """绍兴市第一中学美术特长生招生术科测试办法 ⏎ 一、测试项目: a title line of its own, over
    the 一、 that starts its document, not the rest of the line above (……0575-85338006)."""
    text = text.strip()
    if not DOCUMENT_TITLE_MIN <= len(text) <= PART_TITLE_MAX or not RE_PART_TITLE.search(text) \
            or any(ch in CLAUSE_MARKS for ch in text) or "制定" in text or "制订" in text:
        return False
    head = parse_ordinal(following[:ORDINAL_WINDOW])
    return head is not None and head.level == 1 and head.number == 1


def is_article_mark(text: str) -> bool:
    """Is `text` (a paragraph) the line that sets off one 范文 of several?"""
    if len(text) > ARTICLE_MAX or not (text[-1:] in "）)" or any(map(text.__contains__, WORDS))):
        return False  # (most paragraphs)
    text = text.strip()
    if any(ch in CLAUSE_ENDS for ch in text):
        return False
    return bool(RE_PIECE_FIRST.match(text) or RE_SAMPLE_FIRST.match(text)
                or RE_NUMBER_LAST.match(text) or RE_TITLE_NUMBERED.match(text))


def article_positions(text: str) -> list[int]:
    """Where in a page's text such a line may be (every 篇, 范文…: a superset)."""
    found = []
    for needle in NEEDLES:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    return found
