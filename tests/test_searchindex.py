"""The search index stays small as the corpus grows, and stays whole while it is small."""
from __future__ import annotations

import json

from gongwen import searchindex

ZW = "\u200b"


def _index(n_exemplars: int, words: int) -> dict:
    body = ZW.join(["民主生活会"] * words)
    docs = [{"location": "guide/", "title": "写作通则", "text": body}]
    for i in range(n_exemplars):
        docs.append({"location": f"summary/exemplars/{i}/", "title": f"范文{i}", "text": ""})
        docs.append({"location": f"summary/exemplars/{i}/#一", "title": "一、主要工作",
                     "text": f"<p>{body}</p>"})
    return {"config": {}, "docs": docs}


def is_exemplar(page: str) -> bool:
    return "/exemplars/" in page


def test_a_small_corpus_keeps_every_word():
    index = _index(5, 100)
    before = json.dumps(index)
    index, cut = searchindex.compact(index, is_exemplar, budget=10_000)
    assert cut == 0 and json.dumps(index) == before


def test_a_large_corpus_is_cut_to_the_budget_but_keeps_titles_and_other_pages():
    index, cut = searchindex.compact(_index(100, 400), is_exemplar, budget=20_000)
    assert cut == 100
    exemplar_text = sum(len(d["text"]) for d in index["docs"] if is_exemplar(d["location"]))
    assert exemplar_text <= 20_000 + 100 * 4
    assert all(d["title"] for d in index["docs"])  # every heading still findable
    assert len(index["docs"][0]["text"]) == len(ZW.join(["民主生活会"] * 400))  # guide whole
    cut_text = index["docs"][2]["text"]
    assert cut_text.endswith(" …") and "<p>" not in cut_text
    assert cut_text.rstrip(" …").endswith("民主生活会")  # cut between words, not inside one


def test_the_index_is_written_as_utf8_not_escapes():
    text = searchindex.dumps({"docs": [{"title": "民主生活会"}]})
    assert "民主生活会" in text and "\\u" not in text


def test_the_built_index_is_utf8(built_site):
    raw = (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "民主生活会" in raw and "\\u6c11" not in raw
