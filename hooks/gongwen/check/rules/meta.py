"""The page's own data: front matter that cannot be used, acknowledgements that do nothing.

GW901's findings are made by the checker (gongwen.check) after acknowledgements are
applied; the rule object is here so that it has a code, a name and documentation.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from .base import PRACTICE, Rule, no_check

KINDS = ("exemplar", "template")


def _check_front_matter(document, schema) -> Iterator[Finding]:
    front = document.front
    if front.error:
        yield FRONT_MATTER.finding(1, f"front matter 无法解析：{front.error}")
        return
    meta = front.meta
    known = document.known_doctypes
    doctype = meta.get("doctype")
    if doctype is not None and known and doctype not in known:
        yield FRONT_MATTER.finding(
            1, f"front matter 的 doctype 应为 {'、'.join(sorted(known))} 之一，实为 {doctype!r}")
    kind = meta.get("kind")
    if kind in KINDS and doctype is None:
        yield FRONT_MATTER.finding(1, f"front matter 缺少 doctype：kind 为 {kind!r} 的页面须写明文种")
    acks = meta.get("acknowledge")
    if acks is None:
        return
    if not isinstance(acks, list):
        yield FRONT_MATTER.finding(1, f"front matter 的 acknowledge 应为列表，实为 {acks!r}")
        return
    for i, entry in enumerate(acks):
        where = f"acknowledge[{i}]"
        if not isinstance(entry, dict):
            yield FRONT_MATTER.finding(1, f"front matter 的 {where} 应为映射（rule, reason），"
                                          f"实为 {entry!r}")
            continue
        if not isinstance(entry.get("rule"), str) or not entry.get("rule"):
            yield FRONT_MATTER.finding(1, f"front matter 的 {where}.rule 应为规则代码或名称"
                                          f"（如 GW103 或 numbering-gap），实为 {entry.get('rule')!r}")
        if not isinstance(entry.get("reason"), str) or not entry.get("reason", "").strip():
            yield FRONT_MATTER.finding(1, f"front matter 的 {where}.reason 应为说明原因的文字，"
                                          f"实为 {entry.get('reason')!r}")
        line = entry.get("line")
        if line is not None and (not isinstance(line, int) or isinstance(line, bool) or line < 1):
            yield FRONT_MATTER.finding(1, f"front matter 的 {where}.line 应为正整数行号，实为 {line!r}")
        extra = set(entry) - {"rule", "reason", "line"}
        if extra:
            yield FRONT_MATTER.finding(
                1, f"front matter 的 {where} 有未知的键 {'、'.join(map(repr, sorted(extra)))}，"
                   f"可用的键为 rule、reason、line")


ACK_UNUSED = Rule(
    code="GW901", title="确认未用上", name="acknowledgement-unused", severity="warning",
    category="hygiene", authority=PRACTICE, guide="acknowledgement",
    doc="""确认（acknowledge）没有用上：front matter 的 acknowledge 或行内
<!-- gongwen: ack 代码 原因 --> 指向的规则没有对应的检查结果（规则不存在时报 GW902）。
为什么：确认是对某个已知问题的说明；问题修好了（或代码写错了），确认就该删掉，免得掩盖新问题。
正例：acknowledge: [{rule: GW103, reason: 来源截断，（二）整段缺失}]（且确有 GW103）
反例：acknowledge: [{rule: GW999, reason: …}]""",
    check=no_check)

FRONT_MATTER = Rule(
    code="GW902", title="页面元数据有误", name="front-matter", severity="error",
    category="hygiene", authority=PRACTICE, guide="acknowledgement",
    doc="""页面的 front matter 须可用：YAML 能解析；doctype 是已知文种；范文和模板写明 doctype；
acknowledge 每项有 rule 和 reason（可选 line）；确认（front matter 或行内）指向的规则存在。
为什么：front matter 决定用哪个文种检查、哪些问题已确认；写错了检查就会悄悄失效。
正例：doctype: summary ⏎ kind: exemplar
反例：doctype: 总结 / acknowledge: [{rule: GW103}]（缺 reason）""",
    check=_check_front_matter)

RULES = [ACK_UNUSED, FRONT_MATTER]
