"""Realistic forms of the real documents: the same text as writers actually paste it.

The real documents in tests/eval/real/ have one paragraph a line, exactly as published;
drafts people check do not. Each form below rewrites a real document mechanically and
carries its ground truth along (every heading, defect and announcement is a point in
the original text, followed through the rewrite), so no record is written by hand:

    wrapped  hard-wrapped at a fixed width of 20–40 characters (a web page or PDF copy):
             a paragraph continues on the next line, a long heading wraps over two;
    runin    run-in headings: a （一）/1./（1） heading line joined to its paragraph
             (（一）标题。正文…), as drafts are typed;
    pasted   the body pasted as one line or a few lines (paragraph breaks lost);
    spaced   a blank line between paragraphs, two full-width spaces of indentation,
             CRLF line ends and, for half of the documents, a UTF-8 BOM (Notepad);
    pdf      a PDF copy: 28 characters a line (GB/T 9704-2012 §5.2.2), page numbers
             `— 2 —` every 22 lines (§7.5), a running 页眉, a contents list before the
             body of a document with five or more short level-1 headings, and a
             附件说明 before the signature.

Every form starts from the text with a table cell's bare ordinal (“（三）”, its title
“合理用药” on the next line) joined to its title, as a heading is written in a draft.

Forms are derived, not stored: `forms(doc)` gives one EvalDoc per form.
"""
from __future__ import annotations

import copy
import re
import zlib
from dataclasses import dataclass

from eval_set import EvalDoc, TruthDefect, TruthHeading

FORMS = {
    "wrapped": "硬回行",
    "runin": "标题接正文",
    "pasted": "粘成几行",
    "spaced": "空行缩进CRLF",
    "pdf": "PDF复制",
}
# 避头尾: a line of Chinese type does not start with closing punctuation.
CLOSING = set("，。、；：？！）》」』”’…—％%")
END = "。！？；：…"
RE_DATE = re.compile(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月"
                     r"[\d一二三四五六七八九十]{1,3}日\s*$")
RE_TITLE_END = re.compile(r"[。，：；！？〔]")
PAGE_MARKS = ("— {n} —", "－{n}－", "- {n} -")
PAGE_LINES = 22          # GB/T 9704-2012 §5.2.2: 22 lines a page, 28 characters a line
PDF_WIDTH = 28
CONTENTS_TITLE = 25      # longer level-1 "titles" are numbered articles, not in a 目录


@dataclass
class Point:
    """A place in the text: line index (0-based) and character offset in that line."""
    line: int
    offset: int


def _seed(doc_id: str, salt: str) -> int:
    return zlib.crc32(f"{doc_id}:{salt}".encode())


def _columns(ch: str) -> int:
    return 1 if ord(ch) < 0x2E80 and ch not in "“”‘’…—" else 2


def _heading_points(doc: EvalDoc) -> list[Point]:
    """Where each truth heading's ordinal starts (several may share a line)."""
    lines = doc.lines
    points: list[Point] = []
    start: dict[int, int] = {}
    for h in doc.outline:
        text = lines[h.line - 1]
        begin = start.get(h.line, 0)
        at = text.find(h.label + h.title[:4], begin)
        at = text.find(h.label, begin) if at < 0 else at
        points.append(Point(h.line - 1, max(at, 0)))
        start[h.line] = max(at, 0) + len(h.label)
    return points


def _announcement_points(doc: EvalDoc) -> list[Point]:
    lines = doc.lines
    return [Point(a["line"] - 1, lines[a["line"] - 1].find(a["text"]))
            for a in doc.record.get("announcements") or []]


