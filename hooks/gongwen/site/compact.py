"""Drop the blank lines and indentation Material's templates leave between tags.

Material's navigation templates emit several hundred bytes of whitespace per nav entry;
an exemplar page of a 1,000-exemplar site carries dozens of entries. A run of whitespace
that holds a line break becomes one line break: the browser renders both alike (it
collapses such runs to one space). Everything inside <pre>, <code>, <textarea>, <script>
and <style> is left exactly as it is.
"""
from __future__ import annotations

import re

# A block to keep as it is, or a run of whitespace with a line break in it.
TOKEN = re.compile(r"(<(pre|code|textarea|script|style)\b.*?</\2\s*>)|[ \t\r\f\v]*\n\s*",
                   re.DOTALL | re.IGNORECASE)


def compact_html(html: str) -> str:
    return TOKEN.sub(lambda m: m.group(1) or "\n", html)
