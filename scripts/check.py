#!/usr/bin/env python3
"""Check the outline of official documents (.md pages, .txt files or Word .docx drafts).

    python scripts/check.py [--type TYPE] [--json] PATH...
    python scripts/check.py --annotate OUT.docx [--force] DRAFT.docx

Exit status: 0 no unacknowledged error, 1 errors, 2 bad usage or unreadable input.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

# Works without the package installed: the library lives in hooks/gongwen.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from gongwen.check import check_text
from gongwen.check.model import category_label, severity_label
from gongwen.check.report import format_json, format_text
from gongwen.check.rules import RULES
from gongwen.check.schema import SchemaError, load_schemas
from gongwen.text.docxtext import DocxText, DraftError, read_docx
from gongwen.text.frontmatter import split_front_matter

SUFFIXES = (".md", ".txt", ".docx")
PROG = "check.py"


class UsageError(Exception):
    """Bad usage or unreadable input: exit status 2."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="检查公文的提纲结构：层次序数、必备部分、宣布的条数、网页残留等。"
                    "退出码：0 没有未确认的错误，1 有错误，2 用法错误或输入无法读取。",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="要检查的 .md/.txt/.docx 文件或文件夹（递归）")
    parser.add_argument("--type", dest="doctype", metavar="TYPE",
                        help="按指定文种检查，可写中文名或代号：对照检查材料（self-review）、工作总结（summary）、"
                             "整改方案（plan）、讲话稿（speech）、情况汇报（progress-report）"
                             "（默认：front matter 的 doctype，或由标题推断）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--no-info", action="store_true", help="文本输出中不显示“提示”一级的结果")
    parser.add_argument("--schemas", metavar="DIR", help="文种定义（YAML）所在的文件夹")
    parser.add_argument("--list-rules", action="store_true", help="列出全部规则后退出")
    parser.add_argument("--annotate", metavar="OUT.docx",
                        help="把检查结果作为批注写入 DRAFT.docx 的副本 OUT.docx（原稿不变）")
    parser.add_argument("--force", action="store_true", help="与 --annotate 同用：覆盖已有的 "
                                                             "OUT.docx")
    return parser.parse_args(argv)


# In a folder, what is no draft: hidden files and folders (.git, .cache), the lock file
# Word and WPS keep beside an open document (~$稿.docx, not a document itself), and
# third-party files (the site's vendored scripts and their licence texts).
NOT_DRAFTS = frozenset({"vendor", "node_modules", "__pycache__", "site-packages"})


def _passed_over(path: Path, folder: Path) -> bool:
    parts = path.relative_to(folder).parts
    return path.name.startswith("~$") or any(
        part.startswith(".") or part in NOT_DRAFTS for part in parts)


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UsageError(f"路径不存在：{given} (no such file or directory)")
        if not path.is_dir() and not path.is_file():
            # A named pipe or a device would block or never end: only regular files are read.
            raise UsageError(f"不是普通文件：{given}（命名管道、设备等不能检查；请先把内容保存为 "
                             ".txt 文件）"
                             f" (not a regular file)")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.suffix.lower() in SUFFIXES and not _passed_over(p, path)
                           and p.is_file())
            if not found:
                raise UsageError(f"文件夹中没有 .md、.txt 或 .docx 文件：{given}"
                                 f" (no .md/.txt/.docx found)")
            files.extend(found)
        elif path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            raise UsageError(f"不支持的文件类型：{given}（只检查 .md、.txt 和 .docx）"
                             f" (unsupported file type)")
    return files


def read_all(files: list[Path]) -> list[tuple[Path, str]]:
    out = []
    for path in files:
        try:
            if path.suffix.lower() == ".docx":
                text = read_docx_file(path).text
            else:
                text = decode_file(path)
        except OSError as exc:
            raise UsageError(f"无法读取：{path}（{exc.strerror}）(unreadable)") from None
        if not text.strip():
            raise UsageError(f"文件是空的：{path}（0 字节或只有空白），没有可检查的内容；"
                             f"请确认保存或导出时没有出错 (empty file)")
        out.append((path, text))
    return out


def decode_file(path: Path) -> str:
    """A .txt or .md file as writers save it: UTF-8 with or without BOM, GB18030/GBK
    (Windows 记事本's “ANSI”), LF or CRLF; the same decoder as ingest.py."""
    from gongwen.corpus.ingest import IngestError, decode_text  # only for text files

    try:
        text, _ = decode_text(path.read_bytes(), str(path))
    except IngestError as exc:
        raise UsageError(str(exc).replace("再导入", "再检查")) from None
    return text.removeprefix("\ufeff")


def resolve_type(given: str | None, schemas: dict) -> str | None:
    """--type as an id (summary) or as the 文种's Chinese name (工作总结)."""
    if given is None or given in schemas:
        return given
    for doctype, schema in schemas.items():
        if given.strip() == schema.label:
            return doctype
    raise UsageError(f"未知的文种 --type {given!r}，可用：{type_choices(schemas)} (unknown type)")


