"""Make a synthetic corpus: the real site plus N exemplar pages made from the curated ones.

The copy keeps the real mkdocs.yml, theme overrides, hooks and search dictionary, so it
builds like the real site; only the exemplars change: N pages spread evenly over the five
types, each a curated exemplar with its own title, unit and year (the real exemplars
stay too). The nav stays the real,
small one (type pages; exemplars are listed on their type's page), as on the real site.

    python scripts/make_corpus.py -n 1000 /tmp/corpus      # then: cd /tmp/corpus && mkdocs build

Importable: make_corpus(out, n) -> Corpus, config_variant() for a config without hooks, and
timed_build() which every benchmark uses to time one build.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCTYPES = ("self-review", "summary", "plan", "speech", "progress-report")
# What a build of the site reads besides docs/ (search/ holds jieba's user dictionary).
SITE_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "search")
IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")

UNITS = ("市教育局", "区教育局", "县教育局", "市第一中学", "实验小学", "职业技术学院",
         "教师进修学校", "市教育科学研究院", "教育局机关党委", "特殊教育学校")
RE_FRONT_KEY = re.compile(r"^(title|unit|year):.*$")
RE_H1 = re.compile(r"^# (.+)$")
# A Markdown link or image target that is a relative path (not a URL, anchor or absolute path).
RE_RELATIVE_LINK = re.compile(r"(\]\()(?![a-z][a-z0-9+.-]*:|#|/)([^)\s]+)")


@dataclass
class Corpus:
    """A synthetic site: its directory, config and the exemplar pages written."""

    root: Path
    config: Path
    pages: list[Path] = field(default_factory=list)
    per_type: dict[str, int] = field(default_factory=dict)

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def seed_pages(root: Path = ROOT) -> dict[str, list[Path]]:
    """Curated exemplars per doctype; a type without any falls back to its template."""
    out: dict[str, list[Path]] = {}
    for doctype in DOCTYPES:
        pages = sorted((root / "docs" / doctype / "exemplars").glob("*.md"))
        if not pages and (root / "docs" / doctype / "template.md").is_file():
            pages = [root / "docs" / doctype / "template.md"]
        if pages:
            out[doctype] = pages
    if not out:
        raise SystemExit(f"错误：{root / 'docs'} 下没有范文或模板，无法生成语料。")
    return out


def _front_matter_end(lines: list[str]) -> int:
    """Index of the closing `---` of the front matter, or 0 when there is none."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index
    return 0


def variant(text: str, index: int) -> str:
    """Page `index` made from a seed page: new title, unit and year, same line count.

    Only values on existing lines change, so line-based acknowledgements still hold.
    """
    lines = text.splitlines()
    end = _front_matter_end(lines)
    unit = UNITS[index % len(UNITS)]
    year = 2015 + index % 11
    title = None
    for i in range(1, end):
        m = RE_FRONT_KEY.match(lines[i])
        if not m:
            continue
        key = m.group(1)
        if key == "title":
            title = lines[i].split(":", 1)[1].strip().strip("'\"")
            lines[i] = "title: " + json.dumps(f"{title}（样本 {index:04d}）", ensure_ascii=False)
        elif key == "unit":
            lines[i] = f"unit: {unit}"
        elif key == "year":
            lines[i] = f"year: {year}"
    for i in range(end + 1 if end else 0, len(lines)):
        m = RE_H1.match(lines[i])
        if m:
            lines[i] = f"# {m.group(1)}（样本 {index:04d}）"
            break
    # A template used as a seed becomes an exemplar (its kind line is rewritten in place).
    lines = [("kind: exemplar" if i < end and line.startswith("kind:") else line)
             for i, line in enumerate(lines)]
    return "\n".join(lines) + "\n"


def _as_exemplar_text(page: Path) -> str:
    """A seed page's text as it must read one folder down, in exemplars/."""
    text = page.read_text(encoding="utf-8")
    if page.parent.name == "exemplars":
        return text
    # A template used as a seed: its relative links gain one level.
    return RE_RELATIVE_LINK.sub(lambda m: f"{m.group(1)}../{m.group(2)}", text)


