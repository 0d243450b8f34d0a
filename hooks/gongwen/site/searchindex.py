"""Keep Material's search index small enough for a corpus that grows.

Material writes every CJK character of every page as a \\uXXXX escape, and the browser
rebuilds the whole lunr index on each full page load. At 1,000 exemplars the full text
made a 55 MB index and a 5 s first search. Two measures, both on the index data only:

- the index is written as UTF-8 (3 bytes a character instead of 6);
- exemplar text beyond a total budget of characters is cut, evenly over the exemplars
  and their sections. Titles and headings always stay whole, so every exemplar remains
  findable by its title and by each of its parts; templates, the guide and type pages
  are never cut. With a small corpus nothing is cut at all.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable

# 600,000 characters of exemplar text: measured to keep a first search under
# 1 s and the index under 3 MB gzipped (scripts/bench_site.py).
DEFAULT_BUDGET = 600_000
RE_TAG = re.compile(r"<[^>]+>")
ZWSP = "\u200b"  # the separator jieba's segments are joined with


def _cut(text: str, limit: int) -> str:
    """Plain text of an entry, cut at a word boundary after at most `limit` characters."""
    if len(text) <= limit:
        return text
    plain = RE_TAG.sub(" ", text)  # a cut through a tag would break the result preview
    if len(plain) <= limit:
        return plain
    cut = plain.rfind(ZWSP, 0, limit)
    return plain[: cut if cut > 0 else limit].rstrip() + " …"


def compact(index: dict, is_exemplar: Callable[[str], bool],
            budget: int = DEFAULT_BUDGET) -> tuple[dict, int]:
    """Cut exemplar entries of `index` (Material's search_index.json data) to `budget`.

    Returns the index and the number of entries cut. `is_exemplar` gets a page location
    (the part before '#').
    """
    sections: dict[str, list[dict]] = defaultdict(list)
    for doc in index.get("docs", []):
        page = doc.get("location", "").split("#", 1)[0]
        if is_exemplar(page):
            sections[page].append(doc)
    total = sum(len(doc.get("text", "")) for docs in sections.values() for doc in docs)
    if not sections or total <= budget:
        return index, 0
    per_page = budget // len(sections)
    cut = 0
    for docs in sections.values():
        per_entry = max(per_page // len(docs), 40)
        for doc in docs:
            text = doc.get("text", "")
            if len(text) > per_entry:
                doc["text"] = _cut(text, per_entry)
                cut += 1
    return index, cut


def dumps(index: dict) -> str:
    """The index as compact UTF-8 JSON (Material escapes every non-ASCII character)."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
