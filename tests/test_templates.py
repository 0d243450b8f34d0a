"""Templates, type pages, the writing guide and the notes on exemplars.

What a writer relies on: each template is itself a clean document of its type; every part
of it leads to the matching passage of a real exemplar (and the link lands on an anchor
that exists); every checker rule is explained in the guide; the Chinese text uses
full-width punctuation; every type page reads the same way.
"""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from gongwen.check import check_file
from gongwen.check.rules import RULES

DOCS = ROOT / "docs"
# doctype → the source stem of its exemplar(s) in the corpus.
EXEMPLARS = {
    "self-review": ["000_ee8c9e6e73e8fbdf"],
    "summary": ["001_2b297bc324b49a8c"],
    "plan": ["002_483659cd9639251b"],
    "speech": ["003_c6156c13d5fa43a4"],
    "progress-report": ["004_c87274d175a5d971"],
}
DOCTYPES = list(EXEMPLARS)
GUIDE_IDS = (
    "numbering", "hierarchy", "ordinal-punctuation", "enumeration", "required-sections",
    "section-order", "declared-count", "outline-block", "salutation", "transition",
    "placeholders", "web-junk", "run-in", "parallel-headings", "full-width", "dates",
    "acknowledgement",
)
TYPE_PAGE_SECTIONS = ("何时使用", "不适用的情形", "结构", "写作要点", "标题、篇幅和报送", "模板", "范文",
                      "常见问题", "已知不足")

