"""The built site: strict build, the five exemplars, readable anchors, no external hosts."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from gongwen.site.offsite import external_references

ROOT = Path(__file__).resolve().parent.parent
SEEDS = yaml.safe_load((ROOT / "corpus" / "seeds.yaml").read_text(encoding="utf-8"))
EXEMPLARS = {name: f"{SEEDS[name]['doctype']}/exemplars/{Path(name).stem}" for name in SEEDS}



def site_host() -> str:
    """The host of site_url as the build resolves it (canonical links point there)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return urlsplit(config.site_url or "").hostname or ""


def external_urls(site: Path) -> list[str]:
    return external_references(site, [site_host()])


def test_the_external_url_scan_fires_and_stays_silent(tmp_path: Path):
    page = tmp_path / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="assets/x.css"><a href="#一存在的主要问题">a</a>'
        '<script src="https://unpkg.com/iframe-worker/shim"></script>'
        '<img srcset="a.png 1x, //cdn.jsdelivr.net/b.png 2x">'
        '<div style="background:url(&quot;https://fonts.gstatic.com/x.woff2&quot;)"></div>',
        encoding="utf-8")
    (tmp_path / "x.css").write_text(
        '@import "https://fonts.googleapis.com/css?family=Roboto";'
        "a{background:url(img/local.png)}", encoding="utf-8")
    found = external_urls(tmp_path)
    assert found == [
        "index.html: https://unpkg.com/iframe-worker/shim",
        "index.html: a.png 1x, //cdn.jsdelivr.net/b.png 2x",
        "index.html: https://fonts.gstatic.com/x.woff2",
        "x.css: https://fonts.googleapis.com/css?family=Roboto",
    ]


def test_the_strict_build_passes(built_site):
    assert built_site.returncode == 0
    assert "WARNING" not in built_site.log and "ERROR" not in built_site.log


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_each_seed_has_a_built_exemplar_page(built_site, name):
    source = ROOT / "docs" / f"{EXEMPLARS[name]}.md"
    fm = yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])
    assert fm["doctype"] == SEEDS[name]["doctype"]
    assert fm["source"] == name
    built = built_site.site / EXEMPLARS[name] / "index.html"
    assert built.exists(), f"{built} 未生成"
    assert "<h1 id=" in built.read_text(encoding="utf-8")


def anchors(page: str) -> list[tuple[str, str]]:
    """(id, heading text) of the h2/h3 headings and run-in heading spans of a built page."""
    found = [(i, re.sub(r"<[^>]+>", "", t)) for i, t in
             re.findall(r'<h[23] id="([^"]+)">(.*?)<a class="headerlink"', page)]
    found += re.findall(r'<span id="([^"]+)"></span><strong>(.*?)</strong>', page)
    return [(html.unescape(i), html.unescape(t)) for i, t in found]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_heading_anchors_carry_the_heading_text(built_site, name):
    page = (built_site.site / EXEMPLARS[name] / "index.html").read_text(encoding="utf-8")
    found = anchors(page)
    assert found, "页面上没有标题锚点"
    for anchor, text in found:
        words = "".join(ch for ch in text if ch.isalnum()).lower()
        assert re.search(r"[\u4e00-\u9fff]", anchor), f"{name}: 锚点 #{anchor} 没有中文"
        assert words in anchor, f"{name}: 锚点 #{anchor} 不含标题文字“{text}”"


def test_known_anchors_resolve_in_the_built_pages(built_site):
    def ids(name: str) -> set[str]:
        page = (built_site.site / EXEMPLARS[name] / "index.html").read_text(encoding="utf-8")
        return set(re.findall(r'id="([^"]+)"', page))
    self_review = ids("000_ee8c9e6e73e8fbdf.txt")
    assert {"一存在的主要问题", "三带头敬畏人民敬畏组织敬畏法纪方面", "提纲",
            "二问题根源剖析", "三下一步改进措施"} <= self_review
    assert "一坚持规范提升夯实党建基础" in ids("001_2b297bc324b49a8c.txt")
    assert "六以案为鉴警钟长鸣深化风腐同查同治" in ids("002_483659cd9639251b.txt")


def test_no_built_page_references_an_external_host(built_site):
    found = external_urls(built_site.site)
    assert not found, "构建结果引用了外部主机（内网无法访问）：\n" + "\n".join(found)


def test_curated_markup_renders_as_source_text(built_site):
    def page(name: str) -> str:
        return (built_site.site / EXEMPLARS[name] / "index.html").read_text(encoding="utf-8")
    self_review = page("000_ee8c9e6e73e8fbdf.txt")
    assert "以及_总书记关于教育工作" in self_review  # the redaction mark, not an escape
    assert "<strong>（一）带头强化政治忠诚、提高政治能力方面。</strong>作为" in self_review
    assert 'class="admonition failure"' in self_review
    plan = page("002_483659cd9639251b.txt")
    assert "<p><strong>1.深化理论武装铸魂，推动学用结合提质。</strong>建立" in plan
