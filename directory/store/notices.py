"""The operators' notice board in the store: a short message for every console of the organisation until it
expires or someone clears it ("Akuten: long waits, refer to 1177"). Posting and clearing are kept with who did
them. Blocking: run it on the database worker, never on the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from directory.store.database import Store
from directory.store.notify import Change, note_change
from directory.store.schema import NoticeRow

MAX_TEXT = 300
LONGEST = timedelta(days=7)  # a notice is for a shift or a day, not a standing rule (those are unit notes)


class NoticeError(ValueError):
    """A notice that cannot be posted or cleared; the message says why."""


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    text: str
    posted_by: str
    posted_at: datetime
    expires_at: datetime
    cleared_by: str = ""
    cleared_at: datetime | None = None


def checked(text: str, now: datetime, until: datetime) -> str:
    """The text as shown (one line); raises NoticeError for an empty or over-long one, or an end not after now
    or more than a week away. The window checks with it before anything goes to the store."""
    text = " ".join(text.split())  # one line: it is shown in a strip
    if not text:
        raise NoticeError("a notice needs a text")
    if len(text) > MAX_TEXT:
        raise NoticeError(f"a notice is at most {MAX_TEXT} characters (this one has {len(text)})")
    if until <= now:
        raise NoticeError("a notice must last until a time after now")
    if until - now > LONGEST:
        raise NoticeError("a notice lasts at most a week; standing information belongs in a unit's notes")
    return text


def _notice(row: NoticeRow) -> Notice:
    return Notice(row.id, row.text, row.posted_by, row.posted_at, row.expires_at, row.cleared_by, row.cleared_at)


class NoticeRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    def post(self, text: str, by: str, now: datetime, until: datetime) -> Notice:
        """Raises NoticeError (see `checked`); nothing is kept then."""
        text = checked(text, now, until)
        with self._store.transaction() as session:
            row = NoticeRow(text=text, posted_by=by[:200], posted_at=now, expires_at=until, cleared_by="")
            session.add(row)
            session.flush()
            return _notice(row)

    def clear(self, notice_id: int, by: str, now: datetime) -> bool:
        """False when it was not shown any more (cleared by someone else, expired, or not there)."""
        with self._store.transaction() as session:
            result = session.execute(update(NoticeRow).where(
                NoticeRow.id == notice_id, NoticeRow.cleared_at.is_(None), NoticeRow.expires_at > now)
                .values(cleared_by=by[:200], cleared_at=now))
            changed = int(result.rowcount or 0) > 0  # type: ignore[attr-defined]
            if changed:  # a statement the flush does not see: announced to the other consoles by hand
                note_change(session, Change("notice", notice_id))
            return changed

    def shown(self, now: datetime) -> list[Notice]:
        """The notices every console shows now, newest first."""
        with self._store.sessions() as session:
            rows = session.scalars(select(NoticeRow).where(NoticeRow.cleared_at.is_(None), NoticeRow.expires_at > now)
                                   .order_by(NoticeRow.posted_at.desc(), NoticeRow.id.desc()))
            return [_notice(r) for r in rows]

    def history(self, limit: int = 100) -> list[Notice]:
        with self._store.sessions() as session:
            rows = session.scalars(select(NoticeRow).order_by(NoticeRow.posted_at.desc(), NoticeRow.id.desc())
                                   .limit(limit))
            return [_notice(r) for r in rows]
