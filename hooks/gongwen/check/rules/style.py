"""Punctuation, numbers and dates as written: the `style` family (warnings only).

Each rule looks at the checked lines (front matter, code, tables and a table of contents
are not among them) and reports a line once per kind of slip, quoting what it found.
Not checked on purpose: spaces between Chinese and Latin letters or digits, which 公文
do not use and which linters for web text (autocorrect, zhlint) add by default.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, pairwise
from operator import attrgetter

from gongwen.common import quote
from gongwen.text.numbering import parse_ordinal
from gongwen.text.webjunk import junk_reason

from ..model import Finding
from .base import PRACTICE, Rule, cached
from .pairs import (
    CLOSERS,
    RE_ITEM_LABEL,
    lone_line,
    lone_paragraphs,
    marks_of,
    unpaired,
)
from .scan import (
    LATIN_END,
    SPACES_BUT_NEWLINE,
    items_at,
    latin_text,
    line_indices_holding,
    line_indices_with_any,
    lines_holding,
    lines_starting,
    lines_text,
    lines_with,
)

GBT_PUNCTUATION = "GB/T 15834-2011"
GBT_DATE = "GB/T 9704-2012第7.3.5.4条"

CJK = r"\u4e00-\u9fff"
# A half-width mark with Chinese on both sides (or a Chinese sentence before ? and !).
RE_HALF_WIDTH = re.compile(
    rf"(?<=[{CJK}])[,;:](?=[{CJK}“‘《（])|(?<=[{CJK}])[?!](?=[{CJK}“‘《（]|$)"
    rf"|(?<=[{CJK}])\(|\((?=[{CJK}])|(?<=[{CJK}])\)|\)(?=[{CJK}])")
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# ... or 。。。 for ……; -- for ——.
RE_ELLIPSIS_DASH = re.compile(r"\.{3,}|。{3,}|·{3,}|(?<![-\w])--(?![-\w])|(?<=[" + CJK + r"])-{2,}")
# What every match of RE_ELLIPSIS_DASH contains (the quick test of each line, as a regex).
RE_ELLIPSIS_DASH_HINT = re.compile(r"\.\.\.|。。。|-|···")
# The same mark twice, or a comma against a full stop: a typing slip (。。。 is GW413).
RE_REPEATED = re.compile(r"([，、；：])\1+|(?<!。)。。(?!。)|[，、；：][。，、；：]|。[，、；：]"
                         r"|([？！?!])\2+")
# Every slip RE_REPEATED finds is two of these marks in a row: one quick search first.
# (Spelt as two classes, not [...]{2}: then re skips to the candidates, twice as fast.)
TWO_MARKS = "，、；：。？！?!"
RE_TWO_MARKS = re.compile(rf"[{TWO_MARKS}][{TWO_MARKS}]")
# RE_TWO_MARKS as one pattern per first mark (，[…]): re skips to a literal several times
# faster than to a class (a document's lines are scanned with those of the marks they hold).
TWO_MARKS_FROM = {mark: re.compile(f"{re.escape(mark)}[{TWO_MARKS}]") for mark in TWO_MARKS}
COMMON_MARKS = "，、。"  # (hundreds a page: see _read_two_marks)
RARE_MARKS = tuple(mark for mark in TWO_MARKS if mark not in COMMON_MARKS)
TWO_MARKS_SET = frozenset(TWO_MARKS)
RE_FULL_WIDTH_DIGITS = re.compile(r"[０-９]+")
RE_FULL_WIDTH_DIGIT = re.compile(r"[０-９]")  # the hint: a class first, not a repeat
FULL_WIDTH_DIGITS_SET = frozenset("０１２３４５６７８９")
# Characters that do not show: zero-width spaces and joiners, word joiner, soft hyphen,
# a byte-order mark inside the text, and the no-break space of web pages.
INVISIBLE = {"\u200b": "零宽空格", "\u200c": "零宽非连接符", "\u200d": "零宽连接符",
             "\u2060": "零宽不换行空格", "\ufeff": "字节顺序标记（BOM）", "\u00ad": "软连字符",
             "\u00a0": "不换行空格（&nbsp;）"}
RE_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")
INVISIBLE_SET = frozenset(INVISIBLE)
# A date standing alone on its line (成文日期, or a speech's date under its title).
RE_DATE_LINE = re.compile(r"^[（(]?\s*(?P<date>\d{4}\s*[.．/\-－]\s*\d{1,2}\s*[.．/\-－]\s*\d{1,2}"
                          r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]?$")
# The start of a line that may be a date (see RE_DATE_LINE) for scan.lines_starting.
# ([^\S\n] spelt out as its characters: re tries a class of literals many times faster.)
RE_DATE_START = re.compile(rf"\n[{SPACES_BUT_NEWLINE}]*[（(]?[{SPACES_BUT_NEWLINE}]*\d\d\d\d"
                           rf"[{SPACES_BUT_NEWLINE}]*[.．/\-－年]")
RE_PADDED = re.compile(r"年\s*0\d|月\s*0\d")
# Not a colon: a first line ending in ： is a salutation (各位代表：), not a title.
TITLE_END_PUNCTUATION = "。，、；！？,.;!?"
# Any half-width mark at all: a regex scan in C (a set test makes an object per character).
RE_QUICK = re.compile(r"[,;:?!()]")
QUICK_SET = frozenset(",;:?!()")
# What the lines the hints above find hold, as literals for scan.lines_holding (str.find
# is many times faster than a regex class): the same lines.
QUICK_CHARS = tuple(sorted(QUICK_SET))
FULL_WIDTH_DIGIT_CHARS = tuple(sorted(FULL_WIDTH_DIGITS_SET))
INVISIBLE_CHARS_FOUND = tuple(INVISIBLE)
ELLIPSIS_DASH_SLIPS = ("...", "--", "···")  # and 。。。 (found with RE_TWO_MARKS)


ROLE = attrgetter("role")


def _apart_lines(document) -> set[int]:
    """Lines of a table of contents: their leader dots are not an ellipsis."""
    return cached(document, "style-apart", _read_apart_lines, document)


def _read_apart_lines(document) -> set[int]:
    out: set[int] = set()
    paragraphs = document.paragraphs  # (those of a contents list picked in C: most pages none)
    for para in compress(paragraphs, map("contents".__eq__, map(ROLE, paragraphs))):
        out.update(line.number for line in para.lines)
    return out


def by_width(chars: tuple[str, ...]) -> tuple[tuple[bytes, ...], tuple[str, ...]]:
    """Characters rare in Chinese text (a rule's quick test) split for _holds_any: those
    of Latin-1 as bytes, and the others."""
    return (tuple(ch.encode("latin-1") for ch in chars if ch <= LATIN_END),
            tuple(ch for ch in chars if ch > LATIN_END))


def _holds_any(document, chars: tuple[tuple[bytes, ...], tuple[str, ...]]) -> bool:
    """Do the checked lines hold any of these characters (by_width)? Most documents hold
    none: each rule asks its own, the Latin-1 ones of scan.latin_text, the others with
    `in` (a memchr-like scan in C, many times faster than re's scan for a class)."""
    latin, wide = chars
    if latin and any(map(latin_text(document).__contains__, latin)):
        return True
    return bool(wide) and any(map(lines_text(document).__contains__, wide))


QUICK_BY_WIDTH = by_width(QUICK_CHARS)
FULL_WIDTH_DIGITS_BY_WIDTH = by_width(FULL_WIDTH_DIGIT_CHARS)
INVISIBLE_BY_WIDTH = by_width(INVISIBLE_CHARS_FOUND)


def _lines_with(document, hint: re.Pattern[str] | tuple[str, ...]) -> list:
    """The checked lines (not a table of contents) in which `hint` (a regex, or strings
    for scan.lines_holding) may match."""
    apart = _apart_lines(document)
    found = lines_holding(document, hint) if isinstance(hint, tuple) else \
        lines_with(document, hint)
    return [line for line in found if line.text and line.number not in apart]


def _junk(document, number: int) -> bool:
    """Is line `number` web junk? Reported as such (GW402) and deleted as a whole, so
    its marks are not style slips. Asked only for lines with a finding (it is costly)."""
    store = cached(document, "style-junk", dict)
    if number not in store:
        texts = cached(document, "line-texts", lambda: {x.number: x.text for x in document.lines})
        text = texts.get(number, "").strip()
        store[number] = bool(text and junk_reason(text))
    return store[number]


# Quotation marks are named: a quoted quotation mark (“””) cannot be read.
MARK_NAMES = {"“": "前引号“", "”": "后引号”", "‘": "前单引号‘", "’": "后单引号’"}


def _shown(found: list[str]) -> str:
    return "、".join(MARK_NAMES.get(x) or quote(x) for x in dict.fromkeys(found))


def _check_half_width(document, schema) -> Iterator[Finding]:
    if not _holds_any(document, QUICK_BY_WIDTH):
        return
    for line in _lines_with(document, QUICK_CHARS):
        text = line.text
        if not RE_QUICK.search(text):  # most lines have none of them
            continue
        # A half-width bracket of a leading ordinal, (一), is GW102's to report.
        ordinal = parse_ordinal(text) if text[0] in "(（" else None
        skip = len(ordinal.raw) if ordinal and ordinal.width in ("half", "mixed") else 0
        found = [m.group() for m in RE_HALF_WIDTH.finditer(text, skip)]
        if found and not _junk(document, line.number):
            fixes = "、".join(f"{quote(x)}"
                             f"改为{quote(HALF_TO_FULL[x])}" for x in dict.fromkeys(found))
            yield HALF_WIDTH.finding(line.number, f"中文里用了半角标点{_shown(found)}：{fixes}")


def _check_pairs(document, schema) -> Iterator[Finding]:
    apart = _apart_lines(document)
    paras = document.paragraphs

    def checked(index: int, marks: str | None = None) -> bool:
        """Does paragraph `index` have marks to check (not a 【提纲】 or a contents list)?"""
        p = paras[index]
        return bool(marks_of(p.text) if marks is None else marks) and \
            p.role not in ("outline", "contents") and p.line not in apart

    # Only the paragraphs where some mark may be lone are visited (most have none); each
    # with the marks that have no partner.
    pieces = {index: marks_of(paras[index].text) for index in lone_paragraphs(document)}
    lone: list[tuple[int, list[str]]] = [
        (index, unpaired(marks)) for index, marks in pieces.items() if checked(index, marks)]
    for (i, before), (j, after) in pairwise(lone):
        # A hard-wrapped line of plain text: an opener left at the end of one line and a
        # closer at the start of the next, on adjacent lines, are one pair (when no other
        # paragraph with marks lies between the two).
        if before and after and paras[j].line == paras[i].lines[-1].number + 1 and \
                not any(checked(k) for k in range(i + 1, j)):
            while before and after and after[0] in CLOSERS and CLOSERS[after[0]] == before[-1]:
                before.pop()
                after.pop(0)
    for index, marks in lone:
        labelled = bool(marks) and marks[0] in ")）" and RE_ITEM_LABEL.match(paras[index].text)
        if labelled:
            marks = marks[1:]  # 1）评分人员：, a) …: an item's label, not half a pair
        if marks == ["“"] and _quote_goes_on(paras, index):
            continue
        if marks:
            # Reported on the line of the first lone mark (a table's rows make one
            # paragraph: its first line may hold only paired marks).
            para = paras[index]
            line = lone_line(para, bool(labelled))
            if _junk(document, line):
                continue
            yield UNPAIRED.finding(line, f"引号或括号不成对：{_shown(marks)}没有与之配对的另一半")


def _quote_goes_on(paras, index: int) -> bool:
    """A quotation of several paragraphs opens each with “ and closes only the last (a
    paragraph that opens with “ and leaves it open, the next one opening with “ again)."""
    return paras[index].text.lstrip()[:1] == "“" and index + 1 < len(paras) and \
        paras[index + 1].text.lstrip()[:1] == "“"


def _two_marks(document) -> list[int]:
    """Indices of the lines with two marks in a row (RE_TWO_MARKS), for GW416 and GW413
    (。。。 is two marks in a row: one scan finds both rules' lines)."""
    return cached(document, "style-two-marks", _read_two_marks, document)


def _read_two_marks(document) -> list[int]:
    text = lines_text(document)
    # The marks a page has hundreds of: a scan with each one's pattern (re skips to the
    # mark and tests the next character in C).
    found = line_indices_with_any(document, [
        TWO_MARKS_FROM[mark] for mark in COMMON_MARKS if mark in text])
    # The others (a few a page at most): each found with str.find, many times faster
    # than re skips to it, and the next character tested here.
    latin = latin_text(document)
    positions: list[int] = []
    for mark in RARE_MARKS:
        if mark <= LATIN_END and mark.encode("latin-1") not in latin:
            continue
        pos = text.find(mark)
        while pos >= 0:
            if text[pos + 1:pos + 2] in TWO_MARKS_SET:
                positions.append(pos)
            pos = text.find(mark, pos + 1)
    if not positions:
        return found
    return sorted(set(found).union(items_at(text, len(document.lines), positions, lambda: [
        i for i, line in enumerate(document.lines) if RE_TWO_MARKS.search(line.text)])))


# 3月10日--3月14日, 2025--2026年: dashes between the ends of a range are a 连接号, the
# 一字线 (GB/T 15834-2011 第4.13条), not a 破折号.
RANGE_ENDS_BEFORE = frozenset("0123456789年月日时号")
RANGE_NOTE = "（表示起止，用一字线）"


def _dash_wanted(text: str, m: re.Match[str]) -> str:
    before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
    return "—" if before in RANGE_ENDS_BEFORE and before and after.isdigit() else "——"


def _check_ellipsis_dash(document, schema) -> Iterator[Finding]:
    # Every match of RE_ELLIPSIS_DASH holds one of these (its dash alternatives want two
    # dashes): lines with only 2024-2025 are passed over; the pattern itself, whose
    # lookbehinds make re try every position, runs only on lines that have a slip.
    # (The slips are Latin-1: line_indices_holding asks them of scan.latin_text first.)
    lines, apart = document.lines, _apart_lines(document)
    found_in = set(line_indices_holding(document, ELLIPSIS_DASH_SLIPS))
    found_in.update(i for i in _two_marks(document) if "。。。" in lines[i].text)
    for line in [lines[i] for i in sorted(found_in)]:
        if not line.text or line.number in apart:
            continue
        text = line.text
        found = [(m.group(), _dash_wanted(text, m) if m.group()[0] == "-" else "……")
                 for m in RE_ELLIPSIS_DASH.finditer(text)]
        if found and not _junk(document, line.number):
            wants = "、".join(f"{quote(x)}应为{quote(want)}{RANGE_NOTE if want == '—' else ''}"
                             for x, want in dict.fromkeys(found))
            yield ELLIPSIS_DASH.finding(line.number, f"省略号或破折号写法不对：{wants}")


TO_HALF_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # built once


def _check_full_width_digits(document, schema) -> Iterator[Finding]:
    if not _holds_any(document, FULL_WIDTH_DIGITS_BY_WIDTH):
        return
    for line in _lines_with(document, FULL_WIDTH_DIGIT_CHARS):
        text = line.text
        found = RE_FULL_WIDTH_DIGITS.findall(text)
        if found and not _junk(document, line.number):
            fixes = "、".join(f"{quote(x)}改为{quote(x.translate(TO_HALF_WIDTH_DIGITS))}"
                              for x in dict.fromkeys(found))
            yield FULL_WIDTH_DIGITS.finding(line.number, f"全角数字：{fixes}")


def _check_date(document, schema) -> Iterator[Finding]:
    apart = _apart_lines(document)
    for line in lines_starting(document, RE_DATE_START):
        if not line.text or line.number in apart:
            continue
        text = line.text.strip()
        if len(text) > 24 or not text[:1].isdigit() and text[:1] not in "（(":
            continue
        m = RE_DATE_LINE.match(text)
        if m is None:
            continue
        date = m.group("date")
        if "年" not in date:
            yield DATE_FORMAT.finding(line.number, f"成文日期写作{quote(date)}：应写作“××××年×月×"
                                                   "日”，"
                                                   f"如“2025年1月5日”")
        elif RE_PADDED.search(date):
            yield DATE_FORMAT.finding(line.number, f"成文日期写作{quote(date)}：月、日不编虚位"
                                                   f"（1不编为01）")


def _check_repeated(document, schema) -> Iterator[Finding]:
    lines, apart = document.lines, _apart_lines(document)
    for line in [lines[i] for i in _two_marks(document)]:
        text = line.text
        if not text or line.number in apart or not RE_TWO_MARKS.search(text):
            continue
        found = [m.group() for m in RE_REPEATED.finditer(text)]
        if found and not _junk(document, line.number):
            yield REPEATED.finding(line.number, f"标点重复或连用：{_shown(found)}，只保留一个")


def _check_invisible(document, schema) -> Iterator[Finding]:
    if not _holds_any(document, INVISIBLE_BY_WIDTH):
        return
    for line in lines_holding(document, INVISIBLE_CHARS_FOUND):
        text = line.text
        found = RE_INVISIBLE.findall(text) if text else []
        if found and not _junk(document, line.number):
            names = "、".join(INVISIBLE[ch] for ch in dict.fromkeys(found))
            yield INVISIBLE_CHARS.finding(
                line.number, f"含有看不见的字符：{names}（{len(found)}个），多是从网页复制带来的，"
                             "应删除")


def _check_title_end(document, schema) -> Iterator[Finding]:
    title = (document.title or "").strip()
    if title and title[-1] in TITLE_END_PUNCTUATION:
        yield TITLE_END.finding(document.title_line,
                                f"标题末尾有标点{quote(title[-1])}：公文标题末尾不加标点，应删除")


HALF_WIDTH = Rule(
    code="GW411", title="半角标点", name="half-width-punctuation", severity="warning",
    category="style", authority=GBT_PUNCTUATION, guide="full-width",
    doc="""中文之间用了半角的逗号、分号、冒号、问号、叹号或括号（, ; : ? ! ( )）。
为什么：GB/T 15834-2011 规定的中文标点是全角符号；半角标点多是在英文输入状态下打的，或从网页复制时被压成了半角，
排版时挤在一起，也显得不规范。数字和英文中的半角符号（12.5%、3:1）不在此列；序数的括号另由“括号宽度”检查。
正例：经研究，决定如下：（一）加强领导；（二）明确责任。
反例：经研究,决定如下:加强领导;明确责任 / 市教育局(盖章)""",  # noqa: E501 (rule text)
    check=_check_half_width, documents_only=True)

UNPAIRED = Rule(
    code="GW412", title="引号括号不成对", name="unpaired-marks", severity="warning",
    category="style", authority=GBT_PUNCTUATION, guide="full-width",
    doc="""同一段中的引号、括号、书名号不成对：有前无后，或有后无前。
为什么：GB/T 15834-2011 中引号、括号、书名号都是成对使用的标号；少了一半，多是删改时误删，读者分不清引文或注释到哪里为止。
引文不止一段时，各段开头用前引号、只在最后一段末尾用后引号（通行写法），不算不成对。
正例：深入开展“三抓三促”行动（2025年）。
反例：深入开展“三抓三促行动（2025年。""",  # noqa: E501 (rule text)
    check=_check_pairs, documents_only=True)

ELLIPSIS_DASH = Rule(
    code="GW413", title="省略号破折号写法", name="ellipsis-dash", severity="warning",
    category="style", authority=GBT_PUNCTUATION, guide="full-width",
    doc="""省略号写成“...”“。。。”，破折号写成“--”（起止之间的“--”应为一字线“—”）。
为什么：GB/T 15834-2011 的省略号是居中的六个点“……”（占两个字的位置），破折号是“——”（占两个字的位置）；
三个英文句点、三个句号或两个连字符都不是这两个符号。目录的引导点不在此列。
标示时间、地点等起止的是连接号，不是破折号：用一字线“—”（GB/T 15834-2011第4.13条），如“3月10日—14日”。
正例：学习、宣传、贯彻……等工作 / 目标——到2027年 / 3月10日—3月14日
反例：学习、宣传、贯彻...等工作 / 学习。。。 / 目标--到2027年 / 3月10日--3月14日""",  # noqa: E501 (rule text)
    check=_check_ellipsis_dash, documents_only=True)

FULL_WIDTH_DIGITS = Rule(
    code="GW414", title="全角数字", name="full-width-digits", severity="warning",
    category="style", authority=PRACTICE, guide="full-width",
    doc="""数字用了全角字符（２０２５、１２）。
为什么：公文中的阿拉伯数字用半角，全角数字多是输入法处于全角状态时打的，宽窄与正文数字不一，检索时也查不到（实务）。
正例：2025年完成12项任务
反例：２０２５年完成１２项任务""",
    check=_check_full_width_digits, documents_only=True)

DATE_FORMAT = Rule(
    code="GW415", title="成文日期写法", name="date-format", severity="warning",
    category="style", authority=GBT_DATE, guide="dates",
    doc="""单独成行的日期（成文日期）写成“2025.1.5”“2025-1-5”“2025/1/5”，或月、日编了虚位（01月05日）。
为什么：GB/T 9704-2012第7.3.5.4条规定，成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）。
正文中的日期不在此列；沿用旧标准（GB/T 9704-1999）用汉字书写的“二〇二五年一月五日”也不报告。
正例：2025年1月5日
反例：2025.1.5 / 2025-01-05 / 2025年01月05日""",  # noqa: E501 (rule text)
    check=_check_date, documents_only=True)

REPEATED = Rule(
    code="GW416", title="标点重复", name="repeated-punctuation", severity="warning",
    category="style", authority=PRACTICE, guide="full-width",
    doc="""同一处连用两个点号：“，，”“。。”“、。”“，。”“？？”“！！”等。
为什么：点号表示停顿，一处只用一个；连用多是删改时留下的，或为加重语气而叠用，公文不这样写（实务）。
省略号误写作“。。。”另由“省略号破折号写法”检查。
正例：经研究，决定如下。
反例：经研究，，决定如下。。 / 能不重视吗？？""",
    check=_check_repeated, documents_only=True)

INVISIBLE_CHARS = Rule(
    code="GW417", title="看不见的字符", name="invisible-characters", severity="warning",
    category="style", authority=PRACTICE, guide="full-width",
    doc="""文中含有看不见的字符：零宽空格、零宽连接符、软连字符、文中的字节顺序标记（BOM）、不换行空格（&nbsp;）。
为什么：这些字符多是从网页复制带来的，屏幕上看不见，却会使检索、替换失灵，排版时出现莫名的空隙（实务）。
全角空格（“目　　录”中的空白）是正常的排版用字，不在此列。
正例：全面加强党的建设
反例：全面加强党的建设（“加强”之后夹着一个零宽空格 U+200B，屏幕上看不出来）""",
    check=_check_invisible, documents_only=True)

TITLE_END = Rule(
    code="GW418", title="标题末尾标点", name="title-end-punctuation", severity="warning",
    category="style", authority=PRACTICE, guide="title",
    doc="""公文标题末尾加了句号、逗号、冒号等标点。
为什么：标题由发文机关名称、事由和文种组成（《党政机关公文处理工作条例》第九条（七）），是一个名词性短语，
不是句子；标题中除法规、规章名称加书名号外一般不用标点，末尾更不加（实务）。
书名号、引号、括号是标题内部成对的标号，不在此列。
正例：市教育局关于开展校园安全大检查的通知
反例：市教育局关于开展校园安全大检查的通知。""",
    check=_check_title_end, documents_only=True)

RULES = [HALF_WIDTH, UNPAIRED, ELLIPSIS_DASH, FULL_WIDTH_DIGITS, DATE_FORMAT, REPEATED,
         INVISIBLE_CHARS, TITLE_END]
