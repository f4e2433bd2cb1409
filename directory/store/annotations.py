"""Operators' notes attached to entries ("prefers e-mail", "ask for the lab, not the ward").

They key on the entry's store id, which survives re-imports and syncs (entries are never hard-deleted).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import select

from directory.model import Note
from directory.store.database import Store
from directory.store.schema import NoteRow


class AnnotationRepository:
    """Operators' notes on entries. (Referrals, with their audit trail, are in `directory.store.audit`.)"""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add_notes(self, notes: Iterable[Note]) -> None:
        now = datetime.now(UTC)
        with self.store.transaction() as session:
            session.add_all(
                NoteRow(entry_id=n.entry_id, text=n.text, author=n.author, created_at=n.created_at or now)
                for n in notes
            )

    def notes_for(self, entry_id: int) -> list[Note]:
        with self.store.sessions() as session:
            rows = session.scalars(
                select(NoteRow).where(NoteRow.entry_id == entry_id).order_by(NoteRow.created_at, NoteRow.id)
            )
            return [Note(row.entry_id, row.text, row.author, row.created_at) for row in rows]
