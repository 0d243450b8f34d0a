"""Where a long 公文 title breaks, per GB/T 9704-2012 §7.3.1.

§7.3.1: a title that takes more than one line is broken 「词意完整，排列对称，长短适宜，
间距恰当」, set out as a 梯形 or 菱形. So a break never falls inside a word (jieba, plus the
caller's domain terms such as 民主生活会, plus 【填写项】, 《书名》, “引文” and 2025年度
kept whole), no line is longer than the line holds, the line lengths rise and then fall
(梯形 either way up, or 菱形; never 沙漏形, long–short–long), and of the shapes left the
most even one wins, so no word or character is left alone on the last line.
"""
from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable
from functools import lru_cache

# 156 mm of text block / 2号 (22 pt) less the −0.25 pt condensing of every run: 20 characters.
TITLE_WIDTH = 20.0
# Spans no break may fall inside.
RE_WHOLE = re.compile(r"【[^【】]*】|《[^《》]*》|“[^“”]*”|（[^（）]*）|\d+(?:\.\d+)?(?:年度|年|月|日|%)?")
MAX_LINES = 4
_CJK_OPEN = "【《“（"
# Words that lean on what follows: a line ending in one reads as cut off (关于 / 的 / 和).
LEANING = ("关于", "的", "和", "与", "及", "并", "在", "对", "为")


def width(text: str) -> float:
    """Width in characters: ASCII letters and digits (Times New Roman) take half a character."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def title_lines(title: str, line_width: float = TITLE_WIDTH,
                words: Iterable[str] = ()) -> list[str]:
    """The title's lines: one if it fits; else balanced lines breaking between words only.

    words: terms never to be broken (the site passes its search dictionary). A title that
    cannot be broken within those rules comes back whole, for Word to wrap.
    """
    if width(title) <= line_width:
        return [title]
    tokens = _tokens(title, tuple(sorted(set(words), key=len, reverse=True)))
    total = width(title)
    least = int(-(-total // line_width))  # ceiling
    for strict in (True, False):  # a line ending in 的 only when nothing else fits
        for count in range(least, min(MAX_LINES, len(tokens)) + 1):
            best = _best_split(tokens, count, line_width, strict)
            if best is not None:
                return best
    return [title]


def _best_split(tokens: list[str], count: int, line_width: float,
                strict: bool) -> list[str] | None:
    widths = [width(t) for t in tokens]
    best: tuple[tuple[float, ...], list[str]] | None = None
    for cuts in itertools.combinations(range(1, len(tokens)), count - 1):
        bounds = (0, *cuts, len(tokens))
        lengths = [sum(widths[a:b]) for a, b in itertools.pairwise(bounds)]
        if max(lengths) > line_width or min(lengths) < 2 or not _rises_then_falls(lengths):
            continue
        if strict and any(tokens[cut - 1] in LEANING for cut in cuts):
            continue
        mean = sum(lengths) / count
        # Most even first; then the longer line on top (倒梯形, the common choice).
        score = (round(sum((n - mean) ** 2 for n in lengths), 6), *(-n for n in lengths))
        if best is None or score < best[0]:
            best = (score, ["".join(tokens[a:b]) for a, b in itertools.pairwise(bounds)])
    return best[1] if best else None


def _rises_then_falls(lengths: list[float]) -> bool:
    """梯形 (either way up) or 菱形: never shorter in the middle than at both ends."""
    peak = lengths.index(max(lengths))
    rising, falling = lengths[: peak + 1], lengths[peak:]
    return rising == sorted(rising) and falling == sorted(falling, reverse=True)


def _tokens(title: str, words: tuple[str, ...]) -> list[str]:
    """The title cut into pieces a line may break between."""
    whole = RE_WHOLE.pattern
    if words:
        whole = "|".join(map(re.escape, words)) + "|" + whole
    tokens: list[str] = []
    pos = 0
    for m in re.finditer(whole, title):
        tokens.extend(_cut(title[pos:m.start()]))
        tokens.append(m.group(0))
        pos = m.end()
    tokens.extend(_cut(title[pos:]))
    # Punctuation stays with its word: no line starts with 、，。 or ends with an opening mark.
    merged: list[str] = []
    for token in tokens:
        if merged and (token[0] in "、，。：；！？）》”】" or merged[-1][-1] in _CJK_OPEN
                       and len(merged[-1]) == 1):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


@lru_cache(maxsize=4096)
def _cut_cached(text: str) -> tuple[str, ...]:
    import jieba  # loaded on the first title that needs breaking: ~1 s for its dictionary

    jieba.setLogLevel(logging.WARNING)
    return tuple(jieba.lcut(text))


def _cut(text: str) -> list[str]:
    return list(_cut_cached(text)) if text else []
