"""What the site shows of check results: panel data, exemplar lists, the overview and rules pages.

Pure functions over CheckResult and plain strings, so the MkDocs hook stays a thin caller
and this module never imports MkDocs. URLs passed in are already relative to the page.
"""
from __future__ import annotations

import bisect
import html
import inspect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from gongwen.check.model import CheckResult, Finding, Heading
from gongwen.text.numbering import canonical

STATUS_LABELS = {"pass": "通过", "warn": "有提示", "fail": "有错误"}
SEVERITY_LABELS = {"error": "错误", "warning": "提示", "info": "信息"}
CATEGORY_LABELS = {
    "numbering": "序号", "hierarchy": "层次", "missing-section": "缺少部分", "order": "顺序",
    "declared-count": "自述结构", "style": "文风", "hygiene": "清理",
}
# Overview order: what needs attention first.
STATUS_ORDER = {"fail": 0, "warn": 1, "pass": 2}

EXEMPLARS_MARKER = "<!-- gongwen:exemplars -->"

# The run-in anchor convention: an empty span at the very start of the paragraph.
RE_SPAN_ANCHOR = re.compile(r'^\s*<span id="([^"]+)"></span>')
RE_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
# A trailing attr_list ({ #id .class }) is not part of the heading's text.
RE_ATTR_LIST = re.compile(r"\s*\{\s*[:#.][^}]*\}\s*$")
RE_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
RE_TAG = re.compile(r"<[^>]+>")
RE_MARKUP = re.compile(r"[*_`~\\]|\s+")


@dataclass(frozen=True)
class Anchor:
    line: int
    id: str


def _plain(text: str) -> str:
    """Heading text without Markdown/HTML markup or spaces, for comparing with the toc."""
    text = html.unescape(RE_TAG.sub("", RE_ATTR_LIST.sub("", text)))
    return RE_MARKUP.sub("", text)


def heading_anchors(source: str, toc: Sequence[tuple[str, str]]) -> list[Anchor]:
    """Source line of every anchor a reader can jump to, in line order.

    source: the whole file as the author wrote it (front matter included, so line numbers
    are real); toc: (title, id) of the rendered page's headings in document order.
    Markdown headings are matched to the toc in order, by text (a `#` line inside a code
    block has no toc entry and is passed over); run-in headings carry their own span id.
    """
    anchors: list[Anchor] = []
    pending = [(_plain(title), anchor_id) for title, anchor_id in toc]
    next_toc = 0
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.lstrip()
        if not stripped.startswith(("#", "<span")):  # cheap test first: most lines are prose
            continue
        span = RE_SPAN_ANCHOR.match(line)
        if span:
            anchors.append(Anchor(number, span.group(1)))
            continue
        heading = RE_MD_HEADING.match(line)
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


