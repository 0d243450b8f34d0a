"""What one site build knows, and the steps of the build that read or add to it.

Every Markdown page is read and checked once per build (read_page, from on_files), from
the file as the author wrote it (so line numbers are real). The state is keyed by
src_uri, never kept in page.meta (that slowed a 1,000-page build by 25%), and replaced
on every build (a hook module outlives a `mkdocs serve` rebuild). From it:

- the 结构检查 panel (panel) and the list pages (gongwen.build.lists);
- templates' and exemplars' .docx/.txt downloads (downloads), made from the lines and
  levels the check already read;
- after the build (finish): site_dir/gongwen-report.json (the CLI's shape), a search
  index that stays small as the corpus grows, and the 检查我的稿件 page's library zip.
"""
from __future__ import annotations

import json
import logging
import os
import posixpath
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    Downloads,
    DownloadWriter,
    PageRead,
    dictionary_words,
    file_stem,
    page_read,
)
from gongwen.site import searchindex
from gongwen.site.bundle import library_zip
from gongwen.site.panel import (
    Place,
    heading_anchors,
    heading_lines,
    panel_context,
    paragraph_places,
)
from gongwen.site.search_worker import WorkerChanged, fix_built_workers
from gongwen.site.settings import Settings, SettingsError, read_settings

OVERVIEW_URI = "check/index.md"
RULES_URI = "guide/rules.md"
GUIDE_URI = "guide/index.md"
DRAFT_URI = "check-draft/index.md"  # 检查我的稿件
BUNDLE = "assets/draftcheck/gongwen.zip"  # what that page's worker loads into Pyodide
REPORT_NAME = "gongwen-report.json"
DEFAULT_AUTHOR = "公文写作范本库"

# url(src_uri) → that page's URL relative to the page being built, None if not in the build.
UrlOf = Callable[[str], "str | None"]


