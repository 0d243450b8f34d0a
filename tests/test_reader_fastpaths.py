"""The reader's fast paths give exactly what the plain ways of working it out give.

Each shortcut the reader takes for speed is compared here with the slower formulation it
replaces, on many generated inputs built from the characters that matter to it.
"""
from __future__ import annotations

import random

from gongwen.check.layout import mark_apart
from gongwen.check.paragraphs import Line, Paragraph
from gongwen.check.runon import RE_INLINE_START, may_hold_ordinal
from gongwen.text import numbering
from gongwen.text.blocks import RE_ATX, RE_STRONG, atx_heading, clean_inline
from gongwen.text.numbering import (
    RE_L1,
    RE_L1_SPACED,
    RE_L2,
    RE_L2_SPACED,
    RE_L3,
    RE_L3_SPACED,
    RE_L4,
    RE_RANGE_REST,
    SPACED_REACH,
    Ordinal,
    canonical,
    cn_to_int,
)

WIDTHS = {"（）": "full", "()": "half", "（)": "mixed", "(）": "mixed"}


def _match(fast, spaced, text: str):
    """The usual pattern, else (a space near the start) the one with a space slipped in."""
    m = fast.match(text)
    if m is None and (" " in text[:SPACED_REACH] or "\u3000" in text[:SPACED_REACH]):
        m = spaced.match(text)
    return m


def _reference_ordinal(text: str) -> Ordinal | None:
    """parse_ordinal as first written: each pattern in turn, every field worked out anew
    (with the spaced forms, 四 、 (十 八) 25 ., where the usual pattern fails)."""
    if not text:
        return None
    if text[0] in "（(":
        m2 = _match(RE_L2, RE_L2_SPACED, text) if RE_L4.match(text) is None else RE_L2.match(text)
        m = m2 or RE_L4.match(text)
        if m is not None and m.group()[-1] in "、，," and text[m.end():m.end() + 1] in ("（", "("):
            return None  # （1）、（4）班: numbers listed, no heading
        if m2 is not None:
            number = cn_to_int(m2["num"].replace(" ", "").replace("\u3000", "")) or 0
            if 0 < number <= 999:
                return Ordinal(2, m2["num"], number, m2.group(), text[m2.end():],
                               canonical(2, number), WIDTHS[m2["open"] + m2["close"]])
            return None
        m = RE_L4.match(text)
        if m and int(m["num"]):
            return Ordinal(4, m["num"], int(m["num"]), m.group(), text[m.end():],
                           canonical(4, int(m["num"])), WIDTHS[m["open"] + m["close"]])
        return None
    if text[0] in "一二三四五六七八九十百零〇两":
        m = _match(RE_L1, RE_L1_SPACED, text)
        if m:
            number = cn_to_int(m["num"])
            rest = RE_RANGE_REST.match(text[m.end():m.end() + 3])
            if number and number <= 999 and not (rest and cn_to_int(rest[1]) == number + 1):
                return Ordinal(1, m["num"], number, m.group(), text[m.end():],
                               canonical(1, number))
        return None
    m = _match(RE_L3, RE_L3_SPACED, text)
    if m and int(m["num"]):
        return Ordinal(3, m["num"], int(m["num"]), m.group(), text[m.end():],
                       canonical(3, int(m["num"])))
    return None


