#!/usr/bin/env python3
"""Benchmark: what the Word/plain-text downloads add to a build.

Makes a synthetic corpus of N exemplar pages (scripts/make_corpus.py), then builds it
with the real config and with the same config with `extra.gongwen.downloads: false`, in
fresh processes and alternating order (other work on the machine skews a single run; the best
of each is kept): with the hook both with an empty cache (every file generated, as in CI)
and with the cache of the previous build (as when a maintainer rebuilds). Also times the
exporter alone on every page in one process.

    .venv/bin/python scripts/bench_word.py            # N = 1000, 2 builds of each
    .venv/bin/python scripts/bench_word.py -n 200 -r 1

Target (issue 6): the hook adds at most 10% to the build at 1,000 exemplars.
Prints wall and CPU times; exit 0 when both CPU-time ratios (cold and warm cache) meet the
target, 1 when not, 2 when a build fails.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "hooks"))
from gongwen.export.docx_export import DocxWriter
from gongwen.export.plaintext import document_blocks, to_txt_bytes
from make_corpus import BuildFailed, BuildTiming, config_variant, make_corpus, timed_build

CACHE_DIR = ".cache/gongwen-word"  # where gongwen.export.downloads caches generated files
TARGET = 0.10


def exporter_seconds(pages: list[Path]) -> tuple[float, int]:
    """Seconds to make the .docx and .txt of every page in one process, and bytes made."""
    start = time.perf_counter()
    writer = DocxWriter()
    total = 0
    for page in pages:
        blocks = document_blocks(page.read_text(encoding="utf-8"))
        total += len(writer.render(blocks)) + len(to_txt_bytes(blocks))
    return time.perf_counter() - start, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="测量 Word/纯文本下载给构建增加的时间")
    parser.add_argument("-n", "--pages", type=int, default=1000, help="合成范文页数（默认 1000）")
    parser.add_argument("-r", "--rounds", type=int, default=2, help="每种配置构建几次（取最快）")
    parser.add_argument("--keep", action="store_true", help="保留合成语料目录")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="gongwen-bench-word-"))
    try:
        corpus = make_corpus(work / "corpus", args.pages)
        with_hook = corpus.config
        without_hook = config_variant(corpus.config, "mkdocs-noword.yml",
                                      settings={"downloads": "false"})
        print(f"语料：{len(corpus.pages)}篇合成范文 + 真实站点（{corpus.root}）")
        cache = corpus.root / CACHE_DIR
        labels = {"without": "不生成下载", "cold": "生成下载（空缓存）",
                  "warm": "生成下载（缓存命中）"}
        times: dict[str, list[BuildTiming]] = {name: [] for name in labels}
        for round_ in range(args.rounds):
            # Alternate the order so that no configuration always runs on a warm disk cache.
            order = ["without", "cold", "warm"] if round_ % 2 == 0 else ["cold", "warm", "without"]
            for name in order:
                if name == "cold":
                    shutil.rmtree(cache, ignore_errors=True)
                config = without_hook if name == "without" else with_hook
                timing = timed_build(config, work / f"site-{name}")
                times[name].append(timing)
                print(f"  第{round_ + 1}轮 {labels[name]}：CPU {timing.cpu:.2f} s，"
                      f"墙钟{timing.wall:.2f} s")
        export, size = exporter_seconds(corpus.pages)
        per_page = export / len(corpus.pages) * 1000
        print(f"导出器单独运行：{len(corpus.pages)}篇{export:.2f} s（每篇{per_page:.2f} ms，"
              f"共{size / 1e6:.1f} MB .docx + .txt）")
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    verdict = 0
    for measure, label in (("wall", "墙钟"), ("cpu", "CPU")):
        base = min(getattr(t, measure) for t in times["without"])
        for name in ("cold", "warm"):
            best = min(getattr(t, measure) for t in times[name])
            ratio = best / base
            ok = ratio - 1 <= TARGET
            if measure == "cpu":
                verdict |= 0 if ok else 1
            print(f"{label}（取最快）：不生成下载{base:.2f} s，{labels[name]} {best:.2f} s，"
                  f"比值{ratio:.3f}（{(ratio - 1) * 100:+.1f}%，目标 ≤ {TARGET * 100:.0f}%）"
                  f"{'' if ok else '  未达标'}")
    return verdict


if __name__ == "__main__":
    sys.exit(main())
