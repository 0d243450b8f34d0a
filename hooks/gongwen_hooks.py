"""MkDocs hooks of 公文写作范本库: thin, typed callers of the `gongwen` library.

One BuildState (gongwen.build.state) per build, replaced in on_config because
`mkdocs serve` keeps this module. Each event hands it what MkDocs knows and turns its
answers into MkDocs objects (generated files, nav sections, template context) and its
BuildError into PluginError. What each step does is documented in gongwen.build.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from gongwen.build import lists
from gongwen.build.state import DRAFT_URI, BuildError, BuildState
from gongwen.site.compact import compact_html
from gongwen.site.navigation import add_exemplar_sections, relink
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
STATE = BuildState(log=log)
FILES: Files | None = None  # this build's files (on_page_context and on_post_build need them)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except BuildError as exc:  # the message names the file and what to do; no traceback
        raise PluginError(str(exc)) from None


@event_priority(100)  # before the search plugin, which crashes without jieba
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global STATE
    try:  # without jieba, Material's search silently finds almost nothing in Chinese
        import jieba  # noqa: F401
    except ImportError as exc:  # tests/test_offline.py builds with jieba blocked
        raise PluginError("缺少 jieba：中文搜索无法分词。"
                          "请运行 `pip install -e .` 安装依赖后重新构建。"
                          " (jieba is required for Chinese search)") from exc
    project = Path(config.config_file_path).resolve().parent if config.config_file_path else None
    search = config.plugins.get("material/search")
    with _errors():
        STATE = BuildState.start(
            config.extra, project, config.site_author or config.site_name,
            search.config.get("jieba_dict_user") if search is not None else None, log)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Read and check every page now, so the overview and type pages can list every result."""
    global FILES
    FILES = files
    for file in files.documentation_pages():
        if not file.generated_by:
            STATE.read_page(file.src_uri, _source(file))
    with _errors():
        generated, hidden = lists.plan(STATE, lambda uri: files.get_file_from_path(uri) is not None)
    for uri in hidden:  # on_nav places the exemplars; no "not in nav" notice for each
        files.get_file_from_path(uri).inclusion = InclusionLevel.NOT_IN_NAV
    for page in generated:
        files.append(File.generated(config, page.src_uri, content=page.content, inclusion=(
            InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV)))
    return files


def _source(file: File) -> str:
    try:  # the file as written (front matter included), so findings carry the author's lines
        return file.content_string
    except UnicodeDecodeError as exc:
        line = file.content_bytes[:exc.start].count(b"\n") + 1
        raise PluginError(f"docs/{file.src_uri}:{line}：此页不是 UTF-8 编码"
                          f"（第{line}行有无法识别的字节）。"
                          "请用编辑器另存为 UTF-8 后重新构建。") from None


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Exemplars get a place in the nav under their type (gongwen.site.navigation)."""
    add_exemplar_sections(nav.items, STATE.lists, lambda uri: files.get_file_from_path(uri).page,
                          Section, STATE.settings.list_page_size)
    nav.pages = relink(nav.items)
    return nav


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return compact_html(output)  # keeps every page small however large the nav grows


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return lists.page_content(STATE, html, page.file.src_uri, page.meta.get("kind"),
                              lambda uri: files.get_file_from_path(uri).url_relative_to(page.file))


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
    """Hand the page's check result, downloads and 检查我的稿件 links to the theme."""
    src = page.file.src_uri

    def url(uri: str) -> str | None:
        target = FILES.get_file_from_path(uri) if FILES else None
        return target.url_relative_to(page.file) if target else None

    panel = STATE.panel(src, page.toc, url)
    if panel is not None:
        context["gongwen_check"] = panel
    if (page.meta or {}).get("kind") == "exemplar":
        STATE.exemplar_urls.add(page.url)  # the search index cuts exemplar text first
    with _errors():
        downloads = STATE.downloads_for(src, page.file.dest_uri, config.site_dir)
    if downloads is not None:
        context["gongwen_downloads"] = downloads
    context.update(STATE.draft_context(src, lambda: [p.file.src_uri for p in nav.pages], url))
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    def url(uri: str) -> str | None:
        target = FILES.get_file_from_path(uri) if FILES else None
        return target.url if target else None

    with _errors():
        STATE.finish(Path(config.site_dir), url,
                     draft_page=FILES is not None
                     and FILES.get_file_from_path(DRAFT_URI) is not None)
