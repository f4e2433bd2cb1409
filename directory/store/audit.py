"""Referral changes with their audit trail, written in one transaction so history can never miss one.

A referral starting now replaces the ones in force (they are cleared, not updated); a scheduled one
("vacation next week") is added beside them. Every set, schedule and clear adds a `ReferralAuditRow`.
Two operators changing the same person at once: pass ``expected`` (the ids the operator saw in force)
and a different state raises `ReferralConflictError` instead of silently overwriting it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from directory.model import Referral
from directory.store.database import Store
from directory.store.schema import DirectoryEntry, ReferralAuditRow, ReferralRow


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a change: an operator's name or a source ("cli", "calendar"), and the console's host."""

    name: str
    console: str = ""


@dataclass(frozen=True, slots=True)
class StoredReferral:
    """A referral as stored: its row id (to cancel a scheduled one) and when it was set."""

    id: int
    referral: Referral
    set_at: datetime
    cleared_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReferralChange:
    """What a set did: the referrals it replaced (the last writer sees them) and the one it stored."""

    replaced: tuple[StoredReferral, ...]
    stored: StoredReferral


@dataclass(frozen=True, slots=True)
class AuditRecord:
    entry_id: int
    action: str  # set | schedule | clear
    actor: str
    console: str
    changed_at: datetime
    old: tuple[Referral, ...]
    new: Referral | None


class ReferralConflictError(Exception):
    """Someone else changed the referral since the operator looked; ``current`` is what is in force now."""

    def __init__(self, current: tuple[StoredReferral, ...]) -> None:
        super().__init__("the referral was changed by someone else in the meantime")
        self.current = current


class UnknownEntryError(LookupError):
    pass


def referral_json(stored: StoredReferral) -> dict[str, Any]:
    """A stored referral as JSON-ready data (ISO 8601 times in UTC), e.g. for `referral list --json`."""
    return {"id": stored.id, **_to_json(stored.referral), "set_at": stored.set_at.isoformat(),
            "cleared_at": stored.cleared_at.isoformat() if stored.cleared_at else None}


def _to_json(referral: Referral) -> dict[str, Any]:
    data = asdict(referral)
    for key in ("starts_at", "until"):
        data[key] = data[key].isoformat() if data[key] is not None else None
    return data


def _from_json(data: dict[str, Any]) -> Referral:
    for key in ("starts_at", "until"):
        data[key] = datetime.fromisoformat(data[key]) if data.get(key) else None
    return Referral(**data)


def _stored(row: ReferralRow) -> StoredReferral:
    referral = Referral(row.entry_id, row.code, row.text, row.starts_at, row.until, row.alternative, row.comment,
                        row.set_by)
    return StoredReferral(row.id, referral, row.set_at, row.cleared_at)


def _in_force(now: datetime) -> tuple[Any, ...]:
    return (ReferralRow.cleared_at.is_(None),
            or_(ReferralRow.starts_at.is_(None), ReferralRow.starts_at <= now),
            or_(ReferralRow.until.is_(None), ReferralRow.until > now))


