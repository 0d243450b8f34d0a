"""Where a long outline simply goes on: the stretches numbering._analyse passes over.

A page of 100,000 （一）-level headings is mostly runs of one level numbered one by one;
the walk of the numbering family has nothing to report inside them, so it skips them,
found in C loops, instead of taking each heading in turn (tests/test_rule_fastpaths.py
compares the two walks).
"""
from __future__ import annotations

from itertools import compress, count
from operator import ne, or_

# A long outline (this many headings or more) is walked a stretch of at most STRETCH
# headings at a time where it simply goes on; after a stretch that does not, the walk
# tries again TRY_AGAIN headings later.
LONG_OUTLINE, STRETCH, TRY_AGAIN = 64, 4096, 8


def goes_on(levels: list[int], numbers: list[int], index: int, limit: int) -> int:
    """Where the headings from `index` (before `limit`) stop going on one by one from the
    heading before: the first of another level or with another number (C loops).

    In such a stretch of one level under one parent the walk of _analyse has nothing to
    report (no gap, no restart, none is a 1; a child before its parent or inverted levels
    were decided at the first of the run) and nothing to change but the last heading of
    the level."""
    first = numbers[index - 1] + 1
    stops = map(or_, map(levels[index].__ne__, levels[index:limit]),
                map(ne, numbers[index:limit], range(first, first + limit - index)))
    return next(compress(count(index), stops), limit)
