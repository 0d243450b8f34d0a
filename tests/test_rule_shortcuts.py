"""The rules' shortcuts give what the long way gives, on real texts.

Each shortcut of gongwen.check.rules (a whole-text scan in C that settles most pages, a
walk of only the paragraphs that may hold something) is compared with the plain way it
replaces, on every document of the evaluation set, the five forms writers paste the real
ones in, and the site's own pages.
"""
from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest
from gongwen.check.document import Document, read
from gongwen.check.rules import numbering, pairs, style
from gongwen.check.rules.stretches import plain_outline
from gongwen.text.numbering import canonical
from hypothesis import given, settings
from hypothesis import strategies as st

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
    from gongwen.check.rules import declared, enumeration
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


def _walked(document) -> list:
    """What numbering._analyse reports when every outline is walked (no shortcut)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(numbering, "plain_outline", lambda document: False)
        document.cache.clear()
        return numbering._analyse(document)


def test_an_outline_that_simply_goes_on_is_one_the_walk_finds_nothing_in() -> None:
    """stretches.plain_outline lets numbering._analyse pass over an outline: the walk
    reports nothing there (and the shortcut is taken on many real documents)."""
    plain = 0
    for document in _documents():
        if plain_outline(document):
            plain += 1
            assert _walked(document) == [], document.path
    assert plain > 100


# An outline as drafts number it: mostly the next number at a level already open, or a
# level deeper at 1; sometimes a skip, a jump, a repeat, a restart, a label between.
STEP = st.tuples(st.sampled_from([1, 2, 2, 3, 3, 4]), st.sampled_from(["next"] * 6 + [
    "one", "same", "jump"]))
LABEL = st.sampled_from(["情形二：", "本行是正文。", "1.2　等级划分", "附件1", "第三条　范围"])


def _outline(steps: list) -> str:
    out, last = ["# 2024年工作总结"], {}
    for step in steps:
        if isinstance(step, str):
            out.append(step)
            continue
        level, how = step
        number = {"next": last.get(level, 0) + 1, "one": 1, "same": last.get(level, 1),
                  "jump": last.get(level, 0) + 2}[how]
        last[level] = number
        for deeper in range(level + 1, 5):
            last.pop(deeper, None)
        out.append(f"{canonical(level, number)}第{number}项工作")
    return "\n".join(out) + "\n"


@settings(max_examples=500, deadline=None)
@given(steps=st.lists(st.one_of(STEP, STEP, STEP, LABEL), max_size=30),
       markdown=st.booleans())
def test_the_walk_finds_nothing_in_any_outline_that_simply_goes_on(steps: list,
                                                                    markdown: bool) -> None:
    document = read(_outline(steps), "a.md" if markdown else "a.txt")
    assert numbering._analyse(document) == _walked(document)


def test_a_lead_ending_in_a_colon_is_found_reading_only_the_paragraphs_with_one() -> None:
    """sections._lead_hits, when no part wanted has lead phrases, reads only the paragraphs
    holding a colon (only a lead ending in one names such a part): it finds what reading
    every paragraph finds (a lead phrase that never matches, wanted too, forces that)."""
    from types import SimpleNamespace

    from gongwen.check.rules import sections
    from gongwen.check.schema import load_schemas
    never = (SimpleNamespace(name="(none)"), (re.compile("(?!)"),))
    every = sections.lead_patterns
    compared = 0
    for schema in load_schemas().values():
        wanted = {s.name for s in schema.slots if s.synonyms and not s.leads}
        if not wanted:
            continue
        for document in _documents():
            shortcut = sections._lead_hits(document, schema, wanted)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(sections, "lead_patterns",
                              lambda schema: ((*every(schema)[0], never), every(schema)[1]))
                read_all = sections._lead_hits(document, schema, wanted | {"(none)"})
            # (Only the parts wanted are asked of the result: see sections._match.)
            found = {k: v for k, v in shortcut.items() if k in wanted}
            assert found == {k: v for k, v in read_all.items() if k in wanted}, \
                (document.path, schema.doctype)
            compared += bool(found)
    assert compared > 20


def test_the_readers_join_of_the_paragraphs_is_the_rules_join() -> None:
    """The reader leaves its join of the paragraphs' texts for the rules' scans
    (scan.paragraphs_text) when no paragraph was cut after it: the texts of the
    paragraphs as read, joined, every time it does (and it does on most documents)."""
    from gongwen.check.paragraphs import PARAGRAPHS_TEXT
    left = 0
    for document in _documents():
        fresh = read(_texts()[document.path], document.path)
        if PARAGRAPHS_TEXT in fresh.cache:
            left += 1
            assert fresh.cache[PARAGRAPHS_TEXT] == \
                "\n".join(p.text for p in fresh.paragraphs), document.path
    assert left > len(_documents()) // 2


@cache
def _texts() -> dict[str, str]:
    """The texts of _documents(), by path."""
    out = {}
    for doc in load_set("all"):
        out[f"{doc.id}.txt"] = doc.text
        if doc.set == "real":
            out.update((f"{doc.id}-{form.set}.txt", form.text) for form in forms(doc))
    out.update((str(page), page.read_text(encoding="utf-8"))
               for page in sorted((ROOT / "docs").rglob("*.md")))
    return out


def test_the_documents_read_alike_with_every_mark_asked_of_every_line(monkeypatch) -> None:
    """The reader asks each line only for the marks of inline markup the page's body
    holds (blocks.markup_held): the same lines, paragraphs and outline as asking all."""
    from gongwen.check import document as reader
    from gongwen.text.blocks import MARKUP
    for path, text in _texts().items():
        quick = read(text, path)
        monkeypatch.setattr(reader, "markup_held", lambda *args: MARKUP)
        slow = read(text, path)
        monkeypatch.undo()
        assert (quick.lines, quick.plain_headings, quick.headings, quick.title,
                [(p.text, p.raw_first, p.role) for p in quick.paragraphs]) == \
            (slow.lines, slow.plain_headings, slow.headings, slow.title,
             [(p.text, p.raw_first, p.role) for p in slow.paragraphs]), path
