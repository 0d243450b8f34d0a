"""The rules' fast paths give what the plain code gives.

numbering._analyse walks a long outline a stretch at a time where the headings simply
go on (one level, numbered one by one): these tests walk the same outlines heading by
heading (the fast path switched off) and compare everything the family reports.
"""
from __future__ import annotations

import dataclasses

import pytest
from gongwen.check.document import read
from gongwen.check.model import Finding, acknowledged, make_finding
from gongwen.check.rules import numbering
from gongwen.text.numbering import canonical
from hypothesis import given, settings
from hypothesis import strategies as st

# A heading line: level and number (numbers near each other, so that runs go on, skip,
# repeat and start again), or a line that is not a heading (a label, a section number).
HEADING = st.tuples(st.sampled_from([1, 2, 2, 2, 3, 3, 4]), st.integers(1, 6))
OTHER = st.sampled_from(["情形二：", "本行是正文。", "1.2　等级划分", "附件1", "第三条　范围"])
LINE = st.one_of(HEADING, HEADING, HEADING, HEADING, OTHER)


def _text(lines: list) -> str:
    out = ["# 2024年工作总结"]
    counters: dict[int, int] = {}
    for line in lines:
        if isinstance(line, str):
            out.append(line)
            continue
        level, step = line
        # Mostly the next number; sometimes a jump, a repeat or a one.
        number = counters.get(level, 0) + 1 if step < 4 else {4: 1, 5: counters.get(
            level, 1), 6: counters.get(level, 0) + 2}[step]
        counters[level] = number
        out.append(f"{canonical(level, number)}第{number}项工作")
    return "\n".join(out) + "\n"


def _both(text: str) -> tuple[list, list]:
    results = []
    for long_outline in (1, 10**9):  # the fast path everywhere, then nowhere
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(numbering, "LONG_OUTLINE", long_outline)
            patch.setattr(numbering, "STRETCH", 5)  # stretches end inside runs too
            patch.setattr(numbering, "TRY_AGAIN", 1)
            document = read(text, "a.md")
            results.append([(rule.code, f) for rule, f in numbering._analyse(document)])
    return results[0], results[1]


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINE, max_size=80))
def test_the_walk_by_stretches_reports_what_the_walk_by_headings_does(lines: list) -> None:
    fast, slow = _both(_text(lines))
    assert fast == slow


def test_a_long_run_that_starts_again_is_walked_by_stretches() -> None:
    """（一）…（九百九十九） again and again: the stretches stop at each new （一）."""
    body = "\n".join(f"{canonical(2, i % 999 + 1)}第{i}项工作" for i in range(3000))
    fast, slow = _both("# 2024年工作总结\n" + body + "\n")
    assert fast == slow and fast


@given(line=st.one_of(st.none(), st.integers(1, 10**6)), message=st.text(max_size=20),
       severity=st.sampled_from(["error", "warning", "info"]))
def test_a_finding_made_without_init_is_the_same_finding(line, message: str,
                                                         severity: str) -> None:
    """model.make_finding skips the dataclass __init__: it must give the very same Finding."""
    made = make_finding("GW103", "numbering-gap", severity, "numbering", line, message,
                        "实务", "序号跳号")
    plain = Finding("GW103", "numbering-gap", severity, "numbering", line, message, "实务",
                    title="序号跳号")
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert vars(made) == vars(plain)
    assert dataclasses.replace(made, acknowledged="原因") == \
        dataclasses.replace(plain, acknowledged="原因") == acknowledged(plain, "原因") == \
        acknowledged(made, "原因")
    assert vars(acknowledged(made, "原因")) == vars(dataclasses.replace(plain, acknowledged="原因"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.line = 1  # type: ignore[misc]


@pytest.mark.parametrize("severity", [None, "", "warning", "error"])
def test_a_rules_finding_is_the_finding_its_fields_make(severity: str | None) -> None:
    """Rule.finding (the rule's shared fields copied) makes what make_finding makes of
    them: the same fields, in the same order (JSON and reports read them)."""
    from gongwen.check.rules import RULES
    for rule in RULES:
        found = rule.finding(7, "消息", severity)
        expected = make_finding(rule.code, rule.name, severity or rule.severity,
                                rule.category, 7, "消息", rule.authority, rule.title)
        assert found == expected and list(vars(found).items()) == list(vars(expected).items())
        assert rule.finding(None, "另一条") != found  # (a fresh copy each time)


def test_the_rules_picked_for_each_case_are_those_that_apply_in_order() -> None:
    """engine.RULES_FOR: the rules that run, by (a schema?, a document?), in RULES order."""
    from gongwen.check import engine
    from gongwen.check.rules import RULES
    for has_schema in (False, True):
        for is_document in (False, True):
            assert list(engine.RULES_FOR[has_schema, is_document]) == [
                r for r in RULES if (has_schema or not r.needs_schema)
                and (is_document or not r.documents_only)]
