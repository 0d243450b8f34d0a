"""Findings back into Word: a copy of the writer's .docx with each finding as a comment (批注).

Uses python-docx 1.2's comments API. Each finding is anchored on the paragraph its line
came from (gongwen.text.docxtext records where every line was read); a finding about the whole
document sits on the first paragraph with text. The draft's text and runs are unchanged:
Word's convention adds only the comment range marks and one reference run per comment.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from gongwen.check.model import Finding, severity_label
from gongwen.text.docxtext import Where

AUTHOR = "公文结构检查"
INITIALS = "检查"


def comment_text(finding: Finding) -> str:
    return f"[{severity_label(finding.severity)}] {finding.message}（{finding.rule}）"


def _runs(paragraph_element, parent) -> list[Run]:
    """The paragraph's runs, those inside hyperlinks included (a comment needs a run)."""
    return [Run(r, parent) for r in paragraph_element.iter(qn("w:r"))
            if r.find(qn("w:t")) is not None]


def annotate_docx(data: bytes, findings: Sequence[Finding], where: Sequence[Where]) -> bytes:
    """The .docx `data` with one comment per finding; `where[i]` is line i+1's origin."""
    document = Document(io.BytesIO(data))
    body = document.element.body
    blocks = [child for child in body if isinstance(child.tag, str)]  # no XML comments
    parent = document._body

    def runs_of(block: int, row: int | None) -> list[Run]:
        element = blocks[block]
        if row is not None:
            element = list(element.iter(qn("w:tr")))[row]
        for p in ([element] if element.tag == qn("w:p") else element.iter(qn("w:p"))):
            runs = _runs(p, Paragraph(p, parent))
            if runs:
                return runs
        return []

    def anchor(line: int | None) -> list[Run]:
        # The finding's own paragraph, else the next one with text, else the first one.
        start = line - 1 if line and 0 < line <= len(where) else 0
        for index in [*range(start, len(where)), *range(start)]:
            runs = runs_of(where[index].block, where[index].row)
            if runs:
                return runs
        return []

    for finding in findings:
        runs = anchor(finding.line)
        if runs:
            document.add_comment(runs, text=comment_text(finding), author=AUTHOR,
                                 initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["AUTHOR", "annotate_docx", "comment_text"]
