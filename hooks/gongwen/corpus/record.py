"""The curation record of an exemplar: what was removed or changed, kept so that the raw
source can be rebuilt byte for byte from the page (rebuild_source, verify)."""
from __future__ import annotations

import hashlib
import json

from .page import SLUGIFY, Block, CurationError, SourceLine, page_blocks
from .punctuation import Restoration, undo


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
            raise CurationError(f"第{entry['line']}行：页面中没有第{b} "
                                "个文字块（页面与记录不符）")
        out.append(blocks[b][used[b]:used[b] + length])
        used[b] += length
    skip_title = 1 if record.get("title_from_meta") else 0
    for b, text in enumerate(blocks[skip_title:], skip_title):
        if used[b] != len(text):
            raise CurationError(
                f"页面第{b}个文字块有记录之外的文字：“{text[used[b]:used[b] + 20]}”"
                "（页面被改动过？）"
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
        problems.append(f"{record.get('source_path')}：原文已改动，记录过期，请重新运行 "
                        "scripts/curate.py")
    try:
        rebuilt = rebuild_source(page_markdown, record)
    except (CurationError, ValueError, KeyError, IndexError) as exc:
        return problems + [f"{record.get('page')}：无法由页面和记录还原原文：{exc}"]
    if rebuilt != raw_text:
        a, b = rebuilt.split("\n"), raw_text.split("\n")
        n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        problems.append(f"{record.get('page')}：还原结果与原文第{n + 1}行不同")
    return problems
RECORD_VERSION = 1


def build_record(source_name: str, raw_text: str, final_newline: bool, lines: list[SourceLine],
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
