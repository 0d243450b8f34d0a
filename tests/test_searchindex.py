"""The search index stays small as the corpus grows, and stays whole while it is small."""
from __future__ import annotations

import json

from gongwen.site import searchindex

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


def _search_site(tmp_path, budget) -> tuple[int, str, dict]:
    """A minimal site with the hooks and two long exemplars; the built index."""
    from conftest import ROOT, mkdocs_build

    body = "\n\n".join(f"第{i}段，我们认真开展民主生活会的准备工作。" for i in range(60))
    docs = tmp_path / "docs"
    (docs / "summary" / "exemplars").mkdir(parents=True)
    (docs / "index.md").write_text("# 首页\n\n说明。\n", encoding="utf-8")
    (docs / "guide").mkdir()
    (docs / "guide" / "index.md").write_text("# 写作通则\n", encoding="utf-8")  # rules page links here
    for n in (1, 2):
        (docs / "summary" / "exemplars" / f"e{n}.md").write_text(
            f"---\ntitle: 范文{n}\nkind: exemplar\ndoctype: summary\n---\n\n# 范文{n}\n\n"
            f"## 一、主要工作\n\n{body}\n\n## 二、存在问题\n\n## 三、下一步打算\n",
            encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: 搜索测试\ntheme:\n  name: material\n  language: zh\n"
        "plugins:\n  - search:\n      lang: zh\n      separator: '[\\s\\u200b\\-]'\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'gongwen_hooks.py'}\n"
        f"extra:\n  gongwen:\n    search_budget: {budget}\n", encoding="utf-8")
    build = mkdocs_build(config, tmp_path / "site")
    index_file = tmp_path / "site" / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8")) if index_file.exists() else {}
    return build.returncode, build.log, index


def exemplar_text(index: dict) -> int:
    return sum(len(d["text"]) for d in index["docs"] if "/exemplars/" in d["location"])


def test_a_build_over_budget_cuts_exemplar_text_and_keeps_headings(tmp_path):
    code, log, index = _search_site(tmp_path, 400)
    assert code == 0, log
    assert exemplar_text(index) <= 400 + 2 * 3 * 4
    titles = {d["title"].replace(ZW, "") for d in index["docs"]}
    assert {"范文1", "范文2", "一、主要工作"} <= titles


def test_a_build_within_budget_keeps_every_word(tmp_path):
    code, log, index = _search_site(tmp_path, 10_000_000)
    assert code == 0, log
    assert "第59段" in "".join(d["text"] for d in index["docs"]).replace("\u200b", "")


def test_a_bad_budget_stops_the_build_with_the_key_named(tmp_path):
    code, log, _ = _search_site(tmp_path, "'很多'")
    assert code == 1
    assert "extra.gongwen.search_budget 应为非负整数" in log
