"""The site also builds with properdocs, the maintained continuation of MkDocs 1.x.

properdocs reads the same mkdocs.yml, loads Material through the `mkdocs.*` entry points and
aliases every `mkdocs.*` import to `properdocs.*`, so our hooks run unchanged.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PROPERDOCS = [sys.executable, "-m", "properdocs"]


def properdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*PROPERDOCS, "build", "--strict", "-f", str(config), "-d", str(site)],
        check=False, cwd=config.parent, capture_output=True, text=True, env=env,
    )


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_real_site_builds_strictly_with_properdocs(built_site, tmp_path):
    proc = properdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = tmp_path / "site"
    assert html_pages(site) == html_pages(built_site.site)
    # The hooks ran: whatever they render under MkDocs appears under properdocs too.
    for page in sorted(html_pages(built_site.site)):
        mkdocs_html = (built_site.site / page).read_text(encoding="utf-8")
        proper_html = (site / page).read_text(encoding="utf-8")
        for marker in ("gongwen-check", "gongwen-downloads", "gongwen:end"):
            assert (marker in proper_html) == (marker in mkdocs_html), (page, marker)
    assert (site / "search" / "search_index.json").is_file()


def test_hook_warning_fails_strict_properdocs_build(tmp_path):
    # Our hooks log through mkdocs.plugins.get_plugin_logger: properdocs must count them.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "warn_hook.py").write_text(
        "from mkdocs.plugins import get_plugin_logger\n"
        "log = get_plugin_logger('gongwen')\n"
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    log.warning('序号跳号（测试）')\n"
        "    return markdown\n",
        encoding="utf-8",
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\ntheme:\n  name: material\nhooks:\n  - warn_hook.py\n",
                      encoding="utf-8")
    proc = properdocs_build(config, tmp_path / "site")
    assert proc.returncode == 1
    assert "WARNING -  gongwen: 序号跳号（测试）" in proc.stdout + proc.stderr
    assert "Aborted with 1 warnings in strict mode!" in proc.stdout + proc.stderr
