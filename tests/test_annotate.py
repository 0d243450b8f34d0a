"""scripts/check.py on Word drafts: checking a .docx, and --annotate (findings as 批注).

The round trip: the comments read back with python-docx sit on the right paragraphs,
and every paragraph's text and runs (text and formatting) are as they were.
"""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

CHECK = ROOT / "scripts" / "check.py"
TITLE = "某某局2025年工作总结"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), *args], capture_output=True, text=True,
                          check=False, cwd=cwd)


def make_draft(path: Path) -> None:
    """A 工作总结 with a numbering gap (line 5), formatted runs, a table and a line break."""
    document = Document()
    document.add_paragraph().add_run(TITLE).bold = True
    document.add_paragraph("现将有关情况总结如下。")
    p = document.add_paragraph()
    p.add_run("一、").bold = True
    p.add_run("主要工作和成效").font.size = Pt(16)
    document.add_paragraph("（一）抓学习")
    document.add_paragraph("（三）抓落实")
    grid = document.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = "项目"
    grid.cell(0, 1).text = "完成"
    q = document.add_paragraph("二、下一步打算")
    q.add_run().add_break()
    q.add_run("继续努力。")
    document.save(path)


def snapshot(document) -> list[tuple[str, list[tuple]]]:
    """Every body paragraph's text and its runs (text, bold, size, font), comment runs aside."""
    out = []
    for p in document.paragraphs:
        runs = [(r.text, r.bold, r.font.size, r.font.name, r.style.name) for r in p.runs
                if r._r.find(qn("w:commentReference")) is None]
        out.append((p.text, runs))
    for table in document.tables:
        for row in table.rows:
            out.append(("|".join(cell.text for cell in row.cells), []))
    return out


def comments_by_paragraph(document) -> dict[str, list[str]]:
    """Paragraph text → the comments whose range starts in it."""
    texts = {c.comment_id: c.text for c in document.comments}
    out: dict[str, list[str]] = {}
    for p in document.paragraphs:
        for start in p._p.iter(qn("w:commentRangeStart")):
            out.setdefault(p.text, []).append(texts[int(start.get(qn("w:id")))])
    return out


def test_check_reads_a_docx_draft(tmp_path):
    draft = tmp_path / "稿件.docx"
    make_draft(draft)
    proc = run(str(draft))
    assert proc.returncode == 1, proc.stderr
    # Line 5 is the fifth paragraph: lines are paragraphs, as on the 检查我的稿件 page.
    assert f"{draft}:5: [错误] 序号跳号：应为“（二）”，实为“（三）” (GW103 序号跳号)" in \
        proc.stdout


def test_annotate_round_trip(tmp_path):
    draft = tmp_path / "稿件.docx"
    make_draft(draft)
    before = draft.read_bytes()
    out = tmp_path / "带批注.docx"
    proc = run("--annotate", str(out), str(draft))
    assert proc.returncode == 1, proc.stderr  # the draft has errors: exit status as usual
    assert "已写入带批注的副本" in proc.stderr
    assert draft.read_bytes() == before  # the draft is never touched
    original = Document(str(draft))
    annotated = Document(str(out))
    assert snapshot(annotated) == snapshot(original)
    comments = comments_by_paragraph(annotated)
    assert "[错误] 序号跳号：应为“（二）”，实为“（三）”（GW103）" in comments["（三）抓落实"]
    missing = [c for cs in comments.values() for c in cs if "GW201" in c]
    assert missing and "存在问题" in missing[0]
    assert all(c.author == "公文结构检查" for c in annotated.comments)
    json_proc = run("--json", str(draft))
    assert len(list(annotated.comments)) == json_proc.stdout.count('"rule":')


def test_annotate_never_overwrites_without_force(tmp_path):
    draft = tmp_path / "稿件.docx"
    make_draft(draft)
    out = tmp_path / "带批注.docx"
    out.write_bytes(b"keep me")
    proc = run("--annotate", str(out), str(draft))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"check.py: 错误：输出文件已存在：{out}；如需覆盖，请加 --force。"
    assert out.read_bytes() == b"keep me"
    proc = run("--annotate", str(out), "--force", str(draft))
    assert proc.returncode == 1, proc.stderr
    assert Document(str(out)).comments


def test_annotate_never_writes_the_draft_itself(tmp_path):
    draft = tmp_path / "稿件.docx"
    make_draft(draft)
    before = draft.read_bytes()
    proc = run("--annotate", str(draft), "--force", str(draft))
    assert proc.returncode == 2
    assert "输出文件不能是原稿本身" in proc.stderr
    assert draft.read_bytes() == before


@pytest.mark.parametrize(("args", "message"), [
    (["--annotate", "out.docx", "a.txt"], "--annotate 需要且只需要一个 .docx 文件"),
    (["--annotate", "out.txt", "稿件.docx"], "--annotate 的输出应为 .docx 文件"),
])
def test_annotate_usage_errors(tmp_path, args, message):
    make_draft(tmp_path / "稿件.docx")
    (tmp_path / "a.txt").write_text("一、甲\n", encoding="utf-8")
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out.docx").exists() and not (tmp_path / "out.txt").exists()


def test_broken_docx_is_an_input_error(tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    proc = run(str(bad))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"check.py: 错误：{bad}：不是有效的 Word 文档")
    assert "Traceback" not in proc.stderr


def test_annotated_copy_opens_in_python_docx_from_bytes(tmp_path):
    # The comments part is really in the package (not only in memory).
    draft = tmp_path / "稿件.docx"
    make_draft(draft)
    out = tmp_path / "o.docx"
    run("--annotate", str(out), str(draft))
    document = Document(io.BytesIO(out.read_bytes()))
    assert len(list(document.comments)) >= 2
