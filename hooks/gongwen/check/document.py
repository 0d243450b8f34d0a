"""Read a document (a Markdown page or a .txt file) into its outline.

Works line by line with the file's real 1-based line numbers. What is not part of
the checked document is skipped: front matter, admonitions and their indented
content, fenced code, HTML comments and raw HTML blocks, Material annotation lists,
tables, block quotations, and everything after `<!-- gongwen:end -->`.

A heading is a paragraph that starts with an ordinal (一、 （一） 1. （1）), whether
it is a Markdown heading, a line of its own, or run-in (the first sentence of a
paragraph that goes on). In-paragraph enumerations (一是…, 首先…, 第一，…), announced
counts (讲三点意见), a 【提纲】 block and the transition (现将…如下) are read too.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from gongwen.text.frontmatter import FrontMatter, split_front_matter
from gongwen.text.numbering import BRACKET_LEADS, NUMERAL_LEADS, canonical, cn_to_int, parse_ordinal
from gongwen.text.syntax import END_MARKER, RE_COMMENT, RE_FOOTNOTE_REF

from .model import Heading

# --- Markdown block syntax that is not part of the checked document --------------------
# gongwen.plaintext reads several of these more strictly, on purpose (see there).
RE_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
RE_ADMONITION = re.compile(r"^[ \t]{0,3}(?:!!!|\?\?\?\+?)(?:[ \t]|$)")
RE_HTML_BLOCK = re.compile(
    r"^[ \t]{0,3}</?(?:div|details|summary|table|thead|tbody|tr|td|th|p|pre|script|style|figure"
    r"|figcaption|section|aside|article|header|footer|nav|ol|ul|li|dl|dt|dd|blockquote|form"
    r"|iframe|center|h[1-6]|hr|video|audio|canvas|svg|noscript|button|input)\b",
    re.IGNORECASE,
)
RE_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
RE_ATX_CLOSING = re.compile(r"[ \t]+#+$")
RE_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*[.#][^{}]*\}[ \t]*$")
RE_ANNOTATE = re.compile(r"\{[^{}]*\.annotate\b[^{}]*\}")
RE_ORDERED_ITEM = re.compile(r"^[ \t]{0,3}\d{1,9}[.)][ \t]+")
RE_BULLET_ITEM = re.compile(r"^[ \t]{0,3}[-*+][ \t]+")
RE_TABLE_ROW = re.compile(r"^[ \t]*\|")
RE_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?")
RE_HR = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$")

# --- Inline markup removed before reading ----------------------------------------------
# Patterns that run on many lines start with a literal character (`` ``* rather than `+,
# the lookbehind after __ rather than before): re then skips straight to candidates.
RE_ACK = re.compile(r"<!--\s*gongwen:\s*ack\s+([A-Za-z][\w-]*)\s*(.*?)\s*-->")
RE_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
RE_INLINE_CODE = re.compile(r"``*[^`]*`+")
RE_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
RE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
RE_STRONG = re.compile(r"\*\*|__(?<![A-Za-z0-9_]__)(?![A-Za-z0-9_])")

# --- What the reader looks for in the text ---------------------------------------------
SENTENCE_END = "。！？!?"
RE_SENTENCE_END = re.compile(r"[。！？!?]")
CN_NUM = "一二两三四五六七八九十"
# 一是… 二是…: not 是否/是非 (一是否…), not inside a word (统一是). Up to three numerals,
# spelt [n][n]?[n]? rather than [n]{1,3}: a leading class lets re skip to candidates.
RE_ENUM_SHI = re.compile(rf"(?P<num>[{CN_NUM}][{CN_NUM}]?[{CN_NUM}]?)是(?![否非])")
RE_ENUM_SEQ = re.compile(r"(?P<word>首先|其次|再次|最后)")
RE_ENUM_DI = re.compile(rf"第(?P<num>[{CN_NUM}]{{1,3}})(?=[，,、：:]|是)")
# Quick tests before the full patterns: most paragraphs have no item at all. Each
# alternative starts with a literal, so that re skips straight to the candidates.
RE_ENUM_HINT = re.compile("|".join(f"{n}是" for n in CN_NUM) + rf"|第[{CN_NUM}]|首先|其次|再次|最后")
RE_ENUM_SHI_HINT = re.compile(rf"[{CN_NUM}]是")
ITEM_LEADS = frozenset(CN_NUM + "首其再最第" + BRACKET_LEADS) | NUMERAL_LEADS
ENUM_BEFORE = set("。；;：:，,！？!?")
SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}  # 0: "the last", any position
RE_DECLARED = re.compile(
    rf"(?:(?:讲|谈|提出|提|强调|突出|抓好)(?:了|以下|如下)?(?P<a>[{CN_NUM}])"
    rf"(?:点|个方面|个问题|方面的?问题|条)"
    rf"|(?:从|围绕)(?:以下)?(?P<b>[{CN_NUM}])个方面"
    rf"|(?:一共|共)(?P<c>[{CN_NUM}])(?:条|点))"
)
# Every announced count has its numeral right before 点, 个, 方面 or 条.
RE_DECLARED_HINT = re.compile(rf"[{CN_NUM}](?:点|个|方面|条)")
RE_TRANSITION = re.compile(r"现将.{0,60}?如下|特制定本方案|制定本方案|制定如下方案|特制定此方案")
RE_SALUTATION = re.compile(
    r"^[^。！？!?，,]{0,30}?(?:同志们|同事们|领导|来宾|朋友们|代表们?|委员们|老师们|同学们)"
    r"[^。！？!?]{0,20}[：:]$"
)
RE_OUTLINE_START = re.compile(r"^【提纲】")
RE_OUTLINE_ENTRY = re.compile(
    rf"(?:(?<=^)|(?<=[。；;：:\s】]))(?:(?P<l1>[{CN_NUM}]{{1,3}})[、.．]|[（(](?P<l2>[{CN_NUM}]{{1,3}})[）)])"
)
# Ten CJK characters or more: stops at the tenth instead of listing every one.
RE_TEN_CJK = re.compile(r"(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){10}")


@dataclass(frozen=True)
class Line:
    """A line of the checked document: 1-based number and text without markup."""

    number: int
    text: str

    @property
    def line(self) -> int:
        return self.number


@dataclass
class Paragraph:
    """A logical paragraph: in .txt a line, in Markdown a block of lines (split again
    where a line starts a new numbered item after a finished sentence)."""

    line: int
    lines: list[Line]
    text: str
    heading: Heading | None = None
    body: str = ""          # the text after a run-in heading (or the whole text)
    body_line: int = 0      # the line where `body` starts
    list_item: bool = False  # a Markdown list item: never a heading
    raw_first: str = ""      # the first source line, markup included (bold marks a heading)
    role: str = ""           # 'title', 'outline' (a 【提纲】 block), 'markdown' (a # heading)


@dataclass(frozen=True)
class Enumeration:
    """One in-paragraph item: 三是 (kind 是), 其次 (kind 序), 第二 (kind 第)."""

    line: int
    kind: str
    label: str
    number: int  # 0 for 最后
    sequence: int  # items with the same sequence id count together
    paragraph: int = -1  # index in Document.paragraphs
    offset: int = 0      # position in that paragraph's text


@dataclass(frozen=True)
class Declaration:
    """An announced count (讲三点意见) and what follows it."""

    line: int
    count: int
    text: str
    found: int | None  # parts found after it; None when nothing numbered follows
    found_what: str    # e.g. '一级标题（一、）' or '“一是”列举'
    found_line: int | None


@dataclass(frozen=True)
class OutlineEntry:
    """An entry of a 【提纲】 block: level 1 (一、) or 2 (（一）) under `parent`."""

    line: int
    level: int
    label: str
    number: int
    title: str
    parent: int | None  # number of the level-1 entry above a level-2 entry


@dataclass(frozen=True)
class Ack:
    """An inline acknowledgement `<!-- gongwen: ack CODE 原因 -->`."""

    line: int
    rule: str
    reason: str


@dataclass
class Document:
    """Everything the rules look at."""

    path: str
    markdown: bool
    front: FrontMatter
    title: str | None = None
    title_line: int | None = None
    salutation: Line | None = None
    opening: list[Paragraph] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    plain_headings: list[Line] = field(default_factory=list)  # Markdown headings without ordinal
    enumerations: list[Enumeration] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    outline_line: int | None = None
    outline_entries: list[OutlineEntry] = field(default_factory=list)
    transition: Line | None = None
    closing: Paragraph | None = None
    lines: list[Line] = field(default_factory=list)  # every checked line, markup removed
    acks: list[Ack] = field(default_factory=list)
    # Filled by the checker: the doctypes it knows, and analyses shared between rules.
    known_doctypes: tuple[str, ...] = ()
    cache: dict = field(default_factory=dict, repr=False)

    @property
    def meta(self) -> dict:
        return self.front.meta


def clean_inline(text: str) -> str:
    """Text as a reader sees it: no HTML tags or comments, no ** or code, links as text."""
    if "<" in text:
        text = RE_COMMENT.sub("", text)
        text = RE_TAG.sub("", text)
    if "`" in text:
        text = RE_INLINE_CODE.sub("", text)
    if "](" in text:
        text = RE_LINK.sub(r"\1", text)
    if "[^" in text:
        text = RE_FOOTNOTE_REF.sub("", text)
    if "*" in text or "__" in text:
        text = RE_STRONG.sub("", text)
    if "\\" in text:
        text = RE_ESCAPE.sub(r"\1", text)  # \_ is a literal _ (a placeholder of the source)
    return text.strip()


def _body_lines(lines: list[str], start: int, markdown: bool, acks: list[Ack]
                ) -> list[tuple[int, str, str]]:
    """(1-based number, raw line, kind) for lines that belong to the checked document.

    kind: 'text', 'blank', 'atx' (a # heading), 'list' (a Markdown list item).
    """
    out: list[tuple[int, str, str]] = []
    fence: str | None = None
    in_comment = False
    in_admonition = False
    in_html = False
    annotate_pending = False
    in_annotation_list = False
    for index in range(start, len(lines)):
        raw = lines[index]
        number = index + 1
        if "gongwen" in raw:
            if raw.strip() == END_MARKER:
                break
            for m in RE_ACK.finditer(raw):
                acks.append(Ack(number, m.group(1), m.group(2)))
        stripped = raw.strip()
        if not markdown:
            out.append((number, raw, "text" if stripped else "blank"))
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if in_comment:
            if "-->" in raw:
                in_comment = False
            continue
        if in_admonition:
            if not stripped or raw.startswith(("    ", "\t")):
                continue
            in_admonition = False
        if in_html:
            if not stripped:
                in_html = False
            continue
        if in_annotation_list:
            if not stripped or raw.startswith(("    ", "\t")) or RE_ORDERED_ITEM.match(raw):
                continue
            in_annotation_list = False
        if not stripped:
            out.append((number, raw, "blank"))
            continue
        # Dispatch on the first character: most lines are plain Chinese text and
        # should not pay for a dozen regular expressions.
        lead = stripped[0]
        if lead in "`~":
            m = RE_FENCE.match(raw)
            if m:
                fence = m.group(1)[0] * len(m.group(1))
                continue
        elif lead == "<":
            if stripped.startswith("<!--"):
                if "-->" not in stripped:
                    in_comment = True
                    continue
                if RE_COMMENT.sub("", stripped) == "":
                    continue
            elif RE_HTML_BLOCK.match(raw):
                in_html = True
                continue
        elif lead in "!?":
            if RE_ADMONITION.match(raw):
                in_admonition = True
                continue
        elif lead in "|>":
            # Tables and quotations (examples quoted on a guide page) are not the
            # document's own structure.
            continue
        if annotate_pending:
            annotate_pending = False
            if lead.isdigit() and RE_ORDERED_ITEM.match(raw):
                in_annotation_list = True
                continue
        if "annotate" in raw and RE_ANNOTATE.search(raw):
            annotate_pending = True
        if lead in "-*_" and RE_HR.match(raw):
            out.append((number, raw, "blank"))
        elif lead == "#" and RE_ATX.match(raw):
            out.append((number, raw, "atx"))
        elif (lead.isdigit() and RE_ORDERED_ITEM.match(raw)) or \
                (lead in "-*+" and RE_BULLET_ITEM.match(raw)):
            out.append((number, raw, "list"))
        else:
            out.append((number, raw, "text"))
    return out


def _clean_line(raw: str, kind: str) -> str:
    text = raw
    if kind == "list":
        text = RE_BULLET_ITEM.sub("", RE_ORDERED_ITEM.sub("", text, count=1), count=1)
    if "{" in text:
        text = RE_ATTR_LIST.sub("", text)
    return clean_inline(text)


def _starts_item(text: str) -> bool:
    """Does a line start a numbered heading or an enumeration item?"""
    if not text:
        return False
    lead = text[0]
    # Every item starts with one of these: other lines skip the four patterns.
    if lead not in ITEM_LEADS and not lead.isdigit():
        return False
    return bool(parse_ordinal(text) or RE_ENUM_SHI.match(text) or RE_ENUM_SEQ.match(text)
                or RE_ENUM_DI.match(text))


def _make_heading(text: str, raw_text: str, number: int, form_hint: str | None
                  ) -> tuple[Heading, str] | None:
    """A heading at the start of a paragraph, and the text that follows it."""
    ordinal = parse_ordinal(text)
    if ordinal is None:
        return None
    rest = ordinal.rest
    body = ""
    if form_hint == "markdown":
        title, form = rest.strip(), "markdown"
    else:
        # A bold heading sentence marks its own end: **（一）标题。**正文
        bold = raw_text.lstrip()
        bold = RE_TAG.sub("", RE_COMMENT.sub("", bold)).lstrip() if "<" in bold else bold
        end = -1
        if bold.startswith("**"):
            close = bold.find("**", 2)
            if close > 0:
                end = len(clean_inline(bold[:close + 2])) - len(ordinal.raw)
        if end < 0:
            m = RE_SENTENCE_END.search(rest)
            end = m.start() + 1 if m else len(rest)
        head, body = rest[:end], rest[end:].strip()
        title = head.strip().rstrip("。！？!?；;").strip()
        form = "run-in" if body else "line"
    return Heading(number, ordinal.level, ordinal.label, ordinal.number, title, form,
                   ordinal.raw.strip(), ordinal.width), body


def _paragraph(lines: list[Line], raw_first: str, first_kind: str) -> Paragraph:
    text = lines[0].text if len(lines) == 1 else "".join([line.text for line in lines])
    return Paragraph(lines[0].number, lines, text, list_item=first_kind == "list",
                     raw_first=raw_first)


def _paragraphs(body: list[tuple[int, str, str]], markdown: bool, doc: Document) -> None:
    """Group lines into logical paragraphs; read Markdown # headings on the way."""
    paragraphs, doc_lines = doc.paragraphs, doc.lines
    # The lines of the paragraph being read, its first line as written and the kinds of
    # its first and last lines (kept apart: no tuple to build and unpack per line).
    current: list[Line] = []
    first_raw, first_kind, last_kind = "", "", ""
    for number, raw, kind in body:
        if kind == "blank":
            if current:
                paragraphs.append(_paragraph(current, first_raw, first_kind))
                current = []
            continue
        if kind == "atx":
            if current:
                paragraphs.append(_paragraph(current, first_raw, first_kind))
                current = []
            m = RE_ATX.match(raw)
            hashes, content = m.group(1), (m.group(2) or "")
            if "#" in content:
                content = RE_ATX_CLOSING.sub("", content)
            if "{" in content:
                content = RE_ATTR_LIST.sub("", content)
            content = clean_inline(content)
            doc_lines.append(Line(number, content))
            if len(hashes) == 1 and doc.title_line is None:
                doc.title, doc.title_line = content, number
                continue
            made = _make_heading(content, content, number, "markdown")
            if made and len(hashes) > 1:
                para = Paragraph(number, [Line(number, content)], content, made[0], "", number,
                                 raw_first=raw, role="markdown")
                paragraphs.append(para)
            else:
                doc.plain_headings.append(Line(number, content))
            continue
        text = _clean_line(raw, kind)
        line = Line(number, text)
        doc_lines.append(line)
        if not markdown:
            paragraphs.append(_paragraph([line], raw, kind))  # .txt: a line is a paragraph
            continue
        if kind == "list":
            if current:
                paragraphs.append(_paragraph(current, first_raw, first_kind))
                current = []
        elif current:
            prev = current[-1].text
            # A numbered item after a finished sentence starts a new paragraph, even
            # without a blank line in between (authors often forget it).
            if prev and (prev[-1] in "。！？!?：:；;" or last_kind == "list"
                         or len(current) == 1 and current[0].text and
                         parse_ordinal(current[0].text) and len(prev) <= 40) \
                    and _starts_item(text):
                paragraphs.append(_paragraph(current, first_raw, first_kind))
                current = []
        if not current:
            first_raw, first_kind = raw, kind
        current.append(line)
        last_kind = kind
        if kind == "list":
            paragraphs.append(_paragraph(current, first_raw, first_kind))
            current = []
    if current:
        paragraphs.append(_paragraph(current, first_raw, first_kind))


def _read_title(doc: Document) -> None:
    meta_title = doc.meta.get("title")
    if doc.title is None and isinstance(meta_title, str) and doc.markdown:
        doc.title = meta_title.strip()
    if doc.title is not None or not doc.paragraphs:
        return
    # A .txt file (or a page without any title): the first line is the title.
    first = doc.paragraphs[0]
    if parse_ordinal(first.text) or RE_OUTLINE_START.match(first.text):
        # 【提纲】 may come before the title (seed 000): the title is the next line.
        if len(doc.paragraphs) > 1 and RE_OUTLINE_START.match(first.text):
            second = doc.paragraphs[1]
            if not parse_ordinal(second.text) and len(second.text) <= 80 and \
                    not RE_SENTENCE_END.search(second.text[:-1] if second.text else ""):
                doc.title, doc.title_line = second.text, second.line
                second.role = "title"
        return
    if len(first.text) <= 80 and not RE_SENTENCE_END.search(first.text):
        doc.title, doc.title_line = first.text, first.line
        first.role = "title"


def _read_outline_block(doc: Document) -> None:
    for para in doc.paragraphs:
        if para.role == "title" or not RE_OUTLINE_START.match(para.text):
            continue
        para.role = "outline"
        doc.outline_line = para.line
        group = [para]
        # A 【提纲】 line followed by list items (Markdown): the items belong to it.
        index = doc.paragraphs.index(para) + 1
        while index < len(doc.paragraphs) and doc.paragraphs[index].list_item:
            doc.paragraphs[index].role = "outline"
            group.append(doc.paragraphs[index])
            index += 1
        parent: int | None = None
        for member in group:
            for line in member.lines:
                text = RE_OUTLINE_START.sub("", line.text)
                matches = list(RE_OUTLINE_ENTRY.finditer(text))
                for i, m in enumerate(matches):
                    end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
                    title = text[m.end():end].strip().rstrip("。；;，,").strip()
                    if m.group("l1"):
                        num = cn_to_int(m.group("l1"))
                        if num:
                            parent = num
                            doc.outline_entries.append(
                                OutlineEntry(line.number, 1, m.group("l1"), num, title, None))
                    else:
                        num = cn_to_int(m.group("l2"))
                        if num:
                            doc.outline_entries.append(
                                OutlineEntry(line.number, 2, m.group("l2"), num, title, parent))
        return


def _enumerations_in(para: Paragraph, text: str, start_line: int, doc: Document,
                     state: dict) -> None:
    """Read 一是/首先/第一 items of one paragraph body into sequences.

    An item at the start of a paragraph continues the sequence of its heading (items
    usually run one per paragraph); an item inside a paragraph continues the
    paragraph's own sequence, or starts one when it is number one (a nested list).
    """
    if not RE_ENUM_HINT.search(text):
        return
    line_of = None  # built at the first item
    base = len(para.text) - len(text)
    para_index = state["para_index"]
    heading_seqs, recent_seqs, last_number = \
        state["heading_seq"], state["recent_seq"], state["last_number"]
    para_seq: dict[str, int] = {}
    for kind in ("是", "第", "序"):
        if kind == "是":
            if "是" not in text or not RE_ENUM_SHI_HINT.search(text):
                continue
            matches = RE_ENUM_SHI.finditer(text)
        elif kind == "第":
            if "第" not in text:
                continue
            matches = RE_ENUM_DI.finditer(text)
        else:
            # 首先/其次/最后 count only at the start of a paragraph (最后 inside is prose).
            first = RE_ENUM_SEQ.match(text)
            if first is None:
                continue
            matches = (first,)
        for m in matches:
            pos = m.start()
            at_start = pos == 0
            if not at_start and text[pos - 1] not in ENUM_BEFORE:
                continue
            if kind == "序":
                label = m.group("word")
                number = SEQUENCE_WORDS[label]
            else:
                num = m.group("num")
                number = cn_to_int(num) or 0
                if not number:
                    continue
                label = f"{num}是" if kind == "是" else f"第{num}"
            key = (kind, state["scope"])
            if at_start:
                seq = heading_seqs.get(key)
                if seq is not None and number == 1:
                    seq = None  # a fresh 一是 starts a new list under the same heading
                if seq is None:
                    # 主要有两点：一是…。 ⏎ 二是…: a list begun inside the previous
                    # paragraph goes on at the start of this one.
                    recent = recent_seqs.get(key)
                    if recent is not None and last_number.get(recent) == number - 1:
                        seq = recent
                    else:
                        seq = state["next_id"]
                        state["next_id"] += 1
                    heading_seqs[key] = seq
                para_seq[kind] = seq
            elif kind in para_seq and number != 1:
                seq = para_seq[kind]
            else:
                heading_seq = heading_seqs.get(key)
                if number != 1 and heading_seq is not None and \
                        last_number.get(heading_seq) == number - 1:
                    seq = heading_seq
                else:
                    seq = state["next_id"]
                    state["next_id"] += 1
                para_seq[kind] = seq
            last_number[seq] = number
            recent_seqs[key] = seq
            if line_of is None:
                line_of = _line_locator(para, text, start_line)
            doc.enumerations.append(
                Enumeration(line_of(pos), kind, label, number, seq, para_index, base + pos))


def _line_locator(para: Paragraph, text: str, start_line: int):
    """Map a position in a paragraph's (body) text to its source line."""
    if len(para.lines) == 1:
        return lambda pos: start_line
    offset = len(para.text) - len(text)
    bounds: list[tuple[int, int]] = []
    total = 0
    for line in para.lines:
        total += len(line.text)
        bounds.append((total, line.number))

    def locate(pos: int) -> int:
        absolute = pos + offset
        for end, number in bounds:
            if absolute < end:
                return number
        return bounds[-1][1]
    return locate


def _read_body(doc: Document) -> None:
    state = {"scope": 0, "heading_seq": {}, "next_id": 1, "last_number": {}, "recent_seq": {}}
    first_heading_seen = False
    heading_index = 0
    for index, para in enumerate(doc.paragraphs):
        state["para_index"] = index
        if para.role == "title" or para.role == "outline":
            continue
        if doc.title and para.text == doc.title and not first_heading_seen and \
                para.role != "markdown":
            para.role = "title"  # a repeated title line
            continue
        if para.role == "markdown":
            doc.headings.append(para.heading)
            heading_index += 1
            state["scope"] = heading_index
            first_heading_seen = True
            continue
        body, body_line = para.text, para.line
        if not para.list_item or not doc.markdown:
            made = _make_heading(para.text, para.raw_first or para.text, para.line,
                                 None)
            if made:
                heading, body = made
                para.heading = heading
                doc.headings.append(heading)
                heading_index += 1
                state["scope"] = heading_index
                first_heading_seen = True
                body_line = _line_locator(para, body, para.line)(0) if body else para.line
        para.body, para.body_line = body, body_line
        if not first_heading_seen and para.heading is None:
            # 称呼: a short line ending in ： among the first lines (after any share line).
            if doc.salutation is None and len(doc.opening) < 4 and \
                    RE_SALUTATION.match(para.text):
                doc.salutation = Line(para.line, para.text)
            else:
                doc.opening.append(para)
        if body:
            _enumerations_in(para, body, body_line, doc, state)
    _read_declarations(doc)
    _read_transition(doc)
    for para in reversed(doc.paragraphs):
        if para.role == "title" or para.role == "outline":
            continue
        if para.heading is None and RE_TEN_CJK.match(para.text):
            if doc.headings and para.line > doc.headings[-1].line:
                doc.closing = para
            break


def _read_declarations(doc: Document) -> None:
    for index, para in enumerate(doc.paragraphs):
        if para.role == "title" or para.role == "outline":
            continue
        text = para.text
        if not RE_DECLARED_HINT.search(text):
            continue
        for m in RE_DECLARED.finditer(text):
            count = cn_to_int(m.group("a") or m.group("b") or m.group("c") or "")
            if not count or count < 2:
                continue
            line = _line_locator(para, text, para.line)(m.start())
            doc.declarations.append(
                _what_follows(doc, index, m.end(), line, count, m.group(0)))


def _what_follows(doc: Document, index: int, offset: int, line: int, count: int, text: str
                  ) -> Declaration:
    para = doc.paragraphs[index]
    # Items later in the same paragraph answer the announcement first (…一共三条：一是…).
    same = [e for e in doc.enumerations if e.paragraph == index and e.offset >= offset]
    if same:
        seq = same[0].sequence
        items = [e for e in same if e.sequence == seq]
        return Declaration(line, count, text, len(items), f"“{items[0].label}”列举",
                           items[0].line)
    after_para = para.lines[-1].number
    next_heading = next((h for h in doc.headings if h.line > after_para), None)
    next_enum = next((e for e in doc.enumerations if e.line > after_para and e.number == 1),
                     None)
    if next_enum and (next_heading is None or next_enum.line < next_heading.line):
        items = [e for e in doc.enumerations if e.sequence == next_enum.sequence]
        return Declaration(line, count, text, len(items), f"“{items[0].label}”列举",
                           next_enum.line)
    if next_heading is None:
        return Declaration(line, count, text, None, "", None)
    level = next_heading.level
    found = 0
    for heading in doc.headings:
        if heading.line < next_heading.line:
            continue
        if heading.level < level:
            break
        if heading.level == level:
            found += 1
    return Declaration(line, count, text, found,
                       f"{_LEVEL_NAMES[level]}（{canonical(level, 1)}）", next_heading.line)


_LEVEL_NAMES = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}


