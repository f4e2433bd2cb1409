"""GUI tests share one QApplication (pytest-qt's qapp) and one qasync loop for the whole session."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication


@pytest.fixture(scope="session")
def event_loop_qt(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    loop.stop()  # it was marked running at creation (already_running=True)
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture(autouse=True)
def _loop(event_loop_qt: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return event_loop_qt
