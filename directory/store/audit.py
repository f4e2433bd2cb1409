"""Referral changes with their audit trail, written in one transaction so history can never miss one.

A referral starting now replaces the ones in force (they are cleared, not updated); a scheduled one
("vacation next week") is added beside them. Every set, schedule and clear adds a `ReferralAuditRow`.
Each person's referrals have a version (the number of changes so far, kept on the audit rows): a change
that names the version the operator saw (``version``) is refused with `ReferralConflictError`, carrying
who changed what and when, if someone changed the person's referrals since; nothing is overwritten
silently, and a refused change leaves no trace. Without ``version`` a change applies to whatever is there.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
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
    version: int = 0  # the person's referral version after it


@dataclass(frozen=True, slots=True)
class AuditRecord:
    entry_id: int
    action: str  # set | schedule | clear
    actor: str
    console: str
    changed_at: datetime
    old: tuple[Referral, ...]
    new: Referral | None
    version: int = 0  # the person's referral version after this change (0: recorded before versions)


@dataclass(frozen=True, slots=True)
class ReferralState:
    """What an operator sees before changing a person's referrals: those in force, the version to name
    when changing them, and the last change (who, when, what), or None when there was none."""

    in_force: tuple[StoredReferral, ...]
    version: int
    last: AuditRecord | None


class ReferralConflictError(Exception):
    """Someone else changed the person's referrals since the operator looked (at ``wanted``): ``state`` is
    how they are now, ``current`` what is in force, ``last`` the change that came between."""

    def __init__(self, state: ReferralState, wanted: int) -> None:
        self.state, self.wanted = state, wanted
        self.current, self.last = state.in_force, state.last
        super().__init__(f"the referral was changed by someone else in the meantime ({conflict_summary(state)}; "
                         f"version {state.version}, not {wanted})")


def conflict_summary(state: ReferralState) -> str:
    """"Eva Lund set 'Lunch' at 2026-12-05 11:02 UTC": the last change, in English (CLI, logs)."""
    last = state.last
    if last is None:
        return "no change recorded"
    who, when = last.actor or "someone", f"{last.changed_at:%Y-%m-%d %H:%M} UTC"
    if last.new is None:
        return f"{who} cleared '{', '.join(r.text or r.code for r in last.old)}' at {when}"
    return f"{who} {'scheduled' if last.action == 'schedule' else 'set'} '{last.new.text or last.new.code}' at {when}"


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


def _record(row: ReferralAuditRow) -> AuditRecord:
    return AuditRecord(row.entry_id, row.action, row.actor, row.console, row.changed_at,
                       tuple(_from_json(item) for item in json.loads(row.old_value or "[]")),
                       _from_json(json.loads(row.new_value)) if row.new_value else None, row.version)


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
    def _last(session: Session, entry_id: int) -> ReferralAuditRow | None:
        return session.scalars(select(ReferralAuditRow).where(ReferralAuditRow.entry_id == entry_id)
                               .order_by(ReferralAuditRow.version.desc(), ReferralAuditRow.id.desc()).limit(1)).first()

    def _state(self, session: Session, entry_id: int, now: datetime) -> ReferralState:
        last = self._last(session, entry_id)
        return ReferralState(tuple(_stored(row) for row in self._current_rows(session, entry_id, now)),
                             last.version if last is not None else 0, _record(last) if last is not None else None)

    def _check(self, session: Session, entry_id: int, now: datetime, version: int | None) -> int:
        """The person's version now; raises ReferralConflictError when it is not the one the caller saw."""
        last = self._last(session, entry_id)
        current = last.version if last is not None else 0
        if version is not None and version != current:
            raise ReferralConflictError(self._state(session, entry_id, now), version)
        return current

    @staticmethod
    def _audit(session: Session, entry_id: int, action: str, *, actor: Actor, now: datetime,
               old: list[ReferralRow], new: ReferralRow | None, version: int) -> None:
        session.add(ReferralAuditRow(
            entry_id=entry_id, referral_id=new.id if new is not None else (old[0].id if old else None),
            action=action, actor=actor.name, console=actor.console, changed_at=now, version=version,
            old_value=json.dumps([_to_json(_stored(row).referral) for row in old], ensure_ascii=False),
            new_value=json.dumps(_to_json(_stored(new).referral), ensure_ascii=False) if new is not None else ""))

    def set(self, referral: Referral, actor: Actor, now: datetime, *, version: int | None = None) -> ReferralChange:
        """Store ``referral``; one starting by ``now`` clears those in force, a later one is only added.
        With ``version`` (what `state` said), raises ReferralConflictError if the person's referrals changed."""
        with self.store.transaction() as session:
            self._lock_entry(session, referral.entry_id)
            seen = self._check(session, referral.entry_id, now, version)
            current = self._current_rows(session, referral.entry_id, now)
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
                        old=replaced, new=row, version=seen + 1)
            return ReferralChange(tuple(_stored(r) for r in replaced), _stored(row), seen + 1)

    def clear(self, entry_id: int, actor: Actor, now: datetime, *, referral_id: int | None = None,
              version: int | None = None) -> tuple[StoredReferral, ...]:
        """Clear the referrals in force, or the one ``referral_id`` (e.g. a scheduled one); returns them.
        With ``version``, raises ReferralConflictError if the person's referrals changed since."""
        with self.store.transaction() as session:
            self._lock_entry(session, entry_id)
            seen = self._check(session, entry_id, now, version)
            current = self._current_rows(session, entry_id, now)
            if referral_id is None:
                rows = current
            else:
                rows = list(session.scalars(select(ReferralRow).where(
                    ReferralRow.id == referral_id, ReferralRow.entry_id == entry_id, ReferralRow.cleared_at.is_(None))))
            for row in rows:
                row.cleared_at = now
            if rows:
                self._audit(session, entry_id, "clear", actor=actor, now=now, old=rows, new=None, version=seen + 1)
            return tuple(_stored(row) for row in rows)

    def state(self, entry_id: int, now: datetime) -> ReferralState:
        """In force at ``now``, the version to name when changing them, and the last change."""
        with self.store.sessions() as session:
            return self._state(session, entry_id, now)

    def versions(self) -> dict[int, int]:
        """Each person's referral version (people never changed are absent: version 0)."""
        with self.store.sessions() as session:
            return {entry_id: int(version) for entry_id, version in session.execute(
                select(ReferralAuditRow.entry_id, func.max(ReferralAuditRow.version))
                .group_by(ReferralAuditRow.entry_id))}

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
            return [_record(row) for row in rows]
