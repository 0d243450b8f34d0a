"""Key words of the parts (slots): which part a heading or a lead sentence names.

Split off gongwen.check.rules.sections (which finds the parts): the key words of each
slot, the one (or two) parts a title names, and which titles need reading at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import Schema, Slot
from .scan import SPACES_BUT_NEWLINE, indices_with_any

# A heading naming two parts is split at its conjunctions: 存在的不足及下一步打算.
RE_CONJUNCTION = re.compile(r"以及|[和及与、，,；;：:]")
# What carries no meaning for a title: quotes, spaces, a bracketed aside (（2026年3月）).
RE_TITLE_NOISE = re.compile(r"[\s“”‘’\"'《》〈〉「」『』]|（[^（）]*）|\([^()]*\)")
# A key word names the part only as the head of its phrase, at the end of it, before
# nothing but words like these: 查摆问题情况, 下步工作. 确保家庭经济困难学生应助 is a
# topic whose head is 应助, not a problems part. (原因分析, 问题成因分析: the 分析 of it;
# 各项工作成效显著: a key word said to be so.)
TRAILING_WORDS = ("工作", "情况", "方面", "部分", "事项", "报告", "汇报", "说明", "分析", "显著",
                  "明显", "丰硕", "等")
TRAILING_LAST = frozenset(w[-1] for w in TRAILING_WORDS) | frozenset("。：:的之")
# The trailing words by their last character (in TRAILING_WORDS order): only those can
# end where the text ends.
TRAILING_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(w for w in TRAILING_WORDS if w[-1] == last)
    for last in {w[-1] for w in TRAILING_WORDS}}


def word_ends(text: str) -> list[int]:
    """Where a key word may end in a conjunct: at its end, or before its trailing words
    ([的之]?(工作|情况|…)*[。：:]?), latest first."""
    end = len(text)
    ends = [end]
    if not end or text[end - 1] not in TRAILING_LAST:
        return ends  # most titles: nothing trails
    if text[end - 1] in "。：:":
        end -= 1
        ends.append(end)
    while end:
        for word in TRAILING_BY_LAST.get(text[end - 1], ()):
            if text.endswith(word, 0, end):
                end -= len(word)
                ends.append(end)
                break
        else:
            break
    if end and text[end - 1] in "的之":
        ends.append(end - 1)
    return ends


@dataclass(frozen=True)
class Keys:
    """The key words of some slots, for lookup by the text just before a word end."""

    slots: tuple[Slot, ...]
    words: dict[str, Slot]       # key word → its slot (the first in schema order)
    # The key words' lengths, longest first, by the words' last character: only a word
    # ending in the character before a word end can end there.
    lengths: dict[str, tuple[int, ...]]
    anywhere: re.Pattern[str]    # any key word: a title without one names no part
    # (slot name, its `unless` patterns) of the slots that have any, as one pattern
    # when they can be joined.
    unless: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]


# What would change meaning in a pattern joined with others: a group reference or name,
# an inline flag.
RE_NOT_JOINABLE = re.compile(r"\\\d|\(\?P|\(\?[aiLmsux-]")


def joined(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """The patterns as one (a single scan), unless joining them would change them."""
    if len(patterns) < 2 or any(RE_NOT_JOINABLE.search(p.pattern) or p.flags & ~re.UNICODE
                                for p in patterns):
        return patterns
    return (one_pattern(patterns),)


def make_keys(slots: list[Slot]) -> Keys:
    words: dict[str, Slot] = {}
    for slot in slots:
        for word in slot.synonyms:  # non-empty (schema.py)
            words.setdefault(word, slot)
    lengths = {last: tuple(sorted({len(w) for w in words if w[-1] == last}, reverse=True))
               for last in {w[-1] for w in words}}
    # Longest first, literals only: re skips straight to the candidates.
    anywhere = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                          or "(?!)")
    unless = tuple((s.name, joined(s.unless)) for s in slots if s.unless)
    return Keys(tuple(slots), words, lengths, anywhere, unless)


# Per schema (by identity; a schema is loaded once and kept): its key words by use.
# Hashing a Schema would hash all its slots on every call.
_KEYED: dict[int, tuple[Schema, dict]] = {}


def _of_schema(schema: Schema) -> dict:
    """What is derived from `schema` once (kept while the schema is the one loaded)."""
    hit = _KEYED.get(id(schema))
    if hit is None or hit[0] is not schema:
        hit = (schema, {})
        _KEYED[id(schema)] = hit
    return hit[1]


def lead_patterns(schema: Schema) -> tuple[tuple[tuple[Slot, tuple[re.Pattern[str], ...]], ...],
                                           re.Pattern[str] | None]:
    """The slots with lead phrases, each with its phrases (joined when they can be), and
    all of them as one pattern (None when they cannot be joined): most lead sentences
    open no part, and one search says so."""
    derived = _of_schema(schema)
    if "lead-patterns" not in derived:
        led = tuple((slot, joined(slot.leads)) for slot in schema.slots if slot.leads)
        every = tuple(p for slot in schema.slots for p in slot.leads)
        one = joined(every) if every else ()
        derived["lead-patterns"] = (led, one[0] if len(one) == 1 else None)
    return derived["lead-patterns"]


def key_words(schema: Schema, use: int | str) -> Keys:
    """Key words of the slots a level-1 or level-2 heading (use 1, 2) or a lead sentence
    (use 'lead') may name."""
    hit = (schema, _of_schema(schema))
    if use not in hit[1]:
        if use == "lead":
            slots = [s for s in schema.slots if s.synonyms and s.where == "body"]
        else:
            slots = [s for s in schema.slots if s.synonyms and use in s.levels]
        hit[1][use] = make_keys(slots)
    return hit[1][use]


def winners(title: str, keys: Keys) -> set[str]:
    """The parts a heading names: in each conjunct, the slot whose key word ends last
    (the head of a Chinese noun phrase is at its end: 问题产生的根源 is about 根源),
    the longer key word at a tie (保障措施 over 措施)."""
    out: set[str] = set()
    if not keys.words:
        return out
    if not title.isalnum():  # (every match of RE_TITLE_NOISE starts with a character
        title = RE_TITLE_NOISE.sub("", title)  # that is not a letter or digit: a C test)
    if not keys.anywhere.search(title):
        return out  # most headings: no key word at all
    vetoed: set[str] | None = None
    for conjunct in RE_CONJUNCTION.split(title):
        if not conjunct:
            continue
        # A key word ends where only trailing words (情况, 工作…) follow: the end of the
        # conjunct, or a point inside its trailing words.
        for end in word_ends(conjunct):
            slot = None
            for length in keys.lengths.get(conjunct[end - 1], ()) if end else ():
                if length <= end:
                    slot = keys.words.get(conjunct[end - length:end])
                    if slot is not None:
                        if vetoed is None:
                            vetoed = {name for name, patterns in keys.unless
                                      if any(p.search(title) for p in patterns)}
                        if slot.name not in vetoed:
                            break
                        slot = None
            if slot is not None:
                out.add(slot.name)
                break
    return out


# What every match of RE_TITLE_NOISE starts with (a hint for scan.indices_with).
TITLE_NOISE_START = f"[{SPACES_BUT_NEWLINE}“”‘’\"'《》〈〉「」『』（(]"
RE_TITLE_NOISE_HINT = re.compile(TITLE_NOISE_START)
NO_NAMES: frozenset[str] = frozenset()
# Per set of Keys (by identity, as _KEYED): the key words of all, as one pattern.
_ALL_WORDS: dict[tuple[int, ...], tuple[tuple[Keys, ...], re.Pattern[str]]] = {}


def _any_word(keyed: dict[int, Keys]) -> re.Pattern[str]:
    """A key word of any of the Keys: one pattern (literals only), one scan of the titles."""
    keys = tuple(keyed.values())
    hit = _ALL_WORDS.get(tuple(map(id, keys)))
    if hit is None or any(a is not b for a, b in zip(hit[0], keys)):
        words = sorted({word for k in keys for word in k.words}, key=len, reverse=True)
        hit = (keys, re.compile("|".join(map(re.escape, words)) or "(?!)"))
        _ALL_WORDS[tuple(map(id, keys))] = hit
    return hit[1]


def titles_to_read(titles: list[str], keyed: dict[int, Keys]) -> set[int]:
    """The titles winners() may find a part in: those with noise to remove or with a
    key word (of either level: the key words of a title's own level are among them).
    A scan of all titles at once: a long outline names parts in few of them."""
    return indices_with_any(titles, (RE_TITLE_NOISE_HINT, _any_word(keyed)))


_ONE: dict[tuple[str, ...], re.Pattern] = {}


def one_pattern(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    """The slot's phrases as one pattern: one scan of each paragraph, not one a phrase."""
    key = tuple(p.pattern for p in patterns)
    hit = _ONE.get(key)
    if hit is None:
        hit = _ONE[key] = re.compile("|".join(f"(?:{p})" for p in key))
    return hit


def slot_data(schema: Schema) -> tuple:
    """What sections._match derives from the schema alone (once per schema, not per
    page): the slots, their order by name, the key words of levels 1 and 2, the slots
    named by the pattern of a whole title, and all of those patterns as one (None: no
    such slot)."""
    derived = _of_schema(schema)
    found = derived.get("sections")
    if found is None:
        slots = tuple(schema.slots)
        by_title = [(s.name, s.levels, one_pattern(s.titles)) for s in slots if s.titles]
        found = derived["sections"] = (
            slots, {s.name: s.order for s in slots},
            {1: key_words(schema, 1), 2: key_words(schema, 2)}, by_title,
            one_pattern(tuple(p for _, _, p in by_title)) if by_title else None)
    return found
