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

from eval_inject import KINDS, inject
from eval_set import SET_DIR, SetError, load_set

SCRIPT = ROOT / "scripts" / "eval_checker.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def test_every_record_is_valid_and_ids_are_unique():
    docs = load_set("all")
    assert len({d.id for d in docs}) == len(docs)
    assert sum(d.set == "real" for d in docs) >= 10
    for doc in docs:
        assert doc.record["source"] and doc.record["licence"] and doc.record["retrieved"]
        lines = doc.lines
        for h in doc.outline:
            # The ordinal as written is on the heading's own line.
            assert h.label in lines[h.line - 1], (doc.id, h)


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
