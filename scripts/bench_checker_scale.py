#!/usr/bin/env python3
"""Benchmark: the checker is linear in the size of its input.

Checks synthetic pages of 10^5 and 10^6 lines, in the shapes that used to be slow: every
line a （一）-level heading with no 一、 above it (the reliability review's A12, once
quadratic), a page where one heading in seven stands among body lines, and a .txt draft
hard wrapped like text copied from a PDF. Prints seconds and lines per second for each
size; a linear checker takes about ten times as long for ten times the lines.

    .venv/bin/python scripts/bench_checker_scale.py            # 10^5 and 10^6 lines
    .venv/bin/python scripts/bench_checker_scale.py --sizes 20000 200000

Prints figures only (not a timed test: the machine is shared); exit status 0.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from gongwen.check import check_text
from gongwen.text.numbering import int_to_cn


def headings_only(lines: int) -> tuple[str, str]:
    """（一）…（九百九十九）, again and again: the A12 page."""
    body = "".join(f"（{int_to_cn(i % 999 + 1)}）第{i}项工作\n" for i in range(lines - 1))
    return "# 2024年工作总结\n" + body, "headings.md"


def mixed(lines: int) -> tuple[str, str]:
    """One （一）-level heading in seven lines, the rest body text (A12 as reported)."""
    out = ["# 2024年工作总结\n"]
    for i in range(lines - 1):
        out.append(f"（{'一二三'[i % 3]}）第{i}行内容。\n" if i % 7 == 0 else "本行是正文。\n")
    return "".join(out), "mixed.md"


def wrapped(lines: int) -> tuple[str, str]:
    """A plain-text draft copied from a PDF: every paragraph hard wrapped."""
    out = ["市教育局2024年工作总结\n"]
    for i in range(lines - 1):
        if i % 10 == 0:
            out.append(f"{int_to_cn(i // 10 % 999 + 1)}、第{i}部分工作\n")
        else:
            out.append("全年共发放各类资助资金四千八百万元，惠及学生二万三千人次，做到了资助对象精准、资金足额"
                       if i % 10 != 9 else "发放及时。一是完善办法。二是加强监管。\n")
            out.append("\n" if i % 10 != 9 else "")
    return "".join(out), "wrapped.txt"


SHAPES = {"（一）标题页": headings_only, "标题与正文": mixed, "硬回行纯文本": wrapped}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检查器的规模基准：打印各规模的用时（秒）。")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000],
                        help="行数（默认 100000 1000000）")
    args = parser.parse_args(argv)
    print("| 输入 | 行数 | 用时（秒） | 行/秒 | 检查结果数 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, make in SHAPES.items():
        for size in args.sizes:
            text, path = make(size)
            start = time.perf_counter()
            result = check_text(text, path)
            seconds = time.perf_counter() - start
            print(f"| {name} | {size:,} | {seconds:.2f} | {size / seconds:,.0f} | "
                  f"{len(result.findings):,} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
