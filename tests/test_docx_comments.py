"""下载带批注的 Word: the standard-library comment writer the page runs under Pyodide.

The result must read back in python-docx with each comment on its paragraph, keep the
draft's XML byte for byte apart from the comment marks, and open in LibreOffice with
the comments shown.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from gongwen.check.schema import load_schemas
from gongwen.export.docx_comments import add_comments, annotated_draft, paragraphs
from gongwen.text.docxtext import read_docx
from test_annotate import comments_by_paragraph, make_draft, snapshot

RE_MARKS = re.compile(r'<w:commentRangeStart w:id="\d+"/>|<w:commentRangeEnd w:id="\d+"/>'
                      r'<w:r><w:commentReference w:id="\d+"/></w:r>')


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "稿件.docx"
    make_draft(path)
    return path


def body_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_comments_sit_on_their_paragraphs_and_the_text_is_unchanged(draft):
    out = annotated_draft(draft.read_bytes(), draft.name, None, load_schemas())
    annotated = Document(io.BytesIO(out))
    assert snapshot(annotated) == snapshot(Document(str(draft)))
    comments = comments_by_paragraph(annotated)
    assert comments["（三）抓落实"] == ["[错误] 序号跳号：应为“（二）”，实为“（三）”（GW103）"]
    # GW201 (a part missing) concerns the whole draft: on the first paragraph, the title.
    assert any("GW201" in c for c in comments["某某局2025年工作总结"])
    assert {c.author for c in annotated.comments} == {"公文结构检查"}


def test_only_comment_marks_are_added_to_the_body_xml(draft):
    original = draft.read_bytes()
    out = add_comments(original, [(5, "甲"), (3, "乙"), (5, "丙")])
    assert RE_MARKS.sub("", body_xml(out)) == body_xml(original)
    # Every other part of the package is byte for byte the same.
    with zipfile.ZipFile(io.BytesIO(original)) as a, zipfile.ZipFile(io.BytesIO(out)) as b:
        for name in a.namelist():
            if name not in ("word/document.xml", "word/_rels/document.xml.rels",
                            "[Content_Types].xml"):
                assert a.read(name) == b.read(name), name
        assert b.namelist()[: len(a.namelist())] == a.namelist()


def test_a_table_row_line_gets_its_comment_in_the_table(draft):
    lines = read_docx(draft.read_bytes()).lines
    row = lines.index("项目\u3000完成") + 1
    annotated = Document(io.BytesIO(add_comments(draft.read_bytes(), [(row, "表格这一行")])))
    cell = annotated.tables[0].rows[0].cells[0].paragraphs[0]
    assert cell._p.find(".//{*}commentRangeStart") is not None
    assert [c.text for c in annotated.comments] == ["表格这一行"]


def test_an_empty_paragraph_passes_its_comment_to_the_next_one_with_text(tmp_path):
    document = Document()
    document.add_paragraph("标题")
    document.add_paragraph("")
    document.add_paragraph("一、正文")
    buffer = io.BytesIO()
    document.save(buffer)
    annotated = Document(io.BytesIO(add_comments(buffer.getvalue(), [(2, "空行之后")])))
    assert comments_by_paragraph(annotated) == {"一、正文": ["空行之后"]}


def test_comments_added_to_a_document_that_has_some_keep_unique_ids(draft):
    once = add_comments(draft.read_bytes(), [(1, "第一次")])
    twice = add_comments(once, [(5, "第二次")])
    annotated = Document(io.BytesIO(twice))
    assert sorted(c.text for c in annotated.comments) == ["第一次", "第二次"]
    assert len({c.comment_id for c in annotated.comments}) == 2
    assert comments_by_paragraph(annotated)["（三）抓落实"] == ["第二次"]


def test_paragraph_offsets_follow_properties_and_nesting():
    xml = ('<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
           '<w:r><w:t>甲</w:t></w:r></w:p><w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>乙</w:t>'
           '</w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>')
    found = paragraphs(xml)
    assert [(p.block, p.row, p.has_text) for p in found] == [(0, None, True), (2, 0, True)]
    assert xml[found[0].start_mark:].startswith("<w:r>")
    assert xml[found[0].end_mark:].startswith("</w:p>")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (scripts/test.sh)")
def test_libreoffice_shows_the_comments(draft, tmp_path):
    out = tmp_path / "带批注.docx"
    out.write_bytes(annotated_draft(draft.read_bytes(), draft.name, None, load_schemas()))
    proc = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "odt", "--outdir", str(tmp_path), str(out)],
                          capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr
    content = zipfile.ZipFile(tmp_path / "带批注.odt").read("content.xml").decode("utf-8")
    notes = re.findall(r"<office:annotation[ >].*?</office:annotation>", content, re.DOTALL)
    texts = [re.sub(r"<[^>]+>", "", n) for n in notes]
    assert len(notes) == len(Document(str(out)).comments)
    assert any("序号跳号：应为“（二）”，实为“（三）”（GW103）" in t for t in texts)
