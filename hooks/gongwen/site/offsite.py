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
# `https:evil.example` (no //) is fetched from that host when the page's own scheme differs
# (http://, file://); `javascript:` runs script and `data:` embeds content no one reviewed.
HOST_NO_SLASHES = re.compile(r"^(?:https?|ftp|wss?):(?!//)", re.IGNORECASE)
LIVE_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
# Browsers drop tabs and newlines anywhere in a URL and ignore leading spaces and controls.
URL_NOISE = re.compile(r"[\t\n\r]|^[\x00-\x20]+")


def is_external(url: str, own_hosts: Iterable[str] = (), *, css: bool = False) -> bool:
    """True when `url` (or any candidate of a srcset) names a host not in `own_hosts`, or is
    a `javascript:`/`data:` URL, or a scheme with a host but no `//` (`https:evil.example`).
    `css`: the URL is from a stylesheet, where Material's own icons are `data:` URLs."""
    own = set(own_hosts)
    url = URL_NOISE.sub("", url)
    if (m := LIVE_SCHEME.match(url)) and not (css and m.group(0).lower() == "data:"):
        return True
    for part in url.strip().split(","):  # srcset lists candidates
        part = part.strip().split(" ")[0]
        if HOST_NO_SLASHES.match(part):
            return True
        if ABSOLUTE.match(part):
            host = urlsplit(part if not part.startswith("//") else "http:" + part).hostname
            if host and host not in own:
                return True
    return False


def urls_in_html(text: str) -> list[str]:
    return [u for u, _ in _html_urls(text)]


def _html_urls(text: str) -> list[tuple[str, bool]]:
    """(url, from CSS) for every URL in an HTML page's attributes and styles."""
    urls = [(html.unescape(u), False) for u in HTML_URL.findall(text)]
    for block, attr in STYLE_BLOCK.findall(text):
        urls += [(u, True) for u in urls_in_css(block or html.unescape(attr))]
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
        urls = _html_urls(text) if path.suffix == ".html" else [(u, True) for u in urls_in_css(text)]
        found += [f"{path.relative_to(site)}: {u}" for u, css in urls
                  if is_external(u, own, css=css)]
    return found
