"""Live updates between two consoles' stores on one PostgreSQL: a call-back step or referral written in A
arrives in B as a change-set; with B's listener connection terminated, a change made meanwhile is
reconciled once it is listening again; a rolled-back write announces nothing."""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from directory.model import Entry, EntryKind, Referral
from directory.store import DirectoryRepository, Store
from directory.store.audit import Actor, ReferralLog
from directory.store.callbacks import CallbackRepository, NewCallback
from directory.store.listener import ChangeListener
from directory.store.notify import SharedChanges
from directory.store.schema import CallbackRow
from tests.helpers.postgres import create_database

pytestmark = pytest.mark.integration
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
_counter = itertools.count()


class Ear:
    """Console B's listener, recording change-sets and (re)connections."""

    def __init__(self, url: str, organisation: str) -> None:
        self.changes: queue.Queue[SharedChanges] = queue.Queue()
        self.connections: queue.Queue[bool] = queue.Queue()
        self.listener = ChangeListener(url, organisation, self.changes.put, on_connected=self.connections.put)
        self.listener.start()
        assert self.connections.get(timeout=10) is False  # the first connection: nothing to reconcile

    def next(self) -> SharedChanges:
        return self.changes.get(timeout=10)


def test_changes_in_one_console_arrive_in_another_and_survive_a_dropped_listener(postgres: str) -> None:
    url = create_database(postgres, f"live{next(_counter)}")
    a, b = Store.open(url, "Region A"), Store(url, "Region A")
    other = Store(url, "Kommune B")
    ear = Ear(url, "Region A")
    try:
        added = CallbackRepository(a).add(NewCallback("+4670222", "Per", "+4631000", NOW), "anna")
        change_set = ear.next()
        assert [(c.kind, c.id, c.version) for c in change_set.changes] == [("callback", added.id, 1)]
        CallbackRepository(a).claim(added.id, "anna")
        assert [(c.kind, c.version) for c in ear.next().changes] == [("callback", 2)]
        CallbackRepository(other).add(NewCallback("+4670333", "Bo", "+4631000", NOW), "bo")  # another channel

        directory = DirectoryRepository(a)
        directory.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON, display_name="P")])
        entry_id = directory.find_id("t", "1")
        ReferralLog(a).set(Referral(entry_id or 0, "lunch"), Actor("anna"), NOW)
        referral = ear.next()
        assert referral.kinds() == {"referral"}
        assert {c.entry_id for c in referral.changes} == {entry_id}
        assert ear.changes.empty()  # B's organisation's write was not heard here

        with a.engine.connect() as connection:  # the server ends B's listening connection
            connection.exec_driver_sql(f"SELECT pg_terminate_backend({ear.listener.backend_pid})")
        CallbackRepository(a).done(added.id, "anna")  # meanwhile: may be missed
        assert ear.connections.get(timeout=30) is True  # listening again: reconcile
        assert CallbackRepository(b).open() == []  # reading again shows the change made meanwhile
    finally:
        ear.listener.stop()
        for store in (a, b, other):
            store.dispose()


def _failing_write(store: Store) -> None:
    with store.transaction() as session:
        session.add(CallbackRow(number="1", hung_up_at=NOW))
        session.flush()
        raise RuntimeError("the write fails after its flush")


def test_a_rolled_back_write_announces_nothing(postgres: str) -> None:
    url = create_database(postgres, f"live{next(_counter)}")
    a = Store.open(url, "Region A")
    ear = Ear(url, "Region A")
    try:
        with pytest.raises(RuntimeError, match="after its flush"):
            _failing_write(a)
        CallbackRepository(a).add(NewCallback("+4670222", "Per", "+4631000", NOW), "anna")
        assert [c.kind for c in ear.next().changes] == ["callback"]
        assert ear.changes.empty()
    finally:
        ear.listener.stop()
        a.dispose()


def test_referral_watch_prints_a_change_made_by_another_console(postgres: str, tmp_path: Path) -> None:
    url = create_database(postgres, f"live{next(_counter)}")
    a = Store.open(url, "Region A")
    directory = DirectoryRepository(a)
    directory.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON,
                                         display_name="Åsa Öberg")])
    entry_id = directory.find_id("t", "1")
    assert entry_id is not None
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\nurl = "{url}"\norganisation = "Region A"\n', encoding="utf-8")
    watcher = subprocess.Popen([sys.executable, "-m", "app", "referral", "--config", str(config), "watch", "--json",
                                "--max", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "SWITCHBOARD_CONFIG": str(config)})
    try:
        assert watcher.stderr is not None
        while "listening" not in watcher.stderr.readline():
            pass
        ReferralLog(a).set(Referral(entry_id, "lunch", text="Lunch"), Actor("anna"), datetime.now(UTC))
        out, _ = watcher.communicate(timeout=60)
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.wait()
        a.dispose()
    printed = json.loads(out.splitlines()[0])
    assert (printed["entry_id"], printed["name"]) == (entry_id, "Åsa Öberg")
    assert [r["code"] for r in printed["referrals"]] == ["lunch"]
