"""All-or-nothing writes of several files in a repository: an ingest writes five.

    with repository_lock(root):          # one ingest at a time (fcntl.flock on corpus/)
        recover(root)                    # undo a commit that a kill interrupted
        commit(root, {rel: bytes}, deletes=[rel])

`commit` first writes a journal (corpus/.ingest-journal.json) naming every target and its
temporary and backup names, then stages every new file beside its target, then swaps them
in with os.replace (an old file is hard-linked to its backup first). When anything fails,
it puts every old file back and removes every new one before raising; when the process is
killed instead, the journal stays, and `recover` (run by the next ingest, under the lock)
does the same. The journal is removed only when every file is in place, so its presence
means "an ingest did not finish": the strict build and `curate.py --check` report it.
"""
from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gongwen.common import write_atomic

JOURNAL = "corpus/.ingest-journal.json"
LOCKED_DIR = "corpus"


@contextmanager
def repository_lock(root: Path) -> Iterator[None]:
    """Hold an exclusive lock on the repository's corpus/ folder (waits for another ingest).

    flock on the folder itself: no lock file to leave behind, released when the process
    ends however it ends."""
    folder = root / LOCKED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _names(rel: str, tag: str) -> tuple[str, str]:
    """(temporary, backup) paths beside `rel`: hidden, and unique to this process."""
    head, _, name = rel.rpartition("/")
    prefix = f"{head}/" if head else ""
    return (f"{prefix}.{name}.{tag}.new", f"{prefix}.{name}.{tag}.old")


def commit(root: Path, files: dict[str, bytes], deletes: tuple[str, ...] = ()) -> None:
    """Write `files` and remove `deletes` (paths relative to `root`) all together, or not
    at all: on any error every target is as it was, and the error is raised."""
    tag = f"ingest-{os.getpid()}"
    entries = []
    for rel in [*files, *deletes]:
        tmp, old = _names(rel, tag)
        entries.append({"target": rel, "new": tmp if rel in files else None, "old": old,
                        "existed": (root / rel).exists()})
    write_atomic(root / JOURNAL, json.dumps(entries, ensure_ascii=False, indent=1).encode())
    try:
        for entry in entries:  # stage: nothing visible changes yet
            if entry["new"]:
                _write_new(root / entry["new"], files[entry["target"]])
        for entry in entries:  # swap: keep a link to each old file, then replace or remove
            target = root / entry["target"]
            if target.exists():
                os.link(target, root / entry["old"])
            if entry["new"]:
                os.replace(root / entry["new"], target)
            elif target.exists():
                target.unlink()
    except BaseException:
        _undo(root, entries)
        (root / JOURNAL).unlink(missing_ok=True)
        raise
    (root / JOURNAL).unlink()
    for entry in entries:
        (root / entry["old"]).unlink(missing_ok=True)


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` with the user's umask (0644 by default, not mkstemp's 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def _undo(root: Path, entries: list[dict]) -> None:
    """Put every target back as it was before the commit began."""
    for entry in reversed(entries):
        target, old = root / entry["target"], root / entry["old"]
        new = root / entry["new"] if entry["new"] else None
        if new is not None and new.exists():  # never swapped in: the target is untouched
            new.unlink()
            old.unlink(missing_ok=True)
        elif old.exists():  # swapped or removed: the backup is the old file
            os.replace(old, target)
        elif new is not None and not entry["existed"]:  # swapped in over nothing
            target.unlink(missing_ok=True)


def recover(root: Path) -> list[str]:
    """Undo a commit that did not finish (its journal is still there); return its targets.

    Call it with the repository lock held."""
    path = root / JOURNAL
    if not path.exists():
        return []
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        targets = [e["target"] for e in entries]
    except (ValueError, KeyError, TypeError):
        raise OSError(f"{JOURNAL} 无法读取；请用 git status 查看未完成的导入，"
                      "手动还原后删除此文件") from None
    _undo(root, entries)
    path.unlink()
    return targets


def unfinished(root: Path) -> str | None:
    """A message when an ingest was interrupted and not yet undone, else None."""
    if (root / JOURNAL).exists():
        return (f"{JOURNAL}：上一次导入没有完成（进程被中断）。"
                "请再运行一次 scripts/ingest.py（会先撤销未完成的导入），或用 git status 查看后手动还原。")
    return None
