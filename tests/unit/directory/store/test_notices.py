"""The operators' notice board in the store (SQLite here; tests/integration/store re-runs these on
PostgreSQL): shown until it expires or is cleared, newest first, one line, checked before it is kept, kept
with who posted and cleared it, and another organisation's not seen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.store import Store, sqlite_url
from directory.store.notices import NoticeError, NoticeRepository

T0 = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def test_a_notice_is_shown_until_it_expires_or_is_cleared(store: Store) -> None:
    board = NoticeRepository(store)
    akuten = board.post("Akuten:\n long waits,   refer to 1177", "eva", T0, T0 + timedelta(hours=2))
    lunch = board.post("Växeln stänger 12-13", "olle", T0 + timedelta(minutes=5), T0 + timedelta(minutes=65))
    assert akuten.text == "Akuten: long waits, refer to 1177"  # one line: it is shown in a strip
    assert [n.id for n in board.shown(T0 + timedelta(minutes=10))] == [lunch.id, akuten.id]  # newest first
    assert [n.id for n in board.shown(T0 + timedelta(minutes=70))] == [akuten.id]  # lunch's expired
    assert board.clear(akuten.id, "anna", T0 + timedelta(minutes=80))
    assert not board.clear(akuten.id, "bo", T0 + timedelta(minutes=81))  # already cleared: said, not redone
    assert board.shown(T0 + timedelta(minutes=81)) == []
    (_lunch, kept) = board.history()  # newest first
    assert (kept.posted_by, kept.cleared_by, kept.cleared_at) == ("eva", "anna", T0 + timedelta(minutes=80))


@pytest.mark.parametrize(("text", "hours", "why"), [
    ("   ", 1, "needs a text"), ("x" * 301, 1, "at most 300 characters (this one has 301)"),
    ("ok", 0, "after now"), ("ok", 24 * 8, "at most a week")])
def test_a_bad_notice_is_refused_naming_why_and_nothing_is_kept(store: Store, text: str, hours: int,
                                                                why: str) -> None:
    board = NoticeRepository(store)
    with pytest.raises(NoticeError, match=why.replace("(", r"\(").replace(")", r"\)")):
        board.post(text, "eva", T0, T0 + timedelta(hours=hours))
    assert board.history() == []


def test_another_organisations_notices_are_not_seen(store: Store) -> None:
    NoticeRepository(store).post("Ours", "eva", T0, T0 + timedelta(hours=1))
    other = Store(store.url, "Kommune B")
    try:
        theirs = NoticeRepository(other)
        assert theirs.shown(T0) == []
        mine = theirs.post("Theirs", "bo", T0, T0 + timedelta(hours=1))
        assert not NoticeRepository(store).clear(mine.id, "eva", T0)  # not ours to clear
    finally:
        other.dispose()
    assert [n.text for n in NoticeRepository(store).shown(T0)] == ["Ours"]
