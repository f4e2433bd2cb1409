"""GUI tests run with the session's qasync loop (tests/conftest.py) installed."""

from __future__ import annotations

import asyncio

import pytest


@pytest.fixture(autouse=True)
def _loop(event_loop_qt: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return event_loop_qt
