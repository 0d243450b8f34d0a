"""Curation: a raw document scraped from the web → one faithful exemplar page + a record.

What curation does (and nothing more):
- removes scraping junk: repeated titles, a web-page title above the real one, share
  lines, copyright/like footers, stray code at the end;
- joins lines broken mid-sentence (unless the source declares a truncation gap there);
- restores half-width punctuation in Chinese context (`gongwen.corpus.punctuation`);
- makes standalone 一、 and （一） lines Markdown headings; a run-in heading stays the
  first sentence of its paragraph, in bold, with an anchor span for levels 1 and 2;
- marks the gaps of a truncated source with `!!! failure "原文缺失"` admonitions.
Every word of the body is kept. Everything removed, joined or changed goes into the
record, and `rebuild_source(page, record)` gives back the raw text byte for byte.

`meta` (from corpus/seeds.yaml or a caller such as scripts/ingest.py) carries the front
matter (doctype, title, unit, year, occasion, incomplete, acknowledge) and optional hints
for one source: junk [{line, reason}], gaps [{after_line, note}], join / no_join [line].
The heuristics work without hints on ordinary input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from gongwen.corpus.punctuation import Restoration, restore
from gongwen.text.numbering import parse_ordinal
from gongwen.text.syntax import END_MARKER
from gongwen.text.webjunk import junk_reason

from .page import (
    SLUGIFY,
    Block,
    CurationError,
    SourceLine,
    about_note,
    escape_markdown,
    front_matter_text,
    gap_marker,
    incomplete_note,
    page_paths,
    placeholder_kinds,
)
from .record import build_record, dump_record

OUTLINE_PREFIX = "【提纲】"

# A web page's own title repeats the document title with a suffix: …讲话稿, …范文.
WEB_TITLE_SUFFIXES = ("稿", "范文", "全文", "范本", "精选", "（全文）", "(全文)", "word版", "下载")
SENTENCE_END = "。！？"
# A line ending in one of these ends a sentence (or a salutation): not a broken line.
LINE_END = "。！？；：…!?;:"
CLOSERS = "”’）》」』】)"
DATE_LINE = re.compile(r"^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Longest standalone line still read as a heading, and longest unpunctuated short line
# kept on its own (a subtitle) rather than joined to the next.
MAX_HEADING = 80
MAX_SHORT_LINE = 20


@dataclass
class Curated:
    """One curated document: the exemplar page and its curation record."""

    markdown: str
    record: dict
    page_path: str
    record_path: str

    @property
    def record_json(self) -> str:
        return dump_record(self.record)


# ---------------------------------------------------------------- text helpers

def _is_terminal(text: str) -> bool:
    """Does the line end a sentence? (。 ！ ： …, also 。” and ！）)"""
    stripped = text.rstrip(CLOSERS)
    if not stripped:
        return False
    if stripped != text and stripped[-1] in SENTENCE_END + "…":
        return True
    return text[-1] in LINE_END


def _first_sentence_end(text: str) -> int:
    """Index of the first 。！？ of text, or -1."""
    found = [i for i in (text.find(ch) for ch in SENTENCE_END) if i >= 0]
    return min(found) if found else -1


def _standalone_heading(text: str) -> bool:
    """一、存在的主要问题 alone on its line (at most a final 。), not a run-in heading."""
    if not parse_ordinal(text) or len(text) > MAX_HEADING:
        return False
    end = _first_sentence_end(text)
    return end < 0 or end == len(text) - 1


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- reading the source

def _read_lines(raw_text: str) -> tuple[list[SourceLine], bool]:
    final_newline = raw_text.endswith("\n")
    parts = raw_text.split("\n")
    if final_newline:
        parts.pop()
    lines = []
    for n, raw in enumerate(parts, 1):
        line = SourceLine(n, raw)
        content = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if lead:
            line.whitespace.append((0, raw[:lead], "行首空白"))
        trail = len(raw) - len(raw.rstrip())
        if content and trail:
            line.whitespace.append((len(raw) - trail, raw[len(raw) - trail:], "行尾空白"))
        restored, changes = restore(content)
        line.restorations = [Restoration(c.offset + lead, c.before, c.after) for c in changes]
        line.text = restored
        if not content:
            line.role = "blank"
            line.whitespace = []
        lines.append(line)
    return lines, final_newline


def _hint_lines(meta: dict, key: str) -> set[int]:
    return {int(n) for n in meta.get(key) or []}


def _mark_junk(lines: list[SourceLine], meta: dict) -> None:
    by_number = {line.n: line for line in lines}
    for hint in meta.get("junk") or []:
        line = by_number.get(int(hint["line"]))
        if line is None or line.role == "blank":
            raise CurationError(
                f"seeds 提示 junk 第{hint['line']}行不存在或为空行：请核对行号 (junk hint out of "
                "range)"
            )
        line.role, line.reason = "junk", str(hint.get("reason") or "网页残留（整理提示）")
    for line in lines:
        if line.role == "body":
            reason = junk_reason(line.text)
            if reason:
                line.role, line.reason = "junk", reason
    # Whatever trails the last line with Chinese text and is not a date is page residue.
    for line in reversed(lines):
        if line.role in ("blank", "junk"):
            continue
        if HAN.search(line.text) or DATE_LINE.match(line.text):
            break
        line.role, line.reason = "junk", "页尾残留（非正文字符）"


def _title_candidate(text: str) -> bool:
    return (
        0 < len(text) <= 60 and "。" not in text and not text.startswith("【")
        and not parse_ordinal(text) and text[-1] not in "：:，,"
    )


def _mark_title(lines: list[SourceLine], meta: dict) -> SourceLine | None:
    """Find the document's own title line; mark web titles and repeats around it as junk."""
    body = [line for line in lines if line.role == "body"]
    wanted = _compact(str(meta.get("title") or ""))
    title: SourceLine | None = None
    if wanted:
        title = next((line for line in body if _compact(line.text) == wanted), None)
    else:
        head = [line for line in body[:6] if _title_candidate(line.text)]
        if head:
            title = head[0]
            # A web-page title (…讲话稿) above the document's own (…讲话): take the latter.
            for other in head[1:]:
                if any(_compact(title.text) == _compact(other.text) + s
                       for s in WEB_TITLE_SUFFIXES):
                    title = other
                    break
    if title is None:
        return None
    title.role = "title"
    key = _compact(title.text)
    for line in body[:8]:
        if line is title or line.role != "body":
            continue
        text = _compact(line.text)
        if text == key:
            line.role, line.reason = "junk", "重复标题"
        elif line.n < title.n and any(text == key + s for s in WEB_TITLE_SUFFIXES):
            line.role, line.reason = "junk", "网页标题（与正式标题重复）"
    return title


