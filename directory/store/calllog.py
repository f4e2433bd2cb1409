"""The call log: finished calls written by the operator desk, searched in the window, purged by age.

`LoggedCall` is the store's own plain record (the desk's `CallRecord` is mapped to it in the app, so
the store depends on no softphone code). Search matches case-folded text anywhere in the name, the
numbers and the transfer targets, optionally within a time range and for some outcomes, newest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select

from directory.phones import digits
from directory.search.folding import fold_key, words
from directory.store.database import Store
from directory.store.schema import CallLogRow

_NUMBER_WORD = re.compile(r"[\d+\-()./]+")  # "070-111", "(0)19": also matched as digits
_NATIONAL_PREFIX = frozenset({"46", "47"})  # Sweden and Norway: "+46 70..." is dialled "070..."


@dataclass(frozen=True, slots=True)
class LoggedCall:
    number: str
    name: str
    dialled: str
    incoming: bool
    offered_at: datetime
    ended_at: datetime
    outcome: str  # softphone.desk.records.Outcome values: handled, transferred, abandoned, ...
    answered_at: datetime | None = None
    priority: str = "normal"
    waiting_s: float = 0.0
    held_s: float = 0.0
    hold_count: int = 0
    consulted: tuple[str, ...] = ()
    transferred_to: str = ""
    time_to_connect_s: float | None = None
    recalled: bool = False
    end_reason: str = ""
    console: str = ""
    entry_id: int | None = None
    id: int | None = None  # set when read back


def _search_text(call: LoggedCall) -> str:
    """Case-folded names, numbers and targets, then the same Nordic-folded ("åsa" -> "asa"), then the
    numbers as digits, national form included ("+4670111222" -> "4670111222 070111222")."""
    text = "\n".join((call.name, call.number, call.dialled, call.transferred_to, *call.consulted)).casefold()
    numbers = []
    for number in (call.number, call.dialled):
        plain = digits(number)
        numbers.append(plain)
        if number.strip().startswith("+") and plain[:2] in _NATIONAL_PREFIX:
            numbers.append("0" + plain[2:])
    return "\n".join((text, " ".join(fold_key(w) for w in words(text)), " ".join(n for n in numbers if n)))


def _query_words(text: str) -> list[set[str]]:
    """Each word of a search, as the forms any of which may match: as typed, folded, and as digits."""
    forms = []
    for word in text.casefold().split():
        variants = {word, fold_key(word)}
        if _NUMBER_WORD.fullmatch(word) and (plain := digits(word)):
            variants.add(plain)
        forms.append(variants)
    return forms


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _row(call: LoggedCall) -> CallLogRow:
    return CallLogRow(
        direction="in" if call.incoming else "out", remote_number=call.number[:100], remote_name=call.name[:200],
        dialled_number=call.dialled[:100], entry_id=call.entry_id, offered_at=call.offered_at,
        answered_at=call.answered_at, ended_at=call.ended_at, outcome=call.outcome[:30],
        transferred_to=call.transferred_to[:200], priority=call.priority[:20], waiting_s=call.waiting_s,
        held_s=call.held_s, hold_count=call.hold_count, consulted="\n".join(call.consulted),
        time_to_connect_s=call.time_to_connect_s, recalled=call.recalled, end_reason=call.end_reason[:200],
        console=call.console[:200], search_text=_search_text(call))


def _call(row: CallLogRow) -> LoggedCall:
    assert row.ended_at is not None
    return LoggedCall(
        id=row.id, number=row.remote_number, name=row.remote_name, dialled=row.dialled_number,
        incoming=row.direction == "in", offered_at=row.offered_at, ended_at=row.ended_at, outcome=row.outcome,
        answered_at=row.answered_at, priority=row.priority, waiting_s=row.waiting_s, held_s=row.held_s,
        hold_count=row.hold_count, consulted=tuple(n for n in row.consulted.split("\n") if n),
        transferred_to=row.transferred_to, time_to_connect_s=row.time_to_connect_s, recalled=row.recalled,
        end_reason=row.end_reason, console=row.console, entry_id=row.entry_id)


class CallLogRepository:
    """Blocking: run it on the database worker (app/tasks.py), never on the GUI thread."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    def add(self, calls: Iterable[LoggedCall]) -> list[int]:
        """Write finished calls in one transaction; returns their row ids."""
        rows = [_row(c) for c in calls]
        with self._store.sessions.begin() as session:
            session.add_all(rows)
            session.flush()
            return [r.id for r in rows]

    def search(self, text: str = "", *, since: datetime | None = None, until: datetime | None = None,
               outcomes: Sequence[str] = (), limit: int = 200) -> list[LoggedCall]:
        query = select(CallLogRow)
        for variants in _query_words(text):
            query = query.where(or_(*(CallLogRow.search_text.like(f"%{_escape_like(v)}%", escape="\\")
                                      for v in sorted(variants))))
        if since is not None:
            query = query.where(CallLogRow.offered_at >= since)
        if until is not None:
            query = query.where(CallLogRow.offered_at < until)
        if outcomes:
            query = query.where(CallLogRow.outcome.in_(list(outcomes)))
        query = query.order_by(CallLogRow.offered_at.desc(), CallLogRow.id.desc()).limit(limit)
        with self._store.sessions() as session:
            return [_call(r) for r in session.scalars(query)]

    def purge_before(self, cutoff: datetime) -> int:
        """Delete calls offered before `cutoff`; returns how many."""
        with self._store.sessions.begin() as session:
            result = session.execute(delete(CallLogRow).where(CallLogRow.offered_at < cutoff))
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def apply_retention(self, days: int, now: datetime) -> int:
        """Keep `days` days of calls (0 keeps everything)."""
        return self.purge_before(now - timedelta(days=days)) if days > 0 else 0
