"""Operators' notes attached to entries ("prefers e-mail", "ask for the lab, not the ward").

They key on the entry's store id, which survives re-imports and syncs (entries are never hard-deleted).
An edit names the note's version the operator saw; if someone edited it since, `NoteConflictError` says
who, when and what the note now reads, and nothing is changed (migration 0016).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update

from directory.model import Note
from directory.store.database import Store
from directory.store.notify import Change, note_change
from directory.store.schema import NoteRow


@dataclass(frozen=True, slots=True)
class StoredNote:
    id: int
    entry_id: int
    text: str
    author: str
    created_at: datetime
    version: int
    edited_by: str = ""
    edited_at: datetime | None = None


class NoteConflictError(Exception):
    """The note is not at the version the edit started from; ``current`` is how it reads now (None: gone)."""

    def __init__(self, note_id: int, wanted: int, current: StoredNote | None) -> None:
        self.wanted, self.current = wanted, current
        if current is None:
            reason = "it no longer exists"
        else:
            who = current.edited_by or current.author or "someone"
            when = current.edited_at or current.created_at
            reason = (f"{who} changed it at {when:%Y-%m-%d %H:%M} UTC to '{current.text}' "
                      f"(version {current.version}, not {wanted})")
        super().__init__(f"note {note_id} was not changed: {reason}")


def _stored(row: NoteRow) -> StoredNote:
    return StoredNote(row.id, row.entry_id, row.text, row.author, row.created_at, row.version, row.edited_by,
                      row.edited_at)


class AnnotationRepository:
    """Operators' notes on entries. (Referrals, with their audit trail, are in `directory.store.audit`.)"""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add_notes(self, notes: Iterable[Note]) -> None:
        now = datetime.now(UTC)
        with self.store.transaction() as session:
            session.add_all(
                NoteRow(entry_id=n.entry_id, text=n.text, author=n.author, created_at=n.created_at or now, version=1)
                for n in notes
            )

    def add_note(self, note: Note) -> StoredNote:
        with self.store.transaction() as session:
            row = NoteRow(entry_id=note.entry_id, text=note.text, author=note.author,
                          created_at=note.created_at or datetime.now(UTC), version=1)
            session.add(row)
            session.flush()
            return _stored(row)

    def notes_for(self, entry_id: int) -> list[Note]:
        return [Note(n.entry_id, n.text, n.author, n.created_at) for n in self.stored_notes(entry_id)]

    def stored_notes(self, entry_id: int) -> list[StoredNote]:
        """The entry's notes, oldest first, with the ids and versions an edit names."""
        with self.store.sessions() as session:
            rows = session.scalars(
                select(NoteRow).where(NoteRow.entry_id == entry_id).order_by(NoteRow.created_at, NoteRow.id))
            return [_stored(row) for row in rows]

    def get(self, note_id: int) -> StoredNote | None:
        with self.store.sessions() as session:
            row = session.get(NoteRow, note_id)
            return None if row is None else _stored(row)

    def edit(self, note_id: int, text: str, actor: str, *, version: int | None,
             now: datetime | None = None) -> StoredNote:
        """Change the note's text as ``actor``. With ``version`` (what the operator saw), raises
        NoteConflictError when someone edited it since; None overwrites whatever is there (a forced edit)."""
        condition = [NoteRow.id == note_id]
        if version is not None:
            condition.append(NoteRow.version == version)
        with self.store.transaction() as session:
            result = session.execute(
                update(NoteRow).where(*condition)
                .values(text=text, version=NoteRow.version + 1, edited_by=actor[:200],
                        edited_at=now or datetime.now(UTC))
                .execution_options(synchronize_session=False))
            row = session.get(NoteRow, note_id, populate_existing=True)
            if not result.rowcount or row is None:  # type: ignore[attr-defined]
                raise NoteConflictError(note_id, version or 0, None if row is None else _stored(row))
            note_change(session, Change("note", note_id, row.entry_id, row.version))
            return _stored(row)
