"""Hygiene of the text: placeholders left in it, and web-page junk."""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress
from operator import attrgetter

from gongwen.common import quote
from gongwen.text.syntax import RE_FILL_FIELD
from gongwen.text.webjunk import (
    COUNTER_REASON,
    FANWEN_REASON,
    MAX_FANWEN_LINE,
    MAX_JUNK_LINE,
    junk_reason,
)

from ..articles import is_article_mark
from ..model import Finding
from .base import PRACTICE, Rule
from .scan import (
    SPACES_BUT_NEWLINE,
    indices_with_any,
    line_indices_holding,
    line_indices_with,
    line_texts,
    lines_holding,
)

# Every alternative of these patterns starts with a literal character: re then skips
# to the candidate characters instead of trying each alternative at every position
# (4 to 10 times faster on Chinese text, and these run on every line of every page).

# X/XX/XXX/XXXX市 (Latin or full-width X, not inside an English word), ×××, ○○, _ runs.
# Not a term's X: “1+X”证书, “1+1+X”体系 (after a plus), X光, X射线.
X_PLACEHOLDER = r"X(?<![A-Za-z+＋]X)[XＸ]*(?![A-Za-z光射])"
RE_PLACEHOLDER = re.compile(
    X_PLACEHOLDER + r"|Ｘ(?<![A-Za-z+＋]Ｘ)[XＸ]*(?![A-Za-z光射])|××+|○○+|□□+|__*")
# Its first alternative alone: on a line with X and none of the other alternatives' first
# characters (most lines with a placeholder), the same matches, found from a literal
# (re skips to it many times faster than to a class).
RE_X_PLACEHOLDER = re.compile(X_PLACEHOLDER)
NOT_X = ("Ｘ", "_", "×", "○", "□")
# What a line with a placeholder or a fill-in field holds (looked for by
# scan.lines_holding; RE_PLACEHOLDER_HINT is the same as a class).
PLACEHOLDER_HINTS = tuple("【XＸ_×○□")
RE_PLACEHOLDER_HINT = re.compile(f"[{''.join(PLACEHOLDER_HINTS)}]")

# The lines junk_reason() (gongwen.text.webjunk) may name are found by whole-text scans
# rather than by asking it of every line. Each hint holds a piece that every pattern of
# webjunk needs, so it must follow that module: CODE_AND_SITE the code patterns (; { } and
# the JavaScript words) and the site's own voice (小编, 本站), which junk_reason names in a
# line of any length, looked for in every line; RE_JUNK_HINT those and FANWEN_JUNK, on a
# line of at most MAX_FANWEN_LINE characters (a longer one is a paragraph of the body);
# on a line of at most MAX_JUNK_LINE characters RE_SHORT_JUNK_HINT the words of
# SHORT_LINE_JUNK (THE END and Copyright, matched ignoring case, by their T or C: only
# T t C c match those), and RE_COUNTER_HINT its counters (12 34). Every alternative is
# a literal, so that re skips straight to the candidates.
CODE_AND_SITE = (";", "{", "}", "function", "document.", "window.", "console.log",
                 "javascript:", "var", "小编", "本站")
RE_JUNK_HINT = re.compile(
    r";|\{|\}|function|document\.|window\.|console\.log|javascript:|var"
    r"|小编|范文|本站|本网|网友|模板|例文|更多|本文|文章来源|下载|欢迎阅读参考|全文共|当前显示")
RE_SHORT_JUNK_HINT = re.compile(
    r"©|版权|免责|T|t|C|c|喜欢就支持一下|觉得有用|点个赞|打赏|赞|收藏|分享|评论|上一篇|下一篇"
    r"|相关推荐|猜你喜欢|推荐阅读|扫一扫|扫码|长按识别|关注公众号|点击上方|阅读|本文来源|原文链接"
    r"|转载请注明|网友|转发|浏览|时间|来源|作者|编辑|举报")
# (\d\s, matched from its space: a class of literals first, then a look back.)
RE_COUNTER_HINT = re.compile(rf"[\n{SPACES_BUT_NEWLINE}](?<=\d\s)")
# The hints asked of the lines of at most so many characters (once stripped).
HINTS_BY_LENGTH = ((MAX_FANWEN_LINE, (RE_JUNK_HINT,)),
                   (MAX_JUNK_LINE, (RE_SHORT_JUNK_HINT, RE_COUNTER_HINT)))
TEXT = attrgetter("text")
PROSE_MARKS = ("，", "。", "；")

def _check_placeholders(document, schema) -> Iterator[Finding]:
    template = document.meta.get("kind") == "template"
    for line in lines_holding(document, PLACEHOLDER_HINTS):
        text = line.text
        # (【篇2】 sets off the next 范文 of a page: no field to fill in.)
        fields = [f for f in RE_FILL_FIELD.findall(text) if not is_article_mark(f)] \
            if "【" in text else []
        others = any(map(text.__contains__, NOT_X))
        marks = (RE_PLACEHOLDER if others else RE_X_PLACEHOLDER).findall(text) \
            if others or "X" in text else []
        if fields:
            shown = "".join([quote(f) for f in dict.fromkeys(fields)])
            what = "模板填写项" if template else "填写项"
            yield PLACEHOLDER.finding(line.number, f"{what}{shown}：行文时替换为实际内容")
        if marks:
            shown = "".join([quote(m) for m in dict.fromkeys(marks)])
            yield PLACEHOLDER.finding(
                line.number, f"占位符{shown}：此处的数字、名称等还没有写出（范文中是来源删去的），"
                             f"定稿前须填写实际内容")