RE_PART = re.compile(r"^## (?P<title>[一二三四五六七八九十]+、.*)$")
RE_EXEMPLAR_LINK = re.compile(r"\]\(exemplars/(?P<stem>[\w-]+)\.md#(?P<anchor>[^)\s]+)\)")


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def html_ids(path: Path) -> set[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return text.split("\n---\n", 1)[0]


def template(doctype: str) -> Path:
    return DOCS / doctype / "template.md"


# --- 1. Each template is a clean document of its type ----------------------------------

@pytest.mark.parametrize("doctype", DOCTYPES)
def test_template_has_no_error_and_no_warning(doctype):
    result = check_file(template(doctype))
    assert result.doctype == doctype
    problems = [f.format(f"docs/{doctype}/template.md") for f in result.findings
                if f.severity in ("error", "warning")]
    assert problems == []
    # The fill-in fields are recognised as template fields (info), not defects.
    assert any(f.name == "placeholder" and f.severity == "info" for f in result.findings)
    # A complete skeleton: at least three numbered parts, each with its heading.
    assert sum(1 for h in result.outline if h.level == 1) >= 3


@pytest.mark.parametrize("doctype", DOCTYPES)
def test_template_front_matter(doctype):
    meta = front_matter(template(doctype))
    assert f"\ndoctype: {doctype}\n" in meta + "\n"
    assert "\nkind: template" in meta
    assert "\ntitle: " in meta


# --- 2. Every part links to a section of an exemplar, and the anchor exists ------------

def template_parts(doctype: str) -> list[tuple[str, str]]:
    """(heading, Markdown of the part) for every level-1 part (## 一、…) of a template."""
    parts: list[tuple[str, list[str]]] = []
    in_fence = False
    for line in template(doctype).read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        m = None if in_fence else RE_PART.match(line)
        if m:
            parts.append((m["title"], []))
        elif line.startswith("# ") and not in_fence:
            parts.append(("", []))  # the title: what precedes part one is not a part
        elif parts:
            parts[-1][1].append(line)
    return [(title, "\n".join(body)) for title, body in parts if title]


@pytest.mark.parametrize("doctype", DOCTYPES)
def test_every_part_links_to_an_exemplar_section(doctype, built_site):
    parts = template_parts(doctype)
    assert len(parts) >= 3, "template has no numbered parts"
    for title, body in parts:
        links = [(m["stem"], m["anchor"]) for m in RE_EXEMPLAR_LINK.finditer(body)]
        assert links, f"{doctype}/template.md: part “{title}” links to no exemplar section"
        for stem, anchor in links:
            assert stem in EXEMPLARS[doctype], f"{doctype}: link to another type's exemplar {stem}"
            page = built_site.site / doctype / "exemplars" / stem / "index.html"
            assert page.exists(), page
            assert anchor in html_ids(page), (
                f"{doctype}/template.md, part “{title}”: no id “{anchor}” in exemplar {stem}")


def test_strict_build_fails_on_a_broken_exemplar_anchor(tmp_path):
    """validation.links.anchors: a template deep link to a missing anchor fails --strict."""
    for part in ("mkdocs.yml", "docs", "hooks", "overrides", "search"):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, tmp_path / part,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif src.exists():
            shutil.copy2(src, tmp_path / part)
    page = tmp_path / "docs" / "summary" / "template.md"
    text = page.read_text(encoding="utf-8")
    good = "exemplars/001_2b297bc324b49a8c.md#二存在问题及原因分析"
    assert good in text
    page.write_text(text.replace(good, good + "不存在"), encoding="utf-8")
    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert build.returncode != 0
    assert "summary/template.md" in build.log
    assert "二存在问题及原因分析不存在" in build.log


# --- 3. Every rule is explained in the guide -------------------------------------------

def guide_sections() -> dict[str, str]:
    """Markdown of each guide section, by its explicit id ({ #id })."""
    text = (DOCS / "guide" / "index.md").read_text(encoding="utf-8")
    sections: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^#{2,3} .*\{ *#(?P<id>[\w-]+) *\}\s*$", line)
        if m:
            current = m["id"]
            sections[current] = ""
        elif line.startswith("## "):
            current = None
        elif current:
            sections[current] += line + "\n"
    return sections


def test_guide_has_every_topic_section(built_site):
    ids = html_ids(built_site.site / "guide" / "index.html")
    missing = [i for i in GUIDE_IDS if i not in ids]
    assert missing == []
    assert set(guide_sections()) >= set(GUIDE_IDS)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_guide_anchor_exists_and_explains_the_rule(rule, built_site):
    assert rule.guide, f"{rule.code} {rule.name} has no guide anchor"
    anchor = rule.guide.rsplit("#", 1)[-1]
    assert anchor in html_ids(built_site.site / "guide" / "index.html"), rule.guide
    # The section it points to names the rule, so a reader can match message and text.
    assert rule.code in guide_sections().get(anchor, ""), (
        f"guide section #{anchor} does not mention {rule.code}")


# --- 4. Full-width punctuation in Chinese text -----------------------------------------

HALF_WIDTH = ",;:()?!"
RE_FENCE = re.compile(r"^\s*(```|~~~)")
# Markup that legitimately holds ASCII punctuation next to Chinese text.
MARKUP = [
    re.compile(r"`[^`]*`"),                      # code spans
    re.compile(r"\]\([^)\s]*\)"),                # link targets: ](exemplars/x.md#一存在问题)
    re.compile(r"<[^<>]+>"),                     # HTML tags (<span id="…">)
    re.compile(r"\{[^{}]*\}\s*$"),               # attr lists: { #numbering } { .annotate }
    re.compile(r"\s?\(\d{1,3}\)!?"),             # annotation markers (1)
    re.compile(r"^\s*(?:!!!|\?\?\?\+?|===)\s"),  # admonition / tab markers
    re.compile(r"^\s*\d+\.\s"),                  # Markdown ordered-list markers
]


def is_chinese(ch: str) -> bool:
    code = ord(ch)
    return (0x3400 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or ch in "“”‘’…—")


def half_width_in_chinese(markdown: str) -> list[tuple[int, str]]:
    """(line, excerpt) of each half-width , ; : ( ) ? ! next to Chinese text, markup aside."""
    lines = markdown.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    found: list[tuple[int, str]] = []
    in_fence = False
    for number, line in enumerate(lines[start:], start=start + 1):
        if RE_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        text = line
        for pattern in MARKUP:
            text = pattern.sub(" ", text)
        for i, ch in enumerate(text):
            if ch in HALF_WIDTH:
                around = text[max(i - 1, 0):i] + text[i + 1:i + 2]
                if any(is_chinese(c) for c in around):
                    found.append((number, text[max(i - 8, 0):i + 8].strip()))
    return found


def test_half_width_detector_fires_and_ignores_markup():
    assert half_width_in_chinese("一是加强学习,提高认识。") == [(1, "一是加强学习,提高认识。")]
    assert [n for n, _ in half_width_in_chinese("正文\n(一)坚持规范提升\n说明:")] == [2, 2, 3]
    clean = "\n".join([  # noqa: FLY002 - one source line per list item reads best
        "---", "title: 模板: 说明", "---",
        "现将有关工作总结如下。(1)",
        "{ .annotate }",
        "见[范文 · 二、存在问题](exemplars/001.md#二存在问题及原因分析)。",
        "## 层次序数 { #numbering }",
        "写法 `1、` 和 `(一)` 都不规范。",
        '??? tip "写作要点：开头"',
        "```", "代码(例外),", "```",
        "2024年增长12.5%, 1,000人。",
    ])
    assert half_width_in_chinese(clean) == []


@pytest.mark.parametrize("path", [f"{d}/template.md" for d in DOCTYPES]
                         + [f"{d}/index.md" for d in DOCTYPES] + ["guide/index.md"])
def test_chinese_text_uses_full_width_punctuation(path):
    assert half_width_in_chinese((DOCS / path).read_text(encoding="utf-8")) == []


# --- 5. Type pages read the same way; notes on exemplars --------------------------------

@pytest.mark.parametrize("doctype", DOCTYPES)
def test_type_page_skeleton(doctype, built_site):
    source = (DOCS / doctype / "index.md").read_text(encoding="utf-8")
    assert "doctype:" not in front_matter(DOCS / doctype / "index.md")
    headings = re.findall(r"^## (.+)$", source, flags=re.MULTILINE)
    assert headings == list(TYPE_PAGE_SECTIONS)
    assert "<!-- gongwen:exemplars -->" in source
    page = (built_site.site / doctype / "index.html").read_text(encoding="utf-8")
    assert 'href="template/"' in page
    for stem in EXEMPLARS[doctype]:
        assert f'href="exemplars/{stem}/' in page


@pytest.mark.parametrize("doctype", DOCTYPES)
def test_exemplar_has_at_least_three_notes_apart_from_the_source(doctype, built_site):
    for stem in EXEMPLARS[doctype]:
        notes = (ROOT / "corpus" / "notes" / f"{stem}.md").read_text(encoding="utf-8")
        assert notes.startswith("## 评注\n")
        assert len(re.findall(r'^!!! \w+ "评注：', notes, flags=re.MULTILINE)) >= 3
        source = (DOCS / doctype / "exemplars" / f"{stem}.md").read_text(encoding="utf-8")
        # The notes come after the end of the document, never inside it.
        end = source.index("<!-- gongwen:end -->")
        assert source.index("## 评注") > end
        html = (built_site.site / doctype / "exemplars" / stem / "index.html").read_text(
            encoding="utf-8")
        assert 'id="评注"' in html
        assert len(re.findall(r'class="admonition \w+"[^>]*>\s*<p class="admonition-title">评注：',
                              html)) >= 3
