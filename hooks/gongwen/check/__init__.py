"""Checking a document: read it (document.py), run the rules (rules/) under its type's
schema (schema.py, schemas/*.yaml), report the findings (report.py).

    check_text(text, path="<text>", doctype=None) -> CheckResult
    check_file(path, doctype=None) -> CheckResult
"""
from __future__ import annotations

from .engine import (
    UnknownDoctype,
    apply_acknowledgements,
    check_document,
    check_file,
    check_text,
    resolve_doctype,
)

__all__ = [
    "UnknownDoctype",
    "apply_acknowledgements",
    "check_document",
    "check_file",
    "check_text",
    "resolve_doctype",
]
