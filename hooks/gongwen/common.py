"""Small helpers every part of the library shares (the ground floor: imports only stdlib)."""
from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

# The process's umask, read once (reading it means setting it): mkstemp makes 0600 files,
# and a download or page that only its owner may read is a 403 behind the web server.
_UMASK = os.umask(0)
os.umask(_UMASK)


def quote(text: str) -> str:
    """Chinese quotation marks around `text`: “text”."""
    return f"“{text}”"


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary file beside `path` to write; it replaces `path` (os.replace) only when
    the block ends without an error, so no reader ever sees a half-written file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_UMASK)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` through atomic_path: never a half-written file."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block that makes many objects and no
    reference cycles (the checker on a long page), and leave it as it was after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def grouped(pairs: Iterable[tuple[Hashable, object]]) -> dict:
    """{key: [its values, in order]} of (key, value) pairs (a page's findings by rule)."""
    out: dict = {}
    for key, value in pairs:
        found = out.get(key)
        if found is None:
            out[key] = [value]
        else:
            found.append(value)
    return out