def _strip_runin_space(line: SourceLine) -> None:
    """1.深化理论武装铸魂。 建立…: the space after a run-in heading sentence goes."""
    if not parse_ordinal(line.text):
        return
    end = _first_sentence_end(line.text)
    if end < 0:
        return
    after = line.text[end + 1:]
    rest = after.lstrip(" \t\u3000")
    if rest and rest != after:
        gap = after[:len(after) - len(rest)]
        lead = len(line.raw) - len(line.raw.lstrip())
        line.whitespace.append((lead + end + 1, gap, "段首标题后的空格"))
        line.text = line.text[:end + 1] + rest


# ---------------------------------------------------------------- blocks

def _can_continue(line: SourceLine, previous_ended: bool) -> bool:
    """May the next line be joined to this one (is this line broken mid-sentence)?"""
    text = line.text
    if line.role != "body" or _is_terminal(text) or _standalone_heading(text):
        return False
    # A short unpunctuated line after a finished sentence is a subtitle, not a break.
    short = len(text) <= MAX_SHORT_LINE and not any(c in text for c in "，、；：。")
    return not (short and previous_ended)


def _blocks(lines: list[SourceLine], meta: dict) -> list[Block]:
    gaps_after = {int(g["after_line"]) for g in meta.get("gaps") or []}
    force_join, no_join = _hint_lines(meta, "join"), _hint_lines(meta, "no_join")
    blocks: list[Block] = []
    previous: SourceLine | None = None   # the raw line just before, if kept in a block
    previous_ended = True                # did the line before `previous` end a sentence?
    for line in lines:
        if line.role in ("blank", "junk"):
            previous, previous_ended = None, True
            continue
        if line.role == "title":
            blocks.append(Block("title", [line], head=line.text))
            previous, previous_ended = None, True
            continue
        if line.role == "body" and line.text.startswith(OUTLINE_PREFIX):
            line.role = "outline"
        if line.role == "outline":
            blocks.append(Block("outline", [line]))
            previous, previous_ended = None, True
            continue
        adjacent = previous is not None and previous.n == line.n - 1
        join = (
            adjacent and line.n not in no_join and previous.n not in gaps_after
            and not parse_ordinal(line.text)
            and (line.n in force_join or _can_continue(previous, previous_ended))
        )
        if join:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block("paragraph", [line]))
        if previous is not None and adjacent:
            previous_ended = _is_terminal(previous.text)
        else:
            previous_ended = True
        previous = line
    for block in blocks:
        _classify(block)
    return blocks


