"""This PC's last copy of a shared store's data: kept whole across a restart, private to the user, written
atomically; a damaged or foreign one is ignored with a log line; pending call-backs leave once written."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.model import Note, Referral
from directory.store.callbacks import NewCallback, StoredCallback
from directory.store.calllog import LoggedCall
from directory.store.last_copy import NOTES_KEPT, LastCopy
from directory.store.notices import Notice

NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
STORE = "postgresql+psycopg://console@db.example/switchboard#Region A"


def _filled(path: Path) -> LastCopy:
    copy = LastCopy(path, STORE)
    copy.keep_referrals([Referral(7, "lunch", "Lunch", NOW, NOW + timedelta(hours=1), "Eva Berg", "back at 13",
                                  "Anna")], NOW)
    copy.keep_notices([Notice(3, "Akuten: long waits, refer to 1177", "Eva", NOW, NOW + timedelta(hours=2))])
    copy.keep_callbacks([StoredCallback(11, "+4670001", "Anna", "100", NOW, "waiting", "pc-1", "claimed", "eva",
                                        NOW, "", None, 2)])
    copy.keep_favourites("anna", [7, 9])
    copy.keep_notes(7, [Note(7, "Prefers e-mail", "Eva Lund", NOW)])
    copy.add_pending(NewCallback("+4670002", "Per", "100", NOW, "waiting", "q-1"))
    copy.add_pending_calls([LoggedCall("+4670003", "Bo", "100", True, NOW, NOW + timedelta(minutes=2), "transferred",
                                       NOW, consulted=("Eva Berg",), transferred_to="Eva Berg")])
    return copy


def test_what_was_kept_is_read_back_whole_by_a_later_start(tmp_path: Path) -> None:
    path = tmp_path / "data" / "last-copy" / "copy.json"
    kept = _filled(path).contents
    again = LastCopy(path, STORE).contents
    assert again == kept
    assert again.read_at == NOW
    assert path.stat().st_mode & 0o777 == 0o600  # it names callers and colleagues
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert not path.with_name(path.name + ".part").exists()


def test_a_pending_call_back_is_kept_once_and_leaves_once_written(tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    copy = _filled(path)
    pending = copy.contents.pending[0]
    copy.add_pending(pending)
    assert LastCopy(path, STORE).contents.pending == [pending]
    copy.written(pending)
    assert LastCopy(path, STORE).contents.pending == []


def test_a_kept_call_leaves_once_written_also_when_read_back_by_a_later_start(tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    _filled(path)
    later = LastCopy(path, STORE)
    calls = list(later.contents.pending_calls)
    assert calls[0].consulted == ("Eva Berg",)  # as the desk made it: a tuple, so it is found again
    later.add_pending_calls(calls)
    assert len(LastCopy(path, STORE).contents.pending_calls) == 1
    later.calls_written(calls)
    assert LastCopy(path, STORE).contents.pending_calls == []


@pytest.mark.parametrize("text", ["{not json", '{"format": 1}', f'{{"format": 1, "store": "{STORE}", "read_at": "x"}}',
                                  "[]", ""])
def test_a_damaged_copy_is_ignored_with_a_log_line_and_replaced_at_the_next_write(
        tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "copy.json"
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="directory.store.last_copy"):
        copy = LastCopy(path, STORE)
    assert copy.contents.read_at is None
    assert copy.contents.referrals == []
    assert any("ignored" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)
    copy.keep_favourites("anna", [7])
    assert LastCopy(path, STORE).contents.favourites == {"anna": [7]}


def test_another_stores_copy_is_not_used(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "copy.json"
    _filled(path)
    with caplog.at_level(logging.WARNING, logger="directory.store.last_copy"):
        assert LastCopy(path, STORE.replace("Region A", "Region B")).contents.referrals == []
    assert any("of another store" in r.getMessage() for r in caplog.records)


def test_notes_are_kept_for_the_people_last_shown_and_written_only_when_they_changed(tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    copy = LastCopy(path, STORE)
    for entry_id in range(NOTES_KEPT + 1):
        copy.keep_notes(entry_id, [Note(entry_id, f"note {entry_id}")])
    kept = LastCopy(path, STORE).contents.notes
    assert len(kept) == NOTES_KEPT
    assert 0 not in kept  # the longest unread went
    assert kept[NOTES_KEPT] == [Note(NOTES_KEPT, f"note {NOTES_KEPT}")]
    written = path.stat().st_mtime_ns
    path.chmod(0o400)  # a write now would replace the file: none is made for the same notes
    copy.keep_notes(NOTES_KEPT, [Note(NOTES_KEPT, f"note {NOTES_KEPT}")])
    assert path.stat().st_mtime_ns == written
    assert path.stat().st_mode & 0o777 == 0o400
    copy.keep_notes(1, [])  # their notes were removed: no longer kept
    assert 1 not in LastCopy(path, STORE).contents.notes


def test_what_is_read_again_unchanged_is_not_written_again(tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    copy = _filled(path)
    written = path.stat().st_ino  # each write renames a new file over the copy
    contents = LastCopy(path, STORE).contents  # as a later start reads them: tuples where JSON had lists
    copy.keep_notices(list(contents.notices))
    copy.keep_callbacks(list(contents.callbacks))
    copy.keep_favourites("anna", [7, 9])
    assert path.stat().st_ino == written
    copy.keep_favourites("anna", [9])
    assert path.stat().st_ino != written
    assert LastCopy(path, STORE).contents.favourites["anna"] == [9]