def make_corpus(out: Path, n: int = 1000, *, root: Path = ROOT) -> Corpus:
    """Write the real site plus `n` synthetic exemplars into `out` (absent or empty).

    The real exemplars are kept (other pages link to them), so the site has n + those."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} 不是空目录")
    out.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=IGNORE)
        elif source.is_file():
            shutil.copy2(source, out / part)
    seeds = seed_pages(root)
    types = [t for t in DOCTYPES if t in seeds]
    corpus = Corpus(out, out / "mkdocs.yml", per_type={t: 0 for t in types})
    for doctype in types:
        # The real exemplars stay: templates and notes link to them.
        (out / "docs" / doctype / "exemplars").mkdir(parents=True, exist_ok=True)
    texts = {t: [_as_exemplar_text(p) for p in seeds[t]] for t in types}
    for index in range(n):
        doctype = types[index % len(types)]
        sources = texts[doctype]
        text = sources[(index // len(types)) % len(sources)]
        page = out / "docs" / doctype / "exemplars" / f"syn-{index:05d}.md"
        page.write_text(variant(text, index), encoding="utf-8")
        corpus.pages.append(page)
        corpus.per_type[doctype] += 1
    return corpus


def config_variant(config: Path, name: str, *, drop_hooks: tuple[str, ...] = (),
                   drop_nav: tuple[str, ...] = (), settings: dict[str, str] | None = None
                   ) -> Path:
    """A copy of `config` beside it without the given hook lines and nav entries.

    Edited as text because mkdocs.yml holds !!python and !ENV tags that a safe YAML
    round trip would lose. drop_hooks: hook paths (hooks/gongwen_hooks.py); drop_nav:
    nav targets (check/index.md) of pages only those hooks generate; settings: keys of
    extra.gongwen with their YAML values (e.g. {"downloads": "false"}), put first under
    `extra:` (the file must not have its own extra.gongwen).
    """
    kept = []
    for line in config.read_text(encoding="utf-8").splitlines():
        if settings and line.rstrip() == "extra:":
            kept += [line, "  gongwen:", *(f"    {k}: {v}" for k, v in settings.items())]
            continue
        item = line.strip()
        if item.startswith("- ") and (
            item[2:].strip() in drop_hooks
            or any(item.endswith((f": {target}", f"- {target}")) for target in drop_nav)
        ):
            continue
        kept.append(line)
    # A `hooks:` key whose every entry was dropped: MkDocs refuses an empty one.
    kept = [line for index, line in enumerate(kept) if line.rstrip() != "hooks:" or (
        index + 1 < len(kept) and kept[index + 1].strip().startswith("- "))]
    target = config.with_name(name)
    target.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return target


class BuildFailed(Exception):
    """A benchmark build exited non-zero; the message carries the end of its log."""


@dataclass(frozen=True)
class BuildTiming:
    wall: float
    cpu: float  # user + system time of the build process
    log: str

    @property
    def warnings(self) -> int:
        return self.log.count("WARNING")


def timed_build(config: Path, site: Path, *, keep: bool = False) -> BuildTiming:
    """Wall and CPU time of one `mkdocs build` in a fresh process (imports included).

    Not --strict: a synthetic corpus repeats the real exemplars' acknowledged findings.
    CPU time is the steadier figure on a shared machine: the wall time of the same build
    varied by 50% between runs here, its CPU time by a few %.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        cwd=config.parent, capture_output=True, text=True, env=env, check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise BuildFailed(f"构建失败（{config}）：\n{proc.stderr[-3000:]}")
    if not keep:
        shutil.rmtree(site, ignore_errors=True)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return BuildTiming(wall, cpu, proc.stdout + proc.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="生成合成语料：真实站点 + N 篇由已整理范文变化而来的范文页（用于基准测试）。")
    parser.add_argument("out", nargs="?", type=Path,
                        help="输出目录（须不存在或为空；默认新建临时目录）")
    parser.add_argument("-n", "--pages", type=int, default=1000, help="范文页数（默认 1000）")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("-n 须为正整数")
    out = args.out or Path(tempfile.mkdtemp(prefix="gongwen-corpus-"))
    try:
        corpus = make_corpus(out, args.pages)
    except FileExistsError as exc:
        print(f"错误：{exc}；请换一个目录或先清空它。", file=sys.stderr)
        return 2
    spread = "，".join(f"{t} {c}" for t, c in corpus.per_type.items())
    print(f"已生成{len(corpus.pages)}篇范文页（{spread}）：{corpus.root}")
    print(f"构建：cd {corpus.root} && mkdocs build -d $(mktemp -d)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
