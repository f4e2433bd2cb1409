"""The message outbox: every message to staff is written here before it is sent, and sent at most once.

One row per recipient (a group of 500 is 500 rows sharing a ``batch``), so each recipient's delivery is
tracked, retried and reported on its own. A row moves

    queued -> sending -> sent -> delivered
       ^         |          \\          \\-> failed (a later report: a part of it was not delivered)
       |         |           \\-> failed (a delivery report said so)
       '-retry---+-> failed (refused, out of attempts, or interrupted while sending)

Every step is a conditional UPDATE on the state it expects, so of two consoles (or a retry racing a
send) exactly one claims a message. A row left in ``sending`` by a crash is never sent again: whether the
gateway got it is unknown, and a duplicate page at night is worse than an operator told "not confirmed".

`OutboxMessage` is the store's own plain record; the `messaging` package composes and sends them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update

from directory.phones import digits
from directory.search.folding import fold_key, words
from directory.store.database import Store
from directory.store.outbox_table import OutboxRow

STATES = ("queued", "sending", "sent", "delivered", "failed")
FINAL_STATES = frozenset({"delivered", "failed"})


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    batch: str
    channel: str
    recipient: str
    text: str
    created_at: datetime
    recipient_name: str = ""
    subject: str = ""
    template: str = ""
    sender: str = ""
    console: str = ""
    call_ref: str = ""
    state: str = "queued"
    reason: str = ""
    attempts: int = 0
    next_attempt_at: datetime | None = None
    provider_id: str = ""
    sent_at: datetime | None = None
    delivered_at: datetime | None = None
    id: int | None = None  # set when read back


def _search_text(m: OutboxMessage) -> str:
    """Who it went to, who sent it, and what it said, case-folded and Nordic-folded, plus the digits."""
    text = "\n".join((m.recipient, m.recipient_name, m.sender, m.subject, m.text, m.channel)).casefold()
    return "\n".join((text, " ".join(fold_key(w) for w in words(text)), digits(m.recipient)))


def _row(m: OutboxMessage) -> OutboxRow:
    return OutboxRow(
        batch=m.batch[:40], channel=m.channel, recipient=m.recipient[:320], recipient_name=m.recipient_name[:200],
        subject=m.subject[:200], text=m.text, template=m.template[:50], sender=m.sender[:200],
        console=m.console[:200], call_ref=m.call_ref[:100], created_at=m.created_at, state="queued", reason="",
        attempts=0, next_attempt_at=m.next_attempt_at or m.created_at, provider_id="", updated_at=m.created_at,
        search_text=_search_text(m))


def _message(r: OutboxRow) -> OutboxMessage:
    return OutboxMessage(
        id=r.id, batch=r.batch, channel=r.channel, recipient=r.recipient, recipient_name=r.recipient_name,
        subject=r.subject, text=r.text, template=r.template, sender=r.sender, console=r.console,
        call_ref=r.call_ref, created_at=r.created_at, state=r.state, reason=r.reason, attempts=r.attempts,
        next_attempt_at=r.next_attempt_at, provider_id=r.provider_id, sent_at=r.sent_at,
        delivered_at=r.delivered_at)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class OutboxRepository:
    """Blocking: run it on the database worker (app/tasks.py), never on the GUI thread."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def enqueue(self, messages: Iterable[OutboxMessage]) -> list[int]:
        """Write messages as queued, all or none; returns their ids in order."""
        rows = [_row(m) for m in messages]
        with self._store.sessions.begin() as session:
            session.add_all(rows)
            session.flush()
            return [r.id for r in rows]

    def due(self, now: datetime, limit: int = 100) -> list[int]:
        """Ids of queued messages whose next attempt is due, oldest first."""
        query = (select(OutboxRow.id).where(OutboxRow.state == "queued", OutboxRow.next_attempt_at <= now)
                 .order_by(OutboxRow.next_attempt_at, OutboxRow.id).limit(limit))
        with self._store.sessions() as session:
            return list(session.scalars(query))

    def claim(self, message_id: int, now: datetime) -> OutboxMessage | None:
        """queued -> sending, counting the attempt; None when someone else claimed it or it is not due."""
        with self._store.sessions.begin() as session:
            result = session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == message_id, OutboxRow.state == "queued", OutboxRow.next_attempt_at <= now)
                .values(state="sending", attempts=OutboxRow.attempts + 1, updated_at=now, reason=""))
            if not result.rowcount:  # type: ignore[attr-defined]
                return None
            row = session.get(OutboxRow, message_id)
            assert row is not None
            return _message(row)

    def _step(self, message_id: int, expected: Sequence[str], **values: object) -> bool:
        with self._store.sessions.begin() as session:
            result = session.execute(update(OutboxRow).where(OutboxRow.id == message_id,
                                                             OutboxRow.state.in_(list(expected))).values(**values))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def mark_sent(self, message_id: int, now: datetime, provider_id: str = "") -> bool:
        return self._step(message_id, ("sending",), state="sent", sent_at=now, updated_at=now,
                          provider_id=provider_id[:100])

    def retry_later(self, message_id: int, reason: str, at: datetime, now: datetime) -> bool:
        """sending -> queued again: nothing reached the gateway, so sending again cannot duplicate."""
        return self._step(message_id, ("sending",), state="queued", reason=reason, next_attempt_at=at, updated_at=now)

    def mark_failed(self, message_id: int, reason: str, now: datetime) -> bool:
        return self._step(message_id, ("queued", "sending", "sent"), state="failed", reason=reason, updated_at=now)

    def mark_delivered(self, message_id: int, now: datetime) -> bool:
        return self._step(message_id, ("sending", "sent"), state="delivered", delivered_at=now, updated_at=now)

    def mark_undelivered(self, message_id: int, reason: str, now: datetime) -> bool:
        """A delivery report's "not delivered": failed from sent, and from delivered too, since a multi-part
        SMS is reported part by part and one part lost means the recipient lacks part of the text."""
        return self._step(message_id, ("sending", "sent", "delivered"), state="failed", reason=reason,
                          delivered_at=None, updated_at=now)

    def find_sent(self, provider_id: str, since: datetime) -> tuple[OutboxMessage, int] | None:
        """The message created since `since` whose gateway id is `provider_id`, and which of its parts that is
        (0 the first: a multi-part SMS stores "id1,id2,..."); the newest when a gateway has reused an id. A whole
        id is found through the index, a later part's by a scan of the messages created since `since`."""
        if not provider_id or "," in provider_id:
            return None
        newest = (OutboxRow.created_at.desc(), OutboxRow.id.desc())
        escaped = _escape_like(provider_id)
        with self._store.sessions() as session:
            row = session.scalars(select(OutboxRow).where(OutboxRow.provider_id == provider_id,
                                                          OutboxRow.created_at >= since)
                                  .order_by(*newest).limit(1)).first()
            if row is not None:
                return _message(row), 0
            rows = session.scalars(select(OutboxRow).where(OutboxRow.created_at >= since, or_(
                *(OutboxRow.provider_id.like(pattern, escape="\\")
                  for pattern in (f"{escaped},%", f"%,{escaped}", f"%,{escaped},%")))).order_by(*newest))
            for row in rows:
                parts = row.provider_id.split(",")
                if provider_id in parts:  # LIKE ignores case on SQLite; ids do not
                    return _message(row), parts.index(provider_id)
        return None

    def fail_interrupted(self, now: datetime, older_than: timedelta) -> int:
        """Messages left in `sending` (a crash, a lost worker) become failed, never sent again; returns how many."""
        with self._store.sessions.begin() as session:
            result = session.execute(
                update(OutboxRow).where(OutboxRow.state == "sending", OutboxRow.updated_at < now - older_than)
                .values(state="failed", updated_at=now,
                        reason="interrupted while sending: not resent, it may have been delivered"))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def get(self, ids: Sequence[int]) -> list[OutboxMessage]:
        with self._store.sessions() as session:
            rows = session.scalars(select(OutboxRow).where(OutboxRow.id.in_(list(ids))).order_by(OutboxRow.id))
            return [_message(r) for r in rows]

    def search(self, text: str = "", *, since: datetime | None = None, until: datetime | None = None,
               states: Sequence[str] = (), channels: Sequence[str] = (), limit: int = 200) -> list[OutboxMessage]:
        """The message log, newest first: every word of `text` must match (as typed, folded or as digits)."""
        query = select(OutboxRow)
        for word in text.casefold().split():
            variants = {word, fold_key(word)} | ({digits(word)} if digits(word) == word.lstrip("+") else set())
            query = query.where(or_(*(OutboxRow.search_text.like(f"%{_escape_like(v)}%", escape="\\")
                                      for v in sorted(v for v in variants if v))))
        if since is not None:
            query = query.where(OutboxRow.created_at >= since)
        if until is not None:
            query = query.where(OutboxRow.created_at < until)
        if states:
            query = query.where(OutboxRow.state.in_(list(states)))
        if channels:
            query = query.where(OutboxRow.channel.in_(list(channels)))
        query = query.order_by(OutboxRow.created_at.desc(), OutboxRow.id.desc()).limit(limit)
        with self._store.sessions() as session:
            return [_message(r) for r in session.scalars(query)]

    def apply_retention(self, days: int, now: datetime) -> int:
        """Delete finished messages older than `days` days (personal data); 0 keeps everything. Messages
        still queued or sending are kept whatever their age: they are work, not log."""
        if days <= 0:
            return 0
        with self._store.sessions.begin() as session:
            result = session.execute(delete(OutboxRow).where(
                OutboxRow.created_at < now - timedelta(days=days),
                OutboxRow.state.in_(["sent", "delivered", "failed"])))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
