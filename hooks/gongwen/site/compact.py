"""Drop the blank lines and indentation Material's templates leave between tags.

Material's navigation templates emit several hundred bytes of whitespace per nav entry;
an exemplar page of a 1,000-exemplar site carries dozens of entries. A run of whitespace
that holds a line break becomes one line break: the browser renders both alike (it
collapses such runs to one space). Everything inside <pre>, <code>, <textarea>, <script>
and <style> is left exactly as it is.
"""
from __future__ import annotations

import re

# A block to keep as it is; a run of whitespace with a line break in it.
KEEP = re.compile(r"<(pre|code|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
SPACE = re.compile(r"[ \t\r\f\v]*\n\s*")


def compact_html(html: str) -> str:
    # The kept blocks are cut out first and the runs between them replaced by a constant
    # (re's C loop): a Python callback per run cost twice the time on a nav-heavy page.
    parts: list[str] = []
    pos = 0
    for block in KEEP.finditer(html):
        parts.append(SPACE.sub("\n", html[pos:block.start()]))
        parts.append(block.group(0))
        pos = block.end()
    parts.append(SPACE.sub("\n", html[pos:]))
    return "".join(parts)
