"""The checker's report: one line per finding (text), or JSON.

One shape for every report: the CLI's `--json` and the site's gongwen-report.json are
both `report_data()`; the site only fills each file's `url`.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping

from .model import (
    SEVERITIES,
    STATUS_LABELS,
    CheckResult,
    Finding,
    category_label,
    severity_label,
)
from .rules import BY_CODE

# Where each rule is explained, as a path of the built site (docs/guide/index.md).
GUIDE_PAGE = "guide/"


def guide_url(code: str) -> str | None:
    """Site path of the guide section explaining rule `code`, e.g. guide/#numbering."""
    rule = BY_CODE.get(code)
    return f"{GUIDE_PAGE}#{rule.guide}" if rule and rule.guide else None


def finding_data(finding: Finding) -> dict:
    """The one finding object of every JSON report."""
    return {
        "rule": finding.rule,
        "title": finding.title,
        "name": finding.name,
        "severity": finding.severity,
        "severity_label": severity_label(finding.severity),
        "category": finding.category,
        "category_label": category_label(finding.category),
        "line": finding.line,
        "message": finding.message,
        "authority": finding.authority,
        "acknowledged": finding.acknowledged,
        "guide": guide_url(finding.rule),
    }


def file_data(result: CheckResult, url: str | None = None) -> dict:
    return {
        "path": result.path,
        "url": url,
        "doctype": result.doctype,
        "title": result.title,
        "status": result.status,
        "outline": [
            {"level": h.level, "label": h.label, "raw": h.raw, "title": h.title, "line": h.line,
             "form": h.form}
            for h in result.outline
        ],
        "findings": [finding_data(f) for f in result.findings],
    }


def summary(results: Iterable[CheckResult]) -> dict[str, int]:
    """Files by status and findings by severity: the one summary of every report."""
    results = list(results)
    findings = [f for r in results for f in r.findings]
    out = {"files": len(results)}
    out.update({status: sum(r.status == status for r in results) for status in STATUS_LABELS})
    out["errors"] = sum(f.severity == "error" for f in findings)
    out["unacknowledged_errors"] = sum(len(r.blocking) for r in results)
    out["warnings"] = sum(f.severity == "warning" for f in findings)
    out["infos"] = sum(f.severity == "info" for f in findings)
    return out


def report_data(results: Iterable[CheckResult],
                url: Callable[[CheckResult], str | None] | None = None) -> dict:
    """{"files": [file_data…], "summary": summary(…)}; url(result) gives a file's site URL."""
    results = list(results)
    return {
        "files": [file_data(r, url(r) if url else None) for r in results],
        "summary": summary(results),
    }


def summary_line(results: list[CheckResult]) -> str:
    counts = summary(results)
    acked = counts["errors"] - counts["unacknowledged_errors"]
    failed = counts["fail"]
    ack = f"（其中已确认{acked}个）" if acked else ""
    verdict = f"{failed}个文件有未确认的错误" if failed else "没有未确认的错误"
    words: Mapping[str, str] = {s: severity_label(s) for s in SEVERITIES}
    return (f"检查了{counts['files']}个文件：{words['error']}{counts['errors']}个{ack}，"
            f"{words['warning']}{counts['warnings']}个，{words['info']}{counts['infos']}个；"
            f"{verdict}。")


def format_text(results: list[CheckResult], show_info: bool = True) -> str:
    """`path:line: [严重程度] message (CODE 中文名)` per finding, then a summary line."""
    lines = []
    for result in results:
        for finding in result.findings:
            if finding.severity == "info" and not show_info:
                continue
            lines.append(finding.format(result.path))
    lines.append(summary_line(results))
    return "\n".join(lines)


def format_json(results: list[CheckResult]) -> str:
    return json.dumps(report_data(results), ensure_ascii=False, indent=2)
