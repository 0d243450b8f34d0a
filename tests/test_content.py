"""What the site teaches (issue 11): clause citations, one language, the drafters' content.

A 办公室主任 reads the pages, not the code: these tests read the Markdown a reader sees
(outside code) and the built pages, and hold the site to what it promises: every clause it
cites is one the project has checked, the text uses full-width punctuation and no space
between Chinese and numerals, and the content drafters need is there and linked.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from gongwen.check import check_file

DOCS = ROOT / "docs"
NOTES = ROOT / "corpus" / "notes"
GUIDE = DOCS / "guide" / "index.md"
DOCTYPES = ["self-review", "summary", "plan", "speech", "progress-report"]
# The guide sections every template points to (new in issue 11).
DRAFTING_SECTIONS = ("title", "layout", "signature", "length", "closing", "sending")
# Clauses of GB/T 9704-2012 the project has checked against the standard's text.
VERIFIED_9704 = {"5.1", "5.2.3", "7.3.1", "7.3.3", "7.3.4", "7.3.5", "7.3.5.1", "7.3.5.2",
                 "7.3.5.4", "7.5"}
# 《党政机关公文处理工作条例》: article → the items (项) cited. 第九条（七）标题, （十一）署名,
# （十二）成文日期; 第十五条（四）报告不得夹带请示事项.
VERIFIED_TIAOLI = {"九": {"七", "十一", "十二"}, "十五": {"四"}}
LEDGER_COLUMNS = ["序号", "问题表现", "整改措施", "责任领导", "责任单位（人）", "整改时限",
                  "整改类型", "完成情况"]


def site_markdown() -> list[Path]:
    """Every Markdown file a reader sees: pages (exemplars included) and the 评注 sources."""
    return sorted(DOCS.rglob("*.md")) + sorted(NOTES.glob("*.md"))


# Markup that legitimately holds ASCII next to Chinese text.
CODE_SPAN = re.compile(r"`[^`]*`")  # read as a Latin token: its neighbours are not Chinese text
MARKUP = [
    re.compile(r"\]\([^)\s]*\)"),                # link targets
    re.compile(r"<[^<>]+>"),                     # HTML tags
    re.compile(r"\{[^{}]*\}\s*$"),               # attribute lists { #id } { .annotate }
    re.compile(r"\s?\(\d{1,3}\)!?"),             # annotation markers (1)
    re.compile(r"^\s*(?:!!!|\?\?\?\+?|===)\s"),  # admonition / tab markers
    re.compile(r"^\s*\d+\.\s"),                  # ordered-list markers
]


def prose(markdown: str) -> list[tuple[int, str]]:
    """(line number, text) of the lines a reader sees, front matter, fences and markup aside."""
    lines = markdown.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        start = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    out, in_fence = [], False
    for number, line in enumerate(lines[start:], start=start + 1):
        if re.match(r"^\s*(```|~~~)", line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = CODE_SPAN.sub("CODE", line)
        for pattern in MARKUP:
            line = pattern.sub(" ", line)
        out.append((number, line))
    return out


CJK = r"[\u3400-\u9fff\u3000-\u303f\uff01-\uffef“”‘’…—]"
HALF_WIDTH = re.compile(rf"(?<={CJK})[,;:()?!]|[,;:()?!](?={CJK})")
# A numeral standing alone (not the tail of UTF-8, GB/T 9704-2012, x86), next to a space
# and a Chinese character on either side.
NUMBER = r"(?<![A-Za-z0-9_.\-/])\d[\d.,%]*"
# The page number form “— 1 —” (GB/T 9704-2012 §7.5) keeps its spaces: dashes are not text.
HAN = r"[\u3400-\u9fff\u3000-\u303f\uff01-\uffef“”‘’]"
SPACED_NUMERAL = re.compile(rf"{HAN}[ \t]+{NUMBER}|{NUMBER}[ \t]+(?={HAN})")


def findings(pattern: re.Pattern, markdown: str) -> list[tuple[int, str]]:
    return [(n, text[max(m.start() - 6, 0):m.end() + 6].strip())
            for n, text in prose(markdown) for m in pattern.finditer(text)]


def section(path: Path, anchor: str) -> str:
    """Markdown of the ##/### section with explicit id `anchor`, up to the next heading."""
    text = path.read_text(encoding="utf-8")
    m = re.search(rf"^(#{{2,3}}) .*\{{ *#{anchor} *\}}\s*$", text, flags=re.MULTILINE)
    assert m, f"{path.name}: no section #{anchor}"
    rest = text[m.end():]
    end = re.search(r"^#{2,3} ", rest, flags=re.MULTILINE)
    return rest[:end.start()] if end else rest


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"[。；\n]", text) if s.strip()]


