"""The shared call-back list: callers who gave up, on every console until one operator claims and calls them.

A call-back goes waiting -> claimed (by, at) -> done (by, at); a claim can be released back to waiting.
Each step is one conditional UPDATE on the state (and, when the caller gives it, the version) it expects,
plus an audit row, in one transaction. So of two operators claiming at once exactly one wins, on SQLite as
on PostgreSQL, and the other gets `CallbackConflictError` carrying the row as it now is ("taken by Eva").
Nothing here imports the softphone: the app maps the desk's `CallbackEntry` to `NewCallback`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from directory.store.database import Store
from directory.store.notify import Change, note_change
from directory.store.schema import CallbackAuditRow, CallbackRow

WAITING, CLAIMED, DONE = "waiting", "claimed", "done"
OPEN_STATES = (WAITING, CLAIMED)


@dataclass(frozen=True, slots=True)
class NewCallback:
    number: str
    name: str
    dialled: str
    hung_up_at: datetime
    stage: str = ""  # where the caller was when they hung up (the desk's Stage value)
    queue_id: str = ""  # the exchange's id of a caller who gave up at its queue: one entry however many hear it


@dataclass(frozen=True, slots=True)
class StoredCallback:
    id: int
    number: str
    name: str
    dialled: str
    hung_up_at: datetime
    stage: str
    console: str
    state: str
    claimed_by: str
    claimed_at: datetime | None
    done_by: str
    done_at: datetime | None
    version: int

    @property
    def label(self) -> str:
        return self.name or self.number


@dataclass(frozen=True, slots=True)
class CallbackStep:
    """One audited step of a call-back."""

    action: str  # added | claimed | released | done
    actor: str
    console: str
    at: datetime
    version: int


class CallbackConflictError(Exception):
    """A step found the call-back not as expected (someone else claimed it, or it is done or gone)."""

    def __init__(self, wanted: str, current: StoredCallback | None, callback_id: int) -> None:
        self.current = current
        if current is None:
            reason = "it no longer exists"
        elif current.state == CLAIMED:
            reason = f"it was taken by {current.claimed_by or 'someone'}"
        elif current.state == DONE:
            reason = f"{current.done_by or 'someone'} already marked it done"
        else:
            reason = f"it changed meanwhile (now version {current.version})"
        super().__init__(f"cannot {wanted} call-back {callback_id}: {reason}")


def _stored(row: CallbackRow) -> StoredCallback:
    return StoredCallback(
        id=row.id, number=row.number, name=row.name, dialled=row.dialled, hung_up_at=row.hung_up_at,
        stage=row.stage, console=row.console, state=row.state, claimed_by=row.claimed_by,
        claimed_at=row.claimed_at, done_by=row.done_by, done_at=row.done_at, version=row.version)


class CallbackRepository:
    """Blocking: run it on the database worker (app/tasks.py), never on the GUI thread."""

    def __init__(self, store: Store, *, console: str = "") -> None:
        self._store = store
        self._console = console[:200]

    @property
    def store(self) -> Store:
        return self._store

    def add(self, callback: NewCallback, actor: str = "") -> StoredCallback:
        """The new entry; for a caller of the exchange's queue already on the list (every console hears of
        them, several at once), the entry that is there, with no second one and no second audit row."""
        now = datetime.now(UTC)
        queue_id = callback.queue_id[:40]
        if queue_id and (found := self._by_queue_id(queue_id)) is not None:
            return found
        try:
            with self._store.transaction() as session:
                row = CallbackRow(
                    number=callback.number[:100], name=callback.name[:200], dialled=callback.dialled[:100],
                    hung_up_at=callback.hung_up_at, stage=callback.stage[:20], console=self._console,
                    state=WAITING, claimed_by="", done_by="", version=1, queue_id=queue_id)
                session.add(row)
                session.flush()
                self._audit(session, row.id, action="added", actor=actor, at=now, version=1)
                return _stored(row)
        except IntegrityError:
            found = self._by_queue_id(queue_id) if queue_id else None
            if found is None:
                raise
            return found  # another console added the same caller a moment before: theirs is the entry

    def _by_queue_id(self, queue_id: str) -> StoredCallback | None:
        with self._store.sessions() as session:
            row = session.scalars(select(CallbackRow).where(CallbackRow.queue_id == queue_id)).first()
            return _stored(row) if row is not None else None

    def open(self) -> list[StoredCallback]:
        """Waiting and claimed call-backs, newest first: the Call back panel's list."""
        return self._list(select(CallbackRow).where(CallbackRow.state.in_(OPEN_STATES)))

    def listing(self, *, include_done: bool = False, limit: int = 500) -> list[StoredCallback]:
        query = select(CallbackRow)
        if not include_done:
            query = query.where(CallbackRow.state.in_(OPEN_STATES))
        return self._list(query.limit(limit))

    def get(self, callback_id: int) -> StoredCallback | None:
        with self._store.sessions() as session:
            row = session.get(CallbackRow, callback_id)
            return None if row is None else _stored(row)

    def history(self, callback_id: int) -> list[CallbackStep]:
        with self._store.sessions() as session:
            rows = session.scalars(select(CallbackAuditRow).where(CallbackAuditRow.callback_id == callback_id)
                                   .order_by(CallbackAuditRow.id))
            return [CallbackStep(r.action, r.actor, r.console, r.at, r.version) for r in rows]

    def claim(self, callback_id: int, actor: str, *, version: int | None = None) -> StoredCallback:
        """Take a waiting call-back (again by the same operator is no change). Raises CallbackConflictError
        when another operator holds it, it is done, or `version` is no longer current."""
        current = self.get(callback_id)
        if current is not None and current.state == CLAIMED and current.claimed_by == actor:
            return current
        return self._step(callback_id, "claim", "claimed", version=version, states=(WAITING,), actor=actor,
                          state=CLAIMED, claimed_by=actor[:200], claimed_at=datetime.now(UTC))

    def release(self, callback_id: int, actor: str, *, version: int | None = None) -> StoredCallback:
        """Give a claim back (the caller did not answer): waiting again for everyone."""
        return self._step(callback_id, "release", "released", version=version, states=(CLAIMED,), actor=actor,
                          claimed_by_is=actor,
                          state=WAITING, claimed_by="", claimed_at=None)

    def done(self, callback_id: int, actor: str, *, version: int | None = None) -> StoredCallback:
        """Mark it called back: from waiting, or from a claim of the same operator; never over another's."""
        return self._step(callback_id, "mark done", "done", version=version, states=(WAITING, CLAIMED), actor=actor,
                          claimed_by_is=actor,
                          state=DONE, done_by=actor[:200], done_at=datetime.now(UTC))

    # -- helpers --------------------------------------------------------------------------------------

    def _list(self, query: object) -> list[StoredCallback]:
        with self._store.sessions() as session:
            rows = session.scalars(query.order_by(  # type: ignore[attr-defined]
                CallbackRow.hung_up_at.desc(), CallbackRow.id.desc()))
            return [_stored(r) for r in rows]

    def _step(self, callback_id: int, wanted: str, action: str, *, version: int | None, states: tuple[str, ...],
              actor: str, claimed_by_is: str | None = None, **values: object) -> StoredCallback:
        now = datetime.now(UTC)
        condition = [CallbackRow.id == callback_id, CallbackRow.state.in_(states)]
        if version is not None:
            condition.append(CallbackRow.version == version)
        if claimed_by_is is not None:  # a claim is only ever ended by whoever holds it
            condition.append((CallbackRow.state != CLAIMED) | (CallbackRow.claimed_by == claimed_by_is[:200]))
        with self._store.transaction() as session:
            result = session.execute(
                update(CallbackRow).where(*condition).values(version=CallbackRow.version + 1, **values)
                .execution_options(synchronize_session=False))
            if not result.rowcount:  # type: ignore[attr-defined]
                row = session.get(CallbackRow, callback_id)
                raise CallbackConflictError(wanted, None if row is None else _stored(row), callback_id)
            row = session.get(CallbackRow, callback_id, populate_existing=True)
            assert row is not None
            self._audit(session, callback_id, action=action, actor=actor, at=now, version=row.version)
            note_change(session, Change("callback", callback_id, version=row.version))
            return _stored(row)

    def _audit(self, session: Session, callback_id: int, *, action: str, actor: str, at: datetime,
               version: int) -> None:
        session.add(CallbackAuditRow(callback_id=callback_id, action=action, actor=actor[:200],
                                     console=self._console, at=at, version=version))
