"""Spoken items that answer an announced count without being numbered headings or an
enumeration the numbering rules check: 一要…二要…三要…, and parts named with the
announcement's own word (讲两个问题。第一个问题：…… 第二个问题：……); headings that are
the aspects it names (从德、能、勤、绩、廉五个方面 ⏎ 一、德 … 五、廉)."""
from __future__ import annotations

import re

from gongwen.text.numbering import CN_NUM, cn_to_int

from ..document import Document, line_locator
from .base import cached
from .scan import paragraphs_with_any

# Spoken items: 一要…二要…三要… (第一要…): they answer an announcement (not an
# enumeration the numbering rules check). Not 第一要务, 一要求…
RE_YAO = re.compile(rf"(?:第)?(?P<num>[{CN_NUM}]{{1,2}})要(?![务义求素点领件])")
YAO_BEFORE = frozenset("。；;：:，,！？!?")

# 第一个问题, 第二点, 第三个方面: a part named with the word the count was announced in
# (讲三点意见 → 第一点). 条 is left out: 第一条 is an article of a regulation.
RE_UNIT_ITEM = re.compile(rf"第(?P<num>[{CN_NUM}]{{1,2}})(?P<unit>个问题|个方面|方面|点)")
RE_UNIT_HINT = re.compile(rf"第[{CN_NUM}]")
# What stands before such a part's name: a clause's start, or the verb that says it
# (下面讲第二个问题).
UNIT_BEFORE = frozenset("。；;：:，,！？!?　 \t讲谈说是")
# The announcement's word → the word its parts are named with.
UNITS = {"点": ("点",), "个方面": ("个方面", "方面"), "个问题": ("个问题",),
         "方面问题": ("个方面", "方面", "个问题"), "方面的问题": ("个方面", "方面", "个问题")}
# The first part is named in the announcing paragraph or in one of the next ones.
FIRST_WITHIN = 2


def _yao_run(para, start: int, run: list[tuple[int, str]]) -> bool:
    """Add the 一要/二要 items of one paragraph (from `start`) that go on `run`; is
    there one?"""
    text = para.text
    found = False
    for m in RE_YAO.finditer(text, start):
        pos = m.start()
        if pos and text[pos - 1] not in YAO_BEFORE:
            continue
        if cn_to_int(m.group("num")) != len(run) + 1:
            break
        run.append((line_locator(para, text, para.line)(pos), m.group()))
        found = True
    return found


def yao_items(doc: Document, index: int, offset: int) -> list[tuple[int, str]]:
    """(line, label) of a run of 一要…二要… items after an announcement: later in its
    paragraph (…提三点要求：一要…。二要…), or at the start of the next paragraphs."""
    run: list[tuple[int, str]] = []
    paragraphs = doc.paragraphs
    if not _yao_run(paragraphs[index], offset, run):
        for following in range(index + 1, len(paragraphs)):  # no copy of the rest
            para = paragraphs[following]
            if para.role:
                continue
            if para.heading is not None or not RE_YAO.match(para.text) or \
                    not _yao_run(para, 0, run):
                break
    return run if len(run) >= 2 else []


def _named_parts(doc: Document) -> list[tuple[int, int, int, str, str]]:
    """Every 第一个问题/第二点… at a clause's start: (paragraph index, position, number,
    unit, label), in the document's order (read once per document)."""
    out = []
    paragraphs = doc.paragraphs
    for index in paragraphs_with_any(doc, [RE_UNIT_HINT]):
        para = paragraphs[index]
        if para.role:
            continue
        text = para.text
        for m in RE_UNIT_ITEM.finditer(text):
            pos = m.start()
            if pos and text[pos - 1] not in UNIT_BEFORE:
                continue
            number = cn_to_int(m.group("num"))
            if number:
                out.append((index, pos, number, m.group("unit"), m.group()))
    return out


def _first_named(doc: Document, index: int, offset: int, words: tuple[str, ...]) -> bool:
    """Is there a 第一个问题 (of `words`) in paragraph `index` from `offset`, or in the
    next FIRST_WITHIN paragraphs?"""
    paragraphs = doc.paragraphs
    for i in range(index, min(index + FIRST_WITHIN + 1, len(paragraphs))):
        text, start = paragraphs[i].text, offset if i == index else 0
        if "第一" in text and any(m["unit"] in words and m["num"] == "一"
                                  for m in RE_UNIT_ITEM.finditer(text, start)):
            return True
    return False


