"""Output of the checker: one line per finding (text) or the same data as JSON."""
from __future__ import annotations

import json

from .model import CheckResult
from .rules import BY_CODE

# Where each rule is explained, as a path of the built site (docs/guide/index.md).
GUIDE_PAGE = "guide/"


def guide_url(code: str) -> str | None:
    """Site path of the guide section explaining rule `code`, e.g. guide/#numbering."""
    rule = BY_CODE.get(code)
    return f"{GUIDE_PAGE}#{rule.guide}" if rule and rule.guide else None


def summary_line(results: list[CheckResult]) -> str:
    findings = [f for r in results for f in r.findings]
    errors = [f for f in findings if f.severity == "error"]
    acked = [f for f in errors if f.acknowledged]
    warnings = sum(f.severity == "warning" for f in findings)
    infos = sum(f.severity == "info" for f in findings)
    failed = sum(bool(r.blocking) for r in results)
    ack = f"（其中已确认 {len(acked)} 个）" if acked else ""
    verdict = f"{failed} 个文件有未确认的错误" if failed else "没有未确认的错误"
    return (f"检查了 {len(results)} 个文件：错误 {len(errors)} 个{ack}，警告 {warnings} 个，"
            f"提示 {infos} 个；{verdict}。")


def format_text(results: list[CheckResult], show_info: bool = True) -> str:
    """`path:line: [severity] message (CODE name)` per finding, then a summary line."""
    lines = []
    for result in results:
        for finding in result.findings:
            if finding.severity == "info" and not show_info:
                continue
            lines.append(finding.format(result.path))
    lines.append(summary_line(results))
    return "\n".join(lines)


def to_json_data(results: list[CheckResult]) -> dict:
    """{"files": [{"path", "doctype", "outline": [...], "findings": [...]}, …]}"""
    files = []
    for result in results:
        data = result.to_dict()
        for item, heading in zip(data["outline"], result.outline):
            item["raw"] = heading.raw
        for item in data["findings"]:
            item["guide"] = guide_url(item["rule"])
        files.append(data)
    findings = [f for r in results for f in r.findings]
    return {
        "files": files,
        "summary": {
            "files": len(results),
            "errors": sum(f.severity == "error" for f in findings),
            "unacknowledged_errors": sum(len(r.blocking) for r in results),
            "warnings": sum(f.severity == "warning" for f in findings),
            "infos": sum(f.severity == "info" for f in findings),
        },
    }


def format_json(results: list[CheckResult]) -> str:
    return json.dumps(to_json_data(results), ensure_ascii=False, indent=2)
