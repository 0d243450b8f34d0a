"""MkDocs hooks of 公文写作范本库: thin callers of the `gongwen` library.

Every Markdown page is checked once per build, in on_files, from the file as the author
wrote it (so line numbers are real). Results live in a per-build state object keyed by
src_uri, never in page.meta (that slowed a 1,000-page build by 25%), and reach the theme
through the page context, where partials/gongwen-check.html renders the 结构检查 panel.

The lists (the overview, each type page's exemplars) are split into pages of
`extra.gongwen.list_page_size` rows, so no page grows with the corpus: the first page is
check/index.md or the type page, the others are generated at <dir>/page/2.md, … and are
left out of the nav and of search. The full data is in site_dir/gongwen-report.json.
"""
from __future__ import annotations

import json
import posixpath
import time
from dataclasses import dataclass, field
from pathlib import Path

from gongwen.check import check_document
from gongwen.model import CheckResult
from gongwen.reader import read
from gongwen.rules import RULES
from gongwen.schema import load_schemas
from gongwen.sitepages import (
    DEFAULT_PAGE_SIZE,
    EXEMPLARS_MARKER,
    OVERVIEW_MARKER,
    ExemplarRow,
    OverviewRow,
    exemplar_order,
    exemplar_table,
    heading_anchors,
    insert_html,
    join_cjk_lines,
    list_page_markdown,
    list_page_uri,
    mark_fields,
    overview_markdown,
    overview_order,
    overview_table,
    pager_html,
    paginate,
    panel_context,
    rules_markdown,
)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Section

log = get_plugin_logger("gongwen")

OVERVIEW_URI = "check/index.md"
RULES_URI = "guide/rules.md"
GUIDE_URI = "guide/index.md"
REPORT_NAME = "gongwen-report.json"


@dataclass(frozen=True)
class ListPage:
    """One page of a generated list: the checked pages it shows and its sibling pages."""

    kind: str  # "overview" or "exemplars"
    number: int  # 1-based
    rows: tuple[str, ...]  # src_uri of each listed page, in display order
    pages: tuple[str, ...]  # src_uri of every page of this list; pages[0] is its first page
    total: int  # rows over all pages


@dataclass
class BuildState:
    """What one build knows; replaced in on_config because `mkdocs serve` keeps this module."""

    labels: dict[str, str] = field(default_factory=dict)  # doctype → 中文名
    guides: dict[str, str] = field(default_factory=dict)  # rule code → guide anchor
    results: dict[str, CheckResult] = field(default_factory=dict)  # src_uri → result
    meta: dict[str, dict] = field(default_factory=dict)  # src_uri → front matter
    files: object = None  # mkdocs Files of this build
    page_size: int = DEFAULT_PAGE_SIZE  # rows per list page (extra.gongwen.list_page_size)
    lists: dict[str, ListPage] = field(default_factory=dict)  # src_uri → its part of a list
    seconds: float = 0.0  # time spent in these hooks, reported after the build


STATE = BuildState()


@event_priority(100)  # before the search plugin, which crashes without jieba
def on_config(config):
    global STATE
    # Without jieba, Material's search silently finds almost nothing in Chinese.
    try:
        import jieba  # noqa: F401
    except ImportError as exc:  # tests/test_offline.py builds with jieba blocked
        raise PluginError(
            "缺少 jieba：中文搜索无法分词。请运行 `pip install -e .` 安装依赖后重新构建。"
            " (jieba is required for Chinese search)"
        ) from exc
    STATE = BuildState(
        labels={doctype: schema.label for doctype, schema in load_schemas().items()},
        guides={rule.code: rule.guide for rule in RULES if rule.guide},
        page_size=_page_size(config),
    )
    return config


def _page_size(config) -> int:
    size = (config.extra.get("gongwen") or {}).get("list_page_size", DEFAULT_PAGE_SIZE)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise PluginError(f"mkdocs.yml: extra.gongwen.list_page_size 应为正整数（每个列表页的行数），"
                          f"实为 {size!r}")
    return size


def on_files(files, config):
    """Check every page now, so the overview and type pages can list every result."""
    start = time.perf_counter()
    STATE.files = files
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        # The file as written (front matter included), so findings carry the author's lines.
        try:
            document = read(file.content_string, file.src_uri, markdown=True)
            result = check_document(document)
        except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the other pages
            log.error(f"{file.src_uri}: 结构检查出错，本页未检查（checker crashed: {exc!r}）。"
                      "请把此页和这条消息报告给维护者。")
            continue
        STATE.results[file.src_uri] = result
        STATE.meta[file.src_uri] = document.meta
        _log_findings(file.src_uri, result)
    _plan_lists(files, config)
    _generate(files, config, RULES_URI, rules_markdown(RULES))
    STATE.seconds += time.perf_counter() - start
    return files


