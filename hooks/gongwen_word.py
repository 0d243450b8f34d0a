"""MkDocs hooks: Word (.docx) and plain-text downloads of templates and exemplars.

Every page whose front matter says `kind: template` or `kind: exemplar` gets two files
next to its HTML in site_dir: <stem>.docx (GB/T 9704 layout, gongwen.docx_export) and
<stem>.txt (gongwen.plaintext). The links reach the page through
context["gongwen_downloads"], rendered by overrides/partials/gongwen-downloads.html, so
nothing is added to the Markdown (or to the search index).
"""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass

from gongwen.docx_export import DocxWriter
from gongwen.plaintext import document_blocks, to_txt_bytes
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("gongwen")

DOWNLOAD_KINDS = ("template", "exemplar")
# Characters Windows does not allow in file names.
RE_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class Downloads:
    """What the partial shows: relative links, the names a browser saves them under."""

    docx: str
    txt: str
    docx_name: str
    txt_name: str
    docx_size: str
    txt_size: str


class _BuildState:
    """Rebuilt in on_config: the hook module outlives a `mkdocs serve` rebuild."""

    def __init__(self, author: str) -> None:
        self.author = author
        self.writer: DocxWriter | None = None
        self.downloads: dict[str, Downloads] = {}

    def docx_writer(self) -> DocxWriter:
        if self.writer is None:  # built on first use: pages without downloads cost nothing
            self.writer = DocxWriter(author=self.author)
        return self.writer


_state = _BuildState("公文写作范本库")


def on_config(config):
    global _state
    _state = _BuildState(config.site_author or config.site_name or "公文写作范本库")
    return config


def on_page_context(context, page, config, nav):
    meta = page.meta or {}
    if meta.get("kind") not in DOWNLOAD_KINDS:
        return context
    downloads = _write_downloads(page, config)
    if downloads is not None:
        context["gongwen_downloads"] = downloads
    return context


def _write_downloads(page, config) -> Downloads | None:
    source = page.file.content_string
    src = page.file.src_uri
    try:
        blocks = document_blocks(source)
        docx = _state.docx_writer().render(blocks)
        txt = to_txt_bytes(blocks)
    except Exception as exc:  # noqa: BLE001 - any failure must name the page
        log.error(f"docs/{src}：无法生成 Word/纯文本下载文件（{type(exc).__name__}: {exc}）。"
                  "请检查该页的 Markdown 是否完整，或向维护者报告此错误。")
        return None
    title = next((b.text for b in blocks if b.kind == "title"), None) or page.title or "公文"
    if page.meta.get("kind") == "template" and "模板" not in title:
        title = f"{title}（模板）"
    stem = posixpath.splitext(posixpath.basename(src))[0]
    if stem in ("index", "README"):
        stem = posixpath.basename(posixpath.dirname(src)) or "index"
    if stem == "template":
        # template.md of every type: keep the downloaded files apart in one folder.
        stem = f"{posixpath.basename(posixpath.dirname(src))}-template"
    out_dir = posixpath.dirname(page.file.dest_uri)
    files = {}
    for ext, data in (("docx", docx), ("txt", txt)):
        uri = posixpath.join(out_dir, f"{stem}.{ext}")
        _write_atomic(os.path.join(config.site_dir, *uri.split("/")), data)
        files[ext] = (f"{stem}.{ext}", _size(len(data)))
    name = RE_UNSAFE_NAME.sub("_", title).strip(" ._")[:80] or stem
    return Downloads(
        docx=files["docx"][0], txt=files["txt"][0],
        docx_name=f"{name}.docx", txt_name=f"{name}.txt",
        docx_size=files["docx"][1], txt_size=files["txt"][1],
    )


def _write_atomic(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.tmp{os.getpid()}"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise PluginError(f"无法写入下载文件 {path}：{exc}。请检查输出目录（site_dir）是否可写。"
                          ) from exc


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"
