"""The favourites list model: model tester, roles, and only changed rows signalled."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from directory.model import Referral
from directory.presence import Favourite, FavouritesBoard, LineState
from directory.referrals import DEFAULT_CODES
from ui.favourites_model import CONFLICT_ROLE, ENTRY_ID_ROLE, LAMP_ROLE, STATUS_ROLE, FavouritesModel

pytestmark = pytest.mark.gui
STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 23, 12, 10, tzinfo=STOCKHOLM)
LUNCH = {1: Referral(entry_id=1, code="lunch", until=datetime(2026, 11, 23, 13, tzinfo=STOCKHOLM))}


def board() -> FavouritesBoard:
    return FavouritesBoard([Favourite(1, "Anna Berg", "1002"), Favourite(2, "Per Holm", "1003"),
                            Favourite(3, "Ward 12")])


def test_rows_roles_and_model_tester(qtmodeltester: ModelTester) -> None:
    lamps = board()
    lamps.line_changed("1002", LineState.BUSY, NOW)
    model = FavouritesModel()
    model.set_rows(lamps.rows(NOW, STOCKHOLM, "en", referrals=LUNCH, codes=DEFAULT_CODES))
    qtmodeltester.check(model)
    first = model.index(0)
    assert first.data() == "Anna Berg – Lunch until 13:00 · on the phone now"
    assert first.data(LAMP_ROLE) == LineState.BUSY
    assert first.data(STATUS_ROLE) == "Lunch until 13:00 · on the phone now"
    assert first.data(CONFLICT_ROLE) is True
    assert first.data(ENTRY_ID_ROLE) == 1
    assert model.index(2).data() == "Ward 12"
    assert model.index(2).data(LAMP_ROLE) == LineState.UNKNOWN


def test_only_changed_rows_are_signalled_and_new_membership_resets(qtbot: QtBot) -> None:
    lamps = board()
    model = FavouritesModel()
    model.set_rows(lamps.rows(NOW, STOCKHOLM))
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=None: changed.append(top.row()))
    lamps.line_changed("1003", LineState.RINGING, NOW)
    model.set_rows(lamps.rows(NOW + timedelta(seconds=1), STOCKHOLM))
    assert changed == [1]
    assert model.index(1).data(STATUS_ROLE) == "Ringing"
    model.set_rows(lamps.rows(NOW + timedelta(seconds=2), STOCKHOLM))
    assert changed == [1]
    lamps.move(3, 0)
    with qtbot.waitSignal(model.modelReset, timeout=100):
        model.set_rows(lamps.rows(NOW, STOCKHOLM))
    assert model.index(0).data() == "Ward 12"
