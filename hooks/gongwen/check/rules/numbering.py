"""Numbering of the four outline levels (一、 （一） 1. （1）): form, gaps, repeats,
order, restart under a new parent, and a child level before any parent."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from itertools import accumulate, compress, count, islice, pairwise, repeat
from operator import gt

from gongwen.common import quote
from gongwen.text.numbering import canonical, written_slip

from ..model import LEVEL_NAMES, Finding, Heading, heading_fields
from .base import GBT_NUMBERING, PRACTICE, Rule, family_member
from .labels import after_a_label
from .stretches import LONG_OUTLINE, STRETCH, TRY_AGAIN, goes_on, plain_outline

# The levels below and up to each level (loops of the walks below: no range() per
# heading).
LOWER = {1: (2, 3, 4), 2: (3, 4), 3: (4,), 4: ()}
UP_TO = {1: (1,), 2: (1, 2), 3: (1, 2, 3), 4: (1, 2, 3, 4)}
LEVEL, NUMBER = heading_fields("level"), heading_fields("number")


# The bracket width of a heading (for a C loop), and the widths that are wrong.
WIDTH = heading_fields("width")
WRONG_WIDTHS = frozenset(("half", "mixed"))


def _normalised(h: Heading) -> str:
    raw = h.raw
    return raw.replace("(", "（").replace(")", "）") if "(" in raw or ")" in raw else raw


def _check_punctuation(document, schema) -> Iterator[Finding]:
    memo: dict[tuple[int, int], str] = {}  # a long outline writes the same ordinals again
    for h in document.headings:
        key = (h.level, h.number)
        expected = memo.get(key)
        if expected is None:
            expected = memo[key] = canonical(h.level, h.number)
        written = h.raw
        if "(" in written or ")" in written:
            written = _normalised(h)
        # 1． (full-width dot) is common in Word documents and reads the same: accepted.
        if written == expected or h.level == 3 and written == f"{h.number}．":
            continue
        what = written_slip(written)
        yield ORDINAL_PUNCTUATION.finding(
            h.line, f"{what}：应为{quote(expected)}，实为{quote(h.raw)}")


def _check_width(document, schema) -> Iterator[Finding]:
    headings = document.headings
    for h in compress(headings, map(WRONG_WIDTHS.__contains__, map(WIDTH, headings))):
        expected = canonical(h.level, h.number)
        what = "半角括号" if h.width == "half" else "全角半角混用的括号"
        yield BRACKET_WIDTH.finding(
            h.line, f"序数括号应为全角：应为{quote(expected)}，实为{quote(h.raw)}（{what}）")


def _canonical(level: int, number: int) -> str:
    """The correct ordinal, or its number past 999 (no Chinese ordinal is written there)."""
    return canonical(level, number) if number < 1000 else f"第{number}个"


def _continuous_levels(headings: list[Heading], breaks: list[int]) -> dict[int, tuple]:
    """Levels numbered on across their parents on purpose (tasks 1.–24. through a whole
    实施意见, problems 1.–3. through two categories of a 整改方案): every new parent goes
    on counting, none starts again at one (the style is consistent: a slip would not be).
    Or numbered on within each higher part: 1. 2. under （一）, 3. under （二）, and 1.
    again under 二、: every （一）-boundary goes on, every 一、-boundary starts again.

    A list that starts at one under a new 一、 after the level's first list, kept under one
    parent (steps 1.–2. under 二、（一）, then tasks 1.–48. through 三、 and 四、; 总体要求's
    （一）（二）, then tasks （一）…（十七） through 二、…六、), and then goes on across the
    parents right above it to the end, is a list of its own: its start is no break of the
    style (returned as `fresh`).

    Returns {level: (first heading, last heading, number of parents, across, fresh)},
    where `across` is the highest level across whose headings the numbering goes on (0:
    all of them, section breaks too); one pass.
    """
    # since[L]: the highest level (0: a section break) met since the last heading of L.
    since = [5] * 5
    went_on = [[0] * 5 for _ in range(5)]    # went_on[L][k]: at a boundary of level k
    restarted = [[0] * 5 for _ in range(5)]
    first: dict[int, Heading] = {}
    last: dict[int, Heading] = {}
    example: dict[int, tuple[Heading, Heading]] = {}  # the first that went on, and before
    crossed = [False] * 5  # the list of each level has gone on across a parent
    lists = [0] * 5  # how many lists of each level have started
    starts: dict[int, Heading] = {}  # where the list of each level started
    going_on: dict[int, Heading] = {}  # the start of the first list that goes on
    # A start that may be a list of its own: [heading, gone on across a parent since].
    candidate: dict[int, list] = {}
    next_break = 0
    break_at = breaks[0] if breaks else len(headings)  # the index of the next break
    level_before = 0  # the level of the heading before
    for index, h in enumerate(headings):
        level = h.level
        if index >= break_at:
            while next_break < len(breaks) and breaks[next_break] <= index:
                next_break += 1
                since[2] = since[3] = since[4] = 0
            break_at = breaks[next_break] if next_break < len(breaks) else len(headings)
        elif level == level_before:
            # The next of a run of one level: no new parent since the heading before, and
            # what it did to the lower levels is done (a long outline is mostly runs).
            last[level] = h
            continue
        level_before = level
        if level not in first:
            first[level] = starts[level] = h
            lists[level] = 1
        elif since[level] < level:  # a new parent since the last heading of this level
            if h.number == 1:
                if level in candidate:  # (a second start: the first was none of its own)
                    restarted[level][1] += 1
                    del candidate[level]
                if since[level] == 1 and lists[level] == 1 and not crossed[level]:
                    candidate[level] = [h, 0]
                else:
                    restarted[level][since[level]] += 1
                crossed[level], starts[level] = False, h
                lists[level] += 1
            else:
                went_on[level][since[level]] += 1
                crossed[level] = True
                if level in candidate and since[level] == level - 1:
                    candidate[level][1] += 1
                example.setdefault(level, (last[level], h))
                going_on.setdefault(level, starts[level])
        last[level] = h
        since[level] = 5
        for lower in LOWER[level]:
            since[lower] = min(since[lower], level)
    fresh: dict[int, set[int]] = {}
    for level, (start, across) in candidate.items():
        # (A level-2 list on across one 一、 only is a part that forgot to start again.)
        if across >= (2 if level == 2 else 1):
            fresh[level] = {id(start)}
        else:
            restarted[level][1] += 1
    out: dict[int, tuple] = {}
    for level in (2, 3, 4):
        on, again = went_on[level], restarted[level]
        parents = sum(on) + sum(again) + 1
        if sum(on) and not sum(again):
            out[level] = (going_on[level], last[level], parents, 0, fresh.get(level, ()))
            continue
        # Within each higher part: the boundaries of some level k and below all go on,
        # those above k (and section breaks) all start again.
        for k in range(2, level):
            if any(on[k:level]) and not any(again[k:level]) and any(again[1:k]) \
                    and not any(on[:k]) and not again[0]:
                out[level] = (*example[level], parents, k, fresh.get(level, ()))
                break
    return out


def _across(continuous: dict[int, tuple], level: int) -> int:
    """The highest level across whose headings `level` is numbered on (5: none)."""
    style = continuous.get(level)
    return 5 if style is None else style[3]


def _analyse(document) -> list[tuple[Rule, Finding]]:
    """Walk the headings once, counting each level under its current parent.

    Linear in the number of headings: what the walk needs to know about the headings
    still to come (is there a parent level further on?) is computed once beforehand.
    """
    out: list[tuple[Rule, Finding]] = []
    headings = document.headings
    if not headings or plain_outline(document):  # (most pages: nothing to report)
        return out
    breaks = document.section_breaks
    # Each part of the page (gongwen.check.parts) numbers in its own style: the levels
    # numbered on across parents are found per part; part_of[i] is heading i's part.
    bounds = [0, *(b for b in document.part_breaks if 0 < b < len(headings)), len(headings)]
    styles: list[dict[int, tuple]] = []
    part_of: list[int] = []
    for part, (start, end) in enumerate(pairwise(bounds)):
        if start == end:
            styles.append({})
            continue
        styles.append(_continuous_levels(
            headings[start:end], [b - start for b in breaks if start <= b < end]))
        part_of.extend([part] * (end - start))
        for level, (first, final, parents, across, _) in styles[-1].items():
            if not across:
                what = (f"{LEVEL_NAMES[level]}从{quote(first.raw)}到{quote(final.raw)}跨{parents}"
                        f"个上级部分连续编号（第{first.line}—{final.line}行）")
            else:  # (first, final): the first heading that went on, and the one before it
                what = (f"{LEVEL_NAMES[level]}在每个{LEVEL_NAMES[across - 1]}之下跨"
                        f"{LEVEL_NAMES[across]}连续编号（如第{final.line}行{quote(final.raw)}"
                        f"接续第{first.line}行{quote(first.raw)}），换{LEVEL_NAMES[across - 1]}"
                        f"时重新起算")
            out.append((CONTINUOUS, CONTINUOUS.finding(
                final.line if across else first.line,
                f"{what}：实施意见等文件常这样编排任务，"
                f"按连续编号检查；若不是有意为之，应在每个部分内重新起算")))
    continuous: dict[int, tuple] = styles[0] if styles else {}
    part_starts = set(bounds[1:-1])
    # lowest_after[i]: the highest (smallest) level among headings[i+1:] (5: none), as
    # running minima from the end (C loops).
    levels = list(map(LEVEL, headings))
    lowest_after = list(accumulate(reversed(levels), min, initial=5))[len(headings) - 1::-1]
    last: dict[int, Heading] = {}    # last heading of each level under the current parent
    stale: dict[int, Heading] = {}   # last heading of a level under the previous parent
    after_break: dict[int, Heading] = {}  # the last of a level before a section break
    highest_seen = 5  # the highest (smallest) level seen so far
    orphan_run: set[int] = set()
    # scope_first[L]: the first heading since the last one above level L (None: none yet),
    # and whether that scope has a parent at all (the start of a document has none).
    scope_first: list[Heading | None] = [None] * 5
    scope_parent = [False] * 5
    next_break = 0
    break_at = breaks[0] if breaks else len(headings)  # the index of the next break
    one_part = len(styles) == 1
    labels: dict[int, int] | None = None
    part_start = False
    part_heads: dict[int, Heading] = {}  # the first heading of the last part, by level
    first_of: dict[int, Heading] = {}    # the first heading of each level
    level_before = 0  # the level of the heading before
    # A long outline is walked a stretch at a time where it simply goes on (see goes_on).
    numbers = list(map(NUMBER, headings)) if len(headings) >= LONG_OUTLINE else None
    try_at = 0
    walk = enumerate(headings)
    for index, h in walk:
        level = h.level
        # The next of a run of one level (most of a long outline), with no break before
        # it: the scopes above it and below it are as the heading before left them.
        same_run = level == level_before and index < break_at and \
            (one_part or part_of[index] == part_of[index - 1])
        level_before = level
        if same_run and numbers is not None and index >= try_at:
            end = goes_on(levels, numbers, index, min(
                index + STRETCH, break_at, bounds[part_of[index] + 1]))
            if end - index < STRETCH // 4:
                # Short runs (（一）（二）（三） again and again): not worth a try for a while.
                try_at = end + TRY_AGAIN
            if end > index:
                last[level] = headings[end - 1]
                deque(islice(walk, end - index - 1), maxlen=0)  # (passed over in C)
                continue
        if not one_part:
            continuous = styles[part_of[index]]
        while index >= break_at and next_break < len(breaks) and breaks[next_break] <= index:
            # A decimal section number (1.2　等级划分) or 第一条: the numbering of every
            # level starts afresh under it.
            # Under it a level may start again at one or go on (工作规则 number their
            # articles 一、…四十七、 across 第一章…第九章).
            # A new part (an attachment, a second document) numbers every level afresh.
            new_part = breaks[next_break] in part_starts
            part_start = part_start or new_part
            next_break += 1
            for level in (1, 2, 3, 4):
                if level in last and (new_part or _across(continuous, level) != 0):
                    after_break[level] = last.pop(level)
                stale.pop(level, None)
                # Under 第三条 or 1.2 the section number is the parent; a new part has none.
                scope_first[level], scope_parent[level] = None, not new_part
            break_at = breaks[next_break] if next_break < len(breaks) else len(headings)
        level = h.level
        # Under 第三条 or 1.2 the items （一）（二） have their parent: the section number.
        if level > 1 and not next_break and highest_seen >= level:
            # 1. lists alone are normal; a child is out of place when its parent level is
            # (一) or when the document uses a parent level further on.
            later_parent = lowest_after[index] < level
            if (level == 2 or later_parent) and level not in orphan_run:
                orphan_run.add(level)
                parent = canonical(level - 1, 1)
                # The headings of this level before the next of a higher one (once per
                # level and document; counted in C: a long outline may have no parent).
                end = next(compress(count(index), map(gt, repeat(level), levels[index:])),
                           len(levels))
                run_len = levels[index:end].count(level)
                out.append((CHILD_BEFORE_PARENT, CHILD_BEFORE_PARENT.finding(
                    h.line,
                    f"层次不当：{quote(h.raw)}等{run_len}个{LEVEL_NAMES[level]}"
                    f"出现在任何上级标题（如{quote(parent)}）之前")))
        opened = scope_first[level]
        if opened is not None and opened.level > level and scope_parent[level]:
            out.append((INVERTED, INVERTED.finding(
                h.line,
                f"层次倒挂：{LEVEL_NAMES[level]}{quote(h.raw)}出现在同一上级之下的"
                f"{LEVEL_NAMES[opened.level]}{quote(opened.raw)}（第{opened.line}行）之后；"
                f"层次依次为一、（一）1.（1），应把{quote(opened.raw)}改为"
                f"{quote(canonical(level, 1))}或调整层次")))
            scope_first[level] = h  # once per scope
        if not same_run:
            for upper in UP_TO[level]:
                if scope_first[upper] is None:
                    scope_first[upper] = h
        first_of.setdefault(level, h)
        if part_start:
            # 1.张某 … 一、… ⏎ 2.李某 ⏎ 一、…: parts headed by the items of an outer list,
            # which go on from part to part.
            part_start = False
            head = part_heads.get(level, first_of[level])
            if h.number == head.number + 1:
                after_break[level] = head
            part_heads[level] = h
        prev = last.get(level)
        if prev is not None and h.number == 1 and level in continuous and \
                id(h) in continuous[level][4]:
            prev = None  # (a list of its own under a new 一、: see _continuous_levels)
        if prev is not None and h.number == 1:
            # A list starting again under a label of its own (情形二：…) is a new list.
            # (Asked only here: a restart under the same parent is rare.)
            if labels is None:
                labels = after_a_label(document)
            if level >= labels.get(id(h), 5):
                prev = None
        if prev is None and level in after_break:
            before = after_break.pop(level)
            if h.number == before.number + 1:
                prev = before
        expected = prev.number + 1 if prev else 1
        if h.number != expected:
            want = _canonical(level, expected)
            old = stale.get(level)
            if prev is None and old is not None and h.number == old.number + 1:
                out.append((NUMBERING_RESTART, NUMBERING_RESTART.finding(
                    h.line, f"序号未在新的上级下重新起算：应为{quote(want)}，实为{quote(h.raw)}"
                            f"（接续了第{old.line}行的{quote(old.raw)}）")))
            elif h.number > expected:
                out.append((NUMBERING_GAP, NUMBERING_GAP.finding(
                    h.line, f"序号跳号：应为{quote(want)}，实为{quote(h.raw)}")))
            elif prev is not None and h.number == prev.number:
                out.append((NUMBERING_REPEAT, NUMBERING_REPEAT.finding(
                    h.line, f"序号重复：应为{quote(want)}，实为{quote(h.raw)}"
                            f"（第{prev.line}行已有{quote(prev.raw)}）")))
            else:
                out.append((NUMBERING_DISORDER, NUMBERING_DISORDER.finding(
                    h.line, f"序号顺序颠倒：应为{quote(want)}，实为{quote(h.raw)}")))
        last[level] = h
        if same_run:
            continue  # (below: what the heading before did already)
        highest_seen = min(highest_seen, level)
        for lower in LOWER[level]:  # (what is above reads only this level's entries)
            scope_first[lower], scope_parent[lower] = None, True
            if after_break:
                after_break.pop(lower, None)
            if lower in last and _across(continuous, lower) > level:
                stale[lower] = last.pop(lower)
    return out


def _family(code: str):
    return family_member("numbering", _analyse, code)


ORDINAL_PUNCTUATION = Rule(
    code="GW101", title="序数标点", name="ordinal-punctuation", severity="warning",
    category="numbering", authority=GBT_NUMBERING, guide="ordinal-punctuation",
    doc="""序数的标点：一级“一、”，二级“（一）”，三级“1.”，四级“（1）”。