def _plan_lists(files, config) -> None:
    """Split the overview and every type page's exemplars into pages; generate pages 2, …"""
    size = STATE.page_size
    checked = sorted(STATE.results, key=lambda uri: overview_order(uri, STATE.results[uri]))
    chunks = paginate(checked, size)
    first = overview_markdown(STATE.results.values(), STATE.labels, pages=len(chunks),
                              report_link=f"../{REPORT_NAME}")
    _add_list(files, config, "overview", OVERVIEW_URI, chunks, first=first,
              title="结构检查总览", marker=OVERVIEW_MARKER)
    for doctype, label in STATE.labels.items():
        type_page = f"{doctype}/index.md"
        if files.get_file_from_path(type_page) is None:
            continue  # a 文种 without a type page has nowhere to list its exemplars
        prefix = f"{doctype}/exemplars/"
        exemplars = sorted(
            (uri for uri in STATE.meta if uri.startswith(prefix) and uri.count("/") == 2),
            key=lambda uri: exemplar_order(_title(uri), STATE.meta[uri].get("year")),
        )
        for uri in exemplars:  # on_nav places them; no "not in nav" notice for each
            files.get_file_from_path(uri).inclusion = InclusionLevel.NOT_IN_NAV
        _add_list(files, config, "exemplars", type_page, paginate(exemplars, size), first=None,
                  title=f"{label}范文", back_text=f"{label}范文列表", marker=EXEMPLARS_MARKER)


def _add_list(files, config, kind: str, first_uri: str, chunks: list[list[str]], *,
              first: str | None, title: str, marker: str, back_text: str | None = None) -> None:
    # first: the first page's Markdown, or None when the author wrote it (a type page).
    pages = tuple(list_page_uri(first_uri, number) for number in range(1, len(chunks) + 1))
    total = sum(map(len, chunks))
    for number, (src_uri, rows) in enumerate(zip(pages, chunks), start=1):
        STATE.lists[src_uri] = ListPage(kind, number, tuple(rows), pages, total)
        if number == 1:
            if first is not None:
                _generate(files, config, src_uri, first)
            continue
        back = posixpath.relpath(first_uri, posixpath.dirname(src_uri))
        _generate(files, config, src_uri, list_page_markdown(
            title, number, len(pages), back=back, back_text=back_text or title, marker=marker),
            inclusion=InclusionLevel.NOT_IN_NAV)  # linked from the list, deliberately not in nav


def _generate(files, config, src_uri: str, content: str,
              inclusion: InclusionLevel = InclusionLevel.UNDEFINED) -> None:
    if files.get_file_from_path(src_uri) is not None:
        raise PluginError(f"docs/{src_uri}：此路径的页面由构建自动生成，请把该文件改名或移走。"
                          " (this page is generated by hooks/gongwen_hooks.py)")
    files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))


def _log_findings(src_uri: str, result: CheckResult) -> None:
    # Only unacknowledged errors are WARNINGs (they fail --strict); the rest is for reading.
    for finding in result.findings:
        message = finding.format(src_uri)
        if finding.severity == "error" and not finding.acknowledged:
            log.warning(message)
        elif finding.severity == "info":
            log.debug(message)
        else:
            log.info(message)


def _title(src_uri: str) -> str:
    result = STATE.results[src_uri]
    return str(STATE.meta[src_uri].get("title") or result.title or src_uri)


def on_nav(nav, config, files):
    """Give each exemplar a place in the nav: a 范文 section after its type's template.

    So an exemplar page has its tab, sidebar and previous/next, and ingest needs no nav
    edit. The section follows the type page's list, split into groups of list_page_size
    when longer; with navigation.prune a page then renders only its own group's links.
    """
    for section in (item for item in nav.items if item.is_section):
        uri = next((c.file.src_uri for c in section.children if c.is_page), None)
        listing = STATE.lists.get(uri or "")
        if listing is None or listing.kind != "exemplars" or not listing.total:
            continue
        groups = [[files.get_file_from_path(u).page for u in STATE.lists[p].rows]
                  for p in listing.pages]
        if len(groups) == 1:
            children = groups[0]
        else:
            size, children = STATE.page_size, []
            for n, group in enumerate(groups):
                first = n * size + 1
                children.append(Section(f"第 {first}–{first + len(group) - 1} 篇", group))
        section.children.append(Section("范文", children))
    nav.pages = []
    _link(nav.items, None, nav.pages)
    for previous, page in zip([None, *nav.pages], nav.pages):
        page.previous_page = previous
        if previous is not None:
            previous.next_page = page
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav


