"""The reader's whole-text scans find what the per-paragraph tests find.

A pass that looks for its few paragraphs in the paragraphs' texts joined (one regex pass
in C) must give what its loop over every paragraph gives; each is compared here with
the plain formulation on many generated inputs built from the characters that matter.
"""
from __future__ import annotations

import random

import pytest
from gongwen.check import document, layout, parts
from gongwen.check.document import read
from gongwen.check.headings import RE_SENTENCE_END, make_heading
from gongwen.check.holding import OrdinalScan, scan_ordinals
from gongwen.check.items import RE_ANY_NEXT, may_hold_items
from gongwen.check.layout import mark_apart
from gongwen.check.model import Heading
from gongwen.check.paragraphs import Line, Paragraph, joined
from gongwen.check.parts import mark_parts
from gongwen.check.runon import holding_ordinals, may_hold_ordinal
from gongwen.text.blocks import MARKUP, RE_TAG, atx_heading, clean_inline, scan_lines
from gongwen.text.numbering import parse_ordinal
from gongwen.text.syntax import RE_COMMENT


def _strings(alphabet: list[str], count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def _paragraphs(texts: list[str]) -> list[Paragraph]:
    return [Paragraph(i, [Line(i, text)], text) for i, text in enumerate(texts, 1)]


def test_holding_ordinals_are_the_paragraphs_that_may_hold_one() -> None:
    alphabet = list("一二十百两〇零第（）()、.．章节条0129４文是，。 ")
    texts = _strings(alphabet, 60_000, 7, seed=11)
    for start in range(0, len(texts), 40):
        group = texts[start:start + 40]
        found = holding_ordinals(joined(_paragraphs(group)))
        assert found == [i for i, text in enumerate(group) if may_hold_ordinal(text)], group


def test_the_matches_found_from_their_lead_are_those_of_finditer() -> None:
    """match_starts (str.find to each lead, then re after FEW_LEADS of them) finds where
    each pattern of the ordinal scan matches, as finditer does."""
    from gongwen.check.holding import HOLDING_LEADS, RE_HOLDING, match_starts

    alphabet = list("一二十第（）()、.．章条09文，\n")
    for text in _strings(alphabet, 4000, 60, seed=13):
        for lead, pattern in zip(HOLDING_LEADS, RE_HOLDING):
            assert match_starts(text, lead, pattern) == \
                [m.start() for m in pattern.finditer(text)], (lead, text)


def test_joined_texts_map_positions_to_their_paragraphs() -> None:
    texts = joined(_paragraphs(["ab", "", "cde", "f"]))
    assert texts.text == "ab\n\ncde\nf"
    assert texts.indices([0, 1, 2, 3, 4, 6, 7, 8, 9]) == [0, 1, 2, 3]
    assert texts.indices([8, 0]) == [0, 3]
    assert joined(_paragraphs(["a\nb", "c"])) is None  # a text holding "\n": no joined text


def test_a_few_positions_or_many_map_to_the_paragraph_holding_each() -> None:
    """Joined.indices counts the line breaks before a few positions, and looks up many among
    the texts' ends: both give the paragraph that holds each position."""
    rng = random.Random(12)
    for _ in range(3000):
        texts = joined(_paragraphs(_strings(list("ab文"), rng.randint(1, 30), 6, rng.random())))
        owner = [i for i, text in enumerate(texts.texts) for _ in range(len(text) + 1)]
        positions = [rng.randrange(len(texts.text)) for _ in range(rng.randint(0, 30))] \
            if texts.text else []
        assert texts.indices(positions) == sorted({owner[pos] for pos in positions}), texts


def test_the_items_gate_is_the_search_of_each_pattern() -> None:
    alphabet = list("。；;：:（）()1２3、.．文 \n\u3000") + ["2025", "：1.", "。(2)"]
    for text in _strings(alphabet, 60_000, 12, seed=12):
        assert may_hold_items(text) == any(p.search(text) for p in RE_ANY_NEXT), text


def _marks(paragraphs: list[Paragraph]) -> list[tuple[str, bool]]:
    return [(p.role, p.section_break) for p in paragraphs]


def test_mark_apart_on_a_long_page_marks_what_the_loop_over_every_paragraph_marks(
        monkeypatch) -> None:
    pieces = ["目录", "目　录", "一、总体要求……1", "总体要求……3", "总体要求 ……3 ", "二、主要任务",
              "附件：1.方案", "1.名单", "2.清单", "附件1", "第三条　内容", "1.2　等级划分",
              "正文内容。", "一、总体要求", "（一）指导思想", "3.细则", "— 2 —", "", " ", "页码 12",
              "第二章", "附：活动安排表", "１.全角", "2024年1月"]
    rng = random.Random(13)
    for _ in range(300):
        texts = [rng.choice(pieces) for _ in range(rng.randint(1, 40))]
        monkeypatch.setattr(layout, "APART_SCAN_MIN", 10 ** 9)  # every paragraph looked at
        plain = _paragraphs(texts)
        plain_settled = mark_apart(plain)
        monkeypatch.setattr(layout, "APART_SCAN_MIN", 0)  # the scan for candidates
        scanned = _paragraphs(texts)
        assert mark_apart(scanned) == plain_settled
        assert _marks(scanned) == _marks(plain), texts


def _reference_heading(text: str, raw_text: str, number: int, form_hint: str | None):
    """make_heading as first written: every step taken for every heading."""
    ordinal = parse_ordinal(text)
    if ordinal is None:
        return None
    level, label, value, raw, rest, _, width = ordinal
    body = ""
    if form_hint == "markdown":
        title, form = rest.strip(), "markdown"
    else:
        bold = raw_text.lstrip()
        bold = RE_TAG.sub("", RE_COMMENT.sub("", bold)).lstrip() if "<" in bold else bold
        end = -1
        if bold.startswith("**"):
            close = bold.find("**", 2)
            if close > 0:
                end = len(clean_inline(bold[:close + 2])) - len(raw)
        if end < 0:
            m = RE_SENTENCE_END.search(rest)
            end = m.start() + 1 if m else len(rest)
        head, body = rest[:end], rest[end:].strip()
        title = head.strip().rstrip("。！？!?；;").strip()
        form = "run-in" if body else "line"
    return Heading(number, level, label, value, title, form, raw.strip(), width), body


def test_make_heading_reads_what_every_step_reads() -> None:
    alphabet = list("一（）1.、标题。；！ *<") + ["**", "<b>", "<!-- x -->", "（一）", "1.", "二、"]
    for text in _strings(alphabet, 40_000, 8, seed=14):
        cleaned = clean_inline(text)
        for hint in (None, "markdown"):
            assert make_heading(cleaned, text, 3, hint) == \
                _reference_heading(cleaned, text, 3, hint), text


def _reading(document) -> tuple:
    return (document.front.meta, document.front.body_start, document.front.error,
            document.title, document.lines, document.acks, document.scanned,
            [(p.line, p.text, p.role, p.heading) for p in document.paragraphs])


@pytest.mark.parametrize("markdown", [True, False])
def test_the_lines_up_to_the_end_marker_read_as_all_the_lines(monkeypatch, markdown) -> None:
    end = "<!-- gongwen:end -->"
    pieces = ["---", "title: 标题", "...", "# 标题", "一、总体要求", "正文。", "", "  ", end,
              f"  {end}  ", f"见 `{end}`", f"{end}\r", "\r", "\u2028",
              "说明 <!-- gongwen: ack GW103 原因 -->", "```", "（一）指导思想"]
    rng = random.Random(15)
    for _ in range(1500):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.3:
            text = text.replace("\n", "\r\n")
        quick = _reading(read(text, markdown=markdown))
        monkeypatch.setattr(document, "checked_lines", lambda t: (t.splitlines(), True))
        assert quick == _reading(read(text, markdown=markdown)), text
        monkeypatch.undo()


def test_a_file_without_markup_reads_as_every_line_cleaned(monkeypatch) -> None:
    pieces = ["一、总体要求", "  正文内容。  ", "\u3000（一）标题", "", "1. 列表", "- 项目",
              "# 标题", "!!! note", "    缩进", "> 引用", "| 表格 |", "1.2　等级划分", "\t制表"]
    rng = random.Random(17)
    paragraphs = document._paragraphs
    for _ in range(1500):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        markdown = rng.random() < 0.7
        quick = _reading(read(text, markdown=markdown))
        monkeypatch.setattr(document, "_paragraphs",
                            lambda body, md, doc, held=MARKUP, atx=None:
                            paragraphs(body, md, doc, MARKUP, atx))
        assert quick == _reading(read(text, markdown=markdown)), text
        monkeypatch.undo()


def test_scan_lines_keeps_what_it_read_of_each_hash_heading() -> None:
    rng = random.Random(18)
    pieces = ["# 标题", "## 一、总体要求 ##", "###### （一）", "####### 七", "#标题", "   # 缩进",
              "正文", "", "```", "<!-- x -->"]
    for _ in range(2000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 8))]
        headings: dict[int, tuple[int, str]] = {}
        scanned = scan_lines(lines, 0, True, None, headings)
        atx = {number: atx_heading(raw) for number, raw, kind in scanned if kind == "atx"}
        assert headings == atx, lines


