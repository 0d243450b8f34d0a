"""Shared fixtures: one real strict build of the site per test session."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from gongwen.check.schema import load_schemas

# Tests follow the data, not a count: the 文种 are the schemas, the exemplars the pages the
# corpus curates. Adding either needs no test edit (tests/test_add_content.py proves it).
DOCTYPES = sorted(load_schemas())


# A test that takes one of these fixtures drives Debian's chromium: marked `browser`, so
# `pytest -m "not browser"` is the fast suite (whole browser modules set pytestmark).
BROWSER_FIXTURES = frozenset(("browser", "context", "site_url"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def exemplar_stems(doctype: str) -> list[str]:
    """The source stems of a type's exemplar pages (000_ee8c9e6e73e8fbdf, …)."""
    return sorted(p.stem for p in (ROOT / "docs" / doctype / "exemplars").glob("*.md"))

MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    site: Path
    returncode: int
    log: str


def mkdocs_build(config: Path, site: Path, *extra: str, env: dict | None = None) -> Build:
    """Run a real `mkdocs build --strict` (never with -q: it hides warnings)."""
    run_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site), *extra],
        cwd=config.parent, capture_output=True, text=True, env=run_env, check=False,
    )
    return Build(site, proc.returncode, proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The real site, built strictly once for the whole session."""
    site = tmp_path_factory.mktemp("site")
    build = mkdocs_build(ROOT / "mkdocs.yml", site)
    assert build.returncode == 0, build.log
    return build