def _classify(block: Block) -> None:
    if block.kind != "paragraph":
        return
    text = block.text
    ordinal = parse_ordinal(text)
    if not ordinal:
        return
    block.level = ordinal.level
    if _standalone_heading(text):
        block.kind, block.head = "heading", text
        return
    end = _first_sentence_end(text)
    if end >= 0:
        block.kind, block.head = "run-in", text[:end + 1]


def _assign_anchors(blocks: list[Block]) -> None:
    """Ids of run-in spans: the site's slug of the heading sentence, unique on the page."""
    used: set[str] = set()
    for block in blocks:
        if block.kind in ("title", "heading"):
            used.add(SLUGIFY(block.head, "-"))
        elif block.kind == "outline" and "提纲" not in used:
            block.anchor = "提纲"
            used.add(block.anchor)
        elif block.kind == "run-in" and block.level <= 2:
            base = SLUGIFY(block.head.rstrip("。"), "-")
            slug, n = base, 0
            while slug in used:
                n += 1
                slug = f"{base}_{n}"
            used.add(slug)
            block.anchor = slug


def render_block(block: Block) -> str:
    """One block as one Markdown line (the shape the outline reader expects)."""
    if block.kind == "title":
        return "# " + escape_markdown(block.text)
    if block.kind == "heading" and block.level <= 2:
        return "#" * (block.level + 1) + " " + escape_markdown(block.text)
    if block.kind == "heading":
        return "**" + escape_markdown(block.text) + "**"
    if block.kind == "outline":
        # 【提纲】 is a deep-link target (#提纲) but not a heading: the checker reads it as a plan.
        return f'<span id="{block.anchor}"></span>' + escape_markdown(block.text)
    if block.kind == "run-in":
        span = f'<span id="{block.anchor}"></span>' if block.anchor else ""
        rest = block.text[len(block.head):]
        return f"{span}**{escape_markdown(block.head)}**{escape_markdown(rest)}"
    return escape_markdown(block.text)


# ---------------------------------------------------------------- the page


# ---------------------------------------------------------------- the record


# ---------------------------------------------------------------- entry points


def _check_hints(meta: dict, source_name: str) -> None:
    """Hints of the wrong shape are the maintainer's typo: say which, never a traceback."""
    def whole(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) or (
            isinstance(value, str) and value.strip().isdigit())

    def bad(what: str) -> CurationError:
        return CurationError(f"corpus/seeds.yaml 条目 {source_name}：{what}。请改正后重新运行")

    for key in ("junk", "gaps", "join", "no_join"):
        if not isinstance(meta.get(key) or [], list):
            raise bad(f"{key} 应为列表，实为“{meta[key]}”")
    for hint in meta.get("junk") or []:
        if not isinstance(hint, dict) or not whole(hint.get("line")):
            raise bad(f"junk 的每一项应写成 {{line: 行号, reason: 原因}}，实为“{hint}”")
    for gap in meta.get("gaps") or []:
        if not isinstance(gap, dict) or not whole(gap.get("after_line")):
            raise bad(f"gaps 的每一项应写成 {{after_line: 行号, note: 说明}}，after_line 应为整数，"
                      f"实为“{gap}”")
    for key in ("join", "no_join"):
        for n in meta.get(key) or []:
            if not whole(n):
                raise bad(f"{key} 应为行号（整数）的列表，其中有“{n}”")


