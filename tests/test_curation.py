"""The curated corpus: faithful exemplar pages, rebuildable records, a rerunnable script."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import DOCTYPES
from gongwen.corpus.curate import CurationError, curate
from gongwen.corpus.page import page_blocks
from gongwen.corpus.punctuation import restore, undo
from gongwen.corpus.record import rebuild_source, verify

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"
SEEDS = yaml.safe_load((ROOT / "corpus" / "seeds.yaml").read_text(encoding="utf-8"))
SOURCES = sorted(p.name for p in RAW.glob("*.txt"))
SCRIPT = ROOT / "scripts" / "curate.py"


def raw_text(name: str) -> str:
    return (RAW / name).read_bytes().decode("utf-8")


def page_of(name: str) -> str:
    stem = Path(name).stem
    return (ROOT / "docs" / SEEDS[name]["doctype"] / "exemplars" / f"{stem}.md").read_text(
        encoding="utf-8")


def record_of(name: str) -> dict:
    import json
    return json.loads((ROOT / "corpus" / "records" / f"{Path(name).stem}.json").read_text(
        encoding="utf-8"))


def reduce(text: str) -> str:
    """Letters, digits and Han characters only: what must survive curation."""
    return "".join(ch for ch in text if ch.isalnum())


def body(markdown: str) -> str:
    """The page up to the end marker (notes after it are not source text)."""
    return markdown.split("<!-- gongwen:end -->")[0]


def text_of(markdown: str) -> str:
    """The document's own text on the page: no front matter, admonitions or notes."""
    return "\n".join(page_blocks(markdown))


# ------------------------------------------------------------------ the seeds

def test_every_seed_has_curation_data_and_a_page():
    assert SOURCES and sorted(SEEDS) == SOURCES
    doctypes = {SEEDS[name]["doctype"] for name in SOURCES}
    assert doctypes <= set(DOCTYPES)


@pytest.mark.parametrize("name", SOURCES)
def test_every_sentence_of_the_seed_is_on_its_page(name):
    record = record_of(name)
    removed = {e["line"] for e in record["lines"] if e["action"] == "removed"}
    page = reduce(html.unescape(body(page_of(name))))
    missing = []
    for n, line in enumerate(raw_text(name).split("\n"), 1):
        if n in removed:
            continue
        for sentence in re.split(r"[。！？；;!?]", line):
            if reduce(sentence) and reduce(sentence) not in page:
                missing.append(f"{name}:{n}: {sentence[:40]}")
    assert not missing, "原文句子在页面中丢失：\n" + "\n".join(missing)


@pytest.mark.parametrize("name", SOURCES)
def test_removed_junk_is_listed_and_gone_from_the_page(name):
    record = record_of(name)
    page = reduce(text_of(page_of(name)))
    for entry in record["lines"]:
        if entry["action"] == "removed":
            assert entry["reason"]
            text = entry["text"]
            title = SEEDS[name]["title"]
            # A repeated title is removed, its first copy stays; `");` reduces to nothing.
            if text.strip() != title and reduce(text):
                assert reduce(text) not in page, entry


def test_the_known_junk_of_the_seeds_is_removed():
    pages = {name: text_of(page_of(name)) for name in SOURCES}
    for junk in ("版权声明", "THE END", "喜欢就支持一下吧", "点赞9"):
        assert junk not in pages["002_483659cd9639251b.txt"]
    speech = pages["003_c6156c13d5fa43a4.txt"]
    for junk in ("网友 分享", "2773121", '");', "讲话稿"):
        assert junk not in speech
    for name in ("001_2b297bc324b49a8c.txt", "004_c87274d175a5d971.txt"):
        title = SEEDS[name]["title"]
        assert pages[name].count(title) == 1  # the H1; the repeat is gone


def test_the_speech_title_is_the_document_title_not_the_web_page_title():
    page = page_of("003_c6156c13d5fa43a4.txt")
    assert "\n# 在教育系统全面从严治党和党风廉政建设工作会议上的讲话\n" in page
    record = record_of("003_c6156c13d5fa43a4.txt")
    first = record["lines"][0]
    assert first["action"] == "removed" and "网页标题" in first["reason"]


# ------------------------------------------------------------------ rebuilding the source

@pytest.mark.parametrize("name", SOURCES)
def test_the_record_rebuilds_the_raw_source_byte_for_byte(name):
    raw, page, record = raw_text(name), page_of(name), record_of(name)
    assert rebuild_source(page, record) == raw
    assert verify(raw, page, record) == []


def test_verify_notices_a_page_edited_by_hand():
    name = "001_2b297bc324b49a8c.txt"
    raw, page, record = raw_text(name), page_of(name), record_of(name)
    edited = page.replace("我们必须坚定不移", "我们坚定不移", 1)
    problems = verify(raw, edited, record)
    assert problems and "001_2b297bc324b49a8c" in problems[0]


