"""The site in a real browser: Debian's chromium driven by Playwright, headless.

The site is served on 127.0.0.1 by a local http.server; every request to any other host is
blocked and fails the test, as it would stall a page on an intranet without internet.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, Build, mkdocs_build
from playwright import sync_api

pytestmark = pytest.mark.browser  # `pytest -m "not browser"` skips these

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags a root Chromium phones Google hosts on start-up.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-default-apps", "--disable-extensions",
]
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
EXEMPLAR_000 = "self-review/exemplars/000_ee8c9e6e73e8fbdf/"
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome-extension"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# ---------------------------------------------------------------- helpers shared with test_offline


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) for the duration of the block."""

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep pytest output readable
            pass

    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def launch_chromium() -> Iterator:
    """Debian's chromium (never a downloaded browser), headless."""
    if not CHROMIUM.exists():
        pytest.fail("缺少 /usr/bin/chromium：请运行 bash scripts/test.sh（会用 apt 安装 chromium）")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


class Guard:
    """Blocks and records every request to a host other than 127.0.0.1."""

    def __init__(self) -> None:
        self.offsite: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort()


def new_context(browser, viewport: dict | None = None, **options):
    """A browser context whose off-site requests are blocked and recorded in `.guard`."""
    context = browser.new_context(viewport=viewport or DESKTOP, locale="zh-CN", **options)
    context.guard = Guard()
    context.route("**/*", context.guard)
    return context


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box; return the result links in order."""
    toggle = page.locator("label.md-header__button[for=__search]").first
    if toggle.is_visible():  # phone width: the search box hides behind a button
        toggle.click()
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    # fill() sends no key events and Material reads the query on keyup.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)"
    )


# ---------------------------------------------------------------- fixtures


# Module scope: one Playwright instance at a time (test_offline starts its own afterwards).
@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def site_url(built_site: Build) -> Iterator[str]:
    with serve(built_site.site) as url:
        yield url


@pytest.fixture
def context(browser):
    context = new_context(browser, permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def pages_of(site: Path) -> list[str]:
    """Every HTML page of a built site, as a URL path relative to its root."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        paths.append(rel.removesuffix("index.html"))
    return paths


def open_page(context, url: str):
    """Open `url`, recording console errors and uncaught exceptions in `page.errors`."""
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.errors.append(f"exception: {e}"))
    page.goto(url, wait_until="load")
    return page


# ---------------------------------------------------------------- every page


def test_every_page_loads_without_error_or_offsite_request(built_site, site_url, context):
    pages = pages_of(built_site.site)
    assert len(pages) > 10
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    bad_status: list[str] = []
    page.on("response", lambda r: r.status >= 400 and bad_status.append(f"{r.status} {r.url}"))
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        # Material starts its search worker lazily: give it time to fetch the index.
        page.wait_for_load_state("networkidle")
    # 404.html is a page of its own; requesting it is not an error, but nothing else may 404.
    bad_status = [s for s in bad_status if not s.endswith("/404.html")]
    assert context.guard.offsite == [], "页面请求了站外地址（内网无法访问）"
    assert errors == []
    assert bad_status == []


# ---------------------------------------------------------------- copy buttons: exact text

DEMO_MD = """\
# 对照检查材料（演示）

!!! tip "怎样写开头"
    写明依据和准备情况。这段是指导，不应被复制。

根据【上级党组织】部署要求，现将对照检查情况报告如下。

## 一、存在的问题

### （一）在理论学习方面

一是学习不够深入。 (1)
{ .annotate }

1.  这是注释，不应被复制。

二是联系
实际不够。

### （二）在担当作为方面

**1.攻坚克难的劲头不足。**面对难题有畏难情绪。

1. 列表第一项
2. 列表第二项

## 二、原因剖析

<span id="一理想信念方面"></span>**（一）理想信念方面。**学习不够。

<span id="二宗旨意识方面"></span>**（二）宗旨意识方面。**联系群众不够。

<!-- gongwen:end -->

## 评注

评注不应被复制。
"""

DEMO_SECTION_1 = """\
一、存在的问题
（一）在理论学习方面
一是学习不够深入。
二是联系实际不够。
（二）在担当作为方面
1.攻坚克难的劲头不足。面对难题有畏难情绪。
1.列表第一项
2.列表第二项"""

