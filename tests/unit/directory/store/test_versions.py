"""Optimistic versions on referrals and notes (migration 0016), with consoles racing on their own
connections: one change wins, every other is told who changed what and when, and nothing is applied
silently. SQLite here; tests/integration/store runs them again on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from directory.model import Entry, EntryKind, Note, Referral
from directory.store import AnnotationRepository, DirectoryRepository, Store, sqlite_url
from directory.store.annotations import NoteConflictError
from directory.store.audit import Actor, ReferralConflictError, ReferralLog
from tests.unit.directory.store.test_callbacks import _race

T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def _person(store: Store) -> int:
    repo = DirectoryRepository(store)
    repo.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON, display_name="Per Holm")])
    found = repo.find_id("t", "1")
    assert found is not None
    return found


def test_a_note_edited_from_an_old_version_is_refused_and_told_who_changed_it(store: Store) -> None:
    notes = AnnotationRepository(store)
    per = _person(store)
    added = notes.add_note(Note(per, "Prefers e-mail", "Anna", T0))
    assert added.version == 1
    seen = notes.stored_notes(per)[0]
    edited = notes.edit(seen.id, "Prefers e-mail, never SMS", "Eva Lund", version=seen.version,
                        now=T0 + timedelta(minutes=2))
    assert (edited.version, edited.edited_by, edited.edited_at) == (2, "Eva Lund", T0 + timedelta(minutes=2))
    with pytest.raises(NoteConflictError) as caught:
        notes.edit(seen.id, "Call the ward", "Bo", version=seen.version)
    assert caught.value.current == edited
    assert str(caught.value) == (f"note {seen.id} was not changed: Eva Lund changed it at 2026-12-05 10:02 UTC to "
                                 "'Prefers e-mail, never SMS' (version 2, not 1)")
    assert notes.notes_for(per)[0].text == "Prefers e-mail, never SMS"  # the refused edit left no trace
    forced = notes.edit(seen.id, "Call the ward", "Bo", version=None)  # "overwrite with mine"
    assert (forced.text, forced.version, forced.edited_by) == ("Call the ward", 3, "Bo")
    # every step audited with the text it replaced; the refused edit left no row
    assert [(c.action, c.actor, c.old_text, c.new_text, c.version) for c in notes.history(seen.id)] == [
        ("added", "Anna", "", "Prefers e-mail", 1),
        ("edited", "Eva Lund", "Prefers e-mail", "Prefers e-mail, never SMS", 2),
        ("edited", "Bo", "Prefers e-mail, never SMS", "Call the ward", 3)]
    with pytest.raises(NoteConflictError, match="no longer exists"):
        notes.edit(999_999, "x", "Bo", version=1)


def test_consoles_racing_to_edit_one_note_one_wins(store: Store) -> None:
    per = _person(store)
    note = AnnotationRepository(store).add_note(Note(per, "Prefers e-mail", "Anna", T0))
    won: list[str] = []
    lost: list[NoteConflictError] = []

    def edit(number: int, own: Store) -> None:
        try:
            won.append(AnnotationRepository(own).edit(note.id, f"by op{number}", f"op{number}", version=1).text)
        except NoteConflictError as exc:
            lost.append(exc)

    _race(store, 4, edit)
    assert len(won) == 1
    assert len(lost) == 3
    assert all(exc.current is not None and exc.current.text == won[0] for exc in lost)
    (stored,) = AnnotationRepository(store).stored_notes(per)
    assert (stored.text, stored.version) == (won[0], 2)
    assert [c.action for c in AnnotationRepository(store).history(note.id)] == ["added", "edited"]


def test_forced_edits_racing_are_all_applied_in_turn_and_all_audited(store: Store) -> None:
    per = _person(store)
    note = AnnotationRepository(store).add_note(Note(per, "Prefers e-mail", "Anna", T0))

    def force(number: int, own: Store) -> None:
        AnnotationRepository(own, console=f"pc-{number}").edit(note.id, f"by op{number}", f"op{number}", version=None)

    _race(store, 4, force)
    repo = AnnotationRepository(store)
    history = repo.history(note.id)
    assert [c.version for c in history] == [1, 2, 3, 4, 5]
    assert all(later.old_text == earlier.new_text for earlier, later in pairwise(history))
    assert repo.stored_notes(per)[0].text == history[-1].new_text  # nothing lost between them


def test_consoles_racing_to_set_one_referral_one_wins_and_the_rest_are_audited_nowhere(store: Store) -> None:
    per = _person(store)
    won: list[str] = []
    lost: list[ReferralConflictError] = []

    def refer(number: int, own: Store) -> None:
        try:
            ReferralLog(own).set(Referral(per, f"code{number}"), Actor(f"op{number}", f"pc-{number}"), T0, version=0)
            won.append(f"op{number}")
        except ReferralConflictError as exc:
            lost.append(exc)

    _race(store, 4, refer)
    assert len(won) == 1
    assert len(lost) == 3
    assert all(exc.last is not None and exc.last.actor == won[0] and exc.state.version == 1 for exc in lost)
    log = ReferralLog(store)
    assert [(h.actor, h.version) for h in log.history(per)] == [(won[0], 1)]
    assert len(log.current(per, T0)) == 1
