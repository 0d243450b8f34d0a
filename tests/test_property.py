"""Whatever text it is given, the library never raises."""
from __future__ import annotations

from gongwen.check import check_text
from gongwen.check.document import read
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Pieces of Markdown and of official documents, so that the generator reaches the
# interesting states (front matter, fences, admonitions, ordinals, enumerations…).
PIECES = [
    "---\n", "---\ndoctype: summary\nkind: exemplar\n---\n", "---\nacknowledge: [{rule: GW103}]\n",
    "# ", "## ", "### ", "一、", "二、", "十一、", "（一）", "(二)", "（三)", "1.", "2、", "（1）",
    "(2)、", "一是", "二是", "三是", "首先，", "其次，", "最后，", "第一，", "第三，", "【提纲】",
    "【单位名称】", "讲三点意见", "从以下四个方面", "一共三条：", "现将", "如下", "特制定本方案",
    "同志们：", "。", "，", "：", "\n", "\n\n", "    ", "!!! note\n", "???+ tip\n", "```\n",
    "~~~\n", "<!--", "-->", "<!-- gongwen: ack GW103 原因 -->", "<!-- gongwen:end -->",
    "<div>", "</div>", "<span id=\"x\"></span>", "**", "__", "\\_", "`", "> ", "| a |", "{ .annotate }",
    "XX", "×××", "_", "© ", "点赞9 分享", "\");", "存在问题", "下一步打算", "原因分析", "\ufeff",
    "\r\n", "\t", "[链接](http://x)", "[^1]", "…", "百", "零", "〇",
]

markdownish = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)
doctypes = st.sampled_from([None, "summary", "plan", "speech", "self-review", "progress-report"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=markdownish, doctype=doctypes, path=st.sampled_from(["a.md", "a.txt", "<text>"]))
def test_markdownish_text_never_raises(text: str, doctype: str | None, path: str) -> None:
    result = check_text(text, path, doctype)
    for finding in result.findings:
        assert finding.severity in ("error", "warning", "info")
        assert finding.line is None or 1 <= finding.line <= max(1, len(text.splitlines()))
        assert finding.message


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    check_text(text, "x.md")
    check_text(text, "x.txt")
    read(text)
