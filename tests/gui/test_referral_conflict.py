"""The box shown when another operator changed a person's referrals while this one decided: it says who
changed what and when, in the operator's language, and keeps theirs unless told to overwrite."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from directory.model import Referral
from directory.store.audit import AuditRecord
from ui.referral_conflict import ConflictChoice, ReferralConflictDialog, ask_referral_conflict
from ui.referral_text import ReferralText

pytestmark = pytest.mark.gui
OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2026, 12, 5, 10, 5, tzinfo=UTC)
LUNCH = Referral(7, "lunch", "Lunch", until=datetime(2026, 12, 5, 12, 0, tzinfo=UTC), set_by="Eva Lund")


def _set_by_eva(action: str = "set") -> AuditRecord:
    return AuditRecord(7, action, "Eva Lund", "pc-2", datetime(2026, 12, 5, 10, 2, tzinfo=UTC), (), LUNCH, 3)


def test_it_says_who_set_what_and_when_and_keeps_theirs_on_escape(qtbot: QtBot) -> None:
    chosen: list[ConflictChoice] = []
    text = ReferralText(OSLO)
    dialog = ask_referral_conflict(None, "Per Holm", _set_by_eva(), mine="Meeting", text=text, now=NOW,
                                   then=chosen.append)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Changed meanwhile: Per Holm"
    assert dialog.text() == "Eva Lund set “Lunch until today 13:00” at 11:02."
    assert dialog.informativeText() == "Yours: Meeting"
    assert dialog.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert chosen == [ConflictChoice.KEEP_THEIRS]


def test_overwrite_is_a_choice_of_its_own(qtbot: QtBot) -> None:
    chosen: list[ConflictChoice] = []
    dialog = ask_referral_conflict(None, "Per Holm", None, mine="Meeting", text=ReferralText(OSLO), now=NOW,
                                   then=chosen.append)
    qtbot.addWidget(dialog)
    assert dialog.text() == "Another operator changed this referral meanwhile."
    dialog.overwrite_button.click()
    assert chosen == [ConflictChoice.OVERWRITE]


def test_a_clear_and_another_day_in_norwegian_and_swedish(qtbot: QtBot, translated: Callable[[str], None]) -> None:
    cleared = AuditRecord(7, "clear", "Eva Lund", "pc-2", NOW - timedelta(days=1), (LUNCH,), None, 4)
    translated("nb")
    dialog = ReferralConflictDialog(None, "Per Holm", cleared, mine="Møte", text=ReferralText(OSLO), now=NOW)
    qtbot.addWidget(dialog)
    assert dialog.text().startswith("Eva Lund fjernet «Lunch")
    assert dialog.overwrite_button.text() == "&Overskriv med min"
    translated("sv")
    dialog = ReferralConflictDialog(None, "Per Holm", _set_by_eva(), mine="Möte", text=ReferralText(OSLO), now=NOW)
    qtbot.addWidget(dialog)
    assert dialog.text() == "Eva Lund satte ”Lunch till i dag 13:00” kl. 11:02."
    assert dialog.keep_button.text() == "&Behåll den andras"
