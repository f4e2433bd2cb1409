"""The notice board again on a real PostgreSQL server (the `store` fixture of this folder), and a notice posted
in one console heard in another through live updates."""

from __future__ import annotations

import queue
from datetime import timedelta

import pytest

from directory.store import Store
from directory.store.listener import ChangeListener
from directory.store.notices import NoticeRepository
from directory.store.notify import SharedChanges
from tests.unit.directory.store.test_notices import (  # noqa: F401 - collected here with this folder's `store` fixture
    T0,
    test_a_bad_notice_is_refused_naming_why_and_nothing_is_kept,
    test_a_notice_is_shown_until_it_expires_or_is_cleared,
    test_another_organisations_notices_are_not_seen,
)

pytestmark = pytest.mark.integration


def test_a_notice_posted_and_cleared_in_one_console_is_heard_in_another(store: Store) -> None:
    heard: queue.Queue[SharedChanges] = queue.Queue()
    ear = ChangeListener(store.url, store.organisation, heard.put)
    ear.start()
    try:
        assert ear.listening.wait(10)
        posted = NoticeRepository(store).post("Akuten: long waits", "eva", T0, T0 + timedelta(days=1))
        assert [(c.kind, c.id) for c in heard.get(timeout=10).changes] == [("notice", posted.id)]
        assert NoticeRepository(store).clear(posted.id, "anna", T0 + timedelta(hours=1))
        assert [(c.kind, c.id) for c in heard.get(timeout=10).changes] == [("notice", posted.id)]
    finally:
        ear.stop()
