"""The whole console (window, wiring, phone) on a configuration of the test's, for end-to-end GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from app.calls.phone_wiring import attach_phone
from app.config.loader import Config, load_config
from app.config.paths import Paths
from app.lookup.console import Console
from app.services import Services
from app.tasks import TaskRunner
from directory.model import Entry
from ui.main_window import MainWindow


@dataclass
class RunningConsole:
    window: MainWindow
    console: Console
    bridge: DeskBridge
    config: Config
    paths: Paths


def phone_config(tmp_path: Path, registrar: str, monkeypatch: pytest.MonkeyPatch,
                 extra: str = "") -> tuple[Config, Paths]:
    """A user config whose [sip] account 1000 registers to ``registrar``, the password from the environment;
    ``extra`` is appended TOML."""
    paths = Paths(tmp_path / "etc.toml", tmp_path / "user.toml", tmp_path / "data", tmp_path / "log")
    paths.user_config.write_text(
        f'[sip]\nuser = "1000"\ndomain = "127.0.0.1"\nregistrar = "{registrar}"\n'
        'bind_address = "127.0.0.1"\npassword = "env:SB_TEST_SIP_PASSWORD"\n'
        '[sip.audio]\nnull_device = true\ncodecs = ["PCMU/8000"]\n' + extra, encoding="utf-8")
    monkeypatch.setenv("SB_TEST_SIP_PASSWORD", "pw1000")
    return load_config(paths), paths


@contextmanager
def running_console(qtbot: QtBot, config: Config, paths: Paths, entries: list[Entry],
                    **phone: Any) -> Iterator[RunningConsole]:
    """The directory holds ``entries`` (source "t"); the console is loaded, its phone started (``phone``: the
    keywords of `attach_phone`, e.g. the demo's settings and queue)."""
    services = Services.open(config, paths, demo=False)
    services.directory.replace_source("t", entries)
    services.close()
    with started_console(qtbot, config, paths, **phone) as running:
        yield running


@contextmanager
def started_console(qtbot: QtBot, config: Config, paths: Paths, **phone: Any) -> Iterator[RunningConsole]:
    """The console as `switchboard` starts it, on whatever state its store is in: loaded, its phone started."""
    window = MainWindow()
    qtbot.addWidget(window)
    tasks = TaskRunner()
    console = Console(window, tasks, partial(Services.open, config, paths), demo=False)
    bridge = attach_phone(config, window, console, **phone)
    assert bridge is not None
    try:
        window.show()
        with qtbot.waitSignal(console.load_finished, timeout=30_000):
            console.start()
        yield RunningConsole(window, console, bridge, config, paths)
    finally:
        window.close_guard = None  # a test that failed with calls up must not wait on the close question
        bridge.stop()
        console.close()
        tasks.shutdown()
