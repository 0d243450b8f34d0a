"""Benchmark: what the project's hook adds to a build, and the checker's throughput.

Makes a synthetic corpus of N exemplar pages (scripts/make_corpus.py), builds it with the
real config and with the same config minus hooks/gongwen_hooks.py (the check, the lists,
the downloads, the report and the search index: the three hooks of issue 9's baseline),
the full config both with an empty download cache (a first build, CI) and with the cache
of the previous build; in fresh processes and alternating order (other work on the
machine skews a single run; the best of each is kept, in wall-clock and in CPU time);
then times the library checker reading every page from disk in one process.

    .venv/bin/python scripts/bench_hooks.py            # N = 1000, 2 builds of each
    .venv/bin/python scripts/bench_hooks.py -n 200 -r 1
    .venv/bin/python scripts/bench_hooks.py --checker-only -r 3   # no builds: throughput only

Targets (issue 9): the full build at most 1.05 x the build without the hook (cache warm),
1.10 x with an empty cache; the checker reads at least 2,000 documents per second.
Prints figures; exits 0 unless a build fails.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gongwen.check import check_file
from make_corpus import BuildFailed, Corpus, config_variant, make_corpus, timed_build

CHECK_HOOK = "hooks/gongwen_hooks.py"
# Pages that only the check hook generates: their nav entries go with it.
GENERATED_NAV = ("check/index.md", "guide/rules.md")
# The hook's summary line: 结构检查：N页，…；检查用时0.85 s；…
RE_HOOK_SECONDS = re.compile(r"检查用时 ?([\d.]+) s")
CACHE_DIR = ".cache/gongwen-word"  # the download cache (gongwen.export.downloads)
TARGETS = {"warm": 1.05, "cold": 1.10}
CHECK_TARGET = 2000.0
LABELS = {"without": "不含钩子", "cold": "完整（空下载缓存）", "warm": "完整（缓存命中）"}


def build_seconds(config: Path, site: Path) -> tuple[float, float, float | None]:
    """(wall, CPU, hooks) seconds of one build; hooks: what the check hooks report spending
    in their own events (检查用时 in the log), None for a build without them."""
    try:
        timing = timed_build(config, site)
    except BuildFailed as exc:
        sys.exit(str(exc))
    if timing.warnings:
        print(f"  注意：{config.name} 的构建有 {timing.warnings} 条 WARNING", file=sys.stderr)
    own = RE_HOOK_SECONDS.search(timing.log)
    return timing.wall, timing.cpu, float(own.group(1)) if own else None


def check_throughput(paths: list[Path]) -> tuple[int, float, float]:
    """Documents checked, wall and CPU seconds: one process, each file read from disk."""
    start, cpu_start = time.perf_counter(), time.process_time()
    for path in paths:
        check_file(path)
    return len(paths), time.perf_counter() - start, time.process_time() - cpu_start


def checker_only(corpus: Corpus, repeat: int) -> int:
    """Only the checker's throughput: every page read from disk and checked, `repeat`
    rounds in one process (the first also warms the disk cache), the fastest by CPU."""
    pages = sorted(corpus.docs.rglob("*.md"))
    rounds = [check_throughput(pages) for _ in range(repeat)]
    checked, wall, cpu = min(rounds, key=lambda r: r[2])
    verdict = "达标" if checked / cpu >= CHECK_TARGET else "未达标"
    print(f"检查器吞吐：{checked}篇，{repeat}轮取 CPU 最快一轮：墙钟{wall:.2f} s = "
          f"{checked / wall:,.0f}篇/秒，CPU {cpu:.2f} s = {checked / cpu:,.0f}篇/秒"
          f"（目标 ≥ {CHECK_TARGET:,.0f}：{verdict}）")
    return 0


def run(corpus: Corpus, repeat: int, drop: tuple[str, ...]) -> dict[str, object]:
    without = config_variant(corpus.config, "mkdocs-nohooks.yml", drop_hooks=drop,
                             drop_nav=GENERATED_NAV)
    cache = corpus.root / CACHE_DIR
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in LABELS}
    own: list[float] = []
    for round_ in range(repeat):
        # Alternate the order so that no configuration always runs on a warm disk cache;
        # "warm" always follows "cold" (or a previous full build), whose cache it reuses.
        order = ["without", "cold", "warm"] if round_ % 2 == 0 else ["cold", "warm", "without"]
        for name in order:
            if name == "cold":
                shutil.rmtree(cache, ignore_errors=True)
            site = Path(tempfile.mkdtemp(prefix=f"gongwen-bench-{name}-"))
            wall, cpu, hooks = build_seconds(without if name == "without" else corpus.config,
                                             site)
            times[name].append((wall, cpu))
            if hooks is not None:
                own.append(hooks)
            print(f"  第{round_ + 1}轮 {LABELS[name]}：{wall:.1f} s（CPU {cpu:.1f} s"
                  "）", flush=True)
            shutil.rmtree(site, ignore_errors=True)
    pages = sorted(corpus.docs.rglob("*.md"))
    checked, wall, cpu = check_throughput(pages)
    return {
        "wall": {name: min(w for w, _ in t) for name, t in times.items()},
        "cpu": {name: min(c for _, c in t) for name, t in times.items()},
        "hooks_own": min(own) if own else float("nan"),
        "checked": checked,
        "check_seconds": wall,
        "check_cpu": cpu,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="结构检查钩子与检查器的基准测试。")
    parser.add_argument("-n", "--pages", type=int, default=1000, help="合成范文页数（默认 1000）")
    parser.add_argument("-r", "--repeat", type=int, default=2,
                        help="每种配置构建几次，取最快一次（默认 2）")
    parser.add_argument("--drop", action="append", metavar="HOOK",
                        help=f"“不含钩子”配置去掉的钩子（可重复；默认 {CHECK_HOOK}）")
    parser.add_argument("--keep", action="store_true", help="保留合成语料目录")
    parser.add_argument("--checker-only", action="store_true",
                        help="只测检查器吞吐（不构建；读盘检查 -r 轮，取 CPU 最快一轮）")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("-n 与 -r 须为正整数")
    drop = tuple(args.drop or (CHECK_HOOK,))

    root = Path(tempfile.mkdtemp(prefix="gongwen-corpus-"))
    if args.checker_only:
        try:
            return checker_only(make_corpus(root, args.pages), args.repeat)
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
    try:
        corpus = make_corpus(root, args.pages)
        spread = "，".join(f"{t} {c}" for t, c in corpus.per_type.items())
        print(f"合成语料：{len(corpus.pages)}篇范文页（{spread}），目录 {root}")
        print(f"比较：完整配置（空下载缓存、缓存命中）与去掉 {', '.join(drop)} 的配置；"
              f"每种构建{args.repeat}次取最快")
        figures = run(corpus, args.repeat, drop)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)

    rate = figures["checked"] / figures["check_seconds"]
    cpu_rate = figures["checked"] / figures["check_cpu"]
    print()
    for measure, word in (("wall", "墙钟"), ("cpu", "CPU")):
        base = figures[measure]["without"]
        print(f"{word}（取最快）：{LABELS['without']} {base:.1f} s")
        for name in ("warm", "cold"):
            ratio = figures[measure][name] / base
            verdict = "达标" if ratio <= TARGETS[name] else "未达标"
            print(f"  {LABELS[name]} {figures[measure][name]:.1f} s，比值{ratio:.3f}"
                  f"（目标 ≤ {TARGETS[name]:.2f}：{verdict}）")
    print(f"钩子自身用时（构建日志“检查用时”：读、检查、列表与面板数据、报告，不含下载），取最小："
          f"{figures['hooks_own']:.2f} s，占不含钩子构建的 "
          f"{figures['hooks_own'] / figures['cpu']['without']:.1%}")
    print(f"检查器吞吐：{figures['checked']}篇，墙钟{figures['check_seconds']:.2f} s = "
          f"{rate:,.0f}篇/秒，"
          f"CPU {figures['check_cpu']:.2f} s = {cpu_rate:,.0f}篇/秒"
          f"（目标 ≥ {CHECK_TARGET:,.0f}：{'达标' if cpu_rate >= CHECK_TARGET else '未达标'}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
