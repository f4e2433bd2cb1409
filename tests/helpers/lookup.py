"""The console's lookup side without a phone, on the demo directory or an empty store, for GUI tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.config.loader import load_config
from app.config.paths import Paths
from app.lookup.console import Console
from app.services import Services
from app.tasks import TaskRunner
from ui.main_window import MainWindow


@dataclass
class Running:
    window: MainWindow
    console: Console
    paths: Paths


def home_paths(home: Path) -> Paths:
    return Paths(home / "etc.toml", home / "user.toml", home / "data", home / "log")


def build_demo_database(home: Path) -> Path:
    """The demo database, generated once per test session and copied into each test's home."""
    paths = home_paths(home)
    Services.open(load_config(paths), paths, demo=True).close()
    return paths.demo_database


def copy_demo(demo_database: Path, paths: Paths) -> None:
    paths.demo_database.parent.mkdir(parents=True)
    shutil.copy(demo_database, paths.demo_database)


@contextmanager
def start(qtbot: QtBot, tmp_path: Path, *, demo: bool, demo_database: Path | None = None) -> Iterator[Running]:
    """A loaded console in ``tmp_path`` (a copy of ``demo_database`` when given), closed afterwards."""
    paths = home_paths(tmp_path)
    if demo_database is not None:
        copy_demo(demo_database, paths)
    window = MainWindow()
    qtbot.addWidget(window)
    tasks = TaskRunner()
    console = Console(window, tasks, partial(Services.open, load_config(paths), paths), demo=demo)
    window.show()
    with qtbot.waitSignal(console.load_finished, timeout=30_000):
        console.start()
    assert console.index is not None, window.banner.label.text()
    try:
        yield Running(window, console, paths)
    finally:
        console.close()
        tasks.shutdown()
