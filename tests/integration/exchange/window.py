"""The real window as operator 1000 at a test exchange's queue (the GUI tests of this folder)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.console import phone_config, running_console
from tests.helpers.desk import Desk
from tests.helpers.exchange import Exchange


@contextlib.contextmanager
def queue_window(exchange: Exchange, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 extra: str = "") -> Iterator[Desk]:
    """The window registered at `exchange` with its queue in `[exchange]` (its token from the environment;
    `extra`: more keys of that section), driven through its desk (`Desk.running` is the console)."""
    monkeypatch.setenv("SB_TEST_QUEUE_TOKEN", "token-1000")
    config, paths = phone_config(tmp_path, exchange.hostport, monkeypatch,
                                 f'[exchange]\nurl = "{exchange.url}"\ntoken = "env:SB_TEST_QUEUE_TOKEN"\n{extra}')
    with running_console(qtbot, config, paths, []) as running:
        yield Desk(qtbot, running)
