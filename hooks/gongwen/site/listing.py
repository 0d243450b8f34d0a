"""The generated lists: a type's exemplars, the 结构检查总览 (overview) and their pager.

Pure functions over CheckResult and plain strings. Rows are HTML put in after Markdown
has run (see exemplar_table for why); long lists are split into pages (paginate).
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from gongwen.check.model import SEVERITIES, SEVERITY_LABELS, STATUS_LABELS, CheckResult

from .panel import counts
from .render import render

# Overview order: what needs attention first.
STATUS_ORDER = {"fail": 0, "warn": 1, "pass": 2}

EXEMPLARS_MARKER = "<!-- gongwen:exemplars -->"


def _cell(value: Any) -> str:
    """A value made safe for one Markdown table cell."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ").strip() or "—"


@dataclass(frozen=True)
class ExemplarRow:
    """One exemplar in its type page's list; url is relative to the type page's URL."""

    url: str
    title: str
    unit: Any
    year: Any
    occasion: Any
    status: str


def exemplar_table(rows: Iterable[ExemplarRow]) -> str:
    """A type's exemplars as an HTML table, newest first (templates/exemplars.html).

    HTML put into the rendered page (not a Markdown table): it costs nothing to render
    and is kept out of the search index (data-search-exclude), where each exemplar is
    found on its own page; at 1,000 exemplars the Markdown table cost 1.5% of the build.
    """
    rows = sorted(rows, key=lambda r: exemplar_order(r.title, r.year))
    return render("exemplars.html", rows=rows, status_labels=STATUS_LABELS,
                  headers=("范文", "发文单位", "年份", "场合", "结构检查"))


def exemplar_order(title: str, year: Any) -> tuple[int, str]:
    """Sort key of a type's exemplar list (newest first, then by title), shared by its pages."""
    return (-_year(year), title)


def _year(value: Any) -> int:
    try:
        return int(str(value)[:4])
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True)
class OverviewRow:
    """One checked page in the overview; url is relative to the overview page's URL."""

    url: str
    title: str
    doctype_label: str | None
    result: CheckResult


OVERVIEW_MARKER = "<!-- gongwen:overview -->"
OTHER_PAGES = "其他页面"  # the summary's row for pages without a 文种


def _front_matter(title: str, *, search: bool) -> list[str]:
    lines = ["---", f"title: {title}"]
    if not search:
        # List pages hold only other pages' titles: keep them out of search results.
        lines += ["search:", "  exclude: true"]
    return [*lines, "---", ""]


def overview_summary(results: Iterable[CheckResult], labels: Mapping[str, str]) -> str:
    """Pages per 文种 and status as a Markdown table (a few rows, whatever the corpus size).

    labels: doctype → 中文名, in the order the rows go; pages of an unknown or no 文种
    are counted under 其他页面.
    """
    table: dict[str, dict[str, int]] = {}
    for label in [*labels.values(), OTHER_PAGES]:
        table[label] = {status: 0 for status in STATUS_LABELS}
    for result in results:
        label = labels.get(result.doctype or "", OTHER_PAGES)
        table[label][result.status] += 1
    total = {status: sum(row[status] for row in table.values()) for status in STATUS_LABELS}
    out = [f"| 文种 | 页数 | {' | '.join(STATUS_LABELS[s] for s in ('pass', 'warn', 'fail'))} |",
           "| --- | ---: | ---: | ---: | ---: |"]
    for label, row in [*table.items(), ("**合计**", total)]:
        if sum(row.values()) or label == "**合计**":
            out.append(f"| {label} | {sum(row.values())} | {row['pass']} | {row['warn']} "
                       f"| {row['fail']} |")
    return "\n".join(out) + "\n"


def overview_markdown(
    results: Iterable[CheckResult],
    labels: Mapping[str, str] | None = None,
    *,
    pages: int = 1,
    rules_link: str = "../guide/rules.md",
    report_link: str | None = None,
) -> str:
    """The 结构检查总览 page's Markdown: a summary by 文种 and status, then the list's marker.

    The list itself (overview_table) is HTML put in after Markdown has run: with 1,000
    pages a Markdown table made this one page cost 1% of the build. It is split into
    `pages` list pages (see list_page_uri), errors first, so this page shows what needs
    attention. The page is left out of the search index (its text is other pages' titles).
    report_link: the JSON report relative to this page, linked as the full data.
    """
    results = list(results)
    by_status = {status: sum(r.status == status for r in results) for status in STATUS_LABELS}
    report = (f'完整结果（含每条问题）见 <a href="{html.escape(report_link)}">'
              f"{html.escape(report_link.rsplit('/', 1)[-1])}</a>。" if report_link else "")
    more = f"列表分{pages}页。" if pages > 1 else ""
    return "\n".join([
        *_front_matter("结构检查总览", search=False),
        "# 结构检查总览",
        "",
        ("本页在每次构建时自动生成：列出本站每一页的结构检查结果（提纲、序号、必备部分等）。"
         f"点开页面可看其「结构检查」面板中的具体问题；每条问题的含义见[检查规则]({rules_link})。"),
        "",
        (f"共检查{len(results)}页：{STATUS_LABELS['pass']}{by_status['pass']}页，"
         f"{STATUS_LABELS['warn']}{by_status['warn']}页，{STATUS_LABELS['fail']}{by_status['fail']}页。"),
        "",
        overview_summary(results, labels or {}),
        "## 各页结果",
        "",
        (f"先列{STATUS_LABELS['fail']}的页面，再列{STATUS_LABELS['warn']}的，"
         f"最后是{STATUS_LABELS['pass']}的。{more}{report}"),
        "",
        OVERVIEW_MARKER,
        "",
    ])


