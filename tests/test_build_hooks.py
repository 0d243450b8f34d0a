"""The MkDocs hooks: strict builds fail on unacknowledged structure errors, typed pages
carry a 结构检查 panel (outside the search index), and generated pages and the report
list every checked page once, however many builds run in one process."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from gongwen.check.rules import RULES

MINIMAL_CONFIG = f"""\
site_name: 结构检查测试站
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
  custom_dir: {ROOT / "overrides"}
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - attr_list
  - md_in_html
plugins:
  - search
hooks:
  - {ROOT / "hooks" / "gongwen_hooks.py"}
validation:
  links:
    not_found: warn
    anchors: warn
    unrecognized_links: warn
nav:
  - 首页: index.md
  - 工作总结: summary/index.md
  - 情况汇报: progress-report/index.md
  - 写作通则:
      - guide/index.md
      - 检查规则: guide/rules.md
  - 结构检查总览: check/index.md
"""


def rule_code(name: str) -> str:
    return next(rule.code for rule in RULES if rule.name == name)


# A 工作总结 that is complete except for one gap: （一） then （三）.
GAP_PAGE = """\
---
title: 测试用工作总结（跳号）
doctype: summary
kind: exemplar
unit: 测试学校
year: 2024
occasion: 季度总结
{ack}---

# 测试学校2024年第三季度工作总结

今年第三季度，我校围绕教学中心工作稳步推进各项任务，现将有关工作总结如下。

## 一、主要工作和成效

**（一）抓教学常规。**全面落实备课、上课、作业、辅导、评价各环节要求。

**（三）抓队伍建设。**组织青年教师参加教学基本功培训。

## 二、存在的问题

部分教研活动流于形式，针对性不强。

## 三、下一步打算

继续加强教学常规管理，提高课堂教学质量。
"""
GAP_LINE = 18  # the line of **（三）…** when GAP_PAGE has no acknowledge lines

# A 情况汇报 without 存在问题 and 下一步 parts: warnings only (like seed 004).
WARN_PAGE = """\
---
title: 测试用情况汇报（只有提示）
doctype: progress-report
kind: exemplar
unit: 测试学校
year: 2024
occasion: 专项汇报
---

# 测试学校关于课后服务工作的情况汇报

根据上级部署，我校持续推进课后服务工作，现将有关情况汇报如下。

## 一、加强组织领导，确保工作有序开展

成立课后服务工作领导小组，校长任组长。

## 二、丰富服务内容，提升课后服务质量

开设文体、科技、阅读等课程二十门。
"""


def minimal_site(dest: Path) -> Path:
    """A small site with the project's hooks and theme overrides; returns its mkdocs.yml.

    Independent of the real pages, so these tests say what the hooks do whatever the
    state of the content. The guide carries every anchor the rules link to.
    """
    anchors = sorted({rule.guide for rule in RULES if rule.guide})
    pages = {
        "index.md": "# 首页\n\n测试站点。\n",
        "summary/index.md": "---\ntitle: 工作总结\n---\n\n# 工作总结\n\n## 范文\n\n"
                            "<!-- gongwen:exemplars -->\n\n## 写法\n\n略。\n",
        "progress-report/index.md": "---\ntitle: 情况汇报\n---\n\n# 情况汇报\n",
        "guide/index.md": "# 写作通则\n\n"
                          + "".join(f"## {a} {{ #{a} }}\n\n说明。\n\n" for a in anchors),
    }
    for src_uri, text in pages.items():
        add_page(dest / "mkdocs.yml", src_uri, text)
    (dest / "mkdocs.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    return dest / "mkdocs.yml"


def add_page(config: Path, src_uri: str, text: str) -> Path:
    page = config.parent / "docs" / src_uri
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    return page


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def article(page_html: str) -> str:
    """The page's content, without the navigation (which links to every nav page)."""
    return page_html[page_html.index("<article"):page_html.index("</article>")]


