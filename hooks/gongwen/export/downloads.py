"""The .docx and .txt downloads of a page, written next to its HTML, cached by content.

Every page whose front matter says `kind: template` or `kind: exemplar` gets
<stem>.docx (GB/T 9704 layout, export.docx_export) and <stem>.txt (export.plaintext).
Generated files are cached in a folder the caller names (the hook: .cache/gongwen-word/
beside mkdocs.yml, outside docs_dir so `mkdocs serve` is not retriggered): the key
hashes the page source and the gongwen library's own code, so an edit to either makes a
new file. Entries unused for CACHE_DAYS are removed by prune().
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import docx

import gongwen
from gongwen.check.document import Document, heading_levels
from gongwen.check.rules.meta import KINDS
from gongwen.common import atomic_path

from .docx_export import DocxWriter
from .plaintext import document_blocks, to_txt_bytes

DOWNLOAD_KINDS = KINDS  # the pages that are documents: templates and exemplars
CACHE_DIR = ".cache/gongwen-word"
CACHE_DAYS = 30
EXTENSIONS = ("docx", "txt")
# Characters Windows does not allow in file names.
RE_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class PageRead(NamedTuple):
    """What the downloads need of a page the checker has read: its outline levels and its
    scanned lines. Kept per page for the whole build instead of the Document: plain ints,
    strings and tuples, which the garbage collector does not have to walk."""

    levels: dict[int, int]
    scanned: list[tuple[int, str, str]]


def page_read(document: Document) -> PageRead:
    return PageRead(heading_levels(document), document.scanned)


@dataclass(frozen=True)
class Downloads:
    """What the partial shows: relative links, the names a browser saves them under."""

    docx: str
    txt: str
    docx_name: str
    txt_name: str
    docx_size: str
    txt_size: str


def code_version(author: str, words: tuple[str, ...] = ()) -> str:
    """A hash of everything that shapes the files besides the page: library code, versions,
    the terms titles keep whole."""
    digest = hashlib.sha256(f"{author}\0{docx.__version__}\0{'|'.join(words)}".encode())
    package = Path(gongwen.__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_stem(src_uri: str) -> str:
    """The downloads' file name without extension: the page's, or its type's for index
    and template pages (summary-template.docx)."""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    if stem in ("index", "template"):
        parent = posixpath.basename(posixpath.dirname(src_uri)) or "site"
        stem = f"{parent}-{stem}" if stem == "template" else parent
    return stem


def dictionary_words(path: Path) -> list[str]:
    """The words of a jieba user dictionary (one `word [freq] [tag]` a line), [] if unreadable."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [line.split()[0] for line in lines if line.strip()]


def size_text(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


class DownloadWriter:
    """Writes a page's downloads; one per build (the cache may turn out read-only)."""

    def __init__(self, author: str, cache: Path | None, words: Iterable[str] = ()) -> None:
        self.author = author
        self.cache = cache
        self.words = tuple(words)  # domain terms a broken title keeps whole
        self.version = code_version(author, self.words)
        self._writer: DocxWriter | None = None
        self.cache_error: str | None = None  # why the cache was given up, if it was

    def docx_writer(self) -> DocxWriter:
        if self._writer is None:  # built on first use: pages without downloads cost nothing
            self._writer = DocxWriter(author=self.author, words=self.words)
        return self._writer

    def write(self, source: str, read: PageRead | None, out_dir: str, stem: str,
              title: str | None) -> Downloads:
        """Write <stem>.docx and <stem>.txt of the page `source` into out_dir.

        read: what the checker read from this very source (page_read), so no second read.
        Raises OSError when out_dir cannot be written; any other error is the exporter's.
        """
        targets = {ext: os.path.join(out_dir, f"{stem}.{ext}") for ext in EXTENSIONS}
        os.makedirs(out_dir, exist_ok=True)
        if not self._from_cache(source, targets):
            self._generate(source, read, targets)
        name = RE_UNSAFE_NAME.sub("_", title or stem).strip(" ._")[:80] or stem
        return Downloads(
            docx=f"{stem}.docx", txt=f"{stem}.txt",
            docx_name=f"{name}.docx", txt_name=f"{name}.txt",
            docx_size=size_text(os.path.getsize(targets["docx"])),
            txt_size=size_text(os.path.getsize(targets["txt"])),
        )

    def prune(self) -> None:
        """Remove cache entries unused for CACHE_DAYS."""
        if self.cache is None or not self.cache.is_dir():
            return
        cutoff = time.time() - CACHE_DAYS * 86400
        for entry in os.scandir(self.cache):
            try:
                if entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
            except OSError:
                pass  # another build may be pruning the same entry

    def _key(self, source: str) -> str:
        return hashlib.sha256(f"{self.version}\0{source}".encode()).hexdigest()[:40]

    def _from_cache(self, source: str, targets: dict[str, str]) -> bool:
        if self.cache is None:
            return False
        key = self._key(source)
        try:
            for ext, target in targets.items():
                cached = self.cache / f"{key}.{ext}"
                _place(cached, target)
                os.utime(cached)  # keeps the entry from being pruned
        except OSError:
            return False  # a miss, or an entry pruned by another build: generate instead
        return True

    def _generate(self, source: str, read: PageRead | None,
                  targets: dict[str, str]) -> None:
        blocks = document_blocks(source) if read is None else document_blocks(source, *read)
        files = {"docx": self.docx_writer().render(blocks), "txt": to_txt_bytes(blocks)}
        if self.cache is not None:
            key = self._key(source)
            try:
                for ext, data in files.items():
                    path = self.cache / f"{key}.{ext}"
                    with atomic_path(path) as tmp:
                        tmp.write_bytes(data)
                    _place(path, targets[ext])
                return
            except OSError as exc:  # a read-only checkout still builds, only slower
                self.cache_error = str(exc)
                self.cache = None
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
