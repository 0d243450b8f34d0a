"""The 结构检查 panel of a typed page: where each finding and heading is on the page.

Pure functions over CheckResult and plain strings; the hook hands `panel_context()` to the
theme, where overrides/partials/gongwen-check.html renders it.

A reader never sees the Markdown source, so the panel does not say 「第 35 行」: it names
the paragraph by its first words and links to it (`paragraph_places()` finds the paragraph
of each finding's line, `mark_paragraphs()` gives its element an id). The CLI keeps lines.
"""
from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gongwen.check.document import Document
from gongwen.check.model import (
    SEVERITY_LABELS,
    STATUS_LABELS,
    CheckResult,
    Finding,
    heading_label,
    severity_label,
)
from gongwen.text.blocks import RE_ATX_TITLE

# The run-in anchor convention: an empty span at the very start of the paragraph.
RE_SPAN_ANCHOR = re.compile(r'^\s*<span id="([^"]+)"></span>')
# A trailing attr_list ({ #id .class }) is not part of the heading's text.
RE_ATTR_LIST = re.compile(r"\s*\{\s*[:#.][^}]*\}\s*$")
RE_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
RE_TAG = re.compile(r"<[^>]+>")
RE_MARKUP = re.compile(r"[*_`~\\]|\s+")
# An element of the rendered page that can hold a finding's paragraph.
RE_BLOCK = re.compile(r"<(p|li|h[1-6]|td)((?:\s[^>]*)?)>(.*?)</\1>", re.DOTALL)
RE_ID_ATTR = re.compile(r'\sid="([^"]+)"')
WHERE_CHARS = 12  # the first words that name a paragraph in the panel
MATCH_CHARS = 6   # enough of a paragraph's start to find it in the page
PARAGRAPH_ID = "gw-p{line}"


@dataclass(frozen=True)
class Place:
    """Where a finding is, as a reader sees it: its paragraph's first words and their id."""

    words: str
    anchor: str | None


@dataclass(frozen=True)
class Anchor:
    line: int
    id: str


def _plain(text: str) -> str:
    """Heading text without Markdown/HTML markup or spaces, for comparing with the toc."""
    text = html.unescape(RE_TAG.sub("", RE_ATTR_LIST.sub("", text)))
    return RE_MARKUP.sub("", text)


