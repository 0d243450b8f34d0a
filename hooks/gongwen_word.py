"""MkDocs hooks: Word (.docx) and plain-text downloads of templates and exemplars.

Every page whose front matter says `kind: template` or `kind: exemplar` gets two files
next to its HTML in site_dir: <stem>.docx (GB/T 9704 layout, gongwen.docx_export) and
<stem>.txt (gongwen.plaintext). The links reach the page through
context["gongwen_downloads"], rendered by overrides/partials/gongwen-downloads.html, so
nothing is added to the Markdown (or to the search index).

Generated files are cached by content in .cache/gongwen-word/ beside mkdocs.yml (outside
docs_dir, so `mkdocs serve` is not retriggered): the key hashes the page source and the
gongwen library's own code, so an edit to either makes a new file. Entries unused for
30 days are removed after a build.
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import docx
import gongwen
from gongwen.export.docx_export import DocxWriter
from gongwen.export.plaintext import document_blocks, to_txt_bytes
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("gongwen")

DOWNLOAD_KINDS = ("template", "exemplar")
CACHE_DIR = ".cache/gongwen-word"
CACHE_DAYS = 30
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

    def __init__(self, author: str, cache: Path | None) -> None:
        self.author = author
        self.cache = cache
        self.version = _code_version(author)
        self.writer: DocxWriter | None = None

    def docx_writer(self) -> DocxWriter:
        if self.writer is None:  # built on first use: pages without downloads cost nothing
            self.writer = DocxWriter(author=self.author)
        return self.writer


def _code_version(author: str) -> str:
    """A hash of everything that shapes the files besides the page: library code, versions."""
    digest = hashlib.sha256(f"{author}\0{docx.__version__}".encode())
    package = Path(gongwen.__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


# Replaced in on_config; a placeholder so that the module imports cleanly.
_state = _BuildState("公文写作范本库", None)


def on_config(config):
    global _state
    project = Path(config.config_file_path).resolve().parent if config.config_file_path else None
    cache = project / CACHE_DIR if project else None
    _state = _BuildState(config.site_author or config.site_name or "公文写作范本库", cache)
    return config


def on_page_context(context, page, config, nav):
    meta = page.meta or {}
    if meta.get("kind") not in DOWNLOAD_KINDS:
        return context
    downloads = _write_downloads(page, config)
    if downloads is not None:
        context["gongwen_downloads"] = downloads
    return context


def on_post_build(config):
    cache = _state.cache
    if cache is None or not cache.is_dir():
        return
    cutoff = time.time() - CACHE_DAYS * 86400
    for entry in os.scandir(cache):
        try:
            if entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass  # another build may be pruning the same entry


def _write_downloads(page, config) -> Downloads | None:
    src = page.file.src_uri
    stem = _file_stem(src)
    out_dir = os.path.join(config.site_dir, *posixpath.dirname(page.file.dest_uri).split("/"))
    targets = {ext: os.path.join(out_dir, f"{stem}.{ext}") for ext in ("docx", "txt")}
    try:
        os.makedirs(out_dir, exist_ok=True)
        if not _from_cache(page.file.content_string, targets):
            _generate(page.file.content_string, targets)
    except OSError as exc:
        raise PluginError(f"docs/{src}：无法写入下载文件（{exc}）。请检查输出目录（site_dir）是否可写。"
                          ) from exc
    except Exception as exc:  # noqa: BLE001 - any failure must name the page
        log.error(f"docs/{src}：无法生成 Word/纯文本下载文件（{type(exc).__name__}: {exc}）。"
                  "请检查该页的 Markdown 是否完整，或向维护者报告此错误。")
        return None
    name = RE_UNSAFE_NAME.sub("_", page.title or stem).strip(" ._")[:80] or stem
    return Downloads(
        docx=f"{stem}.docx", txt=f"{stem}.txt",
        docx_name=f"{name}.docx", txt_name=f"{name}.txt",
        docx_size=_size(os.path.getsize(targets["docx"])),
        txt_size=_size(os.path.getsize(targets["txt"])),
    )


def _file_stem(src: str) -> str:
    stem = posixpath.splitext(posixpath.basename(src))[0]
    if stem in ("index", "template"):
        # template.md of every type: name the files after the type (summary-template.docx).
        parent = posixpath.basename(posixpath.dirname(src)) or "site"
        stem = f"{parent}-{stem}" if stem == "template" else parent
    return stem


def _cache_key(source: str) -> str:
    return hashlib.sha256(f"{_state.version}\0{source}".encode()).hexdigest()[:40]


def _from_cache(source: str, targets: dict[str, str]) -> bool:
    if _state.cache is None:
        return False
    key = _cache_key(source)
    try:
        for ext, target in targets.items():
            cached = _state.cache / f"{key}.{ext}"
            _place(cached, target)
            os.utime(cached)  # keeps the entry from being pruned
    except OSError:
        return False  # a miss, or an entry pruned by another build: generate instead
    return True


def _generate(source: str, targets: dict[str, str]) -> None:
    blocks = document_blocks(source)
    files = {"docx": _state.docx_writer().render(blocks), "txt": to_txt_bytes(blocks)}
    if _state.cache is not None:
        key = _cache_key(source)
        try:
            _state.cache.mkdir(parents=True, exist_ok=True)
            for ext, data in files.items():
                path = _state.cache / f"{key}.{ext}"
                tmp = path.with_suffix(f".{ext}.tmp{os.getpid()}")
                tmp.write_bytes(data)
                os.replace(tmp, path)
                _place(path, targets[ext])
            return
        except OSError as exc:  # a read-only checkout still builds, only slower
            log.debug(f"下载文件缓存不可写（{exc}），本次构建不使用缓存")
            _state.cache = None
    for ext, data in files.items():
        with open(targets[ext], "wb") as fh:
            fh.write(data)


def _place(cached: Path, target: str) -> None:
    """Put a cached file into site_dir: a hard link (ten times faster than a copy here,
    and nothing rewrites these files in place), else a copy (another file system)."""
    try:
        os.link(cached, target)
    except FileExistsError:  # a dirty rebuild (mkdocs serve --dirty) left the old one
        os.unlink(target)
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"
