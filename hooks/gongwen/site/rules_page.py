"""The 检查规则 page, generated from the rule registry and each rule's Chinese docstring."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from gongwen.check.model import category_label, severity_label
from gongwen.check.rules.base import EXAMPLE_SECTIONS, doc_sections

from .listing import _cell

RE_MD_SPECIAL = re.compile(r"([\\`*_\[\]#])")


def _escape(text: str) -> str:
    """Text shown as written: 1. or （一） or _ from a docstring must not become markup."""
    return RE_MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def rule_doc_markdown(doc: str) -> str:
    """A rule's Chinese docstring as Markdown: one paragraph per section, name in bold.

    Prose lines are joined without spaces (Chinese); a multi-line example becomes an
    indented code block so its ordinals are shown as written, not read as a list.
    """
    out: list[str] = []
    for name, body in doc_sections(doc):
        if name in EXAMPLE_SECTIONS and len(body) > 1:
            out += [f"**{name}**：", "", *("    " + line for line in body), ""]
        else:
            out += [f"**{name}**：" + _escape("".join(line.strip() for line in body)), ""]
    return "\n".join(out).strip() + "\n"


def _category(category: str) -> str:
    return _cell(category_label(category))


def rules_markdown(rules: Sequence[Any], guide_link: str = "index.md") -> str:
    """The 检查规则 page, generated from the rule registry (code, name, severity, docstring)."""
    out = [
        "---",
        "title: 检查规则",
        "---",
        "",
        "# 检查规则",
        "",
        ("本页由检查器的规则表自动生成。每条规则有固定编号（构建日志与报告中引用）和简短的名称。"
         f"严重程度：**{severity_label('error')}**使严格构建失败，除非页面以理由确认；"
         f"**{severity_label('warning')}**与**{severity_label('info')}**只显示，不使构建失败。"),
        "",
        "| 编号 | 名称 | 严重程度 | 类别 | 依据 | 检查什么 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        summary = rule.summary
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {_cell(rule.title)} "
            f"| {severity_label(rule.severity)} | {_category(rule.category)} "
            f"| {_cell(rule.authority)} | {_cell(_escape(summary))} |"
        )
    for rule in rules:
        guide = getattr(rule, "guide", None)
        out += [
            "",
            f"## {rule.code} {rule.title} {{ #{rule.code.lower()} }}",
            "",
            f"- 严重程度：{severity_label(rule.severity)}",
            f"- 类别：{_category(rule.category)}",
            f"- 依据：{rule.authority}",
        ]
        if guide:
            out.append(f"- 写作通则：[相关说明]({guide_link}#{guide})")
        out += ["", rule_doc_markdown(getattr(rule, "doc", "") or "").rstrip("\n")]
    return "\n".join(out) + "\n"
