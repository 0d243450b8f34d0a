"""Exemplars in the site's navigation: a 范文 section under each type's template.

So an exemplar page has its tab, its sidebar and previous/next links, and an ingested
exemplar needs no edit of mkdocs.yml. A long list is split into groups (the type page's
list pages, 「第 1–40 篇」…): with Material's navigation.prune a page renders only its own
group's links, so no page grows with the corpus. Works on MkDocs' nav objects without
importing MkDocs: the hook passes the Section class in.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

GROUPS_TITLE = "范文"


def add_exemplar_sections(items: Sequence[Any], lists: Mapping[str, Any],
                          page_of: Callable[[str], Any], make_section: Callable[[str, list], Any],
                          group_size: int) -> None:
    """Append a 范文 section to every top-level section whose first page lists exemplars.

    lists: src_uri → its part of a generated list (kind, pages, rows), as the hook plans
    them; each list page of an exemplar list becomes one group of group_size pages.
    """
    for section in items:
        if not section.is_section:
            continue
        first = next((child for child in section.children if child.is_page), None)
        listing = lists.get(first.file.src_uri) if first else None
        if listing is None or listing.kind != "exemplars":
            continue
        groups = [[page_of(uri) for uri in lists[part].rows] for part in listing.pages]
        groups = [group for group in groups if group]
        if not groups:
            continue
        if len(groups) == 1:
            children = groups[0]
        else:
            children = [make_section(f"第{n * group_size + 1}–{n * group_size + len(group)}篇",
                                     group) for n, group in enumerate(groups)]
        section.children.append(make_section(GROUPS_TITLE, children))


def relink(items: Sequence[Any]) -> list[Any]:
    """Set parents (tab and sidebar highlighting) and previous/next; return the pages."""
    pages: list[Any] = []

    def walk(children: Sequence[Any], parent: Any) -> None:
        for item in children:
            item.parent = parent
            if item.is_page:
                pages.append(item)
            elif item.is_section:
                walk(item.children, item)

    walk(items, None)
    for previous, page, following in zip([None, *pages], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = previous, following
    return pages
