#!/usr/bin/env python3
"""Benchmark what a reader gets: page sizes, search index, first load, search latency.

Builds the real site and a synthetic corpus of N exemplars (scripts/make_corpus.py), then
measures each: build time, HTML size per page, search index size (raw and gzip), bytes
transferred on a first page load and time from the last key to search results (Debian's
chromium through Playwright, site served on 127.0.0.1). Prints a table; not a test.

    .venv/bin/python scripts/bench_site.py            # real site + 1,000 synthetic exemplars
    .venv/bin/python scripts/bench_site.py -n 0       # real site only

"gzip" sizes are what nginx would send with `gzip on; gzip_comp_level 6` (text types only).
Targets at 1,000 exemplars (issue 5): pages <= 60 KB, first load <= 3 MB with gzip, first
search <= 1 s.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import BuildFailed, make_corpus, timed_build

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
              "application/xml")
QUERY = "民主生活会"
KB = 1024
MB = 1024 * 1024
TARGETS = {"page_max": 60 * KB, "first_load_gzip": 3 * MB, "search_cold": 1.0}


@dataclass
class Figures:
    name: str
    pages: int = 0
    build_s: float = 0.0
    build_warnings: int = 0
    page_mean: float = 0.0
    page_max: int = 0
    page_max_path: str = ""
    largest: list[tuple[str, int]] = field(default_factory=list)
    index_raw: int = 0
    index_gzip: int = 0
    first_load: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    search_cold: float = 0.0
    search_warm: float = 0.0
    search_hits: int = 0


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def build(config: Path, site: Path) -> tuple[float, int]:
    try:
        timing = timed_build(config, site, keep=True)
    except BuildFailed as exc:
        sys.exit(str(exc))
    return timing.wall, timing.warnings


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_load(browser, url: str) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip bytes) of one cold page load, search index included."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url, wait_until="load")
    # Material's search worker fetches the index right after load; wait for all of it.
    deadline = time.monotonic() + 120
    while not any(r.url.endswith("search_index.json") for r in finished):
        if time.monotonic() > deadline:
            print(f"  注意：{url} 的首次加载没有请求 search_index.json", file=sys.stderr)
            break
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    raw, packed = transfer(finished)
    count = len(finished)
    context.close()
    return count, raw, packed


def transfer(finished) -> tuple[int, int]:
    """(raw bytes, bytes on the wire) of finished requests: text and wasm gzipped, as the
    部署 page's nginx settings serve them."""
    raw = packed = 0
    for request in finished:
        response = request.response()
        if response is None:
            continue
        body = response.body()
        raw += len(body)
        kind = response.headers.get("content-type", "")
        packed += gz(body) if kind.startswith(TEXT_TYPES) or "wasm" in kind else len(body)
    return raw, packed


def search_latency(browser, url: str) -> tuple[float, float, int]:
    """Seconds from the last key to the first result: right after load, then again."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="load")
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")

    def timed(query: str) -> float:
        box.click()
        box.fill(query)
        start = time.perf_counter()
        box.press("End")  # Material reads the query on keyup
        results.first.wait_for(timeout=30_000)
        return time.perf_counter() - start

    cold = timed(QUERY)  # the index may still be loading: what a quick reader sees
    hits = int(page.eval_on_selector(
        ".md-search-result__meta", "e => parseInt(e.textContent.replace(/\\D/g, '')) || 0"))
    box.fill("")
    box.press("End")
    page.wait_for_timeout(300)
    warm = min(timed(QUERY) for _ in range(3))
    context.close()
    return cold, warm, hits


def trim_index(site: Path, chars: int) -> None:
    """What-if: keep only the first `chars` characters of each exemplar section in the index."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if "/exemplars/" in doc["location"]:
            text = re.sub(r"<[^>]+>", "", doc["text"])
            kept, seen = [], 0
            for ch in text:
                kept.append(ch)
                seen += ch != "\u200b"
                if seen >= chars:
                    break
            doc["text"] = "".join(kept)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def measure(name: str, site: Path, first_pages: dict[str, str], browser) -> Figures:
    figures = Figures(name)
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    figures.pages = len(sizes)
    figures.page_mean = statistics.mean(sizes.values())
    figures.largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
    figures.page_max_path, figures.page_max = figures.largest[0]
    index = (site / "search" / "search_index.json").read_bytes()
    figures.index_raw, figures.index_gzip = len(index), gz(index)
    print(f"[{name}] 浏览器测量…", flush=True)
    with serve(site) as url:
        for label, path in first_pages.items():
            figures.first_load[label] = first_load(browser, url + path)
        figures.search_cold, figures.search_warm, figures.search_hits = search_latency(browser, url)
    return figures


