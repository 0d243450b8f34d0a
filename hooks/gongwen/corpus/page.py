"""How a curated exemplar page is written and read back: Markdown escaping, the page
frame (front matter, the 来源与整理 note), and the page's text blocks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml
from pymdownx.slugs import slugify

from gongwen.text.syntax import END_MARKER

from .punctuation import Restoration


class CurationError(ValueError):
    """The input or its hints do not fit: the message says what to change."""
PLACEHOLDER = re.compile(r"X+|×{2,}|_")
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


def indent(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in text.strip().split("\n"))


# Material's search weight of a page (templates carry the same in their front matter):
# a writer's query should find exemplars and templates before guides and maintenance pages.
EXEMPLAR_SEARCH_BOOST = 2


def front_matter_text(meta: dict, title: str, source_name: str, record_path: str) -> str:
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
    fm["search"] = {"boost": EXEMPLAR_SEARCH_BOOST}
    dumped = yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


def placeholder_kinds(text: str) -> list[str]:
    """The placeholder forms present in the body, as a reader would spell them."""
    kinds = sorted({m.group(0) for m in PLACEHOLDER.finditer(text)}, key=lambda k: (len(k), k))
    return [k.replace("_", "\\_") for k in kinds[:4]]


def about_note(source_name: str, record_path: str, record: dict, placeholders: list[str],
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
        # The provenance may quote a received file's name: text, never Markdown or HTML.
        f"- 来源：{escape_markdown(provenance)}，正文逐字保留，未作删改润色。",
        "- 整理：" + ("；".join(done) if done else "无改动") + "。",
        # Repository paths mean nothing to a writer; README and 如何添加范文 give them.
        "- 原文与逐条整理记录（删去、接合、改动之处）随本站源文件一并保存，据此可逐字还原原文。",
    ]
    if placeholders:
        lines.append(f"- 文中的 {'、'.join(placeholders)} 是原文发布时隐去的数字、名称或字词，"
                     "照录不补。")
    return '!!! info "关于本范文"\n\n' + indent("\n".join(lines)) + "\n"


def incomplete_note(meta: dict) -> str:
    note = meta.get("incomplete_note") or (
        "本文原稿在网上流传时已不完整。本页只收录原文现有的文字，缺失部分不补写，"
        "在缺失处以“原文缺失”标出。"
    )
    return '!!! warning "原文不完整"\n\n' + indent(str(note)) + "\n"


def gap_marker(gap: dict) -> str:
    """A "原文缺失" admonition; its optional anchor lets other pages link to the gap."""
    span = f'<span id="{gap["anchor"]}"></span>' if gap.get("anchor") else ""
    return '!!! failure "原文缺失"\n\n' + indent(span + str(gap["note"]).strip()) + "\n"


def page_paths(source_name: str, doctype: str) -> tuple[str, str]:
    """(exemplar page, curation record), relative to the repository root."""
    stem = PurePosixPath(source_name).stem
    return f"docs/{doctype}/exemplars/{stem}.md", f"corpus/records/{stem}.json"


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
SLUGIFY = slugify(case="lower")  # the site's toc slugify (mkdocs.yml), so ids match


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