为什么：GB/T 9704-2012第7.3.3条规定了四级序数的写法；“（一）、”多一个顿号，“1、”应为下脚点“1.”，
“一.”应为顿号。标准用的是“可以”，所以只提醒，不使构建失败。
正例：（一）坚持规范提升，夯实党建基础。
反例：（一）、坚持规范提升 / 1、深化理论武装 / 一.指导思想 / ⑴会议室集中""",
    check=_check_punctuation)

BRACKET_WIDTH = Rule(
    code="GW102", title="括号宽度", name="bracket-width", severity="warning",
    category="numbering", authority=GBT_NUMBERING, guide="ordinal-punctuation",
    doc="""序数的括号宽度：二级、四级序数用全角括号（一）（1）。
为什么：从网页复制的文本常把括号压成半角 (一)，或一半全角一半半角（一)，排版时对不齐。
正例：（二）强化督查督办
反例：(二)强化督查督办 / （二)强化督查督办""",
    check=_check_width)

NUMBERING_GAP = Rule(
    code="GW103", title="序号跳号", name="numbering-gap", severity="error",
    category="numbering", authority=PRACTICE, guide="numbering",
    doc="""序号跳号：同一层次的序号从一起依次排列，不得跳过。
为什么：跳号说明丢了一部分内容（截断、删改时漏掉），读者会以为缺页。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：（一）…（二）…（三）…
反例：（一）…（三）…（缺“（二）”）""",
    check=_family("GW103"))

NUMBERING_REPEAT = Rule(
    code="GW104", title="序号重复", name="numbering-repeat", severity="error",
    category="numbering", authority=PRACTICE, guide="numbering",
    doc="""序号重复：同一上级下，同一层次的序号不得出现两次。