# --- 1. Clause citations -----------------------------------------------------------------

def test_date_section_cites_7354_and_tiaoli_item_twelve():
    dates = section(GUIDE, "dates")
    assert "格式标准第7.3.5.4条（成文日期中的数字）" in dates
    assert "第九条（十二）" in dates and "署会议通过或者发文机关负责人签发的日期" in dates
    for path in site_markdown():
        assert "7.3.5.3" not in path.read_text(encoding="utf-8"), path


def test_zero_padding_rule_is_not_attributed_to_15835():
    """GB/T 15835-2011 §5.4.1 permits 2008-8-8 and 2008-08-08: 虚位 is 9704 §7.3.5.4."""
    for path in site_markdown():
        for sentence in sentences(path.read_text(encoding="utf-8")):
            if "15835" in sentence:
                assert not re.search(r"虚位|加零|补零|不加“?0", sentence), (path, sentence)
            if "虚位" in sentence and "编为" not in sentence:
                assert "7.3.5.4" in sentence, (path, sentence)


def test_cited_clauses_are_the_verified_ones():
    cited_9704, cited_tiaoli = set(), set()
    for path in site_markdown():
        for sentence in sentences(path.read_text(encoding="utf-8")):
            for clause in re.findall(r"第(\d+(?:\.\d+)+)条", sentence):
                if "15835" in sentence:
                    assert clause == "5.4.1", (path, sentence)
                else:
                    assert clause in VERIFIED_9704, (path, clause, sentence)
                    cited_9704.add(clause)
            for article, item in re.findall(r"第(九|十五)条（([一二三四五六七八九十]+)）", sentence):
                assert item in VERIFIED_TIAOLI[article], (path, article, item, sentence)
                cited_tiaoli.add((article, item))
            # An article of the 条例 cited with an item always names it.
            assert not re.search(r"第(九|十五)条(?!（)", sentence), (path, sentence)
    assert {"7.3.1", "7.3.3", "7.3.4", "7.3.5.1", "7.3.5.2", "7.3.5.4"} <= cited_9704
    assert {("九", "七"), ("九", "十二"), ("十五", "四")} <= cited_tiaoli


def test_gap_rules_are_practice_not_7_3_3():
    numbering = section(GUIDE, "numbering")
    [gaps] = [s for s in sentences(numbering) if "跳号、重号" in s]
    assert "实务" in gaps and "只规定了四种序数和字体" in gaps


# --- 2. One language -----------------------------------------------------------------------

def test_half_width_detector_fires_and_ignores_markup():
    assert findings(HALF_WIDTH, "一是加强学习,提高认识。") == [(1, "一是加强学习,提高认识。")]
    assert findings(HALF_WIDTH, "写法 `1、` 和 `(一)` 都不规范。\n2024年增长12.5%, 1,000人。") == []


