"""The console opens the search index's snapshot instead of building it (issue 19): the first start builds
it, the next opens it; a snapshot the store changed behind serves until the one rebuilt in the background
replaces it; an import made while it is open is found."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from app.lookup.console import Console
from directory.model import Entry, EntryKind
from directory.search.rows import EntryRows
from directory.store import DirectoryRepository
from directory.store.schema import DirectoryEntry, PhoneNumberRow
from tests.helpers.lookup import home_paths, start

pytestmark = pytest.mark.gui


def _hits(qtbot: QtBot, console: Console, text: str) -> list[Entry]:
    shown: list[list[Entry]] = []
    console.search.results_shown.connect(shown.append)
    try:
        with qtbot.waitSignal(console.search.results_shown, timeout=5000):
            console.search.request(text)
    finally:
        console.search.results_shown.disconnect(shown.append)
    return shown[-1]


def test_the_first_start_builds_the_snapshot_and_the_next_opens_it(qtbot: QtBot, tmp_path: Path,
                                                                   demo_database: Path) -> None:
    snapshot = home_paths(tmp_path).demo_database.with_name("demo.sqlite3.search")
    with start(qtbot, tmp_path, demo=True, demo_database=demo_database) as running:
        first = _hits(qtbot, running.console, "anna kard")
        running.console.loading.index_building.emit()  # what the window says while there is none to serve
        assert running.window.source_label.text() == "Building the search index…"
    written = snapshot.stat().st_mtime_ns
    with start(qtbot, tmp_path, demo=True) as running:
        assert isinstance(running.console.index._state.entries, EntryRows)  # type: ignore[union-attr]
        assert _hits(qtbot, running.console, "anna kard") == first
    assert snapshot.stat().st_mtime_ns == written  # opened, not built again


def test_a_stale_snapshot_serves_until_its_rebuild_and_an_import_is_followed(qtbot: QtBot, tmp_path: Path,
                                                                             demo_database: Path) -> None:
    with start(qtbot, tmp_path, demo=True, demo_database=demo_database) as running:
        store = running.console.services.store  # type: ignore[union-attr]
        with store.transaction() as session:  # a row deleted outright, behind the snapshot's back
            gone_id, gone_name = session.execute(select(DirectoryEntry.id, DirectoryEntry.display_name)
                                                 .order_by(DirectoryEntry.id).limit(1)).one()
            session.execute(delete(PhoneNumberRow).where(PhoneNumberRow.entry_id == gone_id))
            session.execute(delete(DirectoryEntry).where(DirectoryEntry.id == gone_id))
    with start(qtbot, tmp_path, demo=True) as running:
        console = running.console
        served = console.index  # the stale snapshot serves while the new index is built
        assert served is not None
        qtbot.waitUntil(lambda: console.index is not served, timeout=60_000)
        assert gone_id not in {e.id for e in _hits(qtbot, console, gone_name)}
        # An import while the snapshot is open: found at the next refresh.
        DirectoryRepository(console.services.store).upsert_entries(  # type: ignore[union-attr]
            "import:extra.csv", [Entry(source="import:extra.csv", external_id="x1", kind=EntryKind.PERSON,
                                       display_name="Zacharias Quarnström", given_name="Zacharias",
                                       surname="Quarnström")])
        console.refresh_now()
        qtbot.waitUntil(lambda: [e.display_name for e in _hits(qtbot, console, "zacharias")]
                        == ["Zacharias Quarnström"], timeout=10_000)
