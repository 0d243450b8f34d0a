"""检查我的稿件 in Debian's chromium: the Python checker under Pyodide, in a Web Worker.

Pyodide is loaded once for the whole module (one page, reused by every test); right
after it is ready the browser context goes offline, so every check below also proves
the page works with the network cut. Every request is recorded: none may carry the
draft, none may leave 127.0.0.1.
"""
from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

import pytest
from conftest import Build
from docx import Document
from test_browser import AXE, launch_chromium, new_context, serve

pytestmark = pytest.mark.browser  # `pytest -m "not browser"` skips these

PAGE = "check-draft/"
# A 工作总结 with a numbering gap (（一）→（三）), no 存在问题 part (required), and a
# half-width bracket between Chinese characters.
MARKER = "青山绿水督查组"
DRAFT = f"""\
某某局2025年工作总结
现将有关情况总结如下。
一、主要工作和成效
（一）{MARKER}抓学习
（三）抓落实
二、下一步打算
继续(认真)抓好各项工作。
"""


@dataclass
class Checker:
    page: object
    context: object
    requests: list = field(default_factory=list)  # (url, post body) of every request
    load_seconds: float = 0.0


@pytest.fixture(scope="module")
def checker(built_site: Build) -> Iterator[Checker]:
    with serve(built_site.site) as url, launch_chromium() as browser:
        context = new_context(browser)
        state = Checker(page=None, context=context)
        context.on("request", lambda r: state.requests.append((r.url, r.post_data_buffer)))
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        start = time.monotonic()
        page.goto(url + PAGE, wait_until="load")
        page.get_by_text("检查程序已就绪").wait_for(timeout=60_000)
        state.load_seconds = time.monotonic() - start
        context.set_offline(True)  # the network cable pulled: checking must go on
        state.page = page
        yield state
        context.close()


def run_check(page, text: str, doctype: str = "") -> None:
    """Paste `text`, choose the 文种, press 检查, wait for the result or the message."""
    _reset(page)
    page.fill("#gw-draft-text", text)
    page.select_option("#gw-draft-type", doctype)
    page.click("#gw-draft-submit")
    _wait_done(page)


def pick_file(page, name: str, data: bytes, mime: str = "application/octet-stream") -> None:
    _reset(page)
    page.set_input_files("#gw-draft-file", files=[{"name": name, "mimeType": mime,
                                                   "buffer": data}])
    _wait_done(page)


def _reset(page) -> None:
    page.evaluate("""() => {
        document.getElementById('gw-draft-status').textContent = '';
        const e = document.getElementById('gw-draft-error'); e.textContent = ''; e.hidden = true;
    }""")


def _wait_done(page) -> None:
    page.wait_for_function("""() => {
        const status = document.getElementById('gw-draft-status').textContent;
        const error = document.getElementById('gw-draft-error');
        return !document.getElementById('gw-draft-submit').disabled &&
            (status.startsWith('检查完成') || !error.hidden);
    }""", timeout=60_000)


def error_text(page) -> str:
    error = page.locator("#gw-draft-error")
    return error.inner_text() if error.is_visible() else ""


def findings(page) -> list[tuple[str, str, str]]:
    """(severity word, rule code, message) of each finding shown."""
    return [tuple(x) for x in page.eval_on_selector_all(
        "#gw-draft-result .gw-finding",
        "els => els.map(e => [e.querySelector('.gw-sev').textContent,"
        " e.querySelector('.gw-rule').textContent.split(' ')[0],"
        " e.querySelector('.gw-msg').textContent])")]


def outline(page) -> list[str]:
    return page.eval_on_selector_all("#gw-draft-result .gw-outline li",
                                     "els => els.map(e => e.textContent)")


# ---------------------------------------------------------------- the draft is checked