DEMO_OUTLINE = """\
一、存在的问题
\u3000\u3000（一）在理论学习方面
\u3000\u3000（二）在担当作为方面
\u3000\u3000\u3000\u30001.攻坚克难的劲头不足。
二、原因剖析
\u3000\u3000（一）理想信念方面。
\u3000\u3000（二）宗旨意识方面。"""

DEMO_RUNIN_SECTION = "（一）理想信念方面。学习不够。"

DEMO_FULL = f"""\
对照检查材料（演示）
根据【上级党组织】部署要求，现将对照检查情况报告如下。
{DEMO_SECTION_1}
二、原因剖析
{DEMO_RUNIN_SECTION}
（二）宗旨意识方面。联系群众不够。"""

DEMO_CONFIG = """\
site_name: 复制测试
theme:
  name: material
  language: zh
  font: false
  features: [navigation.instant]
extra_css: [assets/stylesheets/copy.css]
extra_javascript: [assets/javascripts/copy.js]
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
nav:
  - index.md
  - demo/template.md
"""


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory) -> Iterator[str]:
    """A tiny site with one known template page, using the project's copy.js and copy.css."""
    root = tmp_path_factory.mktemp("copydemo")
    docs = root / "docs"
    for rel in ("assets/javascripts/copy.js", "assets/stylesheets/copy.css"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / rel, docs / rel)
    (docs / "demo").mkdir()
    (docs / "demo" / "template.md").write_text(DEMO_MD, encoding="utf-8")
    (docs / "index.md").write_text("# 首页\n\n[演示模板](demo/template.md)\n", encoding="utf-8")
    (root / "site").mkdir()
    with serve(root / "site") as url:
        # Material's instant navigation only follows links listed in sitemap.xml, which
        # needs site_url; the port must match too, so the site is built once it is served.
        config = f"site_url: {url}\n{DEMO_CONFIG}"
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        build = mkdocs_build(root / "mkdocs.yml", root / "site")
        assert build.returncode == 0, build.log
        yield url


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_section_puts_exact_text_on_clipboard(demo_url, context):
    page = open_page(context, demo_url + "demo/template/")
    button = page.get_by_role("button", name="复制本节：一、存在的问题")
    # Keyboard: a real <button>, reached by focus and pressed with Enter.
    button.focus()
    page.keyboard.press("Enter")
    sync_api.expect(page.locator(".gongwen-copy-status")).to_have_text("已复制本节")
    assert clipboard(page) == DEMO_SECTION_1
    assert page.errors == []


def test_copy_outline_indents_numbered_headings_by_level(demo_url, context):
    page = open_page(context, demo_url + "demo/template/")
    page.get_by_role("button", name="复制提纲").click()
    page.get_by_text("已复制提纲").wait_for(timeout=5_000)
    assert clipboard(page) == DEMO_OUTLINE


def test_copy_run_in_section_and_full_text(demo_url, context):
    page = open_page(context, demo_url + "demo/template/")
    page.get_by_role("button", name="复制本节：（一）理想信念方面。").click()
    page.get_by_text("已复制本节").wait_for(timeout=5_000)
    assert clipboard(page) == DEMO_RUNIN_SECTION
    page.get_by_role("button", name="复制全文").click()
    page.get_by_text("已复制全文").wait_for(timeout=5_000)
    assert clipboard(page) == DEMO_FULL


def test_copy_falls_back_without_async_clipboard(demo_url, context):
    # Plain-http intranet hosts and file:// are not secure contexts: no navigator.clipboard.
    context.add_init_script("Object.defineProperty(window, 'isSecureContext', {value: false})")
    page = open_page(context, demo_url + "demo/template/")
    page.get_by_role("button", name="复制本节：（二）宗旨意识方面。").click()
    page.get_by_text("已复制本节").wait_for(timeout=5_000)
    assert clipboard(page) == "（二）宗旨意识方面。联系群众不够。"