def unit_items(doc: Document, index: int, offset: int, unit: str) -> list[tuple[int, str]]:
    """(line, label) of the parts named with the announcement's word (讲两个问题 →
    第一个问题, 第二个问题), the first of them right after the announcement (in its
    paragraph, from `offset`, or in the next ones); empty when fewer than two."""
    words = UNITS.get(unit)
    if not words or not _first_named(doc, index, offset, words):
        return []  # (most announcements: no 第一个问题 right after them)
    parts = [p for p in cached(doc, "named-parts", _named_parts, doc)
             if p[3] in words and (p[0], p[1]) >= (index, offset)]
    if not parts or parts[0][2] != 1 or parts[0][0] - index > FIRST_WITHIN:
        return []
    run = [parts[0]]
    for part in parts[1:]:
        if part[2] != run[-1][2] + 1:
            break
        run.append(part)
    if len(run) < 2:
        return []
    paragraphs = doc.paragraphs
    return [(line_locator(paragraphs[i], paragraphs[i].text, paragraphs[i].line)(pos), label)
            for i, pos, _, _, label in run]


# 一 ⏎ 过去一年…… ⏎ 二 ⏎ ……, or 一　重工业和轻工业: a part marked by its numeral alone on
# its line (or with a short title after a space), as collected speeches print them. The
# reader takes no such line for a heading; only an announcement's count looks for them.
RE_BARE_NUMERAL = re.compile(
    rf"^(?P<num>[{CN_NUM}]{{1,3}})(?:[ \t　]+[^，,。；;：:！？!?]{{1,30}})?$")
RE_BARE_NUMERAL_HINT = re.compile(rf"^[{CN_NUM}]", re.MULTILINE)


def _bare_numerals(doc: Document) -> list[tuple[int, int]]:
    """(paragraph index, number) of every line that is a numeral alone (read once)."""
    out = []
    paragraphs = doc.paragraphs
    for index in paragraphs_with_any(doc, [RE_BARE_NUMERAL_HINT]):
        para = paragraphs[index]
        m = RE_BARE_NUMERAL.match(para.text) if not para.role and para.heading is None \
            else None
        if m and (number := cn_to_int(m.group("num"))):
            out.append((index, number))
    return out


def bare_numeral_parts(doc: Document, index: int, reach: int) -> list[int]:
    """The lines of the parts 一, 二, 三… marked by a numeral alone, the first within
    `reach` paragraphs after paragraph `index`; empty when fewer than two."""
    paragraphs = doc.paragraphs
    if not any(RE_BARE_NUMERAL.match(p.text) for p in paragraphs[index + 1:index + reach + 1]
               if p.text[:1] == "一"):
        return []  # (most announcements: no 一 alone right after them)
    parts = [p for p in cached(doc, "bare-numerals", _bare_numerals, doc) if p[0] > index]
    if not parts or parts[0][1] != 1 or parts[0][0] - index > reach:
        return []
    run = [parts[0]]
    for part in parts[1:]:
        if part[1] == run[-1][1] + 1:
            run.append(part)
        elif part[1] == 1:
            break  # (another list of such parts)
    return [doc.paragraphs[i].line for i, _ in run] if len(run) >= 2 else []


# The parts that may follow the aspects an announcement names (存在的不足, 今后努力方向).
RE_TAIL_PART = re.compile("问题|不足|差距|打算|方向|努力|下一步|今后|措施|建议")


def named_first(headings: list, names: str, count: int, line: int) -> bool:
    """Do the headings from `line` on begin with the `count` aspects `names` lists
    (德、能、勤、绩、廉), in order, and is every part after them one that follows aspects
    (六、存在的不足 七、今后努力方向)? Then those parts answer the count."""
    named = names.split("、")
    first = next((i for i, h in enumerate(headings) if h.line == line), None)
    if first is None or len(named) != count:
        return False
    titles = [h.title for h in headings[first:] if h.level == headings[first].level]
    return len(titles) >= count and all(name and name in title for name, title in
                                        zip(named, titles)) and \
        all(RE_TAIL_PART.search(title) for title in titles[count:])
