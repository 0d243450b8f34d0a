"""Where a new part of a page starts: a document of its own within the page.

A 印发通知 carries its 方案 or 规定 after the signature, sometimes two of them
(……转制为企业的规定 ⏎ …… ⏎ 进一步支持文化企业发展的规定); an attachment (附件1) follows
the 成文日期; a table ends with a 注： list numbered 1. 2. 3. Each numbers its outline
from one and in its own style: one part may restart （一） under every 一、 while the next
numbers its tasks （一）…（三十一） across all of them. The numbering rules therefore
judge "numbered on across parts on purpose" once per part, not once per page, and a
restart at 一、 where a new part starts is no disorder.

`mark_parts` runs after layout.mark_apart: it marks the paragraphs that start a part
(`new_part`), and makes each a section break, so that numbering starts afresh below it.
The patterns of what starts a section or a part (附件, 第三条, 1.2　…) are here too: the
layout passes ask them while they join and split lines.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from gongwen.text.numbering import (
    CN_NUMERAL,
    NUMERAL_LEADS,
    ORDINAL_LEADS,
    Ordinal,
    parse_ordinal,
)

from .articles import (
    ARTICLE_MAX,
    CLAUSE_MARKS,
    PART_TITLE_LAST,
    PART_TITLE_MAX,
    RE_PART_TITLE,
    article_positions,
    is_article_mark,
)
from .paragraphs import Joined, Paragraph, joined

# 附件说明 (GB/T 9704-2012 §7.3.4): 附件：1.××× ⏎ 2.×××; numbers of attachments.
# Also without the colon: 附件1.×××（the list's first entry on the same line).
# And 附1、×××（附 for 附件）.
RE_ATTACHMENTS = re.compile(
    r"^附\s*(?:件(?:\s*[：:]|\s*1(?:、|[.．]\s*[^\s\d.．]))|1(?:、|[.．]\s*[^\s\d.．]))")
# A sentence, then a first heading: no 附件说明 holds this (附件：1.×× 2.××).
RE_FIRST_AFTER_SENTENCE = re.compile(r"[。！？!?：:](?:一、|[（(]一[）)])")
ATTACHMENT_LABEL = 3  # 附件：
# An attached document's own heading: 附件1 on a line of its own (附件, 附2：, 附件一).
ATTACHED_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
RE_ATTACHED = re.compile(rf"^附\s*(?:件\s*{ATTACHED_NUMBER}?|{ATTACHED_NUMBER})[.．：:]?$")
# The same heading with the attachment's title after it (附件2：党员名单, 附2：…, 附件一：…,
# 附：一、…); the 附件说明 list (附件：…, 附件1.…: RE_ATTACHMENTS) is asked first.
RE_ATTACHED_TITLED = re.compile(rf"^附\s*(?:件\s*)?{ATTACHED_NUMBER}?\s*[：:]\s*[^\s\d：:]")
# A 成文日期 (and a note such as （此件公开发布）) that ends the document before an
# attached one; RE_DATE_THEN_ATTACHED finds one followed by 附件 inside a pasted line.
CN_DAY = "[\\d一二三四五六七八九十〇○零]{1,3}"
DATE = (r"(?:(?:19|20)\d\d|二[〇○零][一二三四五六七八九〇○零]{2})年"
        f"{CN_DAY}月{CN_DAY}日" r"(?:（[^（）]{1,12}）)?")
RE_DATE_END = re.compile(DATE + "$")
RE_DATE_THEN_ATTACHED = re.compile(DATE + r"(?=附\s*件\s*\d{0,2}(?![\d：:.．、]))")
# An attached document's first line: 附件, 附件2, maybe its title after (not 附件：, the list).
RE_ATTACHED_LEAD = re.compile(r"^附\s*件\s*\d{0,2}(?![\d：:.．、])")
# 附件1 pasted into the line after the document's last sentence (……更大贡献！附件1 2026年
# 省十件民生实事……一、……), its number maybe run into a title led by a year; a new part
# only where the numbering starts again at 一、 after it (runon, mark_parts).
ATTACHED_RUN_ON = (r"附\s*件\s*(?:\d{1,2}(?=[ \t　]*(?:(?:19|20)\d\d年|[\u4e00-\u9fff]))"
                   r"|(?=[\u4e00-\u9fff]))")
RE_SENTENCE_THEN_ATTACHED = re.compile(r"(?<=[。！？!?])" + ATTACHED_RUN_ON)
RE_ATTACHED_RUN_ON = re.compile("^" + ATTACHED_RUN_ON)
# Opening marks: a line that ends with one goes on in the next (a web page's stray break).
OPENERS = frozenset("（(《“‘【「『〔")
SENTENCE_ENDS = frozenset("。！？!?")
# Lines that restart every level's numbering: decimal section numbers, 第一章/第一条,
# an attached document's own heading (附件1, RE_ATTACHED).
RE_DECIMAL = re.compile(r"^\d{1,2}(?:[.．]\d{1,2}){1,3}(?![\d.．%％])")
RE_SECTION_NUMBER = re.compile(r"^\d{1,2}[ \t　]+[\u4e00-\u9fff]")
RE_NEXT_CELL = re.compile(r"\S[ \t　]+\S")
# (And 第1讲, 第三讲: the lectures of a course of study, each numbered from 一、.)
RE_CHAPTER = re.compile(rf"^第(?:{CN_NUMERAL}(?:章|节|条|编|部分|讲)|\d{{1,2}}讲)(?=[\s：:]|$)")
SHORT_HEADING = 40
# §1.指导思想和发展目标: a chapter marked with the section sign, each numbering from 一、.
RE_SECTION_SIGN = re.compile(r"^§\s*\d{1,2}(?:[.．、]\s*|\s+)\S")
SECTION_LEADS = frozenset("附第§")  # what a section break starts with, besides a digit

# 附：活动安排表 (or 附件：…, 附1：…) over an appended text that numbers from one again.
RE_APPENDED = re.compile(r"^附\s*(?:件\s*)?\d{0,2}\s*[：:]\s*[^\s\d]")
# 附： alone on its line, over a text appended (its title, then a numbering from one).
ALONE_APPENDED = frozenset(("附：", "附:", "附"))
# 附 within this many characters of a line's start may follow its ordinal (三、附：…).
APPENDED_REACH = 8
# A note list under a table: 注： ⏎ 1.…  (or 说明：, 备注：) on a line of its own.
RE_NOTES_HEAD = re.compile(r"^(?:注|说明|备注)\s*[：:]$")
NOTE_LEADS = frozenset("注说备")
# How many paragraphs may lie between such a title and the part's first heading (an
# author line, a lead sentence: 为……，特制定以下规定：).
TITLE_REACH = 3
SHORT_LINE = 20


def is_section_break(text: str) -> bool:
    """A line that numbers a section outside the four levels (1.2　等级划分, 第三条　…)."""
    lead = text[:1]
    if lead not in SECTION_LEADS and not lead.isdigit():  # isdigit: a superset of \d
        return False
    short = len(text) <= SHORT_HEADING and not any(ch in SENTENCE_ENDS for ch in text)
    if RE_ATTACHED.match(text) or short and (m := RE_ATTACHED_TITLED.match(text)) and \
            not any(ch in CLAUSE_MARKS for ch in text[m.end():]):
        return True  # (a title: short, no clause; 附：有以下行为之一的，…： is a note)
    if lead == "§":
        return short and RE_SECTION_SIGN.match(text) is not None
    for pattern in (RE_CHAPTER, RE_DECIMAL):
        m = pattern.match(text)
        if m and (pattern is RE_CHAPTER or text[m.end():].strip()):
            # (A decimal alone on its line, 4.42, is a table cell's value: no section.)
            # A spaced number (1.2　…, 第三条　…) or a short heading line; not 1.5亿元…。
            # (Any space: PDFs and web pages set 第三条 apart by an en space, U+2002.)
            return short or text[m.end():m.end() + 1].isspace()
    if not short:
        return False
    m = RE_SECTION_NUMBER.match(text)
    # 1	教务员	2, 1 砖混结构 250: a table row (a TAB or a space between its next cells),
    # not a section number.
    return m is not None and RE_NEXT_CELL.search(text, m.end()) is None


def runs_on(text: str) -> bool:
    """附件：…… that goes on into a numbered text: the attached document itself, pasted
    into the line of its 附件说明 (附件：××方案为做好……。一、主要职能。……), not a list."""
    return RE_FIRST_AFTER_SENTENCE.search(text, ATTACHMENT_LABEL) is not None


def opens_a_document(last: str, line: str) -> bool:
    """After a finished sentence, a bare title line (进一步支持文化企业发展的规定): in a
    hard-wrapped text it starts the next document, it does not go on the paragraph."""
    return last[-1:] in SENTENCE_ENDS and len(line) <= PART_TITLE_MAX and \
        bool(RE_PART_TITLE.search(line)) and not any(ch in CLAUSE_MARKS for ch in line)


def _next_ordinal(paragraphs: list[Paragraph], index: int,
                  skip_short: bool = False) -> Ordinal | None:
    """The ordinal of the first numbered paragraph after `index`, if one comes within
    TITLE_REACH paragraphs (an author line, a lead sentence: 为……，特制定以下规定：).
    skip_short: short lines with no clause in them (a name, a date) are not counted."""
    reach = TITLE_REACH
    for following in range(index + 1, len(paragraphs)):  # no copy of the rest: linear
        para = paragraphs[following]
        if para.role:  # a page number, a running head: not counted
            continue
        ordinal = parse_ordinal(para.text)
        if ordinal is not None:
            return ordinal
        if skip_short and len(para.text) <= SHORT_LINE and \
                not any(ch in CLAUSE_MARKS for ch in para.text):
            continue  # the author's name, a date line (某校副校长张某, 2026年2月)
        reach -= 1
        if not reach:
            break
    return None


def _is_part_title(paragraphs: list[Paragraph], index: int) -> bool:
    """A bare title line ending in 规定/方案/… with a numbering that starts at one
    right after it."""
    text = paragraphs[index].text
    if len(text) > PART_TITLE_MAX or not RE_PART_TITLE.search(text) or \
            any(ch in CLAUSE_MARKS for ch in text) or parse_ordinal(text):
        return False
    ordinal = _next_ordinal(paragraphs, index, skip_short=True)
    return ordinal is not None and ordinal.number == 1


# A short title line (大  会  纪  律, 活动安排): no more characters than this, spaces apart.
DATED_TITLE_MAX = 20
DATED_TEXT_MAX = 2 * DATED_TITLE_MAX  # (and no more than this with the spaces)


def _titled_after_a_date(paragraphs: list[Paragraph], index: int) -> bool:
    """A short title line right after a paragraph that ends with the 成文日期 (the
    document signed off), over a numbering that starts at one: the next document of a
    page that holds several (通知 ⏎ …署名 ⏎ 日期 ⏎ 大会纪律 ⏎ 一、…)."""
    text = paragraphs[index].text
    # (Most paragraphs are turned away by their length, before any other test.)
    if len(text) > DATED_TEXT_MAX or not index or not text[-1:].strip() or \
            len(text.replace(" ", "").replace("\u3000", "")) > DATED_TITLE_MAX:
        return False
    before = paragraphs[index - 1]  # (the paragraph right before: no copy of the page)
    if before.role or not _ends_with_a_date(before.text) \
            or any(ch in CLAUSE_MARKS for ch in text) or parse_ordinal(text):
        return False
    ordinal = _next_ordinal(paragraphs, index, skip_short=True)
    return ordinal is not None and ordinal.number == 1


def _heads_a_document(paragraphs: list[Paragraph], index: int) -> bool:
    """1.张某（副校长） ⏎ 一、履行职责情况: a numbered line right above a 一、 that starts
    again heads a document of its own (述职报告 one after another, each under its
    author's number); so does 附：活动安排表 over such a 一、."""
    ordinal = _next_ordinal(paragraphs, index)
    return ordinal is not None and ordinal.level == 1 and ordinal.number == 1


def _appends(text: str, paragraphs: list[Paragraph], index: int) -> bool:
    """附：活动安排表 (`text`, the paragraph's or its heading's title) over a 一、 that
    starts again: an appended text follows."""
    return RE_APPENDED.match(text) is not None and _heads_a_document(paragraphs, index)


def _after_a_date(paragraphs: list[Paragraph], index: int) -> bool:
    """附件…  right after a paragraph that ends with the 成文日期 (text pasted whole, the
    attached document split off there): a new part."""
    if not RE_ATTACHED_LEAD.match(paragraphs[index].text):
        return False
    # The paragraph before it that is no page furniture (looked for back from it, no copy).
    before = next((paragraphs[i] for i in range(index - 1, -1, -1) if not paragraphs[i].role),
                  None)
    return before is not None and _ends_with_a_date(before.text)


def _ends_with_a_date(text: str) -> bool:
    """Does the paragraph end with a 成文日期 (2025年1月5日, or （此件公开发布） after it)?
    (Its last character first: most paragraphs end otherwise.)"""
    return text[-1:] in DATE_LAST_CHARS and RE_DATE_END.search(text) is not None


def _after_a_sentence(paragraphs: list[Paragraph], index: int) -> bool:
    """附件1 2026年……, split off a pasted line right after a sentence, over a 一、 that
    starts the numbering again: an attached document (RE_SENTENCE_THEN_ATTACHED)."""
    if index == 0 or not RE_ATTACHED_RUN_ON.match(paragraphs[index].text):
        return False
    before = paragraphs[index - 1].text
    return before[-1:] in SENTENCE_ENDS and _heads_a_document(paragraphs, index)


# What mark_parts looks at once the page is numbered and no outer list is open (then an
# ordinal matters only before the first 一、): a paragraph that starts with 注, 说, 备, 附
# or a numeral, that ends like a document's title, or that holds a 附. Each pattern is
# led by a literal: the "\n" between two paragraphs, or the 附.
RE_PARTS_LEAD = re.compile("\n[注说备附" + "".join(sorted(NUMERAL_LEADS)) + "]")
RE_PARTS_END = re.compile("\n(?<=[" + "".join(sorted(PART_TITLE_LAST)) + "]\n)")
RE_PARTS_APPENDED = re.compile("附")
# A paragraph that ends with 日 or ） (a date, 2025年1月5日（此件公开发布）): the one after
# it may be the title of a next document (_titled_after_a_date). Found with str.find: a
# search for the date itself, led by a class, would try every character of the page.
DATE_LAST_CHARS = "日）"
DATE_LAST = tuple(f"{last}\n" for last in DATE_LAST_CHARS)
# Below this many paragraphs, looking at each costs less than the three scans.
PARTS_SCAN_MIN = 200


def _parts_candidates(paragraphs: list[Paragraph], texts: Joined | None) -> list[int] | None:
    """The indices of the paragraphs mark_parts looks at once the page is numbered and
    no outer list is open, in order (a superset); None: look at every paragraph."""
    if len(paragraphs) < PARTS_SCAN_MIN or (texts := texts or joined(paragraphs)) is None:
        return None
    found = [m.start() + 1 for m in RE_PARTS_LEAD.finditer(texts.text)]
    found += [m.start() for m in RE_PARTS_END.finditer(texts.text)]
    found += [m.start() for m in RE_PARTS_APPENDED.finditer(texts.text)]
    text = texts.text
    for last in DATE_LAST:
        at = text.find(last)
        while at >= 0:
            found.append(at + 2)
            at = text.find(last, at + 2)
    found += article_positions(text)  # (a 范文's mark: 篇2, 范文3)
    found += [0, len(texts.text)]  # the first paragraph, the last one (its end)
    return texts.indices(found)


def mark_parts(paragraphs: list[Paragraph], texts: Joined | None = None) -> None:
    """Mark where a new part starts (see the module's docstring); one pass.
    texts: the paragraphs' texts joined, if the caller has them."""
    numbered = False  # a heading has been seen: the page's own title is no new part
    level_one = False  # a 一、 has been seen
    # The level of an outer list whose 1. stands right above the page's first 一、
    # (1.张某 ⏎ 一、…): its next items head documents of their own.
    outer = 0
    # 三、附：获奖作文范文 ⏎ 一、开头: the appended text starts at the next numbered paragraph.
    appended_next = False
    candidates = _parts_candidates(paragraphs, texts)
    count = len(paragraphs)
    index = -1
    while (index := index + 1) < count:
        if candidates is not None and numbered and not outer and not appended_next:
            # (Only the candidates can mark anything or change what is known: skip to one.)
            if (next_one := bisect_left(candidates, index)) == len(candidates):
                break
            index = candidates[next_one]
        para = paragraphs[index]
        if para.role or para.list_item or not (text := para.text):
            continue
        if appended_next and parse_ordinal(text) is not None:
            para.new_part = para.section_break = True
            appended_next = False
            continue
        lead = text[0]
        # (_titled_after_a_date's length test first: most paragraphs are long, no call.)
        if numbered and (text[-1] in PART_TITLE_LAST and _is_part_title(paragraphs, index)
                         or len(text) <= DATED_TEXT_MAX
                         and _titled_after_a_date(paragraphs, index)) \
                or lead in NOTE_LEADS and RE_NOTES_HEAD.match(text) \
                or para.section_break and lead == "附" \
                or lead == "附" and (_after_a_date(paragraphs, index)
                                     or numbered and _after_a_sentence(paragraphs, index)
                                     or numbered and _appends(text, paragraphs, index)):
            para.new_part = para.section_break = True
            continue
        if numbered and len(text) <= ARTICLE_MAX and is_article_mark(text):
            # 篇2 ⏎ …… ⏎ 一、: the next 范文 of a page
            para.new_part = para.section_break = True
            continue
        if numbered and text in ALONE_APPENDED:  # 附： ⏎ 自荐条件 ⏎ 一、…: appended
            appended_next = True
            continue
        if text.find("附", 1, APPENDED_REACH) > 0:  # ("附" in text[1:…], without a copy)
            appended = parse_ordinal(text)
            if appended is not None and _appends(appended.rest.lstrip(), paragraphs, index):
                appended_next = True
        # Ordinals are read only while there is something to learn from them: whether
        # the page is numbered, where its first 一、 is, and the outer list's next items.
        if lead not in ORDINAL_LEADS and not lead.isdigit() or numbered and not outer \
                and (level_one or lead not in NUMERAL_LEADS):
            continue
        ordinal = parse_ordinal(text)
        if ordinal is None:
            continue
        numbered = True
        if ordinal.level == 1:
            if not level_one:
                outer = _outer_level(paragraphs, index)
            level_one = True
        elif ordinal.level == outer and _heads_a_document(paragraphs, index):
            para.new_part = para.section_break = True


def _outer_level(paragraphs: list[Paragraph], index: int) -> int:
    """The level of a 1. (or （一）) right above the first 一、 (a few sentences may come
    between): an outer list, or 0."""
    reach = TITLE_REACH + 1
    for para in reversed(paragraphs[max(0, index - 2 * TITLE_REACH - 2):index]):
        if para.role or para.list_item or not para.text:
            continue
        ordinal = parse_ordinal(para.text)
        if ordinal is not None:
            return ordinal.level if ordinal.level > 1 and ordinal.number == 1 else 0
        reach -= 1
        if not reach:
            break
    return 0


# The title line of an outline quoted inside a list item (请按以下提纲撰写。 ⏎ 读书笔记提纲
# ⏎ 一、… 二、…) is short and holds no clause.
QUOTED_TITLE_MAX = 30
# Such a title run into the line before it, after a colon: Chinese characters only (not
# a note's time limit, 完成时限：2026年3月底前）, nor a unit, 单位：毫米）).
RE_BARE_TITLE = re.compile(rf"[\u4e00-\u9fff]{{2,{QUOTED_TITLE_MAX}}}")


def mark_quoted(paragraphs: list[Paragraph]) -> None:
    """Set apart an outline quoted inside a list item: a bare title line, then 一、 again
    while the page is inside a 1. or （一）, its 一、二、… with their own items, until a
    heading goes on with the page's own numbering (（二） after the page's （一）). Those
    are a template the page hands out, not its outline. Marked only when the page's
    numbering is seen to go on after it (else the restart stays what it looks like)."""
    levels: dict[int, int] = {}  # the page's numbering up to paragraph `seen`
    seen = 0
    index = 1
    while index < len(paragraphs):
        para = paragraphs[index]
        if para.text.startswith("一、") and not para.role and (
                (own := _is_quoted_title(paragraphs[index - 1]))
                or _ends_with_title(paragraphs[index - 1].text)):
            # (Counted on from where the last look stopped: one pass over the page.) A
            # title at the end of the line before (……格式如下：生涯规划书) leaves that line
            # to the page.
            start = index - 1 if own else index
            levels, seen = _levels_up_to(paragraphs, seen, start, levels), start
            end = _quoted_end(paragraphs, index, levels)
            if end is not None:
                for quoted in paragraphs[start:end]:
                    quoted.role = "quoted"
                index = seen = end
                continue
        index += 1


def _is_quoted_title(para: Paragraph) -> bool:
    text = para.text
    return not para.role and 0 < len(text) <= QUOTED_TITLE_MAX and \
        not any(ch in CLAUSE_MARKS for ch in text) and parse_ordinal(text) is None


def _ends_with_title(text: str) -> bool:
    """……格式如下：高中学生生涯规划书: a line that ends with the quoted outline's title
    after a colon (the title line run into it)."""
    colon = max(text.rfind("："), text.rfind(":"))
    return colon > 0 and RE_BARE_TITLE.fullmatch(text, colon + 1) is not None


def _levels_up_to(paragraphs: list[Paragraph], start: int, stop: int,
                  last: dict[int, int]) -> dict[int, int]:
    """{level: number} of the page's numbering before paragraph `stop`, counted on from
    `last` at `start` (a level's count starts again under a new parent)."""
    for para in paragraphs[start:stop]:
        if para.section_break:
            last = {}  # (附件, 第一章: the numbering starts afresh below)
        ordinal = parse_ordinal(para.text) if not para.role else None
        if ordinal is not None:
            last = _counted(last, ordinal)
    return last


def _counted(levels: dict[int, int], ordinal: Ordinal) -> dict[int, int]:
    """`levels` ({level: number}) after `ordinal`: its level set, the levels below it
    dropped (their count starts again under it)."""
    out = {level: n for level, n in levels.items() if level < ordinal.level}
    out[ordinal.level] = ordinal.number
    return out


# A quoted outline is short: the heading that ends it is looked for this far at most
# (which also keeps a page of many title lines and restarts linear).
QUOTED_REACH = 200


def _quoted_end(paragraphs: list[Paragraph], first: int, outer: dict[int, int]) -> int | None:
    """The index of the heading that goes on with the page's numbering (`outer`) after
    the quoted outline that starts at `first` (its 一、), or None."""
    if 1 not in outer or max(outer) < 2:
        return None  # not inside a 1. or （一） of the page's own outline
    deepest = max(outer)
    inner: dict[int, int] = {}
    for index in range(first, min(len(paragraphs), first + QUOTED_REACH)):
        para = paragraphs[index]
        if para.section_break and index > first:
            return None  # a part of its own begins: the page's numbering does not go on
        ordinal = parse_ordinal(para.text) if not para.role else None
        if ordinal is None:
            continue
        level, number = ordinal.level, ordinal.number
        if level <= deepest and level in outer and number == outer[level] + 1 \
                and number != inner.get(level, 0) + 1:
            return index
        inner = _counted(inner, ordinal)
    return None