def test_columns_counts_each_character_as_one_or_two() -> None:
    def by_character(text: str) -> int:
        return sum(1 if ord(ch) < 0x2E80 and ch not in layout.WIDE else 2 for ch in text)

    alphabet = list("ab 1。，“”‘’…—–-\u2e7f\u2e80\u3000中\ud800\U0001f600\x00\t]^\\")
    for text in _strings(alphabet, 50_000, 12, seed=19):
        assert layout.columns(text) == by_character(text), repr(text)


def test_has_leader_is_the_leader_search() -> None:
    alphabet = list("…．·. \t　12３文。\n") + ["...", "……", "·····"]
    for text in _strings(alphabet, 50_000, 9, seed=20):
        assert layout.has_leader(text) == (layout.RE_LEADER.search(text) is not None), repr(text)


def test_the_items_gate_on_joined_paragraphs_is_the_gate_on_each() -> None:
    alphabet = list("。；;：:（）()1２3、.．文 \u3000") + ["2025", "：1.", "。(2)", "。\n", "\n2."]
    for text in _strings(alphabet, 30_000, 12, seed=21):
        paragraphs = text.split("\n")
        assert may_hold_items(text, in_line=True) == any(map(may_hold_items, paragraphs)), text


def _page(texts: list[str], flags: list[tuple[bool, bool, bool]]) -> list[Paragraph]:
    out = _paragraphs(texts)
    for para, (section_break, listed, contents) in zip(out, flags):
        para.section_break, para.list_item = section_break, listed
        para.role = "contents" if contents else ""
    return out


