"""Curation: a raw document scraped from the web → one faithful exemplar page + a record.

What curation does (and nothing more):
- removes scraping junk: repeated titles, a web-page title above the real one, share
  lines, copyright/like footers, stray code at the end;
- joins lines broken mid-sentence (unless the source declares a truncation gap there);
- restores half-width punctuation in Chinese context (`gongwen.punctuation`);
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

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml
from pymdownx.slugs import slugify

from gongwen.markdown_syntax import END_MARKER
from gongwen.numbering import parse_ordinal
from gongwen.punctuation import Restoration, restore, undo

OUTLINE_PREFIX = "【提纲】"
SLUGIFY = slugify(case="lower")  # the site's toc slugify (mkdocs.yml), so ids match
RECORD_VERSION = 1

# Whole-line web-page junk, anywhere in the text: (pattern, reason shown in the record).
JUNK_LINE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^©|版权声明|版权所有|Copyright", re.IGNORECASE), "网页版权声明"),
    (re.compile(r"^THE\s*END$", re.IGNORECASE), "网页结束标记"),
    (re.compile(r"^(喜欢就支持一下|觉得有用.{0,6}(点赞|收藏)|点个赞)"), "网页点赞提示"),
    (re.compile(r"^(点赞|赞|收藏|分享|打赏|评论)\s*\d*(\s*(点赞|赞|收藏|分享|打赏|评论)\s*\d*)*$"),
     "网页点赞/分享按钮"),
    (re.compile(r"^(网友|作者|来源|发布)?\s*分享\s*时间\s*[:：]?"), "网页分享行"),
    (re.compile(r"^(上一篇|下一篇|相关推荐|猜你喜欢|推荐阅读)\s*[:：]?"), "网页推荐链接"),
    (re.compile(r"^(扫一扫|扫码|长按识别|微信扫一扫)"), "网页二维码提示"),
)
# A web page's own title repeats the document title with a suffix: …讲话稿, …范文.
WEB_TITLE_SUFFIXES = ("稿", "范文", "全文", "范本", "精选", "（全文）", "(全文)", "word版", "下载")
SENTENCE_END = "。！？"
# A line ending in one of these ends a sentence (or a salutation): not a broken line.
LINE_END = "。！？；：…!?;:"
CLOSERS = "”’）》」』】)"
DATE_LINE = re.compile(r"^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PLACEHOLDER = re.compile(r"X+|×{2,}|_")
# Longest standalone line still read as a heading, and longest unpunctuated short line
# kept on its own (a subtitle) rather than joined to the next.
MAX_HEADING = 80
MAX_JUNK_LINE = 30
MAX_SHORT_LINE = 20


class CurationError(ValueError):
    """The input or its hints do not fit: the message says what to change."""


@dataclass
class SourceLine:
    n: int                      # 1-based line number in the raw source
    raw: str
    text: str = ""              # stripped, punctuation restored, stray spaces removed
    role: str = "body"          # blank | junk | title | outline | body
    reason: str = ""
    restorations: list[Restoration] = field(default_factory=list)  # offsets = raw columns
    whitespace: list[tuple[int, str, str]] = field(default_factory=list)  # col, text, why


@dataclass
class Block:
    kind: str                   # title | outline | heading | run-in | paragraph
    lines: list[SourceLine]
    level: int = 0
    head: str = ""              # the heading sentence of a heading or run-in block
    anchor: str = ""            # id of a run-in heading's span

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


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


def junk_reason(text: str) -> str:
    """Why a whole line is web-page junk, or '' if it is not."""
    if len(text) > MAX_JUNK_LINE:
        return ""  # a body sentence may well mention 版权 or 分享
    for pattern, reason in JUNK_LINE_PATTERNS:
        if pattern.search(text):
            return reason
    return ""


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Markdown-significant characters of source text. `<` and `&` become entities because
# Python-Markdown has no backslash escape for them.
_ESCAPE = {"\\", "`", "*", "_", "[", "]", "{", "}", "#"}
_ENTITIES = {"&": "&amp;", "<": "&lt;"}
_LINE_START = re.compile(r"^([>+\-!]|\d+\.(\s|$))")


def escape_markdown(text: str) -> str:
    """Source text as inline Markdown that renders as exactly that text."""
    out = []
    for ch in text:
        if ch in _ESCAPE:
            out.append("\\" + ch)
        else:
            out.append(_ENTITIES.get(ch, ch))
    escaped = "".join(out)
    m = _LINE_START.match(escaped)
    if m:  # a list, quote or admonition marker at the start of a paragraph: 1\. \> \- \!
        i = escaped.index(".") if m.group(1)[0].isdigit() else 0
        escaped = escaped[:i] + "\\" + escaped[i:]
    return escaped


_SPAN = re.compile(r'^<span id="[^"]*"></span>')
_TOKEN = re.compile(r"\\(.)|&(amp|lt);|\*\*", re.DOTALL)


def plain_text(markdown_line: str) -> str:
    """The source text of one curated Markdown line: markup removed, escapes undone."""
    line = re.sub(r"^#{1,6} ", "", markdown_line)
    line = _SPAN.sub("", line)

    def token(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1)
        if m.group(2):
            return "&" if m.group(2) == "amp" else "<"
        return ""  # ** of a bold heading sentence
    return _TOKEN.sub(token, line)


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
                f"seeds 提示 junk 第 {hint['line']} 行不存在或为空行：请核对行号 (junk hint out of range)"
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
                if any(_compact(title.text) == _compact(other.text) + s for s in WEB_TITLE_SUFFIXES):
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

def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in text.strip().split("\n"))


def _front_matter(meta: dict, title: str, source_name: str, record_path: str) -> str:
    fm: dict = {"title": title, "doctype": meta["doctype"], "kind": "exemplar"}
    for key in ("unit", "year", "occasion"):
        if meta.get(key) not in (None, ""):
            fm[key] = meta[key]
    fm["source"] = source_name
    fm["record"] = record_path
    if meta.get("incomplete"):
        fm["incomplete"] = True
    if meta.get("acknowledge"):
        fm["acknowledge"] = meta["acknowledge"]
    dumped = yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


def _placeholder_kinds(text: str) -> list[str]:
    """The placeholder forms present in the body, as a reader would spell them."""
    kinds = sorted({m.group(0) for m in PLACEHOLDER.finditer(text)}, key=lambda k: (len(k), k))
    return [k.replace("_", "\\_") for k in kinds[:4]]


def _about(source_name: str, record_path: str, record: dict, placeholders: list[str],
           provenance: str) -> str:
    summary = record["summary"]
    done = []
    if summary["removed"]:
        reasons = list(dict.fromkeys(
            e["reason"] for e in record["lines"] if e["action"] == "removed"))
        done.append(f"删去网页残留{summary['removed']}行（{'、'.join(reasons)}）")
    if summary["joined"]:
        done.append(f"接合句中断行{summary['joined']}处")
    if summary["restored"]:
        done.append(f"半角标点恢复为全角{summary['restored']}个（数字和字母仍用半角）")
    if summary["whitespace"]:
        done.append(f"删去多余空白{summary['whitespace']}处")
    headings = summary["headings"] + summary["run_in"]
    if record.get("moved"):
        done.append("标题移到页首（原文标题前另有内容）")
    if headings:
        done.append(
            f"标出层次标题{headings}个（独占一行的排为标题，段首标题保留在段内并加粗）"
        )
    lines = [
        f"- 原文：`corpus/raw/{source_name}`，{provenance}，正文逐字保留，未作删改润色。",
        "- 整理：" + ("；".join(done) if done else "无改动") + "。",
        f"- 整理记录：`{record_path}`，逐条列出删去、接合、改动之处，据此可逐字还原原文。",
    ]
    if placeholders:
        lines.append(f"- 文中的 {'、'.join(placeholders)} 是原文发布时隐去的数字、名称或字词，照录不补。")
    return '!!! info "关于本范文"\n\n' + _indent("\n".join(lines)) + "\n"


def _incomplete_note(meta: dict) -> str:
    note = meta.get("incomplete_note") or (
        "本文原稿在网上流传时已不完整。本页只收录原文现有的文字，缺失部分不补写，"
        "在缺失处以“原文缺失”标出。"
    )
    return '!!! warning "原文不完整"\n\n' + _indent(str(note)) + "\n"


def _gap_marker(gap: dict) -> str:
    """A "原文缺失" admonition; its optional anchor lets other pages link to the gap."""
    span = f'<span id="{gap["anchor"]}"></span>' if gap.get("anchor") else ""
    return '!!! failure "原文缺失"\n\n' + _indent(span + str(gap["note"]).strip()) + "\n"


# ---------------------------------------------------------------- the record

def _record(source_name: str, raw_text: str, final_newline: bool, lines: list[SourceLine],
            blocks: list[Block], meta: dict, page_path: str, record_path: str) -> dict:
    index = {id(line): i for i, block in enumerate(blocks) for line in block.lines}
    kinds = {id(block.lines[0]): block for block in blocks if block.lines}
    entries, restored, whitespace, moved = [], [], [], []
    for line in lines:
        if line.role == "blank":
            entry = {"line": line.n, "action": "blank"}
            if line.raw:
                entry["text"] = line.raw
        elif line.role == "junk":
            entry = {"line": line.n, "action": "removed", "reason": line.reason, "text": line.raw}
        else:
            block = kinds.get(id(line))
            entry = {"line": line.n, "action": "kept" if block else "joined",
                     "block": index[id(line)], "length": len(line.text)}
            if block:
                entry["as"] = block.kind if not block.level else f"{block.kind}-{block.level}"
            else:
                entry["reason"] = "句中断行，与上一行接合"
        entries.append(entry)
        if line.role in ("blank", "junk"):
            continue  # kept verbatim in the entry: nothing to undo
        if line.restorations:
            restored.append({
                "line": line.n,
                "cols": [r.offset for r in line.restorations],
                "from": "".join(r.before for r in line.restorations),
                "to": "".join(r.after for r in line.restorations),
            })
        for col, text, why in sorted(line.whitespace):
            whitespace.append({"line": line.n, "col": col, "text": text, "reason": why})
    title = blocks[0]
    if title.lines and any(b.lines and b.lines[0].n < title.lines[0].n for b in blocks):
        moved.append({"line": title.lines[0].n, "reason": "标题移到页首（原文标题前另有内容）"})
    summary = {
        "removed": sum(1 for e in entries if e["action"] == "removed"),
        "joined": sum(1 for e in entries if e["action"] == "joined"),
        "restored": sum(len(r["cols"]) for r in restored),
        "whitespace": len(whitespace),
        "headings": sum(1 for b in blocks if b.kind == "heading"),
        "run_in": sum(1 for b in blocks if b.kind == "run-in"),
        "gaps": len(meta.get("gaps") or []),
    }
    return {
        "version": RECORD_VERSION,
        "source": source_name,
        "source_path": f"corpus/raw/{source_name}",
        "page": page_path,
        "sha256": hashlib.sha256(raw_text.encode("utf-8")).hexdigest(),
        "line_count": len(lines),
        "final_newline": final_newline,
        "summary": summary,
        "lines": entries,
        "restored": restored,
        "whitespace": whitespace,
        "moved": moved,
        "gaps": [{"after_line": int(g["after_line"]), "note": str(g["note"]).strip(),
                  **({"anchor": g["anchor"]} if g.get("anchor") else {})}
                 for g in meta.get("gaps") or []],
        "headings": [
            {"line": b.lines[0].n, "level": b.level, "form": b.kind, "text": b.head,
             "id": b.anchor or SLUGIFY(b.head, "-")}
            for b in blocks if b.kind in ("heading", "run-in")
        ],
    }


def dump_record(record: dict) -> str:
    """The record as JSON, one list entry per line: readable and diff-friendly."""
    out = ["{"]
    items = list(record.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, list) and value:
            out.append(f"  {json.dumps(key)}: [")
            for j, item in enumerate(value):
                sep = "," if j < len(value) - 1 else ""
                out.append("    " + json.dumps(item, ensure_ascii=False) + sep)
            out.append(f"  ]{comma}")
        else:
            out.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- entry points

def page_paths(source_name: str, doctype: str) -> tuple[str, str]:
    """(exemplar page, curation record), relative to the repository root."""
    stem = PurePosixPath(source_name).stem
    return f"docs/{doctype}/exemplars/{stem}.md", f"corpus/records/{stem}.json"


def curate(raw_text: str, source_name: str, meta: dict) -> Curated:
    """Curate one raw document into an exemplar page and its record.

    meta: doctype (required), title, unit, year, occasion, incomplete, incomplete_note,
    provenance (where the text comes from, shown in 关于本范文), acknowledge, notes (评注 Markdown appended after the end marker), and hints
    junk / gaps / join / no_join (see the module docstring).
    """
    doctype = str(meta.get("doctype") or "")
    if not re.fullmatch(r"[a-z][a-z0-9-]*", doctype):
        raise CurationError(
            f"{source_name}：缺少或无效的 doctype（实为“{doctype}”），"
            "请在 corpus/seeds.yaml 中填写，如 self-review、summary (doctype required)"
        )
    page_path, record_path = page_paths(source_name, doctype)
    lines, final_newline = _read_lines(raw_text)
    for gap in meta.get("gaps") or []:
        if not 1 <= int(gap["after_line"]) <= len(lines) or not gap.get("note"):
            raise CurationError(
                f"{source_name}：gaps 中 after_line={gap.get('after_line')} 超出行数或缺少 note"
                f"（原文共 {len(lines)} 行）(bad gap hint)"
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
    record = _record(source_name, raw_text, final_newline, lines, blocks, meta,
                     page_path, record_path)
    if title_line is None:
        record["title_from_meta"] = True

    title = blocks[0].head
    body_text = "".join(b.text for b in blocks)
    parts = [_front_matter(meta, title, source_name, record_path)]
    title_block = blocks[0]
    parts.append("# " + escape_markdown(title_block.head) + "\n")
    if meta.get("incomplete"):
        parts.append(_incomplete_note(meta))
    # Most sources are texts passed around online whose publisher is unknown: say so.
    provenance = str(meta.get("provenance") or "网上流传的材料，发布者不详")
    parts.append(_about(source_name, record_path, record, _placeholder_kinds(body_text),
                        provenance))
    gaps: dict[int, list[dict]] = {}
    for gap in meta.get("gaps") or []:
        gaps.setdefault(int(gap["after_line"]), []).append(gap)
    placed: set[int] = set()
    for block in blocks[1:]:
        parts.append(render_block(block) + "\n")
        for line in block.lines:
            for gap in gaps.get(line.n, []):
                parts.append(_gap_marker(gap))
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


def page_blocks(markdown: str) -> list[str]:
    """Plain text of the page's text blocks in order (admonitions and notes left out)."""
    text = markdown
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    blocks: list[str] = []
    in_admonition = False
    for line in text.split("\n"):
        if line.strip() == END_MARKER:
            break
        if re.match(r"^(!!!|\?\?\?\+?) ", line):
            in_admonition = True
            continue
        if in_admonition and (not line.strip() or line.startswith("    ")):
            continue
        in_admonition = False
        if line.strip():
            blocks.append(plain_text(line))
    return blocks


