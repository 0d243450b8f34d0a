"""The site's settings, `extra.gongwen` in mkdocs.yml, validated once per build.

    extra:
      gongwen:
        list_page_size: 40      # rows per page of a generated list
        search_budget: 600000   # characters of exemplar text kept in the search index
        downloads: true         # .docx/.txt downloads of templates and exemplars
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .listing import DEFAULT_PAGE_SIZE
from .searchindex import DEFAULT_BUDGET


class SettingsError(ValueError):
    """A setting with a wrong value; the message says which, what is expected and what is found."""


@dataclass(frozen=True)
class Settings:
    list_page_size: int = DEFAULT_PAGE_SIZE
    search_budget: int = DEFAULT_BUDGET
    downloads: bool = True


def _int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_settings(extra: Mapping | None) -> Settings:
    """Settings from mkdocs.yml's `extra` (keys this project does not use are left alone)."""
    given = (extra or {}).get("gongwen") or {}
    if not isinstance(given, Mapping):
        raise SettingsError(f"mkdocs.yml: extra.gongwen 应为键值映射，实为 {given!r}")
    size = given.get("list_page_size", DEFAULT_PAGE_SIZE)
    if not _int(size) or size < 1:
        raise SettingsError(f"mkdocs.yml: extra.gongwen.list_page_size 应为正整数（每个列表页的行数），"
                            f"实为 {size!r}")
    budget = given.get("search_budget", DEFAULT_BUDGET)
    if not _int(budget) or budget < 0:
        raise SettingsError(f"mkdocs.yml: extra.gongwen.search_budget 应为非负整数（搜索索引中范文正文的"
                            f"字符预算），实为 {budget!r}。")
    downloads = given.get("downloads", True)
    if not isinstance(downloads, bool):
        raise SettingsError(f"mkdocs.yml: extra.gongwen.downloads 应为 true 或 false（是否生成 Word/纯文本"
                            f"下载），实为 {downloads!r}")
    return Settings(size, budget, downloads)
