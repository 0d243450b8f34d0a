"""The rules' whole-document scans find every line the rules used to test one by one.

The style and hygiene rules look only at the lines a scan of the whole text points to
(gongwen.check.rules.scan). A line the scan missed would be a slip or web junk left
unreported: these tests compare the scans with asking every line.
"""
from __future__ import annotations

import re

import pytest
from gongwen.check import check_text
from gongwen.check.document import read
from gongwen.check.rules import (
    declared,
    enumeration,
    hygiene,
    keywords,
    pairs,
    scan,
    sections,
    style,
)
from gongwen.check.schema import load_schemas
from gongwen.text.numbering import RE_ENUM_SHI
from gongwen.text.webjunk import COUNTER_REASON, FANWEN_REASON, junk_reason
from hypothesis import given, settings
from hypothesis import strategies as st

# Pieces of web junk (every pattern of gongwen.text.webjunk) and of ordinary lines.
JUNK_PIECES = [
    "©", "版权声明", "版权所有", "免责声明", "copyright", "COPYRIGHT", "THE END", "the  end",
    "喜欢就支持一下", "觉得有用请点赞", "点个赞", "打赏作者", "点赞", "赞", "收藏", "分享", "打赏",
    "评论", "网友", "作者", "来源", "发布", "时间", "：", ":", "上一篇", "下一篇", "相关推荐",
    "猜你喜欢", "推荐阅读", "扫一扫", "扫码", "长按识别", "微信扫一扫", "关注公众号", "点击上方",
    "阅读原文", "点击", "→", "»", "本文来源", "原文链接", "转载请注明", "转发", "阅读", "浏览",
    "编辑", "举报", "12", " ", "\u3000", "34", "\");", "{", "}", ";", "function(", "document.x",
    "window.y", "console.log", "javascript:", "var a =", "小编", "本站", "范文网", "范文大全",
    "本网站整理", "网友投稿", "整理了", "模板", "例文", "更多", "精品", "请关注", "本文由",
    "文章来源", "免费下载", "全文下载", "下载全文", "欢迎阅读参考", "全文共", "字", "当前显示",
    "（一）", "工作", "认真", "。", "，", "ı", "İ", "T", "c",
]
STYLE_PIECES = [
    ",", ";", ":", "?", "!", "(", ")", "（", "）", "“", "”", "‘", "’", "《", "》", "【", "】",
    "...", "。。。", "。。", "--", "-", "···", "，，", "、。", "？？", "!!", "２０２５", "１",
    "\u200b", "\u00a0", "\ufeff", "2025年1月5日", "2025.01.05", "2025-1-5", "（2025年3月5日）",
    "中文", "经研究", "一", "a", "1", " ", "\t",
]


def _lines(pieces: list[str]) -> st.SearchStrategy[list[str]]:
    piece = st.one_of(st.sampled_from(pieces), st.sampled_from(pieces), st.text(max_size=3))
    # Short lines most of the time: most junk patterns want a line of its own.
    line = st.one_of(st.lists(piece, min_size=1, max_size=3), st.lists(piece, max_size=12))
    return st.lists(line.map("".join), min_size=1, max_size=8)


def _document(lines: list[str]):
    text = "\n".join(line.replace("\r", "").replace("\n", "") for line in lines)
    return read(text, "a.txt")


# One line for each pattern of gongwen.text.webjunk (and its variants).
JUNK_LINES = [
    "© 2024 某某网", "版权声明：本文为原创", "版权所有", "免责声明", "Copyright 2020", "copyright",
    "THE END", "the end", "喜欢就支持一下吧", "觉得有用请点赞", "点个赞吧", "欢迎打赏作者",
    "点赞9 分享",
    "赞 12", "收藏", "评论 3", "网友 分享 时间:", "分享时间：2020", "上一篇：关于…", "下一篇",
    "相关推荐", "猜你喜欢", "推荐阅读：", "扫一扫关注", "扫码阅读", "长按识别二维码", "微信扫一扫",
    "请关注公众号", "点击上方蓝字", "阅读原文", "› 点击阅读原文 »", "本文来源：网络", "原文链接",
    "转载请注明出处", "转发 12 浏览 345", "编辑 举报", "12 34", "１２\u3000３４", "\");", "});",
    "function(){", "document.write", "window.open", "console.log(1)", "javascript:void(0)",
    "var a = 1", "下面是小编为大家整理的" + "工作总结" * 30, "本站" + "内容" * 50, "范文网",
    "本网站整理发布", "网友投稿", "整理了10篇范文", "更多精彩范文请关注", "本文由某某提供",
    "文章来源：网络", "免费下载", "全文下载", "下载全文", "欢迎阅读参考", "全文共1234字",
    "当前显示500字",
]