def test_verify_notices_a_changed_source():
    name = "004_c87274d175a5d971.txt"
    raw, page, record = raw_text(name), page_of(name), record_of(name)
    problems = verify(raw.replace("主题教育", "主题活动", 1), page, record)
    assert any("原文已改动" in p for p in problems)


# ------------------------------------------------------------------ idempotence

@pytest.mark.parametrize("name", SOURCES)
def test_curate_twice_gives_identical_bytes(name):
    first = curate(raw_text(name), name, dict(SEEDS[name]))
    second = curate(raw_text(name), name, dict(SEEDS[name]))
    assert first.markdown == second.markdown
    assert first.record_json == second.record_json


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args],
                          check=False, capture_output=True, text=True, cwd=ROOT)


def test_committed_pages_are_what_the_script_writes():
    proc = run_script("--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "需更新" not in proc.stdout


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "corpus" / "raw", tmp_path / "corpus" / "raw")
    shutil.copy(ROOT / "corpus" / "seeds.yaml", tmp_path / "corpus" / "seeds.yaml")
    if (ROOT / "corpus" / "notes").exists():
        shutil.copytree(ROOT / "corpus" / "notes", tmp_path / "corpus" / "notes")
    return tmp_path


def test_rerunning_the_script_changes_nothing(corpus_copy: Path):
    first = run_script("--root", str(corpus_copy))
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("写入 ") == 2 * len(SOURCES)  # a page and a record each
    written = {p: p.read_bytes() for p in corpus_copy.rglob("*") if p.is_file()}
    second = run_script("--root", str(corpus_copy))
    assert second.returncode == 0 and "写入" not in second.stdout
    assert {p: p.read_bytes() for p in corpus_copy.rglob("*") if p.is_file()} == written
    assert run_script("--check", "--root", str(corpus_copy)).returncode == 0
    # The pages written into a fresh tree are the committed ones.
    for name in SOURCES:
        stem = Path(name).stem
        rel = Path("docs", SEEDS[name]["doctype"], "exemplars", f"{stem}.md")
        assert (corpus_copy / rel).read_text(encoding="utf-8") == page_of(name)


def test_check_mode_reports_a_stale_page_and_leaves_it(corpus_copy: Path):
    run_script("--root", str(corpus_copy))
    page = corpus_copy / "docs" / "plan" / "exemplars" / "002_483659cd9639251b.md"
    page.write_text(page.read_text(encoding="utf-8") + "手改\n", encoding="utf-8")
    proc = run_script("--check", "--root", str(corpus_copy))
    assert proc.returncode == 1
    assert "需更新 docs/plan/exemplars/002_483659cd9639251b.md" in proc.stdout
    assert page.read_text(encoding="utf-8").endswith("手改\n")


def test_a_raw_file_without_seed_entry_is_an_error(corpus_copy: Path):
    (corpus_copy / "corpus" / "raw" / "005_new.txt").write_text("标题\n正文。\n", encoding="utf-8")
    proc = run_script("--check", "--root", str(corpus_copy))
    assert proc.returncode == 2
    assert "005_new.txt" in proc.stderr and "doctype" in proc.stderr


# ------------------------------------------------------------------ page shape

def test_standalone_and_run_in_headings_have_the_agreed_shape():
    summary = page_of("001_2b297bc324b49a8c.txt")
    assert "\n## 一、党建工作主要工作和成效\n" in summary
    assert "\n### （一）存在的问题\n" in summary
    assert ('\n<span id="一坚持规范提升夯实党建基础"></span>'
            "**（一）坚持规范提升，夯实党建基础。**一是，我们必须") in summary
    plan = page_of("002_483659cd9639251b.txt")
    # Level 3 run-in: bold, no anchor span; the stray space after the heading is gone.
    assert "\n**1.深化理论武装铸魂，推动学用结合提质。**建立党组理论学习中心组" in plan
    assert "\n### （六）以案为鉴警钟长鸣，深化风腐同查同治\n" in plan
    report = page_of("004_c87274d175a5d971.txt")
    assert ('\n<span id="一加强党的领导确保主题教育高标准高质量开展"></span>'
            "**一、加强党的领导，确保主题教育高标准高质量开展。**习近平总书记强调") in report


def test_punctuation_is_restored_but_numbers_and_placeholders_stay_ascii():
    pages = "".join(body(page_of(name)) for name in SOURCES)
    for kept in ("2.0行动计划", "1-2项", "8.6万元", "70%", "“X+X”工作方案", "X.X万人",
                 "XXXX届XXXX次", "2025年", "教师、学生党支部书记“双带头人”"):
        assert kept in pages, kept
    text = "\n".join(text_of(page_of(name)) for name in SOURCES)
    assert not re.search(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]", text)
    assert '"' not in text


