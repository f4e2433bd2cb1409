"""Live updates on PostgreSQL: each write of shared rows announces itself, in its own transaction.

`announce_changes` hooks a Store's sessions: rows of the shared models added, changed or deleted in a
transaction are collected at flush, and just before it commits one ``pg_notify`` sends their change-set
(JSON) on the organisation's channel. PostgreSQL delivers a notification only if (and when) its
transaction commits, so a listener never hears of a change that was rolled back. SQLite has no
notifications: consoles there keep their 30-second look. `channel_for` names the channel; the listener
is `directory.store.listener.ChangeListener`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from directory.store.schema import CallbackRow, NoteRow, NoticeRow, ReferralRow

# What a console refreshes, by model; audit and call-log rows are not announced (nothing live shows them).
KINDS: dict[type[Any], str] = {ReferralRow: "referral", NoteRow: "note", CallbackRow: "callback",
                               NoticeRow: "notice"}
_PENDING = "switchboard_changes"
_MAX_PAYLOAD = 7000  # PostgreSQL's limit is 8000 bytes; a larger change-set says only "reload"


def channel_for(organisation: str) -> str:
    """``switchboard_<org>``: the organisation's name made an identifier, with a short hash against clashes."""
    slug = re.sub(r"[^a-z0-9]+", "_", organisation.casefold()).strip("_")[:30]
    digest = hashlib.sha1(organisation.encode()).hexdigest()[:8]
    return f"switchboard_{slug}_{digest}" if slug else f"switchboard_{digest}"


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # referral | note | callback | notice
    id: int
    entry_id: int | None = None  # the directory entry a referral or note is about
    version: int | None = None  # a call-back's version after the change


@dataclass(frozen=True, slots=True)
class SharedChanges:
    organisation: str
    changes: tuple[Change, ...] = ()
    reload: bool = False  # too many to list, or some were missed: read everything again

    def to_json(self) -> str:
        return json.dumps({"organisation": self.organisation, "reload": self.reload,
                           "changes": [{"kind": c.kind, "id": c.id, "entry_id": c.entry_id, "version": c.version}
                                       for c in self.changes]}, separators=(",", ":"))

    @classmethod
    def from_json(cls, payload: str) -> SharedChanges:
        data = json.loads(payload)
        return cls(data.get("organisation", ""), tuple(
            Change(c["kind"], int(c["id"]), c.get("entry_id"), c.get("version")) for c in data.get("changes", [])),
            bool(data.get("reload", False)))

    def kinds(self) -> set[str]:
        return {change.kind for change in self.changes}


@dataclass
class _Pending:
    changes: dict[tuple[str, int], Change] = field(default_factory=dict)


def _change(row: Any) -> Change | None:
    kind = KINDS.get(type(row))
    if kind is None or row.id is None:
        return None
    return Change(kind, int(row.id), getattr(row, "entry_id", None), getattr(row, "version", None))


def note_change(session: Session, change: Change) -> None:
    """Announce a change the flush does not see (a conditional UPDATE statement) with the transaction's."""
    session.info.setdefault(_PENDING, _Pending()).changes[(change.kind, change.id)] = change


def announce_changes(engine: Engine, sessions: sessionmaker[Session], organisation: str) -> None:
    """On PostgreSQL, make every committed write of shared rows through `sessions` notify the channel."""
    if engine.dialect.name != "postgresql":
        return
    channel = channel_for(organisation)

    @event.listens_for(sessions, "after_flush")
    def _collect(session: Session, _context: Any) -> None:
        pending = session.info.setdefault(_PENDING, _Pending())
        for row in (*session.new, *session.dirty, *session.deleted):
            if (change := _change(row)) is not None:
                pending.changes[(change.kind, change.id)] = change

    @event.listens_for(sessions, "before_commit")
    def _send(session: Session) -> None:
        pending: _Pending | None = session.info.pop(_PENDING, None)
        if not pending or not pending.changes:
            return
        payload = SharedChanges(organisation, tuple(pending.changes.values())).to_json()
        if len(payload.encode()) > _MAX_PAYLOAD:
            payload = SharedChanges(organisation, reload=True).to_json()
        session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": channel, "payload": payload})

    @event.listens_for(sessions, "after_rollback")
    def _forget(session: Session) -> None:
        session.info.pop(_PENDING, None)
