"""Counts the pages state, filled in by the build so they never go stale.

An author writes `<!-- gongwen:count exemplars -->` (this type's exemplars; on other pages
all exemplars) or `<!-- gongwen:count doctypes -->` (the 文种 the site covers) where the
number goes: 「本类目前收录范文<!-- gongwen:count exemplars -->篇」. The comment is
replaced in the rendered page, so an example of it inside code stays as written.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

RE_COUNT = re.compile(r"<!--\s*gongwen:count\s+([\w-]+)\s*-->")
COUNT_NAMES = ("exemplars", "doctypes")
# Before a measure word (篇, 类) Chinese writes 两, not 二; above ten, digits (12篇).
NUMERALS = "零一两三四五六七八九十"


def count_text(n: int) -> str:
    """A count as it stands before a measure word: 一, 两, … 十, then 11, 12, …"""
    return NUMERALS[n] if 0 <= n < len(NUMERALS) else str(n)


def fill_counts(html: str, counts: Mapping[str, int]) -> tuple[str, list[str]]:
    """(html with every count comment replaced, the unknown count names left as they were)."""
    unknown: list[str] = []

    def replace(m: re.Match) -> str:
        name = m.group(1)
        if name not in counts:
            unknown.append(name)
            return m.group(0)
        return count_text(counts[name])

    return RE_COUNT.sub(replace, html), unknown