def build_and_measure(name: str, config: Path, first_pages: dict[str, str], browser,
                      trim: int = 0) -> list[Figures]:
    with tempfile.TemporaryDirectory(prefix="gongwen-bench-") as tmp:
        site = Path(tmp) / "site"
        print(f"[{name}] 构建…", flush=True)
        build_s, warnings = build(config, site)
        results = [measure(name, site, first_pages, browser)]
        if trim:
            trim_index(site, trim)
            results.append(measure(f"{name}·索引每节前 {trim} "
                                   "字（设想）", site, first_pages, browser))
        for figures in results:
            figures.build_s, figures.build_warnings = build_s, warnings
    return results


def fmt_bytes(n: float) -> str:
    return f"{n / MB:.2f} MB" if n >= MB else f"{n / KB:.1f} KB"


def table(all_figures: list[Figures]) -> str:
    rows: list[tuple[str, ...]] = [("指标", *(f.name for f in all_figures), "目标（1,000 篇）")]
    rows.append(("HTML 页数", *(str(f.pages) for f in all_figures), ""))
    rows.append(("构建时间", *(f"{f.build_s:.1f} s" for f in all_figures), ""))
    rows.append(("页面 HTML 平均", *(fmt_bytes(f.page_mean) for f in all_figures), ""))
    rows.append(("页面 HTML 最大", *(fmt_bytes(f.page_max) for f in all_figures), "≤ 60 KB"))
    for rank in range(3):
        rows.append((f"  第{rank + 1}大的页面",
                     *(f"{f.largest[rank][0]}（{fmt_bytes(f.largest[rank][1])}）"
                       if len(f.largest) > rank else "" for f in all_figures), ""))
    rows.append(("搜索索引（原始）", *(fmt_bytes(f.index_raw) for f in all_figures), ""))
    rows.append(("搜索索引（gzip）", *(fmt_bytes(f.index_gzip) for f in all_figures), ""))
    for label in all_figures[0].first_load:
        rows.append((f"首次加载 {label}（原始）",
                     *(f"{fmt_bytes(f.first_load[label][1])}，{f.first_load[label][0]} 个请求"
                       for f in all_figures), ""))
        rows.append((f"首次加载 {label}（gzip）",
                     *(fmt_bytes(f.first_load[label][2]) for f in all_figures), "≤ 3 MB"))
    rows.append((f"首次搜索“{QUERY}”（载入后立即）",
                 *(f"{f.search_cold * 1000:.0f} ms" for f in all_figures), "≤ 1 s"))
    rows.append(("再次搜索（索引已就绪，3 次最快）",
                 *(f"{f.search_warm * 1000:.0f} ms" for f in all_figures), ""))
    rows.append(("搜索结果数", *(str(f.search_hits) for f in all_figures), ""))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = (c + " " * (w - _width(c)) for c, w in zip(row, widths))
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def verdict(synthetic: Figures) -> list[str]:
    loads = max(v[2] for v in synthetic.first_load.values())
    checks = [
        ("页面 ≤ 60 KB", synthetic.page_max <= TARGETS["page_max"]),
        ("首次加载（gzip）≤ 3 MB", loads <= TARGETS["first_load_gzip"]),
        ("首次搜索 ≤ 1 s", synthetic.search_cold <= TARGETS["search_cold"]),
    ]
    return [f"{'达标' if ok else '未达标'}：{label}" for label, ok in checks]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="站点基准：页面大小、搜索索引、首次加载、搜索延迟")
    parser.add_argument("-n", "--exemplars", type=int, default=1000,
                        help="合成语料的范文页数（默认 1000；0 表示只测真实站点）")
    parser.add_argument("--trim-index", type=int, default=0, metavar="N",
                        help="另测一种设想：搜索索引中范文每节只保留前 N 字（不改站点，"
                             "只改构建结果）")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    real_pages = {"首页": "", "范文 000": "self-review/exemplars/000_ee8c9e6e73e8fbdf/"}
    results: list[Figures] = []
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="gongwen-corpus-") as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        results += build_and_measure("真实站点", ROOT / "mkdocs.yml", real_pages, browser)
        if args.exemplars > 0:
            print(f"[合成{args.exemplars}篇] 生成语料…", flush=True)
            corpus = make_corpus(Path(tmp) / "corpus", args.exemplars)
            results += build_and_measure(f"合成{args.exemplars}篇", corpus.config, real_pages,
                                         browser, trim=args.trim_index)
        browser.close()
    print()
    print(table(results))
    warnings = [f"{f.name} {f.build_warnings} 条" for f in results if f.build_warnings]
    if warnings:
        print("\n构建 WARNING（非 --strict 构建）：" + "，".join(warnings))
    if args.exemplars == 1000:
        synthetic = next(f for f in results if f.name == "合成 1000 篇")
        print("\n合成 1000 篇：" + "；".join(verdict(synthetic)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