def _junk_candidates(document) -> list[int]:
    """Indices of the lines junk_reason() may name (see CODE_AND_SITE), in order."""
    # (str.find of each piece, most of them not in the text at all: many times faster
    # than a regex over the whole text, which most hints need only in the short lines.)
    found = set(line_indices_holding(document, CODE_AND_SITE))
    texts = line_texts(document)  # (lines_text's own list: no second)
    if not texts or max(map(len, texts)) <= MAX_JUNK_LINE:
        # Every line is short: the document's joined text serves.
        for _, hints in HINTS_BY_LENGTH:
            for hint in hints:
                found.update(line_indices_with(document, hint))
        return sorted(found)
    # Lengths once stripped, measured in C loops (a long page has many lines).
    lengths = list(map(len, map(str.strip, texts)))
    for limit, hints in HINTS_BY_LENGTH:
        flags = list(map(limit.__ge__, lengths))
        if all(flags):
            for hint in hints:
                found.update(line_indices_with(document, hint))
            continue
        short = list(compress(range(len(texts)), flags))
        # (The short lines joined once for all their hints.)
        found.update(short[j] for j in indices_with_any([texts[i] for i in short], hints))
    return sorted(found)


def _wrapped_paragraphs(document) -> dict[int, str]:
    """{line number: the text of the hard-wrapped paragraph (joined from several lines)
    it belongs to}, for the paragraphs with a line of prose (a sentence cut at the
    margin, not lines of junk run together)."""
    return {line.number: para.text for para in document.paragraphs if len(para.lines) > 1
            and any(_is_prose(other.text) for other in para.lines)
            for line in para.lines}


def _is_prose(text: str) -> bool:
    """A line of a sentence: a clause mark in it, and no junk."""
    return any(mark in text for mark in PROSE_MARKS) and not junk_reason(text.strip())


def _number_cut(before: str) -> bool:
    """Does the line before a line of numbers end in a number cut at the margin (电话：8520)
    rather than a sentence end? Then the numbers go on it: no counter of a web page."""
    before = before.rstrip()
    return before[-1:].isdigit() and any(mark in before for mark in PROSE_MARKS)


def _check_junk(document, schema) -> Iterator[Finding]:
    lines = document.lines
    wrapped: dict[int, str] | None = None  # built when first needed
    for index in _junk_candidates(document):
        line = lines[index]
        text = line.text.strip()
        if text and (reason := junk_reason(text)):
            # 范文-site words (点击下载) are judged by the length of their sentence: in a
            # hard-wrapped paragraph, that of the paragraph, not of a line cut at the margin
            # (……登记表》（点击下载2024….docx），完成个人总结……).
            if reason == FANWEN_REASON and not document.markdown:
                if wrapped is None:
                    wrapped = _wrapped_paragraphs(document)
                whole = wrapped.get(line.number)
                if whole is not None and not junk_reason(whole):
                    continue
            if reason == COUNTER_REASON and index and _number_cut(lines[index - 1].text):
                continue  # 监督电话：8520 ⏎ 0216  85134362: a number the margin cut
            yield WEB_JUNK.finding(
                line.number, f"网页残留：{quote(text[:30])}是从网页带进来的，不是公文内容，应删除")


PLACEHOLDER = Rule(
    code="GW401", title="占位符与填写项", name="placeholder", severity="info",
    category="hygiene", authority=PRACTICE, guide="placeholders",
    doc="""占位符与填写项：X、XX、XXX、×××、_（来源删去的数字、名称），模板的【单位名称】等填写项。
为什么：范文里的占位符是来源的事实，照原样保留；模板的填写项要在行文前逐一替换。
只作提示，不影响构建。
正例：市教育局2024年第三季度党建工作总结
反例：共发展预备党员XXX名 / 【单位名称】2025年工作总结""",
    check=_check_placeholders, documents_only=True)

WEB_JUNK = Rule(
    code="GW402", title="网页残留", name="web-junk", severity="error",
    category="hygiene", authority=PRACTICE, guide="web-junk",
    doc="""网页残留：从网页复制时带进来的 ©、版权声明、THE END、点赞/分享计数、代码碎片（\");），
范文网站的套话（下面是小编为大家整理的……、本文由范文网整理发布）、单独一行的“阅读原文”等。
为什么：这些不是公文的内容，留在文中会被原样复制进正式文件；句中的“认真阅读原文”是正文，不算。
正例：组织党员干部认真阅读原文、领悟原理。
反例：点赞9分享 / THE END / 下面是小编为大家整理的工作总结范文，欢迎阅读参考。""",
    check=_check_junk, documents_only=True)

RULES = [PLACEHOLDER, WEB_JUNK]