def test_copy_buttons_appear_after_instant_navigation(demo_url, context):
    page = open_page(context, demo_url)
    assert page.locator(".gongwen-copy-toolbar").count() == 0  # not a document page
    page.evaluate("window.notReloaded = true")
    # Material intercepts clicks only once it has fetched sitemap.xml; on a busy machine a
    # click right after "load" came first and the page was reloaded instead.
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="演示模板").first.click()
    page.wait_for_url("**/demo/template/")
    page.locator(".gongwen-copy-toolbar").wait_for(timeout=5_000)
    assert page.evaluate("window.notReloaded === "
                         "true"), "应为即时导航（instant navigation），而非整页刷新"
    assert page.locator(".gongwen-copy-section").count() == 6
    assert page.errors == []


def test_copy_section_on_real_self_review_template(site_url, context):
    page = open_page(context, site_url + "self-review/template/")
    buttons = page.locator("button.gongwen-copy-section")
    assert buttons.count() >= 3
    heading = page.locator("article h2").filter(has=buttons).first
    title = page.evaluate(
        "h => window.gongwenCopy.collect().find(b => b.el === h).title", heading.element_handle()
    )
    heading.locator("button.gongwen-copy-section").click()
    page.get_by_text("已复制本节").wait_for(timeout=5_000)
    text = clipboard(page)
    assert text.startswith(title + "\n")
    for junk in ("复制本节", "复制全文", "复制提纲", "¶", "\n\n"):
        assert junk not in text
    assert not any(f"({n})" in text for n in range(1, 10)), "注释标记不应被复制"


def test_copy_full_text_keeps_the_gaps_of_a_truncated_exemplar(built_site, site_url, context):
    page = open_page(context, site_url + EXEMPLAR_000)
    page.get_by_role("button", name="复制全文").click()
    page.get_by_text("已复制全文").wait_for(timeout=5_000)
    lines = clipboard(page).split("\n")
    gaps = [line for line in lines if line.startswith("【原文缺失】")]
    source = (ROOT / "docs" / EXEMPLAR_000.rstrip("/")).with_suffix(".md").read_text("utf-8")
    assert len(gaps) == source.count('!!! failure "原文缺失"') > 0
    cut = next(i for i, line in enumerate(lines) if line.endswith("前瞻性研究。利用"))
    assert lines[cut + 1].startswith("【原文缺失】原文在“利用”处中断")
    # The same markers as the .txt download (copy.js drops spaces beside Chinese text).
    txt = next((built_site.site / EXEMPLAR_000).glob("*.txt")).read_bytes().decode("utf-8-sig")
    assert [gap.replace(" ", "") for gap in gaps] == [
        line.strip("\u3000").replace(" ", "") for line in txt.split("\r\n")
        if "【原文缺失】" in line]
    assert page.errors == []


# ---------------------------------------------------------------- Chinese search


def test_search_finds_self_review_exemplar(site_url, context):
    page = open_page(context, site_url)
    links = search(page, "民主生活会")
    assert any(EXEMPLAR_000 in link for link in links[:5]), links
    assert page.errors == []
    assert context.guard.offsite == []


# ---------------------------------------------------------------- accessibility and screenshots

AUDITED = {"home": "", "template": "self-review/template/", "exemplar": EXEMPLAR_000}


@pytest.mark.parametrize("name", list(AUDITED))
def test_no_serious_accessibility_violation(name, site_url, browser):
    if not AXE.exists():
        pytest.fail("缺少 axe-core：请运行 bash scripts/test.sh（会在 tests/browser 中执行 npm ci"
                    "）")
    ARTIFACTS.mkdir(exist_ok=True)
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = new_context(browser, viewport=viewport)
        page = open_page(context, site_url + AUDITED[name])
        page.locator(".md-content").wait_for()
        page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=True)
        # The full-page screenshot scrolls: Material then hides and shows the tabs with a
        # fade. Measure colour contrast only once every transition has ended (axe read a
        # half-faded tab as low contrast now and then).
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(50)
        # (At most 2 s: an animation that never runs to its end must not hang the test.)
        page.evaluate("() => Promise.race([new Promise(done => setTimeout(done, 2000)),"
                      " Promise.all(document.getAnimations().map("
                      "a => a.finished.catch(() => null)))])")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
            ".map(v => `${v.impact} ${v.id}: ${v.help} — ` +"
            " v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"
        )
        assert violations == [], f"{name} ({width}):\n" + "\n".join(violations)
        assert page.errors == []
        assert context.guard.offsite == []
        context.close()
