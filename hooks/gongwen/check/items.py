"""Items numbered inside one paragraph: ……包括：（1）……；（2）……；（3）……, or the
note under a table, 注：1、……。2、……。3、…….

Such a run is a list of items written without line breaks: each item is read as what
it is, a heading of its level, so that the numbering rules see it like any other (and
its 1、 is reported as 1.). A run is read only when it clearly is one:

- it starts with （1） or 1、/1. right after a colon (……如下：, 注：) or at the start of
  the paragraph;
- every next item of the same form follows right after a 分号 or 句号;
- the numbers go up one by one (a single slip, a gap, a repeat or two swapped, is
  still read, so that the slip is reported);
- there are at least two items.

Anything else stays prose: a stray （2） in a sentence, 第（3）项, 1、2、3月, （1）（2）两项.
Levels 一、 and （一） after a colon or semicolon are split by runon.split_run_on.
"""
from __future__ import annotations

import re

from gongwen.text.numbering import parse_ordinal

from .paragraphs import Paragraph, pieces

# The first item: （1） or 1、 1. 1． after a colon, or at the paragraph's start (each
# pattern led by a class: re skips to candidates in C).
FIRST = r"(?P<ord>[（(]1[）)]|1[、.．](?!\d))"
RE_FIRST = re.compile(r"[：:][ \t　]*" + FIRST)
RE_FIRST_AT_START = re.compile(FIRST)
# …or the last item of a pasted line, after a sentence end, its second on the next line
# (……规范公开行为。1、加强培训指导。 ⏎ 2、建立工作机制。).
RE_FIRST_AFTER_STOP = re.compile(r"[。！？!?][ \t　]*" + FIRST)
# A next item: right after a 分号 or 句号 (a space may come between, as pasted).
RE_NEXT = {
    "bracket": re.compile(r"[；;。][ \t　]*(?P<ord>[（(](?P<num>\d{1,3})[）)])"),
    "、": re.compile(r"[；;。][ \t　]*(?P<ord>(?P<num>\d{1,3})、)(?!\d)"),
    ".": re.compile(r"[；;。][ \t　]*(?P<ord>(?P<num>\d{1,3})[.．])(?!\d)"),
}
# Any next item at all: a page without one has no run. One pattern per mark, each led
# by its literal: re scans for a literal three times faster than for a class.
# (A lone first item after a colon may have its second on the next line: ：1. too.)
ANY_ITEM = r"\s*(?:[（(]\d{1,3}[）)]|\d{1,3}[、.．](?!\d))"
RE_ANY_NEXT = tuple(re.compile(mark + ANY_ITEM) for mark in "。；;：:")
# Where each of them can start: the mark, then what an item starts with, right after it
# or after spaces. Written as two alternatives without groups, this scans a page that has
# none (nearly every page) about twice as fast; the pattern above is tried where it finds one.
RE_ANY_NEXT_HINT = tuple(re.compile(rf"{mark}[（(\d]|{mark}\s+[（(\d]") for mark in "。；;：:")
# The same within one line of a text of lines (paragraphs joined by "\n"): its spaces are
# any but "\n" (……。⏎2.…, a paragraph after one that ends a sentence, is not a run).
SPACES_IN_LINE = r"[^\S\n]"
RE_ANY_NEXT_IN_LINE = tuple(re.compile(mark + ANY_ITEM.replace(r"\s", SPACES_IN_LINE, 1))
                            for mark in "。；;：:")
RE_ANY_NEXT_HINT_IN_LINE = tuple(
    re.compile(rf"{mark}[（(\d]|{mark}{SPACES_IN_LINE}+[（(\d]") for mark in "。；;：:")
# A note's lead word before the colon (not inside a word: 具体说明： is prose; a table's
# last number may stand right before it in pasted text): the cut is made before it, so
# that 注： stands alone and starts a part of its own (gongwen.check.parts).
RE_NOTE_LEAD = re.compile(r"(?<![\u4e00-\u9fff])(?:注|说明|备注)[ \t　]*[：:][ \t　]*$")
LEVELS = {"bracket": 4, "、": 3, ".": 3}
# How many slips a run may hold (a swap is two: 1、3、2、).
SLIPS_MAX = 2


def may_hold_items(text: str, in_line: bool = False) -> bool:
    """Can the page's text hold a run at all (an item after a 分号 or 句号)? One search
    of the whole text, cheaper than a look at each paragraph: most pages have none.
    in_line: the item follows within its line (`text`: paragraphs joined by "\n")."""
    hints, patterns = (RE_ANY_NEXT_HINT_IN_LINE, RE_ANY_NEXT_IN_LINE) if in_line else \
        (RE_ANY_NEXT_HINT, RE_ANY_NEXT)
    for mark, hint, pattern in zip("。；;：:", hints, patterns):
        if mark not in text:
            continue
        pos = 0
        while (m := hint.search(text, pos)) is not None:  # (year: 2025 is one, not an item)
            if pattern.match(text, m.start()) is not None:
                return True
            pos = m.start() + 1
    return False


def _form(ordinal: str) -> str:
    if ordinal[0] in "（(":
        return "bracket"
    return "、" if ordinal[-1] == "、" else "."


# The second item at the start of the next paragraph, by form.
RE_SECOND = {
    "bracket": re.compile(r"[（(]2[）)]"),
    "、": re.compile(r"2、(?!\d)"),
    ".": re.compile(r"2[.．](?!\d)"),
}


# The missing item of a gap, written right after the text before it (pasted without its
# line break: 3、评委：李明  王芳  中层领导4、分数统计。5、……): not after a digit or 第,
# and not before one (4、5人 is a range).
GLUED = {
    "bracket": r"[（(]{n}[）)]",
    "、": r"(?<![\d.．第]){n}、(?!\d)",
    ".": r"(?<![\d.．第]){n}[.．](?!\d)",
}