def list_page_markdown(title: str, number: int, pages: int, *, back: str, back_text: str,
                       marker: str) -> str:
    """A generated continuation page of a list (page `number` of `pages`, from 2 on).

    back: the list's first page, as a Markdown link target relative to this page (MkDocs
    checks it); the rows and the pager go in at `marker` after Markdown has run.
    """
    heading = f"{title}（第{number}页）"
    return "\n".join([
        *_front_matter(heading, search=False),
        f"# {heading}",
        "",
        f"本页是[{back_text}]({back})的第{number}页，共{pages}页。",
        "",
        marker,
        "",
    ])


def overview_table(rows: Iterable[OverviewRow]) -> str:
    """Checked pages as an HTML table, in the order given (templates/overview.html)."""
    views = []
    for r in rows:
        c = counts(r.result)
        views.append({"url": r.url, "title": r.title, "doctype_label": r.doctype_label,
                      "status": r.result.status, "errors": c["error"],
                      "acknowledged": c["acknowledged"], "warnings": c["warning"],
                      "infos": c["info"]})
    return render("overview.html", rows=views, status_labels=STATUS_LABELS,
                  headers=("页面", "文种", "状态", *(SEVERITY_LABELS[s] for s in SEVERITIES)))


def overview_order(src_uri: str, result: CheckResult) -> tuple[int, str]:
    """Sort key of the overview's list: errors first, then warnings, then by path."""
    return (STATUS_ORDER[result.status], src_uri)


T = TypeVar("T")
LIST_PAGE_DIR = "page"  # continuation pages: <list dir>/page/2.md, as Material's blog does
DEFAULT_PAGE_SIZE = 40  # rows per list page: ~40 x 300 B on a ~35 KB Material page stays < 60 KB
PAGER_WINDOW = 2  # page links either side of the current one; the first and last always show


def paginate(items: Sequence[T], size: int) -> list[list[T]]:
    """`items` in chunks of `size`, in order; an empty list is one empty page."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, not {size}")
    return [list(items[i:i + size]) for i in range(0, len(items), size)] or [[]]


def list_page_uri(first_uri: str, number: int) -> str:
    """src_uri of page `number` of the list whose first page is `first_uri` (a dir/index.md)."""
    if number == 1:
        return first_uri
    folder = first_uri.rpartition("/")[0]
    return f"{folder}/{LIST_PAGE_DIR}/{number}.md" if folder else f"{LIST_PAGE_DIR}/{number}.md"


def pager_html(current: int, hrefs: Sequence[str], *, total: int, noun: str, label: str) -> str:
    """Links between a list's pages: 共 N 篇 · 上一页 · 第 1 页 … 第 k 页 … · 下一页.

    hrefs: the URL of every page (1-based page i at hrefs[i - 1]) relative to the current
    page. Empty when the list fits on one page. Long lists show the first and last pages and
    a window around the current one, so the pager stays small however many pages there are.
    """
    count = len(hrefs)
    if count <= 1:
        return ""
    shown = sorted({1, count, *range(max(1, current - PAGER_WINDOW),
                                     min(count, current + PAGER_WINDOW) + 1)})
    items: list[dict[str, Any]] = []
    if current > 1:
        items.append({"kind": "prev", "href": hrefs[current - 2]})
    previous = 0
    for number in shown:
        if number > previous + 1:
            items.append({"kind": "gap"})
        items.append({"kind": "current" if number == current else "page", "number": number,
                      "href": hrefs[number - 1]})
        previous = number
    if current < count:
        items.append({"kind": "next", "href": hrefs[current]})
    return render("pager.html", items=items, total=total, noun=noun, count=count, label=label)


def insert_html(content: str, marker: str, block: str) -> str:
    """Put `block` where the rendered page has `marker` (an HTML comment), else at the end."""
    if marker in content:
        return content.replace(marker, block, 1)
    return content + block
