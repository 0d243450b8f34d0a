"""Intranet and offline: Chinese search index, no off-site resources, the offline zip.

The offline zip is built by scripts/package_offline.py once per session and opened from
file:// in Debian's chromium: its search must work without a server and without internet.
"""
from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from gongwen.site.offsite import external_references
from playwright import sync_api
from test_browser import launch_chromium, new_context, search

EXEMPLAR_000 = "self-review/exemplars/000_ee8c9e6e73e8fbdf"
USERDICT = ROOT / "search" / "userdict.txt"
PACKAGE = ROOT / "scripts" / "package_offline.py"


def index_tokens(site: Path, location_prefix: str = "") -> set[str]:
    """Words of the built search index (jieba's segments), for pages under a prefix."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    tokens: set[str] = set()
    for doc in index["docs"]:
        if doc["location"].startswith(location_prefix):
            text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
            tokens.update(t for t in separator.split(text) if t)
    return tokens


# ---------------------------------------------------------------- Chinese search index


def test_search_index_keeps_minzhu_shenghuohui_whole(built_site):
    tokens = index_tokens(built_site.site, EXEMPLAR_000)
    assert tokens, "搜索索引中没有范文 000 的条目"
    assert "民主生活会" in tokens


def _term_site(tmp_path: Path, terms: list[str], userdict: Path | None) -> set[str]:
    (tmp_path / "docs").mkdir()
    body = "\n\n".join(f"我们要认真做好{term}这件事。" for term in terms)
    (tmp_path / "docs" / "index.md").write_text(f"# 术语\n\n{body}\n", encoding="utf-8")
    dict_line = f"      jieba_dict_user: {userdict}\n" if userdict else ""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: 术语\ntheme:\n  name: material\n  language: zh\nplugins:\n  - search:\n"
        "      lang: zh\n      separator: '[\\s\\u200b\\-]'\n" + dict_line,
        encoding="utf-8",
    )
    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.log
    return index_tokens(tmp_path / "site")


def test_every_user_dictionary_term_stays_whole(tmp_path):
    terms = [line.split()[0] for line in USERDICT.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert "民主生活会" in terms and "全面从严治党" in terms
    tokens = _term_site(tmp_path, terms, USERDICT)
    assert [t for t in terms if t not in tokens] == []


def test_without_user_dictionary_jieba_splits_domain_terms(tmp_path):
    # Why the dictionary exists: jieba alone cuts 民主生活会 into 民主 / 生活 / 会.
    tokens = _term_site(tmp_path, ["民主生活会"], None)
    assert "民主生活会" not in tokens


# ---------------------------------------------------------------- intranet: no off-site resource


# ---------------------------------------------------------------- the offline zip


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("offline") / "gongwen-offline.zip"
    # An unusual umask, so the mode test below proves the umask is used (not a fixed mode).
    proc = subprocess.run([sys.executable, str(PACKAGE), "-o", str(out)],
                          check=False, capture_output=True, text=True,
                          preexec_fn=lambda: os.umask(0o027))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out, proc


@pytest.fixture(scope="session")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip[0]) as zf:
        zf.extractall(target)
    return target / "gongwen-offline"


def test_package_reports_progress_and_usage(offline_zip):
    out, proc = offline_zip
    assert "[1/3]" in proc.stdout and "[3/3]" in proc.stdout
    assert f"完成：{out}" in proc.stdout
    assert "gongwen-offline/index.html" in proc.stdout


def test_package_never_overwrites_without_force(offline_zip, tmp_path):
    existing = tmp_path / "old.zip"
    existing.write_bytes(b"keep me")
    proc = subprocess.run([sys.executable, str(PACKAGE), "-o", str(existing)],
                          check=False, capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"错误：{existing} 已存在；如需覆盖，请加 --force。"
    assert existing.read_bytes() == b"keep me"


def test_zip_is_created_with_the_users_umask(offline_zip):
    # mkstemp alone gives 0600: a zip copied to a shared folder would be unreadable.
    assert stat.S_IMODE(offline_zip[0].stat().st_mode) == 0o640  # umask 027; 0644 under 022


def test_offline_edition_is_self_contained(offline_site):
    assert (offline_site / "index.html").is_file()
    assert (offline_site / "search" / "search_index.js").is_file()
    # The offline plugin's default polyfill is https://unpkg.com/iframe-worker/shim.
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in home
    assert (offline_site / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    assert external_references(offline_site) == []
    # file:// cannot resolve directory URLs: every link points at a .html file.
    assert 'href="self-review/index.html"' in home


def test_offline_search_works_from_file_url(offline_site):
    with launch_chromium() as browser:
        context = new_context(browser)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((offline_site / "index.html").as_uri(), wait_until="load")
        links = search(page, "民主生活会")
        assert any(f"{EXEMPLAR_000}.html" in link for link in links[:5]), links
        assert all(link.startswith("file://") for link in links)
        assert context.guard.offsite == []
        assert errors == []
        context.close()


def test_offline_copy_buttons_and_annotations_work_from_file_url(offline_site):
    # With instant navigation on, Material never signalled the page ready over file://:
    # no copy buttons, and annotations stayed a raw "(1)" with their list printed inline.
    with launch_chromium() as browser:
        context = new_context(browser, permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((offline_site / "summary" / "template.html").as_uri(), wait_until="load")
        page.locator(".gongwen-copy-toolbar").wait_for(timeout=10_000)
        assert page.locator("button.gongwen-copy-section").count() >= 3
        page.locator(".md-annotation").first.wait_for(timeout=10_000)
        assert page.locator(".annotate + ol").count() == 0 or \
            not page.locator(".annotate + ol").first.is_visible()
        annotated = page.locator("p.annotate").first.inner_text()
        assert "(1)" not in annotated
        page.get_by_role("button", name="复制全文").click()
        sync_api.expect(page.locator(".gongwen-copy-status")).to_have_text("已复制全文")
        text = page.evaluate("navigator.clipboard.readText()")
        assert text.startswith("【单位名称】【时间段】【工作名称】工作总结\n"), text[:80]
        assert "(1)" not in text and "复制" not in text
        assert errors == [] and context.guard.offsite == []
        context.close()


def test_offline_draft_check_page_says_why_it_cannot_check(offline_site):
    """From file:// Chromium refuses the checker's modules: the page says so, in Chinese."""
    assert not (offline_site / "assets" / "vendor" / "pyodide").exists()  # 13 MB left out
    with launch_chromium() as browser:
        context = new_context(browser)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((offline_site / "check-draft" / "index.html").as_uri(), wait_until="load")
        message = page.locator("#gw-draft-error")
        message.wait_for(timeout=10_000)
        assert message.inner_text().startswith("离线版无法在本页检查稿件：浏览器不允许从本机文件")
        assert "请打开内网上的站点使用本页，或在命令行运行 python scripts/check.py" in \
            message.inner_text()
        assert page.locator("#gw-draft-submit").is_disabled()
        assert context.guard.offsite == []
        assert errors == []
        context.close()


def test_a_build_without_jieba_fails_loudly(tmp_path):
    """Without jieba Material's search finds almost nothing in Chinese: refuse to build."""
    blocker = tmp_path / "blocker" / "jieba"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('jieba blocked for this test')\n",
                                         encoding="utf-8")
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site",
                         env={"PYTHONPATH": str(blocker.parent)})
    assert build.returncode == 1
    assert "缺少 jieba：中文搜索无法分词" in build.log
