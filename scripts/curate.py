#!/usr/bin/env python3
"""Regenerate every exemplar page and curation record from corpus/raw + corpus/seeds.yaml.

    .venv/bin/python scripts/curate.py            # write what changed, say what it wrote
    .venv/bin/python scripts/curate.py --check    # change nothing; exit 1 if a page is stale

Inputs: corpus/raw/<stem>.txt (kept byte for byte), corpus/seeds.yaml (front matter and
hints per source), corpus/notes/<stem>.md (评注, appended after the end marker if present).
Outputs: docs/<doctype>/exemplars/<stem>.md and corpus/records/<stem>.json.
Exit codes: 0 done / up to date, 1 stale pages (--check), 2 bad input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # works before `pip install -e .` too

from gongwen.common import write_atomic
from gongwen.corpus.curate import Curated, CurationError, curate
from gongwen.corpus.seeds import SEEDS, corpus_problems, decode_utf8, load_seeds


def curate_all(root: Path) -> list[Curated]:
    """Curate every raw source under root; raise CurationError on bad input."""
    seeds = load_seeds(root)
    problems = corpus_problems(root, seeds)
    if problems:
        raise CurationError("\n".join(problems))
    results = []
    for raw_path in sorted((root / "corpus" / "raw").glob("*.txt")):
        meta = dict(seeds[raw_path.name] or {})
        notes = root / "corpus" / "notes" / f"{raw_path.stem}.md"
        if notes.exists():
            meta["notes"] = decode_utf8(notes.read_bytes(), f"corpus/notes/{notes.name}")
        # bytes, not text mode: a \r in the source must survive into the record
        raw = decode_utf8(raw_path.read_bytes(), f"corpus/raw/{raw_path.name}")
        results.append(curate(raw, raw_path.name, meta))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="由 corpus/raw 重新生成范文页面与整理记录")
    parser.add_argument("--check", action="store_true",
                        help="只检查不写入：有页面需要更新时退出码为 1")
    parser.add_argument("--root", type=Path, default=ROOT, help="仓库根目录（默认本仓库）")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        results = curate_all(root)
    except CurationError as exc:
        print(f"错误：{exc}".replace("\n", "\n错误："), file=sys.stderr)
        return 2
    stale = []
    for item in results:
        for rel, content in ((item.page_path, item.markdown), (item.record_path, item.record_json)):
            path = root / rel
            data = content.encode("utf-8")
            if path.exists() and path.read_bytes() == data:
                print(f"未变 {rel}")
                continue
            stale.append(rel)
            if args.check:
                print(f"需更新 {rel}")
            else:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_atomic(path, data)  # a kill or a full disk leaves the old page
                except OSError as exc:
                    print(f"错误：无法写入 {rel}：{exc.strerror or exc}；已写入的文件完整，"
                          "请处理后重新运行 scripts/curate.py", file=sys.stderr)
                    return 2
                print(f"写入 {rel}")
    if args.check and stale:
        print(f"{len(stale)}个文件与 corpus/raw、{SEEDS} 不符：请运行 scripts/curate.py 重新生成",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