def heading_label(heading: Heading) -> str:
    """The ordinal as the author wrote it, so a wrong form stays visible in the outline."""
    if heading.raw:
        return heading.raw
    try:
        return canonical(heading.level, heading.number)
    except ValueError:
        return heading.label


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
) -> dict[str, Any]:
    """Everything the 结构检查 panel template needs, as plain data.

    guide_url / rules_url: the guide and rules pages relative to the current page;
    rule_guides: rule code → anchor id in the guide.
    """
    def finding_view(finding: Finding) -> dict[str, Any]:
        guide = rule_guides.get(finding.rule)
        return {
            "severity": finding.severity,
            "severity_label": SEVERITY_LABELS.get(finding.severity, finding.severity),
            "rule": finding.rule,
            "name": finding.name,
            "message": finding.message,
            "line": finding.line,
            "anchor": anchor_for_line(anchors, finding.line),
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
        group = info_groups.setdefault(finding.rule, {**finding_view(finding), "lines": []})
        if finding.line:
            group["lines"].append({"line": finding.line,
                                   "anchor": anchor_for_line(anchors, finding.line)})
    return {
        "status": result.status,
        "status_label": STATUS_LABELS[result.status],
        "doctype": result.doctype,
        "doctype_label": doctype_label or result.doctype,
        "counts": counts(result),
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


def _cell(value: Any) -> str:
    """A value made safe for one Markdown table cell."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ").strip() or "—"


@dataclass(frozen=True)
class ExemplarRow:
    """One exemplar in its type page's list; url is relative to the type page's URL."""

    url: str
    title: str
    unit: Any
    year: Any
    occasion: Any
    status: str


def _td(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    return f"<td>{html.escape(text) if text else '—'}</td>"


def exemplar_table(rows: Iterable[ExemplarRow]) -> str:
    """A type's exemplars as an HTML table, newest first.

    HTML put into the rendered page (not a Markdown table): it costs nothing to render
    and is kept out of the search index (data-search-exclude), where each exemplar is
    found on its own page; at 1,000 exemplars the Markdown table cost 1.5% of the build.
    """
    rows = sorted(rows, key=lambda r: exemplar_order(r.title, r.year))
    if not rows:
        return "<p>（暂无范文。）</p>\n"
    return _html_table(
        "<table data-search-exclude>", ("范文", "发文单位", "年份", "场合", "结构检查"),
        (f"<td>{_link(r.url, r.title)}</td>{_td(r.unit)}{_td(r.year)}{_td(r.occasion)}"
         f"<td>{_badge(r.status)}</td>" for r in rows))


def _html_table(open_tag: str, headers: Sequence[str], rows: Iterable[str]) -> str:
    """An HTML table; `rows` are the cells of each row. No class on the table itself:
    Material styles only `table:not([class])`."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join(f"<tr>{cells}</tr>" for cells in rows)
    return f"{open_tag}\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"


def _link(url: str, title: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(title)}</a>'


def _badge(status: str) -> str:
    return f'<span class="gw-badge gw-badge--{status}">{STATUS_LABELS.get(status, status)}</span>'


def exemplar_order(title: str, year: Any) -> tuple[int, str]:
    """Sort key of a type's exemplar list (newest first, then by title), shared by its pages."""
    return (-_year(year), title)


def _year(value: Any) -> int:
    try:
        return int(str(value)[:4])
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True)
class OverviewRow:
    """One checked page in the overview; url is relative to the overview page's URL."""

    url: str
    title: str
    doctype_label: str | None
    result: CheckResult


OVERVIEW_MARKER = "<!-- gongwen:overview -->"
OTHER_PAGES = "其他页面"  # the summary's row for pages without a 文种


def _front_matter(title: str, *, search: bool) -> list[str]:
    lines = ["---", f"title: {title}"]
    if not search:
        # List pages hold only other pages' titles: keep them out of search results.
        lines += ["search:", "  exclude: true"]
    return [*lines, "---", ""]


def overview_summary(results: Iterable[CheckResult], labels: Mapping[str, str]) -> str:
    """Pages per 文种 and status as a Markdown table (a few rows, whatever the corpus size).

    labels: doctype → 中文名, in the order the rows go; pages of an unknown or no 文种
    are counted under 其他页面.
    """
    table: dict[str, dict[str, int]] = {}
    for label in [*labels.values(), OTHER_PAGES]:
        table[label] = {status: 0 for status in STATUS_LABELS}
    for result in results:
        label = labels.get(result.doctype or "", OTHER_PAGES)
        table[label][result.status] += 1
    total = {status: sum(row[status] for row in table.values()) for status in STATUS_LABELS}
    out = ["| 文种 | 页数 | 通过 | 有提示 | 有错误 |", "| --- | ---: | ---: | ---: | ---: |"]
    for label, row in [*table.items(), ("**合计**", total)]:
        if sum(row.values()) or label == "**合计**":
            out.append(f"| {label} | {sum(row.values())} | {row['pass']} | {row['warn']} "
                       f"| {row['fail']} |")
    return "\n".join(out) + "\n"


def overview_markdown(
    results: Iterable[CheckResult],
    labels: Mapping[str, str] | None = None,
    *,
    pages: int = 1,
    rules_link: str = "../guide/rules.md",
    report_link: str | None = None,
) -> str:
    """The 结构检查总览 page's Markdown: a summary by 文种 and status, then the list's marker.

    The list itself (overview_table) is HTML put in after Markdown has run: with 1,000
    pages a Markdown table made this one page cost 1% of the build. It is split into
    `pages` list pages (see list_page_uri), errors first, so this page shows what needs
    attention. The page is left out of the search index (its text is other pages' titles).
    report_link: the JSON report relative to this page, linked as the full data.
    """
    results = list(results)
    by_status = {status: sum(r.status == status for r in results) for status in STATUS_LABELS}
    report = (f'完整结果（含每条问题）见 <a href="{html.escape(report_link)}">'
              f"{html.escape(report_link.rsplit('/', 1)[-1])}</a>。" if report_link else "")
    more = f"列表分 {pages} 页。" if pages > 1 else ""
    return "\n".join([
        *_front_matter("结构检查总览", search=False),
        "# 结构检查总览",
        "",
        ("本页在每次构建时自动生成：列出本站每一页的结构检查结果（提纲、序号、必备部分等）。"
         f"点开页面可看其「结构检查」面板中的具体问题；每条问题的含义见[检查规则]({rules_link})。"),
        "",
        (f"共检查 {len(results)} 页：通过 {by_status['pass']} 页，有提示 {by_status['warn']} 页，"
         f"有错误 {by_status['fail']} 页。"),
        "",
        overview_summary(results, labels or {}),
        "## 各页结果",
        "",
        f"先列有错误的页面，再列有提示的，最后是通过的。{more}{report}",
        "",
        OVERVIEW_MARKER,
        "",
    ])


def list_page_markdown(title: str, number: int, pages: int, *, back: str, back_text: str,
                       marker: str) -> str:
    """A generated continuation page of a list (page `number` of `pages`, from 2 on).

    back: the list's first page, as a Markdown link target relative to this page (MkDocs
    checks it); the rows and the pager go in at `marker` after Markdown has run.
    """
    heading = f"{title}（第 {number} 页）"
    return "\n".join([
        *_front_matter(heading, search=False),
        f"# {heading}",
        "",
        f"本页是[{back_text}]({back})的第 {number} 页，共 {pages} 页。",
        "",
        marker,
        "",
    ])


def overview_table(rows: Iterable[OverviewRow]) -> str:
    """Checked pages as HTML table rows, in the order given (see overview_order)."""
    def cells(r: OverviewRow) -> str:
        c = counts(r.result)
        errors = f"{c['error']}（已确认 {c['acknowledged']}）" if c["acknowledged"] else c["error"]
        return (f"<td>{_link(r.url, r.title)}</td><td>{html.escape(r.doctype_label or '—')}</td>"
                f"<td>{_badge(r.result.status)}</td><td class=\"gw-num\">{errors}</td>"
                f'<td class="gw-num">{c["warning"]}</td><td class="gw-num">{c["info"]}</td>')

    return _html_table("<table>", ("页面", "文种", "状态", "错误", "提示", "信息"),
                       (cells(r) for r in rows))


def overview_order(src_uri: str, result: CheckResult) -> tuple[int, str]:
    """Sort key of the overview's list: errors first, then warnings, then by path."""
    return (STATUS_ORDER[result.status], src_uri)


T = TypeVar("T")
LIST_PAGE_DIR = "page"  # continuation pages: <list dir>/page/2.md, as Material's blog does
DEFAULT_PAGE_SIZE = 40  # rows per list page: ~40 x 300 B on a ~35 KB Material page stays < 60 KB
PAGER_WINDOW = 2  # page links either side of the current one; the first and last always show


def paginate(items: Sequence[T], size: int) -> list[list[T]]:
    """`items` in chunks of `size`, in order; an empty list is one empty page."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, not {size}")
    return [list(items[i:i + size]) for i in range(0, len(items), size)] or [[]]


def list_page_uri(first_uri: str, number: int) -> str:
    """src_uri of page `number` of the list whose first page is `first_uri` (a dir/index.md)."""
    if number == 1:
        return first_uri
    folder = first_uri.rpartition("/")[0]
    return f"{folder}/{LIST_PAGE_DIR}/{number}.md" if folder else f"{LIST_PAGE_DIR}/{number}.md"


def pager_html(current: int, hrefs: Sequence[str], *, total: int, noun: str, label: str) -> str:
    """Links between a list's pages: 共 N 篇 · 上一页 · 第 1 页 … 第 k 页 … · 下一页.

    hrefs: the URL of every page (1-based page i at hrefs[i - 1]) relative to the current
    page. Empty when the list fits on one page. Long lists show the first and last pages and
    a window around the current one, so the pager stays small however many pages there are.
    """
    count = len(hrefs)
    if count <= 1:
        return ""
    shown = sorted({1, count, *range(max(1, current - PAGER_WINDOW),
                                     min(count, current + PAGER_WINDOW) + 1)})
    parts = []
    if current > 1:
        parts.append(f'<a href="{html.escape(hrefs[current - 2])}" rel="prev">上一页</a>')
    previous = 0
    for number in shown:
        if number > previous + 1:
            parts.append("<span>…</span>")
        if number == current:
            parts.append(f'<span aria-current="page">第 {number} 页</span>')
        else:
            parts.append(f'<a href="{html.escape(hrefs[number - 1])}">第 {number} 页</a>')
        previous = number
    if current < count:
        parts.append(f'<a href="{html.escape(hrefs[current])}" rel="next">下一页</a>')
    return (f'<nav class="gw-pager" aria-label="{html.escape(label)}" data-search-exclude>'
            f"<p>共 {total} {noun}，分 {count} 页：{' '.join(parts)}</p></nav>\n")


def insert_html(content: str, marker: str, block: str) -> str:
    """Put `block` where the rendered page has `marker` (an HTML comment), else at the end."""
    if marker in content:
        return content.replace(marker, block, 1)
    return content + block


# Section names of a rule's docstring; its first line, unlabelled, says what is checked.
DOC_SECTIONS = ("检查什么", "为什么", "正例", "反例", "依据", "如何修改", "说明")
EXAMPLE_SECTIONS = ("正例", "反例")
RE_DOC_SECTION = re.compile(rf"^({'|'.join(DOC_SECTIONS)})\s*[：:]\s*(.*)$")
RE_MD_SPECIAL = re.compile(r"([\\`*_\[\]#])")


def _escape(text: str) -> str:
    """Text shown as written: 1. or （一） or _ from a docstring must not become markup."""
    return RE_MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def doc_sections(doc: str) -> list[tuple[str, list[str]]]:
    """(section name, non-empty lines) of a rule's docstring; the unlabelled start is 检查什么."""
    sections: list[tuple[str, list[str]]] = []
    for line in inspect.cleandoc(doc or "").splitlines():
        m = RE_DOC_SECTION.match(line.strip())
        if m:
            sections.append((m.group(1), [m.group(2)] if m.group(2) else []))
        elif not line.strip():
            continue
        elif sections:
            sections[-1][1].append(line)
        else:
            sections.append(("检查什么", [line]))
    return sections


def rule_summary(doc: str) -> str:
    """What the rule checks, in one line (its docstring's first section)."""
    sections = doc_sections(doc)
    return "".join(line.strip() for line in sections[0][1]) if sections else ""


def rule_doc_markdown(doc: str) -> str:
    """A rule's Chinese docstring as Markdown: one paragraph per section, name in bold.

    Prose lines are joined without spaces (Chinese); a multi-line example becomes an
    indented code block so its ordinals are shown as written, not read as a list.
    """
    out: list[str] = []
    for name, body in doc_sections(doc):
        if name in EXAMPLE_SECTIONS and len(body) > 1:
            out += [f"**{name}**：", "", *("    " + line for line in body), ""]
        else:
            out += [f"**{name}**：" + _escape("".join(line.strip() for line in body)), ""]
    return "\n".join(out).strip() + "\n"


def _category(category: str) -> str:
    label = CATEGORY_LABELS.get(category)
    return f"{label}（{category}）" if label else _cell(category)


def rules_markdown(rules: Sequence[Any], guide_link: str = "index.md") -> str:
    """The 检查规则 page, generated from the rule registry (code, name, severity, docstring)."""
    out = [
        "---",
        "title: 检查规则",
        "---",
        "",
        "# 检查规则",
        "",
        ("本页由检查器的规则表自动生成。每条规则有固定编号和英文名（构建日志与报告中引用），"
         "严重程度：**错误**（error）使严格构建失败，除非页面以理由确认；**提示**（warning）"
         "与**信息**（info）只显示，不使构建失败。"),
        "",
        "| 编号 | 名称 | 严重程度 | 类别 | 依据 | 检查什么 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        summary = rule_summary(getattr(rule, "doc", "") or "")
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {_cell(rule.name)} "
            f"| {SEVERITY_LABELS.get(rule.severity, rule.severity)} | {_category(rule.category)} "
            f"| {_cell(rule.authority)} | {_cell(_escape(summary))} |"
        )
    for rule in rules:
        guide = getattr(rule, "guide", None)
        out += [
            "",
            f"## {rule.code} {rule.name} {{ #{rule.code.lower()} }}",
            "",
            f"- 严重程度：{SEVERITY_LABELS.get(rule.severity, rule.severity)}（{rule.severity}）",
            f"- 类别：{_category(rule.category)}",
            f"- 依据：{rule.authority}",
        ]
        if guide:
            out.append(f"- 写作通则：[相关说明]({guide_link}#{guide})")
        out += ["", rule_doc_markdown(getattr(rule, "doc", "") or "").rstrip("\n")]
    return "\n".join(out) + "\n"


RE_HTML_TAG = re.compile(r"(<[^>]*>)")
RE_FIELD = re.compile(r"【[^【】<>\n]{1,40}】")
# A line break between two CJK characters or full-width marks: in HTML it shows as a
# space (and pastes into Word as one), but in Chinese a wrapped source line means none.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d"
RE_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")


def _map_text(html: str, fn) -> str:
    """Apply `fn` to the text between tags, never to attributes or inside pre/code."""
    parts = RE_HTML_TAG.split(html)
    in_code = 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            name = part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if part[1:] else ""
            if name in ("code", "pre"):
                in_code += -1 if part.startswith("</") else 1
        elif not in_code and part:
            parts[i] = fn(part)
    return "".join(parts)


def mark_fields(html: str) -> str:
    """Wrap a template's fill-in fields 【单位名称】 in <mark class="gw-field">.

    A writer sees every field to replace at a glance; the copied text is unchanged.
    """
    return _map_text(html, lambda text: RE_FIELD.sub(
        r'<mark class="gw-field">\g<0></mark>', text) if "【" in text else text)


def join_cjk_lines(html: str) -> str:
    """Drop the line breaks of wrapped Markdown source between Chinese characters."""
    return _map_text(html, lambda text: RE_CJK_BREAK.sub("", text) if "\n" in text else text)
