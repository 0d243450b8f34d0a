"""MkDocs hooks of 公文写作范本库: thin, typed callers of the `gongwen` library.

Every Markdown page is read and checked once per build, in on_files, from the file as the
author wrote it (so line numbers are real). What the build knows lives in one BuildState,
rebuilt in on_config (a hook module outlives a `mkdocs serve` rebuild), keyed by src_uri,
never in page.meta (that slowed a 1,000-page build by 25%). From it:

- the 结构检查 panel reaches the theme through the page context
  (overrides/partials/gongwen-check.html), and the list pages are generated (gongwen.site);
- templates and exemplars get .docx/.txt downloads (gongwen.export.downloads), made from
  the lines and levels the check already read (overrides/partials/gongwen-downloads.html);
- after the build, site_dir/gongwen-report.json (gongwen.check.report, the CLI's shape)
  and a search index that stays small as the corpus grows (gongwen.site.searchindex).

The lists (the overview, each type page's exemplars) are split into pages of
`extra.gongwen.list_page_size` rows: the first page is check/index.md or the type page,
the others are generated at <dir>/page/2.md, … and are left out of the nav and of search.
"""
from __future__ import annotations

import json
import os
import posixpath
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.check import check_document
from gongwen.check.document import read
from gongwen.check.model import STATUS_LABELS, CheckResult
from gongwen.check.report import report_data
from gongwen.check.rules import RULES
from gongwen.check.schema import SchemaError, load_schemas
from gongwen.corpus.page import CurationError
from gongwen.corpus.seeds import SEEDS, corpus_problems
from gongwen.export.downloads import (
    CACHE_DIR,
    DOWNLOAD_KINDS,
    DownloadWriter,
    PageRead,
    dictionary_words,
    file_stem,
    page_read,
)
from gongwen.site import searchindex
from gongwen.site.compact import compact_html
from gongwen.site.listing import (
    EXEMPLARS_MARKER,
    OVERVIEW_MARKER,
    ExemplarRow,
    OverviewRow,
    exemplar_order,
    exemplar_table,
    insert_html,
    list_page_markdown,
    list_page_uri,
    overview_markdown,
    overview_order,
    overview_table,
    pager_html,
    paginate,
)
from gongwen.site.navigation import add_exemplar_sections, relink
from gongwen.site.panel import heading_anchors, panel_context
from gongwen.site.rules_page import rules_markdown
from gongwen.site.search_worker import WorkerChanged, fix_built_workers
from gongwen.site.settings import Settings, SettingsError, read_settings
from gongwen.site.typography import join_cjk_lines, mark_fields
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Section

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger("gongwen")

OVERVIEW_URI = "check/index.md"
RULES_URI = "guide/rules.md"
GUIDE_URI = "guide/index.md"
REPORT_NAME = "gongwen-report.json"
DEFAULT_AUTHOR = "公文写作范本库"


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

    settings: Settings = field(default_factory=Settings)
    labels: dict[str, str] = field(default_factory=dict)  # doctype → 中文名
    guides: dict[str, str] = field(default_factory=dict)  # rule code → guide anchor
    results: dict[str, CheckResult] = field(default_factory=dict)  # src_uri → result
    meta: dict[str, dict] = field(default_factory=dict)  # src_uri → front matter
    pages_read: dict[str, PageRead] = field(default_factory=dict)  # src_uri → for downloads
    files: Files | None = None  # the Files of this build
    lists: dict[str, ListPage] = field(default_factory=dict)  # src_uri → its part of a list
    exemplar_urls: set[str] = field(default_factory=set)  # for the search index
    downloads: DownloadWriter | None = None  # None: extra.gongwen.downloads is false
    seconds: float = 0.0  # time spent checking and listing, reported after the build


STATE = BuildState()


