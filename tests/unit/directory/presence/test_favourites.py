"""The favourites board: order, targets to watch, line changes to rows, aggregated row texts."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from directory.model import Referral
from directory.presence import Favourite, FavouritesBoard, LineState
from directory.referrals import DEFAULT_CODES

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 12, 10, tzinfo=STOCKHOLM)
ANNA, PER, WARD = Favourite(1, "Anna Berg", "1002"), Favourite(2, "Per Holm", "1003"), Favourite(3, "Ward 12")


def test_order_add_remove_move_and_targets() -> None:
    board = FavouritesBoard([ANNA, PER, ANNA, WARD])
    assert [f.entry_id for f in board.favourites] == [1, 2, 3]
    assert not board.add(PER)
    assert board.add(Favourite(4, "Eva", "1002"))
    assert board.targets() == ["1002", "1003"]
    board.move(4, 0)
    board.move(99, 0)
    assert [f.entry_id for f in board.favourites] == [4, 1, 2, 3]
    assert board.remove(4)
    assert not board.remove(4)
    board.move(1, 10)
    assert [f.entry_id for f in board.favourites] == [2, 3, 1]


def test_line_changes_name_the_rows_and_keep_since() -> None:
    board = FavouritesBoard([ANNA, PER, Favourite(4, "Eva", "1002")])
    assert board.line_changed("1002", LineState.RINGING, NOW) == [0, 2]
    assert board.line_changed("1999", LineState.BUSY, NOW) == []
    board.line_changed("1002", LineState.RINGING, NOW + timedelta(seconds=3))
    status = board.line_status("1002")
    assert status is not None
    assert status.since == NOW
    assert status.observed_at == NOW + timedelta(seconds=3)
    board.line_changed("1002", LineState.BUSY, NOW + timedelta(seconds=5))
    status = board.line_status("1002")
    assert status is not None
    assert status.since == NOW + timedelta(seconds=5)


def test_rows_aggregate_referral_and_line() -> None:
    board = FavouritesBoard([ANNA, PER, WARD])
    board.line_changed("1002", LineState.BUSY, NOW - timedelta(seconds=2))
    board.line_changed("1003", LineState.IDLE, NOW - timedelta(hours=2))  # stale: no lamp
    lunch = Referral(entry_id=1, code="lunch", until=datetime(2026, 11, 23, 13, tzinfo=STOCKHOLM))
    rows = board.rows(NOW, STOCKHOLM, "sv", referrals={1: lunch}, codes=DEFAULT_CODES)
    assert [(r.favourite.name, r.line, r.text, r.conflict) for r in rows] == [
        ("Anna Berg", LineState.BUSY, "Lunch till 13.00 · i telefon nu", True),
        ("Per Holm", LineState.UNKNOWN, "", False),
        ("Ward 12", LineState.UNKNOWN, "", False),
    ]
