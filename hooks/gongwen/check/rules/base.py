"""What every rule is: a code, names, a severity, its documentation and a check generator."""
from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from gongwen.common import grouped

from ..model import Finding, make_finding

new_object = object.__new__

# §7.3.3 gives the four ordinal forms and their fonts, nothing about gaps or restarts.
GBT_NUMBERING = "GB/T 9704-2012第7.3.3条"
PRACTICE = "实务"


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One check. `doc` is its Chinese documentation: 检查什么 / 为什么 / 正例 / 反例.

    code: stable (GW103); title: its short Chinese name, what readers see (序号跳号);
    name: an English id (numbering-gap), kept in JSON and accepted in acknowledgements.
    """

    code: str
    title: str
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

    def __post_init__(self) -> None:
        # The fields every finding of the rule shares, in make_finding's order: a finding
        # is this copied, its line and message set (rules make thousands a round).
        object.__setattr__(self, "_shared", vars(make_finding(
            self.code, self.name, self.severity, self.category, None, "", self.authority,
            self.title)))

    def finding(self, line: int | None, message: str, severity: str | None = None) -> Finding:
        finding = new_object(Finding)
        fields = finding.__dict__
        fields.update(self._shared, line=line, message=message)  # type: ignore[attr-defined]
        if severity:
            fields["severity"] = severity
        return finding

    @property
    def summary(self) -> str:
        """What the rule checks, in one line (the documentation's first section, whole)."""
        return rule_summary(self.doc)


def no_check(document, schema) -> Iterable[Finding]:
    """For rules whose findings the checker itself makes (acknowledgements)."""
    return ()


def cached(document, key: str, compute: Callable[..., object], *args):
    """Share one analysis between the rules of a family (gap, repeat, disorder…):
    compute(*args), once per document (the arguments passed, not a lambda made at every
    call: rules ask dozens of times a page)."""
    store = document.cache
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute(*args)
        return value


def family_member(key: str, analyse: Callable[[object], list], code: str):
    """The check() of one rule of a family: its share of the family's cached analysis.

    analyse(document) returns [(rule, finding), …] for the whole family at once; they are
    sorted out by rule once (each rule then takes its own list, in the family's order).
    """
    def check(document, schema) -> Iterable[Finding]:
        return cached(document, key, _by_rule, analyse, document).get(code, ())
    return check


def _by_rule(analyse: Callable[[object], list], document) -> dict[str, list[Finding]]:
    """{rule code: its findings, in order} of a family's analysis."""
    return grouped((rule.code, finding) for rule, finding in analyse(document))


# Section names of a rule's docstring; its first line, unlabelled, says what is checked.
DOC_SECTIONS = ("检查什么", "为什么", "正例", "反例", "依据", "如何修改", "说明")
EXAMPLE_SECTIONS = ("正例", "反例")
RE_DOC_SECTION = re.compile(rf"^({'|'.join(DOC_SECTIONS)})\s*[：:]\s*(.*)$")


def doc_sections(doc: str) -> list[tuple[str, list[str]]]:
    """(section name, non-empty lines) of a rule's docstring; the unlabelled start is 检查什么."""
    sections: list[tuple[str, list[str]]] = []
    for line in inspect.cleandoc(doc or "").splitlines():
        m = RE_DOC_SECTION.match(line.strip())
        if m:
            sections.append((m.group(1), [m.group(2)] if m.group(2) else []))
        elif not line.strip():
            continue
        elif sections:
            sections[-1][1].append(line)
        else:
            sections.append(("检查什么", [line]))
    return sections


def rule_summary(doc: str) -> str:
    """What the rule checks, in one line (its docstring's first section)."""
    sections = doc_sections(doc)
    return "".join(line.strip() for line in sections[0][1]) if sections else ""