@event_priority(100)  # before the search plugin, which crashes without jieba
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global STATE
    # Without jieba, Material's search silently finds almost nothing in Chinese.
    try:
        import jieba  # noqa: F401
    except ImportError as exc:  # tests/test_offline.py builds with jieba blocked
        raise PluginError(
            "缺少 jieba：中文搜索无法分词。请运行 `pip install -e .` 安装依赖后重新构建。"
            " (jieba is required for Chinese search)"
        ) from exc
    try:
        settings = read_settings(config.extra)
    except SettingsError as exc:
        raise PluginError(str(exc)) from None
    try:
        schemas = load_schemas()
    except SchemaError as exc:  # the file and line are in the message; a traceback hides them
        raise PluginError(f"文种定义有误：{exc}") from None
    project = Path(config.config_file_path).resolve().parent if config.config_file_path else None
    author = config.site_author or config.site_name or DEFAULT_AUTHOR
    if project is not None:
        _check_corpus(project)
    STATE = BuildState(
        settings=settings,
        labels={doctype: schema.label for doctype, schema in schemas.items()},
        guides={rule.code: rule.guide for rule in RULES if rule.guide},
        downloads=DownloadWriter(author, project / CACHE_DIR if project else None,
                                 _search_words(config, project))
        if settings.downloads else None,
    )
    return config


def _check_corpus(project: Path) -> None:
    """Every exemplar's raw text, seeds entry, record and page must agree: a half-written or
    half-removed ingest is an error here, not a page published without its source."""
    if not (project / SEEDS).is_file():
        return  # a site without a corpus (the tests' small sites)
    try:
        problems = corpus_problems(project)
    except CurationError as exc:
        problems = [str(exc)]
    for message in problems:
        log.error(message)


def _search_words(config: MkDocsConfig, project: Path | None) -> list[str]:
    """The search dictionary's domain terms (民主生活会…): Word titles break around them."""
    search = config.plugins.get("material/search")
    name = search.config.get("jieba_dict_user") if search is not None else None
    if not name:
        return []
    path = Path(name)
    if not path.is_absolute() and project is not None and (project / path).is_file():
        path = project / path  # Material reads it from the working directory: usually this
    return dictionary_words(path)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Read and check every page now, so the overview and type pages can list every result."""
    start = time.perf_counter()
    STATE.files = files
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        # The file as written (front matter included), so findings carry the author's lines.
        try:
            content = file.content_string
        except UnicodeDecodeError as exc:
            raw = file.content_bytes
            line = raw[:exc.start].count(b"\n") + 1
            raise PluginError(f"docs/{file.src_uri}:{line}：此页不是 UTF-8 编码（第 {line} 行有无法识别的字节）。"
                              "请用编辑器另存为 UTF-8 后重新构建。") from None
        try:
            document = read(content, file.src_uri, markdown=True)
            result = check_document(document)
        except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the other pages
            log.error(f"{file.src_uri}: 结构检查出错，本页未检查（checker crashed: {exc!r}）。"
                      "请把此页和这条消息报告给维护者。")
            continue
        STATE.results[file.src_uri] = result
        STATE.meta[file.src_uri] = document.meta
        if document.meta.get("kind") in DOWNLOAD_KINDS:
            STATE.pages_read[file.src_uri] = page_read(document)  # downloads read no more
        _log_findings(file.src_uri, result)
    _plan_lists(files, config)
    _generate(files, config, RULES_URI, rules_markdown(RULES))
    STATE.seconds += time.perf_counter() - start
    return files


def _plan_lists(files: Files, config: MkDocsConfig) -> None:
    """Split the overview and every type page's exemplars into pages; generate pages 2, …"""
    size = STATE.settings.list_page_size
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


def _add_list(files: Files, config: MkDocsConfig, kind: str, first_uri: str,
              chunks: list[list[str]], *, first: str | None, title: str, marker: str,
              back_text: str | None = None) -> None:
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


