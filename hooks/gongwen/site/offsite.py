"""Find references to other hosts in a built site: the site must work on an intranet.

Scans what a page makes the browser fetch or link: HTML attributes (href, src, srcset, …),
inline styles and CSS url()/@import. JavaScript files are not scanned as text: Material's
bundle holds URL strings in code paths this site never takes (a ResizeObserver polyfill,
mermaid, the GitHub API for repo_url); what a page loads is in its HTML attributes.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

HTML_URL = re.compile(
    r"""\b(?:href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*["']([^"']*)["']""",
    re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""", re.IGNORECASE)
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>|style\s*=\s*\"([^\"]*)\"",
                         re.IGNORECASE | re.DOTALL)
ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def is_external(url: str, own_hosts: Iterable[str] = ()) -> bool:
    """True when `url` (or any candidate of a srcset) names a host not in `own_hosts`."""
    own = set(own_hosts)
    for part in url.strip().split(","):  # srcset lists candidates
        part = part.strip().split(" ")[0]
        if ABSOLUTE.match(part):
            host = urlsplit(part if not part.startswith("//") else "http:" + part).hostname
            if host and host not in own:
                return True
    return False


def urls_in_html(text: str) -> list[str]:
    urls = [html.unescape(u) for u in HTML_URL.findall(text)]
    for block, attr in STYLE_BLOCK.findall(text):
        urls += urls_in_css(block or html.unescape(attr))
    return urls


def urls_in_css(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(text)]


def external_references(site: Path, own_hosts: Iterable[str] = ()) -> list[str]:
    """`file: url` for every reference to a foreign host in the built HTML and CSS."""
    own = tuple(own_hosts)
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = urls_in_html(text) if path.suffix == ".html" else urls_in_css(text)
        found += [f"{path.relative_to(site)}: {u}" for u in urls if is_external(u, own)]
    return found
