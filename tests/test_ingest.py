"""scripts/ingest.py: raw documents in every encoding → curated exemplar pages; bad input
refused."""
from __future__ import annotations

import hashlib
import importlib.util
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import DOCTYPES, ROOT, mkdocs_build
from docx import Document

SITE_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "search", "corpus")
IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc", ".cache")

TITLE = "XX市教育局2024年上半年工作总结"
# As text arrives from the web: half-width punctuation, a tag that must stay text.
LINES = [
    TITLE,
    ("2024年上半年,我局在市委、市政府的正确领导下,认真贯彻落实各项决策部署,各项工作取得新进展。"
     "现将有关情况总结如下:"),
    "一、主要工作和成效",
    "(一)坚持党建引领,夯实发展基础。一是加强理论学习,开展集中学习12次;二是强化基层党组织建设。",
    "(二)深化教育改革,提升办学质量。推进集团化办学,新增教育集团3个。",
    "二、存在的问题",
    '一是发展不够均衡;二是网页上的<script>alert("x")</script>代码也要原样显示。',
    "三、下一步工作打算",
    "一是持续推进改革;二是加强队伍建设。",
]
TEXT = "\n".join(LINES) + "\n"


def load_cli():
    spec = importlib.util.spec_from_file_location("ingest_cli", ROOT / "scripts" / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLI = load_cli()


@pytest.fixture
def repo(tmp_path) -> Path:
    """A copy of the site and corpus to ingest into."""
    root = tmp_path / "repo"
    root.mkdir()
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=IGNORE)
        else:
            shutil.copy2(source, root / part)
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file under docs/ and corpus/ with its hash."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for part in ("docs", "corpus") for p in sorted((root / part).rglob("*"))
            if p.is_file()}


def ingest(root: Path, path: Path, *args: str) -> int:
    return CLI.main([str(path), "--root", str(root), *args])


def make_docx(text: str) -> bytes:
    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


INPUTS = {
    "utf8.txt": TEXT.encode("utf-8"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "gb18030.txt": TEXT.encode("gb18030"),
    "gbk-crlf.txt": TEXT.replace("\n", "\r\n").encode("gbk"),
    "crlf.txt": TEXT.replace("\n", "\r\n").encode("utf-8"),
    "word.docx": make_docx(TEXT),
}
# Files kept byte for byte as corpus/raw/<stem>.txt (curate.py reads them as they are).
VERBATIM = {"utf8.txt", "crlf.txt"}


def written_page(root: Path, before: dict[str, str]) -> Path:
    new = [p for p in snapshot(root) if p not in before and p.startswith("docs/")]
    assert len(new) == 1, new
    return root / new[0]


@pytest.mark.parametrize("name", list(INPUTS))
def test_each_input_kind_becomes_a_curated_page(repo, tmp_path, capsys, name):
    source = tmp_path / name
    source.write_bytes(INPUTS[name])
    before = snapshot(repo)
    assert ingest(repo, source) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    page = written_page(repo, before)
    assert page.parent == repo / "docs" / "summary" / "exemplars"  # inferred from 工作总结
    stem = page.stem
    text = page.read_text(encoding="utf-8")
    assert f"# {TITLE}\n" in text and "\ufeff" not in text
    assert "## 一、主要工作和成效" in text  # heading detection
    assert "我局在市委、市政府的正确领导下，认真贯彻" in text  # punctuation restored
    assert "\r" not in text
    # HTML from the source is escaped: shown as text, never live.
    assert "<script" not in text and "&lt;script" in text
    raw = repo / "corpus" / "raw" / f"{stem}.txt"
    assert raw.is_file() and (repo / "corpus" / "records" / f"{stem}.json").is_file()
    if name in VERBATIM:
        assert raw.read_bytes() == INPUTS[name]
        assert not list((repo / "corpus" / "raw" / "original").glob(f"{stem}.*"))
    else:
        original = repo / "corpus" / "raw" / "original" / f"{stem}{source.suffix}"
        assert original.read_bytes() == INPUTS[name]  # the file as received, byte for byte
        assert raw.read_text(encoding="utf-8").replace("\r\n", "\n") == TEXT
    seeds = (repo / "corpus" / "seeds.yaml").read_text(encoding="utf-8")
    assert f"{stem}.txt:\n  doctype: summary\n  year: 2024\n" in seeds
    assert f"写入 docs/summary/exemplars/{stem}.md" in out
    assert "结构检查：" in out and "检查了1个文件" in out


def test_curate_script_regenerates_the_ingested_page_unchanged(repo, tmp_path, capsys):
    for name in ("gb18030.txt", "word.docx", "crlf.txt"):
        (tmp_path / name).write_bytes(INPUTS[name])
        assert ingest(repo, tmp_path / name, "--unit", "市教育局") == 0
    capsys.readouterr()
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "curate.py"), "--check",
                           "--root", str(repo)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ingested_page_passes_the_strict_build(repo, tmp_path, capsys):
    source = tmp_path / "utf8-bom.txt"
    source.write_bytes(INPUTS["utf8-bom.txt"])
    before = snapshot(repo)
    assert ingest(repo, source) == 0
    page = written_page(repo, before)
    build = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.log
    html = (tmp_path / "site" / "summary" / "exemplars" / page.stem / "index.html")
    content = html.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in content and "<script>alert" not in content
    assert f'href="{page.stem}.docx"' in content  # and it gets its Word download


