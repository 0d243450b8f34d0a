"""MkDocs hooks of 公文写作范本库: thin callers of the `gongwen` library.

Every Markdown page is checked once per build, in on_files, from the file as the author
wrote it (so line numbers are real). Results live in a per-build state object keyed by
src_uri, never in page.meta (that slowed a 1,000-page build by 25%), and reach the theme
through the page context, where partials/gongwen-check.html renders the 结构检查 panel.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from gongwen.check import check_document
from gongwen.model import CheckResult
from gongwen.reader import read
from gongwen.rules import RULES
from gongwen.schema import load_schemas
from gongwen.sitepages import (
    EXEMPLARS_MARKER,
    OVERVIEW_MARKER,
    ExemplarRow,
    OverviewRow,
    exemplar_table,
    heading_anchors,
    insert_html,
    overview_markdown,
    overview_table,
    panel_context,
    rules_markdown,
)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("gongwen")

OVERVIEW_URI = "check/index.md"
RULES_URI = "guide/rules.md"
GUIDE_URI = "guide/index.md"
REPORT_NAME = "gongwen-report.json"


@dataclass
class BuildState:
    """What one build knows; replaced in on_config because `mkdocs serve` keeps this module."""

    labels: dict[str, str] = field(default_factory=dict)  # doctype → 中文名
    guides: dict[str, str] = field(default_factory=dict)  # rule code → guide anchor
    results: dict[str, CheckResult] = field(default_factory=dict)  # src_uri → result
    meta: dict[str, dict] = field(default_factory=dict)  # src_uri → front matter
    files: object = None  # mkdocs Files of this build
    seconds: float = 0.0  # time spent in these hooks, reported after the build


STATE = BuildState()


def on_config(config):
    global STATE
    # Without jieba, Material's search silently finds almost nothing in Chinese.
    try:
        import jieba  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised by a build test
        raise PluginError(
            "缺少 jieba：中文搜索无法分词。请运行 `pip install -e .` 安装依赖后重新构建。"
            " (jieba is required for Chinese search)"
        ) from exc
    STATE = BuildState(
        labels={doctype: schema.label for doctype, schema in load_schemas().items()},
        guides={rule.code: rule.guide for rule in RULES if rule.guide},
    )
    return config


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
    files.append(File.generated(config, OVERVIEW_URI,
                                content=overview_markdown(STATE.results.values())))
    files.append(File.generated(config, RULES_URI, content=rules_markdown(RULES)))
    STATE.seconds += time.perf_counter() - start
    return files


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


def on_page_content(html, page, config, files):
    """Fill the generated tables: the overview's, and a type page's list of exemplars.

    Both are HTML put in after Markdown has run (see gongwen.sitepages for why), at the
    marker comment the page carries, or at the end of a page without one.
    """
    start = time.perf_counter()
    try:
        return _fill_tables(html, page, files)
    finally:
        STATE.seconds += time.perf_counter() - start


def _fill_tables(html, page, files):
    src_uri = page.file.src_uri
    if src_uri == OVERVIEW_URI:
        rows = [
            OverviewRow(
                url=_url(files, uri, page),
                title=_title(uri),
                doctype_label=STATE.labels.get(result.doctype or "", result.doctype),
                result=result,
            )
            for uri, result in STATE.results.items()
        ]
        return insert_html(html, OVERVIEW_MARKER, overview_table(rows))
    doctype, _, rest = src_uri.partition("/")
    if rest != "index.md" or doctype not in STATE.labels:
        return html
    prefix = f"{doctype}/exemplars/"
    rows = [
        ExemplarRow(
            url=_url(files, uri, page),
            title=_title(uri),
            unit=meta.get("unit"),
            year=meta.get("year"),
            occasion=meta.get("occasion"),
            status=STATE.results[uri].status,
        )
        for uri, meta in STATE.meta.items()
        if uri.startswith(prefix) and uri.count("/") == 2
    ]
    return insert_html(html, EXEMPLARS_MARKER, exemplar_table(rows))


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
