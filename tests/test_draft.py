"""The draft checker's Python side (what the 检查我的稿件 page runs under Pyodide).

Reading a .docx with the standard library (caps before parsing), decoding a .txt, the
result the page shows, the library zip and schemas JSON built with the site, and the
vendored Pyodide files' checksums.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT
from docx import Document
from gongwen.check.draft import check_draft, decode_text, load_schemas_json, read_upload
from gongwen.check.schema import load_schemas
from gongwen.site.bundle import SCHEMAS_MEMBER, library_zip, schemas_json
from gongwen.text.docxtext import DraftError, Where, read_docx

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- .docx


def test_docx_lines_follow_paragraphs_breaks_and_table_rows():
    document = Document()
    document.add_paragraph("标题")
    p = document.add_paragraph("一、第一部分")
    p.add_run().add_break()
    p.add_run("接着一行\t制表")
    grid = document.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = "甲"
    grid.cell(0, 1).text = "乙"
    document.add_paragraph("结尾")
    buffer = io.BytesIO()
    document.save(buffer)
    read = read_docx(buffer.getvalue())
    assert read.lines == ("标题", "一、第一部分", "接着一行\t制表", "甲\u3000乙", "结尾")
    assert read.where == (Where(0), Where(1), Where(1), Where(2, 0), Where(3))
    assert read.text == "标题\n一、第一部分\n接着一行\t制表\n甲\u3000乙\n结尾\n"


def test_docx_tab_stops_in_paragraph_properties_are_not_text():
    data = make_docx(["一、总体要求"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode()
    tabs = '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    parts["word/document.xml"] = xml.replace("<w:p>", f"<w:p>{tabs}", 1).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert read_docx(buffer.getvalue()).lines == ("一、总体要求",)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "message"), [
    (OLE + b"WordDocument", "稿.docx：这是旧版 Word 文档（.doc），无法直接读取。"),
    (OLE + "EncryptedPackage".encode("utf-16-le"), "稿.docx：这份 Word 文档设置了打开密码"),
    (b"%PDF-1.4 ...", "稿.docx：这是 PDF 文件"),
    (b"PK\x03\x04garbage", "稿.docx：不是有效的 Word 文档"),
    (_zip({"other.xml": b"<x/>"}), "稿.docx：不是有效的 Word 文档"),
    (_zip({"word/document.xml": b"<w:document"}), "稿.docx：不是有效的 Word 文档"),
    (b"PK" + b"\0" * (5 * 1024 * 1024), "稿.docx：文件过大（5.0 MB，上限 5 MB）"),
    (_zip({"word/document.xml": b" " * (50 * 1024 * 1024 + 1)}),
     "稿.docx：文件解压后过大（50 MB，上限 50 MB）"),
])
def test_unusable_docx_gets_its_message(data, message):
    with pytest.raises(DraftError) as caught:
        read_docx(data, "稿.docx")
    assert str(caught.value).startswith(message)


def test_docx_without_text_says_so():
    with pytest.raises(DraftError, match="Word 文档里没有文字"):
        read_docx(make_docx(["", "  "]), "空.docx")


def test_zip_bomb_is_refused_before_parsing(monkeypatch):
    from gongwen.text import docxtext

    def must_not_parse(*args):
        raise AssertionError("parsed a file that unpacks over 50 MB")

    monkeypatch.setattr(docxtext.ElementTree, "fromstring", must_not_parse)
    bomb = _zip({"word/document.xml": b"<w/>", "word/media/x.bin": b"\0" * (51 * 1024 * 1024)})
    with pytest.raises(DraftError, match="解压后过大"):
        read_docx(bomb, "炸弹.docx")


# ---------------------------------------------------------------- .txt and uploads


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_in_common_encodings_is_read(encoding):
    text = "一、主要工作\n（一）抓学习\n"
    assert decode_text(text.encode(encoding), "稿.txt").lstrip("\ufeff") == text


def test_unknown_encoding_gets_a_message():
    with pytest.raises(DraftError, match="^乱.txt：无法识别文字编码"):
        decode_text(b"\x81\x30\xff\xfe\xfd" * 10, "乱.txt")


@pytest.mark.parametrize(("name", "message"), [
    ("稿.doc", "稿.doc：这是旧版 Word 文档（.doc）"),
    ("稿.pdf", "稿.pdf：这是 PDF 文件"),
    ("稿.wps", "稿.wps：不支持的文件类型“.wps”"),
    ("稿.txt", "稿.txt：文件是空的"),
])
def test_unsupported_uploads_get_their_message(name, message):
    with pytest.raises(DraftError) as caught:
        read_upload(b"  " if name.endswith(".txt") else b"data", name)
    assert str(caught.value).startswith(message)


def test_upload_reads_docx_and_txt():
    assert read_upload(make_docx(["一、甲"]), "a.docx") == "一、甲\n"
    assert read_upload("一、乙\n".encode("gb18030"), "b.TXT") == "一、乙\n"


# ---------------------------------------------------------------- the page's result


def test_check_draft_gives_what_the_page_shows():
    text = "某某局2025年工作总结\r\n一、主要工作\r\n（一）抓学习\r\n（三）抓落实\r\n二、下一步打算\r\n"
    result = check_draft(text, None, load_schemas())
    assert result["doctype"] == "summary" and result["doctype_label"] == "工作总结"
    assert result["auto"] is True
    assert result["status"] == "fail" and result["status_label"] == "有错误"
    gap = next(f for f in result["findings"] if f["rule"] == "GW103")
    # The report's one finding object (as in check.py --json), plus the rule's summary.
    assert gap == {"rule": "GW103", "title": "序号跳号", "name": "numbering-gap",
                   "severity": "error", "severity_label": "错误", "category": "numbering",
                   "category_label": "序号", "line": 4,
                   "message": "序号跳号：应为“（二）”，实为“（三）”", "acknowledged": None,
                   "summary": gap["summary"], "authority": "实务",
                   "guide": "guide/#numbering"}
    assert [(h["label"], h["title"]) for h in result["outline"]] == [
        ("一、", "主要工作"), ("（一）", "抓学习"), ("（三）", "抓落实"), ("二、", "下一步打算")]
    assert result["lines"][3] == "（三）抓落实"
    assert result["counts"]["error"] == sum(f["severity"] == "error" for f in result["findings"])


def test_check_draft_refuses_empty_and_unknown_type():
    with pytest.raises(DraftError, match="^稿件是空的"):
        check_draft(" \n", None, load_schemas())
    with pytest.raises(DraftError, match="未知的文种"):
        check_draft("一、甲\n", "nope", load_schemas())


def test_draft_path_without_yaml_docx_or_lxml(tmp_path):
    """Pyodide's core has no PyYAML: reading and checking a draft imports none of these."""
    (tmp_path / "schemas.json").write_text(schemas_json(), encoding="utf-8")
    (tmp_path / "a.docx").write_bytes(make_docx(["2025年工作总结", "一、主要工作"]))
    code = (
        "import sys\n"
        "for name in ('yaml', 'docx', 'lxml', 'mkdocs', 'pymdownx', 'jieba'):\n"
        "    sys.modules[name] = None  # importing any of them now fails\n"
        f"sys.path.insert(0, {str(ROOT / 'hooks')!r})\n"
        "from gongwen.check.draft import check_draft, load_schemas_json, read_upload\n"
        "schemas = load_schemas_json(open(sys.argv[1], encoding='utf-8').read())\n"
        "text = read_upload(open(sys.argv[2], 'rb').read(), 'a.docx')\n"
        "print(check_draft(text, None, schemas)['doctype'])\n"
        "from gongwen.export.docx_comments import annotated_draft\n"
        "print(len(annotated_draft(open(sys.argv[2], 'rb').read(), 'a.docx', None, schemas)) > 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "schemas.json"),
                           str(tmp_path / "a.docx")], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["summary", "True"]


