"""Fix how Material's search worker cuts a Chinese query into words.

Material 9.8 segments a query by looking its substrings up in the index, greedily. Two
bounds are one short: it never tries the whole query as a word, and never starts a word
at its last character. So 一是 was searched as 一 (and found 一种, 一步, 下一步 …), 请示 as
请 (found 请求), 民主生活会 as 民主 + 生活. The fix widens both bounds in the built worker.
Material for MkDocs is at its end of life (no upstream fix to wait for); the build fails
with a clear message if a Material upgrade changes the code, so the fix is never lost
silently.
"""
from __future__ import annotations

from pathlib import Path

# (Material 9.8.1's minified code, the same with both bounds widened)
FIXES = (
    ("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"),
    ("n[a]&&a<t.length-1&&(i[s++]=a)",
     "n[a]&&a<t.length&&(i[s++]=a)"),
)


class WorkerChanged(Exception):
    """Material's worker no longer contains the code the fix expects."""


def fix_segmentation(script: str) -> str:
    """The worker's source with the query segmentation fixed (idempotent)."""
    for old, new in FIXES:
        if script.count(old) == 1:
            script = script.replace(old, new)
        elif script.count(new) != 1:
            raise WorkerChanged(old)
    return script


def fix_built_workers(site_dir: Path) -> None:
    """Apply the fix to the worker of a built site; WorkerChanged names the file."""
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        try:
            worker.write_text(fix_segmentation(worker.read_text(encoding="utf-8")),
                              encoding="utf-8")
        except WorkerChanged:
            raise WorkerChanged(
                f"{worker.name}：Material 的搜索脚本与本站修补时的版本（9.8.1）不同，中文查询分词修补"
                "未能应用。请按 hooks/gongwen/site/search_worker.py 的说明检查后更新修补。") from None
