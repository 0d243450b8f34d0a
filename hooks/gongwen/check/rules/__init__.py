"""The registry of rules. Codes are grouped by hundreds: GW1xx numbering and hierarchy,
GW2xx sections and order, GW3xx declared structure, GW4xx style and hygiene,
GW9xx the page's own data (front matter, acknowledgements)."""
from __future__ import annotations

from . import declared, enumeration, hygiene, meta, numbering, phrases, sections, style
from .base import Rule

RULES: list[Rule] = [
    *numbering.RULES,
    *enumeration.RULES,
    *sections.RULES,
    *phrases.RULES,
    *declared.RULES,
    *hygiene.RULES,
    *style.RULES,
    *meta.RULES,
]
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def find_rule(key: str) -> Rule | None:
    """A rule by its code (GW103) or its name (numbering-gap)."""
    return BY_CODE.get(key.upper()) or BY_NAME.get(key)


__all__ = ["BY_CODE", "BY_NAME", "RULES", "Rule", "find_rule"]