def _strings(alphabet: list[str], count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def _outcome(function, text: str) -> object:
    try:
        return function(text)
    except ValueError as exc:  # 一千、 and longer numerals: out of range either way
        return str(exc)


def test_parse_ordinal_gives_what_each_pattern_in_turn_gives() -> None:
    alphabet = list("一二三十百零〇两（）()、.．，,0129１级季度线是第年 文月　")
    alphabet += ["19", "20", "2024年"]
    texts = _strings(alphabet, 60_000, 9, seed=1) + [
        "（一）标题", "(二)、标题", "（三)标题", "十一、标题", "二、三级子公司", "一、二季度",
        "1.标题", "1.5亿元", "20.2026年10件民生实事", "（12）标题", "０.", "（零）", "零、", "0.",
        "百百百百百百百百百百、", "1.10月19日", "1.15月", "（1）、（4）班", "（一）、（二）两项",
        "百,", "一、（一）", "四 、其他", "（十 八）改革", "(二 十)法治", "25 .曲目", "1 .5万元"]
    for text in texts:
        assert _outcome(numbering._parse_ordinal, text) == _outcome(_reference_ordinal, text), text


def test_the_short_forms_read_without_a_pattern_are_read_as_the_patterns_read_them() -> None:
    # _parse_ordinal measures 一、 （一） （1） without RE_L1/RE_L2/RE_L4: texts that start
    # like them, and like what they are not (（一一）, （1,2）, 一一、, 二、三级).
    alphabet = list("（(一三十两1１2）)、，,.．级文 （") + ["\u3000"]
    for text in _strings(alphabet, 60_000, 6, seed=17):
        assert _outcome(numbering._parse_ordinal, text) == _outcome(_reference_ordinal, text), \
            text


def test_a_markdown_heading_is_the_one_make_heading_makes() -> None:
    # group_lines builds a # heading's Heading itself (make_heading's "markdown" form).
    from gongwen.check.document import read
    from gongwen.check.headings import make_heading

    alphabet = list("（(一三十1２）)、，.．级文 　") + ["标题 ", "**", "一、", "（二）"]
    texts = [t for t in _strings(alphabet, 5_000, 8, seed=19) if t.strip()]
    page = "# 标题\n\n" + "\n\n".join(f"## {text}" for text in texts) + "\n"
    headings = [p.heading for p in read(page, "x.md").paragraphs if p.role == "markdown"]
    assert len(headings) > 500
    lines = page.splitlines()
    for heading in headings:
        text = lines[heading.line - 1][3:]
        content = clean_inline(text.strip(" \t"))
        assert make_heading(content, content, heading.line, "markdown")[0] == heading, text


def test_may_hold_ordinal_is_the_inline_start_search_from_the_second_character() -> None:
    alphabet = list("一二十百两〇零第（）()、.．章节条0129４文是，。 ")
    for text in _strings(alphabet, 100_000, 8, seed=2):
        assert may_hold_ordinal(text) == (RE_INLINE_START.search(text, 1) is not None), text


def test_atx_heading_reads_what_the_atx_pattern_reads() -> None:
    alphabet = list("# \t　标题x*") + ["##", "######", "#######"]
    for text in _strings(alphabet, 100_000, 9, seed=4):
        m = RE_ATX.match(text)
        assert atx_heading(text) == (None if m is None else (len(m[1]), m[2] or "")), text


def test_bold_marks_go_as_the_strong_pattern_takes_them() -> None:
    # clean_inline drops ** with str.replace when there is no __ (RE_STRONG.sub otherwise).
    for text in _strings(list("*_a文 。") + ["**", "__"], 50_000, 10, seed=5):
        if "<" not in text and "`" not in text and "[" not in text and "\\" not in text:
            assert clean_inline(text) == RE_STRONG.sub("", text).strip(), text


def test_a_bold_span_without_other_markup_loses_its_marks_as_clean_inline_takes_them() -> None:
    # make_heading measures a bold heading's span **（一）标题。** with str.replace where
    # RE_OTHER_MARKUP finds nothing clean_inline would do more with.
    from gongwen.check.headings import RE_OTHER_MARKUP

    alphabet = list("*_a文 。<`[]\\（一）") + ["**", "__", "](x)", "[^1]", "<b>", "<!-- c -->"]
    checked = 0
    for text in _strings(alphabet, 50_000, 10, seed=11):
        span = f"**{text}**"
        if not RE_OTHER_MARKUP.search(span):
            checked += 1
            assert clean_inline(span) == span.replace("**", "").strip(), span
    assert checked > 1_000


def test_two_first_ordinals_are_found_as_str_find_finds_them() -> None:
    # The reader's gate for mark_quoted: two 一、 in the text, looked for with re.
    from gongwen.check.document import RE_ONE

    for text in _strings(["一", "、", "一、", "二", "a", "\n"], 20_000, 12, seed=13):
        want = text.find("一、", text.find("一、") + 1) > 0
        assert bool((first := RE_ONE.search(text)) and RE_ONE.search(text, first.end())) \
            == want, text


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(i, [Line(i, text)], text) for i, text in enumerate(texts, 1)]


def _marks(paragraphs: list[Paragraph]) -> list[tuple[str, bool]]:
    return [(p.role, p.section_break) for p in paragraphs]


def test_mark_apart_says_when_a_second_pass_would_change_nothing() -> None:
    pieces = ["目录", "目　录", "一、总体要求……1", "总体要求……3", "二、主要任务",
              "附件：1.方案", "1.名单", "2.清单", "附件1", "第三条　内容", "1.2　等级划分",
              "正文内容。", "一、总体要求", "（一）指导思想", "3.细则"]
    rng = random.Random(3)
    settled_seen = unsettled_seen = 0
    for _ in range(3000):
        paragraphs = _paragraphs([rng.choice(pieces) for _ in range(rng.randint(1, 12))])
        settled = mark_apart(paragraphs)
        once = _marks(paragraphs)
        mark_apart(paragraphs)
        if settled:
            settled_seen += 1
            assert _marks(paragraphs) == once
        else:
            unsettled_seen += 1
    assert settled_seen and unsettled_seen


def test_a_contents_heading_is_read_on_the_second_pass_when_its_entries_are_marked() -> None:
    paragraphs = _paragraphs(["目录", "总体要求……1", "正文内容。"])
    assert mark_apart(paragraphs) is False
    assert [p.role for p in paragraphs] == ["", "contents", ""]
    mark_apart(paragraphs)
    assert [p.role for p in paragraphs] == ["contents", "contents", ""]

