"""Ordinals of the four outline levels (GB/T 9704-2012 §7.3.3) and Chinese numerals.

Level 1 一、  level 2 （一）  level 3 1.  level 4 （1）.  The parser is lenient on
purpose: it also recognises the common wrong forms (一. 1、 （一）、 half-width
brackets) and reports how the ordinal was written, so that rules can flag them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

CN_DIGITS = "零一二三四五六七八九"
CN_NUMERAL = "[一二三四五六七八九十百零〇两]+"

# Level 1: 一、 (correct); 一. 一． 一， are common slips.
RE_L1 = re.compile(rf"^(?P<num>{CN_NUMERAL})(?P<punct>[、\.．，,])")
# After 二、: 三级, 二季度, 四线: the numbers of a range (二、三级子公司), not a title.
RE_RANGE_REST = re.compile(r"^([一二三四五六七八九])(?:级|季度|线|产业|类|档|批|期)")
# Level 2: （一） with optional stray 顿号 after it; brackets of either width.
RE_L2 = re.compile(rf"^(?P<open>[（(])(?P<num>{CN_NUMERAL})(?P<close>[）)])(?P<extra>[、，,.．]?)")
# Level 3: 1. (correct); 1、 1． are slips. Not followed by a digit (1.5亿 is a number),
# unless the digits are a year or a month (20.2026年10件民生实事：…, 1.10月19日转发…,
# 2.2010届毕业生…: no decimal is followed by 年, 届, 级 or 月).
RE_L3 = re.compile(
    r"^(?P<num>\d{1,3})(?P<punct>[\.．、])(?!(?!(?:19|20)\d\d[年届级]|(?:1[0-2]|0?[1-9])月)\d)")
# The same with a space slipped in: before the mark (四 、其他事项, 25 .…) or inside a
# numeral padded to the width of a longer one ((十 八) under (二十一)), or inside the
# brackets around it (（ 一 ）, ( 一)). Still read (GW101 says so); tried only where the
# patterns above fail and a space stands near the start.
SPACE = "[ \u3000]"
RE_L1_SPACED = re.compile(rf"^(?P<num>{CN_NUMERAL}){SPACE}(?P<punct>[、\.．，,])")
RE_L2_SPACED = re.compile(rf"^(?P<open>[（(]){SPACE}*(?P<num>{CN_NUMERAL}(?:{SPACE}{CN_NUMERAL})?)"
                          rf"{SPACE}*(?P<close>[）)])(?P<extra>[、，,.．]?)")
RE_L3_SPACED = re.compile(r"^(?P<num>\d{1,3})" + SPACE + RE_L3.pattern[len(r"^(?P<num>\d{1,3})"):])
SPACED_REACH = 8
# Level 4: （1） with optional stray 顿号.
RE_L4 = re.compile(r"^(?P<open>[（(])(?P<num>\d{1,3})(?P<close>[）)])(?P<extra>[、，,.．]?)")

# ⑴–⒇ (U+2474–U+2487): one character each, read as （1）–（20） (level 4; GW101 says to
# write （1）, GB/T 9704-2012 §7.3.3).
PAREN_DIGIT_FIRST = 0x2474
PAREN_DIGITS = frozenset(map(chr, range(PAREN_DIGIT_FIRST, PAREN_DIGIT_FIRST + 20)))

# What an ordinal can start with: most paragraphs start with none of these and are
# turned away without trying the four patterns.
BRACKET_LEADS = "（("
BRACKET_SET = frozenset(BRACKET_LEADS)  # ("" in a str is True; in a set it is not)
NUMERAL_LEADS = frozenset("一二三四五六七八九十百零〇两")
# (and digits, str.isdigit: ⑴–⑼ are digits to it, ⑽–⒇ are not)
ORDINAL_LEADS = NUMERAL_LEADS | frozenset(BRACKET_LEADS) | PAREN_DIGITS

FULL_WIDTH_BRACKETS = "（）"
HALF_WIDTH_BRACKETS = "()"


# Pure functions of a few distinct values, called for every ordinal and enumeration
# item: a small bounded cache (nothing an author edits is kept in it).
@lru_cache(maxsize=2048, typed=True)
def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral up to 999 (一 → 1, 十二 → 12, 二十 → 20), or None."""
    if not text:
        return None
    text = text.replace("两", "二").replace("〇", "零")
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS.index(ch)
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total or None


