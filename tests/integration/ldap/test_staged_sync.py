"""A source's first full sync, staged by a writer process during the download, against a real slapd."""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from directory.store import DirectoryRepository, Store
from directory.sync import SyncError, sync_source
from tests.helpers.slapd import Slapd
from tests.integration.ldap.conftest import PEOPLE, settings_for

pytestmark = pytest.mark.integration


def writers() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name.startswith("sync write")]


def test_a_first_sync_goes_through_the_writer_and_the_store_stays_writable(slapd: Slapd, store: Store) -> None:
    repository = DirectoryRepository(store)
    repository.replace_source("import", [])
    seen: list[int] = []

    def write_meanwhile(_done: int, _total: int | None) -> None:
        seen.append(len(writers()))
        repository.upsert_entries("import", [])  # a write transaction, as an operator's edit is

    summary = sync_source(store, settings_for(slapd.url), full=True, progress=write_meanwhile)
    assert summary.added == PEOPLE
    assert summary.full
    assert set(seen) == {1}  # the writer process ran for the whole download
    assert writers() == []
    assert len(repository.load_entries()) == PEOPLE
    assert repository.sync_cursor("ldap") is not None
    assert set(summary.changes.upserted) == {e.id for e in repository.load_entries()}
    later: list[int] = []
    again = sync_source(store, settings_for(slapd.url), full=True, progress=lambda *_: later.append(len(writers())))
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    assert set(later) == {0}  # the source has rows now: apply_sync writes the later syncs


def test_a_writer_killed_mid_sync_changes_nothing(slapd: Slapd, store: Store) -> None:
    def kill_the_writer(_done: int, _total: int | None) -> None:
        for process in writers():
            assert process.pid is not None
            os.kill(process.pid, signal.SIGKILL)

    with pytest.raises(SyncError, match="writing process ended"):
        sync_source(store, settings_for(slapd.url), full=True, progress=kill_the_writer)
    repository = DirectoryRepository(store)
    assert repository.load_entries() == []
    assert repository.source_statuses() == []
    assert writers() == []
    assert sync_source(store, settings_for(slapd.url), full=True).added == PEOPLE


def test_a_cancelled_first_sync_stops_the_writer_and_writes_nothing(slapd: Slapd, store: Store) -> None:
    class CancelledError(Exception):
        pass

    def cancel(done: int, _total: int | None) -> None:
        if done >= 100:
            raise CancelledError

    with pytest.raises(CancelledError):
        sync_source(store, settings_for(slapd.url), full=True, progress=cancel)
    assert writers() == []
    assert DirectoryRepository(store).load_entries() == []
    assert DirectoryRepository(store).source_statuses() == []
