"""The reader's whole-text scans find what the per-paragraph tests find.

A pass that looks for its few paragraphs in the paragraphs' texts joined (one regex pass
in C) must give what its loop over every paragraph gives; each is compared here with
the plain formulation on many generated inputs built from the characters that matter.
"""
from __future__ import annotations

import random

from gongwen.check import layout
from gongwen.check.items import RE_ANY_NEXT, may_hold_items
from gongwen.check.layout import mark_apart
from gongwen.check.paragraphs import Line, Paragraph, joined
from gongwen.check.runon import holding_ordinals, may_hold_ordinal


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


def test_joined_texts_map_positions_to_their_paragraphs() -> None:
    texts = joined(_paragraphs(["ab", "", "cde", "f"]))
    assert texts.text == "ab\n\ncde\nf"
    assert texts.indices([0, 1, 2, 3, 4, 6, 7, 8, 9]) == [0, 1, 2, 3]
    assert texts.indices([8, 0]) == [0, 3]
    assert joined(_paragraphs(["a\nb", "c"])) is None  # a text holding "\n": no joined text


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