# ---------------------------------------------------------------- built with the site


def test_schemas_json_round_trips_to_the_same_schemas():
    from_json = load_schemas_json(schemas_json())
    from_yaml = load_schemas()
    assert sorted(from_json) == sorted(from_yaml)
    for doctype, schema in from_yaml.items():
        assert from_json[doctype].slots == schema.slots
        assert from_json[doctype].label == schema.label
        assert [p.pattern for p in from_json[doctype].title_patterns] == \
            [p.pattern for p in schema.title_patterns]


def test_library_zip_is_deterministic_and_complete():
    data = library_zip()
    assert library_zip() == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert json.loads(archive.read(SCHEMAS_MEMBER)) == json.loads(schemas_json())
    assert "gongwen/check/draft.py" in names and "gongwen/check/rules/numbering.py" in names
    assert not any("__pycache__" in name for name in names)


def test_built_site_ships_the_bundle_and_the_page(built_site):
    site = built_site.site
    assert (site / "assets" / "draftcheck" / "gongwen.zip").read_bytes() == library_zip()
    html = (site / "check-draft" / "index.html").read_text(encoding="utf-8")
    assert "稿件只在您的浏览器中检查，不会发送到任何地方" in html
    assert html.index("不会发送到任何地方") < html.index('id="gw-draft-text"')
    for label in ("自动识别（按标题）", "对照检查材料", "工作总结", "整改方案", "讲话稿", "情况汇报"):
        assert f">{label}</option>" in html
    # Linked from each type page and template, with its 文种 chosen.
    for doctype in load_schemas():
        for page in ("index.html", "template/index.html"):
            text = (site / doctype / page).read_text(encoding="utf-8")
            assert f'check-draft/?type={doctype}"' in text, (doctype, page)
    # Only this page loads the checker.
    others = [p for p in site.rglob("*.html") if "check-draft" not in p.parts]
    assert others and not any("draftcheck" in p.read_text(encoding="utf-8") for p in others)


def test_vendored_pyodide_matches_its_checksums():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import vendor_pyodide
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert vendor_pyodide.verify() == []
    present = {p.name for p in vendor_pyodide.TARGET.iterdir()}
    assert present == {*vendor_pyodide.FILES, "SHA256SUMS", "SOURCE.txt", "LICENSE.txt"}