def _generate(files: Files, config: MkDocsConfig, src_uri: str, content: str,
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


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Exemplars get a place in the nav under their type (gongwen.site.navigation)."""
    add_exemplar_sections(nav.items, STATE.lists, lambda uri: files.get_file_from_path(uri).page,
                          Section, STATE.settings.list_page_size)
    nav.pages = relink(nav.items)
    return nav


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return compact_html(output)  # keeps every page small however large the nav grows


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Chinese typography on every page; fill the generated tables (the overview's, and a
    type page's list of exemplars) at the marker comment the page carries, or at its end."""
    start = time.perf_counter()
    try:
        html = join_cjk_lines(html)
        if page.meta.get("kind") == "template":
            return mark_fields(html)
        return _fill_tables(html, page, files)
    finally:
        STATE.seconds += time.perf_counter() - start


def _fill_tables(html: str, page: Page, files: Files) -> str:
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


def _url(files: Files, src_uri: str, page: Page) -> str:
    return files.get_file_from_path(src_uri).url_relative_to(page.file)


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
    """Hand the page's check result and downloads to the theme; note exemplars for search."""
    start = time.perf_counter()
    try:
        _panel(context, page)
    finally:
        STATE.seconds += time.perf_counter() - start
    kind = (page.meta or {}).get("kind")
    if kind == "exemplar":
        STATE.exemplar_urls.add(page.url)
    if kind in DOWNLOAD_KINDS and STATE.downloads is not None:
        downloads = _write_downloads(page, config, STATE.downloads)
        if downloads is not None:
            context["gongwen_downloads"] = downloads
    return context


def _panel(context: TemplateContext, page: Page) -> None:
    result = STATE.results.get(page.file.src_uri)
    if result is None or not result.doctype:
        return
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


def _url_from(page: Page, src_uri: str) -> str | None:
    target = STATE.files.get_file_from_path(src_uri) if STATE.files else None
    return target.url_relative_to(page.file) if target else None


def _write_downloads(page: Page, config: MkDocsConfig, writer: DownloadWriter):
    src = page.file.src_uri
    out_dir = os.path.join(config.site_dir, *posixpath.dirname(page.file.dest_uri).split("/"))
    try:
        downloads = writer.write(page.file.content_string, STATE.pages_read.get(src), out_dir,
                                 file_stem(src), _title(src) if src in STATE.meta
                                 else None if page.title is None else str(page.title))
    except OSError as exc:
        raise PluginError(f"docs/{src}：无法写入下载文件（{exc}）。请检查输出目录（site_dir）是否可写。"
                          ) from exc
    except Exception as exc:  # noqa: BLE001 - any failure must name the page
        log.error(f"docs/{src}：无法生成 Word/纯文本下载文件（{type(exc).__name__}: {exc}）。"
                  "请检查该页的 Markdown 是否完整，或向维护者报告此错误。")
        return None
    if writer.cache_error:
        log.debug(f"下载文件缓存不可写（{writer.cache_error}），本次构建不使用缓存")
        writer.cache_error = None
    return downloads


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the report of every checked page into the built site (never into docs_dir),
    compact the search index, prune the download cache."""
    start = time.perf_counter()
    files = STATE.files

    def url(result: CheckResult) -> str | None:
        page_file = files.get_file_from_path(result.path) if files else None
        return page_file.url if page_file else None

    report = report_data(STATE.results.values(), url)
    path = Path(config.site_dir) / REPORT_NAME
    # No indent: json's C encoder only runs without one (5x faster on 1,000 pages).
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    STATE.seconds += time.perf_counter() - start
    totals = report["summary"]
    log.info(
        f"结构检查：{totals['files']} 页，{STATUS_LABELS['pass']} {totals['pass']}，"
        f"{STATUS_LABELS['warn']} {totals['warn']}，{STATUS_LABELS['fail']} {totals['fail']}；"
        f"检查用时 {STATE.seconds:.2f} s；报告见 {REPORT_NAME}"
    )
    _compact_search_index(Path(config.site_dir))
    try:  # Chinese queries lost their last character (gongwen.site.search_worker)
        fix_built_workers(Path(config.site_dir))
    except WorkerChanged as exc:
        raise PluginError(str(exc)) from None
    if STATE.downloads is not None:
        STATE.downloads.prune()


def _compact_search_index(site_dir: Path) -> None:
    """Runs after Material's search plugin has written search/search_index.json (hooks run
    after plugins of the same priority) and before the offline plugin (priority -100)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    budget = STATE.settings.search_budget
    index = json.loads(path.read_text(encoding="utf-8"))
    index, cut = searchindex.compact(index, STATE.exemplar_urls.__contains__, budget)
    path.write_text(searchindex.dumps(index), encoding="utf-8")
    if cut:
        log.info(f"搜索索引：范文正文超出预算（{budget} 字符），已截短 {cut} 个条目；标题与各级标题完整保留。")

