"""MkDocs hook: a search index that stays small as the corpus grows (gongwen.searchindex).

Runs after Material's search plugin has written search/search_index.json and before the
offline plugin (priority -100) turns it into search_index.js.
"""
from __future__ import annotations

import json
from pathlib import Path

from gongwen import searchindex
from gongwen.search_worker import WorkerChanged, fix_segmentation
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("gongwen")

# Exemplar page URLs and the budget of the current build; replaced in on_config, since
# a `mkdocs serve` rebuild reuses this module.
_exemplars: set[str] = set()
_budget = searchindex.DEFAULT_BUDGET


def on_config(config):
    global _exemplars, _budget
    _exemplars = set()
    _budget = (config.extra.get("gongwen") or {}).get("search_budget", searchindex.DEFAULT_BUDGET)
    if not isinstance(_budget, int) or isinstance(_budget, bool) or _budget < 0:
        raise PluginError(f"mkdocs.yml: extra.gongwen.search_budget 应为非负整数（搜索索引中范文正文的"
                          f"字符预算），实为 {_budget!r}。")
    return config


def on_page_context(context, page, config, nav):
    if page.meta.get("kind") == "exemplar":
        _exemplars.add(page.url)
    return context


def on_post_build(config):
    _fix_worker(Path(config.site_dir))
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index, cut = searchindex.compact(index, _exemplars.__contains__, _budget)
    path.write_text(searchindex.dumps(index), encoding="utf-8")
    if cut:
        log.info(f"搜索索引：范文正文超出预算（{_budget} 字符），已截短 {cut} 个条目；标题与各级标题完整保留。")


def _fix_worker(site: Path) -> None:
    # Chinese queries lost their last character (gongwen.search_worker).
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        try:
            worker.write_text(fix_segmentation(worker.read_text(encoding="utf-8")),
                              encoding="utf-8")
        except WorkerChanged:
            raise PluginError(
                f"{worker.name}：Material 的搜索脚本与本站修补时的版本（9.8.1）不同，中文查询分词修补"
                "未能应用。请按 hooks/gongwen/search_worker.py 的说明检查后更新修补。") from None
