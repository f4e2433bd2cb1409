"""Test-wide set-up: no real user directories are touched, Qt never needs a screen, and every test carries
the marker of its tier (a GUI test `gui`, a test under tests/integration `integration`), checked at collection."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHONFAULTHANDLER", "1")

INTEGRATION = Path(__file__).resolve().parent / "integration"
# pytest-qt's fixtures; a project fixture built on them (event_loop_qt, tests/gui's autouse _loop,
# `translated`, ...) puts them in the test's fixture closure, so it is caught too
QT_FIXTURES = frozenset({"qapp", "qtbot", "qtmodeltester", "qtlog"})


def missing_markers(fixtures: Iterable[str], markers: Iterable[str], path: Path) -> list[str]:
    """The tier markers a test lacks: `gui` when it uses a Qt fixture (directly or through another
    fixture), `integration` when it lives under tests/integration."""
    needed = []
    if QT_FIXTURES.intersection(fixtures):
        needed.append("gui")
    if path.resolve().is_relative_to(INTEGRATION):
        needed.append("integration")
    return [marker for marker in needed if marker not in set(markers)]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Fail collection, naming each test, when one lacks its tier marker: `-m "not gui"` must mean it."""
    problems = []
    for item in items:
        markers = {mark.name for mark in item.iter_markers()}
        missing = missing_markers(getattr(item, "fixturenames", ()), markers, item.path)
        if missing:
            problems.append(f"{item.nodeid}: missing marker {', '.join(missing)} "
                            "(add pytestmark = pytest.mark.<name> to its module)")
    if problems:
        raise pytest.UsageError("tests without their tier marker:\n  " + "\n  ".join(problems))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user and machine-wide location at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("SWITCHBOARD_SYSTEM_CONFIG", str(home / "etc" / "config.toml"))
    monkeypatch.delenv("SWITCHBOARD_CONFIG", raising=False)
    return home


@pytest.fixture(scope="session")
def event_loop_qt(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    loop.stop()  # it was marked running at creation (already_running=True)
    loop.close()
    asyncio.set_event_loop(None)
