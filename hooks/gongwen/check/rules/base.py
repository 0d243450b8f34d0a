"""What every rule is: a code, a name, a severity and a check generator."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Finding

GBT_NUMBERING = "GB/T 9704-2012 §7.3.3"
PRACTICE = "实务"


@dataclass(frozen=True)
class Rule:
    """One check. `doc` is its Chinese documentation: 检查什么 / 为什么 / 正例 / 反例."""

    code: str
    name: str
    severity: str
    category: str
    authority: str
    guide: str
    doc: str
    check: Callable[..., Iterable[Finding]] = field(compare=False, repr=False)
    needs_schema: bool = False
    # Only for documents (a doctype, an exemplar or template page, a .txt), not for the
    # site's other pages, which may well quote © or 【…】 when explaining them.
    documents_only: bool = False

    def finding(self, line: int | None, message: str, severity: str | None = None) -> Finding:
        return Finding(self.code, self.name, severity or self.severity, self.category, line,
                       message, self.authority)

    @property
    def summary(self) -> str:
        """The first line of the documentation (检查什么)."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


def no_check(document, schema) -> Iterable[Finding]:
    """For rules whose findings the checker itself makes (acknowledgements)."""
    return ()


def cached(document, key: str, compute: Callable[[], object]):
    """Share one analysis between the rules of a family (gap, repeat, disorder…)."""
    store = document.cache
    if key not in store:
        store[key] = compute()
    return store[key]


def family_member(key: str, analyse: Callable[[object], list], code: str):
    """The check() of one rule of a family: its share of the family's cached analysis.

    analyse(document) returns [(rule, finding), …] for the whole family at once.
    """
    def check(document, schema) -> Iterator[Finding]:
        for rule, finding in cached(document, key, lambda: analyse(document)):
            if rule.code == code:
                yield finding
    return check