@pytest.mark.parametrize("junk", JUNK_LINES)
def test_each_kind_of_junk_line_is_found(junk: str) -> None:
    assert junk_reason(junk)
    document = read(f"市教育局2024年工作总结\n一、主要工作\n{junk}\n二、存在问题", "a.txt")
    assert [f.line for f in hygiene._check_junk(document, None)] == [3]


@settings(max_examples=300, deadline=None)
@given(lines=_lines(JUNK_PIECES))
def test_every_junk_line_is_found(lines: list[str]) -> None:
    document = _document(lines)
    wanted = [i for i, line in enumerate(document.lines)
              if line.text.strip() and junk_reason(line.text.strip())]
    assert set(wanted) <= set(hygiene._junk_candidates(document))
    found = [f.line for f in hygiene._check_junk(document, None)]
    # Reported: each of them but what a hard wrap explains (范文-site words inside a
    # sentence cut at the margin; numbers after a number the margin cut: 电话：8520 ⏎ 0216).
    wrapped = hygiene._wrapped_paragraphs(document)
    lines = document.lines

    def explained(i: int) -> bool:
        reason, number = junk_reason(lines[i].text.strip()), lines[i].number
        return reason == FANWEN_REASON and number in wrapped \
            and not junk_reason(wrapped[number]) \
            or reason == COUNTER_REASON and i > 0 and hygiene._number_cut(lines[i - 1].text)
    assert found == [lines[i].number for i in wanted if not explained(i)]


@settings(max_examples=300, deadline=None)
@given(lines=_lines(JUNK_PIECES), long=st.lists(st.booleans(), min_size=8, max_size=8),
       filler=st.sampled_from(["工作", "认真阅读原文，", " ", "小", "本"]))
def test_every_junk_line_of_any_length_is_found(lines: list[str], long: list[bool],
                                                filler: str) -> None:
    """Lines made long (past MAX_FANWEN_LINE: only code and 小编/本站 are junk there) or
    not: _junk_candidates holds every line junk_reason names."""
    lines = [line + filler * 50 if make_long else line for line, make_long in zip(lines, long)]
    document = _document(lines)
    wanted = [i for i, line in enumerate(document.lines)
              if line.text.strip() and junk_reason(line.text.strip())]
    assert set(wanted) <= set(hygiene._junk_candidates(document))


@settings(max_examples=300, deadline=None)
@given(lines=_lines(JUNK_PIECES + STYLE_PIECES),
       needles=st.sampled_from([hygiene.CODE_AND_SITE, hygiene.PLACEHOLDER_HINTS,
                                style.ELLIPSIS_DASH_SLIPS, ("本站", "t", "小编小")]))
def test_the_lines_holding_a_needle_are_found(lines: list[str], needles) -> None:
    document = _document(lines)
    assert scan.line_indices_holding(document, needles) == \
        [i for i, line in enumerate(document.lines) if any(n in line.text for n in needles)]


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="本站小编\n a", max_size=30),
       needle=st.text(alphabet="本站小编\n a", min_size=2, max_size=4),
       start=st.integers(0, 32))
def test_a_piece_found_by_its_last_character_is_where_find_finds_it(text: str, needle: str,
                                                                    start: int) -> None:
    assert scan.find_by_last(text, needle, start) == text.find(needle, start)


