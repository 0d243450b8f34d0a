"""The quick reader's shortcuts in gongwen.text.frontmatter give what the long way gives."""
from __future__ import annotations

import random
import re

import yaml
from gongwen.text import frontmatter
from gongwen.text.frontmatter import RE_PLAIN_EXCLUDED, _matches_ascii_only, _scalar


def test_pyyamls_resolvers_match_ascii_text_alone() -> None:
    frontmatter._resolvers(yaml)
    assert frontmatter._ASCII_ONLY == [True]


def test_a_pattern_that_may_match_other_characters_is_not_taken_for_ascii_only() -> None:
    assert _matches_ascii_only(re.compile(r"^(?:[0-9]+\.[0-9_]*|true|~)$", re.VERBOSE))
    for source, flags in [("a.b", 0), (r"\d+", 0), (r"\s", 0), (r"\w", 0), ("[^a]", 0),
                          (r"\u5e74", 0), (r"\x85", 0), ("年", 0), ("k", re.IGNORECASE)]:
        assert not _matches_ascii_only(re.compile(source, flags)), source


def test_a_value_with_other_characters_reads_as_yaml_reads_it() -> None:
    for value in ["２０２５", "2025年", "１", "ｔｒｕｅ", "1.5亿", "0x１", "2024-01-0１", "nul l",
                  "2\u00a0", "~年"]:
        got = _scalar(value, yaml)
        assert got is frontmatter._OTHER or got == yaml.safe_load(f"k: {value}")["k"], value


def test_the_excluded_marks_are_tested_as_the_pattern_tests_them() -> None:
    rng = random.Random(16)
    alphabet = list("-?:#{}[],&*!|>'\"%@`\\ a年")
    for _ in range(20_000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5)))
        quick = value[0] in frontmatter.PLAIN_EXCLUDED_LEADS or \
            frontmatter.RE_PLAIN_EXCLUDED_MARKS.search(value) is not None
        assert quick == (RE_PLAIN_EXCLUDED.search(value) is not None), value
