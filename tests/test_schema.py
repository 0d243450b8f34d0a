"""Schemas as data: the five files load, bad files give exact messages, and a new
doctype needs only a YAML file."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from gongwen.check import check_text
from gongwen.check import schema as schema_module
from gongwen.check.schema import (
    SchemaError,
    infer_doctype,
    load_schema_file,
    load_schemas,
    page_schemas,
)

GOOD = """\
doctype: {name}
label: 通知
title_patterns: ['.+通知$']
transition:
  example: 现将有关事项通知如下
  patterns: ['现将.{{0,30}}?通知如下']
slots:
  - name: matters
    label: 通知事项
    synonyms: [工作安排, 有关事项]
    grade: required
    order: 1
  - name: requirements
    label: 工作要求
    synonyms: [工作要求]
    grade: recommended
    order: 2
"""


def test_the_five_doctypes_load() -> None:
    schemas = load_schemas()  # a sixth may be added (docs/maintain/add-doctype.md)
    assert set(schemas) >= {"plan", "progress-report", "self-review", "speech", "summary"}
    assert schemas["summary"].label == "工作总结"
    grades = {s.name: s.grade for s in schemas["summary"].slots}
    assert grades == {"work": "required", "problems": "required", "causes": "optional",
                      "plans": "required"}


@pytest.mark.parametrize("title,doctype", [
    ("市教育局党组书记2025年度民主生活会对照检查发言材料", "self-review"),
    ("市教育局2024年第三季度党建工作总结", "summary"),
    ("市教育体育局2025年度民主生活会查摆问题整改方案", "plan"),
    ("在教育系统全面从严治党和党风廉政建设工作会议上的讲话", "speech"),
    ("主题教育进展情况汇报", "progress-report"),
    ("工作总结", None),  # a type's own page is about the type, not a document of it
    ("写作通则", None),
])
def test_infer_doctype_from_title(title: str, doctype: str | None) -> None:
    assert infer_doctype(title, load_schemas()) == doctype


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_doctype_is_a_yaml_file(tmp_path: Path) -> None:
    _write(tmp_path, "notice", GOOD.format(name="notice"))
    schemas = load_schemas(tmp_path)
    text = "# 关于做好安全工作的通知\n\n现将有关事项通知如下：\n\n一、工作安排\n\n二、其他\n"
    result = check_text(text, "n.md", schemas=schemas)
    assert result.doctype == "notice"
    assert [(f.rule, f.message) for f in result.findings] == [
        ("GW202", "缺少建议部分“工作要求”：通知一般有标题含“工作要求”等的部分，正文中没有找到")]


@pytest.mark.parametrize("body,message", [
    ("doctype: other\nlabel: 通知\nslots: [{name: a, label: A, synonyms: [甲], grade: required}]\n",
     "{path}: doctype 应为与文件名一致的 'notice'，实为 'other'"),
    ("doctype: notice\nlabel: 通知\nslots: [{name: a, label: A, synonyms: [甲], grade: must}]\n",
     "{path}: slots[0].grade 应为 required、recommended、optional 之一，实为 'must'"),
    ("doctype: notice\nlabel: 通知\nslots: []\n",
     "{path}: slots 应为非空列表，实为 []"),
    ("doctype: notice\nlabel: 通知\n",
     "{path}: 缺少键 'slots'"),
    (("doctype: notice\nlabel: 通知\ncolour: red\nslots: [{name: a, label: A, synonyms: [甲], "
     "grade: required}]\n"),
     ("{path}: 未知的键 'colour'，可用的键为 doctype、label、kinds、title_patterns、transition、"
      "salutation、slots")),
    ("doctype: notice\nlabel: 通知\nslots: [{name: a, label: A, synonyms: 甲, grade: required}]\n",
     "{path}: slots[0].synonyms 应为字符串列表，实为 '甲'"),
    (("doctype: notice\nlabel: 通知\nslots: [{name: a, label: A, synonyms: [甲], grade: required, "
     "order: first}]\n"),
     "{path}: slots[0].order 应为整数，实为 'first'"),
    (("doctype: notice\nlabel: 通知\ntitle_patterns: ['(通知']\n"
     "slots: [{name: a, label: A, synonyms: [甲], grade: required}]\n"),
     ("{path}: title_patterns[0] 应为正则表达式（missing ), unterminated subpattern at position 0）"
      "，"
     "实为 '(通知'")),
    ("doctype: notice\nlabel: 通知\nslots: [{name: a, label: A, synonyms: [], grade: required}]\n",
     "{path}: slots[0] 无法匹配：synonyms、phrases、leads、titles、topical 至少要有一项"),
    ("doctype: notice\nlabel: [通知\n",
     "{path}: YAML 语法错误，第3行：expected ',' or ']', but got '<stream end>'"),
])
def test_bad_schema_files_give_exact_messages(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, "notice", body)
    with pytest.raises(SchemaError) as info:
        load_schemas(tmp_path)
    assert str(info.value) == message.format(path=path)


def test_schemas_are_cached_until_the_file_changes(tmp_path: Path) -> None:
    path = _write(tmp_path, "notice", GOOD.format(name="notice"))
    first = load_schemas(tmp_path)
    assert load_schemas(tmp_path) is first  # no YAML read on every page
    path.write_text(GOOD.format(name="notice").replace("label: 通知", "label: 通告"),
                    encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_schemas(tmp_path)["notice"].label == "通告"
    assert load_schema_file(path).label == "通告"


def test_pages_get_the_schemas_looked_at_again_after_a_second(tmp_path: Path, monkeypatch
                                                               ) -> None:
    """page_schemas (the checker's, for each page) looks at the files at most once a
    second; an explicit load_schemas (a build's start) always does."""
    path = _write(tmp_path, "notice", GOOD.format(name="notice"))
    monkeypatch.setattr(schema_module, "SCHEMA_DIR", tmp_path)
    now = [1000.0]
    monkeypatch.setattr(schema_module, "monotonic", lambda: now[0])
    monkeypatch.setattr(schema_module, "_page_check", [float("-inf")])
    first = page_schemas()
    assert first["notice"].label == "通知" and page_schemas() is first
    path.write_text(GOOD.format(name="notice").replace("label: 通知", "label: 通告"),
                    encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    now[0] += 0.5
    assert page_schemas() is first  # within the second: not looked at again
    now[0] += 0.6
    assert page_schemas()["notice"].label == "通告"
    path.write_text(GOOD.format(name="notice"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000))
    assert load_schemas()["notice"].label == "通知"  # a build's start: at once
    assert page_schemas()["notice"].label == "通知"