def panel(page_html: str) -> str:
    m = re.search(r'<details class="gw-check.*?</details>', page_html, re.DOTALL)
    assert m, "页面上没有结构检查面板"
    return m.group(0)


def typed_pages(site: Path) -> list[dict]:
    report = json.loads((site / "gongwen-report.json").read_text(encoding="utf-8"))
    return [f for f in report["files"] if f["doctype"]]


def url_of(src_uri: str) -> str:
    return re.sub(r"(index)?\.md$", "", src_uri).rstrip("/")


# --- the real site -------------------------------------------------------------------


def test_real_site_typed_page_has_panel_with_status_and_outline(built_site):
    page = html(built_site.site, "summary/template")
    box = panel(page)
    assert "结构检查" in box
    assert re.search(r'gw-badge--(pass|warn|fail)">(通过|有警告|有错误)<', box)
    assert 'class="gw-outline"' in box
    # The panel comes before the page's own content, and only once.
    assert page.count('<details class="gw-check ') == 1
    assert page.index('<details class="gw-check ') < page.index("<h1")


def test_untyped_page_has_no_panel(built_site):
    assert 'class="gw-check' not in html(built_site.site, "guide")


def test_panel_links_resolve_to_anchors_and_guide(built_site):
    """Every link of every panel on the site lands on an id that exists."""
    site = built_site.site
    checked = 0
    for entry in typed_pages(site):
        url = url_of(entry["path"])
        page = html(site, url)
        ids = set(re.findall(r'id="([^"]+)"', page))
        for href in re.findall(r'href="([^"]+)"', panel(page)):
            target, _, fragment = href.partition("#")
            if not target:
                assert fragment in ids, f"{url}: 面板链接 #{fragment} 在页面上不存在"
            else:
                linked = (site / url / target).resolve() / "index.html"
                assert linked.is_file(), f"{url}: 面板链接 {href} 指向不存在的页面"
                assert f'id="{fragment}"' in linked.read_text(encoding="utf-8"), href
            checked += 1
    assert checked, "面板里没有任何链接"


def test_overview_lists_every_checked_page_once(built_site):
    site = built_site.site
    overview = article(html(site, "check"))
    assert "结构检查总览" in overview
    for entry in json.loads((site / "gongwen-report.json").read_text("utf-8"))["files"]:
        href = f'href="../{url_of(entry["path"])}/"'.replace('"..//"', '"../"')
        assert overview.count(href) == 1, f"总览中 {entry['path']} 应出现一次"


def test_rules_page_documents_every_rule(built_site):
    rules = html(built_site.site, "guide/rules")
    for rule in RULES:
        assert f'id="{rule.code.lower()}"' in rules, rule.code
        assert f"{rule.code} {rule.title}" in rules and f"{rule.code} {rule.name}" not in rules
        if rule.guide:
            assert f'href="../#{rule.guide}"' in rules, f"{rule.code} 没有链接到写作通则"


def test_site_report_and_cli_json_share_one_shape(built_site):
    """gongwen-report.json and `check.py --json` are the same report: same file entries,
    same finding objects, same summary keys (the site only fills each file's url)."""
    report = json.loads((built_site.site / "gongwen-report.json").read_text("utf-8"))
    paths = [f["path"] for f in report["files"]]
    assert len(paths) == len(set(paths)) and "summary/template.md" in paths
    cli = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "--json", "summary/template.md",
         "speech/exemplars/003_c6156c13d5fa43a4.md"],
        cwd=ROOT / "docs", capture_output=True, text=True, check=False)
    cli_report = json.loads(cli.stdout)
    assert cli_report["summary"].keys() == report["summary"].keys()
    assert report["summary"]["files"] == len(report["files"])
    site_files = {f["path"]: f for f in report["files"]}
    for entry in cli_report["files"]:
        site_entry = site_files[entry["path"]]
        assert entry.keys() == site_entry.keys()
        assert entry["url"] is None and site_entry["url"].endswith("/")
        assert entry["findings"] == site_entry["findings"]
        assert entry["outline"] == site_entry["outline"]
    for entry in report["files"]:
        assert entry["status"] in ("pass", "warn", "fail")
        for finding in entry["findings"]:
            assert finding["severity"] in ("error", "warning", "info")
            assert finding["severity_label"] in ("错误", "警告", "提示")
    # The real site builds strictly, so nothing in it is an unacknowledged error.
    assert all(f["status"] != "fail" for f in report["files"])