class BuildError(Exception):
    """A problem that stops the build; the message (Chinese) says what and where."""


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
    """What one build knows."""

    log: logging.Logger | logging.LoggerAdapter = field(
        default_factory=lambda: logging.getLogger("mkdocs.plugins.gongwen"))
    settings: Settings = field(default_factory=Settings)
    labels: dict[str, str] = field(default_factory=dict)  # doctype → 中文名
    guides: dict[str, str] = field(default_factory=dict)  # rule code → guide anchor
    results: dict[str, CheckResult] = field(default_factory=dict)  # src_uri → result
    meta: dict[str, dict] = field(default_factory=dict)  # src_uri → front matter
    # src_uri → the lines a panel anchor can be on (from the read document, for typed pages)
    anchor_lines: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    pages_read: dict[str, PageRead] = field(default_factory=dict)  # src_uri → for downloads
    sources: dict[str, str] = field(default_factory=dict)  # src_uri → source, for downloads
    lists: dict[str, ListPage] = field(default_factory=dict)  # src_uri → its part of a list
    exemplar_urls: set[str] = field(default_factory=set)  # for the search index
    # src_uri → line → (first line, text) of the paragraph each finding is in, and after
    # rendering line → Place (its first words and anchor) for the panel.
    paragraphs: dict[str, dict[int, tuple[int, str]]] = field(default_factory=dict)
    places: dict[str, dict[int, Place]] = field(default_factory=dict)
    exemplar_counts: dict[str, int] = field(default_factory=dict)  # doctype → exemplars
    doctype_count: int = 0  # 文种 with a type page
    downloads: DownloadWriter | None = None  # None: extra.gongwen.downloads is false
    seconds: float = 0.0  # time spent checking and listing, reported after the build

    @classmethod
    def start(cls, extra: Mapping | None, project: Path | None, author: str | None,
              search_dictionary: str | None, log: logging.Logger | logging.LoggerAdapter
              ) -> BuildState:
        """The state of a new build: settings and schemas validated once (BuildError)."""
        try:
            settings = read_settings(extra)
        except SettingsError as exc:
            raise BuildError(str(exc)) from None
        try:
            schemas = load_schemas()
        except SchemaError as exc:  # the file and line are in the message; a traceback hides them
            raise BuildError(f"文种定义有误：{exc}") from None
        if project is not None:
            _check_corpus(project, log)
        words = _search_words(search_dictionary, project)
        return cls(
            log=log,
            settings=settings,
            labels={doctype: schema.label for doctype, schema in schemas.items()},
            guides={rule.code: rule.guide for rule in RULES if rule.guide},
            downloads=DownloadWriter(author or DEFAULT_AUTHOR,
                                     project / CACHE_DIR if project else None, words)
            if settings.downloads else None,
        )

    # --- on_files ----------------------------------------------------------------------
    def read_page(self, src_uri: str, content: str) -> None:
        """Read and check one page (the file as written, front matter included)."""
        start = time.perf_counter()
        try:
            document = read(content, src_uri, markdown=True)
            result = check_document(document)
        except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the other pages
            self.log.error(f"{src_uri}: 结构检查出错，本页未检查（checker crashed: {exc!r}）。"
                           "请把此页和这条消息报告给维护者。")
            return
        finally:
            self.seconds += time.perf_counter() - start
        self.results[src_uri] = result
        self.meta[src_uri] = document.meta
        if result.doctype:
            self.anchor_lines[src_uri] = heading_lines(document.scanned)
            lines = [f.line for f in result.findings if f.line]
            if lines:  # the panel names each finding's paragraph (plain data)
                self.paragraphs[src_uri] = paragraph_places(document, lines)
        if document.meta.get("kind") in DOWNLOAD_KINDS:
            self.pages_read[src_uri] = page_read(document)  # downloads read no more
            self.sources[src_uri] = content
        self._log_findings(src_uri, result)

    def _log_findings(self, src_uri: str, result: CheckResult) -> None:
        # Only unacknowledged errors are WARNINGs (they fail --strict); the rest is for reading.
        # A message of a level not shown is not even formatted (templates have dozens).
        log = self.log
        shown = {level: log.isEnabledFor(level)
                 for level in (logging.WARNING, logging.INFO, logging.DEBUG)}
        for finding in result.findings:
            if finding.severity == "error" and not finding.acknowledged:
                level = logging.WARNING
            else:
                level = logging.DEBUG if finding.severity == "info" else logging.INFO
            if shown[level]:
                log.log(level, finding.format(src_uri))

    def title(self, src_uri: str) -> str:
        return str(self.meta[src_uri].get("title") or self.results[src_uri].title or src_uri)

    # --- on_page_context ---------------------------------------------------------------
    def panel(self, src_uri: str, toc: Iterable[Any], url: UrlOf) -> dict[str, Any] | None:
        """The 结构检查 panel's data, or None for a page without a 文种.

        toc: the rendered page's toc (items with title, id, children)."""
        start = time.perf_counter()
        result = self.results.get(src_uri)
        if result is None or not result.doctype:
            return None
        headings = []
        stack = list(toc)[::-1]
        while stack:  # the toc is a tree; the panel needs its headings in document order
            item = stack.pop()
            headings.append((item.title, item.id))
            stack.extend(item.children[::-1])
        context = panel_context(
            result,
            heading_anchors(self.anchor_lines.get(src_uri, ()), headings),
            doctype_label=self.labels.get(result.doctype),
            guide_url=url(GUIDE_URI),
            rules_url=url(RULES_URI),
            rule_guides=self.guides,
            where=self.places.get(src_uri),
        )
        self.seconds += time.perf_counter() - start
        return context

    def downloads_for(self, src_uri: str, dest_uri: str, site_dir: str) -> Downloads | None:
        """Write a template's or exemplar's .docx/.txt next to its HTML (dest_uri).

        None when the page has no downloads or its export failed (logged as an error)."""
        if self.downloads is None or src_uri not in self.sources:
            return None
        writer = self.downloads
        out_dir = os.path.join(site_dir, *posixpath.dirname(dest_uri).split("/"))
        try:
            made = writer.write(self.sources[src_uri], self.pages_read.get(src_uri), out_dir,
                                file_stem(src_uri), self.title(src_uri))
        except OSError as exc:
            raise BuildError(f"docs/{src_uri}：无法写入下载文件（{exc}）。"
                             "请检查输出目录（site_dir）是否可写。") from exc
        except Exception as exc:  # noqa: BLE001 - any failure must name the page
            self.log.error(f"docs/{src_uri}：无法生成 Word/纯文本下载文件"
                           f"（{type(exc).__name__}: {exc}）。"
                           "请检查该页的 Markdown 是否完整，或向维护者报告此错误。")
            return None
        if writer.cache_error:
            self.log.debug(f"下载文件缓存不可写（{writer.cache_error}），本次构建不使用缓存")
            writer.cache_error = None
        return made

    def draft_context(self, src_uri: str, nav_order: Callable[[], list[str]],
                      url: UrlOf) -> dict[str, Any]:
        """The 检查我的稿件 page's 文种 list; a type page's or template's link to that page
        with its 文种 chosen. nav_order: src_uri of the nav's pages, in order."""
        context: dict[str, Any] = {}
        if src_uri == DRAFT_URI:
            # In the order of the site's navigation (type pages), then any other.
            order = {uri: i for i, uri in enumerate(nav_order())}
            context["gongwen_doctypes"] = sorted(
                self.labels.items(), key=lambda kv: order.get(f"{kv[0]}/index.md", 10**6))
        folder, name = posixpath.split(src_uri)
        if folder in self.labels and name in ("index.md", "template.md"):
            target = url(DRAFT_URI)
            if target is not None:
                context["gongwen_draft_link"] = {"label": self.labels[folder],
                                                 "url": f"{target}?type={folder}"}
        return context

    # --- on_post_build -----------------------------------------------------------------
    def finish(self, site_dir: Path, url: UrlOf, draft_page: bool) -> None:
        """Write the report of every checked page into the built site (never into
        docs_dir), compact the search index, patch the search worker, write the 检查我的稿件
        page's library zip (draft_page: that page is in the build), prune the cache.

        url: a page's URL from the site root."""
        start = time.perf_counter()
        report = report_data(self.results.values(), lambda result: url(result.path))
        # No indent: json's C encoder only runs without one (5x faster on 1,000 pages).
        (site_dir / REPORT_NAME).write_text(json.dumps(report, ensure_ascii=False),
                                            encoding="utf-8")
        self.seconds += time.perf_counter() - start
        totals = report["summary"]
        self.log.info(
            f"结构检查：{totals['files']}页，{STATUS_LABELS['pass']}{totals['pass']}，"
            f"{STATUS_LABELS['warn']}{totals['warn']}，{STATUS_LABELS['fail']}{totals['fail']}；"
            f"检查用时{self.seconds:.2f} s；报告见 {REPORT_NAME}"
        )
        self._compact_search_index(site_dir)
        try:  # Chinese queries lost their last character (gongwen.site.search_worker)
            fix_built_workers(site_dir)
        except WorkerChanged as exc:
            raise BuildError(str(exc)) from None
        if draft_page:
            bundle = site_dir / BUNDLE
            bundle.parent.mkdir(parents=True, exist_ok=True)
            bundle.write_bytes(library_zip())
        if self.downloads is not None:
            self.downloads.prune()

    def _compact_search_index(self, site_dir: Path) -> None:
        """Runs after Material's search plugin has written search/search_index.json (hooks
        run after plugins of the same priority) and before the offline plugin (-100)."""
        path = site_dir / "search" / "search_index.json"
        if not path.is_file():
            return
        budget = self.settings.search_budget
        index = json.loads(path.read_text(encoding="utf-8"))
        index, cut = searchindex.compact(index, self.exemplar_urls.__contains__, budget)
        path.write_text(searchindex.dumps(index), encoding="utf-8")
        if cut:
            self.log.info(f"搜索索引：范文正文超出预算（{budget}字符），已截短{cut}个条目；"
                          "标题与各级标题完整保留。")


def _check_corpus(project: Path, log: logging.Logger | logging.LoggerAdapter) -> None:
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


def _search_words(name: str | None, project: Path | None) -> list[str]:
    """The search dictionary's domain terms (民主生活会…): Word titles break around them."""
    if not name:
        return []
    path = Path(name)
    if not path.is_absolute() and project is not None and (project / path).is_file():
        path = project / path  # Material reads it from the working directory: usually this
    return dictionary_words(path)