def test_pasted_draft_gets_its_findings_outline_and_highlights(checker):
    page = checker.page
    run_check(page, DRAFT)
    assert error_text(page) == ""
    shown = findings(page)
    assert ("错误", "GW103", "序号跳号：应为“（二）”，实为“（三）”") in shown
    assert any(sev == "错误" and code == "GW201" and "存在问题" in msg
               for sev, code, msg in shown), shown
    # The half-width "(认真)" between Chinese characters, line 7 of the draft.
    assert any(sev == "警告" and code == "GW411" and "半角标点" in msg
               for sev, code, msg in shown), shown
    assert "gw-draft__line--warning" in page.locator("#gw-draft-L7").get_attribute("class")
    assert outline(page) == ["一、主要工作和成效", f"（一）{MARKER}抓学习", "（三）抓落实",
                             "二、下一步打算"]
    summary = page.locator("#gw-draft-result summary").inner_text()
    assert "有错误" in summary and "工作总结（自动识别）" in summary
    # The finding's paragraph is highlighted in the rendering, and its link leads there.
    line5 = page.locator("#gw-draft-L5")
    assert "gw-draft__line--error" in line5.get_attribute("class")
    assert "（三）抓落实" in line5.inner_text()
    page.locator(".gw-finding", has_text="GW103").locator("a.gw-line").click()
    assert "gw-draft__line--current" in line5.get_attribute("class")
    # The rule's section of 写作通则.
    rule = page.locator(".gw-finding", has_text="GW103").locator("a.gw-rule")
    assert rule.inner_text() == "GW103 序号跳号"  # code and Chinese name, as the panel shows
    assert rule.get_attribute("href").endswith("guide/rules/#gw103")
    guide = page.locator(".gw-finding", has_text="GW103").locator("a.gw-guide")
    assert guide.get_attribute("href").endswith("guide/#numbering")
    assert page.errors == []


def test_no_request_carries_the_draft_or_leaves_the_host(checker):
    run_check(checker.page, DRAFT)
    needles = [MARKER.encode(), MARKER.encode("utf-16-le"), quote(MARKER).encode()]
    assert len(checker.requests) > 5
    for url, body in checker.requests:
        assert url.startswith("http://127.0.0.1:"), url
        assert MARKER not in unquote(url), url
        assert not body or not any(needle in body for needle in needles), url
    assert checker.context.guard.offsite == []


def test_doctype_chosen_by_the_writer(checker):
    # No title: auto-detection finds no 文种, so only the generic rules run and the page says so.
    untitled = "一、主要工作\n二、下一步打算\n"
    run_check(checker.page, untitled)
    assert "没有从标题认出文种" in checker.page.locator("#gw-draft-result").inner_text()
    run_check(checker.page, untitled, doctype="summary")
    summary = checker.page.locator("#gw-draft-result summary").inner_text()
    assert "工作总结" in summary and "自动识别" not in summary
    assert any(code == "GW201" for _, code, _ in findings(checker.page))


# ---------------------------------------------------------------- files


def _docx(paragraphs: list[str]) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_made_with_python_docx_gives_its_outline(checker):
    data = _docx(["关于某某工作的情况汇报", "一、基本情况", "（一）组织领导", "（二）推进落实",
                  "二、存在的问题", "三、下一步工作"])
    pick_file(checker.page, "汇报.docx", data)
    assert error_text(checker.page) == ""
    assert outline(checker.page) == ["一、基本情况", "（一）组织领导", "（二）推进落实",
                                     "二、存在的问题", "三、下一步工作"]
    assert checker.page.input_value("#gw-draft-text").startswith("关于某某工作的情况汇报\n")