def heading_lines(scanned: Iterable[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """(line, text) of the scanned lines an anchor can be on: # headings and run-in
    headings' `<span id>`. scanned: the read document's lines (gongwen.text.blocks), so
    a page is scanned once per build and a `#` line inside code is never a heading."""
    return [(number, raw) for number, raw, kind in scanned
            if kind == "atx" or raw.lstrip().startswith("<span") and RE_SPAN_ANCHOR.match(raw)]


def heading_anchors(lines: Iterable[tuple[int, str]],
                    toc: Sequence[tuple[str, str]]) -> list[Anchor]:
    """Source line of every anchor a reader can jump to, in line order.

    lines: heading_lines() of the page (real line numbers, front matter counted);
    toc: (title, id) of the rendered page's headings in document order.
    Markdown headings are matched to the toc in order, by text (a heading the toc does
    not have is passed over); run-in headings carry their own span id.
    """
    anchors: list[Anchor] = []
    pending = [(_plain(title), anchor_id) for title, anchor_id in toc]
    next_toc = 0
    for number, line in lines:
        span = RE_SPAN_ANCHOR.match(line)
        if span:
            anchors.append(Anchor(number, span.group(1)))
            continue
        heading = RE_ATX_TITLE.match(line)
        if not heading or next_toc >= len(pending):
            continue
        explicit = RE_EXPLICIT_ID.search(heading.group(2))
        text = _plain(heading.group(2))
        # Look a few entries ahead: a heading the toc dropped must not derail the rest.
        for index in range(next_toc, min(next_toc + 3, len(pending))):
            title, anchor_id = pending[index]
            if title == text or (explicit and explicit.group(1) == anchor_id):
                anchors.append(Anchor(number, anchor_id))
                next_toc = index + 1
                break
    return anchors


def anchor_for_line(anchors: Sequence[Anchor], line: int | None) -> str | None:
    """Id of the nearest anchor at or above `line` (None before the first one)."""
    if line is None or not anchors:
        return None
    index = bisect.bisect_right([a.line for a in anchors], line) - 1
    return anchors[index].id if index >= 0 else None


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= WHERE_CHARS else text[:WHERE_CHARS] + "……"


def paragraph_places(document: Document, lines: Iterable[int]) -> dict[int, tuple[int, str]]:
    """line → (first line, text) of the paragraph or heading holding it, for the given lines.

    Lines outside the document's text (front matter) are left out.
    """
    spans = sorted([(p.lines[0].number, p.lines[-1].number, p.text) for p in document.paragraphs
                    if p.lines] + [(line.number, line.number, line.text)
                                   for line in document.plain_headings])
    if document.title_line and document.title:
        spans.append((document.title_line, document.title_line, document.title))
        spans.sort()
    starts = [span[0] for span in spans]
    out: dict[int, tuple[int, str]] = {}
    for line in lines:
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0 and spans[index][0] <= line <= spans[index][1] and spans[index][2]:
            out[line] = (spans[index][0], spans[index][2])
    return out


def _key(text: str) -> str:
    """Text compared between the checker's reading and the rendered page: no markup, spaces."""
    return RE_MARKUP.sub("", html.unescape(RE_TAG.sub("", text)))[:MATCH_CHARS]


def mark_paragraphs(content: str, paragraphs: Mapping[int, str]) -> tuple[str, dict[int, str]]:
    """Give each paragraph (first line → text) an anchor in the rendered page.

    Paragraphs are looked for in order, each after the previous one; an element that has
    an id keeps it, others get an empty <span id> at their start. Returns the page and
    first line → id of the paragraphs found.
    """
    ids: dict[int, str] = {}
    out: list[str] = []
    pos = 0
    for line, text in sorted(paragraphs.items()):
        want = _key(text)
        if not want:
            continue
        for m in RE_BLOCK.finditer(content, pos):
            if not _key(m.group(3)).startswith(want):
                continue
            existing = RE_ID_ATTR.search(m.group(2))
            if existing:
                ids[line] = existing.group(1)
                out.append(content[pos:m.end()])
            else:
                # An empty span at the start, as run-in headings carry theirs: an id on the
                # element itself would become Material's annotation link target (#id_annotation_1)
                # and give that link no name.
                ids[line] = PARAGRAPH_ID.format(line=line)
                open_end = m.start(3)
                out.append(content[pos:open_end] + f'<span id="{ids[line]}"></span>'
                           + content[open_end:m.end()])
            pos = m.end()
            break
    out.append(content[pos:])
    return "".join(out), ids


def place_marks(content: str, found: Mapping[int, tuple[int, str]]
                ) -> tuple[str, dict[int, Place]]:
    """(the page with anchors on the findings' paragraphs, line → Place) for the panel.

    found: line → (first line, text) of its paragraph, from paragraph_places().
    """
    content, ids = mark_paragraphs(content, {first: text for first, text in found.values()})
    return content, {line: Place(_short(text), ids.get(first))
                     for line, (first, text) in found.items()}


def places(document: Document, lines: Iterable[int], content: str
           ) -> tuple[str, dict[int, Place]]:
    """paragraph_places() and place_marks() in one step."""
    return place_marks(content, paragraph_places(document, set(lines)))


def counts(result: CheckResult) -> dict[str, int]:
    """Findings per severity, plus how many were acknowledged by the author."""
    out = {severity: 0 for severity in SEVERITY_LABELS}
    out["acknowledged"] = 0
    for finding in result.findings:
        out[finding.severity] = out.get(finding.severity, 0) + 1
        if finding.acknowledged:
            out["acknowledged"] += 1
    return out


def panel_context(
    result: CheckResult,
    anchors: Sequence[Anchor],
    *,
    doctype_label: str | None,
    guide_url: str | None,
    rules_url: str | None,
    rule_guides: Mapping[str, str],
    where: Mapping[int, Place] | None = None,
) -> dict[str, Any]:
    """Everything the 结构检查 panel template needs, as plain data.

    guide_url / rules_url: the guide and rules pages relative to the current page;
    rule_guides: rule code → anchor id in the guide; where: line → Place (see places()).
    """
    where = where or {}

    def place(line: int | None) -> dict[str, Any] | None:
        """The paragraph a reader finds the line in: its first words and a link."""
        if not line:
            return None
        found = where.get(line)
        if found is None:
            return None
        return {"words": found.words, "anchor": found.anchor or anchor_for_line(anchors, line)}

    def finding_view(finding: Finding) -> dict[str, Any]:
        guide = rule_guides.get(finding.rule)
        return {
            "severity": finding.severity,
            "severity_label": severity_label(finding.severity),
            "rule": finding.rule,
            "title": finding.title,
            "name": finding.name,
            "message": finding.message,
            "line": finding.line,
            "anchor": anchor_for_line(anchors, finding.line),
            "place": place(finding.line),
            "acknowledged": finding.acknowledged,
            "guide_url": f"{guide_url}#{guide}" if guide_url and guide else None,
            "rule_url": f"{rules_url}#{finding.rule.lower()}" if rules_url else None,
        }

    findings = sorted(result.findings, key=lambda f: (f.line or 0, f.rule))
    # Info findings (placeholders, fill-in fields) come by the dozen on a template: one
    # entry per rule with links to its lines keeps the panel short (pages ≤ 60 KB).
    info_groups: dict[str, dict[str, Any]] = {}
    for finding in findings:
        if finding.severity != "info":
            continue
        group = info_groups.setdefault(finding.rule, {**finding_view(finding), "count": 0,
                                                      "places": []})
        group["count"] += 1
        at = place(finding.line)
        if at and at not in group["places"]:  # one link per paragraph, however many fields
            group["places"].append(at)
    return {
        "status": result.status,
        "status_label": STATUS_LABELS[result.status],
        "doctype": result.doctype,
        "doctype_label": doctype_label or result.doctype,
        "counts": counts(result),
        "labels": SEVERITY_LABELS,
        "findings": [finding_view(f) for f in findings if f.severity != "info"],
        "info_groups": list(info_groups.values()),
        "outline": [
            {
                "level": h.level,
                "label": heading_label(h),
                "title": h.title,
                "line": h.line,
                "anchor": anchor_for_line(anchors, h.line),
            }
            for h in result.outline
        ],
    }
