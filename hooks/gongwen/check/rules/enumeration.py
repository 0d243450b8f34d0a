"""In-paragraph enumerations: 一是…二是…, 首先…其次…最后…, 第一…第二…

The family owns its analysis: `enumerations(document)` finds the items and groups them
into sequences (computed once per document; GW301 counts them too).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from gongwen.common import quote
from gongwen.text.numbering import (
    CN_NUM,
    RE_ENUM_DI,
    cn_to_int,
    int_to_cn,
)

from ..document import Document, Paragraph, line_locator
from ..inline import after_sentence
from ..model import Finding
from .base import PRACTICE, Rule, cached, family_member

SEQUENCE_LABELS = {1: "首先", 2: "其次", 3: "再次"}
# Quick tests before the full patterns: most paragraphs have no item at all. Each
# alternative starts with a literal, so that re skips straight to the candidates.
RE_ENUM_HINT = re.compile("|".join(f"{n}是" for n in CN_NUM) + rf"|第[{CN_NUM}]|首先|其次|再次|"
                                                              r"最后")
CN_NUM_SET = frozenset(CN_NUM)
NOT_AFTER_SHI = frozenset("否非")  # 一是否…: (?![否非]) in RE_ENUM_SHI
new_tuple = tuple.__new__
ENUM_BEFORE = frozenset("。；;：:，,！？!?")
SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}  # 0: "the last", any position
# 其次，/ 再次、 mark an item; 再次表明 (once more) is prose unless a list is open.
ENUM_AFTER_SEQ = set("，,、：:")
MID_SEQUENCE_WORDS = ("首先", "其次", "再次")
# The same by their second character: (second, the first characters before it).
MID_SEQUENCE_ENDS = (("次", "其再"), ("先", "首"))
SENTENCE_BEFORE = frozenset("。；;！？!?")


class Enumeration(NamedTuple):
    """One in-paragraph item: 三是 (kind 是), 其次 (kind 序), 第二 (kind 第).

    A named tuple, not a dataclass: a page makes thousands (three times cheaper)."""

    line: int
    kind: str
    label: str
    number: int  # 0 for 最后
    sequence: int  # items with the same sequence id count together
    paragraph: int = -1  # index in Document.paragraphs
    offset: int = 0      # position in that paragraph's text


def enumerations(document: Document) -> list[Enumeration]:
    """Every enumeration item of the body, in order (cached per document)."""
    return cached(document, "enumerations", _read_all, document)


def _read_all(doc: Document) -> list[Enumeration]:
    out: list[Enumeration] = []
    # stack: (level, scope) of the headings the paragraph stands under, outermost first.
    state = {"scope": 0, "heading_seq": {}, "next_id": 1, "last_number": {}, "recent_seq": {},
             "stack": [], "cell_scope": 0}
    # (The scope counted in a local, put into the state for the paragraphs with items:
    # a long outline is mostly headings.)
    scope, stack = 0, state["stack"]
    # The body paragraph before (its index and itself: see _spoken_first), kept in locals
    # and put into the state for the paragraphs with items.
    before_index, before = -1, None
    for index, para in enumerate(doc.paragraphs):
        role, heading = para.role, para.heading
        if role == "title" or role == "outline":
            continue
        if role == "markdown" or heading is not None:
            scope += 1  # items count afresh under each heading
            level = heading.level if heading is not None else 0
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, scope))
            if role == "markdown":
                continue
        body = para.body
        # (Both of its words asked here first: most titles hold neither.)
        if heading is not None and ("一是" in (title := heading.title) or "第一" in title) \
                and _title_may_hold_items(title):
            # 2.高二期间，分三块，一是复习学考。二是学好选考。: the list begins in the
            # title of a run-in heading and goes on in its body.
            state["para_index"], state["scope"] = index, scope
            state["before"] = None if before is None else (before_index, before)
            _items_in(para, para.text, para.line, out, state, 0, len(para.text) - len(body))
        # Most paragraphs have no item. Every item is a numeral before 是, holds 第, or
        # opens the body with 首先/其次/再次/最后 (or a list begun by 首先 in it): tests
        # many times cheaper than a regex over the body (_items_in looks for the items).
        # A body with 第 (第一次, 第二季度: common, mostly no item) is read when it holds an
        # item of RE_ENUM_DI, or a 其次/再次 that may go on a list (as _matches reads it),
        # or is a table row (_cells reads each cell).
        shi = shi_items(body) if "是" in body else None  # (found once: _items_in reads them)
        # (A character asked before a word: str.find of one is several times faster.)
        if shi or body[:2] in SEQUENCE_WORDS or "首" in body and "首先" in body \
                or "第" in body and ("次" in body or "\t" in body or RE_ENUM_DI.search(body)):
            state["para_index"], state["scope"] = index, scope
            state["before"] = None if before is None else (before_index, before)
            if "\t" in body:
                _cells(para, out, state)
            else:
                _items_in(para, body, para.body_line, out, state, shi=shi or [])
        before_index, before = index, para
    return out


def _title_may_hold_items(title: str) -> bool:
    """Does a list begin after a mark inside a heading's title (……，一是……)? (Not at its
    start: 1.第一阶段 is a title; nor 第十三、十四届 in a sentence: a first item only.)"""
    return "一是" in title and any(start and title[start - 1] in ENUM_BEFORE and num == "一"
                                   for start, _, num in shi_items(title)) \
        or "第一" in title[1:] and any(title[m.start() - 1] in ENUM_BEFORE
                                       for m in RE_FIRST_DI.finditer(title, 1))


RE_FIRST_DI = re.compile(rf"第一(?=[，,：:]|是|、(?!第?[{CN_NUM}]))")  # (as RE_ENUM_DI)


def _spoken_first(seq: int, out: list[Enumeration], state: dict) -> None:
    """一要锚定目标。 ⏎ 二是要力学笃行。: a list begun with 一要 (spoken style) and
    going on with 二是: its first item is counted, rather than a gap reported."""
    before = state.get("before")
    if before is not None and before[1].body.startswith("一要"):
        index, para = before
        out.append(Enumeration(para.body_line, "是", "一要", 1, seq, index,
                               len(para.text) - len(para.body)))
        state["last_number"][seq] = 1


def _cells(para: Paragraph, out: list[Enumeration], state: dict) -> None:
    """A table row (cells between TABs): each cell's items count on their own, and a row
    goes on with no other row's list."""
    body, own_scope = para.body, state["scope"]
    start = 0
    for cell in body.split("\t"):
        end = start + len(cell)
        if RE_ENUM_HINT.search(cell):
            state["cell_scope"] -= 1  # negative: never a heading's scope
            state["scope"] = state["cell_scope"]
            _items_in(para, body, para.body_line, out, state, start, end)
        start = end + 1
    state["scope"] = own_scope


