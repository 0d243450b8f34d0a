"""The curated seeds give the findings the issue lists (issue 3, item 7)."""
from __future__ import annotations

from pathlib import Path

import pytest
from gongwen.check import check_file

DOCS = Path(__file__).resolve().parent.parent / "docs"
SEEDS = {
    "000": DOCS / "self-review/exemplars/000_ee8c9e6e73e8fbdf.md",
    "001": DOCS / "summary/exemplars/001_2b297bc324b49a8c.md",
    "002": DOCS / "plan/exemplars/002_483659cd9639251b.md",
    "003": DOCS / "speech/exemplars/003_c6156c13d5fa43a4.md",
    "004": DOCS / "progress-report/exemplars/004_c87274d175a5d971.md",
}


def check(seed: str):
    path = SEEDS[seed]
    return check_file(path)


def messages(result, code: str) -> list[str]:
    return [f.message for f in result.findings if f.rule == code]


def test_000_truncated_source_errors_are_all_acknowledged() -> None:
    result = check("000")
    assert result.doctype == "self-review"
    errors = [f for f in result.findings if f.severity == "error"]
    assert sorted((f.rule, f.message) for f in errors) == sorted([
        ("GW103", "序号跳号：应为“（二）”，实为“（三）”"),
        ("GW121", "列举跳号：应为“二是”，实为“三是”"),
        ("GW302", "提纲所列部分缺失：提纲有“（二）带头固本培元、增强党性方面”，正文“一、”之下没有"),
        ("GW302", "提纲所列部分缺失：提纲有“二、问题根源剖析”，正文中没有"),
        ("GW302", "提纲所列部分缺失：提纲有“三、下一步改进措施”，正文中没有"),
        # The title names the kind: …对照检查发言材料.
        ("GW201", ("缺少必备部分“原因剖析”：对照检查发言材料应有标题含“原因”“根源”“根子”“剖析”"
                  "等的部分，正文中没有找到")),
        ("GW201", ("缺少必备部分“整改措施”：对照检查发言材料应有标题含“措施”“整改”“方向”“举措”"
                  "等的部分，正文中没有找到")),
    ])
    assert all(f.acknowledged for f in errors)
    assert result.blocking == [] and result.status == "warn"
    # The gap is reported where it is: at （三）, the heading after the missing （二）.
    [gap] = [f for f in errors if f.rule == "GW103"]
    line = SEEDS["000"].read_text(encoding="utf-8").splitlines()[gap.line - 1]
    assert "（三）带头敬畏人民" in line


@pytest.mark.parametrize("seed", ["001", "002"])
def test_001_and_002_have_no_error(seed: str) -> None:
    result = check(seed)
    assert [f.format(seed) for f in result.findings if f.severity == "error"] == []


def test_002_only_warns_about_recommended_parts() -> None:
    result = check("002")
    assert result.doctype == "plan"
    assert "缺少建议部分“实施步骤”" in " ".join(messages(result, "GW202"))


def test_003_review_without_parent_warns_and_three_points_match() -> None:
    result = check("003")
    assert result.doctype == "speech"
    [orphan] = [f for f in result.findings if f.rule == "GW111"]
    assert orphan.severity == "warning"
    assert orphan.message == "层次不当：“（一）”等3个二级标题出现在任何上级标题（如“一、”）之前"
    assert messages(result, "GW301") == []  # 讲三点意见 → 一、二、三、
    assert [h.label for h in result.outline if h.level == 1] == ["一", "二", "三"]
    assert [f.format("003") for f in result.findings if f.severity == "error"] == []


def test_004_warns_no_problems_and_no_next_steps() -> None:
    result = check("004")
    assert result.doctype == "progress-report"
    assert [f.format("004") for f in result.findings if f.severity == "error"] == []
    warned = messages(result, "GW202")
    assert len(warned) == 2
    assert warned[0].startswith("缺少建议部分“存在问题”")
    assert warned[1].startswith("缺少建议部分“下一步打算”")
    assert all(h.form == "run-in" for h in result.outline)
