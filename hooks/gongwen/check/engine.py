"""Check a document: read it, run every rule, apply the author's acknowledgements.

    check_text(text, path="<text>", doctype=None) -> CheckResult
    check_file(path, doctype=None) -> CheckResult

The doctype comes from the explicit argument, else the front matter's `doctype`, else
the title (…工作总结 → summary), else None (only the generic rules run). A page whose
front matter has a `kind` other than exemplar/template (a type's index page, the guide)
is about documents, not one: it gets no doctype unless one is passed explicitly.
"""
from __future__ import annotations

import gc
import os
from pathlib import Path

from gongwen.common import grouped, no_cyclic_gc, quote
from gongwen.text import numbering

from .document import Document, read
from .model import SEVERITY_ORDER, CheckResult, Finding, acknowledged
from .rules import RULES, find_rule
from .rules.meta import ACK_UNUSED, FRONT_MATTER, KINDS
from .schema import Schema, infer_doctype, page_schemas


class UnknownDoctype(ValueError):
    """An explicit doctype that no schema defines."""


def resolve_doctype(document: Document, doctype: str | None, schemas: dict[str, Schema]
                    ) -> str | None:
    if doctype is not None:
        if doctype not in schemas:
            raise UnknownDoctype(
                f"未知的文种 {doctype!r}，可用：{'、'.join(sorted(schemas))}")
        return doctype
    meta = document.meta
    kind = meta.get("kind")
    if kind is not None and kind not in KINDS:
        return None
    declared = meta.get("doctype")
    if isinstance(declared, str) and declared in schemas:
        return declared
    if declared is not None:
        return None  # reported by GW902; guessing would hide the mistake
    return infer_doctype(document.title, schemas)


def _is_document(document: Document, doctype: str | None) -> bool:
    return doctype is not None or not document.markdown or \
        document.meta.get("kind") in KINDS


def _front_acks(document: Document) -> list[tuple[str, str, int | None]]:
    acks = document.meta.get("acknowledge")
    out = []
    if isinstance(acks, list):
        for entry in acks:
            if isinstance(entry, dict) and isinstance(entry.get("rule"), str) and \
                    isinstance(entry.get("reason"), str) and entry["reason"].strip():
                line = entry.get("line")
                out.append((entry["rule"], entry["reason"].strip(),
                            line if isinstance(line, int) and not isinstance(line, bool)
                            else None))
    return out


def _code(key: str) -> str | None:
    """The code of the rule an acknowledgement names (GW103 or numbering-gap), if any."""
    rule = find_rule(key)
    return rule.code if rule is not None else None


def apply_acknowledgements(document: Document, findings: list[Finding]) -> list[Finding]:
    """Mark acknowledged findings (they keep their severity) and report unused acks."""
    if not document.acks and "acknowledge" not in document.meta:
        return list(findings)  # (most pages acknowledge nothing)
    out = list(findings)
    # Where each rule's findings are (an acknowledgement reads only its rule's).
    at: dict[str, list[int]] = grouped((f.rule, i) for i, f in enumerate(out))
    extra: list[Finding] = []
    for key, reason, line in _front_acks(document):
        used = False
        for i in at.get(_code(key) or "", ()):
            f = out[i]
            if f.acknowledged is None and (line is None or f.line == line):
                out[i] = acknowledged(f, reason)
                used = True
        if not used:
            extra.append(_unused(key, "front matter 的 acknowledge ", 1, line))
    for ack in document.acks:
        used = False
        for i in at.get(_code(ack.rule) or "", ()):
            f = out[i]
            if f.acknowledged is None and f.line in (ack.line, ack.line + 1):
                out[i] = acknowledged(f, ack.reason or "（行内确认）")
                used = True
        if not used:
            extra.append(_unused(ack.rule, "行内确认", ack.line, ack.line, inline=True))
    return out + extra


def _unused(key: str, where: str, report_line: int, line: int | None,
            inline: bool = False) -> Finding:
    if find_rule(key) is None:  # an error, as the guide says: a typo must not pass unseen
        return FRONT_MATTER.finding(report_line, f"{where}中的规则 {quote(key)} 不存在："
                                                 "应为规则代码（如 GW103）或名称（如 numbering-gap"
                                                 "）")
    at = f"第{line}、{line + 1}行" if inline else f"第{line}行" if line else "全文"
    return ACK_UNUSED.finding(report_line, f"{where}中的 {quote(key)} 没有用上：{at}没有这条"
                                           f"检查结果，请删除这条确认")