def test_list_rules_and_the_rules_page_give_the_same_whole_summary(built_site):
    rules_page = html(built_site.site, "guide/rules")
    listed = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--list-rules"],
                            capture_output=True, text=True, check=False).stdout
    for rule in RULES:
        assert rule.summary.endswith(("。", "）")), rule.code  # a whole sentence, not cut
        assert rule.summary in listed, rule.code
        line = next(line for line in listed.splitlines() if line.startswith(rule.code))
        assert line.endswith(rule.summary)
        plain = re.sub(r"<[^>]+>", "", rules_page)
        assert rule.summary.replace("<", "&lt;").replace(">", "&gt;") in plain, rule.code


def test_panel_text_is_not_in_search_index(built_site):
    index = json.loads((built_site.site / "search/search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        if doc["location"].startswith("summary/template/"):
            assert "结构检查" not in doc["text"] and "提纲（从正文提取）" not in doc["text"]
    assert not any("gw-check" in doc["text"] for doc in index["docs"])


def test_type_page_lists_its_exemplars(built_site):
    site = built_site.site
    for entry in typed_pages(site):
        doctype, _, rest = entry["path"].partition("/")
        if rest.startswith("exemplars/"):
            page = html(site, doctype)
            assert f'href="{url_of(rest)}/"' in page, f"{doctype} 页未列出 {rest}"
            assert "gongwen:exemplars" not in page


# --- a small site with added pages --------------------------------------------


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    """The minimal site with one exemplar that has an acknowledged error and one with a warning."""
    config = minimal_site(tmp_path_factory.mktemp("small"))
    code = rule_code("numbering-gap")
    ack = f"acknowledge:\n  - rule: {code}\n    reason: 测试用：原文即如此\n"
    add_page(config, "summary/exemplars/gap.md", GAP_PAGE.format(ack=ack))
    add_page(config, "progress-report/exemplars/warn.md", WARN_PAGE)
    return config


def test_unacknowledged_error_fails_strict_build_naming_file_line_rule(tmp_path):
    config = minimal_site(tmp_path / "src")
    add_page(config, "summary/exemplars/gap.md", GAP_PAGE.format(ack=""))
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 1, build.log
    code = rule_code("numbering-gap")
    expected = f"WARNING -  gongwen: summary/exemplars/gap.md:{GAP_LINE}: [错误] "
    lines = [line for line in build.log.splitlines() if line.startswith(expected)]
    assert lines and f"({code} 序号跳号)" in lines[0], build.log
    assert "（三）" in lines[0]


def test_acknowledged_error_and_warnings_build_strictly(small_site, tmp_path):
    code = rule_code("numbering-gap")
    build = mkdocs_build(small_site, tmp_path / "site")
    assert build.returncode == 0, build.log
    # Still reported (at INFO), marked as acknowledged.
    assert re.search(rf"INFO    -  gongwen: summary/exemplars/gap.md:\d+: \[错误\] .*{code}.*已确认",
                     build.log), build.log
    assert re.search(r"INFO    -  gongwen: progress-report/exemplars/warn.md:?\d*: \[警告\]",
                     build.log), build.log
    gap = panel(html(build.site, "summary/exemplars/gap"))
    assert "已确认" in gap and "测试用：原文即如此" in gap
    assert 'gw-badge--warn">有警告<' in gap
    # The type pages list the new exemplars with their status.
    summary = html(build.site, "summary")
    assert 'href="exemplars/gap/"' in summary and "测试学校" in summary
    assert 'href="exemplars/warn/"' in html(build.site, "progress-report")


def test_builds_in_one_process_reset_state_and_leave_page_meta_alone(tmp_path, monkeypatch):
    """As under `mkdocs serve`: the hook module is reused, its state is not.

    Two builds give the same result; after a page is deleted, a third build no longer lists
    it anywhere. Spies around every event check that no hook touches page.meta.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = minimal_site(tmp_path / "src")
    add_page(config_file, "summary/exemplars/gap.md", GAP_PAGE.format(ack=""))
    gone = add_page(config_file, "progress-report/exemplars/warn.md", WARN_PAGE)
    monkeypatch.chdir(config_file.parent)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    outputs, modules = [], []
    meta_changes: list[str] = []
    for run in range(3):
        if run == 2:
            gone.unlink()
        site = tmp_path / f"site{run}"
        config = load_config(config_file=str(config_file), site_dir=str(site))
        modules.append(next(m for k, m in config.plugins.items() if k.endswith("gongwen_hooks.py")))
        before: dict[str, dict] = {}

        def first(markdown, page, config, files, before=before):
            before[page.file.src_uri] = copy.deepcopy(page.meta)
            return markdown

        def last(output, page, config, before=before):
            if page.meta != before[page.file.src_uri]:
                meta_changes.append(page.file.src_uri)
            return output

        config.plugins.events["page_markdown"].insert(0, first)
        config.plugins.events["post_page"].append(last)
        build(config)
        report = json.loads((site / "gongwen-report.json").read_text("utf-8"))
        outputs.append((report, article(html(site, "check")), article(html(site, "progress-report"))))
    assert modules[0] is modules[1] is modules[2], "测试应复用同一个钩子模块（同 mkdocs serve）"
    assert outputs[0] == outputs[1]
    report, overview, type_page = outputs[2]
    paths = [f["path"] for f in report["files"]]
    assert len(paths) == len(set(paths)) and "summary/exemplars/gap.md" in paths
    assert "progress-report/exemplars/warn.md" not in paths
    assert overview.count('href="../summary/exemplars/gap/"') == 1
    assert "exemplars/warn/" not in overview and "exemplars/warn/" not in type_page
    assert "exemplars/warn/" in outputs[1][1]
    assert meta_changes == [], f"钩子改动了 page.meta：{meta_changes}"


# --- lists split into pages ---------------------------------------------------------


def pager_hrefs(page_html: str) -> list[str]:
    navs = re.findall(r'<nav class="gw-pager".*?</nav>', page_html, re.DOTALL)
    return [href for nav in navs for href in re.findall(r'href="([^"]+)"', nav)]


def listed(page_html: str, prefix: str) -> list[str]:
    """Links in the page's list table(s) that start with `prefix`, in order."""
    tables = re.findall(r"<table.*?</table>", article(page_html), re.DOTALL)
    return [href for table in tables for href in re.findall(rf'href="({prefix}[^"]*)"', table)]


def test_real_site_lists_fit_on_one_page(built_site):
    """The silent case: a few exemplars per type, so no pager and no generated list pages."""
    site = built_site.site
    for url in ("check", "self-review", "summary", "plan", "speech", "progress-report"):
        assert "gw-pager" not in html(site, url), f"{url} 不应分页"
        assert not (site / url / "page").exists(), f"{url}/page/ 不应生成"
    overview = article(html(site, "check"))
    assert "<td><strong>合计</strong></td>" in overview and "gongwen-report.json" in overview


def test_long_lists_are_split_into_linked_pages(tmp_path):
    """The firing case: 5 exemplars of one type and list_page_size 2 give three list pages
    for the type and paginate the overview; every page is listed exactly once, newest first,
    and the extra pages stay out of the nav and the search index."""
    config = minimal_site(tmp_path / "src")
    config.write_text(config.read_text(encoding="utf-8")
                      + "extra:\n  gongwen:\n    list_page_size: 2\n", encoding="utf-8")
    code = rule_code("numbering-gap")
    ack = f"acknowledge:\n  - rule: {code}\n    reason: 测试用：原文即如此\n"
    for n in range(5):
        text = GAP_PAGE.format(ack=ack).replace("（跳号）", f"（跳号 {n}）")
        add_page(config, f"summary/exemplars/gap{n}.md", text.replace("year: 2024", f"year: {2020 + n}"))
    add_page(config, "progress-report/exemplars/warn.md", WARN_PAGE)
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.log
    site = build.site

    pages = ["summary", "summary/page/2", "summary/page/3"]
    assert not (site / "summary/page/4").exists() and not (site / "summary/page/1").exists()
    rows = [listed(html(site, url), "../../exemplars/" if "page" in url else "exemplars/")
            for url in pages]
    assert [len(r) for r in rows] == [2, 2, 1]
    stems = [href.rstrip("/").rsplit("/", 1)[-1] for r in rows for href in r]
    assert stems == ["gap4", "gap3", "gap2", "gap1", "gap0"]  # newest first, each once
    second = html(site, "summary/page/2")
    assert "<title>工作总结范文（第2页）" in second
    assert "共5篇，分3页：" in second and '<span aria-current="page">第2页</span>' in second
    assert 'href="../../" rel="prev"' in second and 'href="../3/" rel="next"' in second
    assert '本页是<a href="../../">工作总结范文列表</a>的第2页' in second
    # Only one exemplar of the other type: no pager there.
    assert "gw-pager" not in html(site, "progress-report")

    checked = typed_pages(site)
    report = json.loads((site / "gongwen-report.json").read_text("utf-8"))["files"]
    overview_pages = ["check", *(f"check/page/{n}" for n in range(2, (len(report) + 1) // 2 + 1))]
    assert not (site / f"check/page/{len(overview_pages) + 1}").exists()
    seen = [href for url in overview_pages for href in listed(html(site, url), "../")]
    assert len(seen) == len(report) == len(set(seen)) and len(checked) == 6
    # Pages with findings first: the warned exemplars come before the passing index pages.
    first_page = listed(html(site, "check"), "../")
    assert all("exemplars/" in href for href in first_page), first_page

    for url in pages + overview_pages:
        page = html(site, url)
        hrefs = pager_hrefs(page)
        assert hrefs, f"{url} 没有分页链接"
        for href in hrefs:
            assert (site / url / href / "index.html").resolve().is_file(), f"{url}: {href}"
    # Not in the nav (it would grow with the corpus), not in search.
    assert "page/2/" not in html(site, "")
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert not [d["location"] for d in index["docs"] if "page/" in d["location"]]


def test_list_page_size_must_be_a_positive_integer(tmp_path):
    config = minimal_site(tmp_path / "src")
    config.write_text(config.read_text(encoding="utf-8")
                      + "extra:\n  gongwen:\n    list_page_size: 0\n", encoding="utf-8")
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 1
    assert "extra.gongwen.list_page_size 应为正整数（每个列表页的行数），实为 0" in build.log


def test_generated_list_page_path_taken_by_an_author_page_fails(tmp_path):
    config = minimal_site(tmp_path / "src")
    config.write_text(config.read_text(encoding="utf-8")
                      + "extra:\n  gongwen:\n    list_page_size: 2\n", encoding="utf-8")
    add_page(config, "check/page/2.md", "# 作者写的页面\n")
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 1
    assert "docs/check/page/2.md：此路径的页面由构建自动生成，请把该文件改名或移走。" in build.log


def test_every_panel_finding_links_to_its_explanation_in_the_guide(built_site):
    """Each entry of every panel (grouped info entries too) links to guide/#<topic>."""
    site = built_site.site
    entries = 0
    for entry in typed_pages(site):
        box = panel(html(site, url_of(entry["path"])))
        for item in re.findall(r'<li class="gw-finding.*?</li>', box, flags=re.DOTALL):
            assert re.search(r'class="gw-guide" href="(?:\.\./)+guide/#[\w-]+"', item), item
            entries += 1
    assert entries >= 10
