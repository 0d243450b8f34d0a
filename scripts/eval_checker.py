#!/usr/bin/env python3
"""Score the structure checker on the evaluation set in tests/eval/.

    python scripts/eval_checker.py [--set SET] [--json] [--verbose]

SET is real, practice, a realistic form of the real documents (wrapped, runin, pasted,
spaced, pdf: see eval_forms.py), forms (all five) or all (the default: everything).

Prints: outline precision / recall / F1 (a heading matches when line and level match;
also when label and level match, aligned in order), title agreement, false errors per
clean document, documents that would fail a strict build, true defects found, and the
injected defects found by kind. Exit status 0, or 2 when the set itself is malformed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "hooks"))

from eval_forms import FORMS, encoded, forms
from eval_inject import KINDS, inject
from eval_set import SET_DIR, EvalDoc, SetError, load_set

NAMES = {"real": "真实公文", "practice": "自拟稿", **{k: f"真实公文·{v}" for k, v in FORMS.items()},
         "all": "合计（真实公文+自拟稿）", "forms": "五种形态合计"}
INJECT_GROUPS = {"stored": "真实公文+自拟稿 ", "forms": "五种形态 "}

RE_NOT_WORD = re.compile(r"[\W_]+")
RE_CORE = re.compile(r"[一二三四五六七八九十]+|\d+")


@dataclass(frozen=True)
class Found:
    line: int
    level: int
    label: str
    title: str


@dataclass(frozen=True)
class Said:
    rule: str
    severity: str
    category: str
    line: int | None
    message: str


@dataclass
class Checked:
    outline: list[Found]
    findings: list[Said]
    doctype: str | None

    @property
    def errors(self) -> list[Said]:
        return [f for f in self.findings if f.severity == "error"]


def read_as_cli(data: bytes, name: str) -> str:
    """A .txt file's text as scripts/check.py reads it (CRLF, BOM, encodings: its business)."""
    import tempfile

    import check as cli

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            return cli.read_all([path])[0][1]
        except cli.UsageError:
            return ""  # unreadable: nothing checked, every heading missed


def run_checker(text: str, doc_id: str, doctype: str | None, doc: EvalDoc | None = None) -> Checked:
    """The one adapter to the checking library (its internals are moving: keep it here).

    The text is checked as a plain .txt file; `doctype` None lets the checker infer the
    type from the title, as `scripts/check.py` does without --type. A form with its own
    bytes (CRLF, BOM) is first read the way scripts/check.py reads a file.
    """
    from gongwen.check import check_text

    if doc is not None and (doc.record.get("newline") or doc.record.get("bom")):
        text = read_as_cli(encoded(doc, text), f"{doc_id.replace('@', '-')}.txt")
    result = check_text(text, f"{doc_id}.txt", doctype)
    outline = [Found(h.line, h.level, h.raw or h.label, h.title) for h in result.outline]
    findings = [Said(f.rule, f.severity if not f.acknowledged else "acknowledged",
                     f.category, f.line, f.message) for f in result.findings]
    return Checked(outline, findings, result.doctype)


# --- scoring ---------------------------------------------------------------------------

def _core(label: str) -> str:
    m = RE_CORE.search(label)
    return m.group() if m else label


def _norm(title: str) -> str:
    return RE_NOT_WORD.sub("", title)