def test_mark_parts_on_a_long_page_marks_what_the_loop_over_every_paragraph_marks(
        monkeypatch) -> None:
    pieces = ["一、总体要求", "二、主要任务", "（一）指导思想", "（二）目标",
              "1.张某（副校长）", "2.李某", "3.细则", "（1）事项", "附件1", "附件2",
              "附：活动安排表", "三、附：获奖作文范文", "注：", "说明：", "备注：",
              "进一步支持文化企业发展的规定", "工作方案", "2024年1月1日", "正文内容。",
              "为做好工作，特制定以下规定：", "附件：1.方案", "附件", "第三条　内容",
              "十、其他", "（三）附：活动安排表", "3.附：名单", ""]
    rng = random.Random(22)
    for _ in range(600):
        texts = [rng.choice(pieces) for _ in range(rng.randint(1, 40))]
        flags = [(rng.random() < 0.1, rng.random() < 0.05, rng.random() < 0.05) for _ in texts]
        monkeypatch.setattr(parts, "PARTS_SCAN_MIN", 10 ** 9)  # every paragraph looked at
        plain = _page(texts, flags)
        mark_parts(plain)
        monkeypatch.setattr(parts, "PARTS_SCAN_MIN", 0)  # the scan for candidates
        scanned = _page(texts, flags)
        mark_parts(scanned)
        assert [(p.new_part, p.section_break) for p in scanned] == \
            [(p.new_part, p.section_break) for p in plain], texts


def test_the_ordinal_scan_holds_every_item_in_a_line() -> None:
    # scan_ordinals' items_in_line may be True for nothing, never False for an item.
    alphabet = list("。；;：:（）()1２3、.．文 \u3000一二十第章") + \
        ["2025", "：1.", "。(2)", "。\n", "\n2.", "1、", "：（1）", "；3、", "2.5", "（一）"]
    for text in _strings(alphabet, 60_000, 12, seed=23):
        group = text.split("\n")
        scan = scan_ordinals(joined(_paragraphs(group)))
        assert scan.holding == [i for i, t in enumerate(group) if may_hold_ordinal(t)], text
        if may_hold_items(text, in_line=True):
            assert scan.items_in_line, text
        if not any(ch.isdecimal() for ch in text):
            assert not scan.items_in_line, text  # no Arabic digit: no item's number


def _plain_scan(texts):
    """scan_ordinals the plain way: may_hold_ordinal of every text, items always possible."""
    return OrdinalScan([i for i, t in enumerate(texts.texts) if may_hold_ordinal(t)], True)


def _eval_texts() -> list[str]:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from eval_forms import forms
    from eval_set import load_set

    out = []
    for doc in load_set():
        out.append(doc.text)
        out += [variant.text for variant in forms(doc)]
    return out


def test_the_reading_with_the_ordinal_scan_is_the_plain_reading(monkeypatch) -> None:
    # The eval set's documents and their five forms: pasted, wrapped and run-in texts, with
    # the cuts and the items the scan must not miss.
    texts = _eval_texts()
    assert len(texts) > 100
    for text in texts:
        for markdown in (False, True):
            quick = _reading(read(text, markdown=markdown))
            monkeypatch.setattr(document, "scan_ordinals", _plain_scan)
            assert quick == _reading(read(text, markdown=markdown)), text[:200]
            monkeypatch.undo()