为什么：重复的序号多是复制粘贴段落后忘了改号，引用“第二部分”时会指错。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：1.…2.…3.…
反例：1.…2.…2.…""",
    check=_family("GW104"))

NUMBERING_DISORDER = Rule(
    code="GW105", title="序号颠倒", name="numbering-disorder", severity="error",
    category="numbering", authority=PRACTICE, guide="numbering",
    doc="""序号顺序颠倒：同一层次的序号只能递增。
为什么：顺序颠倒多是调整段落次序后没有重新编号。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：一、…二、…三、…
反例：一、…三、…二、…""",
    check=_family("GW105"))

NUMBERING_RESTART = Rule(
    code="GW106", title="序号未重新起算", name="numbering-restart", severity="error",
    category="hierarchy", authority=PRACTICE, guide="hierarchy",
    doc="""换了上级后下级序号要重新从一起算；全文一以贯之地接续编号是另一种体例（见“跨部分连续编号”）。
为什么：每个层次在各自的上级之下独立计数；时而接着上一部分往下编、时而重新起算，说明层次关系乱了。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：一、…（一）（二） 二、…（一）（二） 三、…（一）（二）
反例：一、…（一）（二） 二、…（三）（四） 三、…（一）（二）""",
    check=_family("GW106"))

CHILD_BEFORE_PARENT = Rule(
    code="GW111", title="下级先于上级", name="child-before-parent", severity="warning",
    category="hierarchy", authority=PRACTICE, guide="hierarchy",
    doc="""下级序数出现在任何上级之前：如没有“一、”就先出现“（一）”。