class Layout:
    """Lines of text and the tracked points in them, rewritten stage by stage."""

    def __init__(self, doc: EvalDoc):
        self.doc = doc
        self.lines = doc.lines
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        self.headings = _heading_points(doc)
        self.announcements = _announcement_points(doc)
        self.defects = [Point(d.line - 1, 0) if d.line is not None else None
                        for d in doc.defects]
        # The first line after the title block (title lines carry no punctuation).
        after_title = next((i for i, t in enumerate(self.lines) if RE_TITLE_END.search(t)), 0)
        self.body = Point(after_title, 0)
        self._join_bare_ordinals()

    def _join_bare_ordinals(self) -> None:
        """A heading line holding only its ordinal takes its title from the next line."""
        heads = {p.line for p in self.headings}
        bare = {p.line for p, h in zip(self.headings, self.doc.outline)
                if self.lines[p.line].strip() == h.label and p.line + 1 < len(self.lines)
                and p.line + 1 not in heads and self.lines[p.line + 1].strip()}
        if not bare:
            return
        pieces, row = [], 0
        for index, text in enumerate(self.lines):
            pieces.append([(row, 0, text)])
            row += index not in bare
        self.rewrite(pieces)

    def points(self) -> list[Point]:
        return [p for p in (*self.headings, *self.announcements, *self.defects, self.body) if p]

    def label_spans(self, line: int) -> list[tuple[int, int]]:
        """Offsets a line break must not fall inside: the ordinals of the headings."""
        return [(p.offset, p.offset + len(h.label))
                for p, h in zip(self.headings, self.doc.outline) if p.line == line]

    def rewrite(self, pieces: list[list[tuple]]) -> None:
        """Replace line i by pieces[i]: (new line index, old offset, text[, prefix]) spans.

        Each span is the run `text` of the old line from `old offset`, written on the new
        line after an optional `prefix` (indentation); points in it move along.
        """
        new_lines: dict[int, str] = {}
        where: dict[int, list[tuple[int, int, int, int]]] = {}
        for old, spans in enumerate(pieces):
            for new, old_start, text, *prefix in spans:
                lead = prefix[0] if prefix else ""
                start = len(new_lines.get(new, "")) + len(lead)
                new_lines[new] = new_lines.get(new, "") + lead + text
                where.setdefault(old, []).append((old_start, old_start + len(text), new, start))
        for p in self.points():
            for old_start, old_end, new, start in where.get(p.line, ()):
                if old_start <= p.offset < old_end or (p.offset == old_end == old_start):
                    p.line, p.offset = new, p.offset - old_start + start
                    break
        count = max(new_lines) + 1 if new_lines else 0
        self.lines = [new_lines.get(i, "") for i in range(count)]

    def insert(self, at: int, extra: list[str]) -> None:
        """Insert lines before line index `at`; points after it move down."""
        self.lines[at:at] = extra
        for p in self.points():
            if p.line >= at:
                p.line += len(extra)

    def result(self, form: str, **record_extra) -> EvalDoc:
        doc = self.doc
        lines = self.lines
        outline = [TruthHeading(p.line + 1, h.level, h.label, h.title)
                   for p, h in zip(self.headings, doc.outline)]
        defects = [TruthDefect(d.rule, p.line + 1 if p else None, d.severity, d.note)
                   for p, d in zip(self.defects, doc.defects)]
        record = copy.deepcopy(doc.record)
        record.update(record_extra, form=form, original=doc.id)
        by_old = {h.line: new.line for h, new in zip(doc.outline, outline)}
        record["parts"] = [dict(part, line=by_old[part["line"]])
                           for part in record.get("parts") or []]
        # An announcement counts only where its words are still on one line.
        record["announcements"] = [
            dict(a, line=p.line + 1) for p, a in zip(self.announcements,
                                                      record.get("announcements") or [])
            if a["text"] in lines[p.line]]
        return EvalDoc(f"{doc.id}@{form}", form, doc.path, "\n".join(lines) + "\n",
                       doc.doctype, doc.clean, outline, defects, record)


# --- the forms -------------------------------------------------------------------------

