"""Adding content the way the maintainer pages say needs no code and no test edit.

In a temporary copy of the repository:
- a sixth exemplar is ingested (如何添加范文): the copy curates cleanly, builds strictly,
  its type page counts two exemplars, and its fast suite (`pytest -m "not browser"`) passes;
- a sixth 文种 is added from the schema and nav snippets on 如何增加文种 itself: the copy
  builds strictly, the new template is checked as that type, the site counts six types.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

INNER = "GONGWEN_INNER_SUITE"  # set for the suite run inside the copy: no copy of a copy
pytestmark = pytest.mark.skipif(os.environ.get(INNER) == "1", reason="已在临时副本中运行")
# Build output and tools at the top only: hooks/gongwen/site/ is code, not a built site.
TOP_LEVEL_SKIP = {".git", ".venv", "site", ".cache", "dist", "test-artifacts"}
ANYWHERE_SKIP = shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache",
                                       ".hypothesis", ".ruff_cache", "node_modules")
GUIDE = ROOT / "docs" / "maintain" / "add-doctype.md"

SIXTH = """市第一中学2025年上半年教学工作总结
2025年上半年,我校在市教育局的正确领导下,围绕立德树人根本任务,扎实推进各项教学工作。现将有关情况总结如下:
一、主要工作和成效
(一)深化课堂教学改革。一是推行集体备课,全校开展集体备课86次;二是开展公开课活动,共上公开课42节。
(二)加强教师队伍建设。组织教师参加各级培训320人次,新增市级骨干教师5名。
二、存在的问题
一是课堂教学改革还不够深入;二是青年教师培养的力度还需加大。
三、下一步工作打算
一是持续深化课堂教学改革;二是实施青年教师成长计划。
"""

TEMPLATE = """---
title: 述职报告模板
doctype: duty-report
kind: template
---

# 【姓名】同志【年度】述职报告

根据【上级要求】，现将【年度】履职情况报告如下。

## 一、履职情况

【本年度的主要工作和成效】

## 二、存在问题

【存在的主要问题】

## 三、努力方向

【下一步的努力方向和措施】

【姓名】

【成文日期】
"""

TYPE_PAGE = """---
title: 述职报告
---

# 述职报告

领导干部年度述职、任期述职。[述职报告模板](template.md)。

## 范文

<!-- gongwen:exemplars -->
"""


def _ignore(folder: str, names: list[str]) -> set[str]:
    skip = set(ANYWHERE_SKIP(folder, names))
    if Path(folder) == ROOT:
        skip |= TOP_LEVEL_SKIP & set(names)
    return skip


def copy_repo(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=_ignore, symlinks=True)
    return dest


def run(args: list[str], cwd: Path, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=False)


def page_text(site: Path, path: str) -> str:
    return re.sub(r"<[^>]+>", "", (site / path / "index.html").read_text(encoding="utf-8"))


def test_a_sixth_exemplar_needs_no_test_edit(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    source = tmp_path / "上半年教学工作总结.txt"
    source.write_bytes(SIXTH.encode("gbk"))  # as Windows 记事本 saves it
    ingest = run([sys.executable, "scripts/ingest.py", str(source), "--type", "summary",
                  "--unit", "市第一中学", "--year", "2025", "--occasion", "半年总结"], repo)
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    curate = run([sys.executable, "scripts/curate.py", "--check"], repo)
    assert curate.returncode == 0, curate.stdout + curate.stderr

    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.log
    summary = page_text(build.site, "summary")
    assert "市第一中学2025年上半年教学工作总结" in summary
    assert "本类目前收录范文两篇" in summary and "收录范文一篇" not in summary
    assert "本类目前收录范文一篇" in page_text(build.site, "speech")  # the others unchanged

    # serve.sh installs the packages into the copy's own .venv first (minutes, and nothing
    # about content): that one test runs in the checkout only.
    # (Nor the slow size cases: they read no content, and would run twice in CI.)
    suite = run([sys.executable, "-m", "pytest", "-q", "-x", "-m", "not browser and not slow",
                 "-p", "no:cacheprovider", "--deselect",
                 "tests/test_deploy.py::test_serve_starts_without_the_end_of_life_banner"],
                repo, timeout=1800, **{INNER: "1"})
    assert suite.returncode == 0, suite.stdout[-6000:] + suite.stderr[-2000:]
    assert " passed" in suite.stdout


def _snippets() -> tuple[str, str]:
    """The schema and the nav entry exactly as 如何增加文种 shows them."""
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    schema = next(b for b in blocks if "doctype:" in b)
    nav = next(b for b in blocks if "duty-report/index.md" in b)
    return schema, nav


def test_a_sixth_doctype_as_the_maintainer_page_says_builds_strictly(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    schema, nav = _snippets()
    (repo / "hooks" / "gongwen" / "check" / "schemas" / "duty-report.yaml").write_text(
        schema, encoding="utf-8")
    pages = repo / "docs" / "duty-report"
    pages.mkdir()
    (pages / "index.md").write_text(TYPE_PAGE, encoding="utf-8")
    (pages / "template.md").write_text(TEMPLATE, encoding="utf-8")
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "  - 写作通则:\n"
    assert anchor in config
    (repo / "mkdocs.yml").write_text(config.replace(anchor, nav + anchor), encoding="utf-8")

    check = run([sys.executable, "scripts/check.py", "docs/duty-report/template.md"], repo)
    assert check.returncode == 0, check.stdout + check.stderr
    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.log
    template = (build.site / "duty-report" / "template" / "index.html").read_text("utf-8")
    assert 'class="gw-check' in template and "述职报告 · " in template  # checked as its type
    assert 'download="述职报告模板.docx"' in template
    assert "duty-report/template/" in (build.site / "check" / "index.html").read_text("utf-8")
    assert "六类常用文种" in page_text(build.site, "")
