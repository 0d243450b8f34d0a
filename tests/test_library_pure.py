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
        "bad = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material')))\n"
        "print(bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
