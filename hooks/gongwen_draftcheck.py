"""MkDocs hook of the 检查我的稿件 page: ships the checker to the browser.

After the build, the gongwen package and the schemas (as JSON) are zipped into the site
(site_dir/assets/draftcheck/gongwen.zip); the page's worker loads it into Pyodide. The
page's 文种 list comes from the schemas, through the page context; each type page and
template gets a link to the page with its 文种 chosen.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from gongwen.check.schema import load_schemas
from gongwen.site.bundle import library_zip

PAGE_URI = "check-draft/index.md"
BUNDLE = "assets/draftcheck/gongwen.zip"
_FILES: list = []  # this build's Files; replaced on every build (mkdocs serve keeps modules)


def on_files(files, config):
    _FILES[:] = [files]
    return files


def on_page_context(context, page, config, nav):
    schemas = load_schemas()
    uri = page.file.src_uri
    if uri == PAGE_URI:
        # In the order of the site's navigation (type pages), then any other.
        order = {p.file.src_uri: i for i, p in enumerate(nav.pages)}
        context["gongwen_doctypes"] = [
            (doctype, schema.label) for doctype, schema in
            sorted(schemas.items(), key=lambda kv: order.get(f"{kv[0]}/index.md", 10**6))]
    folder, name = posixpath.split(uri)
    target = _FILES[0].get_file_from_path(PAGE_URI) if _FILES else None
    if target is not None and folder in schemas and name in ("index.md", "template.md"):
        context["gongwen_draft_link"] = {"label": schemas[folder].label,
                                         "url": f"{target.url_relative_to(page.file)}?type={folder}"}
    return context


def on_post_build(config):
    target = Path(config.site_dir) / BUNDLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(library_zip())
