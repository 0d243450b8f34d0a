"""Search as a writer uses it: Chinese queries kept whole, boosts, and the 文种 note.

Runs Material's search in Debian's chromium on the real built site (tests/test_browser.py).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT
from gongwen.check.schema import load_schemas
from gongwen.site.search_worker import FIXES, WorkerChanged, fix_segmentation
from test_browser import browser, new_context, open_page, search, site_url

__all__ = ["browser", "site_url"]  # fixtures shared with test_browser

COVERED = [schema.label for schema in load_schemas().values()]
MATERIAL_WORKERS = Path(__import__("material").__file__).parent / "templates" / "assets" / \
    "javascripts" / "workers"


@pytest.fixture
def page(browser, site_url):
    context = new_context(browser)
    page = open_page(context, site_url)
    yield page
    assert page.errors == []
    assert context.guard.offsite == []
    context.close()


def note(page) -> str:
    page.wait_for_timeout(300)  # the note follows Material's result list
    box = page.locator(".gw-search-note")
    return box.inner_text() if box.count() and box.is_visible() else ""


# ---------------------------------------------------------------- query segmentation


def test_yishi_finds_the_guide_section_not_the_deploy_page(page):
    # Material searched 一是 as 一*: 部署's heading 「另一种构建工具」 came first.
    links = search(page, "一是")
    assert "maintain/" not in links[0]
    assert any(link.endswith("guide/?h=%E4%B8%80%E6%98%AF#enumeration") for link in links[:3]), \
        links[:5]


def test_a_whole_term_is_searched_whole(page):
    links = search(page, "整改措施")
    # Highlighting carries the whole term, not 整改 alone.
    assert "h=%E6%95%B4%E6%94%B9%E6%8E%AA%E6%96%BD" in links[0], links[:3]
    assert "plan/template/" in links[0]


def test_worker_fix_applies_to_materials_worker_once():
    [worker] = MATERIAL_WORKERS.glob("search.*.min.js")
    source = worker.read_text(encoding="utf-8")
    fixed = fix_segmentation(source)
    for old, new in FIXES:
        assert old in source and old not in fixed and new in fixed
    assert fix_segmentation(fixed) == fixed  # a second build changes nothing


def test_worker_fix_fails_loudly_when_material_changes():
    with pytest.raises(WorkerChanged):
        fix_segmentation("function fe(t,e){/* another Material */}")


def test_built_worker_is_fixed(built_site):
    [worker] = (built_site.site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    text = worker.read_text(encoding="utf-8")
    assert all(new in text for _, new in FIXES)


# ---------------------------------------------------------------- boosts


def test_templates_and_exemplars_are_boosted_and_maintenance_pages_lowered(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text("utf-8"))
    boosts = {doc["location"]: doc.get("boost") for doc in index["docs"]}
    for doctype in load_schemas():
        assert boosts[f"{doctype}/template/"] == 2, doctype
    exemplars = sorted(ROOT.glob("docs/*/exemplars/*.md"))  # curate writes their boost
    assert exemplars
    for page in exemplars:
        assert boosts[f"{page.parent.parent.name}/exemplars/{page.stem}/"] == 2, page.name
    assert boosts["maintain/deploy/"] < 1
    assert boosts["guide/"] is None  # everything else keeps Material's weight


# ---------------------------------------------------------------- 本站未收录的文种


@pytest.mark.parametrize("query", ["述职报告", "请示", "会议纪要"])
def test_a_query_for_another_wenzhong_says_what_the_site_covers(page, query):
    search(page, query)
    text = note(page)
    assert text.startswith(f"本站暂未收录“{query}”的模板和范文。")
    listed = re.search(r"本站目前收录(\d+)个文种：(.*?)。", text)
    assert listed and int(listed.group(1)) == len(COVERED)
    assert sorted(listed.group(2).split("、")) == sorted(COVERED)


def test_no_result_says_what_the_site_covers(page):
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("xyzzy")
    box.press("End")
    page.get_by_text("没有找到符合条件的结果").wait_for()
    assert note(page).startswith("没有找到“xyzzy”。本站目前收录")


@pytest.mark.parametrize("query", ["民主生活会", "年度工作总结", "过渡句"])
def test_no_note_when_the_site_has_it(page, query):
    search(page, query)
    assert note(page) == ""


def test_covered_types_come_from_the_nav(built_site):
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    data = re.search(r'<script id="gw-doctypes" type="application/json">(.*?)</script>', home)
    assert data and sorted(json.loads(data.group(1))) == sorted(COVERED)