@pytest.mark.parametrize("path", site_markdown(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_half_width_punctuation_in_chinese_text(path):
    assert findings(HALF_WIDTH, path.read_text(encoding="utf-8")) == []


def test_spaced_numeral_detector_fires_and_spares_latin_tokens():
    assert [n for n, _ in findings(SPACED_NUMERAL, "格式标准第 7.3.3 条\n例如 2025 年度\n共 3 处")] == [
        1, 2, 3]
    assert [n for n, _ in findings(SPACED_NUMERAL, "恢复为全角162 个")] == [1]
    assert findings(SPACED_NUMERAL, "删去网页残留4行（网页标题）") == []
    assert findings(SPACED_NUMERAL, "按 GB/T 9704-2012 排版；UTF-8 纯文本；超过5 MB") == []
    assert findings(SPACED_NUMERAL, "页码形如“— 1 —”；npm 包 `x` 1.0.4的文件") == []


@pytest.mark.parametrize("path", site_markdown(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_space_between_chinese_and_numerals(path):
    assert findings(SPACED_NUMERAL, path.read_text(encoding="utf-8")) == []


def test_one_word_for_each_thing():
    for path in site_markdown():
        text = path.read_text(encoding="utf-8")
        assert "点评" not in text, path                       # 评注 everywhere
        assert "9704—2012" not in text, path                  # GB/T 9704-2012 one way
        assert "跑头" not in text, path
        assert not re.search(r"（(?:warning|info|error)）", text), path  # 错误/警告/提示
        # Readers see exemplars by short title, not by internal number.
        assert not re.search(r"范文\s?（?00\d", text), path
    # Text the code and the page partials show: the standard's number written one way there too.
    for path in [*(ROOT / "overrides").rglob("*.html"), *(ROOT / "hooks").rglob("*.py")]:
        assert "9704—2012" not in path.read_text(encoding="utf-8"), path


# --- 3. What the notes must say ------------------------------------------------------------

def test_xi_jinping_is_written_in_full():
    notes_000 = (NOTES / "000_ee8c9e6e73e8fbdf.md").read_text(encoding="utf-8")
    assert "不要猜测补全" not in notes_000
    assert "必须写全“习近平总书记”“习近平新时代中国特色社会主义思想”" in notes_000
    assert "第一次提到时应写全“习近平总书记”" in (
        NOTES / "003_c6156c13d5fa43a4.md").read_text(encoding="utf-8")


def test_outline_block_is_a_website_artefact():
    notes_000 = (NOTES / "000_ee8c9e6e73e8fbdf.md").read_text(encoding="utf-8")
    assert "转载这篇材料的网站" in notes_000 and "不是对照检查材料的组成部分" in notes_000
    assert "网站附加的" in section(GUIDE, "outline-block")
    page = (DOCS / "self-review" / "index.md").read_text(encoding="utf-8")
    assert "发言提纲" not in page.split("\n\n", 3)[2]  # not another name for the material
    assert "它和**发言提纲**是两份材料" in page


def test_plan_exemplar_quotas_carry_a_caution():
    notes_002 = (NOTES / "002_483659cd9639251b.md").read_text(encoding="utf-8")
    assert "不要给问责、查处、举报、提拔定指标" in notes_002
    assert "六个方面" in notes_002 and "五个方面" not in notes_002
    assert "四下基层" in notes_002
    assert "时限" not in (DOCS / "plan" / "index.md").read_text(encoding="utf-8").split(
        "## 范文", 1)[1].split("## 常见问题")[0].replace("完成时限", "")


def test_provenance_is_recorded_and_shown():
    seeds = yaml.safe_load((ROOT / "corpus" / "seeds.yaml").read_text(encoding="utf-8"))
    for name, entry in seeds.items():
        assert entry["provenance"].startswith("网上流传的材料"), name
        assert set(entry["source"]) >= {"site", "publisher", "retrieved", "received"}, name
        page = DOCS / entry["doctype"] / "exemplars" / name.replace(".txt", ".md")
        text = page.read_text(encoding="utf-8")
        assert entry["provenance"] in text and "网上公开发布的真实公文" not in text
    box_000 = (DOCS / "self-review" / "exemplars" / "000_ee8c9e6e73e8fbdf.md").read_text(
        encoding="utf-8")
    assert "标题移到页首" in box_000


# --- 4. The drafters' content exists and the templates lead to it ---------------------------

def test_guide_has_the_drafting_sections(built_site):
    html = (built_site.site / "guide" / "index.html").read_text(encoding="utf-8")
    for anchor in DRAFTING_SECTIONS:
        assert f'id="{anchor}"' in html, anchor
    assert "以上汇报，不妥之处，请批评指正。" in section(GUIDE, "closing")
    assert "特此报告。" in section(GUIDE, "closing")
    sending = section(GUIDE, "sending")
    assert "第八条" in sending and "第十五条（四）" in sending and "印发" in sending
    assert "第7.3.5.1条" in section(GUIDE, "signature")
    assert "第7.3.5.2条" in section(GUIDE, "signature")
    assert "第7.3.1条" in section(GUIDE, "title")


@pytest.mark.parametrize("doctype", DOCTYPES)
def test_every_template_links_the_drafting_sections(doctype, built_site):
    source = (DOCS / doctype / "template.md").read_text(encoding="utf-8")
    html = (built_site.site / doctype / "template" / "index.html").read_text(encoding="utf-8")
    for anchor in DRAFTING_SECTIONS:
        assert f"](../guide/index.md#{anchor})" in source, (doctype, anchor)
        assert re.search(rf'href="[./]*guide/#{anchor}"', html), (doctype, anchor)


def ledger_header(markdown: str) -> list[str]:
    for line in markdown.splitlines():
        if line.startswith("| 序号 |"):
            return [cell.strip() for cell in line.strip("|").split("|")]
    return []


def test_plan_template_carries_the_ledger_and_links_it(built_site):
    source = (DOCS / "plan" / "template.md").read_text(encoding="utf-8")
    assert ledger_header(source) == LEDGER_COLUMNS
    assert ledger_header(section(DOCS / "plan" / "index.md", "ledger")) == LEDGER_COLUMNS
    for kind in ("立行立改", "限期整改", "长期坚持"):
        assert kind in source
    assert "](index.md#ledger)" in source and "](index.md#closing-out)" in source
    assert "对账销号" in source and "整改落实情况报告" in source
    # The measure's closing parenthesis as it is really written, not 责任主体/量化标准.
    assert "（责任领导：【班子成员】；责任科室：【科室】；完成时限：" in source
    assert "量化标准" not in source and "责任主体" not in source
    html = (built_site.site / "plan" / "template" / "index.html").read_text(encoding="utf-8")
    assert 'id="附件整改台账"' in html
    table = html.split('id="附件整改台账"', 1)[1]
    assert all(f"<th>{column}</th>" in table for column in LEDGER_COLUMNS)


def test_self_review_yearly_aspects_and_requirements():
    page = DOCS / "self-review" / "index.md"
    yearly = section(page, "yearly-aspects")
    assert "| 年度 |" in yearly and "2025年度" in yearly and re.search(r"本表更新于\d{4}年", yearly)
    text = page.read_text(encoding="utf-8")
    for phrase in ("本人亲自撰写", "报上级党组织审核", "三千至五千字", "领导班子"):
        assert phrase in text, phrase
    source = (DOCS / "self-review" / "template.md").read_text(encoding="utf-8")
    assert "](index.md#yearly-aspects)" in source
    assert "## 一、上年度民主生活会整改落实情况" in source


def test_speech_spoken_style_and_openings():
    page = DOCS / "speech" / "index.md"
    spoken = section(page, "spoken")
    assert "二百至二百五十字" in spoken and "数字按念法写" in spoken
    assert "分管领导" in section(page, "openings") and "总结讲话" in section(page, "openings")
    text = page.read_text(encoding="utf-8")
    for kind in ("**主持词**", "**表态发言**", "**致辞**"):
        assert kind in text
    source = (DOCS / "speech" / "template.md").read_text(encoding="utf-8")
    assert "](index.md#spoken)" in source and "](index.md#openings)" in source
    assert "以习近平同志为核心的党中央周围" in source


def test_progress_report_suggestions_and_comparison():
    source = DOCS / "progress-report" / "template.md"
    text = source.read_text(encoding="utf-8")
    assert "## 六、意见建议" in text and "以上汇报，不妥之处，请批评指正。" in text
    assert "](index.md#vs-summary)" in text
    comparison = section(DOCS / "progress-report" / "index.md", "vs-summary")
    for row in ("| 时点 |", "| 目的 |", "| 读者 |", "| 篇幅 |"):
        assert row in comparison
    [schema] = (ROOT / "hooks" / "gongwen").rglob("schemas/progress-report.yaml")
    slots = {s["name"]: s for s in yaml.safe_load(schema.read_text(encoding="utf-8"))["slots"]}
    assert slots["suggestions"]["grade"] == "optional"
    # The optional part is read as a part of its own, so the template stays clean.
    result = check_file(source)
    assert [f for f in result.findings if f.severity != "info"] == []
    assert "意见建议" in [h.title for h in result.outline if h.level == 1][-1]
