"""The library is plain Python: importing it, all of it, never imports MkDocs."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import gongwen

HOOKS = Path(__file__).resolve().parent.parent / "hooks"


def test_importing_every_module_does_not_import_mkdocs() -> None:
    names = sorted(m.name for m in pkgutil.walk_packages(gongwen.__path__, "gongwen."))
    assert "gongwen.check" in names and "gongwen.check.rules.numbering" in names
    code = (
        "import importlib, sys\n"
        f"sys.path.insert(0, {str(HOOKS)!r})\n"
        f"for name in {['gongwen', *names]!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', "
        "'material')))\n"
        "print(bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_the_checker_leaves_garbage_collection_as_it_found_it():
    """The reader and the rules pause the cyclic collector while they run (no cycles, a
    large speed-up on long pages); a caller's setting is restored, even after an error."""
    import gc

    import pytest
    from gongwen.check import check_text
    from gongwen.check.engine import UnknownDoctype

    page = "# 标题\n\n一、甲\n\n（一）乙\n"
    was = gc.isenabled()
    try:
        gc.enable()
        check_text(page, "a.md")
        assert gc.isenabled()
        with pytest.raises(UnknownDoctype):
            check_text(page, "a.md", "no-such-type")
        assert gc.isenabled()
        gc.disable()
        check_text(page, "a.md")
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