def rebuild_source(page_markdown: str, record: dict) -> str:
    """The raw source, rebuilt from the exemplar page and its curation record."""
    blocks = page_blocks(page_markdown)
    used = [0] * len(blocks)
    out: list[str] = []
    for entry in record["lines"]:
        if entry["action"] in ("blank", "removed"):
            out.append(entry.get("text", ""))
            continue
        b, length = entry["block"], entry["length"]
        if b >= len(blocks):
            raise CurationError(f"第 {entry['line']} 行：页面中没有第 {b} 个文字块（页面与记录不符）")
        out.append(blocks[b][used[b]:used[b] + length])
        used[b] += length
    skip_title = 1 if record.get("title_from_meta") else 0
    for b, text in enumerate(blocks[skip_title:], skip_title):
        if used[b] != len(text):
            raise CurationError(
                f"页面第 {b} 个文字块有记录之外的文字：“{text[used[b]:used[b] + 20]}”（页面被改动过？）"
            )
    spaces: dict[int, list[dict]] = {}
    for item in record["whitespace"]:
        spaces.setdefault(item["line"], []).append(item)
    for n, items in spaces.items():
        text = out[n - 1]
        for item in sorted(items, key=lambda i: i["col"]):
            text = text[:item["col"]] + item["text"] + text[item["col"]:]
        out[n - 1] = text
    for item in record["restored"]:
        changes = [Restoration(c, f, t) for c, f, t in zip(item["cols"], item["from"], item["to"])]
        out[item["line"] - 1] = undo(out[item["line"] - 1], changes)
    return "\n".join(out) + ("\n" if record["final_newline"] else "")


def verify(raw_text: str, page_markdown: str, record: dict) -> list[str]:
    """Problems found when checking a page + record against the raw source ([] if none)."""
    problems = []
    digest = hashlib.sha256(raw_text.encode("utf-8")).hexdigest()
    if digest != record.get("sha256"):
        problems.append(f"{record.get('source_path')}：原文已改动，记录过期，请重新运行 scripts/curate.py")
    try:
        rebuilt = rebuild_source(page_markdown, record)
    except (CurationError, ValueError, KeyError, IndexError) as exc:
        return problems + [f"{record.get('page')}：无法由页面和记录还原原文：{exc}"]
    if rebuilt != raw_text:
        a, b = rebuilt.split("\n"), raw_text.split("\n")
        n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        problems.append(f"{record.get('page')}：还原结果与原文第 {n + 1} 行不同")
    return problems
