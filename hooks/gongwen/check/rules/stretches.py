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
# headings at a time where it simply goes on (each try copies that many levels and
# numbers); after a stretch shorter than a quarter of that, the walk tries again only
# TRY_AGAIN headings later (short runs cost more to try than to walk).
LONG_OUTLINE, STRETCH, TRY_AGAIN = 64, 64, 64


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


def plain_outline(document) -> bool:
    """Does a short outline simply go on from start to end (most pages)? Its first heading
    is a 一、, each next heading is one level deeper and numbered 1, or of a level already
    open and numbered on from that level's last; no section break or second part.

    Then numbering._analyse reports nothing (no gap, repeat, disorder or restart; no
    child before its parent, no inverted levels, nothing numbered on across parents), and
    is not walked. (A long outline is walked by stretches: see goes_on.)"""
    headings = document.headings
    if len(headings) >= LONG_OUTLINE or document.section_breaks or \
            any(0 < b < len(headings) for b in document.part_breaks):
        return False
    last = [0] * 6  # the last number of each level open
    before = 0  # the level of the heading before
    for h in headings:
        level = h.level
        if level > before + 1 or h.number != (1 if level > before else last[level] + 1):
            return False
        last[level] = h.number
        before = level
    return True
