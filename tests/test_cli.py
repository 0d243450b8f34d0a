"""scripts/check.py: JSON shape, exit codes 0/1/2, exact messages, inputs untouched."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check.py"
RAW = ROOT / "corpus" / "raw"
SITE_PACKAGES = Path(yaml.__file__).resolve().parent.parent

GOOD = ("---\ndoctype: summary\nkind: exemplar\n---\n\n# 市教育局2024年工作总结\n\n"
        "现将工作总结如下。\n\n## 一、主要工作和成效\n\n正文。\n\n## 二、存在问题及原因分析\n\n"
        "正文。\n\n## 三、下一步打算\n\n正文。\n")
BAD = "# 标题\n\n一、甲\n\n三、丙\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # -S: no site module, so the editable install's .pth is not read and `gongwen` is
    # not importable; PYTHONPATH gives back the third-party packages (PyYAML). The
    # script must find the library by itself.
    env = {**os.environ, "PYTHONPATH": str(SITE_PACKAGES)}
    return subprocess.run([sys.executable, "-S", str(SCRIPT), *args], cwd=cwd,
                          capture_output=True, text=True, env=env, check=False)


def test_clean_file_exits_0(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    proc = run("good.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == \
        "检查了1个文件：错误0个，警告0个，提示0个；没有未确认的错误。"


def test_errors_exit_1_with_one_line_per_finding(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    proc = run("bad.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "bad.md:5: [错误] 序号跳号：应为“二、”，实为“三、” (GW103 序号跳号)",
        "检查了1个文件：错误1个，警告0个，提示0个；1个文件有未确认的错误。",
    ]


def test_json_shape(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs" / "seed.txt").write_bytes((RAW / "004_c87274d175a5d971.txt").read_bytes())
    proc = run("--json", "docs", cwd=tmp_path)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert [f["path"] for f in data["files"]] == ["docs/bad.md", "docs/seed.txt"]
    for file in data["files"]:
        assert set(file) >= {"path", "doctype", "outline", "findings"}
        for item in file["outline"]:
            assert set(item) >= {"level", "label", "title", "line"}
            assert item["level"] in (1, 2, 3, 4) and isinstance(item["line"], int)
        for finding in file["findings"]:
            assert set(finding) >= {"rule", "severity", "category", "line", "message"}
            assert finding["severity"] in ("error", "warning", "info")
            assert finding["line"] is None or isinstance(finding["line"], int)
    bad, seed = data["files"]
    assert bad["doctype"] is None
    assert bad["outline"] == [
        {"level": 1, "label": "一", "title": "甲", "line": 3, "form": "line", "raw": "一、"},
        {"level": 1, "label": "三", "title": "丙", "line": 5, "form": "line", "raw": "三、"}]
    assert bad["findings"][0]["rule"] == "GW103"
    assert bad["findings"][0]["message"] == "序号跳号：应为“二、”，实为“三、”"
    # A .txt without --type: the doctype is inferred from its title.
    assert seed["doctype"] == "progress-report"
    assert [h["label"] for h in seed["outline"]] == ["一", "二", "三", "四"]


def test_txt_with_unknown_title_has_null_doctype(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("一段没有文种的文字\n一、甲\n二、乙\n", encoding="utf-8")
    proc = run("--json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["files"][0]["doctype"] is None


def test_type_option_overrides(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("一段文字\n一、存在问题\n", encoding="utf-8")
    proc = run("--json", "--type", "summary", "a.txt", cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert data["files"][0]["doctype"] == "summary"
    assert proc.returncode == 1  # required parts of a summary are missing


@pytest.mark.parametrize("args,setup,message", [
    (["missing.md"], None, "check.py: 错误：路径不存在：missing.md (no such file or directory)"),
    (["utf16.txt"], ("utf16.txt", "标题".encode("utf-16")),
     ("check.py: 错误：utf16.txt：文件是 UTF-16 编码。请在记事本中“另存为”，编码选 UTF-8 "
     "后再检查。")),
    (["--type", "notice", "a.md"], ("a.md", b"# x\n"),
     ("check.py: 错误：未知的文种 --type 'notice'，可用：对照检查材料（self-review）、"
      "工作总结（summary）、"
     "整改方案（plan）、讲话稿（speech）、情况汇报（progress-report） (unknown type)")),
    (["empty"], ("empty/readme.rst", b"x"),
     "check.py: 错误：文件夹中没有 .md、.txt 或 .docx 文件：empty (no .md/.txt/.docx found)"),
    (["a.rtf"], ("a.rtf", b"x"),
     ("check.py: 错误：不支持的文件类型：a.rtf（只检查 .md、.txt 和 .docx） (unsupported file "
     "type)")),
    (["a.docx"], ("a.docx", b"x"),
     ("check.py: 错误：a.docx：不是有效的 Word 文档（.docx 文件包损坏或格式不对）。"
     "请用 Word 或 WPS 打开后重新“另存为” .docx，或另存为纯文本（.txt）再检查。")),
    ([], None,
     ("check.py: 错误：缺少要检查的路径：python scripts/check.py [--type TYPE] [--json] PATH..."
     " (no PATH given)")),
])
def test_bad_usage_exits_2_with_a_clear_message(tmp_path: Path, args, setup, message) -> None:
    if setup:
        path = tmp_path / setup[0]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(setup[1])
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == message
    assert proc.stdout == ""


def test_unknown_option_exits_2(tmp_path: Path) -> None:
    proc = run("--colour", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "--colour" in proc.stderr


def test_inputs_are_untouched(tmp_path: Path) -> None:
    files = {"a.md": BAD, "b.md": GOOD}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    run("--json", ".", cwd=tmp_path)
    run(".", cwd=tmp_path)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before


def test_library_not_importable_without_the_script_path(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SITE_PACKAGES)}
    proc = subprocess.run([sys.executable, "-S", "-c", "import gongwen"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, check=False)
    assert proc.returncode != 0  # so the tests above prove the script's own sys.path


def test_list_rules(tmp_path: Path) -> None:
    proc = run("--list-rules", cwd=tmp_path)
    assert proc.returncode == 0
    assert "GW103  序号跳号" in proc.stdout and "numbering-gap" not in proc.stdout


def test_every_json_finding_links_to_its_explanation_in_the_guide(tmp_path):
    """A finding of each kind carries the guide section that explains its rule."""
    import re

    from gongwen.check.rules import RULES

    guide = (ROOT / "docs" / "guide" / "index.md").read_text(encoding="utf-8")
    ids = set(re.findall(r"\{ *#([\w-]+) *\}", guide))
    page = tmp_path / "x.md"
    page.write_text("---\ndoctype: summary\nkind: exemplar\n---\n\n# 测试工作总结\n\n"
                    "## 一、主要工作\n\n## 三、下一步打算\n\n一是做好。三是做实。© 点赞\n",
                    encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--json", str(page)],
                         capture_output=True, text=True, check=False)
    findings = json.loads(out.stdout)["files"][0]["findings"]
    assert {"GW103", "GW121", "GW402"} <= {f["rule"] for f in findings}
    for finding in findings:
        assert finding["guide"].startswith("guide/#"), finding
        assert finding["guide"].split("#")[1] in ids, finding
    assert all(rule.guide in ids for rule in RULES)


# --- what writers actually have (issue 10, item 8; issue 14, item 4) ----------------------

DRAFT = "关于2025年上半年教学工作情况的报告\n一、主要工作\n完成任务。\n三、下一步打算\n继续。\n"


@pytest.mark.parametrize("name,data", [
    ("utf8.txt", DRAFT.encode("utf-8")),
    ("bom.txt", b"\xef\xbb\xbf" + DRAFT.encode("utf-8")),
    ("gbk.txt", DRAFT.encode("gbk")),
    ("gb18030-crlf.txt", DRAFT.replace("\n", "\r\n").encode("gb18030")),
])
def test_txt_in_every_encoding_writers_save_reads_the_same(tmp_path: Path, name, data) -> None:
    (tmp_path / name).write_bytes(data)
    proc = run(name, cwd=tmp_path)
    assert proc.returncode == 1
    assert (f"{name}:4: [错误] 序号跳号：应为“二、”，实为“三、” (GW103 序号跳号)"
            in proc.stdout.splitlines())
    assert (tmp_path / name).read_bytes() == data


def test_one_gbk_file_does_not_stop_a_folder(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_bytes(DRAFT.encode("gbk"))
    (tmp_path / "d" / "b.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("d", cwd=tmp_path)
    assert proc.returncode == 1
    assert "检查了2个文件" in proc.stdout


@pytest.mark.parametrize("given,doctype", [
    ("工作总结", "summary"), ("对照检查材料", "self-review"), ("整改方案", "plan"),
    ("讲话稿", "speech"), ("情况汇报", "progress-report"), ("summary", "summary"),
])
def test_type_accepts_chinese_names_and_ids(tmp_path: Path, given, doctype) -> None:
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("--json", "--type", given, "a.txt", cwd=tmp_path)
    assert json.loads(proc.stdout)["files"][0]["doctype"] == doctype
    assert "未能从标题判断文种" not in proc.stderr


def test_untyped_draft_says_which_checks_were_skipped_and_how_to_type_it(tmp_path: Path) -> None:
    # A title that names no kind of the five (a 说明).
    untyped = DRAFT.replace("情况的报告", "情况的说明", 1)
    (tmp_path / "a.txt").write_text(untyped, encoding="utf-8")
    proc = run("a.txt", cwd=tmp_path)
    assert proc.stderr.strip() == (
        "check.py: 提示：a.txt 未能从标题判断文种，必备部分、称呼、过渡句等按文种的检查没有进行；"
        "请用 --type 指定文种，如 --type 工作总结（可用：对照检查材料（self-review）、"
        "工作总结（summary）、"
        "整改方案（plan）、讲话稿（speech）、情况汇报（progress-report））")
    typed = tmp_path / "b.txt"
    typed.write_text("某校2025年工作总结\n一、主要工作\n", encoding="utf-8")
    assert "未能从标题判断文种" not in run("b.txt", cwd=tmp_path).stderr


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t\n", b"\xef\xbb\xbf"])
def test_empty_file_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "a.txt").write_bytes(content)
    proc = run("a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("check.py: 错误：文件是空的：a.txt（0 字节或只有空白），"
                                   "没有可检查的内容；"
                                   "请确认保存或导出时没有出错 (empty file)")
    assert proc.stdout == ""


def test_named_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.txt")
    env = {**os.environ, "PYTHONPATH": str(SITE_PACKAGES)}
    proc = subprocess.run([sys.executable, "-S", str(SCRIPT), "f.txt"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, check=False, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("check.py: 错误：不是普通文件：f.txt（命名管道、设备等不能检查；"
                                   "请先把内容保存为 .txt 文件） (not a regular file)")


def test_output_piped_into_a_reader_that_stops_early_gives_no_traceback(tmp_path: Path) -> None:
    # check.py --json … | head -c 10: the reader closes the pipe after a few bytes.
    (tmp_path / "bad.md").write_text(BAD * 2000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SITE_PACKAGES)}
    proc = subprocess.Popen([sys.executable, "-S", str(SCRIPT), "--json", "bad.md"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert proc.returncode != 0


def test_a_folder_passes_over_word_lock_files_hidden_and_vendored_files(tmp_path: Path) -> None:
    # Word and WPS keep ~$稿.docx beside a draft while it is open: not a document (read
    # as one, it stopped the whole folder with exit 2). Hidden folders and vendored
    # third-party files are no drafts either.
    folder = tmp_path / "d"
    for sub in ("", ".git", "assets/vendor/lib"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "稿.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "~$稿.docx").write_bytes(b"\x0c\x00owner")
    (folder / ".git" / "note.md").write_text(BAD, encoding="utf-8")
    (folder / "assets" / "vendor" / "lib" / "SOURCE.txt").write_text("MIT License\n",
                                                                    encoding="utf-8")
    proc = run("--no-info", "d", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "检查了1个文件" in proc.stdout
    assert "~$" not in proc.stdout + proc.stderr
    # Named on its own, a lock file is still read, and refused plainly.
    alone = run("d/~$稿.docx", cwd=tmp_path)
    assert alone.returncode == 2
    assert "不是有效的 Word 文档" in alone.stderr
