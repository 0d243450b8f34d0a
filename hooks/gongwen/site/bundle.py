"""What the 检查我的稿件 page loads into Pyodide: this package as a zip, schemas as JSON.

Built at build time into the site (never into docs/). Pyodide's core has no PyYAML, so
the schemas travel as JSON (their YAML data, validated again in the browser by
gongwen.check.draft.load_schemas_json). The zip is byte-identical for identical sources, so a
rebuild does not change it.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the gongwen package
SCHEMAS_MEMBER = "gongwen_schemas.json"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed member times: a deterministic zip


def schemas_json(directory: str | os.PathLike | None = None) -> str:
    """Every schema's YAML data as one JSON object keyed by doctype (validated first)."""
    import yaml  # build time only

    from gongwen.check.schema import load_schemas

    out = {}
    for doctype, schema in sorted(load_schemas(directory).items()):
        with open(schema.path, encoding="utf-8") as handle:
            out[doctype] = yaml.safe_load(handle)
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def library_zip(schemas_dir: str | os.PathLike | None = None,
                package_dir: Path = PACKAGE_DIR) -> bytes:
    """The gongwen package's Python sources plus the schemas' JSON, as zip bytes."""
    buffer = io.BytesIO()
    sources = sorted(p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sources:
            name = f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}"
            archive.writestr(zipfile.ZipInfo(name, _EPOCH), path.read_bytes(),
                             zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo(SCHEMAS_MEMBER, _EPOCH),
                         schemas_json(schemas_dir).encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


__all__ = ["SCHEMAS_MEMBER", "library_zip", "schemas_json"]