@settings(max_examples=200, deadline=None)
@given(lines=_lines(STYLE_PIECES + JUNK_PIECES), hint=st.sampled_from([
    style.RE_QUICK, style.RE_ELLIPSIS_DASH_HINT, style.RE_FULL_WIDTH_DIGIT, style.RE_TWO_MARKS,
    style.RE_INVISIBLE, hygiene.RE_PLACEHOLDER_HINT, hygiene.RE_JUNK_HINT]))
def test_a_scan_finds_the_lines_a_search_of_each_finds(lines: list[str], hint) -> None:
    document = _document(lines)
    assert scan.lines_with(document, hint) == \
        [line for line in document.lines if hint.search(line.text)]


@settings(max_examples=200, deadline=None)
@given(lines=_lines(STYLE_PIECES))
def test_every_date_line_is_looked_at(lines: list[str]) -> None:
    document = _document(lines)
    looked_at = scan.lines_starting(document, style.RE_DATE_START)
    for line in document.lines:
        if style.RE_DATE_LINE.match(line.text.strip()):
            assert line in looked_at


@settings(max_examples=300, deadline=None)
@given(marks=st.text(alphabet="“”‘’（）《》【】()", max_size=16))
def test_marks_left_after_deleting_pairs_mean_a_lone_mark(marks: str) -> None:
    assert (pairs.without_pairs(marks, passes=99) == "") == (pairs.unpaired(marks) == [])
    if pairs.without_pairs(marks) == "":
        assert pairs.unpaired(marks) == []


def test_a_paragraph_text_holding_a_newline_is_scanned_item_by_item() -> None:
    document = read("甲\n乙", "a.txt")
    document.lines[0] = type(document.lines[0])(1, "甲\n；")
    document.cache.clear()
    assert scan.lines_with(document, re.compile("；")) == [document.lines[0]]


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="是否非一二三十两第首先其次最后再，。、：a1", max_size=30),
       lo=st.integers(0, 32), hi=st.integers(0, 32))
def test_shi_items_are_the_matches_of_the_pattern(text: str, lo: int, hi: int) -> None:
    """enumeration.shi_items finds 一是 items from each 是, as RE_ENUM_SHI would (in the
    whole text, and between two positions: a table cell)."""
    assert enumeration.shi_items(text) == \
        [(m.start(), m.end(), m["num"]) for m in RE_ENUM_SHI.finditer(text)]
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    assert enumeration.shi_items(text, lo, hi) == \
        [(m.start(), m.end(), m["num"]) for m in RE_ENUM_SHI.finditer(text, lo, hi)]


@pytest.mark.parametrize("text", ["一二三四是", "十一是否", "统一是", "是一是", "二是非", "三是"])
def test_shi_items_examples(text: str) -> None:
    assert enumeration.shi_items(text) == \
        [(m.start(), m.end(), m["num"]) for m in RE_ENUM_SHI.finditer(text)]


def test_the_spaces_spelt_out_are_those_of_isspace() -> None:
    """scan.SPACES_BUT_NEWLINE (a class of literals, fast for re) is every space but "\\n"."""
    every = "".join(map(chr, range(0x110000)))
    spaces = {ch for ch in every if ch.isspace()}
    assert set(re.findall(f"[{scan.SPACES_BUT_NEWLINE}]", every)) == spaces - {"\n"}
    assert set(re.findall(r"\s", every)) == spaces  # what the patterns spelt it for


@settings(max_examples=300, deadline=None)
@given(lines=_lines(["1", "２", "٣", " ", "\u3000", "\t", "\xa0", "a", "中", "12 34"]))
def test_the_counter_hint_finds_the_lines_of_a_digit_and_a_space(lines: list[str]) -> None:
    document = _document(lines)
    assert scan.line_indices_with(document, hygiene.RE_COUNTER_HINT) == \
        scan.line_indices_with(document, re.compile(r"\d\s"))
    texts = [line.text for line in document.lines]
    assert scan.indices_with(texts, hygiene.RE_COUNTER_HINT) == \
        scan.indices_with(texts, re.compile(r"\d\s"))


@settings(max_examples=300, deadline=None)
@given(_lines(STYLE_PIECES + ["（一）", "“好”", "《办法》", "（", "）", "“", "”", "“《办法》”",
                              "（“好”）", "【“（）”】", "《“‘’”》"]))
