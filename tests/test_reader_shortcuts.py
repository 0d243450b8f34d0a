"""More of the reader's shortcuts, each compared with the plain way it replaces.

Generated inputs built from the characters that matter to each shortcut; every answer
must be the plain one.
"""
from __future__ import annotations

import random

from gongwen.check.layout import ORDINAL_WINDOW
from gongwen.check.runon import leading_ordinal
from gongwen.text import numbering
from gongwen.text.numbering import parse_ordinal

NUMERALS = list("一二三四五六七八九十百零〇两")


def _text(rng: random.Random, alphabet: list[str]) -> str:
    """A text around the window's edge, often led by a long run of numerals."""
    shape = rng.random()
    lead = ""
    if shape < 0.3:
        lead = rng.choice("（(") + rng.choice(NUMERALS) * rng.randint(0, 50)
    elif shape < 0.6:
        lead = "".join(rng.choice(NUMERALS) for _ in range(rng.randint(20, 50)))
    return lead + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def test_leading_ordinal_reads_level_and_number_as_the_window_does() -> None:
    alphabet = NUMERALS * 3 + list("、.．，,（）()0123456789年月是的") + ["19", "20", "2026年"]
    rng = random.Random(21)
    for memo in (None, {}):
        numbering.ordinal_memo = memo
        try:
            for _ in range(40_000):
                text = _text(rng, alphabet)
                got, want = leading_ordinal(text), parse_ordinal(text[:ORDINAL_WINDOW])
                assert (got is None) == (want is None), text
                if got is not None:
                    assert got[:4] == want[:4] and got[5:] == want[5:], text  # all but rest
        finally:
            numbering.ordinal_memo = None


def test_no_paragraph_text_of_the_reader_holds_a_line_break() -> None:
    # The reader joins its paragraphs' texts without joined()'s count of the "\n"s.
    from gongwen.check.document import read
    from gongwen.check.paragraphs import joined

    pieces = ["# 标题", "## 一、总体要求", "正文内容。", "", "1. 列表", "- 项目",
              "**（一）标题。**正文", "<span id='a'></span>文字", "[链接](x.md)", "`代码`",
              "a\\_b", "\r", "\u2028", "x\x0b", "一、总体\u3000", "附件：1.方案", "目录",
              "一、总体要求……1", "> 引用", "    缩进", "!!! note", "    注释", "```",
              "<!-- 注释 -->", "第三条　内容", "\u3000"]
    rng = random.Random(22)
    for _ in range(3000):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        for markdown in (True, False):
            doc = read(text, markdown=markdown)
            assert all("\n" not in para.text for para in doc.paragraphs), text
            assert joined(doc.paragraphs) is not None or not doc.paragraphs


MARKED = ["<!-- gongwen:end -->", "  <!-- gongwen:end -->  ",
          "说明 <!-- gongwen: ack GW103 原因 -->", "{ .annotate }", "1. 注释", "文字 annotate",
          "见 `<!-- gongwen:end -->`", "---", "title: 标题", "# 标题", "正文。", "", "一、总体要求",
          "\r", "\u2028", "```", "    缩进"]


def test_quiet_lines_hold_neither_word() -> None:
    """Of the lines scan_lines reads (after the front matter), the first quiet_lines hold
    neither word."""
    from gongwen.text.blocks import body_latin, checked_lines, quiet_lines
    from gongwen.text.frontmatter import split_front_matter

    rng = random.Random(23)
    for _ in range(20_000):
        text = "\n".join(rng.choice(MARKED) for _ in range(rng.randint(0, 10)))
        lines, whole = checked_lines(text)
        start = split_front_matter(lines).body_start
        quiet = quiet_lines(body_latin(text, lines, start, whole), lines, whole)
        assert 0 <= quiet <= len(lines), text
        assert not any("gongwen" in line or "annotate" in line
                       for line in lines[start:quiet]), text


def test_a_page_reads_alike_with_every_line_searched(monkeypatch) -> None:
    from gongwen.check import document
    from gongwen.check.document import read

    rng = random.Random(24)
    for _ in range(1500):
        text = "\n".join(rng.choice(MARKED) for _ in range(rng.randint(0, 12)))
        for markdown in (True, False):
            quick = read(text, markdown=markdown)
            monkeypatch.setattr(document, "quiet_lines", lambda latin, lines, whole: 0)
            slow = read(text, markdown=markdown)
            monkeypatch.undo()
            assert (quick.scanned, quick.lines, quick.acks, [p.text for p in quick.paragraphs]) \
                == (slow.scanned, slow.lines, slow.acks, [p.text for p in slow.paragraphs]), text


MARKUP_PIECES = ["<span id='a'></span>", "<!-- 注释 -->", "**加粗**", "__粗__", "a_b", "`代码`",
                 "[链接](x.md)", "[^1]", "a\\_b", "\\*", "{ .class }", "{: #id }", "学实定",
                 "正文。", "", "---", "title: a_b", "source: 002_x.txt", "# 标题 {#h}",
                 "## 一、总体要求", "- 项目**一**", "1. `x`", "<!-- gongwen:end -->", "\r\n",
                 "\r", "\u2028", "\x85", "\ufeff", "中"]


def _marked_page(rng: random.Random) -> str:
    lines = ["".join(rng.choice(MARKUP_PIECES) for _ in range(rng.randint(0, 4)))
             for _ in range(rng.randint(0, 12))]
    front = "---\ntitle: x_y\n---\n" if rng.random() < 0.5 else ""
    return front + rng.choice(["\n", "\r\n", "\n\n"]).join(lines)


def test_the_marks_held_are_those_of_every_line_read() -> None:
    """markup_held, asked once of the stretch of the text the lines come from, names
    every mark of MARKUP that a line from the body's first to the end marker's holds."""
    from gongwen.text.blocks import MARKUP, checked_lines, markup_held
    from gongwen.text.frontmatter import split_front_matter

    rng = random.Random(25)
    for _ in range(20_000):
        text = _marked_page(rng)
        lines, whole = checked_lines(text)
        start = split_front_matter(lines).body_start
        held = markup_held(text, lines, start, whole)
        assert {mark for line in lines[start:] for mark in MARKUP if mark in line} \
            <= set(held), text


def test_the_cleaner_of_the_marks_held_cleans_as_clean_inline() -> None:
    """inline_cleaner(held) gives clean_inline's text for a line holding no other mark."""
    from gongwen.text.blocks import INLINE_MARKS, clean_inline, inline_cleaner

    rng = random.Random(26)
    for _ in range(20_000):
        line = "".join(rng.choice(MARKUP_PIECES) for _ in range(rng.randint(0, 5)))
        held = "".join(mark for mark in INLINE_MARKS if mark in line or rng.random() < 0.3)
        assert inline_cleaner(held)(line) == clean_inline(line), (line, held)


def test_a_page_reads_alike_with_every_mark_asked_of_every_line(monkeypatch) -> None:
    from gongwen.check import document
    from gongwen.check.document import read
    from gongwen.text.blocks import MARKUP

    rng = random.Random(27)
    for _ in range(3000):
        text = _marked_page(rng)
        for markdown in (True, False):
            quick = read(text, markdown=markdown)
            monkeypatch.setattr(document, "markup_held", lambda *args: MARKUP)
            slow = read(text, markdown=markdown)
            monkeypatch.undo()
            assert (quick.lines, quick.plain_headings, quick.headings, quick.title,
                    [(p.text, p.raw_first) for p in quick.paragraphs]) == \
                (slow.lines, slow.plain_headings, slow.headings, slow.title,
                 [(p.text, p.raw_first) for p in slow.paragraphs]), text