@lru_cache(maxsize=2048, typed=True)
def int_to_cn(n: int) -> str:
    """Chinese numeral for 1..999 as written in ordinals (11 → 十一, 20 → 二十)."""
    if not 0 < n < 1000:
        raise ValueError(f"ordinal out of range: {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += CN_DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else CN_DIGITS[tens]) + "十"
    if ones:
        out += CN_DIGITS[ones]
    return out


class Ordinal(NamedTuple):
    """An ordinal at the start of a line, as written (immutable: a tuple, built several
    times faster than a frozen dataclass).

    level: 1..4; label: the numeral as written (三, 2); number: its value;
    raw: the whole ordinal text (（一）、); rest: what follows it;
    expected: the canonical form (（一）); width: 'full', 'half' or 'mixed'
    for bracketed levels, '' otherwise.
    """

    level: int
    label: str
    number: int
    raw: str
    rest: str
    expected: str
    width: str = ""


@lru_cache(maxsize=2048, typed=True)
def canonical(level: int, number: int) -> str:
    """The correct way to write ordinal `number` at `level`."""
    if level == 1:
        return f"{int_to_cn(number)}、"
    if level == 2:
        return f"（{int_to_cn(number)}）"
    if level == 3:
        return f"{number}."
    if level == 4:
        return f"（{number}）"
    raise ValueError(f"no such level: {level}")


def _width(open_: str, close: str) -> str:
    full = (open_ == "（") + (close == "）")
    return "full" if full == 2 else "half" if full == 0 else "mixed"


# The checker asks about the same line about six times (layout, document, rules):
# while check_text runs, answers are memoised by text in a per-document dict
# (Ordinal is frozen, so sharing one is safe); outside a check nothing is kept.
_NO = object()
ordinal_memo: dict[str, Ordinal | None] | None = None


def parse_ordinal(text: str) -> Ordinal | None:
    """Read the ordinal at the start of `text` (already stripped of Markdown '#')."""
    memo = ordinal_memo
    if memo is None:
        return _parse_ordinal(text)
    found = memo.get(text, _NO)
    if found is _NO:
        lead = text[:1]
        if lead not in ORDINAL_LEADS and not lead.isdigit():
            return None  # most lines: not worth a memo entry
        found = memo[text] = _parse_ordinal(text)
    return found  # type: ignore[return-value]


# Ordinal(*values), built in C (the named tuple's own __new__ is Python code).
_new = tuple.__new__
# Bracket width by the pair of brackets as written (see _width).
WIDTHS = {o + c: _width(o, c) for o in "（(" for c in "）)"}


def _parse_ordinal(text: str) -> Ordinal | None:
    lead = text[:1]
    if not lead:
        return None
    # The usual short forms, 一、 and （一）（1） (a numeral of one character), are measured
    # without a pattern: `end`, where the match of RE_L1, RE_L2 or RE_L4 would end.
    end = 0
    if lead in BRACKET_LEADS:
        if ((second := text[1:2]) in NUMERAL_LEADS or second.isdecimal()) \
                and text[2:3] in CLOSE_BRACKETS:
            end = 4 if text[3:4] in BRACKET_EXTRAS else 3
        else:
            # （一） or （1）: the character after the bracket tells which (never both).
            m = RE_L2.match(text) or RE_L4.match(text)
    elif lead in NUMERAL_LEADS:
        if text[1:2] in L1_MARKS:
            end = 2
        else:
            m = RE_L1.match(text)
    elif lead in PAREN_DIGITS:  # ⑴: （1）, in one character (its own mark after it: a slip)
        number, end = ord(lead) - PAREN_DIGIT_FIRST + 1, 2 if text[1:2] in BRACKET_EXTRAS else 1
        return _new(Ordinal, (4, str(number), number, text[:end], text[end:],
                              canonical(4, number), "full"))
    elif lead.isdigit():  # a superset of the \d that RE_L3 matches
        m = RE_L3.match(text)
    else:
        return None
    if not end:
        if m is None:
            if " " not in text[:SPACED_REACH] and "\u3000" not in text[:SPACED_REACH]:
                return None
            m = (RE_L2_SPACED if lead in BRACKET_LEADS else
                 RE_L1_SPACED if lead in NUMERAL_LEADS else RE_L3_SPACED).match(text)
            if m is None:
                return None
        end = m.end()
    raw = text[:end]
    fields = _fields(raw)
    if fields is None:
        return None
    level, label, number, expected, width = fields
    # 一是 / 一方面 are enumerations, not headings: the punctuation is required above.
    # 二、三级子公司, 一、二季度, 三、四线城市 (a line wrapped there) are a range.
    if level == 1 and text[end:end + 1] in RANGE_LEADS and _is_range(number, text[end:end + 3]):
        return None
    # （1）、（4）、（5）班：… lists numbers (of classes, of items cited), it heads nothing.
    if raw[-1] in "、，," and lead in BRACKET_LEADS and text[end:end + 1] in BRACKET_SET:
        return None
    return _new(Ordinal, (level, label, number, raw, text[end:], expected, width))


# The marks after an ordinal's numeral (RE_L1's punct) and bracket (RE_L2's and RE_L4's
# close, extra), as sets: "" (a text that ends there) is in none.
L1_MARKS = frozenset("、.．，,")
CLOSE_BRACKETS = frozenset("）)")
BRACKET_EXTRAS = frozenset("、，,.．")


# parse_ordinal for a text asked about once (a # heading's: no pass reads it again): the
# same answer, without a memo entry.
parse_ordinal_once = _parse_ordinal

# What a range's second number starts with (RE_RANGE_REST).
RANGE_LEADS = frozenset("一二三四五六七八九")


@lru_cache(maxsize=4096)
def _fields(raw: str) -> tuple[int, str, int, str, str] | None:
    """What an ordinal as written says (（一）、 → 2, 一, 1, （一）, full), None for a value of
    zero. An ordinal is one of a few hundred, and its pattern matches it alone as it matched
    it in its line (only RE_L3 looks past it, at what follows): worked out once for each."""
    lead = raw[0]
    if lead in BRACKET_LEADS:
        m = RE_L2.match(raw) or RE_L2_SPACED.match(raw)
        level, number = (2, cn_to_int(m["num"].replace(" ", "").replace("\u3000", ""))) \
            if m else (4, int((m := RE_L4.match(raw))["num"]))
        width = WIDTHS[m["open"] + m["close"]]
    elif lead in NUMERAL_LEADS:
        m = RE_L1.match(raw) or RE_L1_SPACED.match(raw)
        level, number, width = 1, cn_to_int(m["num"]), ""
    else:
        m = RE_L3.match(raw) or RE_L3_SPACED.match(raw)
        level, number, width = 3, int(m["num"]), ""
    if not number or number > 999:  # 百百百…、 (a thousand and more): no ordinal is written so
        return None
    return level, m["num"], number, canonical(level, number), width


def written_slip(raw: str) -> str:
    """What GW101 calls an ordinal written otherwise than its standard form."""
    if " " in raw or "\u3000" in raw:
        return "序号中间多了空格"
    return "序数写法不规范" if raw[0] in PAREN_DIGITS else "序数标点不当"


def _is_range(number: int, rest: str) -> bool:
    m = RE_RANGE_REST.match(rest)
    return m is not None and cn_to_int(m[1]) == number + 1


# --- In-paragraph enumeration items: 一是…, 首先…, 第一，… ------------------------------
CN_NUM = "一二两三四五六七八九十"
# 一是… 二是…: not 是否/是非 (一是否…), not inside a word (统一是). Up to three numerals,
# spelt [n][n]?[n]? rather than [n]{1,3}: a leading class lets re skip to candidates.
RE_ENUM_SHI = re.compile(rf"(?P<num>[{CN_NUM}][{CN_NUM}]?[{CN_NUM}]?)是(?![否非])")
RE_ENUM_SEQ = re.compile(r"(?P<word>首先|其次|再次|最后)")
# (Not 第二、三节 / 第二、第四项: a 、 before another numeral joins the numbers of a reference.)
RE_ENUM_DI = re.compile(rf"第(?P<num>[{CN_NUM}]{{1,3}})(?=[，,：:]|是|、(?!第?[{CN_NUM}]))")
# What a numbered heading or an enumeration item can start with.
ITEM_LEADS = frozenset(CN_NUM + "首其再最第" + BRACKET_LEADS) | NUMERAL_LEADS
