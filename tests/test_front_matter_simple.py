"""The front matter read without yaml gives what yaml gives (gongwen.text.frontmatter).

Every block below is read both ways: where the quick reader takes it, keys, values and
their types must equal PyYAML's CSafeLoader (as the checker always used); blocks outside
its shapes must be left to yaml.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from gongwen.text.frontmatter import _simple, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
VALUES = ["plan", '"市教育局工作总结（样本 0467）"', "'单引号'", "2020", "0", "0.2", "true", "No",
          "2025年度民主生活会", "corpus/records/002_a.json", "2  # 注释", '"a # b" # c',
          "原文截断：“利用”一词后中断，序号从（一）跳到（三）", "a  b", "1e3"]
# Each is left to yaml: a type or syntax the quick reader does not build itself.
LEFT_TO_YAML = ["k: 2024-01-01", "k: ~", "k: null", "k: 012", "k: 1_000", "k: a: b",
                "k: a#b", 'k: "a\\"b"', "k: 'it''s'", "k: -1", "k: [a]", "k: {a: 1}", "k: *x",
                "k: &x a", "k: !!str 1", "k: |", "yes: 1", "null: 1", " k: v", "k:v",
                "k:\n  - a", "k:\n  a: 1\n    b", "k: a\n  b", "k:\n  a:\n    b: 1", "\tk: v",
                "k:\n- a: 1\n   b: 2", "k:\n  a: 1\n- b: 2", "k: \u00a0", "k: \ufeffa"]


def _blocks() -> list[str]:
    out = [f"k: {v}" for v in VALUES]
    out += [f"search:\n  boost: {v}\ntitle: {w}" for v, w in itertools.product(VALUES, VALUES[:4])]
    out += [f"# 注释\nacknowledge:\n- rule: GW103\n  reason: {v}\n- rule: GW201\n  reason: x\n"
            f"incomplete: {w}" for v, w in itertools.product(VALUES, VALUES[:6])]
    out += ["k:", "k:  # 空", "a: 1\na: 2", "s:\n  a: 1\ns:\n  b: 2", "l:\n  - a: 1\n    b: 2"]
    return out


@pytest.mark.parametrize("block", _blocks())
def test_quick_reading_equals_yaml(block: str) -> None:
    got = _simple(block, yaml)
    assert got is not None
    want = yaml.load(block, Loader=yaml.CSafeLoader)
    assert got == want
    assert repr(got) == repr(want)  # the same types too (1 and True, 2 and 2.0)


@pytest.mark.parametrize("block", LEFT_TO_YAML)
def test_other_shapes_are_left_to_yaml(block: str) -> None:
    assert _simple(block, yaml) is None


def test_every_page_of_the_site_reads_as_with_yaml() -> None:
    for page in sorted((ROOT / "docs").rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        front = split_front_matter(lines)
        if front.present and not front.error:
            block = "\n".join(lines[1:front.body_start - 1])
            assert front.meta == (yaml.load(block, Loader=yaml.CSafeLoader) or {}), page


def test_a_plain_value_is_told_apart_as_the_steps_of_scalar_tell_it() -> None:
    # RE_ENTRY reads a line as `( *)(- )?key: value` did, its value split in two groups:
    # the 4th only for a value with no mark, indicator or trailing space (what _scalar
    # returns as written when no resolver of yaml's can take it).
    import random
    import re

    from gongwen.text.frontmatter import PLAIN_EXCLUDED_LEADS, RE_ENTRY, RE_PLAIN_EXCLUDED_MARKS

    line_pattern = re.compile(r"( *)(- )?([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$")
    alphabet = list("ab 1-?:#{}[],&*!|>'\"%@`\\年　.") + ["k: ", "- ", "  ", " #"]
    rng = random.Random(31)
    for _ in range(60_000):
        line = rng.choice(["k:", "k: ", "- k: ", "  k:  ", "k:v", ""]) + \
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        want, got = line_pattern.match(line), RE_ENTRY.match(line)
        assert (want is None) == (got is None), line
        if want is None:
            continue
        spaces, dash, key, plain, other = got.groups()
        raw = want.group(4)
        assert (spaces, dash, key) == want.groups()[:3], line
        assert (plain if plain is not None else other) == raw, line
        simple = bool(raw) and raw[0] not in PLAIN_EXCLUDED_LEADS and raw[-1] != " " \
            and RE_PLAIN_EXCLUDED_MARKS.search(raw) is None
        assert (plain is not None) == simple, line


def test_the_entries_of_one_findall_are_those_of_each_line() -> None:
    # _simple takes RE_ENTRIES.findall(block) when it finds one entry a line: then every
    # line must read as RE_ENTRY reads it alone; a block with any other line must not.
    import random

    from gongwen.text.frontmatter import RE_ENTRIES, RE_ENTRY, _entries

    alphabet = list("ab 1-?:#{}[],&*!|>'\"%@`\\年　.") + ["k: ", "- ", "  ", " #"]
    rng = random.Random(7)
    for _ in range(20_000):
        lines = [rng.choice(["k:", "k: ", "- k: ", "  k:  ", "k:v", "", "# c"]) +
                 "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
                 for _ in range(rng.randint(1, 4))]
        block = "\n".join(lines)
        found = RE_ENTRIES.findall(block)
        matches = [RE_ENTRY.match(line) for line in lines]
        if all(matches):
            assert found == [m.groups("") for m in matches], block
            assert _entries(block) == found, block
        else:
            assert len(found) != len(lines), block
