"""Hygiene of the text: placeholders left in it, and web-page junk."""
from __future__ import annotations

import re
from collections.abc import Iterator

from gongwen.common import quote
from gongwen.text.syntax import RE_FILL_FIELD
from gongwen.text.webjunk import junk_reason

from ..model import Finding
from .base import PRACTICE, Rule

# Every alternative of these patterns starts with a literal character: re then skips
# to the candidate characters instead of trying each alternative at every position
# (4 to 10 times faster on Chinese text, and these run on every line of every page).

# X/XX/XXX/XXXX市 (Latin or full-width X, not inside an English word), ×××, ○○, _ runs.
RE_PLACEHOLDER = re.compile(
    r"X(?<![A-Za-z]X)[XＸ]*(?![A-Za-z])|Ｘ(?<![A-Za-z]Ｘ)[XＸ]*(?![A-Za-z])"
    r"|××+|○○+|□□+|__*")

def _check_placeholders(document, schema) -> Iterator[Finding]:
    template = document.meta.get("kind") == "template"
    for line in document.lines:
        text = line.text
        if not text:
            continue
        fields = RE_FILL_FIELD.findall(text) if "【" in text else []
        marks = RE_PLACEHOLDER.findall(text) if ("X" in text or "Ｘ" in text or "_" in text
                                                 or "×" in text or "○" in text
                                                 or "□" in text) else []
        if fields:
            shown = "".join([quote(f) for f in dict.fromkeys(fields)])
            what = "模板填写项" if template else "填写项"
            yield PLACEHOLDER.finding(line.number, f"{what}{shown}：行文时替换为实际内容")
        if marks:
            shown = "".join([quote(m) for m in dict.fromkeys(marks)])
            yield PLACEHOLDER.finding(
                line.number, f"占位符{shown}：此处的数字、名称等还没有写出（范文中是来源删去的），"
                             f"定稿前须填写实际内容")


def _check_junk(document, schema) -> Iterator[Finding]:
    for line in document.lines:
        text = line.text.strip()
        if text and junk_reason(text):
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