def _lcs(a: list[tuple], b: list[tuple]) -> int:
    """Length of the longest common subsequence (rows of the table kept two at a time)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


@dataclass
class DocScore:
    id: str
    set: str
    clean: bool
    truth: int
    found: int
    line_hits: int
    label_hits: int
    title_hits: int
    errors: int
    false_errors: list[Said]
    defects_found: int
    defects: int
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    missed_defects: list = field(default_factory=list)
    title_misses: list = field(default_factory=list)
    doctype: str | None = None


def _explains(defect, finding: Said) -> bool:
    """A finding reports a true defect: same rule (or category) and same line."""
    return defect.rule in (finding.rule, finding.category) and \
        (defect.line is None or finding.line == defect.line)


def _defect_found(defect, checked: Checked) -> bool:
    return any(_explains(defect, f) and f.severity in ("error", "warning")
               for f in checked.findings)


def score(doc: EvalDoc, checked: Checked) -> DocScore:
    # Several headings may share a line (a pasted paragraph): match line+level as multisets.
    truth = Counter((h.line, h.level) for h in doc.outline)
    found = Counter((h.line, h.level) for h in checked.outline)
    hits = truth & found
    # Titles of the headings on one line and level, in order (a pasted paragraph has several).
    titles: dict[tuple[int, int], list[str]] = {}
    for h in checked.outline:
        titles.setdefault((h.line, h.level), []).append(h.title)
    taken: Counter = Counter()
    compared = []
    for h in doc.outline:
        key = (h.line, h.level)
        if taken[key] < len(titles.get(key, ())):
            compared.append((h, titles[key][taken[key]]))
            taken[key] += 1
    title_misses = [(h, title) for h, title in compared if _norm(title) != _norm(h.title)]
    title_hits = len(compared) - len(title_misses)
    label_hits = _lcs([(h.level, _core(h.label)) for h in doc.outline],
                      [(h.level, _core(h.label)) for h in checked.outline])
    false_errors = [f for f in checked.errors if not any(_explains(d, f) for d in doc.defects)]
    found_defects = [d for d in doc.defects if _defect_found(d, checked)]
    return DocScore(
        doc.id, doc.set, doc.clean, len(doc.outline), len(checked.outline), sum(hits.values()),
        label_hits, min(title_hits, sum(hits.values())), len(checked.errors), false_errors,
        len(found_defects), len(doc.defects),
        missed=_unmatched(doc.outline, found), spurious=_unmatched(checked.outline, truth),
        missed_defects=[d for d in doc.defects if d not in found_defects],
        title_misses=title_misses,
        doctype=checked.doctype,
    )


def _unmatched(headings: list, other: Counter) -> list:
    """The headings whose line+level the other side lacks (as many as it lacks)."""
    left = Counter(other)
    out = []
    for h in headings:
        if left[(h.line, h.level)] > 0:
            left[(h.line, h.level)] -= 1
        else:
            out.append(h)
    return out


def _prf(hits: int, found: int, truth: int) -> tuple[float, float, float]:
    p = hits / found if found else 1.0
    r = hits / truth if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarise(scores: list[DocScore]) -> dict:
    truth = sum(s.truth for s in scores)
    found = sum(s.found for s in scores)
    line = _prf(sum(s.line_hits for s in scores), found, truth)
    label = _prf(sum(s.label_hits for s in scores), found, truth)
    hits = sum(s.line_hits for s in scores)
    clean = [s for s in scores if s.clean]
    return {
        "documents": len(scores),
        "headings": truth,
        "outline_precision": round(line[0], 3),
        "outline_recall": round(line[1], 3),
        "outline_f1": round(line[2], 3),
        "label_level_precision": round(label[0], 3),
        "label_level_recall": round(label[1], 3),
        "label_level_f1": round(label[2], 3),
        "title_agreement": round(sum(s.title_hits for s in scores) / hits, 3) if hits else 1.0,
        "clean_documents": len(clean),
        "false_errors": sum(len(s.false_errors) for s in clean),
        "false_errors_per_clean_document":
            round(sum(len(s.false_errors) for s in clean) / len(clean), 2) if clean else 0.0,
        "clean_documents_failing_strict": sum(1 for s in clean if s.errors),
        "documents_failing_strict": sum(1 for s in scores if s.errors),
        "true_defects": sum(s.defects for s in scores),
        "true_defects_found": sum(s.defects_found for s in scores),
    }


def injected_found(variant, findings: list[Said], clean: list[Said]) -> bool:
    """A finding reports the injected defect, and was not there before the injection.

    On the defect's line: a finding of its categories that the clean text had fewer of on
    that line (a pasted line holds many headings: a second finding of a rule is a new one).
    A whole-document defect: a finding the clean text did not get.
    """
    if variant.line is None:
        before = {(f.rule, f.message) for f in clean}
        return any(_counts(variant, f) and (f.rule, f.message) not in before for f in findings)
    on_line = [f for f in findings if f.line == variant.line and _counts(variant, f)]
    if not on_line:
        return False
    was = Counter(f.rule for f in clean if f.line == variant.line)
    now = Counter(f.rule for f in findings if f.line == variant.line)
    return any(now[f.rule] > was[f.rule] for f in on_line)


def _counts(variant, finding: Said) -> bool:
    return finding.category in variant.categories and finding.severity in ("error", "warning")


def run_injected(docs: list[EvalDoc], baseline: dict[str, Checked]) -> tuple[dict, list[dict]]:
    """Inject each defect kind into every clean document that can carry it; count finds."""
    totals: Counter = Counter()
    found: Counter = Counter()
    misses: list[dict] = []
    for doc in docs:
        if not doc.clean:
            continue
        for v in inject(doc):
            totals[v.kind] += 1
            checked = run_checker(v.text, f"{v.doc_id}-{v.kind}", v.doctype, doc)
            if injected_found(v, checked.findings, baseline[doc.id].findings):
                found[v.kind] += 1
            else:
                misses.append({"document": v.doc_id, "kind": v.kind, "what": v.what})
    table = {kind: {"found": found[kind], "total": totals[kind]} for kind in KINDS}
    return table, misses


# --- output ----------------------------------------------------------------------------

def _row(name: str, s: dict) -> str:
    return (f"| {name} | {s['documents']} | {s['headings']} | {s['outline_precision']:.3f} | "
            f"{s['outline_recall']:.3f} | {s['outline_f1']:.3f} | {s['label_level_f1']:.3f} | "
            f"{s['title_agreement']:.3f} | {s['clean_documents']} | "
            f"{s['false_errors_per_clean_document']:.2f} | "
            f"{s['clean_documents_failing_strict']}/{s['clean_documents']} | "
            f"{s['true_defects_found']}/{s['true_defects']} |")


def print_table(summaries: dict[str, dict], injected: dict, by_group: dict[str, dict]) -> None:
    print("| 集合 | 篇数 | 标题数 | 提纲准确率 | 召回率 | F1 | 序号+层次 F1 | 标题一致 | "
          "无缺陷篇数 "
          "| 误报错误/篇 | 无缺陷而严格构建失败 | 真实缺陷检出 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key, s in summaries.items():
        print(_row(NAMES[key], s))
    print()
    total = sum(v["total"] for v in injected.values())
    hit = sum(v["found"] for v in injected.values())
    print(f"注入缺陷检出：{hit}/{total}\n")
    print("| 缺陷 | " + " | ".join(f"{INJECT_GROUPS[g]}检出/变体" for g in by_group) + " |")
    print("| --- |" + " ---: |" * len(by_group))
    for kind in injected:
        cells = [f"{t[kind]['found']}/{t[kind]['total']}" for t in by_group.values()]
        print(f"| {KINDS[kind]} | " + " | ".join(cells) + " |")


def print_verbose(scores: list[DocScore], misses: list[dict]) -> None:
    print("\n## 逐篇详情")
    for s in scores:
        if not (s.missed or s.spurious or s.false_errors or s.missed_defects or s.title_misses):
            continue
        print(f"\n### {s.id}（{s.set}，检查器文种：{s.doctype or '无'}）")
        for h in s.missed:
            print(f"  漏读标题 第{h.line}行 {h.level}级 {h.label}{h.title}")
        for h in s.spurious:
            print(f"  误读标题 第{h.line}行 {h.level}级 {h.label}{h.title}")
        for h, title in s.title_misses:
            print(f"  标题不全 第{h.line}行 {h.label}{h.title}（检查器读作“{title}”）")
        for f in s.false_errors:
            print(f"  误报错误 第{f.line or '-'}行 {f.rule} {f.message}")
        for d in s.missed_defects:
            print(f"  漏报缺陷 第{d.line or '-'}行 {d.rule} {d.note}")
    if misses:
        print("\n## 未检出的注入缺陷")
        for m in misses:
            print(f"  {m['document']} {KINDS[m['kind']]}：{m['what']}")


def load_docs(which: str, root: Path) -> list[EvalDoc]:
    """The stored documents of `which`, or the realistic forms of the real ones."""
    if which in ("real", "practice"):
        return load_set(which, root)
    chosen = tuple(FORMS) if which in ("forms", "all") else (which,)
    stored = load_set("all" if which == "all" else "real", root)
    derived = [form for doc in stored if doc.set == "real" for form in forms(doc, chosen)]
    return (stored if which == "all" else []) + derived


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="eval_checker.py",
        description="用 tests/eval/ 的评测集给结构检查器打分。退出码：0 正常，2 评测集有误。")
    parser.add_argument("--set", dest="which", choices=("real", "practice", *FORMS, "forms", "all"),
                        default="all",
                        help="评测哪一部分：real 真实公文，practice 自拟稿；真实公文的常见形态："
                             "wrapped 硬回行，runin 标题接正文，pasted 粘成一行或几行，spaced 空行"
                             "缩进 CRLF，pdf PDF 复制；forms 五种形态；all 全部（默认）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--verbose", action="store_true", help="列出每个漏读、误读、误报与漏报")
    parser.add_argument("--root", type=Path, default=SET_DIR,
                        help="评测集目录（默认 tests/eval，其下有 real/ 与 practice/）")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        docs = load_docs(args.which, args.root)
    except SetError as exc:
        print(f"eval_checker.py: {exc}", file=sys.stderr)
        return 2
    baseline = {doc.id: run_checker(doc.text, doc.id, doc.doctype, doc) for doc in docs}
    scores = [score(doc, baseline[doc.id]) for doc in docs]
    groups = [g for g in ("real", "practice", *FORMS) if any(s.set == g for s in scores)]
    summaries = {g: summarise([s for s in scores if s.set == g]) for g in groups}
    # Totals: the stored documents as before; the forms (the real ones again) apart.
    if args.which == "all":
        summaries["all"] = summarise([s for s in scores if s.set in ("real", "practice")])
    if sum(g in FORMS for g in groups) > 1:
        summaries["forms"] = summarise([s for s in scores if s.set in FORMS])
    # Injected defects per group: the stored documents, and the forms (the same documents
    # as pasted) apart, so that the table for the stored ones stays comparable.
    by_group: dict[str, dict] = {}
    misses: list[dict] = []
    for group, members in (("stored", ("real", "practice")), ("forms", tuple(FORMS))):
        chosen = [d for d in docs if d.set in members]
        if chosen:
            by_group[group], missed = run_injected(chosen, baseline)
            misses += missed
    injected = {kind: {key: sum(t[kind][key] for t in by_group.values())
                       for key in ("found", "total")} for kind in KINDS}
    if args.json:
        out = {"summary": summaries, "injected": injected, "injected_by_group": by_group,
               "documents": [
            {"id": s.id, "set": s.set, "clean": s.clean, "doctype": s.doctype,
             "headings": s.truth, "found": s.found, "line_level_hits": s.line_hits,
             "false_errors": [f.__dict__ for f in s.false_errors],
             "missed": [h.__dict__ for h in s.missed],
             "spurious": [h.__dict__ for h in s.spurious],
             "missed_defects": [d.__dict__ for d in s.missed_defects],
             "title_misses": [{"line": h.line, "title": h.title, "read": t}
                              for h, t in s.title_misses]} for s in scores],
            "injected_misses": misses}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print_table(summaries, injected, by_group)
    if args.verbose:
        print_verbose(scores, misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
