#!/usr/bin/env python3
"""Build strictly and check the result on our own: immune to `-q` and `-v`.

    .venv/bin/python scripts/verify_build.py                 # build into site/ and check
    .venv/bin/python scripts/verify_build.py -d out/          # another output folder
    .venv/bin/python scripts/verify_build.py --no-build site  # check a finished build only

MkDocs 1.6 has two bugs that let a strict build pass with problems: `mkdocs build --strict -q`
drops warnings before counting them (mkdocs#4126), and `-v` skips the anchor checks
(mkdocs#3991). This script does not rely on the exit status alone. It runs
`mkdocs build --strict` without either option (and refuses them), then fails when:

- the build's exit status is not 0, or its log has any WARNING or ERROR line;
- site/gongwen-report.json is missing, older than the build, or lists a page with an
  unacknowledged structure error (the report is written whatever the log level);
- the corpus does not agree with itself (gongwen.corpus.seeds.corpus_problems).

Exit status: 0 clean; 1 problems (each printed on one line); 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # works before `pip install -e .` too

from gongwen.corpus.page import CurationError
from gongwen.corpus.seeds import SEEDS, corpus_problems

REPORT = "gongwen-report.json"
LOG_PROBLEM = re.compile(r"^(?:WARNING|ERROR)\b")
REFUSED = {"-q", "--quiet", "-v", "--verbose"}


def build(root: Path, site: Path) -> tuple[int, list[str]]:
    """Run the strict build; return its exit status and its log, line by line."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "-f", str(root / "mkdocs.yml"), "-d", str(site)],
                          cwd=root, env=env, capture_output=True, text=True, check=False)
    log = (proc.stdout + proc.stderr).splitlines()
    return proc.returncode, log


def report_problems(site: Path, since: float | None) -> list[str]:
    """Problems the build's own report shows, whatever was printed."""
    path = site / REPORT
    if not path.is_file():
        return [f"{path}：没有结构检查报告（构建没有完成，或没有运行结构检查钩子）"]
    if since is not None and path.stat().st_mtime < since:
        return [f"{path}：报告早于本次构建，是旧的（构建没有完成）"]
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        files = report["files"]
    except (ValueError, KeyError, TypeError):
        return [f"{path}：报告无法读取"]
    problems = []
    for entry in files:
        if entry.get("status") == "fail":
            errors = [f for f in entry.get("findings", [])
                      if f.get("severity") == "error" and not f.get("acknowledged")]
            where = ", ".join(f"第{f.get('line')}行 {f.get('rule')}" for f in errors[:5])
            problems.append(f"docs/{entry.get('path')}：有未确认的结构错误（{where}）")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="verify_build.py",
        description="严格构建并自行核对结果（构建日志中的警告、gongwen-report.json、语料一致性）；"
                    "不受 mkdocs 的 -q、-v 缺陷影响。退出码：0 通过，1 有问题，2 用法错误。")
    parser.add_argument("site", nargs="?", type=Path, default=None,
                        help="构建结果文件夹（默认 site/；与 --no-build 同用时为要核对的文件夹）")
    parser.add_argument("-d", "--site-dir", dest="site_dir", type=Path, help="同 site")
    parser.add_argument("--no-build", action="store_true", help="不构建，只核对已有的构建结果")
    parser.add_argument("--root", type=Path, default=ROOT, help="仓库根目录（默认本仓库）")
    args, extra = parser.parse_known_args(argv)
    refused = sorted(set(extra) & REFUSED)
    if refused or extra:
        print(f"verify_build.py: 错误：不接受参数 {' '.join(refused or extra)}"
              "（-q 会隐藏警告，-v 会跳过锚点检查；本脚本总是以 mkdocs build --strict 构建）",
              file=sys.stderr)
        return 2
    root = args.root.resolve()
    site = (args.site_dir or args.site or root / "site").resolve()
    problems: list[str] = []
    since = None
    if not args.no_build:
        since = time.time() - 1  # file times may be coarse
        status, log = build(root, site)
        print("\n".join(log))
        flagged = [line for line in log if LOG_PROBLEM.match(line)]
        if status != 0:
            problems.append(f"mkdocs build --strict 退出码为 {status}")
        problems += [f"构建日志：{line.strip()}" for line in flagged]
    elif not site.is_dir():
        print(f"verify_build.py: 错误：{site} 不是构建结果文件夹", file=sys.stderr)
        return 2
    problems += report_problems(site, since)
    if (root / SEEDS).is_file():
        try:
            problems += corpus_problems(root)
        except CurationError as exc:
            problems.append(str(exc))
    for line in problems:
        print(f"verify_build.py: 错误：{line}", file=sys.stderr)
    if problems:
        print(f"verify_build.py: 构建未通过核对（{len(problems)}个问题），"
              "不要发布。", file=sys.stderr)
        return 1
    print("verify_build.py: 构建通过核对：严格构建无警告，没有未确认的结构错误，语料一致。",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