def test_the_paragraphs_with_a_mark_left_in_the_whole_text_are_each_paragraphs(lines: list[str]
                                                                               ) -> None:
    """pairs.lone_paragraphs deletes the pairs from the whole text at once: it finds the
    paragraphs whose own marks keep one once the pairs are deleted, and only those."""
    document = _document(lines)
    own = ["".join(pairs.RE_PAIR_CHARS.findall(p.text)) for p in document.paragraphs]
    assert pairs.lone_paragraphs(document) == \
        [i for i, marks in enumerate(own) if pairs.without_pairs(marks)]


@settings(max_examples=300, deadline=None)
@given(_lines(STYLE_PIECES + list(style.TWO_MARKS) + ["，，", "；！", "?。", "：:"]))
def test_two_marks_found_from_each_first_mark_are_those_of_the_class(lines: list[str]) -> None:
    """style._two_marks scans with a pattern per first mark the lines hold: the lines of
    RE_TWO_MARKS, each once and in order."""
    document = _document(lines)
    assert style._two_marks(document) == scan.line_indices_with(document, style.RE_TWO_MARKS)


DECLARED_PIECES = ["一", "两", "十", "三点", "个", "点", "条", "方面", "个方面", "个问题", "问题",
                   "重点", "讲", "，", "。", "a", "中"]


@settings(max_examples=300, deadline=None)
@given(_lines(DECLARED_PIECES))
def test_the_declared_hints_find_the_paragraphs_of_the_class_hint(lines: list[str]) -> None:
    """declared.DECLARED_HINTS (from the word after the numeral, looking back) find the
    paragraphs RE_DECLARED_HINT finds."""
    document = _document(lines)
    assert scan.paragraphs_with_any(document, declared.DECLARED_HINTS) == \
        scan.paragraphs_with(document, declared.RE_DECLARED_HINT)
    texts = [p.text for p in document.paragraphs]
    assert [i for i, text in enumerate(texts)
            if any(p.search(text) for p in declared.DECLARED_HINTS)] == \
        [i for i, text in enumerate(texts) if declared.RE_DECLARED_HINT.search(text)]


def test_a_run_of_subheadings_before_any_parent_is_counted_to_the_next_parent() -> None:
    text = "（一）甲\n\n（二）乙\n\n1.丙\n\n（三）丁\n\n一、戊\n\n（一）己\n"
    found = [f for f in check_text(text, "a.md").findings if f.rule == "GW111"]
    assert [f.message for f in found] == [
        "层次不当：“（一）”等3个二级标题出现在任何上级标题（如“一、”）之前"]


def test_a_body_with_di_but_no_di_item_still_goes_on_a_list() -> None:
    """A body with 第 but no 第N item (第一次) is read for a 其次/再次 that goes on the list
    of the paragraph before (the reader asks RE_ENUM_DI before reading such a body)."""
    document = read("标题\n\n首先，我们要学习。\n\n第一次会议很好。其次，我们要落实。\n\n"
                    "第二季度。再次，要总结。\n\n第三季度很好。", "a.md")
    assert [(e.line, e.label, e.number) for e in enumeration.enumerations(document)] == \
        [(3, "首先", 1), (5, "其次", 2), (7, "再次", 3)]


@settings(max_examples=300, deadline=None)
@given(_lines(STYLE_PIECES + JUNK_PIECES + ["·", "\xad", "×", "é"]))
def test_the_rare_characters_found_from_the_latin_text_are_those_in_the_text(lines: list[str]
                                                                              ) -> None:
    """style._holds_any asks the Latin-1 characters of scan.latin_text (the text's Latin-1
    characters) and the others of the text: the same as asking the text of each."""
    document = _document(lines)
    text = scan.lines_text(document)
    assert scan.latin_text(document) == \
        "".join(ch for ch in text if ch <= "\xff").encode("latin-1")
    for chars in (style.QUICK_CHARS, style.FULL_WIDTH_DIGIT_CHARS, style.INVISIBLE_CHARS_FOUND,
                  (".", "·", "中"), ()):
        assert style._holds_any(document, style.by_width(chars)) == \
            any(ch in text for ch in chars), chars


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="XＸx×○□_【】1中 ", max_size=20))
def test_the_x_placeholders_alone_are_those_of_the_whole_pattern(text: str) -> None:
    """On a line whose only placeholder character is X, RE_X_PLACEHOLDER finds what
    RE_PLACEHOLDER finds."""
    if not any(ch in text for ch in hygiene.NOT_X):
        assert hygiene.RE_X_PLACEHOLDER.findall(text) == hygiene.RE_PLACEHOLDER.findall(text)