def test_redactions_stay_as_they_are():
    page = page_of("000_ee8c9e6e73e8fbdf.txt")
    assert "以及\\_总书记关于教育工作" in page  # escaped so that Markdown shows the _
    assert "学习贯彻\\_新时代中国特色社会主义思想" in page


@pytest.mark.parametrize("name", SOURCES)
def test_front_matter_and_page_frame(name):
    page = page_of(name)
    fm = yaml.safe_load(page.split("---\n")[1])
    assert fm["doctype"] == SEEDS[name]["doctype"] and fm["kind"] == "exemplar"
    assert fm["source"] == name
    assert fm["record"] == f"corpus/records/{Path(name).stem}.json"
    assert (ROOT / fm["record"]).exists()
    for key in ("title", "unit", "year", "occasion"):
        assert fm[key], key
    assert f"\n# {fm['title']}\n" in page
    about = page.split('!!! info "关于本范文"', 1)[1].split("\n\n", 2)[1]
    assert "来源：" in about and "逐字还原" in about
    assert "corpus/" not in about  # repository paths mean nothing to a writer (new-user B13)
    assert page.count("<!-- gongwen:end -->") == 1


# ------------------------------------------------------------------ seed 000, truncated

def test_the_truncated_seed_marks_what_is_missing_and_invents_nothing():
    name = "000_ee8c9e6e73e8fbdf.txt"
    page = page_of(name)
    fm = yaml.safe_load(page.split("---\n")[1])
    assert fm["incomplete"] is True
    assert '!!! warning "原文不完整"' in page
    markers = [m.start() for m in re.finditer(r'^!!! failure "原文缺失"$', page, re.MULTILINE)]
    assert len(markers) == 4
    # The gap at 利用 / 轻党性 is not joined: a marker sits between the two halves.
    assert page.index("前瞻性研究。利用\n") < markers[0] < page.index("\n轻党性”的倾向。")
    assert "利用轻党性" not in page
    # End of (五), then parts 二 and 三, each quoting what the 【提纲】 promises.
    assert page.index("思路 ……\n") < markers[1] < markers[2] < markers[3]
    assert "二、问题根源剖析" in page[markers[2]:markers[3]]
    assert "（五）管党治党责任不够严实" in page[markers[2]:markers[3]]
    assert "三、下一步改进措施" in page[markers[3]:]
    assert "带头固本培元、增强党性方面" in page[markers[0]:page.index("\n轻党性")]
    # Missing parts are never headings: the checker must still find them missing.
    headings = re.findall(r"^#{1,6} .*$", body(page), re.MULTILINE)
    assert headings == ["# 市教育局党组书记2025年度民主生活会对照检查发言材料",
                        "## 一、存在的主要问题"]
    assert not re.search(r'^<span id="[^"]*"></span>\*\*（二）', page, re.MULTILINE)


def test_the_outline_block_of_000_is_kept_as_one_paragraph():
    page = page_of("000_ee8c9e6e73e8fbdf.txt")
    outline = [line for line in page.split("\n") if "【提纲】一、存在的主要问题。" in line]
    assert len(outline) == 1
    assert outline[0].startswith('<span id="提纲"></span>【提纲】')
    assert outline[0].endswith("（五）压实党建责任，推动全面从严。")
    # The title comes first on the page, the record says it was moved there.
    assert page.index("\n# 市教育局党组书记") < page.index("【提纲】一、")
    assert record_of("000_ee8c9e6e73e8fbdf.txt")["moved"][0]["line"] == 2


def test_lines_broken_mid_sentence_are_joined():
    page = page_of("000_ee8c9e6e73e8fbdf.txt")
    for joined in ("结合教育“十四五”规划收官", "现将对照检查情况报告如下。",
                   "深入农村学校、薄弱学校调研不够经常", "调研多以听汇报、看材料为主",
                   "对基层学校党建工作的指导不够深入"):
        assert joined in page, joined
    record = record_of("000_ee8c9e6e73e8fbdf.txt")
    assert [e["line"] for e in record["lines"] if e["action"] == "joined"] == [4, 8, 10, 11, 15, 24]


# ------------------------------------------------------------------ heuristics without hints

@pytest.mark.parametrize("name", [n for n in SOURCES if not SEEDS[n].get("gaps")])
def test_heuristics_alone_curate_ordinary_seeds_the_same_way(name):
    hinted = curate(raw_text(name), name, dict(SEEDS[name]))
    bare = curate(raw_text(name), name, {"doctype": SEEDS[name]["doctype"]})
    assert page_blocks(bare.markdown) == page_blocks(hinted.markdown)
    assert [e["action"] for e in bare.record["lines"]] == \
        [e["action"] for e in hinted.record["lines"]]


