"""The layering the brief asks for, held by tests: domain packages import no Qt, nothing imports ui, and
neither domain package has an import cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Mapping, Set
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ("directory", "softphone", "messaging")


def test_domain_packages_import_without_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in DOMAIN for p in (ROOT / package).rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"
    )
    code = ("import sys\nfor name in ('PySide6', 'shiboken6', 'qasync'): sys.modules[name] = None\n"
            + "".join(f"import {m}\n" for m in modules))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_nothing_outside_ui_and_app_imports_ui() -> None:
    offenders = []
    for package in (*DOMAIN, "app"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                if package in DOMAIN and any(n.split(".")[0] in ("ui", "app", "PySide6") for n in names):
                    offenders.append(f"{path.relative_to(ROOT)} imports {names}")
    assert offenders == []


def test_no_two_top_level_classes_share_a_name() -> None:
    """Settings are declared once, and a name means one thing: two `DeskSettings` (or `Problem`s) invite
    importing the wrong one. Nested helper classes and tests are not counted."""
    where: dict[str, list[str]] = {}
    for package in (*DOMAIN, "app", "ui", "settings_base"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.ClassDef):
                    where.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Each module of `package` (under `root`) -> the modules of the same package it imports.

    Every import statement counts, wherever it is: under `if TYPE_CHECKING:`, inside functions, in `try`.
    Relative imports are resolved; `from pkg import name` is an edge to `pkg.name` when that is a module,
    else to `pkg`. Importing `a.b.c` is an edge to `a.b.c` alone, not to the packages `a` and `a.b` it
    also initialises: a package's `__init__` re-exporting its own modules would otherwise make every
    module of it a cycle, which Python handles and nobody needs to break.
    """
    modules = {".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): p
               for p in sorted((root / package).rglob("*.py"))}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                parts = here[:len(here) - node.level + 1] if node.level else []
                source = ".".join([*parts, *([node.module] if node.module else [])])
                targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                           for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def find_cycle(graph: Mapping[str, Set[str]]) -> list[str]:
    """One import cycle as a path that ends where it starts (["a", "b", "a"]), or [] when there is none.

    Depth-first, in sorted order, so the same graph always reports the same cycle."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str]:
        path.append(module)
        for target in sorted(graph[module]):
            if target in path:
                return [*path[path.index(target):], target]
            if target not in done and (cycle := visit(target)):
                return cycle
        done.add(path.pop())
        return []

    for module in sorted(graph):
        if module not in done and (cycle := visit(module)):
            return cycle
    return []


# softphone had calls -> engine -> calls (a TYPE_CHECKING import); issue 13 broke it with softphone/host.py.
@pytest.mark.parametrize("package", DOMAIN)
def test_domain_package_has_no_import_cycle(package: str) -> None:
    graph = import_graph(ROOT, package)
    assert len(graph) > 10, f"{package}: no modules found under {ROOT}"
    cycle = find_cycle(graph)
    assert not cycle, f"{package} has an import cycle: {' -> '.join(cycle)}"


def test_import_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import B\n",
        "b.py": "def f():\n    from . import c\n",
        "c.py": "import pkg.sub.d as d\nimport os\n",
        "sub/__init__.py": "from .d import x\n",
        "sub/d.py": "from .. import a\nfrom ..sub import e\n",
        "sub/e.py": "from pkg import missing_name\n",
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    assert import_graph(tmp_path, "pkg") == {
        "pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.c"}, "pkg.c": {"pkg.sub.d"},
        "pkg.sub": {"pkg.sub.d"}, "pkg.sub.d": {"pkg.a", "pkg.sub.e"}, "pkg.sub.e": {"pkg"},
    }
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.a", "pkg.b", "pkg.c", "pkg.sub.d", "pkg.a"]


def test_find_cycle_on_acyclic_graphs_and_self_contained_loops() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set(), "d": {"b"}}) == []
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"d"}, "d": {"c"}}) == ["c", "d", "c"]
