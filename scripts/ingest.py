#!/usr/bin/env python3
"""Turn a new raw document into a curated exemplar page, then check it.

    .venv/bin/python scripts/ingest.py FILE [--type TYPE] [--unit 单位] [--year 2024]
                                       [--occasion 场合] [--force] [--root DIR]

FILE: .txt (UTF-8, UTF-8 with BOM, GB18030/GBK; any line ends) or .docx.
Writes docs/<type>/exemplars/<stem>.md, corpus/records/<stem>.json, corpus/raw/<stem>.txt
(plus the original file under corpus/raw/original/ when it is not plain UTF-8) and an
entry in corpus/seeds.yaml, then prints the checker's report for the new page.

Exit status: 0 written and no unacknowledged error; 1 written, but the check found
errors (a strict build fails until they are fixed or acknowledged); 2 nothing written:
bad input, an unknown type, or the page exists already (use --force to overwrite).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # works before `pip install -e .` too

from gongwen.check import check_text
from gongwen.check.report import format_text
from gongwen.check.schema import SchemaError, load_schemas
from gongwen.corpus.commit import recover, repository_lock
from gongwen.corpus.ingest import IngestError, plan_ingest, read_source, write_plan


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ingest.py",
        description="把收到的公文（.txt 或 .docx）整理成范文页，并运行结构检查。"
                    "退出码：0 已写入且无未确认的错误；1 已写入但有错误需处理；2 未写入任何文件。",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="原文文件：.txt 或 .docx")
    parser.add_argument("--type", dest="doctype", metavar="TYPE",
                        help="文种（默认由标题推断）：self-review、summary、plan、speech、progress-report")
    parser.add_argument("--unit", help="发文单位或讲话人职务，显示在范文列表中")
    parser.add_argument("--year", type=int, help="年份（默认取标题中的“20xx年”）")
    parser.add_argument("--occasion", help="场合或用途，如“2024年度民主生活会”")
    parser.add_argument("--title", help="标题（默认自动识别原文的标题行）")
    parser.add_argument("--force", action="store_true", help="覆盖已导入的同一原文的页面和记录")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="仓库根目录（默认本仓库；测试时指向一份副本）")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = args.root.resolve()
    if not (root / "docs").is_dir():
        print(f"错误：{root} 下没有 docs/ 文件夹，不是本站仓库。请用 --root 指定仓库根目录。",
              file=sys.stderr)
        return 2
    try:
        schemas = load_schemas()
        source = read_source(args.file)
        # One ingest at a time: the next number and seeds.yaml are read, then written.
        with repository_lock(root):
            undone = recover(root)
            if undone:
                print(f"注意：上一次导入没有完成，已撤销（{'、'.join(undone)}）。", file=sys.stderr)
            plan = plan_ingest(source, root, args.doctype, unit=args.unit, year=args.year,
                               occasion=args.occasion, title=args.title, schemas=schemas)
            written = write_plan(plan, root, force=args.force)
    except (IngestError, SchemaError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"错误：写入失败：{exc}。已还原，未写入任何文件。请检查磁盘空间和文件夹权限。",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: the commit has put every file back
        print("已中断：未写入任何文件。", file=sys.stderr)
        return 130
    print(f"已导入 {source.name}（{source.described}，文种 {plan.doctype}）：")
    for line in written:
        print(f"  {line}")
    result = check_text(plan.curated.markdown, plan.page_path, schemas=schemas)
    print("\n结构检查：")
    print(format_text([result]))
    if result.blocking:
        print(
            "\n页面有未确认的错误，严格构建（mkdocs build --strict）会失败。若错误来自原文本身"
            f"（如原文截断），在 corpus/seeds.yaml 的 {plan.stem}.txt 条目下加 acknowledge"
            "（rule 和 reason），再运行 scripts/curate.py；详见 docs/maintain/add-exemplar.md。",
            file=sys.stderr)
        return 1
    print(f"\n下一步：检查整理记录 {plan.curated.record_path}，运行 mkdocs serve 查看页面和结构检查面板，"
          "然后 mkdocs build --strict。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
