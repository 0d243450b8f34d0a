"""The library's layout keeps its promises: floors, no cycles, small modules.

Floors, lowest first: gongwen.common → gongwen.text → gongwen.check → the three wings
gongwen.site, gongwen.corpus, gongwen.export (which never import one another) →
gongwen.build (a site build's steps, which the MkDocs hook calls). A module imports only
from its own floor's package or from lower floors.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "gongwen"
FLOORS = {"gongwen": 0, "gongwen.common": 0, "gongwen.text": 1, "gongwen.check": 2,
          "gongwen.site": 3, "gongwen.corpus": 3, "gongwen.export": 3, "gongwen.build": 4}
MAX_LINES = 450
HOOKS = PACKAGE.parent  # hooks/gongwen_*.py: thin callers of the library
MAX_HOOK_LINES = 150


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path) -> set[str]:
    """Library modules `name` imports at any level (relative imports resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("gongwen")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("gongwen"):
                found.add(module)
                found |= {f"{module}.{a.name}" for a in node.names}
    modules = _modules()
    return {m for m in found if m in modules and m != name}


def _wing(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else name


def test_no_upward_or_sideways_import() -> None:
    modules = _modules()
    bad = []
    for name, path in modules.items():
        for target in _imports(name, path):
            here, there = _wing(name), _wing(target)
            if here == there:
                continue
            if FLOORS[there] >= FLOORS[here]:
                bad.append(f"{name} → {target}")
    assert bad == []


def test_no_import_cycles() -> None:
    modules = _modules()
    # A package imports its own modules to re-export them; that is not a cycle of logic.
    graph = {name: {t for t in _imports(name, path) if not name.startswith(t + ".")}
             for name, path in modules.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for target in graph[node]:
            if state.get(target) == 1:
                cycles.append(" → ".join([*stack[stack.index(target):], target]))
            elif target not in state:
                visit(target, [*stack, target])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_every_wing_is_a_folder_and_no_module_is_long() -> None:
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        "text", "check", "site", "corpus", "export", "build"}
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_hooks_stay_thin_callers() -> None:
    """The MkDocs hooks hold no logic of their own: a few lines per event, one hook file."""
    hooks = sorted(HOOKS.glob("*.py"))
    assert [p.name for p in hooks] == ["gongwen_hooks.py"]
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in hooks}
    assert all(n <= MAX_HOOK_LINES for n in sizes.values()), sizes


def test_the_checker_stays_importable_where_it_always_was() -> None:
    from gongwen.check import check_file, check_text

    assert check_text("一、甲\n三、乙\n", "a.txt").blocking and callable(check_file)
