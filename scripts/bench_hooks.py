"""Benchmark: what the structure-check hooks add to a build, and the checker's throughput.

Makes a synthetic corpus of N exemplar pages (scripts/make_corpus.py), builds it with the
real config and with the same config minus the check hooks, in fresh processes and
alternating order (other work on the machine skews a single run; the best of each is
kept, in wall-clock and in CPU time), then times the library checker reading every page
from disk in one process.

    .venv/bin/python scripts/bench_hooks.py            # N = 1000, 2 builds of each
    .venv/bin/python scripts/bench_hooks.py -n 200 -r 1

Targets (issue 3): the hooks add at most 5% to the build; the checker reads at least
1,000 documents per second. Prints figures; exits 0 unless a build fails.
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
# The hook's summary line: 结构检查：N 页，…；检查用时 0.85 s；…
RE_HOOK_SECONDS = re.compile(r"检查用时 ([\d.]+) s")
BUILD_TARGET = 0.05
CHECK_TARGET = 1000.0


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


def run(corpus: Corpus, repeat: int, drop: tuple[str, ...]) -> dict[str, float]:
    without = config_variant(corpus.config, "mkdocs-nohooks.yml", drop_hooks=drop,
                             drop_nav=GENERATED_NAV)
    times: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    own: list[float] = []
    order = [("with", corpus.config), ("without", without)]
    for round_ in range(repeat):
        for label, config in order if round_ % 2 == 0 else order[::-1]:
            site = Path(tempfile.mkdtemp(prefix=f"gongwen-bench-{label}-"))
            wall, cpu, hooks = build_seconds(config, site)
            times[label].append((wall, cpu))
            if hooks is not None:
                own.append(hooks)
            name = "含" if label == "with" else "不含"
            print(f"  第 {round_ + 1} 轮 {name}检查钩子：{wall:.1f} s"
                  f"（CPU {cpu:.1f} s）", flush=True)
    pages = sorted(corpus.docs.rglob("*.md"))
    checked, wall, cpu = check_throughput(pages)
    return {
        "with": min(w for w, _ in times["with"]),
        "without": min(w for w, _ in times["without"]),
        "with_cpu": min(c for _, c in times["with"]),
        "hooks_own": min(own) if own else float("nan"),
        "without_cpu": min(c for _, c in times["without"]),
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
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("-n 与 -r 须为正整数")
    drop = tuple(args.drop or (CHECK_HOOK,))

    root = Path(tempfile.mkdtemp(prefix="gongwen-corpus-"))
    try:
        corpus = make_corpus(root, args.pages)
        spread = "，".join(f"{t} {c}" for t, c in corpus.per_type.items())
        print(f"合成语料：{len(corpus.pages)} 篇范文页（{spread}），目录 {root}")
        print(f"比较：完整配置 与 去掉 {', '.join(drop)} 的配置；每种构建 {args.repeat} 次取最快")
        figures = run(corpus, args.repeat, drop)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)

    wall_ratio = figures["with"] / figures["without"]
    cpu_ratio = figures["with_cpu"] / figures["without_cpu"]
    rate = figures["checked"] / figures["check_seconds"]
    cpu_rate = figures["checked"] / figures["check_cpu"]
    print()
    print(f"构建（不含检查钩子）：{figures['without']:.1f} s，CPU {figures['without_cpu']:.1f} s")
    print(f"构建（含检查钩子）：  {figures['with']:.1f} s，CPU {figures['with_cpu']:.1f} s")
    print(f"比值：墙钟 {wall_ratio:.3f}（{wall_ratio - 1:+.1%}），CPU {cpu_ratio:.3f}"
          f"（{cpu_ratio - 1:+.1%}）；目标 ≤ +{BUILD_TARGET:.0%}："
          f"{'达标' if cpu_ratio - 1 <= BUILD_TARGET else '未达标'}（按 CPU 时间，"
          "机器繁忙时更稳定）")
    print(f"钩子自身用时（构建日志“检查用时”，取最小）：{figures['hooks_own']:.2f} s，"
          f"占不含钩子构建的 {figures['hooks_own'] / figures['without_cpu']:.1%}"
          "（不含面板模板渲染和导航多出的两项）")
    print(f"检查器吞吐：{figures['checked']} 篇，墙钟 {figures['check_seconds']:.2f} s = "
          f"{rate:,.0f} 篇/秒，"
          f"CPU {figures['check_cpu']:.2f} s = {cpu_rate:,.0f} 篇/秒"
          f"（目标 ≥ {CHECK_TARGET:,.0f}：{'达标' if cpu_rate >= CHECK_TARGET else '未达标'}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
