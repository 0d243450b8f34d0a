"""The shared records: outline headings, findings and a page's check result.

Everything that leaves the library (hooks, CLI, JSON report) is built from these.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
CATEGORIES: tuple[str, ...] = (
    "numbering", "hierarchy", "missing-section", "order", "declared-count", "style", "hygiene",
)


@dataclass(frozen=True)
class Heading:
    """A numbered heading of the outline, with its 1-based source line.

    form: how it was written: 'markdown' (a # heading), 'line' (a paragraph that is
    only the heading) or 'run-in' (the first sentence of a paragraph).
    raw: the ordinal exactly as written (（一）、); width: bracket width for levels 2/4.
    """

    line: int
    level: int
    label: str
    number: int
    title: str
    form: str
    raw: str = ""
    width: str = ""


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule. `acknowledged` holds the author's reason, if any."""

    rule: str            # stable code, e.g. GW103
    name: str            # readable name, e.g. numbering-gap
    severity: str        # error | warning | info
    category: str        # one of CATEGORIES
    line: int | None     # 1-based line in the source file, None for the whole page
    message: str         # Chinese, says what was expected and what was found
    authority: str = "实务"
    acknowledged: str | None = None

    def format(self, path: str) -> str:
        """`path:line: [severity] message (CODE name)`, the one message shape."""
        where = f"{path}:{self.line}" if self.line else path
        ack = f" [已确认：{self.acknowledged}]" if self.acknowledged else ""
        return f"{where}: [{self.severity}] {self.message} ({self.rule} {self.name}){ack}"

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "category": self.category,
            "line": self.line,
            "message": self.message,
            "authority": self.authority,
            "acknowledged": self.acknowledged,
        }


@dataclass
class CheckResult:
    """What checking one document gives: its type, outline and findings."""

    path: str
    doctype: str | None
    title: str | None
    outline: list[Heading] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        """Errors not acknowledged by the author: these fail a strict build."""
        return [f for f in self.findings if f.severity == "error" and not f.acknowledged]

    @property
    def status(self) -> str:
        """'fail' (unacknowledged error), 'warn' (warnings or acknowledged errors) or 'pass'."""
        if self.blocking:
            return "fail"
        if any(f.severity in ("error", "warning") for f in self.findings):
            return "warn"
        return "pass"

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "doctype": self.doctype,
            "title": self.title,
            "status": self.status,
            "outline": [
                {"level": h.level, "label": h.label, "title": h.title, "line": h.line,
                 "form": h.form}
                for h in self.outline
            ],
            "findings": [f.to_dict() for f in self.findings],
        }
