"""Consulting someone with a referral offers its alternative, with the referral text visible as plain text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.calls.desk_wiring import _target
from directory.model import Entry, EntryKind, PhoneNumber, Referral
from directory.search import SearchIndex
from softphone.desk.records import Stage
from tests.gui.test_desk_panels import Rig
from ui.desk_model import DeskList
from ui.main_window import MainWindow
from ui.referral_target_dialog import ReferralOffer, ReferralTargetDialog, Target, choose_referral_target
from ui.results_model import ResultRow

pytestmark = pytest.mark.gui

HOSTILE = "<b>Lunch</b> until 13:00 · <a href='x'>ask Eva</a>"
OFFER = ReferralOffer(("2101", "Anna Berg"), ("2345", "Eva Lind"), HOSTILE)


def test_the_dialog_shows_the_referral_as_plain_text_and_defaults_to_the_alternative(qtbot: QtBot) -> None:
    dialog = ReferralTargetDialog(OFFER)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "referralText")
    assert label is not None
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert label.text() == HOSTILE
    assert "Eva Lind, 2345" in dialog.alternative_button.text()
    assert dialog.alternative_button.isDefault()
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.chosen == ("2345", "Eva Lind")


@pytest.mark.parametrize(("key", "expected"), [(Qt.Key.Key_1, ("2345", "Eva Lind")),
                                                (Qt.Key.Key_2, ("2101", "Anna Berg")),
                                                (Qt.Key.Key_Escape, None)])
def test_consulting_someone_with_a_referral_lets_the_operator_pick(
        qtbot: QtBot, key: Qt.Key, expected: tuple[str, str] | None) -> None:
    rig = Rig(qtbot)
    rig.target = OFFER  # type: ignore[assignment]
    opened: list[ReferralTargetDialog] = []

    def choose(offer: ReferralOffer, parent: QWidget | None, then: Callable[[Target], object]) -> object:
        opened.append(choose_referral_target(offer, parent, then))  # the window's own chooser
        return opened[-1]
    rig.panels._choose = choose
    call_id = rig.ring("", "+4670111")
    rig.bridge.answer(call_id)
    rig.phone.pump()
    rig.panels.consult()  # returns at once, the choice open: it answers through a signal
    assert len(opened) == 1
    dialog = opened[0]
    dialog.activateWindow()  # its 1 and 2 are window shortcuts, as for the operator
    qtbot.waitUntil(dialog.isActiveWindow, timeout=15_000)
    QTest.keyClick(dialog, key)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    rig.phone.pump()
    if expected is None:
        assert rig.desk.call(call_id).stage is Stage.ACTIVE
        return
    assert rig.desk.call(call_id).stage is Stage.CONSULTING
    assert rig.rows(DeskList.CONSULTATIONS, 1) == [expected[1]]
    leg = rig.desk.call(call_id).consultation
    assert leg is not None
    assert rig.phone.call(leg.call_id).remote.uri == f"sip:{expected[0]}@example.com"


def _console(entries: list[Entry], referrals: dict[int, Referral]) -> Any:
    return SimpleNamespace(index=SearchIndex(entries), referrals=referrals)


def test_the_selected_entry_with_a_referral_becomes_an_offer(qtbot: QtBot) -> None:
    anna = Entry("t", "1", EntryKind.PERSON, "Anna Berg", id=1, numbers=(PhoneNumber("21 01"),))
    eva = Entry("t", "2", EntryKind.PERSON, "Eva Lind", id=2, numbers=(PhoneNumber("019-602 23 45"),))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_results([ResultRow(anna)])
    window.results.setCurrentIndex(window.model.index(0, 0))
    until = datetime.now(UTC) + timedelta(hours=1)
    by_name = Referral(1, "lunch", "Lunch", until=until, alternative="Eva Lind", comment="back soon")
    offer = _target(window, cast(Any, _console([anna, eva], {1: by_name})))
    assert isinstance(offer, ReferralOffer)
    assert offer.person == ("2101", "Anna Berg")
    assert offer.alternative == ("0196022345", "Eva Lind")
    assert offer.referral.startswith("Lunch until ")
    assert offer.referral.endswith(" · back soon")

    by_number = Referral(1, "meeting", "Meeting", alternative="the lab, 019-602 10 00")
    offer = _target(window, cast(Any, _console([anna, eva], {1: by_number})))
    assert isinstance(offer, ReferralOffer)
    assert offer.alternative == ("0196021000", "the lab")

    words_only = Referral(1, "meeting", "Meeting", alternative="the ward")
    assert _target(window, cast(Any, _console([anna, eva], {1: words_only}))) == ("2101", "Anna Berg")
    ended = Referral(1, "lunch", "Lunch", until=datetime.now(UTC) - timedelta(minutes=1), alternative="2345")
    assert _target(window, cast(Any, _console([anna, eva], {1: ended}))) == ("2101", "Anna Berg")