# The rules that run, by (a schema?, a document?): picked once, not asked of each rule
# on every page.
RULES_FOR = {(has_schema, is_document): tuple(
    rule for rule in RULES
    if not (rule.needs_schema and not has_schema or rule.documents_only and not is_document))
    for has_schema in (False, True) for is_document in (False, True)}


def check_document(document: Document, doctype: str | None = None,
                   schemas: dict[str, Schema] | None = None) -> CheckResult:
    """Run the rules on a Document already read (see gongwen.check.document.read)."""
    # No cyclic garbage collection while the rules run: they make no reference cycles
    # (what they drop goes at once), and each collection would walk all the objects of
    # the document again (on a page of 100,000 headings, 40% of the rules' time).
    if not gc.isenabled():  # (paused already: check_text; no context manager made)
        return _check(document, doctype, schemas)
    with no_cyclic_gc():
        return _check(document, doctype, schemas)


def _check(document: Document, doctype: str | None, schemas: dict[str, Schema] | None
           ) -> CheckResult:
    schemas = page_schemas() if schemas is None else schemas
    resolved = resolve_doctype(document, doctype, schemas)
    schema = schemas.get(resolved) if resolved else None
    document.known_doctypes = tuple(schemas)
    is_document = _is_document(document, resolved)
    findings: list[Finding] = []
    extend = findings.extend
    for rule in RULES_FOR[schema is not None, is_document]:
        extend(rule.check(document, schema))
    findings = apply_acknowledgements(document, findings)
    # The rules' shared analyses are done with: freed now, while the collector is paused
    # (else its next run walks them all, as they are young).
    document.cache.clear()
    findings.sort(key=lambda f: (f.line or 0, SEVERITY_ORDER.get(f.severity, 3), f.rule))
    return CheckResult(document.path, resolved, document.title, list(document.headings),
                       findings)


def check_text(text: str, path: str = "<text>", doctype: str | None = None, *,
               schemas: dict[str, Schema] | None = None,
               markdown: bool | None = None) -> CheckResult:
    """Check a whole file's text (front matter included); lines are the file's lines.

    `markdown` defaults to True unless `path` ends in .txt (plain text: one paragraph
    a line, no Markdown syntax). Raises UnknownDoctype for an explicit unknown doctype.
    """
    numbering.ordinal_memo = {}  # per-document memo of parse_ordinal
    # One pause of the cyclic collector for reading and checking: the Document is
    # dropped (by reference counting) before the collector resumes, which then finds
    # the young objects gone instead of walking them all (at the end of the reading,
    # and again at the end of the rules). (gongwen.common.no_cyclic_gc, inline: the
    # context manager cost a few microseconds a page.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return check_document(read(text, path, markdown), doctype, schemas)
    finally:
        if collecting:
            gc.enable()
        numbering.ordinal_memo = None  # keep no author text after the check


def check_file(path: str | Path, doctype: str | None = None, *,
               schemas: dict[str, Schema] | None = None) -> CheckResult:
    """Read a UTF-8 file and check it (raises OSError / UnicodeDecodeError)."""
    # Bytes decoded at once (a third cheaper than a text stream), newlines made "\n" as
    # the stream would. (Read with os.read: no file object to build, a sixth of the time
    # of reading a page.)
    text = _read_bytes(path).decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return check_text(text, str(path), doctype, schemas=schemas)


def _read_bytes(path: str | Path) -> bytes:
    """The bytes of a file (what open(path, "rb").read() gives, and raises)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, READ_CHUNK):
            chunks.append(chunk)
    except OSError as exc:  # (a directory: open() names the path in its error)
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


READ_CHUNK = 1 << 16  # a page is a few kilobytes: one read, and the one that finds the end


__all__ = [
    "UnknownDoctype",
    "apply_acknowledgements",
    "check_document",
    "check_file",
    "check_text",
    "resolve_doctype",
]