def test_without_its_gap_hint_000_would_be_joined_across_the_truncation():
    name = "000_ee8c9e6e73e8fbdf.txt"
    meta = {k: v for k, v in SEEDS[name].items() if k != "gaps"}
    page = curate(raw_text(name), name, meta).markdown
    assert "利用轻党性" in page  # why seeds.yaml must declare the gap


GENERIC = (
    "关于某某工作的情况报告\r\n"
    "关于某某工作的情况报告\r\n"
    "\r\n"
    "　　根据上级要求,现将有关情况\r\n"
    "报告如下:\r\n"
    "一、基本情况\r\n"
    "(一)抓学习。 全年组织学习12次,覆盖率达98.5%;*重点*在于<落实>。\r\n"
    "1. 细化任务\r\n"
    "# 不是标题的井号开头\r\n"
    "点赞3 分享\r\n"
)


def test_ordinary_input_without_hints_is_curated_and_rebuildable():
    result = curate(GENERIC, "generic.txt", {"doctype": "progress-report"})
    page = result.markdown
    assert "\n# 关于某某工作的情况报告\n" in page
    assert "根据上级要求，现将有关情况报告如下：" in page
    assert "\n## 一、基本情况\n" in page
    assert '<span id="一抓学习"></span>**（一）抓学习。**全年组织学习12次，覆盖率达98.5%；' in page
    assert "\\*重点\\*在于&lt;落实&gt;" in page or "\\*重点\\*在于&lt;落实>" in page
    assert "\n**1\\. 细化任务**\n" in page and "\n\\# 不是标题的井号开头\n" in page
    assert "点赞3" not in page
    reasons = [e["reason"] for e in result.record["lines"] if e["action"] == "removed"]
    assert reasons == ["重复标题", "网页点赞/分享按钮"]
    assert rebuild_source(page, result.record) == GENERIC


def test_a_body_sentence_about_copyright_is_not_junk():
    raw = ("关于版权工作的报告\n"
           "一是加强版权保护，对侵犯版权所有人合法权益的行为依法查处，做好版权声明登记工作。\n"
           "© 版权声明\n")
    result = curate(raw, "c.txt", {"doctype": "summary"})
    removed = [e["line"] for e in result.record["lines"] if e["action"] == "removed"]
    assert removed == [3]


def test_a_title_missing_from_the_text_comes_from_meta_and_the_record_says_so():
    raw = "根据要求,现将情况汇报如下:\n一、基本情况\n我们做了很多工作。\n"
    result = curate(raw, "t.txt", {"doctype": "progress-report", "title": "某某情况汇报"})
    assert "\n# 某某情况汇报\n" in result.markdown
    assert result.record["title_from_meta"] is True
    assert rebuild_source(result.markdown, result.record) == raw


def test_missing_doctype_is_explained():
    with pytest.raises(CurationError, match="doctype"):
        curate("标题\n正文。\n", "x.txt", {})


def test_the_curation_library_does_not_import_mkdocs():
    code = ("import sys, gongwen.corpus.curate, gongwen.corpus.punctuation; "
            "print([m for m in sys.modules if m.split('.')[0] == 'mkdocs'])")
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# ------------------------------------------------------------------ punctuation

@pytest.mark.parametrize("before, after", [
    ("我们,他们", "我们，他们"),
    ("(一)坚持规范提升", "（一）坚持规范提升"),
    ("党委(党组)理论中心组", "党委（党组）理论中心组"),
    ("主要任务是:以习近平", "主要任务是：以习近平"),
    ("不到位;有的党组", "不到位；有的党组"),
    ("崇高的敬意!", "崇高的敬意！"),
    ("是什么?在", "是什么？在"),
    ('落实"双带头人"培育', "落实“双带头人”培育"),
    ('参加"开学第一课""我是接班人"等', "参加“开学第一课”“我是接班人”等"),
    ("2024年以来,共发展", "2024年以来，共发展"),
    ("增长15%以上,建立", "增长15%以上，建立"),
    ("方案(X个总方案)", "方案（X个总方案）"),
])
def test_restore_fires_in_chinese_context(before, after):
    restored, changes = restore(before)
    assert restored == after
    assert undo(restored, changes) == before


@pytest.mark.parametrize("text", [
    "2024年", "12.5%", "1.5亿元", "X+X", "XX大学", "1-2项", "2.0行动计划", "3月1日",
    "1,000元", "12:30开会", "http://example.com", "see (2024) in English, ok",
    "1.深化理论武装", "X.X万人",
])
def test_restore_leaves_numbers_latin_and_placeholders_alone(text):
    assert restore(text) == (text, [])


def test_undo_refuses_a_record_that_does_not_match():
    restored, changes = restore("我们,他们")
    with pytest.raises(ValueError, match="记录与文本不符"):
        undo(restored.replace("，", "、"), changes)
