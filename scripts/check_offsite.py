#!/usr/bin/env python3
"""Check a built site for requests to other hosts; prints nothing when there are none.

    .venv/bin/python scripts/check_offsite.py [site]

Scans every HTML and CSS file (gongwen.site.offsite) for what a page would make the browser
fetch or link on another host. The site's own address is not "another host": it is read
from the built sitemap.xml (site_url, i.e. GONGWEN_SITE_URL at build time), so canonical
links to it are fine. Exit 0 when clean, 1 with one `file: url` line per reference, 2 when
the folder is not a built site.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from gongwen.site.offsite import external_references

LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def own_hosts(site: Path) -> set[str]:
    """Hosts of the site's own address, as written into sitemap.xml by the build."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():  # the offline edition has no address of its own
        return set()
    text = sitemap.read_text(encoding="utf-8", errors="replace")
    return {host for url in LOC.findall(text) if (host := urlsplit(url).hostname)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检查构建结果中有没有站外请求；没有时不输出任何内容")
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site",
                        help="构建结果文件夹（默认 site/）")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"错误：{args.site} 不是构建好的站点（没有 index.html）；"
              "请先运行 .venv/bin/mkdocs build --strict。", file=sys.stderr)
        return 2
    found = external_references(args.site, own_hosts(args.site))
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