def test_refuses_to_overwrite_without_force(repo, tmp_path, capsys):
    source = tmp_path / "utf8.txt"
    source.write_bytes(INPUTS["utf8.txt"])
    assert ingest(repo, source) == 0
    capsys.readouterr()
    before = snapshot(repo)
    marker = "# 由 scripts/ingest.py 导入。"
    imported = (repo / "corpus" / "seeds.yaml").read_text(encoding="utf-8").count(marker)
    assert ingest(repo, source) == 2
    err = capsys.readouterr().err
    assert "已经导入过" in err and "未写入任何文件" in err and "--force" in err
    assert snapshot(repo) == before
    assert ingest(repo, source, "--force") == 0
    assert snapshot(repo) == before  # the same input gives the same files
    seeds = (repo / "corpus" / "seeds.yaml").read_text(encoding="utf-8")
    assert seeds.count(marker) == imported  # the entry was replaced, not added


def test_type_given_or_inferred_from_the_title(repo, tmp_path, capsys):
    speech = "在全市教育工作会议上的讲话\n同志们:\n这次会议的主要任务是总结工作。\n"
    source = tmp_path / "speech.txt"
    source.write_text(speech, encoding="utf-8")
    before = snapshot(repo)
    ingest(repo, source)
    assert written_page(repo, before).parent.parent.name == "speech"
    capsys.readouterr()
    other = tmp_path / "other.txt"
    other.write_text(TEXT, encoding="utf-8")
    before = snapshot(repo)
    ingest(repo, other, "--type", "progress-report")
    assert written_page(repo, before).parent.parent.name == "progress-report"


def _bad_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "这不是 Word 文档")
    return out.getvalue()


BAD = {
    "empty": ("empty.txt", b"", [], "文件是空的"),
    "blank": ("blank.txt", b" \r\n\n", [], "文件是空的"),
    "binary": ("binary.txt", b"\x00\x01\x02abc\x00" * 10, [], "二进制文件"),
    "too-big": ("big.txt", None, [], "文件过大"),
    "undecodable": ("bad.txt", b"\x80\x81\xff\xfe\xfd abc \xc0\xc1", [], "无法识别文字编码"),
    "unknown-type": ("unknown.txt", "随便写写的一些东西\n内容。\n".encode(), [],
                     "无法由标题“随便写写的一些东西”推断文种"),
    "bad-type": ("utf8.txt", TEXT.encode(), ["--type", "report"], "未知文种“report”"),
    "not-a-zip": ("fake.docx", TEXT.encode(), [], "不是有效的 Word 文档"),
    "zip-not-docx": ("zip.docx", _bad_docx(), [], "不是有效的 Word 文档"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_exit_2_clear_message_nothing_written(repo, tmp_path, capsys, case):
    name, data, args, message = BAD[case]
    source = tmp_path / name
    if data is None:
        data = ("测试文字。" * 400000).encode("utf-8")  # 6 MB
        assert len(data) > 5 * 1024 * 1024
    source.write_bytes(data)
    before = snapshot(repo)
    assert ingest(repo, source, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and message in err, err
    assert "。" in err and "请" in err  # says what to do, not only what is wrong
    if case in ("unknown-type", "bad-type"):
        for doctype in DOCTYPES:
            assert doctype in err
    assert snapshot(repo) == before


def test_cli_runs_as_a_script(repo, tmp_path):
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "ingest.py"), str(source),
                           "--root", str(repo)], capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "错误：empty.txt：文件是空的（0 字节或只有空白）。请确认导出或复制时没有出错。")
