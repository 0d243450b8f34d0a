"""Acknowledgement comments count only in the document's own text: an example shown as
code (inline, fenced or indented) is not a directive, so the guide no longer flags itself."""
from __future__ import annotations

import re

import pytest
from gongwen.check import check_document
from gongwen.check.document import read

ACK = "<!-- gongwen: ack GW103 原因 -->"


def acks(page: str) -> list[tuple[int, str]]:
    return [(a.line, a.rule) for a in read(page, "a.md", markdown=True).acks]


@pytest.mark.parametrize("page", [
    f"# 标题\n\n也可以写注释 `{ACK}`。\n",
    f"# 标题\n\n也可以写注释 ``{ACK}``，放在问题所在行。\n",
    f"# 标题\n\n```markdown\n{ACK}\n```\n",
    f"# 标题\n\n~~~\n三、丙 {ACK}\n~~~\n",
    f"# 标题\n\n例如：\n\n    {ACK}\n",
])
def test_an_acknowledgement_shown_as_code_is_not_one(page):
    assert acks(page) == []
    assert not [f for f in check_document(read(page, "a.md", markdown=True)).findings
                if f.rule == "GW901"]


@pytest.mark.parametrize("page,line", [
    (f"# 标题\n\n{ACK}\n三、丙\n", 3),
    (f"# 标题\n\n三、丙 {ACK}\n", 3),
    (f"# 标题\n\n`代码` 之后 {ACK}\n", 3),
    (f"# 标题\n\n一段文字\n    续行 {ACK}\n", 4),  # an indented continuation, not code
])
def test_an_acknowledgement_in_the_text_still_counts(page, line):
    assert acks(page) == [(line, "GW103")]


def test_guide_is_clean_in_the_report_and_the_overview(built_site):
    import json

    report = json.loads((built_site.site / "gongwen-report.json").read_text("utf-8"))
    guide = next(f for f in report["files"] if f["path"] == "guide/index.md")
    assert guide["findings"] == [] and guide["status"] == "pass"
    overview = (built_site.site / "check" / "index.html").read_text("utf-8")
    row = re.search(r'<tr><td><a href="../guide/">写作通则</a>.*?</tr>', overview)
    assert row and "通过" in row.group(0) and "有提示" not in row.group(0)
    assert "guide/index.md" not in built_site.log