def test_gb18030_txt_gives_its_outline(checker):
    text = "2025年度工作总结\r\n一、主要工作\r\n二、存在问题\r\n三、下一步打算\r\n"
    pick_file(checker.page, "总结.txt", text.encode("gb18030"), "text/plain")
    assert error_text(checker.page) == ""
    assert outline(checker.page) == ["一、主要工作", "二、存在问题", "三、下一步打算"]


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w/>" + b" " * (51 * 1024 * 1024))
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
BAD_FILES = {
    "doc": ("旧稿.doc", OLE + b"WordDocument", "旧版 Word 文档（.doc）"),
    "pdf": ("稿件.pdf", b"%PDF-1.7\n" + b"0" * 100, "这是 PDF 文件"),
    "broken-docx": ("坏.docx", b"PK\x03\x04 this is not really a zip", "不是有效的 Word 文档"),
    "password-docx": ("加密.docx", OLE + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64,
                      "设置了打开密码"),
    "too-big": ("大.docx", b"PK" + b"\0" * (5 * 1024 * 1024 + 10), "文件过大（5.0 MB，上限 5 MB）"),
    "zip-bomb": ("炸弹.docx", _zip_bomb(), "解压后过大"),
    "unknown-encoding": ("乱码.txt", b"\x81\x30\xff\xfe\xfd" * 40, "无法识别文字编码"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_file_gets_a_chinese_message(checker, case):
    name, data, expected = BAD_FILES[case]
    pick_file(checker.page, name, data)
    message = error_text(checker.page)
    assert expected in message, message
    assert message.startswith(name), message
    assert checker.page.locator("#gw-draft-submit").is_enabled()  # nothing broke
    assert checker.page.errors == []


def test_empty_box_gets_a_message(checker):
    run_check(checker.page, "  \n\n")
    assert error_text(checker.page).startswith("稿件是空的")
    assert checker.page.locator("#gw-draft-result").inner_text() == ""


def test_a_100000_character_draft_finishes_and_the_page_stays_responsive(checker):
    page = checker.page
    cn = "一二三四五六七八九十"
    prose = "认真学习贯彻会议精神，扎实推进各项工作落实落细、见到实效，" * 10
    lines = ["某某局2025年工作总结", "现将有关情况总结如下。"]
    for i in cn:
        lines.append(f"{i}、第{i}方面的工作")
        for j in cn:
            lines.append(f"（{j}）第{j}项任务")
            lines += [f"{k}.{prose}" for k in (1, 2, 3, 4)]
    text = "\n".join(lines) + "\n"
    assert len(text) >= 100_000
    _reset(page)
    page.fill("#gw-draft-text", text)
    # The button is disabled while the worker checks: seen by an observer, not by a look
    # after the click (a fast check may be over by then).
    page.evaluate("""() => {
        const button = document.getElementById('gw-draft-submit');
        window.gwWasBusy = false;
        new MutationObserver(() => { if (button.disabled) window.gwWasBusy = true; })
            .observe(button, {attributes: true});
    }""")
    page.click("#gw-draft-submit")
    # While the worker checks, the page answers at once (the check is off the main thread).
    start = time.monotonic()
    page.evaluate("() => document.title")
    assert time.monotonic() - start < 1.0
    _wait_done(page)
    assert page.evaluate("() => window.gwWasBusy")
    assert error_text(page) == ""
    assert page.locator("#gw-draft-status").inner_text().startswith(f"检查完成（{len(text)}字")


# ---------------------------------------------------------------- accessibility


def test_page_has_no_serious_accessibility_violation(checker):
    if not AXE.exists():
        pytest.fail("缺少 axe-core：请运行 bash scripts/test.sh（会在 tests/browser 中执行 npm ci"
                    "）")
    page = checker.page
    run_check(page, DRAFT)  # audit the page with a result shown
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => `${v.impact} ${v.id}: ${v.help} — ` +"
        " v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"
    )
    assert violations == [], "\n".join(violations)


def test_page_works_when_its_content_is_swapped_as_instant_navigation_does(checker):
    """Material's instant navigation puts in new content and re-runs its scripts (the test
    site's address does not match its port, so it is done here as Material does it): the
    visit's worker is reused (no second Pyodide load) and the new form checks at once."""
    page = checker.page
    checker.context.set_offline(False)  # the re-run script is fetched again
    page.evaluate("""() => {
        window.firstWorker = window.__gongwenDraft.worker;
        const article = document.querySelector('article.md-content__inner');
        article.innerHTML = article.innerHTML;  // fresh elements, scripts not yet run
        for (const old of article.querySelectorAll('script')) {
            const script = document.createElement('script');
            for (const name of old.getAttributeNames()) {
                script.setAttribute(name, old.getAttribute(name));
            }
            old.replaceWith(script);
        }
    }""")
    try:
        page.get_by_text("检查程序已就绪").wait_for(timeout=10_000)
    finally:
        checker.context.set_offline(True)
    assert page.evaluate("window.__gongwenDraft.worker === window.firstWorker")
    run_check(page, DRAFT)
    assert ("错误", "GW103", "序号跳号：应为“（二）”，实为“（三）”") in findings(page)
    assert page.errors == []


def test_download_docx_with_comments(checker, tmp_path):
    """下载带批注的 Word: made in the browser (stdlib writer under Pyodide), read back here."""
    from test_annotate import comments_by_paragraph, make_draft, snapshot

    draft = tmp_path / "稿件.docx"
    make_draft(draft)
    page = checker.page
    pick_file(page, "稿件.docx", draft.read_bytes())
    button = page.get_by_role("button", name="下载带批注的 Word")
    assert button.is_visible()
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "稿件（带批注）.docx"
    annotated = Document(download.path())
    assert snapshot(annotated) == snapshot(Document(str(draft)))
    comments = comments_by_paragraph(annotated)
    assert "[错误] 序号跳号：应为“（二）”，实为“（三）”（GW103）" in comments["（三）抓落实"]
    assert all(c.author == "公文结构检查" for c in annotated.comments)
    # Edited after reading: the copy would no longer match the box, so it is not offered.
    page.fill("#gw-draft-text", page.input_value("#gw-draft-text") + "补一句。")
    page.locator("#gw-draft-text").dispatch_event("input")
    assert not button.is_visible()
    run_check(page, DRAFT)
    assert not button.is_visible()
