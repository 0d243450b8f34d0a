"""The evaluation set (tests/eval/) is well-formed and scripts/eval_checker.py runs on it.

No accuracy target is asserted here: the figures are measured, not required, until the
checker is fixed (issue 10). These tests fail when the set or the script is broken.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_forms import FORMS, encoded, forms
from eval_inject import KINDS, inject
from eval_set import SET_DIR, SetError, load_set

SCRIPT = ROOT / "scripts" / "eval_checker.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def test_every_record_is_valid_and_ids_are_unique():
    docs = load_set("all")
    assert len({d.id for d in docs}) == len(docs)
    assert sum(d.set == "real" for d in docs) >= 37
    for doc in docs:
        assert doc.record["source"] and doc.record["licence"] and doc.record["retrieved"]
        lines = doc.lines
        for h in doc.outline:
            # The ordinal as written is on the heading's own line.
            assert h.label in lines[h.line - 1], (doc.id, h)


def test_real_set_has_reports_replies_and_short_texts():
    """The kinds the set was short of: work reports, 情况报告-like texts, short replies."""
    real = load_set("real")
    assert sum("政府工作报告" in d.record["title"] for d in real) >= 7
    assert sum("报告" in d.record["title"] and "政府工作报告" not in d.record["title"]
               for d in real) >= 2
    short = [d for d in real if len(d.lines) <= 30]
    assert len(short) >= 4
    assert any(not d.outline for d in short), "a short text without headings tests false headings"
    fuhan = next(d for d in real if d.id == "gov-2004-gbh80-badong-fuhan")
    # Numbers in a 附件说明 are not headings (tests/eval/README.md).
    assert all(h.line > 7 for h in fuhan.outline)


def test_real_documents_say_where_they_come_from():
    for doc in load_set("real"):
        assert doc.record["source"].startswith("http"), doc.id
        assert "著作权法第五条" in doc.record["licence"], doc.id


def _copy_two(tmp_path: Path) -> Path:
    root = tmp_path / "eval"
    for name in ("real", "practice"):
        (root / name).mkdir(parents=True)
    for doc in load_set("real")[:2]:
        for suffix in (".txt", ".yaml"):
            shutil.copy(doc.path.with_suffix(suffix), root / "real")
    return root


def test_script_scores_a_small_set(tmp_path):
    root = _copy_two(tmp_path)
    proc = run("--json", "--set", "real", "--root", str(root))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    real = out["summary"]["real"]
    assert real["documents"] == 2 and real["headings"] > 0
    for key in ("outline_precision", "outline_recall", "outline_f1", "label_level_f1"):
        assert 0.0 <= real[key] <= 1.0
    assert set(out["injected"]) == set(KINDS)
    assert sum(v["total"] for v in out["injected"].values()) > 0
    table = run("--set", "real", "--root", str(root), "--verbose")
    assert table.returncode == 0 and "提纲准确率" in table.stdout and "注入缺陷检出" in table.stdout


def test_malformed_set_is_an_input_error(tmp_path):
    root = _copy_two(tmp_path)
    record = next((root / "real").glob("*.yaml"))
    text = record.read_text(encoding="utf-8").replace("line: ", "line: 9", 1)
    record.write_text(text, encoding="utf-8")
    proc = run("--root", str(root))
    assert proc.returncode == 2
    assert "评测集记录有误" in proc.stderr and "Traceback" not in proc.stderr
    with pytest.raises(SetError):
        load_set("real", root)


def test_each_injected_variant_changes_the_document_where_it_says():
    doc = next(d for d in load_set("real") if d.id == "gov-2019-gf3-zongbao")
    variants = inject(doc)
    assert {"gap", "repeat", "disorder", "level-skip", "ordinal-punctuation", "web-junk"} \
        <= {v.kind for v in variants}
    for v in variants:
        assert v.text != doc.text, v.kind
        if v.line is not None and v.kind != "web-junk":
            assert v.text.split("\n")[v.line - 1] != doc.lines[v.line - 1], v.kind


def test_set_dir_is_the_repository_copy():
    assert SET_DIR == ROOT / "tests" / "eval"


def test_practice_drafts_cover_the_issue_list():
    practice = load_set("practice")
    assert len(practice) >= 25
    covered = {c for d in practice for c in d.record.get("covers", [])}
    for behaviour in ("parts-by-meaning", "topical-summary", "plan-not-zhenggai",
                      "zhici-not-speech",
                      "inline-ordinals", "hard-wrapped-headings", "contents-list",
                      "standalone-yishi", "salutation-after-dateline", "transition-forms",
                      "speech-closing-without-headings", "reported-requirements",
                      "from-five-aspects", "continuous-numbering", "yuedu-yuanwen",
                      "fanwen-boilerplate", "content-review-1.3"):
        assert behaviour in covered, behaviour
    assert any(not d.clean for d in practice), "the set needs documents with true defects"


# --- realistic forms of the real documents (scripts/eval_forms.py) ----------------------

def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_carries_the_ground_truth_to_the_new_lines(form):
    for doc in load_set("real"):
        (variant,) = forms(doc, (form,))
        lines = variant.text.split("\n")
        assert variant.set == form and len(variant.outline) == len(doc.outline)
        assert [h.line for h in variant.outline] == sorted(h.line for h in variant.outline)
        for old, new in zip(doc.outline, variant.outline):
            assert (new.level, new.label, new.title) == (old.level, old.label, old.title)
            # The ordinal is on its line; a wrapped title continues on the next one.
            assert new.label in lines[new.line - 1], (variant.id, new)
            window = _squash("".join(lines[new.line - 1:new.line + 1]))
            assert _squash(new.label + new.title[:8]) in window, (variant.id, new)
        for part in variant.record["parts"]:
            assert part["line"] in {h.line for h in variant.outline}
        for ann in variant.record["announcements"]:
            assert ann["text"] in lines[ann["line"] - 1]


def test_forms_look_like_what_writers_paste():
    doc = next(d for d in load_set("real") if d.id == "gov-2019-gf3-zongbao")
    wrapped, runin, pasted, spaced, pdf = forms(doc)
    widths = [len(line) for line in wrapped.text.split("\n") if line]
    assert max(widths) <= wrapped.record["width"] + 3 and len(widths) > 2 * len(doc.lines)
    assert "（一）坚持深化改革，简政放权。进一步" in runin.text
    assert len(pasted.text.strip().split("\n")) <= 2 + 5
    assert "现提出以下意见：一、指导思想。以习近平" in pasted.text
    data = encoded(spaced, spaced.text)
    assert b"\r\n\r\n\xe3\x80\x80\xe3\x80\x80" in data  # blank line, then 　　 indentation
    text = pdf.text
    assert "附件：1．重点任务分工表" in text and "目\u3000\u3000录" in text
    assert pdf.record["header"] in text and pdf.record["page_mark"].format(n=2) in text


def test_script_scores_the_forms(tmp_path):
    root = _copy_two(tmp_path)
    proc = run("--json", "--set", "forms", "--root", str(root))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out["summary"]) == {*FORMS, "forms"}
    for form, summary in out["summary"].items():  # five forms and their total
        assert summary["documents"] == (10 if form == "forms" else 2), form
        assert summary["headings"] > 0, form
    assert all("@" in d["id"] for d in out["documents"])


def test_a_heading_alike_an_earlier_one_on_its_line_is_the_one_edited():
    # A pasted line: （一）加强领导 under 一、 and again under 二、. (Both runs share the
    # line, so they count as one run: its 2nd and 3rd items are swapped.) The edit must
    # hit the second 加强领导, not the first look-alike on the line.
    from eval_set import EvalDoc, TruthHeading
    line = ("一、总体要求（一）加强领导。（二）明确责任。"
            "二、保障措施（一）加强领导。（二）抓好落实。（三）严格考核。")
    outline = [TruthHeading(2, 1, "一、", "总体要求"), TruthHeading(2, 2, "（一）", "加强领导"),
               TruthHeading(2, 2, "（二）", "明确责任"), TruthHeading(2, 1, "二、", "保障措施"),
               TruthHeading(2, 2, "（一）", "加强领导"), TruthHeading(2, 2, "（二）", "抓好落实"),
               TruthHeading(2, 2, "（三）", "严格考核")]
    doc = EvalDoc("t", "real", Path("t.txt"), "标题\n" + line + "\n", None, True, outline, [])
    for variant in inject(doc):
        assert variant.text != doc.text, variant.kind
    disorder = next(v for v in inject(doc) if v.kind == "disorder")
    assert disorder.text.split("\n")[1] == ("一、总体要求（一）加强领导。（一）明确责任。"
                                             "二、保障措施（二）加强领导。（二）抓好落实。（三）严格考核。")


def test_a_second_finding_of_a_rule_on_a_pasted_line_is_a_new_one():
    # A pasted line holds many headings: the clean text already has a GW111 on it, the
    # variant has two. The second is the injected defect's; the same one again is not.
    from eval_checker import Said, injected_found
    from eval_inject import Variant
    variant = Variant("t", "level-skip", "", 3, ("numbering", "hierarchy"), None, "")
    clean = [Said("GW111", "warning", "hierarchy", 3, "层次不当：“（一）”等2个二级标题…")]
    same = [Said("GW111", "warning", "hierarchy", 3, "层次不当：“（一）”等1个二级标题…")]
    assert not injected_found(variant, same, clean)
    more = [*same, Said("GW111", "warning", "hierarchy", 3, "层次不当：“1.”等1个三级标题…")]
    assert injected_found(variant, more, clean)
    elsewhere = Said("GW111", "warning", "hierarchy", 4, "层次不当：…")
    assert not injected_found(variant, [elsewhere, *same], clean)
    whole = Variant("t", "deleted-part", "", None, ("missing-section",), None, "")
    gone = Said("GW201", "error", "missing-section", None, "缺少必备部分：存在问题")
    assert injected_found(whole, [gone], clean) and not injected_found(whole, [gone], [gone])