为什么：层次序数依次为一、（一）1.（1）；层次可以少用（一、之后直接用1.），但下级不能先于上级。
讲话稿的回顾部分常见这种写法，不算严重错误，所以只提醒。
（GB/T 9704-2012第7.3.3条只规定四级序数的写法；不跳号、不重号、换上级重新起算是通行做法，即实务。）
正例：一、…（一）…（二）…
反例：（一）…（二）…（三）… 一、…""",
    check=_family("GW111"))

CONTINUOUS = Rule(
    code="GW107", title="跨部分连续编号", name="continuous-numbering", severity="info",
    category="numbering", authority=PRACTICE, guide="hierarchy",
    doc="""跨部分连续编号：同一层次的序号不在每个上级之下重新起算，而是贯穿全文连续编排。
为什么：实施意见、工作方案常把任务跨部分连续编号（1.—24.），便于按号分工、督办，是有意的写法，
不是错误；换上级之处都接着编号、没有一处重新起算时这样认定，只提示一次（实务）。
也有在每个一级部分之内跨二级部分连续编号、换一级部分时重新起算的（三、之下1.—20.贯穿（一）至（四）），
同样只提示一次：接续之处都在同一层次的上级处，重新起算之处都在更高一层的上级处。
连续编号时仍检查跳号、重复和颠倒。
正例：一、…1.…5.…二、…6.…10.…三、…11.…（任务连续编号）
反例：一、…（一）（二） 二、…（三）（四） 三、…（一）（二）（时而接续、时而重新起算，按“序号未重新起算”报错）""",  # noqa: E501 (a rule's example is one line)
    check=_family("GW107"))

INVERTED = Rule(
    code="GW112", title="层次倒挂", name="inverted-levels", severity="error",
    category="hierarchy", authority=PRACTICE, guide="hierarchy",
    doc="""层次倒挂：同一上级之下，上一层的序数出现在下一层的序数之后，如“一、”之下先用“1.”，再出现“（一）”。
为什么：GB/T 9704-2012第7.3.3条所列的层次序数依次为“一、”“（一）”“1.”“（1）”；层次可以少用（“一、”之下直接用“1.”），
但不能倒过来，否则读者分不清哪一层挂在哪一层之下（不倒挂是通行做法，即实务）。
正例：一、…（一）…1.…（二）…
反例：一、…1.…（一）…（“（一）”挂在“1.”之后）""",  # noqa: E501 (the summary line)
    check=_family("GW112"))

RULES = [ORDINAL_PUNCTUATION, BRACKET_WIDTH, NUMBERING_GAP, NUMBERING_REPEAT, NUMBERING_DISORDER,
         NUMBERING_RESTART, CONTINUOUS, CHILD_BEFORE_PARENT, INVERTED]