# The five 文种 in the order the site presents them; any other schema follows.
TYPE_ORDER = ("self-review", "summary", "plan", "speech", "progress-report")


def type_choices(schemas: dict) -> str:
    order = [d for d in TYPE_ORDER if d in schemas] + sorted(set(schemas) - set(TYPE_ORDER))
    return "、".join(f"{schemas[d].label}（{d}）" for d in order)


def untyped_notes(results, schemas: dict, named: set[str]) -> list[str]:
    """Drafts whose 文种 the title does not tell: say that the part checks were skipped.
    A file named on the command line gets its own note; those found in folders, one."""
    example = schemas["summary"].label if "summary" in schemas else next(
        (schema.label for schema in schemas.values()), "")
    how = f"请用 --type 指定文种，如 --type {example}（可用：{type_choices(schemas)}）"
    untyped = [r.path for r in results
               if r.doctype is None and Path(r.path).suffix.lower() in (".txt", ".docx")]
    notes = [f"{PROG}: 提示：{path} 未能从标题判断文种，必备部分、称呼、"
             f"过渡句等按文种的检查没有进行；{how}"
             for path in untyped if path in named]
    found = [path for path in untyped if path not in named]
    if found:
        notes.append(f"{PROG}: 提示：文件夹中有{len(found)}个 .txt/.docx 文件（如 {found[0]}）"
                     "未能从标题"
                     f"判断文种，按文种的检查没有进行；单独检查时{how}")
    return notes


def refuse_over_budget(inputs: list[tuple[Path, str]]) -> None:
    """A page whose front matter is too big to read (a YAML alias bomb) is an input error."""
    for path, text in inputs:
        if path.suffix.lower() == ".md" and text.startswith("---"):
            front = split_front_matter(text.splitlines())
            if front.over_budget:
                raise UsageError(f"{path}:1：{front.error}")


def read_docx_file(path: Path) -> DocxText:
    """A Word draft's text, as the 检查我的稿件 page reads it (gongwen.text.docxtext)."""
    try:
        return read_docx(path.read_bytes(), str(path))
    except DraftError as exc:
        raise UsageError(str(exc)) from None


def check_annotate_paths(paths: list[str], out: str, force: bool) -> tuple[Path, Path]:
    """(DRAFT, OUT) for --annotate; never DRAFT itself, OUT only with --force."""
    if len(paths) != 1 or Path(paths[0]).suffix.lower() != ".docx":
        raise UsageError("--annotate 需要且只需要一个 .docx 文件："
                         "python scripts/check.py --annotate 带批注.docx 稿件.docx")
    draft, target = Path(paths[0]), Path(out)
    if target.suffix.lower() != ".docx":
        raise UsageError(f"--annotate 的输出应为 .docx 文件：{out}")
    if target.resolve() == draft.resolve():
        raise UsageError(f"输出文件不能是原稿本身：{out}（原稿从不被改写，请另取一个文件名）")
    if target.exists() and not force:
        raise UsageError(f"输出文件已存在：{out}；如需覆盖，请加 --force。")
    return draft, target


def write_annotated(draft: Path, target: Path, findings) -> None:
    """Write the commented copy beside its target first: a failed run leaves no half file."""
    from gongwen.export.annotate import annotate_docx  # python-docx: needed only here

    data = annotate_docx(draft.read_bytes(), findings, read_docx_file(draft).where)
    fd, tmp = tempfile.mkstemp(prefix=".annotate-", suffix=".docx", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
            raise UsageError("缺少要检查的路径：python scripts/check.py [--type TYPE] [--json] "
                             "PATH..."
                             " (no PATH given)")
        try:
            schemas = load_schemas(args.schemas)
        except (SchemaError, OSError) as exc:
            raise UsageError(f"文种定义有误：{exc}") from None
        if args.schemas and not schemas:
            raise UsageError(f"文件夹中没有文种定义（*.yaml）：{args.schemas}")
        args.doctype = resolve_type(args.doctype, schemas)
        annotate = check_annotate_paths(args.paths, args.annotate, args.force) \
            if args.annotate else None
        inputs = read_all(collect(args.paths))
        refuse_over_budget(inputs)
    except UsageError as exc:
        print(f"{PROG}: 错误：{exc}", file=sys.stderr)
        return 2
    # A .docx is plain text, one paragraph a line: no Markdown syntax in it.
    results = [check_text(text, str(path), args.doctype, schemas=schemas,
                          markdown=False if path.suffix.lower() == ".docx" else None)
               for path, text in inputs]
    if annotate:
        write_annotated(*annotate, results[0].findings)
        print(f"已写入带批注的副本：{annotate[1]}（{len(results[0].findings)}条批注；原稿未改动）",
              file=sys.stderr)
    if args.json:
        print(format_json(results))
    else:
        print(format_text(results, show_info=not args.no_info))
    for note in untyped_notes(results, schemas, {str(Path(p)) for p in args.paths}):
        print(note, file=sys.stderr)
    return 1 if any(r.blocking for r in results) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader went away (check.py … | head): stop quietly, as cat does; the
        # interpreter's own flush at exit must not fail again on the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