def curate(raw_text: str, source_name: str, meta: dict) -> Curated:
    """Curate one raw document into an exemplar page and its record.

    meta: doctype (required), title, unit, year, occasion, incomplete, incomplete_note,
    provenance (where the text comes from, shown in 关于本范文), acknowledge, notes (评注
    Markdown appended after the end marker), and hints
    junk / gaps / join / no_join (see the module docstring).
    """
    doctype = str(meta.get("doctype") or "")
    if not re.fullmatch(r"[a-z][a-z0-9-]*", doctype):
        raise CurationError(
            f"{source_name}：缺少或无效的 doctype（实为“{doctype}”），"
            "请在 corpus/seeds.yaml 中填写，如 self-review、summary (doctype required)"
        )
    _check_hints(meta, source_name)
    page_path, record_path = page_paths(source_name, doctype)
    lines, final_newline = _read_lines(raw_text)
    for gap in meta.get("gaps") or []:
        if not 1 <= int(gap["after_line"]) <= len(lines) or not gap.get("note"):
            raise CurationError(
                f"{source_name}：gaps 中 after_line={gap.get('after_line')} 超出行数或缺少 note"
                f"（原文共{len(lines)}行）(bad gap hint)"
            )
    _mark_junk(lines, meta)
    title_line = _mark_title(lines, meta)
    for line in lines:
        if line.role == "body":
            _strip_runin_space(line)
    blocks = _blocks(lines, meta)
    # The page opens with its title even where the source put something above it.
    blocks.sort(key=lambda b: b.kind != "title")
    if title_line is None:
        if not meta.get("title"):
            raise CurationError(
                f"{source_name}：找不到标题行，请在 meta/seeds 中给出 title (no title found)"
            )
        # The title is not in the text: the page shows the given one, the record says so.
        blocks.insert(0, Block("title", [], head=str(meta["title"])))
    _assign_anchors(blocks)
    record = build_record(source_name, raw_text, final_newline, lines, blocks, meta,
                     page_path, record_path)
    if title_line is None:
        record["title_from_meta"] = True

    title = blocks[0].head
    body_text = "".join(b.text for b in blocks)
    parts = [front_matter_text(meta, title, source_name, record_path)]
    title_block = blocks[0]
    parts.append("# " + escape_markdown(title_block.head) + "\n")
    if meta.get("incomplete"):
        parts.append(incomplete_note(meta))
    # Most sources are texts passed around online whose publisher is unknown: say so.
    provenance = str(meta.get("provenance") or "网上流传的材料，发布者不详")
    parts.append(about_note(source_name, record_path, record, placeholder_kinds(body_text),
                        provenance))
    gaps: dict[int, list[dict]] = {}
    for gap in meta.get("gaps") or []:
        gaps.setdefault(int(gap["after_line"]), []).append(gap)
    placed: set[int] = set()
    for block in blocks[1:]:
        parts.append(render_block(block) + "\n")
        for line in block.lines:
            for gap in gaps.get(line.n, []):
                parts.append(gap_marker(gap))
            placed.add(line.n)
    # A gap must follow a kept line: after a blank or removed one it would have no place.
    for n in sorted(gaps):
        if n not in placed:
            raise CurationError(
                f"{source_name}：gaps 的 after_line={n} 不是正文行（空行或已删去），请改为正文行号"
            )
    markdown = "\n".join(parts) + "\n" + END_MARKER + "\n"
    notes = meta.get("notes")
    if notes:
        markdown += "\n" + notes.strip("\n") + "\n"
    return Curated(markdown, record, page_path, record_path)