def opening_text(doc: Document) -> tuple[str, list[tuple[int, int]]]:
    """The text before the first 一、 heading, paragraphs joined, with (end offset, line)
    bounds: a transition broken across lines (现将\n…如下) is still found."""
    limit = next((h.line for h in doc.headings if h.level == 1), None)
    parts: list[str] = []
    bounds: list[tuple[int, int]] = []
    total = 0
    for para in doc.paragraphs:
        if limit is not None and para.line >= limit:
            break
        if para.role == "title" or para.role == "outline":
            continue
        for line in para.lines:
            parts.append(line.text)
            total += len(line.text)
            bounds.append((total, line.number))
    return "".join(parts), bounds


def line_at(bounds: list[tuple[int, int]], pos: int) -> int | None:
    for end, number in bounds:
        if pos < end:
            return number
    return bounds[-1][1] if bounds else None


def _read_transition(doc: Document) -> None:
    text, bounds = opening_text(doc)
    m = RE_TRANSITION.search(text)
    if m:
        doc.transition = Line(line_at(bounds, m.start()) or 0, m.group(0))


def read(text: str, path: str = "<text>", markdown: bool | None = None) -> Document:
    """Read `text` (a whole file, front matter included) into a Document."""
    if markdown is None:
        markdown = not path.lower().endswith(".txt")
    key = (text, markdown)
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    front = split_front_matter(lines) if markdown else FrontMatter()
    doc = Document(path, markdown, front)
    body = _body_lines(lines, front.body_start, markdown, doc.acks)
    _paragraphs(body, markdown, doc)
    _read_title(doc)
    _read_outline_block(doc)
    _read_body(doc)
    _remember_levels(key, doc)
    return doc


# Heading levels of recently read texts, keyed by the text itself (so an edited page is a
# new key and nothing stale survives a `mkdocs serve` rebuild). The build reads each page
# for the check, then again for its Word download: this spares the second read.
_LEVELS: OrderedDict[tuple[str, bool], tuple[tuple[int, int], ...]] = OrderedDict()
_LEVELS_MAX = 2048


def _remember_levels(key: tuple[str, bool], doc: Document) -> None:
    _LEVELS[key] = tuple((h.line, h.level) for h in doc.headings)
    _LEVELS.move_to_end(key)
    if len(_LEVELS) > _LEVELS_MAX:
        _LEVELS.popitem(last=False)


def heading_levels(text: str, markdown: bool = True) -> dict[int, int]:
    """Outline level of each heading by 1-based line, as read() reads them (memoised)."""
    key = (text, markdown)
    levels = _LEVELS.get(key)
    if levels is None:
        read(text, "page.md" if markdown else "page.txt", markdown)
        levels = _LEVELS[key]
    return dict(levels)