def _wrap_line(text: str, width: int, first: int, keep: list[tuple[int, int]]) -> list[int]:
    """Offsets where a paragraph is broken at `width` columns (`first` for its first line)."""
    breaks: list[int] = []
    used, limit = 0, first
    i = 0
    while i < len(text):
        cols = _columns(text[i])
        if used + cols > limit * 2 and i > (breaks[-1] if breaks else 0):
            cut = i
            while cut < len(text) and text[cut] in CLOSING:  # 避头尾: punctuation stays up
                cut += 1
            for a, b in keep:                                 # never split an ordinal
                if a < cut < b:
                    cut = a
            if cut >= len(text):
                break
            if cut > (breaks[-1] if breaks else 0):
                breaks.append(cut)
                used, limit, i = 0, width, cut
                continue
        used += cols
        i += 1
    return breaks


def _wrap(layout: Layout, width: int, indent: str = "") -> None:
    """Break every line at `width` characters; `indent` opens each paragraph (not the title)."""
    pieces = []
    row = 0
    title = layout.body.line
    for index, text in enumerate(layout.lines):
        first = indent if index >= title else ""
        if not text:
            pieces.append([(row, 0, "")])
            row += 1
            continue
        body = text.strip()
        lead = len(text) - len(text.lstrip())
        cuts = [0, *(lead + c for c in _wrap_line(body, width, width - len(first),
                [(a - lead, b - lead) for a, b in layout.label_spans(index)])), len(text)]
        spans = []
        for k in range(len(cuts) - 1):
            start = cuts[k] if k else lead
            spans.append((row, start, text[start:cuts[k + 1]], first if k == 0 else ""))
            row += 1
        pieces.append(spans)
    layout.rewrite(pieces)


def _is_heading_only(layout: Layout, index: int) -> bool:
    """The line is one heading and nothing else (its title, maybe a final stop)."""
    text = layout.lines[index].strip()
    for p, h in zip(layout.headings, layout.doc.outline):
        if p.line == index and p.offset == layout.lines[index].find(text[:1]):
            rest = text[len(h.label) + len(h.title):]
            return rest in ("", "。", "：", "；")
    return False


def _join(layout: Layout, groups: list[list[int]], glue=None) -> None:
    """Join each group of consecutive lines into one line; `glue` adds a stop after titles."""
    pieces: list[list[tuple[int, int, str]]] = [[] for _ in layout.lines]
    for row, group in enumerate(groups):
        for index in group:
            text = layout.lines[index]
            tail = glue(index, text) if glue and index != group[-1] else ""
            pieces[index] = [(row, 0, text + tail)]
    layout.rewrite(pieces)


def _stop(layout: Layout):
    heads = {i for i in range(len(layout.lines)) if _is_heading_only(layout, i)}

    def glue(index: int, text: str) -> str:
        return "。" if index in heads and text and text[-1] not in END else ""
    return glue


def wrapped(doc: EvalDoc) -> EvalDoc:
    layout = Layout(doc)
    width = 20 + _seed(doc.id, "width") % 21
    _wrap(layout, width)
    return layout.result("wrapped", width=width)


def runin(doc: EvalDoc) -> EvalDoc:
    """A （一）, 1. or （1） heading alone on its line runs into the paragraph after it."""
    layout = Layout(doc)
    level_of = {p.line: h.level for p, h in zip(layout.headings, doc.outline)}
    heading_lines = set(level_of)
    groups: list[list[int]] = []
    index = 0
    while index < len(layout.lines):
        group = [index]
        if level_of.get(index, 1) >= 2 and _is_heading_only(layout, index) \
                and index + 1 < len(layout.lines) and index + 1 not in heading_lines \
                and layout.lines[index + 1].strip():
            group.append(index + 1)
        groups.append(group)
        index = group[-1] + 1
    _join(layout, groups, _stop(layout))
    return layout.result("runin")


