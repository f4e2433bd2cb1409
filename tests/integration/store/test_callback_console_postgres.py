"""The Call back panel's console tests again, two consoles sharing one real PostgreSQL database."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from directory.store import Store
from tests.gui.test_callback_flow import (  # noqa: F401 - collected here with this module's `url` fixture
    consoles,
    test_a_caller_who_gave_up_is_stored_and_still_listed_after_a_restart,
    test_enter_claims_and_dials_and_the_other_console_sees_taken_by,
)
from tests.helpers.postgres import create_database

pytestmark = [pytest.mark.integration, pytest.mark.gui]
_counter = itertools.count()


@pytest.fixture(autouse=True)
def _loop(event_loop_qt: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return event_loop_qt


@pytest.fixture
def url(postgres: str) -> str:
    created = create_database(postgres, f"callback_console{next(_counter)}")
    Store.open(created).dispose()
    return created
