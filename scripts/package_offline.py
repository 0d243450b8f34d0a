#!/usr/bin/env python3
"""Build the offline edition (opens from file://, search included) and zip it.

    .venv/bin/python scripts/package_offline.py [--output dist/gongwen-offline.zip] [--force]

The site is built strictly with GONGWEN_OFFLINE=true (Material's offline plugin) into a
temporary folder, checked for references to other hosts, and zipped under one top folder
(gongwen-offline/). An existing zip is never overwritten without --force.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from gongwen.common import atomic_path
from gongwen.site.offsite import external_references

TOP = "gongwen-offline"
# The in-browser checker (Pyodide, 13 MB) cannot run from file://: its page says so and
# points to the intranet site or the CLI, so the offline zip leaves these folders out.
LEFT_OUT = ("assets/vendor/pyodide/", "assets/draftcheck/")
README = """\
公文写作范本库（离线版）

使用方法：解压后双击打开 gongwen-offline 文件夹中的 index.html。
无需联网，也无需安装任何软件；搜索可直接使用。
请保持文件夹结构完整，不要只复制单个网页文件。
"""


def build(config: Path, site: Path) -> None:
    # An offline copy has no address of its own: no site_url, so no canonical links to a host.
    env = {**os.environ, "GONGWEN_OFFLINE": "true", "GONGWEN_SITE_URL": "",
           "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    # Run from the config's folder: search.jieba_dict_user is relative to the working directory.
    proc = subprocess.run(cmd, check=False, cwd=config.parent, env=env, capture_output=True,
                          text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"错误：离线版构建失败（mkdocs build --strict 退出码 {proc.returncode}），"
                         "见上方日志。")


def check(site: Path) -> None:
    if not (site / "search" / "search_index.js").is_file():
        raise SystemExit("错误：缺少 search/search_index.js，离线版无法搜索（offline 插件未启用？）"
                         "。")
    problems = external_references(site)
    if problems:
        raise SystemExit("错误：以下页面会请求站外地址，内网中无法打开：\n" + "\n".join(problems))


def write_zip(site: Path, output: Path) -> int:
    files = sorted(p for p in site.rglob("*") if p.is_file()
                   and not p.relative_to(site).as_posix().startswith(LEFT_OUT))
    # Written beside the target and renamed (gongwen.common.atomic_path): an interrupted run
    # leaves no half-written zip; the file's mode follows the user's umask (usually 0644).
    with atomic_path(output) as tmp, \
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(f"{TOP}/README.txt", "\ufeff" + README.replace("\n", "\r\n"))
        for n, path in enumerate(files, 1):
            zf.write(path, f"{TOP}/{path.relative_to(site).as_posix()}")
            if n % 200 == 0 or n == len(files):
                print(f"  已打包{n}/{len(files)}个文件", flush=True)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建并打包离线版（file:// 可用，含搜索）")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "dist" / "gongwen-offline.zip",
                        help="zip 文件路径（默认 dist/gongwen-offline.zip）")
    parser.add_argument("-f", "--config", type=Path, default=ROOT / "mkdocs.yml",
                        help="站点配置（默认 mkdocs.yml）")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的 zip 文件")
    args = parser.parse_args(argv)
    output = args.output.resolve()
    if output.exists() and not args.force:
        print(f"错误：{output} 已存在；如需覆盖，请加 --force。", file=sys.stderr)
        return 1

    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="gongwen-offline-") as tmp:
        site = Path(tmp) / "site"
        print("[1/3] 构建离线版（GONGWEN_OFFLINE=true, mkdocs build --strict）…", flush=True)
        build(args.config.resolve(), site)
        print("[2/3] 检查：搜索索引已内联，无站外请求…", flush=True)
        check(site)
        print("[3/3] 打包…", flush=True)
        count = write_zip(site, output)
    size = output.stat().st_size
    print(f"完成：{output}（{count}个文件，{size / 1024 / 1024:.1f} MB，"
          f"用时{time.monotonic() - start:.1f}秒）")
    print(f"使用：解压后打开 {TOP}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