def pasted(doc: EvalDoc) -> EvalDoc:
    """The title lines stay; the body (from 发文字号 or 主送) is one line, or 3–5 lines."""
    layout = Layout(doc)
    title = max(1, layout.body.line)
    body = list(range(title, len(layout.lines)))
    parts = 1 if _seed(doc.id, "pasted") % 2 == 0 else 3 + _seed(doc.id, "parts") % 3
    groups = [[i] for i in range(title)]
    size = max(1, -(-len(body) // parts))
    groups += [body[k:k + size] for k in range(0, len(body), size)]
    _join(layout, groups, _stop(layout))
    return layout.result("pasted", lines_of_body=len(groups) - 1)


def spaced(doc: EvalDoc) -> EvalDoc:
    layout = Layout(doc)
    pieces = []
    for index, text in enumerate(layout.lines):
        lead = "" if index < layout.body.line or not text.strip() else "\u3000\u3000"
        pieces.append([(2 * index, 0, text, lead)])
    layout.rewrite(pieces)
    bom = _seed(doc.id, "bom") % 2 == 0
    return layout.result("spaced", newline="\r\n", bom=bom)


def _entries(doc: EvalDoc) -> list[TruthHeading]:
    """The headings a Word 目录 would list: level 1 with a short title (not a numbered article)."""
    return [h for h in doc.outline if h.level == 1 and len(h.title) <= CONTENTS_TITLE]


def _contents(doc: EvalDoc, pages: dict[int, int]) -> list[str]:
    """目录 of the level-1 headings, with dot leaders and page numbers, as Word prints it."""
    rows = ["目\u3000\u3000录"]
    for h in _entries(doc):
        rows.append(f"{h.label}{h.title}{'…' * max(2, 24 - len(h.label + h.title))}"
                    f"{pages.get(h.line, 1)}")
    return rows


def pdf(doc: EvalDoc) -> EvalDoc:
    layout = Layout(doc)
    issuer = doc.record.get("issuer") or "人民政府"
    header = "中华人民共和国国务院公报" if issuer.startswith("国务院") else f"{issuer}公报"
    mark = PAGE_MARKS[_seed(doc.id, "page") % len(PAGE_MARKS)]
    _wrap(layout, PDF_WIDTH, "\u3000\u3000")
    # 附件说明 before the signature (the issuer's line above the date) or at the end.
    lines = layout.lines
    end = len(lines)
    for i in range(len(lines) - 1, max(len(lines) - 5, 0), -1):
        if RE_DATE.match(lines[i].strip()):
            end = i - 1 if i > 0 and len(lines[i - 1].strip()) <= 20 else i
            break
    layout.insert(end, ["\u3000\u3000附件：1．重点任务分工表",
                        "\u3000\u3000\u3000\u3000\u30002．工作联系人名单", ""])
    if len(_entries(doc)) >= 5:
        pages = {h.line: 1 + p.line // PAGE_LINES for p, h in zip(layout.headings, doc.outline)}
        layout.insert(layout.body.line, [*_contents(doc, pages), ""])
    # Page breaks: the page number at the foot of each page, the 页眉 at the top of the next.
    page, at = 1, PAGE_LINES
    while at < len(layout.lines):
        layout.insert(at, [mark.format(n=page), header])
        at += PAGE_LINES + 2
        page += 1
    layout.lines.append(mark.format(n=page))
    return layout.result("pdf", header=header, page_mark=mark)


MAKERS = {"wrapped": wrapped, "runin": runin, "pasted": pasted, "spaced": spaced, "pdf": pdf}


def forms(doc: EvalDoc, which: tuple[str, ...] = tuple(FORMS)) -> list[EvalDoc]:
    return [MAKERS[name](doc) for name in which]


def encoded(doc: EvalDoc, text: str) -> bytes:
    """The bytes of the file a writer would have: the form's line ends and BOM."""
    data = text.replace("\n", doc.record.get("newline", "\n")).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if doc.record.get("bom") else data