def _link(items, parent, pages: list) -> None:
    # Parents (tab and sidebar highlighting) and page order (previous/next) of the nav tree.
    for item in items:
        item.parent = parent
        if item.is_page:
            pages.append(item)
        elif item.is_section:
            _link(item.children, item, pages)


def on_page_content(html, page, config, files):
    """Fill the generated tables: the overview's, and a type page's list of exemplars.

    Both are HTML put in after Markdown has run (see gongwen.sitepages for why), at the
    marker comment the page carries, or at the end of a page without one.
    """
    start = time.perf_counter()
    try:
        html = join_cjk_lines(html)
        if page.meta.get("kind") == "template":
            return mark_fields(html)
        return _fill_tables(html, page, files)
    finally:
        STATE.seconds += time.perf_counter() - start


def _fill_tables(html, page, files):
    listing = STATE.lists.get(page.file.src_uri)
    if listing is None:
        return html
    hrefs = [_url(files, uri, page) for uri in listing.pages]
    if listing.kind == "overview":
        rows = [
            OverviewRow(
                url=_url(files, uri, page),
                title=_title(uri),
                doctype_label=STATE.labels.get(STATE.results[uri].doctype or "",
                                               STATE.results[uri].doctype),
                result=STATE.results[uri],
            )
            for uri in listing.rows
        ]
        pager = pager_html(listing.number, hrefs, total=listing.total, noun="个页面",
                           label="结构检查总览分页")
        return insert_html(html, OVERVIEW_MARKER, overview_table(rows) + pager)
    rows = [
        ExemplarRow(
            url=_url(files, uri, page),
            title=_title(uri),
            unit=STATE.meta[uri].get("unit"),
            year=STATE.meta[uri].get("year"),
            occasion=STATE.meta[uri].get("occasion"),
            status=STATE.results[uri].status,
        )
        for uri in listing.rows
    ]
    pager = pager_html(listing.number, hrefs, total=listing.total, noun="篇", label="范文列表分页")
    return insert_html(html, EXEMPLARS_MARKER, exemplar_table(rows) + pager)


def _url(files, src_uri: str, page) -> str:
    return files.get_file_from_path(src_uri).url_relative_to(page.file)


def on_page_context(context, page, config, nav):
    """Hand the typed page's check result to the theme (partials/gongwen-check.html)."""
    start = time.perf_counter()
    try:
        return _panel(context, page)
    finally:
        STATE.seconds += time.perf_counter() - start


def _panel(context, page):
    result = STATE.results.get(page.file.src_uri)
    if result is None or not result.doctype:
        return context
    toc = []
    stack = list(page.toc)[::-1]
    while stack:  # the toc is a tree; the panel needs its headings in document order
        item = stack.pop()
        toc.append((item.title, item.id))
        stack.extend(item.children[::-1])
    context["gongwen_check"] = panel_context(
        result,
        heading_anchors(page.file.content_string, toc),
        doctype_label=STATE.labels.get(result.doctype),
        guide_url=_url_from(page, GUIDE_URI),
        rules_url=_url_from(page, RULES_URI),
        rule_guides=STATE.guides,
    )
    return context


def _url_from(page, src_uri: str) -> str | None:
    target = STATE.files.get_file_from_path(src_uri) if STATE.files else None
    return target.url_relative_to(page.file) if target else None


def on_post_build(config):
    """Write the report of every checked page into the built site (never into docs_dir)."""
    start = time.perf_counter()
    pages = []
    for src_uri, result in STATE.results.items():
        entry = result.to_dict()
        page_file = STATE.files.get_file_from_path(src_uri)
        entry["url"] = page_file.url if page_file else None
        pages.append(entry)
    totals = {status: sum(p["status"] == status for p in pages) for status in ("pass", "warn", "fail")}
    report = {"files": pages, "summary": {"pages": len(pages), **totals}}
    path = Path(config.site_dir) / REPORT_NAME
    # No indent: json's C encoder only runs without one (5x faster on 1,000 pages).
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    STATE.seconds += time.perf_counter() - start
    log.info(
        f"结构检查：{len(pages)} 页，通过 {totals['pass']}，有提示 {totals['warn']}，"
        f"有错误 {totals['fail']}；检查用时 {STATE.seconds:.2f} s；报告见 {REPORT_NAME}"
    )
