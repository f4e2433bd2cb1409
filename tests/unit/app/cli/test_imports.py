"""What a command imports before it runs: the configuration and the parser need neither the store's libraries
nor ldap3, and a subcommand's module is imported only when it is named (issue 19: `directory search`
answered after seconds of imports). Each check runs in a fresh interpreter, where nothing is imported yet."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]


def _imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_configuration_is_read_without_the_store_or_ldap3() -> None:
    loaded = _imported_after("from app.config.loader import load_config\nfrom app.config.paths import Paths\n"
                             "load_config(Paths.current())")
    assert not {"sqlalchemy", "alembic", "ldap3", "directory.store", "directory.sync.runner"} & loaded


@pytest.mark.parametrize(("argv", "imported", "not_imported"), [
    (["--help"], set(), {"app.cli.referral", "app.cli.queue", "app.cli.message", "app.cli.exchange"}),
    (["referral", "--help"], {"app.cli.referral"}, {"app.cli.queue", "app.cli.message", "app.cli.stats"}),
])
def test_a_subcommand_module_is_imported_when_named(argv: list[str], imported: set[str],
                                                    not_imported: set[str]) -> None:
    loaded = _imported_after(f"from app.cli.main import build_parser\nbuild_parser({argv!r})")
    assert imported <= loaded
    assert not not_imported & loaded


def test_a_named_subcommand_has_its_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli.main import main  # noqa: PLC0415

    with pytest.raises(SystemExit) as exited:
        main(["calllog", "list", "--help"])
    assert exited.value.code == 0
    assert "--since" in capsys.readouterr().out


def test_the_window_starts_without_ldap3_psycopg_or_httpx() -> None:
    """A sync imports ldap3 when it runs, a listener on a shared (PostgreSQL) store psycopg in its thread, an
    HTTP or Kannel SMS transport httpx when it is made."""
    loaded = _imported_after("import app.gui")
    assert not {"ldap3", "psycopg", "httpx", "directory.sync.runner"} & loaded


def test_the_window_starts_without_the_demo_phone_or_the_screenshot_scenes() -> None:
    """The demo's exchange and phone are imported for the demo, the scenes for a scene's picture."""
    loaded = _imported_after("import app.gui")
    assert not {"app.demo.phone", "app.demo.scenes", "app.screenshot", "softphone.demolab.process"} & loaded


def test_a_subcommand_runs_with_the_cyclic_collector_on(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m app` turns the collector off for the window's start; a command (a sync, an import) needs it."""
    from app.cli.main import main  # noqa: PLC0415

    gc.disable()
    try:
        assert main(["config", "reference"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert capsys.readouterr().out


def test_what_the_window_imports_before_qt_needs_no_qt_and_is_the_windows() -> None:
    """PySide6 reads the source of every module imported after it: what app/cli/main.py imports first must not
    bring Qt in (it would gain nothing), and must be what the window imports anyway (or it would cost)."""
    from app.cli.main import _BEFORE_QT  # noqa: PLC0415

    before = _imported_after("\n".join(f"import {name}" for name in _BEFORE_QT))
    assert not {name for name in before if name.startswith(("PySide6", "shiboken6"))}
    assert set(_BEFORE_QT) <= _imported_after("import app.gui")
