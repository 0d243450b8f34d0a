"""Several 范文 on one page, as 范文 sites publish them (……工作总结范文（通用3篇）): each
article is set off by a line of its own — 篇1, 【篇一】, 篇二：……, 第3篇 ……, 范文2：……,
……工作总结范文篇3 — and numbers its outline from 一、 again. parts.mark_parts makes such
a line a new part, so that the restart is no disorder."""
from __future__ import annotations

import re

from .paragraphs import CLAUSE_ENDS

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
