"""The layering the brief asks for, held by tests: domain packages import no Qt, nothing imports ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ("directory", "softphone")


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
