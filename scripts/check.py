#!/usr/bin/env python3
"""Check the outline of official documents (.md pages or .txt files).

    python scripts/check.py [--type TYPE] [--json] PATH...

Exit status: 0 no unacknowledged error, 1 errors, 2 bad usage or unreadable input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Works without the package installed: the library lives in hooks/gongwen.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from gongwen.check import check_text
from gongwen.check.model import category_label, severity_label
from gongwen.check.report import format_json, format_text
from gongwen.check.rules import RULES
from gongwen.check.schema import SchemaError, load_schemas

SUFFIXES = (".md", ".txt")
PROG = "check.py"


class UsageError(Exception):
    """Bad usage or unreadable input: exit status 2."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="检查公文的提纲结构：层次序数、必备部分、宣布的条数、网页残留等。"
                    "退出码：0 没有未确认的错误，1 有错误，2 用法错误或输入无法读取。",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="要检查的 .md/.txt 文件或文件夹（递归）")
    parser.add_argument("--type", dest="doctype", metavar="TYPE",
                        help="按指定文种检查（默认：front matter 的 doctype，或由标题推断）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--no-info", action="store_true", help="文本输出中不显示“提示”一级的结果")
    parser.add_argument("--schemas", metavar="DIR", help="文种定义（YAML）所在的文件夹")
    parser.add_argument("--list-rules", action="store_true", help="列出全部规则后退出")
    return parser.parse_args(argv)


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UsageError(f"路径不存在：{given} (no such file or directory)")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise UsageError(f"文件夹中没有 .md 或 .txt 文件：{given} (no .md/.txt found)")
            files.extend(found)
        elif path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            raise UsageError(f"不支持的文件类型：{given}（只检查 .md 和 .txt）"
                             f" (unsupported file type)")
    return files


def read_all(files: list[Path]) -> list[tuple[Path, str]]:
    out = []
    for path in files:
        try:
            out.append((path, path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            raise UsageError(f"文件不是 UTF-8 编码：{path}（请另存为 UTF-8 后再检查）"
                             f" (not UTF-8)") from None
        except OSError as exc:
            raise UsageError(f"无法读取：{path}（{exc.strerror}）(unreadable)") from None
    return out


def _pad(text: str, width: int) -> str:
    """Pad to `width` columns: a Chinese character takes two in a terminal."""
    return text + " " * max(1, width - sum(2 if ord(ch) > 0x2E7F else 1 for ch in text))


def list_rules() -> str:
    """One line a rule: code, name, severity, category and what it checks (whole)."""
    rows = [f"{r.code}  {_pad(r.title, 18)}{_pad(severity_label(r.severity), 6)}"
            f"{_pad(category_label(r.category), 10)}{r.summary}" for r in RULES]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.list_rules:
        print(list_rules())
        return 0
    try:
        if not args.paths:
            raise UsageError("缺少要检查的路径：python scripts/check.py [--type TYPE] [--json] PATH..."
                             " (no PATH given)")
        try:
            schemas = load_schemas(args.schemas)
        except (SchemaError, OSError) as exc:
            raise UsageError(f"文种定义有误：{exc}") from None
        if args.schemas and not schemas:
            raise UsageError(f"文件夹中没有文种定义（*.yaml）：{args.schemas}")
        if args.doctype is not None and args.doctype not in schemas:
            raise UsageError(f"未知的文种 --type {args.doctype!r}，可用：{'、'.join(sorted(schemas))}"
                             f" (unknown type)")
        inputs = read_all(collect(args.paths))
    except UsageError as exc:
        print(f"{PROG}: 错误：{exc}", file=sys.stderr)
        return 2
    results = [check_text(text, str(path), args.doctype, schemas=schemas)
               for path, text in inputs]
    if args.json:
        print(format_json(results))
    else:
        print(format_text(results, show_info=not args.no_info))
    return 1 if any(r.blocking for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
