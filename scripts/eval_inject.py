"""Injected defects: from a clean document of the set, variants with one defect each.

Each variant knows its defect: the kind, the line where a checker should report it and
the finding categories that count as found (model.CATEGORIES, stable across rule codes).
Every edit works on the ground truth (outline, parts, announcements), not on the
checker's reading, so a variant is wrong only where it was made wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from eval_set import EvalDoc, TruthHeading

CN = "零一二三四五六七八九十"
KINDS = {
    "gap": "序号跳号",
    "repeat": "序号重复",
    "disorder": "序号颠倒",
    "level-skip": "层次倒挂",
    "deleted-part": "删去必备部分",
    "count": "改动宣布条数",
    "enumeration-gap": "列举跳号（一是…三是）",
    "ordinal-punctuation": "序数后加标点（（一）、）",
    "web-junk": "网页残留行",
}
JUNK_LINES = ("点赞9 分享", "下面是小编为大家整理的工作总结范文，欢迎阅读参考。", "THE END",
              "扫码关注公众号，获取更多精品范文")


@dataclass(frozen=True)
class Variant:
    doc_id: str
    kind: str
    text: str
    line: int | None        # where the defect is (None: the document as a whole)
    categories: tuple[str, ...]
    doctype: str | None
    what: str               # a short Chinese description for --verbose


def cn(n: int) -> str:
    if n <= 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


def relabel(h: TruthHeading, number: int) -> str:
    """The ordinal of heading h's level written with another number, in h's own shape."""
    core = str(number) if h.level in (3, 4) else cn(number)
    return re.sub(r"[一二三四五六七八九十零]+|\d+", core, h.label, count=1)


def _runs(doc: EvalDoc) -> list[list[TruthHeading]]:
    """Sibling runs: headings of one level under one parent, in order."""
    runs: dict[tuple, list[TruthHeading]] = {}
    parents: dict[int, int] = {}
    for h in doc.outline:
        parent = max((lv for lv in parents if lv < h.level), default=0)
        key = (h.level, parents.get(parent, 0))
        runs.setdefault(key, []).append(h)
        parents[h.level] = h.line
        for lv in list(parents):
            if lv > h.level:
                del parents[lv]
    # Runs that start at one first: in a document numbered continuously across parts a
    # later run starts at （五）, and an edit there would also look like a restart.
    return sorted(runs.values(),
                  key=lambda r: (_number(r[0]) != 1, -min(len(r), 3), r[0].line))


def _relabel_each(doc: EvalDoc, lines: list[str],
                  changes: list[tuple[TruthHeading, str]]) -> None:
    """Give each heading its new label. A pasted line holds many headings, some alike
    (（一）加强… twice, under two parents): a heading is found as the k-th of its kind on
    its line, and the last is changed first, so the text before it is still the original."""
    order = {id(h): i for i, h in enumerate(doc.outline)}
    for h, new_label in sorted(changes, key=lambda c: order[id(c[0])], reverse=True):
        text = lines[h.line - 1]
        key = h.label + h.title[:4]
        alike = sum(1 for x in doc.outline[:order[id(h)]]
                    if x.line == h.line and x.label + x.title[:4] == key)
        at = -1
        for _ in range(alike + 1):
            at = text.find(key, at + 1)
            if at < 0:
                break
        at = text.find(h.label) if at < 0 else at
        lines[h.line - 1] = text[:at] + new_label + text[at + len(h.label):]


def _variant(doc: EvalDoc, kind: str, lines: list[str], line: int | None,
             categories: tuple[str, ...], what: str) -> Variant:
    return Variant(doc.id, kind, "\n".join(lines), line, categories, doc.doctype, what)


def inject(doc: EvalDoc) -> list[Variant]:
    """Every kind of defect this clean document can carry, one variant per kind."""
    out: list[Variant] = []
    runs = [r for r in _runs(doc) if len(r) >= 2]
    numbering = ("numbering", "hierarchy")
    if runs:
        run = runs[0]
        lines = doc.lines
        _relabel_each(doc, lines, [(h, relabel(h, int(_number(h)) + 1)) for h in run[1:]])
        out.append(_variant(doc, "gap", lines, run[1].line, numbering,
                            f"第{run[1].line}行起序号加一"))
        lines = doc.lines
        _relabel_each(doc, lines, [(h, relabel(h, int(_number(h)) - 1)) for h in run[1:]])
        out.append(_variant(doc, "repeat", lines, run[1].line, numbering,
                            f"第{run[1].line}行起序号减一"))
    long_runs = [r for r in runs if len(r) >= 3]
    if long_runs:
        run = long_runs[0]
        lines = doc.lines
        a, b = run[1], run[2]
        _relabel_each(doc, lines, [(a, relabel(a, int(_number(b)))),
                                   (b, relabel(b, int(_number(a))))])
        out.append(_variant(doc, "disorder", lines, a.line, numbering,
                            f"第{a.line}、{b.line}行序号对调"))
    level2 = [r for r in runs if r[0].level == 2 and _number(r[0]) == 1]
    plain: list[TruthHeading] = []
    if level2:
        run = level2[0]
        lines = doc.lines
        first = run[0]
        # 一、 → 1. → （一）: the first child written one level lower, the rest renumbered.
        _relabel_each(doc, lines, [(first, "1."),
                                   *((h, relabel(h, int(_number(h)) - 1)) for h in run[1:])])
        out.append(_variant(doc, "level-skip", lines, run[1].line, numbering,
                            f"第{first.line}行改为“1.”，其后（一）起：层次倒挂"))
        plain = [h for h in run if not h.label.endswith(("、", "."))]
    if plain:
        # A heading still written correctly, so the variant adds a defect of its own.
        lines = doc.lines
        h = plain[min(1, len(plain) - 1)]
        _relabel_each(doc, lines, [(h, h.label + "、")])
        out.append(_variant(doc, "ordinal-punctuation", lines, h.line, ("numbering",),
                            f"第{h.line}行序数后加顿号"))
    for part in doc.record.get("parts") or []:
        variant = _delete_part(doc, part)
        if variant is not None:
            out.append(variant)
            break
    for ann in doc.record.get("announcements") or []:
        lines = doc.lines
        text = lines[ann["line"] - 1]
        at = text.find(ann["text"])
        new = re.sub("[一二两三四五六七八九十]", cn(ann["count"] + 1), ann["text"], count=1)
        lines[ann["line"] - 1] = text[:at] + new + text[at + len(ann["text"]):]
        out.append(_variant(doc, "count", lines, ann["line"], ("declared-count",),
                            f"第{ann['line']}行“{ann['text']}”改为“{new}”"))
        break
    enum = _enumeration_gap(doc)
    if enum:
        out.append(enum)
    lines = doc.lines
    junk = JUNK_LINES[sum(map(ord, doc.id)) % len(JUNK_LINES)]
    while lines and not lines[-1].strip():
        lines.pop()
    lines += [junk, ""]
    out.append(_variant(doc, "web-junk", lines, len(lines) - 1, ("hygiene",),
                        f"文末加“{junk}”"))
    return out


def _number(h: TruthHeading) -> int:
    m = re.search(r"\d+", h.label)
    if m:
        return int(m.group())
    word = re.search(r"[一二三四五六七八九十]+", h.label).group()
    if word.startswith("十"):
        word = "一" + word
    total, digit = 0, 0
    for ch in word:
        if ch == "十":
            total += digit * 10
            digit = 0
        else:
            digit = CN.index(ch)
    return total + digit


def _delete_part(doc: EvalDoc, part: dict) -> Variant | None:
    """Delete a required part (its heading and body) and renumber the parts after it.

    None when the part shares its line with the next heading (a pasted paragraph):
    deleting whole lines would take the neighbours with it.
    """
    start = part["line"]
    head = next(h for h in doc.outline if h.line == start)
    if any(h.line == start and h is not head for h in doc.outline):
        return None
    after = [h for h in doc.outline if h.line > start and h.level <= head.level]
    end = after[0].line if after else len(doc.lines) + 1
    lines = doc.lines
    _relabel_each(doc, lines, [(h, relabel(h, _number(h) - 1))
                               for h in after if h.level == head.level])
    del lines[start - 1:end - 1]
    return _variant(doc, "deleted-part", lines, None, ("missing-section",),
                    f"删去第{start}行起的“{part['name']}”部分（{end - start}行），其后改号")


RE_ENUM = re.compile(r"(?:(?<=[。；;：:，,\s])|^)([一二三四五六七八九十])是(?![否非])")


def _enumeration_gap(doc: EvalDoc) -> Variant | None:
    """一是…二是…三是 → 一是…三是…四是 in the first line that has at least 一是 and 二是."""
    for number, text in enumerate(doc.lines, 1):
        found = [m for m in RE_ENUM.finditer(text)]
        words = [m.group(1) for m in found]
        if words[:2] != ["一", "二"]:
            continue
        pieces, last = [], 0
        for m in found[1:]:
            pieces.append(text[last:m.start(1)] + cn(CN.index(m.group(1)) + 1))
            last = m.end(1)
        lines = doc.lines
        lines[number - 1] = "".join(pieces) + text[last:]
        return _variant(doc, "enumeration-gap", lines, number, ("numbering",),
                        f"第{number}行“二是”起列举加一")
    return None
