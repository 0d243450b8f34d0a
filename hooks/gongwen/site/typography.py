"""Chinese typography of rendered HTML: no spaces from wrapped source lines, marked fill-in
fields."""
from __future__ import annotations

import re

from gongwen.text.syntax import RE_FILL_FIELD

RE_HTML_TAG = re.compile(r"(<[^>]*>)")
# A line break between two CJK characters or full-width marks: in HTML it shows as a
# space (and pastes into Word as one), but in Chinese a wrapped source line means none.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d"
RE_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")


def _map_text(html: str, fn) -> str:
    """Apply `fn` to the text between tags, never to attributes or inside pre/code."""
    parts = RE_HTML_TAG.split(html)
    in_code = 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            name = part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if part[1:] else ""
            if name in ("code", "pre"):
                in_code += -1 if part.startswith("</") else 1
        elif not in_code and part:
            parts[i] = fn(part)
    return "".join(parts)


def mark_fields(html: str) -> str:
    """Wrap a template's fill-in fields 【单位名称】 in <mark class="gw-field">.

    A writer sees every field to replace at a glance; the copied text is unchanged.
    """
    return _map_text(html, lambda text: RE_FILL_FIELD.sub(
        r'<mark class="gw-field">\g<0></mark>', text) if "【" in text else text)


def join_cjk_lines(html: str) -> str:
    """Drop the line breaks of wrapped Markdown source between Chinese characters."""
    if RE_CJK_BREAK.search(html) is None:
        return html  # nothing to drop anywhere, so none in text either: skip the tag split
    return _map_text(html, lambda text: RE_CJK_BREAK.sub("", text) if "\n" in text else text)