def shi_items(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, numeral) of each match of RE_ENUM_SHI.finditer(text, lo, hi), in order,
    found from the 是 in it (str.find: 是 is common, but far rarer than the numerals a
    regex would stop at). A match is the numerals right before a 是 (at most three, the
    last three of a longer run: where the regex's leftmost match starts), not followed
    by 否 or 非."""
    if hi is None:
        hi = len(text)
    out: list[tuple[int, int, str]] = []
    pos = text.find("是", lo, hi)
    while pos >= 0:
        start = pos
        while start > pos - 3 and start > lo and text[start - 1] in CN_NUM_SET:
            start -= 1
        if start < pos and (pos + 1 >= hi or text[pos + 1] not in NOT_AFTER_SHI):
            out.append((start, pos + 1, text[start:pos]))
        pos = text.find("是", pos + 1, hi)
    return out


def _matches(kind: str, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, numeral or word) of the items of `kind` in text[lo:hi], as the
    patterns of gongwen.text.numbering find them."""
    if kind == "是":
        return shi_items(text, lo, hi) if "是" in text else []
    if kind == "第":
        return [(m.start(), m.end(), m[1]) for m in RE_ENUM_DI.finditer(text, lo, hi)] \
            if "第" in text else []
    # 首先/其次/最后 count at the start of a paragraph (the two characters RE_ENUM_SEQ
    # matches there); inside it only 首先/其次/再次 after a sentence (……。其次，), and
    # 其次/再次 only where they go on a list (_items_in): 最后 inside is prose.
    word = text[lo:lo + 2] if hi - lo >= 2 else ""
    out = [(lo, lo + 2, word)] if word in SEQUENCE_WORDS else []
    # Each of MID_SEQUENCE_WORDS inside text[lo + 1:hi], found from its second character
    # (one character: str.find is several times faster than for two, and 次, 先 are far
    # rarer than the marks before them).
    for second, firsts in MID_SEQUENCE_ENDS:
        pos = text.find(second, lo + 2, hi)
        while pos >= 0:
            if text[pos - 1] in firsts and text[pos - 2] in SENTENCE_BEFORE:
                out.append((pos - 1, pos + 1, text[pos - 1:pos + 1]))
            pos = text.find(second, pos + 1, hi)
    if len(out) > 1:
        out.sort()
    return out


def _items_in(para: Paragraph, text: str, start_line: int, out: list[Enumeration],
              state: dict, lo: int = 0, hi: int | None = None,
              shi: list[tuple[int, int, str]] | None = None) -> None:
    """Read 一是/首先/第一 items of one paragraph body into sequences.

    An item at the start of a paragraph continues the sequence of its heading (items
    usually run one per paragraph); an item inside a paragraph continues the
    paragraph's own sequence, or starts one when it is number one (a nested list).
    Only text[lo:hi] is read (a table cell). `shi`: the 是 items of the whole text,
    when the caller has them already (shi_items(text)).
    """
    if hi is None:
        hi = len(text)
    # The line of a position: the paragraph's own for a paragraph of one line (most),
    # else found by a locator built at the first item.
    one_line = len(para.lines) == 1
    line_of = None
    scope = state["scope"]  # (no other call changes it while this one reads)
    base = len(para.text) - len(text)
    para_index = state["para_index"]
    heading_seqs, recent_seqs, last_number = \
        state["heading_seq"], state["recent_seq"], state["last_number"]
    para_seq: dict[str, int] = {}
    # (首先/其次 before 第N: a list may mix them, 首先…其次…第三, see _mixed_sequence.)
    for kind in ("是", "序", "第"):
        if kind == "是":
            found = shi if shi is not None else _matches(kind, text, lo, hi)
        elif "第" not in text if kind == "第" else text[lo:lo + 2] not in SEQUENCE_WORDS \
                and ("次" not in text or "其次" not in text and "再次" not in text) \
                and ("先" not in text or "首先" not in text):
            continue  # (the first tests _matches makes: most bodies hold 是 items only)
        else:
            found = _matches(kind, text, lo, hi)
        key = (kind, scope)
        # (number, label) of each numeral of this kind (a bounded memo).
        numbered = _NUMBERED.get(kind)
        for pos, end, group in found:
            at_start = pos == lo
            if not at_start and text[pos - 1] not in ENUM_BEFORE and \
                    not after_sentence(text, pos, ENUM_BEFORE):
                continue  # (……。（见专栏6）二是……: a note closed after the sentence)
            if numbered is None:  # 序
                label = group
                number = SEQUENCE_WORDS[label]
                open_ = last_number.get(para_seq.get(kind) or recent_seqs.get(key, -1))
                if number > 1 and open_ != number - 1 and (
                        not at_start or text[end:end + 1] not in ENUM_AFTER_SEQ):
                    continue  # 再次表明 / 其次要 with no list open: prose, not an item
            else:
                try:
                    number, label = numbered[group]
                except KeyError:
                    number, label = numbered[group] = _numbered(kind, group)
                if not number:
                    continue
            if at_start:
                seq = heading_seqs.get(key)
                if seq is not None and number == 1:
                    seq = None  # a fresh 一是 starts a new list under the same heading
                if seq is None:
                    # 主要有两点：一是…。 ⏎ 二是…: a list begun inside the previous
                    # paragraph goes on at the start of this one.
                    recent = recent_seqs.get(key)
                    if recent is not None and last_number.get(recent) == number - 1:
                        seq = recent
                    elif number > 1 and (outer := _outer_sequence(kind, number, state)):
                        # 一是…。 ⏎ （1）… ⏎ （2）… ⏎ 二是…: the sub-items' headings do not end
                        # the list of the heading above them.
                        seq = outer
                    elif number > 1 and (mixed := _mixed_sequence(kind, number, state)):
                        seq = mixed
                    else:
                        seq = state["next_id"]
                        state["next_id"] += 1
                        if kind == "是" and number == 2:
                            _spoken_first(seq, out, state)
                    heading_seqs[key] = seq
                para_seq[kind] = seq
            elif kind in para_seq and number != 1:
                seq = para_seq[kind]
            else:
                heading_seq = heading_seqs.get(key)
                recent = recent_seqs.get(key)
                if number != 1 and heading_seq is not None and \
                        last_number.get(heading_seq) == number - 1:
                    seq = heading_seq
                elif number != 1 and recent is not None and \
                        last_number.get(recent) == number - 1:
                    # A paragraph broken by a hard wrap: …一是经济较 ⏎ 快发展。二是…
                    # (in a .txt every line is a paragraph) goes on with the same list.
                    seq = recent
                elif number > 1 and (mixed := _mixed_sequence(kind, number, state)):
                    seq = mixed
                else:
                    seq = state["next_id"]
                    state["next_id"] += 1
                    if kind == "是" and number > 1:
                        # …以下工作一是… ⏎ lost its break: the previous item is in the text,
                        # without a mark before it. Count it, rather than report a gap.
                        prev_label = f"{int_to_cn(number - 1)}是"
                        at = text.rfind(prev_label, lo, pos)
                        if at >= 0:
                            if line_of is None:
                                line_of = line_locator(para, text, start_line)
                            out.append(Enumeration(start_line if one_line else line_of(at),
                                                   kind, prev_label, number - 1, seq,
                                                   para_index, base + at))
                para_seq[kind] = seq
            last_number[seq] = number
            recent_seqs[key] = seq
            if one_line:
                line = start_line
            else:
                if line_of is None:
                    line_of = line_locator(para, text, start_line)
                line = line_of(pos)
            # Enumeration(...), built in C (the named tuple's own __new__ is Python code).
            out.append(new_tuple(
                Enumeration, (line, kind, label, number, seq, para_index, base + pos)))


# The value and label of each numeral of a 是/第 item, by kind (a bounded memo).
_NUMBERED: dict[str, dict[str, tuple[int, str]]] = {"是": {}, "第": {}}


def _numbered(kind: str, num: str) -> tuple[int, str]:
    return cn_to_int(num) or 0, f"{num}是" if kind == "是" else f"第{num}"


# 首先…其次…第三 / 首先，…第二，…: the ordinal words and 第N mixed in one list.
MIXED_WITH = {"第": "序", "序": "第"}


def _mixed_sequence(kind: str, number: int, state: dict) -> int | None:
    """The list of the other kind (首先/其次 for 第N, and back) that this item (number)
    goes on, under the same heading, if any."""
    other = MIXED_WITH.get(kind)
    if other is None:
        return None
    seq = state["recent_seq"].get((other, state["scope"]))
    return seq if seq is not None and state["last_number"].get(seq) == number - 1 else None


def _outer_sequence(kind: str, number: int, state: dict) -> int | None:
    """The list of a heading further up that this item (number) goes on, if any."""
    heading_seqs, last_number = state["heading_seq"], state["last_number"]
    for _, scope in reversed(state["stack"][:-1]):
        seq = heading_seqs.get((kind, scope))
        if seq is not None:
            return seq if last_number.get(seq) == number - 1 else None
    return None


def label_for(kind: str, number: int) -> str:
    if kind == "是":
        return f"{int_to_cn(number)}是"
    if kind == "第":
        return f"第{int_to_cn(number)}"
    return SEQUENCE_LABELS.get(number, "最后")


def _analyse(document) -> list[tuple[Rule, Finding]]:
    out: list[tuple[Rule, Finding]] = []
    last: dict[int, Enumeration] = {}
    for item in enumerations(document):
        prev = last.get(item.sequence)
        if item.kind == "序" and item.number == 0:
            # 最后 closes any sequence; alone it is ordinary prose (最后，…).
            last[item.sequence] = item
            continue
        if prev is not None and prev.number == 0:
            last[item.sequence] = item  # items after 最后: the list was closed, not counted
            continue
        expected = (prev.number if prev else 0) + 1
        if item.number == expected or prev is None and item.kind in ("是", "第") and \
                _begun_in_other_words(document, item):
            last[item.sequence] = item
            continue
        want = label_for(item.kind, expected)
        if item.number > expected:
            out.append((ENUMERATION_GAP, ENUMERATION_GAP.finding(
                item.line, f"列举跳号：应为{quote(want)}，实为{quote(item.label)}")))
        elif prev is not None and item.number == prev.number:
            out.append((ENUMERATION_ORDER, ENUMERATION_ORDER.finding(
                item.line, f"列举重复：{quote(item.label)}出现两次（第{prev.line}行已有）")))
        else:
            out.append((ENUMERATION_ORDER, ENUMERATION_ORDER.finding(
                item.line, f"列举顺序颠倒：应为{quote(want)}，实为{quote(item.label)}")))
        last[item.sequence] = item
    return out


# 一怕…；二怕…；三是…: a series begun with another word after its numerals; 一个是……；
# 第二，……: or in another of the usual forms.
CLAUSE_START = "，,；;。：:、 \u3000"
OTHER_FORMS = "(?:第{n}|其{n}|{n}(?:是|个是|方面|则|要))"


def _begun_in_other_words(document, item: Enumeration) -> bool:
    """Do the items before a first 三是 (or 第三) stand earlier in its paragraph in another
    of the usual forms (一个是……；第二，……), maybe run into a title that ends in no mark
    (（二）加快屏障建设一是加强……。二是……), or as 一怕…二怕… (each numeral at a clause's
    start with the same word after it)?"""
    text = document.paragraphs[item.paragraph].text[:item.offset]
    if all(re.search(OTHER_FORMS.format(n=int_to_cn(number)), text)
           for number in range(1, item.number)):
        return True
    words = set()
    for number in range(1, item.number):
        numeral = int_to_cn(number)
        at = next((m.start() for m in re.finditer(numeral, text)
                   if m.start() == 0 or text[m.start() - 1] in CLAUSE_START), -1)
        if at < 0 or at + len(numeral) >= len(text):
            return False
        words.add(text[at + len(numeral)])
    return len(words) == 1 and "是" not in words and words.pop().isalpha()


def _family(code: str):
    return family_member("enumeration", _analyse, code)


ENUMERATION_GAP = Rule(
    code="GW121", title="列举跳号", name="enumeration-gap", severity="error",
    category="numbering", authority=PRACTICE, guide="enumeration",
    doc="""段内列举跳号：一是之后应为二是，首先之后应为其次，第一之后应为第二。
为什么：列举跳号说明漏了一项（常见于截断或删改），与标题序号跳号同理。
正例：一是…。二是…。三是…。
反例：一是…。三是…。（缺“二是”）""",
    check=_family("GW121"))

ENUMERATION_ORDER = Rule(
    code="GW122", title="列举重复或颠倒", name="enumeration-order", severity="error",
    category="numbering", authority=PRACTICE, guide="enumeration",
    doc="""段内列举重复或颠倒：同一组列举的序数只能依次递增。
为什么：重复或颠倒多是调整内容后没有改序数，读者数不清有几项。
正例：首先…其次…最后…
反例：一是…二是…二是… / 其次…首先…""",
    check=_family("GW122"))

RULES = [ENUMERATION_GAP, ENUMERATION_ORDER]