class ReferralLog:
    """Sets, schedules and clears referrals with an audit row each; reads current, upcoming and history."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _lock_entry(self, session: Session, entry_id: int) -> None:
        """Serialise changes to one person's referrals before reading what is in force.

        A no-op write rather than SELECT ... FOR UPDATE because it works on both backends: PostgreSQL
        locks the row until commit, and SQLite (whose driver runs plain SELECTs outside any transaction)
        takes its write lock here, so the second console waits and then reads the first one's change.
        """
        session.execute(update(DirectoryEntry).where(DirectoryEntry.id == entry_id).values(id=DirectoryEntry.id)
                        .execution_options(synchronize_session=False))
        if session.execute(select(DirectoryEntry.id).where(DirectoryEntry.id == entry_id)).first() is None:
            raise UnknownEntryError(f"no directory entry with id {entry_id}")

    def _current_rows(self, session: Session, entry_id: int, now: datetime) -> list[ReferralRow]:
        return list(session.scalars(select(ReferralRow).where(ReferralRow.entry_id == entry_id, *_in_force(now))
                                    .order_by(ReferralRow.set_at, ReferralRow.id)))

    @staticmethod
    def _check(rows: list[ReferralRow], expected: Sequence[int] | None) -> None:
        if expected is not None and sorted(expected) != sorted(row.id for row in rows):
            raise ReferralConflictError(tuple(_stored(row) for row in rows))

    @staticmethod
    def _audit(session: Session, entry_id: int, action: str, *, actor: Actor, now: datetime,
               old: list[ReferralRow], new: ReferralRow | None) -> None:
        session.add(ReferralAuditRow(
            entry_id=entry_id, referral_id=new.id if new is not None else (old[0].id if old else None),
            action=action, actor=actor.name, console=actor.console, changed_at=now,
            old_value=json.dumps([_to_json(_stored(row).referral) for row in old], ensure_ascii=False),
            new_value=json.dumps(_to_json(_stored(new).referral), ensure_ascii=False) if new is not None else ""))

    def set(self, referral: Referral, actor: Actor, now: datetime, *,
            expected: Sequence[int] | None = None) -> ReferralChange:
        """Store ``referral``; one starting by ``now`` clears those in force, a later one is only added."""
        with self.store.transaction() as session:
            self._lock_entry(session, referral.entry_id)
            current = self._current_rows(session, referral.entry_id, now)
            self._check(current, expected)
            scheduled = referral.starts_at is not None and referral.starts_at > now
            replaced = [] if scheduled else current
            for row in replaced:
                row.cleared_at = now
            row = ReferralRow(entry_id=referral.entry_id, code=referral.code, text=referral.text,
                              starts_at=referral.starts_at, until=referral.until, alternative=referral.alternative,
                              comment=referral.comment, set_by=referral.set_by or actor.name, set_at=now)
            session.add(row)
            session.flush()
            self._audit(session, referral.entry_id, "schedule" if scheduled else "set", actor=actor, now=now,
                        old=replaced, new=row)
            return ReferralChange(tuple(_stored(r) for r in replaced), _stored(row))

    def clear(self, entry_id: int, actor: Actor, now: datetime, *, referral_id: int | None = None,
              expected: Sequence[int] | None = None) -> tuple[StoredReferral, ...]:
        """Clear the referrals in force, or the one ``referral_id`` (e.g. a scheduled one); returns them."""
        with self.store.transaction() as session:
            self._lock_entry(session, entry_id)
            current = self._current_rows(session, entry_id, now)
            self._check(current, expected)
            if referral_id is None:
                rows = current
            else:
                rows = list(session.scalars(select(ReferralRow).where(
                    ReferralRow.id == referral_id, ReferralRow.entry_id == entry_id, ReferralRow.cleared_at.is_(None))))
            for row in rows:
                row.cleared_at = now
            if rows:
                self._audit(session, entry_id, "clear", actor=actor, now=now, old=rows, new=None)
            return tuple(_stored(row) for row in rows)

    def current(self, entry_id: int, now: datetime) -> tuple[StoredReferral, ...]:
        """In force at ``now``, oldest first: the last one is what the console shows."""
        with self.store.sessions() as session:
            return tuple(_stored(row) for row in self._current_rows(session, entry_id, now))

    def everyone_in_force(self, now: datetime) -> dict[int, Referral]:
        """What the console shows for every entry: per entry, the most recently set referral in force."""
        with self.store.sessions() as session:
            rows = session.scalars(select(ReferralRow).where(*_in_force(now))
                                   .order_by(ReferralRow.set_at, ReferralRow.id))
            return {row.entry_id: _stored(row).referral for row in rows}

    def upcoming(self, entry_id: int, now: datetime) -> tuple[StoredReferral, ...]:
        """Scheduled to start after ``now`` and not cancelled, soonest first."""
        with self.store.sessions() as session:
            rows = session.scalars(select(ReferralRow).where(
                ReferralRow.entry_id == entry_id, ReferralRow.cleared_at.is_(None), ReferralRow.starts_at > now)
                .order_by(ReferralRow.starts_at, ReferralRow.id))
            return tuple(_stored(row) for row in rows)

    def listing(self, now: datetime) -> list[StoredReferral]:
        """Every referral in force or scheduled, for all entries, by entry then start (in force first)."""
        with self.store.sessions() as session:
            rows = session.scalars(select(ReferralRow).where(
                ReferralRow.cleared_at.is_(None), or_(ReferralRow.until.is_(None), ReferralRow.until > now))
                .order_by(ReferralRow.entry_id, ReferralRow.starts_at.asc().nulls_first(), ReferralRow.set_at,
                          ReferralRow.id))
            return [_stored(row) for row in rows]

    def history(self, entry_id: int, limit: int = 50) -> list[AuditRecord]:
        """The audit trail, newest first."""
        with self.store.sessions() as session:
            rows = session.scalars(select(ReferralAuditRow).where(ReferralAuditRow.entry_id == entry_id)
                                   .order_by(ReferralAuditRow.changed_at.desc(), ReferralAuditRow.id.desc())
                                   .limit(limit))
            return [AuditRecord(row.entry_id, row.action, row.actor, row.console, row.changed_at,
                                tuple(_from_json(item) for item in json.loads(row.old_value or "[]")),
                                _from_json(json.loads(row.new_value)) if row.new_value else None)
                    for row in rows]
