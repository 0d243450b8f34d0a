"""The rules' shortcuts give what the long way gives, on real texts.

Each shortcut of gongwen.check.rules (a whole-text scan in C that settles most pages, a
walk of only the paragraphs that may hold something) is compared with the plain way it
replaces, on every document of the evaluation set, the five forms writers paste the real
ones in, and the site's own pages.
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest
from gongwen.check.document import Document, read
from gongwen.check.rules import pairs, style

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_forms import forms
from eval_set import load_set


@cache
def _documents() -> tuple[Document, ...]:
    """The evaluation set (as .txt), each real document in its five forms, and the pages
    of docs/ (as Markdown)."""
    texts = []
    for doc in load_set("all"):
        texts.append((doc.text, f"{doc.id}.txt"))
        if doc.set == "real":
            texts.extend((form.text, f"{doc.id}-{form.set}.txt") for form in forms(doc))
    texts.extend((page.read_text(encoding="utf-8"), str(page))
                 for page in sorted((ROOT / "docs").rglob("*.md")))
    return tuple(read(text, path) for text, path in texts)


def test_the_documents_are_many_and_of_each_kind() -> None:
    names = [d.path for d in _documents()]
    assert len(names) > 400
    assert any(n.endswith("-pdf.txt") for n in names) and any(n.endswith(".md") for n in names)


@pytest.mark.parametrize("part", range(4))
def test_the_paragraphs_with_a_lone_mark_are_those_of_each_paragraphs_marks(part: int
                                                                           ) -> None:
    """pairs.lone_paragraphs (the pairs deleted from the whole text at once) finds the
    paragraphs whose own marks keep one after without_pairs, and only those."""
    for document in _documents()[part::4]:
        own = ["".join(pairs.RE_PAIR_CHARS.findall(p.text)) for p in document.paragraphs]
        assert pairs.lone_paragraphs(document) == \
            [i for i, marks in enumerate(own) if pairs.without_pairs(marks)], document.path


def test_the_lines_with_two_marks_in_a_row_are_those_of_the_class() -> None:
    """style._two_marks (the common marks by their pattern, the rare ones by str.find)
    finds the lines RE_TWO_MARKS finds, each once and in order."""
    from gongwen.check.rules import scan
    for document in _documents():
        assert style._two_marks(document) == \
            scan.line_indices_with(document, style.RE_TWO_MARKS), document.path


def test_each_rule_of_a_family_reports_its_share_of_the_analysis_in_order() -> None:
    """base.family_member sorts a family's analysis out by rule once: each rule gets the
    findings the analysis gives for it, in the analysis's order."""
    from gongwen.check.rules import declared, enumeration, numbering
    families = [(numbering._analyse, numbering.RULES[2:]),
                (enumeration._analyse, enumeration.RULES),
                (declared._analyse_outline, declared.RULES[1:])]
    for document in _documents():
        for analyse, rules in families:
            every = analyse(document)
            for rule in rules:
                assert list(rule.check(document, None)) == \
                    [f for r, f in every if r.code == rule.code], (document.path, rule.code)
        document.cache.clear()
