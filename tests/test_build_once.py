"""Each page is read and scanned once per build, and what was read is shared: the check,
the panel's anchors, the downloads and the lists all use the one read document.

A real in-process `mkdocs build` of a copy of the site (empty download cache, so every
.docx and .txt is made), with counting spies around the scanner and the reader.
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import gongwen.build.state as build_state
from conftest import ROOT
from gongwen.check import document
from gongwen.export import plaintext

sys.path.insert(0, str(ROOT / "scripts"))
from make_corpus import make_corpus


def test_each_page_is_read_and_scanned_once_per_build(tmp_path, monkeypatch) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.structure.files import File

    corpus = make_corpus(tmp_path / "corpus", 5)
    reads: Counter[str] = Counter()
    scans: list[int] = []
    sources: Counter[str] = Counter()
    real_read, real_scan = document.read, document.scan_lines
    real_source = File.content_string

    def counting_read(text: str, path: str = "<text>", markdown: bool | None = None):
        reads[path] += 1
        return real_read(text, path, markdown)

    def counting_scan(*args, **kwargs):
        scans.append(1)
        return real_scan(*args, **kwargs)

    def counting_source(self: File) -> str:
        if not self.generated_by:
            sources[self.src_uri] += 1
        return real_source.fget(self)

    monkeypatch.setattr(build_state, "read", counting_read)
    monkeypatch.setattr(document, "scan_lines", counting_scan)
    monkeypatch.setattr(plaintext, "scan_lines", counting_scan)
    monkeypatch.setattr(File, "content_string", property(counting_source))
    monkeypatch.chdir(corpus.root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    site = tmp_path / "site"
    build(load_config(config_file=str(corpus.config), site_dir=str(site)))

    pages = {p.relative_to(corpus.docs).as_posix() for p in corpus.docs.rglob("*.md")}
    assert set(reads) == pages and set(reads.values()) == {1}, "每页只读一次"
    assert len(scans) == len(pages), "下载与面板复用检查读出的分块，不再扫描"
    # The hook takes a page's source once; MkDocs reads it once more to render it.
    assert set(sources) == pages and set(sources.values()) == {2}, sources
    # What was shared was used: every template and exemplar has its downloads (made now,
    # the cache being empty), and a typed page's panel links its headings.
    made = [name for _, _, names in os.walk(site) for name in names if name.endswith(".docx")]
    typed = [p for p in pages if p.endswith("template.md") or "/exemplars/" in p]
    assert len(made) == len(typed) >= 10
    exemplar = next(p for p in pages if "/exemplars/" in p)
    page_html = (site / Path(exemplar).with_suffix("") / "index.html").read_text("utf-8")
    assert 'class="gw-check' in page_html and 'href="#' in page_html
