"""Local data attached to entries: referrals ("hänvisning") and operators' notes.

Both key on the entry's store id, which survives re-imports and syncs (entries are never hard-deleted).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import or_, select, update

from directory.model import Note, Referral
from directory.store.database import Store
from directory.store.schema import NoteRow, ReferralRow


def _referral(row: ReferralRow) -> Referral:
    return Referral(
        entry_id=row.entry_id,
        code=row.code,
        text=row.text,
        starts_at=row.starts_at,
        until=row.until,
        alternative=row.alternative,
        comment=row.comment,
        set_by=row.set_by,
    )


class AnnotationRepository:
    """Referrals and notes. A new referral clears the previous one, so the table doubles as history."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def set_referrals(self, referrals: Iterable[Referral]) -> tuple[int, ...]:
        now = datetime.now(UTC)
        changed: list[int] = []
        with self.store.transaction() as session:
            for referral in referrals:
                session.execute(
                    update(ReferralRow)
                    .where(ReferralRow.entry_id == referral.entry_id, ReferralRow.cleared_at.is_(None))
                    .values(cleared_at=now)
                )
                session.add(
                    ReferralRow(
                        entry_id=referral.entry_id,
                        code=referral.code,
                        text=referral.text,
                        starts_at=referral.starts_at,
                        until=referral.until,
                        alternative=referral.alternative,
                        comment=referral.comment,
                        set_by=referral.set_by,
                        set_at=now,
                    )
                )
                changed.append(referral.entry_id)
        return tuple(changed)

    def clear_referral(self, entry_id: int) -> None:
        with self.store.transaction() as session:
            session.execute(
                update(ReferralRow)
                .where(ReferralRow.entry_id == entry_id, ReferralRow.cleared_at.is_(None))
                .values(cleared_at=datetime.now(UTC))
            )

    def current_referrals(self, now: datetime | None = None) -> dict[int, Referral]:
        """Referrals in force at ``now``: not cleared, started, and not past their return time."""
        now = now or datetime.now(UTC)
        with self.store.sessions() as session:
            rows = session.scalars(
                select(ReferralRow)
                .where(
                    ReferralRow.cleared_at.is_(None),
                    or_(ReferralRow.starts_at.is_(None), ReferralRow.starts_at <= now),
                    or_(ReferralRow.until.is_(None), ReferralRow.until > now),
                )
                .order_by(ReferralRow.set_at)
            )
            return {row.entry_id: _referral(row) for row in rows}

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