def _sequence_words_whole(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """enumeration._matches("序", …) as it was written: each word looked for whole."""
    word = text[lo:lo + 2] if hi - lo >= 2 else ""
    out = [(lo, lo + 2, word)] if word in enumeration.SEQUENCE_WORDS else []
    for inner in enumeration.MID_SEQUENCE_WORDS:
        pos = text.find(inner, lo + 1, hi)
        while pos >= 0:
            if text[pos - 1] in enumeration.SENTENCE_BEFORE:
                out.append((pos, pos + 2, inner))
            pos = text.find(inner, pos + 2, hi)
    return sorted(out)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="首先其次再最后。；!?，a", max_size=30),
       lo=st.integers(0, 32), hi=st.integers(0, 32))
def test_sequence_words_found_from_their_second_character(text: str, lo: int, hi: int
                                                          ) -> None:
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    assert enumeration._matches("序", text, lo, hi) == _sequence_words_whole(text, lo, hi)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="我们存在不足问题：:。，,！a", max_size=50))
def test_the_lead_or_its_clause_in_one_pattern(text: str) -> None:
    """sections.RE_LEAD_OR_CLAUSE matches what RE_LEAD matches, else RE_LEAD_CLAUSE."""
    m = sections.RE_LEAD.match(text) or sections.RE_LEAD_CLAUSE.match(text)
    both = sections.RE_LEAD_OR_CLAUSE.match(text)
    assert (m and m.group()) == (both and both.group())


TITLE_PIECES = ["存在的问题", "问题", "下一步打算", "打算", "工作", "情况", "主要做法",
                "（2025年）", "“", "”", " ", "和", "、", "原因", "整改措施", "措施", "加强", "的",
                "。", "a"]


@settings(max_examples=300, deadline=None)
@given(titles=st.lists(st.lists(st.sampled_from(TITLE_PIECES), max_size=5).map("".join),
                       max_size=6),
       doctype=st.sampled_from(["summary", "self-review", "plan", "progress-report", "speech"]))
def test_a_title_left_unread_names_no_part(titles: list[str], doctype: str) -> None:
    """keywords.titles_to_read passes over only titles winners() finds no part in (a
    short outline has every title read instead: the same parts)."""
    schema = load_schemas()[doctype]
    keyed = {1: keywords.key_words(schema, 1), 2: keywords.key_words(schema, 2)}
    read = keywords.titles_to_read(titles, keyed)
    for index, title in enumerate(titles):
        if index not in read:
            assert not keywords.winners(title, keyed[1]) and \
                not keywords.winners(title, keyed[2])


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="我讲三点，。！?；:领导a", max_size=30), start=st.integers(0, 31))
def test_the_clause_before_an_announcement(text: str, start: int) -> None:
    """declared._clause_start (rfind of each mark) is the end of RE_CLAUSE_START's last
    match before `start`."""
    start = min(start, len(text))
    last = 0
    for m in declared.RE_CLAUSE_START.finditer(text, 0, start):
        last = m.end()
    assert declared._clause_start(text, start) == last


def test_title_noise_starts_with_no_letter_or_digit() -> None:
    """keywords.winners skips RE_TITLE_NOISE on a title of letters and digits only: no
    match of it can start with one (\\s, quotes and brackets are none)."""
    every = "".join(map(chr, range(0x110000)))
    starts = {m.group()[0] for m in keywords.RE_TITLE_NOISE.finditer(every + "（）()")}
    assert starts and not any(ch.isalnum() for ch in starts)
    assert not any(keywords.RE_TITLE_NOISE.match(ch) for ch in every if ch.isalnum())
