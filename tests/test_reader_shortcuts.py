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
    from gongwen.text.blocks import checked_lines, quiet_lines

    rng = random.Random(23)
    for _ in range(20_000):
        text = "\n".join(rng.choice(MARKED) for _ in range(rng.randint(0, 10)))
        lines, whole = checked_lines(text)
        quiet = quiet_lines(text, lines, whole)
        assert 0 <= quiet <= len(lines), text
        assert not any("gongwen" in line or "annotate" in line for line in lines[:quiet]), text


def test_a_page_reads_alike_with_every_line_searched(monkeypatch) -> None:
    from gongwen.check import document
    from gongwen.check.document import read

    rng = random.Random(24)
    for _ in range(1500):
        text = "\n".join(rng.choice(MARKED) for _ in range(rng.randint(0, 12)))
        for markdown in (True, False):
            quick = read(text, markdown=markdown)
            monkeypatch.setattr(document, "quiet_lines", lambda text, lines, whole: 0)
            slow = read(text, markdown=markdown)
            monkeypatch.undo()
            assert (quick.scanned, quick.lines, quick.acks, [p.text for p in quick.paragraphs]) \
                == (slow.scanned, slow.lines, slow.acks, [p.text for p in slow.paragraphs]), text
