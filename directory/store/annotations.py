"""Operators' notes attached to entries ("prefers e-mail", "ask for the lab, not the ward").

They key on the entry's store id, which survives re-imports and syncs (entries are never hard-deleted).
An edit names the note's version the operator saw; if someone edited it since, `NoteConflictError` says
who, when and what the note now reads, and nothing is changed (migration 0016). Every note added or edited
has an audit row with the text before and after (0019), written in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from directory.model import Note
from directory.store.database import Store
from directory.store.notify import Change, note_change
from directory.store.schema import NoteAuditRow, NoteRow


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


@dataclass(frozen=True, slots=True)
class NoteChange:
    """One audited step of a note: added or edited, by whom, from where, when, the text before and after."""

    action: str  # added | edited
    actor: str
    console: str
    at: datetime
    old_text: str
    new_text: str
    version: int


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

    def __init__(self, store: Store, *, console: str = "") -> None:
        self.store = store
        self._console = console[:200]

    def add_notes(self, notes: Iterable[Note]) -> None:
        now = datetime.now(UTC)
        with self.store.transaction() as session:
            rows = [NoteRow(entry_id=n.entry_id, text=n.text, author=n.author, created_at=n.created_at or now,
                            version=1) for n in notes]
            session.add_all(rows)
            session.flush()
            for row in rows:
                self._audit(session, row, "added", row.author, row.created_at, old_text="")

    def add_note(self, note: Note) -> StoredNote:
        with self.store.transaction() as session:
            row = NoteRow(entry_id=note.entry_id, text=note.text, author=note.author,
                          created_at=note.created_at or datetime.now(UTC), version=1)
            session.add(row)
            session.flush()
            self._audit(session, row, "added", row.author, row.created_at, old_text="")
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

    def history(self, note_id: int) -> list[NoteChange]:
        """The note's audit trail, oldest first."""
        with self.store.sessions() as session:
            rows = session.scalars(select(NoteAuditRow).where(NoteAuditRow.note_id == note_id)
                                   .order_by(NoteAuditRow.id))
            return [NoteChange(r.action, r.actor, r.console, r.at, r.old_text, r.new_text, r.version) for r in rows]

    def edit(self, note_id: int, text: str, actor: str, *, version: int | None,
             now: datetime | None = None) -> StoredNote:
        """Change the note's text as ``actor``. With ``version`` (what the operator saw), raises
        NoteConflictError when someone edited it since; None overwrites whatever is there (a forced edit).
        Either way the text it replaced is kept in the audit row."""
        at = now or datetime.now(UTC)
        for _ in range(5):  # a forced edit racing another: read again and apply over that
            with self.store.transaction() as session:
                before = session.get(NoteRow, note_id, populate_existing=True)
                if before is None or (version is not None and before.version != version):
                    raise NoteConflictError(note_id, version or 0, None if before is None else _stored(before))
                old_text, seen = before.text, before.version
                result = session.execute(
                    update(NoteRow).where(NoteRow.id == note_id, NoteRow.version == seen)
                    .values(text=text, version=seen + 1, edited_by=actor[:200], edited_at=at)
                    .execution_options(synchronize_session=False))
                if not result.rowcount:  # type: ignore[attr-defined]
                    if version is not None:  # changed between the read and the write: the conflict is real
                        current = session.get(NoteRow, note_id, populate_existing=True)
                        raise NoteConflictError(note_id, version, None if current is None else _stored(current))
                    continue
                row = session.get(NoteRow, note_id, populate_existing=True)
                assert row is not None
                self._audit(session, row, "edited", actor, at, old_text=old_text)
                note_change(session, Change("note", note_id, row.entry_id, row.version))
                return _stored(row)
        raise NoteConflictError(note_id, 0, self.get(note_id))

    def _audit(self, session: Session, row: NoteRow, action: str, actor: str, at: datetime, *,
               old_text: str) -> None:
        session.add(NoteAuditRow(note_id=row.id, entry_id=row.entry_id, action=action, actor=actor[:200],
                                 console=self._console, at=at, old_text=old_text, new_text=row.text,
                                 version=row.version))
