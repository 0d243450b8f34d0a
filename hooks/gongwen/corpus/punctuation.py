"""Half-width punctuation in Chinese context, restored to full width.

Texts copied from web pages often arrive with ，（）：；！？ flattened to their ASCII
forms. `restore()` puts them back where the neighbours are Chinese and leaves ASCII
where it belongs: numbers (2024, 12.5%, 1.5亿, 1,000, 12:30), placeholders (X+X),
Latin words. Every replacement is one character for one character, so a column in
the restored text is the same column in the original: curation records rely on it.

Run it on plain source text only, never on Markdown: markup such as Material's
annotation markers `(1)` must stay ASCII.
"""
from __future__ import annotations

from dataclasses import dataclass

# Half-width mark → full-width mark, for marks judged one by one on their neighbours.
SIMPLE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


@dataclass(frozen=True)
class Restoration:
    """One mark put back to full width: its 0-based offset in the text, before and after."""

    offset: int
    before: str
    after: str


def is_chinese(ch: str | None) -> bool:
    """Han characters and CJK/full-width punctuation: the context that calls for full width."""
    if not ch:
        return False
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF          # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF       # extension A
        or 0x20000 <= code <= 0x2FFFF     # extensions B and later
        or 0xF900 <= code <= 0xFAFF       # compatibility ideographs
        or 0x3000 <= code <= 0x303F       # CJK symbols and punctuation (、。《》【】)
        or 0xFF00 <= code <= 0xFFEF       # full-width forms (，（）：)
        or ch in "“”‘’…—·"
    )


def _neighbours(text: str, i: int) -> tuple[str | None, str | None]:
    """Nearest non-space characters before and after position i, on the same line."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    prev = text[j] if j >= 0 and text[j] != "\n" else None
    k = i + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    nxt = text[k] if k < len(text) and text[k] != "\n" else None
    return prev, nxt


def _ascii_alnum(ch: str | None) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def _simple(text: str, i: int, chinese_line: bool) -> bool:
    prev, nxt = _neighbours(text, i)
    if text[i] == ":" and text[i + 1:i + 3] == "//":
        return False  # a URL scheme (http://)
    if is_chinese(prev) or is_chinese(nxt):
        return True
    # 12.5%,1.5亿 in a Chinese sentence is Chinese too; a,b between Latin words is not.
    return chinese_line and not (_ascii_alnum(prev) and _ascii_alnum(nxt))


def _bracket_pairs(line: str, start: int) -> dict[int, int]:
    """Matching ASCII ( ) in one line: offset of '(' → offset of ')'."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(line):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs[start + stack.pop()] = start + i
    return pairs


def _brackets(text: str, start: int, line: str) -> list[Restoration]:
    out: list[Restoration] = []
    pairs = _bracket_pairs(line, start)
    paired = set(pairs) | set(pairs.values())
    for open_at, close_at in pairs.items():
        inside = text[open_at + 1:close_at]
        before, _ = _neighbours(text, open_at)
        _, after = _neighbours(text, close_at)
        # (学校) (一) and a bracket touching Chinese text are Chinese; (2024) between Latin is not.
        if any(is_chinese(c) for c in inside) or is_chinese(before) or is_chinese(after):
            out.append(Restoration(open_at, "(", "（"))
            out.append(Restoration(close_at, ")", "）"))
    chinese_line = any(is_chinese(c) for c in line)
    for i, ch in enumerate(line, start):
        if ch in "()" and i not in paired and _simple(text, i, chinese_line):
            out.append(Restoration(i, ch, "（" if ch == "(" else "）"))
    return out


def _quotes(text: str, start: int, line: str) -> list[Restoration]:
    """ASCII double quotes become “ ” in order within the line, if the line is Chinese."""
    offsets = [start + i for i, ch in enumerate(line) if ch == '"']
    if not offsets or not any(is_chinese(c) for c in line):
        return []
    out = []
    for n, i in enumerate(offsets):
        if n == len(offsets) - 1 and len(offsets) % 2:
            # The odd one out closes a “ left open before it, else opens if text follows.
            before = text[start:i]
            _, nxt = _neighbours(text, i)
            if before.count(OPEN_QUOTE) > before.count(CLOSE_QUOTE):
                after = CLOSE_QUOTE
            elif nxt and nxt not in "，。、；：！？）】》”" and (is_chinese(nxt) or nxt.isalnum()):
                after = OPEN_QUOTE
            else:
                after = CLOSE_QUOTE
        else:
            after = OPEN_QUOTE if n % 2 == 0 else CLOSE_QUOTE
        out.append(Restoration(i, '"', after))
    return out


def find(text: str) -> list[Restoration]:
    """Every half-width mark of `text` that should be full width, in text order."""
    found: list[Restoration] = []
    start = 0
    for line in text.split("\n"):
        chinese_line = any(is_chinese(c) for c in line)
        for i, ch in enumerate(line, start):
            if ch in SIMPLE:
                prev, nxt = _neighbours(text, i)
                if prev and nxt and prev.isdigit() and nxt.isdigit() and ch in ",:":
                    continue  # 1,000 and 12:30 are numbers
                if _simple(text, i, chinese_line):
                    found.append(Restoration(i, ch, SIMPLE[ch]))
        found.extend(_brackets(text, start, line))
        found.extend(_quotes(text, start, line))
        start += len(line) + 1
    return sorted(found, key=lambda r: r.offset)


def restore(text: str) -> tuple[str, list[Restoration]]:
    """`text` with half-width marks in Chinese context made full width, and what changed."""
    changes = find(text)
    chars = list(text)
    for change in changes:
        chars[change.offset] = change.after
    return "".join(chars), changes


def undo(text: str, changes: list[Restoration]) -> str:
    """The text before `restore()`: put every recorded mark back as it was."""
    chars = list(text)
    for change in changes:
        if chars[change.offset] != change.after:
            raise ValueError(
                f"第{change.offset}个字符应为“{change.after}”，实为“{chars[change.offset]}”："
                "记录与文本不符 (restoration record does not match the text)"
            )
        chars[change.offset] = change.before
    return "".join(chars)
