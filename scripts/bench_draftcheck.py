#!/usr/bin/env python3
"""Benchmark of the 检查我的稿件 page (issue 12): prints figures, asserts nothing.

    .venv/bin/python scripts/bench_draftcheck.py [-r 3]

Builds the real site strictly, serves it on 127.0.0.1 and opens it in Debian's chromium:
- first result after the page opens, cold (a fresh browser context each run: empty
  cache, Pyodide loaded from scratch), with a 3,000-character draft pasted at once;
- a second check of a 10,000-character draft on the same page (the worker's own time
  and the time until the result is on screen);
- the page's transfer, raw and gzip (nginx level 6; text types, and the wasm too when
  gzip_types lists application/wasm, as 部署 advises);
- the first load of the home page and of an exemplar, and whether they request anything
  of the checker (they must not).
Targets: first result ≤ 5 s, second check ≤ 300 ms, page ≤ 6 MB gzip.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site import CHROMIUM, CHROMIUM_ARGS, MB, ROOT, build, first_load, serve, transfer

PAGE = "check-draft/"
CHECKER_PATHS = ("assets/vendor/pyodide/", "assets/draftcheck/", "draftcheck")
TARGETS = {"cold": 5.0, "second": 0.300, "transfer": 6 * MB}
OTHER_PAGES = {"首页": "", "范文 000": "self-review/exemplars/000_ee8c9e6e73e8fbdf/"}


def draft(chars: int) -> str:
    """A 工作总结 of about `chars` characters, with numbered levels 1-3."""
    cn = "一二三四五六七八九十"
    prose = "认真学习贯彻会议精神，扎实推进各项工作落实落细、见到实效。"
    lines = ["某某局2025年工作总结", "现将有关情况总结如下。"]
    total = sum(map(len, lines))
    i = 0
    while total < chars:
        head = f"{cn[i % 10]}、第{i + 1}方面的工作"
        lines.append(head)
        total += len(head)
        for j in range(3):
            lines.append(f"（{cn[j]}）第{j + 1}项任务")
            for k in range(1, 4):
                text = f"{k}.{prose * 3}"
                lines.append(text)
                total += len(text) + 10
        i += 1
    return "\n".join(lines) + "\n"


def wait_result(page, after: int) -> None:
    page.wait_for_function(
        "n => (window.__gongwenDraftChecks || 0) > n", arg=after, timeout=120_000)


def cold_and_second(browser, url: str) -> tuple:
    """(cold s, second check s on screen, worker ms, raw bytes, gzip bytes, ms to load
    Pyodide, ms to set up the library) of one visit."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    # Count results as they are drawn (a MutationObserver on the result area).
    page.add_init_script("""
        document.addEventListener('DOMContentLoaded', () => {
          const el = document.getElementById('gw-draft-result');
          if (!el) return;
          new MutationObserver(() => {
            if (el.querySelector('.gw-check')) window.__gongwenDraftChecks =
              (window.__gongwenDraftChecks || 0) + 1;
          }).observe(el, {childList: true});
        });""")
    start = time.perf_counter()
    page.goto(url + PAGE, wait_until="domcontentloaded")
    page.fill("#gw-draft-text", draft(3_000))
    page.locator("#gw-draft-submit:enabled").click(timeout=120_000)
    wait_result(page, 0)
    cold = time.perf_counter() - start
    parts = page.evaluate("() => [window.__gongwenDraft.pyodideMs, window.__gongwenDraft.setupMs]")
    page.fill("#gw-draft-text", draft(10_000))
    start = time.perf_counter()
    page.click("#gw-draft-submit")
    wait_result(page, 1)
    second = time.perf_counter() - start
    status = page.inner_text("#gw-draft-status")
    worker_ms = int(status.split("用时 ")[1].split(" ")[0])
    page.wait_for_load_state("networkidle")
    raw, packed = transfer(finished)
    context.close()
    return cold, second, worker_ms, raw, packed, *parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检查我的稿件：首次结果、再次检查、传输量")
    parser.add_argument("-r", "--runs", type=int, default=3, help="冷启动测几次（默认 3，"
                                                                  "取中位数）")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="gongwen-draft-") as tmp:
        site = Path(tmp) / "site"
        print("构建真实站点（mkdocs build --strict）…", flush=True)
        build(ROOT / "mkdocs.yml", site)
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        with serve(site) as url:
            runs = []
            for n in range(args.runs):
                runs.append(cold_and_second(browser, url))
                cold, second, _, _, _, pyodide_ms, setup_ms = runs[-1]
                print(f"  第{n + 1}次：首次结果{cold:.2f} s（其中载入 Pyodide {pyodide_ms} ms，"
                      f"载入检查库 {setup_ms} ms），再次检查{second * 1000:.0f} ms", flush=True)
            others = {}
            for label, path in OTHER_PAGES.items():
                others[label] = first_load(browser, url + path)
            leaks = []
            context = browser.new_context()
            page = context.new_page()
            page.on("request", lambda r: any(x in r.url for x in CHECKER_PATHS) and
                    leaks.append(r.url))
            for path in OTHER_PAGES.values():
                page.goto(url + path, wait_until="load")
                page.wait_for_load_state("networkidle")
            context.close()
        browser.close()
    cold = statistics.median(r[0] for r in runs)
    second = statistics.median(r[1] for r in runs)
    worker = statistics.median(r[2] for r in runs)
    raw, packed = runs[0][3], runs[0][4]
    print()
    print(f"机器负载（1 分钟平均）：{os.getloadavg()[0]:.1f}（{os.cpu_count()} 核）")
    print(f"首次结果（冷启动，含 Pyodide，{args.runs}次中位数）：{cold:.2f} s"
          f"（目标 ≤ {TARGETS['cold']:.0f} s，{'达标' if cold <= TARGETS['cold'] else '未达标'}）")
    print(f"再次检查 10,000 字（点击到结果显示）：{second * 1000:.0f} ms，"
          f"其中检查器{worker:.0f} ms"
          f"（目标 ≤ 300 ms，{'达标' if second <= TARGETS['second'] else '未达标'}）")
    print(f"本页传输：原始{raw / MB:.2f} MB，gzip {packed / MB:.2f} MB"
          f"（目标 ≤ 6 MB，{'达标' if packed <= TARGETS['transfer'] else '未达标'}）")
    for label, (count, other_raw, other_gz) in others.items():
        print(f"首次加载 {label}：{count}个请求，gzip {other_gz / 1024:.0f} KB")
    print("其他页面请求检查器文件：" + ("无" if not leaks else "、".join(leaks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