def _glued(text: str, start: int, end: int, number: int, form: str) -> int | None:
    """Where the item `number` of `form` stands between start and end (None: nowhere)."""
    m = re.compile(GLUED[form].format(n=number)).search(text, start, end)
    return m.start() if m is not None else None


def _runs(text: str, follows: str = "") -> list[tuple[int, int, int | None, list[int]]]:
    """Each clear run: (level, where its first item starts, where its 注： starts or None,
    where every item starts). A lone first item after a colon at the end of the
    paragraph is a run when the next paragraph (`follows`) starts with the second:
    注：1.上午为学法指导。 ⏎ 2.……"""
    runs: list[tuple[int, int, int | None, list[int]]] = []
    pos = 0
    first = RE_FIRST_AT_START.match(text)
    while first is not None or (first := RE_FIRST.search(text, pos)) is not None:
        start = first.start("ord")
        items = [start]
        form = _form(first["ord"])
        pattern = RE_NEXT[form]
        last, slips, scan = 1, 0, first.end()
        while (m := pattern.search(text, scan)) is not None:
            # Another run's first item after a colon ends this one.
            restart = RE_FIRST.search(text, scan, m.start("ord") + 1)
            if restart is not None and restart.start("ord") < m.start("ord"):
                break
            number = int(m["num"])
            if number == last + 2 and (glued := _glued(text, scan, m.start("ord"), number - 1,
                                                       form)) is not None:
                items.append(glued)  # ……中层领导4、分数统计。5、…: pasted, no mark before 4、
                last = number - 1
            if number != last + 1:
                if slips == SLIPS_MAX or not (1 <= number and last - 1 <= number <= last + 2):
                    break
                slips += 1
            items.append(m.start("ord"))
            last, scan = number, m.end()
        alone = len(items) == 1 and start > 0 and RE_SECOND[form].match(follows) is not None \
            and RE_FIRST.search(text, scan) is None
        if len(items) >= 3 or len(items) == 2 and slips == 0 or alone:
            note = RE_NOTE_LEAD.search(text, 0, start) if start else None
            runs.append((LEVELS[form], start, note.start() if note else None, items))
        pos, first = max(scan, first.end()), None
    if not runs and follows[:1] in NEXT_LEADS and (run := _run_on_below(text, follows)):
        runs.append(run)
    return runs


NEXT_LEADS = frozenset("123456789（(")  # (what a next item starts with: most paragraphs not)


def _run_on_below(text: str, follows: str) -> tuple[int, int, None, list[int]] | None:
    """A pasted line's last run after a sentence end, 1、… (or 1、…。2、…), whose next
    item starts the next line (……规范公开行为。1、加强培训。 ⏎ 2、建立机制。, or
    ……三、过程管理。1、……。2、……。 ⏎ 3、……): (level, start, None, items), else None."""
    following = parse_ordinal(follows)
    if following is None or following.number < 2 or following.level < 3:
        return None  # (most paragraphs: the next one is no item after a first)
    last = max(RE_FIRST_AFTER_STOP.finditer(text), key=re.Match.start, default=None)
    if last is None:
        return None
    form = _form(last["ord"])
    items, number, scan = [last.start("ord")], 1, last.end()
    while (m := RE_NEXT[form].search(text, scan)) is not None and int(m["num"]) == number + 1:
        items.append(m.start("ord"))
        number, scan = number + 1, m.end()
    if RE_NEXT[form].search(text, scan) is not None:
        return None  # (the run does not reach the end of the line)
    if _form(following.raw) != form or following.number != number + 1:
        return None
    return LEVELS[form], items[0], None, items


def _opened(open_levels: list[bool], level: int) -> None:
    open_levels[level] = True
    for lower in range(level + 1, 5):
        open_levels[lower] = False


def split_items(paragraphs: list[Paragraph], markdown: bool) -> list[Paragraph]:
    """Split every paragraph that holds a clear run of items at each item."""
    out: list[Paragraph] = []
    # open_levels[L]: a heading of level L has been read under the current parent; a
    # run after a colon at that level would number it again from one, so it stays prose
    # (unless it is a note, which starts a part of its own). Brought up to date only
    # where a run is found (most pages have none): each paragraph is noted once.
    open_levels = [False] * 5
    noted = 0
    for index, para in enumerate(paragraphs):
        text = para.text
        if para.role or markdown and para.list_item or "1" not in text or not (runs := _runs(
                text, paragraphs[index + 1].text if index + 1 < len(paragraphs) else "")):
            out.append(para)
            continue
        for earlier in range(noted, index + 1):
            seen = paragraphs[earlier]
            if seen.role and seen.role != "markdown" or markdown and seen.list_item:
                continue
            if seen.section_break:  # 1.2　…, 第三条: every level starts afresh below it
                open_levels = [False] * 5
            head = seen.heading or parse_ordinal(seen.text)
            if head is not None:
                _opened(open_levels, head.level)
        noted = index + 1
        cuts: list[int] = []
        for level, start, note, items in runs:
            if start == 0 or note is not None or not open_levels[level]:
                if note:
                    cuts.append(note)
                cuts += items
                _opened(open_levels, level)
        if not (cuts := [c for c in cuts if c > 0]):
            out.append(para)
            continue
        for i, (lines, piece) in enumerate(pieces(para, cuts)):
            if not piece.strip():
                continue
            if i == 0:
                out.append(Paragraph(lines[0].number, lines, piece, raw_first=para.raw_first,
                                     section_break=para.section_break, new_part=para.new_part))
            else:
                out.append(Paragraph(lines[0].number, lines, piece, raw_first=piece))
    return out
