"""The reliability review's build, check and curation cases (A15, C03–C14, D02–D15), re-run.

../shared/reviews/reliability.md lists every ✗ with the commands that showed it; each is a
test here: hostile text in the check panel and the lists is text (and runs no script in
Debian's chromium), ordinary mistakes end in one message naming the file, never a traceback,
and scripts/verify_build.py fails a build that `mkdocs build --strict -q` lets through.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from gongwen.site.render import render
from jinja2 import Environment, FileSystemLoader
from test_reliability_ingest import repo  # noqa: F401 - a fixture: a copy of the site

SCRIPTS = ROOT / "scripts"
XSS = "<img src=x onerror=alert(1)>"
# C07's heading: an unclosed tag, which Markdown shows as text but the panel printed raw.
XSS_HEADING = '一、<img src=x onerror=alert("panel")// 主要工作和成效'
SUMMARY_001 = "docs/summary/exemplars/001_2b297bc324b49a8c.md"
SPEECH_003 = "docs/speech/exemplars/003_c6156c13d5fa43a4.md"


def run(script: str, *args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPTS / script), *args], capture_output=True,
                          text=True, check=False, **options)


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def bomb_front_matter() -> str:
    lines = ["---", "title: 2024年工作总结", "kind: exemplar",
             "a0: &a0 [" + ",".join(['"lol"'] * 10) + "]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    lines += ["doctype: *a8", "---", "", "# 2024年工作总结", "", "一、主要工作", ""]
    return "\n".join(lines) + "\n"


def panel_of(page_html: str) -> str:
    m = re.search(r'<details class="gw-check.*?</details>', page_html, re.DOTALL)
    assert m, "no panel"
    return m.group(0)


# ---------------------------------------------------------------- A15/C14: YAML alias bomb


def test_alias_bomb_in_front_matter_is_refused_fast_by_check_py(tmp_path):
    page = tmp_path / "yamlbomb.md"
    page.write_text(bomb_front_matter(), encoding="utf-8")
    assert len(page.read_bytes()) < 600
    start = time.perf_counter()
    proc = run("check.py", str(page))
    assert time.perf_counter() - start < 20  # it took 40 s and 2.9 GB
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "YAML 别名" in proc.stderr and "yamlbomb.md:1" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_oversized_front_matter_is_refused(tmp_path):
    page = tmp_path / "big.md"
    page.write_text("---\ntitle: x\nnote: " + "很长" * 40000 + "\n---\n\n# x\n", encoding="utf-8")
    proc = run("check.py", str(page))
    assert proc.returncode == 2 and "front matter 过大" in proc.stderr


def test_a_few_aliases_are_still_read(tmp_path):
    page = tmp_path / "ok.md"
    page.write_text("---\ntitle: 2024年工作总结\nbase: &b summary\ndoctype: *b\n---\n\n"
                    "# 2024年工作总结\n", encoding="utf-8")
    proc = run("check.py", str(page))
    assert proc.returncode in (0, 1) and "别名" not in proc.stdout + proc.stderr
    assert "工作总结" in proc.stdout


# ---------------------------------------------------------------- C07, C07b, C13: escaping


@pytest.fixture
def hostile_site(repo, tmp_path):  # noqa: F811 - repo is the imported fixture
    """The real site with hostile text where the review put it, built strictly."""
    edit(repo, "docs/summary/template.md", "## 一、主要工作和成效", "## " + XSS_HEADING)
    edit(repo, SPEECH_003, "kind: exemplar\n",
         f'kind: exemplar\nacknowledge:\n  - {{rule: GW111, reason: "{XSS}"}}\n')
    edit(repo, SUMMARY_001, "\ntitle: ", "\ntitle: 2024\nold_title: ")  # C13: a number
    edit(repo, SUMMARY_001, "\nunit: ", f'\nunit: "{XSS}"\nold_unit: ')
    edit(repo, SUMMARY_001, "\noccasion: ", f'\noccasion: "{XSS}"\nold_occasion: ')
    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    return build.site


def test_panel_lists_overview_and_downloads_show_hostile_text_as_text(hostile_site):
    template = (hostile_site / "summary" / "template" / "index.html").read_text("utf-8")
    panel = panel_of(template)
    assert '一、&lt;img src=x onerror=alert(&#34;panel&#34;)// 主要工作和成效' in panel
    assert "<img" not in panel
    speech = (hostile_site / "speech" / "exemplars" / "003_c6156c13d5fa43a4" / "index.html")
    panel = panel_of(speech.read_text("utf-8"))
    assert "已确认</strong>：&lt;img src=x onerror=alert(1)&gt;" in panel and "<img" not in panel
    for listing in (hostile_site / "summary" / "index.html", hostile_site / "check" / "index.html"):
        text = listing.read_text("utf-8")
        assert "<img src=x" not in text, listing
    assert "&lt;img src=x onerror=alert(1)&gt;" in (hostile_site / "summary" / "index.html"
                                                      ).read_text("utf-8")
    exemplar = (hostile_site / "summary" / "exemplars" / "001_2b297bc324b49a8c" / "index.html"
                ).read_text("utf-8")
    assert "<title>2024 - " in exemplar  # C13: a numeric title is text, not a TypeError
    assert re.search(r'download="[^"<>]*\.docx"', exemplar)


def test_hostile_text_runs_no_script_in_chromium(hostile_site):
    from test_browser import launch_chromium, new_context, serve

    pages = ["summary/template/", "speech/exemplars/003_c6156c13d5fa43a4/", "summary/",
             "check/"]
    with serve(hostile_site) as url, launch_chromium() as browser:
        context = new_context(browser)
        dialogs: list[str] = []
        for path in pages:
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(url + path, wait_until="load")
            page.eval_on_selector_all("details.gw-check", "els => els.forEach(d => d.open = true)")
            page.wait_for_timeout(300)
            page.close()
        context.close()
    assert dialogs == []
    assert context.guard.offsite == []


PARTIALS = ROOT / "overrides"
HOSTILE_CHECK = {
    "status": "fail", "status_label": XSS, "doctype_label": XSS,
    "labels": {"error": XSS, "warning": "警告", "info": "提示"},
    "counts": {"error": 1, "warning": 0, "info": 0, "acknowledged": 1},
    "findings": [{"severity": "error", "severity_label": XSS, "rule": "GW103", "title": XSS,
                  "rule_url": "x\" onmouseover=\"alert(1)", "message": XSS, "line": 3,
                  "anchor": "a\"><img src=x>", "guide_url": None, "acknowledged": XSS}],
    "info_groups": [],
    "outline": [{"level": 1, "label": "一、", "title": XSS, "anchor": "x"}],
}


@pytest.mark.parametrize("partial,context", [
    ("partials/gongwen-check.html", {"gongwen_check": HOSTILE_CHECK}),
    ("partials/gongwen-draftlink.html", {"gongwen_draft_link": {"label": XSS, "url": XSS}}),
    ("partials/gongwen-downloads.html", {"gongwen_downloads": {
        "docx": XSS, "docx_name": XSS, "docx_size": XSS, "txt": XSS, "txt_name": XSS,
        "txt_size": XSS}, "page": None}),
])
def test_theme_partials_escape_every_value(partial, context):
    # MkDocs renders themes with autoescape off: the partial itself must escape.
    env = Environment(loader=FileSystemLoader(PARTIALS), autoescape=False)
    html = env.get_template(partial).render(**context)
    assert "<img" not in html and 'onmouseover="' not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("template,context", [
    ("exemplars.html", {"headers": [XSS], "status_labels": {}, "rows": [
        {"url": XSS, "title": XSS, "unit": XSS, "year": XSS, "occasion": XSS, "status": XSS}]}),
    ("overview.html", {"headers": [XSS], "status_labels": {}, "rows": [
        {"url": XSS, "title": XSS, "doctype_label": XSS, "status": XSS, "errors": XSS,
         "acknowledged": XSS, "warnings": 0, "infos": 0}]}),
    ("pager.html", {"label": XSS, "total": XSS, "noun": XSS, "count": 2, "items": [
        {"kind": "page", "href": XSS, "number": XSS}]}),
])
def test_site_templates_escape_every_value(template, context):
    try:
        html = render(template, **context)
    except Exception as exc:  # noqa: BLE001 - a changed template's variables: say which
        pytest.fail(f"{template}: {exc!r}")
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# ---------------------------------------------------------------- C03, C04, C09: build errors


@pytest.mark.parametrize("change", [
    ("label: 工作总结", "label: [工作总结"),  # a YAML syntax error
    ("label: 工作总结", "labell: 工作总结"),  # an unknown key
])
def test_schema_mistake_fails_the_build_with_one_message(repo, tmp_path, change):  # noqa: F811
    schema = "hooks/gongwen/check/schemas/summary.yaml"
    edit(repo, schema, *change)
    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    log = build.log
    assert build.returncode == 1, log
    assert "文种定义有误" in log and "summary.yaml" in log and "Traceback" not in log


def test_ack_of_a_rule_that_does_not_exist_fails_the_strict_build(repo, tmp_path):  # noqa: F811
    edit(repo, SUMMARY_001, "kind: exemplar\n",
         "kind: exemplar\nacknowledge:\n  - {rule: GW999, reason: x}\n")
    edit(repo, "docs/speech/index.md", "\n\n", "\n\n<!-- gongwen: ack GW777 写错了 -->\n\n")
    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 1
    assert "“GW999” 不存在" in build.log and "“GW777” 不存在" in build.log
    assert "GW902" in build.log


def test_alias_bomb_page_fails_the_build_fast(repo, tmp_path):  # noqa: F811
    (repo / "docs" / "summary" / "bomb.md").write_text(bomb_front_matter(), encoding="utf-8")
    start = time.perf_counter()
    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert time.perf_counter() - start < 120
    assert build.returncode == 1 and "YAML 别名" in build.log and "MemoryError" not in build.log


def test_page_that_is_not_utf8_names_file_and_line(repo, tmp_path):  # noqa: F811
    (repo / "docs" / "summary" / "exemplars" / "badenc.md").write_bytes(
        "---\ntitle: x\n---\n\n# 2024年工作总结\n".encode() + b"\xff\xfe bad\n")
    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 1
    assert "summary/exemplars/badenc.md:6：此页不是 UTF-8 编码" in build.log
    assert "Traceback" not in build.log and "checker crashed" not in build.log


# ---------------------------------------------------------------- C08: strict bypass (upstream)


def test_verify_build_fails_what_strict_q_lets_through(repo, tmp_path):  # noqa: F811
    edit(repo, SUMMARY_001, "## 一、", "## 三、")
    quiet = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site", "-q")
    # Upstream mkdocs#4126: `--strict -q` may exit 0 here; verify_build.py must not.
    proc = run("verify_build.py", "--no-build", str(tmp_path / "site"), "--root", str(repo))
    assert proc.returncode == 1, (quiet.returncode, proc.stdout + proc.stderr)
    assert "summary/exemplars/001_2b297bc324b49a8c.md：有未确认的结构错误" in proc.stderr
    full = run("verify_build.py", "-d", str(tmp_path / "site2"), "--root", str(repo))
    assert full.returncode == 1 and "构建未通过核对" in full.stderr


def test_verify_build_refuses_q_and_v(tmp_path):
    for flag in ("-q", "-v", "--quiet"):
        proc = run("verify_build.py", flag)
        assert proc.returncode == 2 and "-q 会隐藏警告" in proc.stderr


def test_verify_build_passes_the_real_site(built_site):
    proc = run("verify_build.py", "--no-build", str(built_site.site))
    assert proc.returncode == 0, proc.stderr


def test_verify_build_counts_warnings_in_the_log(repo, tmp_path):  # noqa: F811
    edit(repo, "docs/summary/index.md", "\n\n", "\n\n[x](#nope)\n\n")
    proc = run("verify_build.py", "-d", str(tmp_path / "site"), "--root", str(repo))
    assert proc.returncode == 1 and "构建日志：" in proc.stderr and "nope" in proc.stderr


# ---------------------------------------------------------------- D: curate.py on bad input


def _flip_byte(root: Path, rel: str) -> None:
    path = root / rel
    data = bytearray(path.read_bytes())
    index = data.index("。".encode())  # a CJK character: flipping a bit breaks its UTF-8
    data[index + 1] ^= 0x40
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("case,message", [
    ("raw-not-utf8", "corpus/raw/001_2b297bc324b49a8c.txt:"),
    ("notes-not-utf8", "corpus/notes/"),
    ("seeds-syntax", "corpus/seeds.yaml:"),
    ("seeds-not-utf8", "corpus/seeds.yaml:"),
    ("after-line-abc", "after_line 应为整数"),
    ("junk-without-line", "junk 的每一项"),
    ("duplicate-key", "重复"),
])
def test_curate_check_bad_input_exit_2_one_message(repo, case, message):  # noqa: F811
    seeds = repo / "corpus" / "seeds.yaml"
    if case == "raw-not-utf8":
        _flip_byte(repo, "corpus/raw/001_2b297bc324b49a8c.txt")
    elif case == "notes-not-utf8":
        _flip_byte(repo, next(p.relative_to(repo).as_posix()
                              for p in sorted((repo / "corpus" / "notes").glob("*.md"))))
    elif case == "seeds-syntax":
        seeds.write_text(seeds.read_text(encoding="utf-8") + "x: [\n", encoding="utf-8")
    elif case == "seeds-not-utf8":
        seeds.write_bytes(seeds.read_bytes() + b"# \xff\n")
    elif case == "after-line-abc":
        edit(repo, "corpus/seeds.yaml", "003_c6156c13d5fa43a4.txt:\n",
             "003_c6156c13d5fa43a4.txt:\n  gaps: [{after_line: abc, note: 缺}]\n")
    elif case == "junk-without-line":
        edit(repo, "corpus/seeds.yaml", "- {line: 2, reason: 重复标题}", "- {reason: 重复标题}")
    else:
        seeds.write_text(seeds.read_text(encoding="utf-8")
                         + "\n001_2b297bc324b49a8c.txt:\n  doctype: plan\n", encoding="utf-8")
    proc = run("curate.py", "--check", "--root", str(repo))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("错误：") and message in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    if case == "duplicate-key":
        build = mkdocs_build(repo / "mkdocs.yml", repo.parent / "site")
        assert build.returncode == 1 and "重复" in build.log


def test_report_json_is_written_for_every_build(built_site):
    report = json.loads((built_site.site / "gongwen-report.json").read_text("utf-8"))
    assert report["summary"]["unacknowledged_errors"] == 0
