"""The referral dialog driven from the keyboard: type-ahead code, live return time, Enter sets, Esc cancels."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from directory.model import Referral
from directory.referrals import DEFAULT_CODES, merge_codes
from ui.referral_dialog import ClearReferral, ReferralDialog

pytestmark = pytest.mark.gui

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 20, 12, 5, tzinfo=STOCKHOLM)  # Friday


@pytest.fixture(autouse=True)
def _english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(previous)


def open_dialog(qtbot: QtBot, current: Referral | None = None, codes: object = DEFAULT_CODES) -> ReferralDialog:
    dialog = ReferralDialog(7, "Anna <b>Berg</b>", codes, zone=STOCKHOLM, language="en",  # type: ignore[arg-type]
                            set_by="Operator One", current=current, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_code_enter_sets_with_the_codes_default(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "lu")
    assert dialog.selected_code() is DEFAULT_CODES["lunch"]
    assert dialog.until_result.text() == "empty: back today 12:35"
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value == Referral(7, "lunch", "Lunch", until=NOW + timedelta(minutes=30), set_by="Operator One")


def test_every_field_from_the_keyboard(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "meet")
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.until_field
    qtbot.keyClicks(dialog.until_field, "14:30")
    assert dialog.until_result.text() == "back today 14:30 (in 2 h 25 min)"
    qtbot.keyClick(dialog.until_field, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.alternative_field, "the ward, 019-602 10 00")
    qtbot.keyClick(dialog.alternative_field, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.comment_field, "board meeting")
    qtbot.keyClick(dialog.comment_field, Qt.Key.Key_Return)
    assert dialog.value == Referral(7, "meeting", "Meeting", until=datetime(2026, 11, 20, 14, 30, tzinfo=STOCKHOLM),
                                    alternative="the ward, 019-602 10 00", comment="board meeting",
                                    set_by="Operator One")


def test_meeting_default_is_the_next_working_day(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "meeting")
    assert dialog.until_result.text() == "empty: back Mon 23 Nov 08:00"


def test_type_ahead_filters_and_arrows_move(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "le")  # "Leave of absence" first by prefix; "Parental leave" also matches
    visible = [dialog.code_list.item(r).text() for r in range(dialog.code_list.count())
               if not dialog.code_list.item(r).isHidden()]
    assert visible == ["Parental leave", "Leave of absence"]
    assert dialog.selected_code() is DEFAULT_CODES["leave"]
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Up)
    assert dialog.selected_code() is DEFAULT_CODES["parental_leave"]
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Up)  # stays at the top
    assert dialog.selected_code() is DEFAULT_CODES["parental_leave"]
    qtbot.keyClicks(dialog.code_field, "zzz")
    assert dialog.selected_code() is None
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Choose a referral code from the list."


def test_invalid_return_time_is_explained_and_nothing_is_set(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "lunch")
    qtbot.keyClicks(dialog.until_field, "soon")
    assert dialog.until_result.text() == "“soon” is not a time, date, weekday or duration."
    qtbot.keyClick(dialog.until_field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.value is None
    assert "soon" in dialog.error_label.text()
    dialog.until_field.setText("today 9")
    assert dialog.until_result.text() == "2026-11-20 09:00 has already passed."


def test_required_return_time(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "vac")
    assert dialog.until_result.text() == "Vacation needs a return time."
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)
    assert dialog.value is None
    assert dialog.error_label.text() == "Vacation needs a return time."


def test_scheduled_vacation_next_week(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "vac")
    qtbot.keyClicks(dialog.until_field, "30/11")
    qtbot.keyClicks(dialog.start_field, "next week")
    assert dialog.start_result.text() == "from Mon 23 Nov 00:00"
    qtbot.keyClick(dialog.start_field, Qt.Key.Key_Enter)
    assert isinstance(dialog.value, Referral)
    assert dialog.value.starts_at == datetime(2026, 11, 23, 0, 0, tzinfo=STOCKHOLM)
    assert dialog.value.until == datetime(2026, 11, 30, 8, 0, tzinfo=STOCKHOLM)


def test_alternative_prefilled_from_the_code_unless_edited(qtbot: QtBot) -> None:
    codes = merge_codes(DEFAULT_CODES, {"lunch": {"alternative_value": "019-602 10 00"}})
    dialog = open_dialog(qtbot, codes=codes)
    qtbot.keyClicks(dialog.code_field, "lunch")
    assert dialog.alternative_field.text() == "019-602 10 00"
    qtbot.keyClicks(dialog.code_field, "x")
    dialog.code_field.clear()
    qtbot.keyClicks(dialog.code_field, "sick")
    assert dialog.alternative_field.text() == ""
    assert dialog.alternative_field.placeholderText() == "Empty: the switchboard helps the caller"
    qtbot.keyClicks(dialog.alternative_field, "Eva Ek")
    dialog.code_field.clear()
    qtbot.keyClicks(dialog.code_field, "lunch")
    assert dialog.alternative_field.text() == "Eva Ek"


def test_swedish_labels_found_without_accents(qtbot: QtBot) -> None:
    dialog = ReferralDialog(7, "Anna Berg", DEFAULT_CODES, zone=STOCKHOLM, language="sv", set_by="Op",
                            clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code_field, "mote")
    assert dialog.selected_code() is DEFAULT_CODES["meeting"]
    dialog.code_field.clear()
    qtbot.keyClicks(dialog.code_field, "stor")
    assert dialog.selected_code() is DEFAULT_CODES["dnd"]
    dialog.code_field.clear()
    qtbot.keyClicks(dialog.code_field, "vacation")  # the code key works in any interface language
    assert dialog.selected_code() is DEFAULT_CODES["vacation"]
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "Semester needs a return time."  # untranslated in tests


def test_escape_cancels(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.code_field, "lunch")
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.value is None


def test_clear_the_current_referral(qtbot: QtBot) -> None:
    current = Referral(7, "meeting", "Meeting", until=datetime(2026, 11, 20, 14, 30, tzinfo=STOCKHOLM),
                       alternative="<i>Eva</i>")
    dialog = open_dialog(qtbot, current=current)
    assert dialog.selected_code() is DEFAULT_CODES["meeting"]  # editing starts from what is set
    assert dialog.until_field.text() == "14:30"
    assert dialog.current_label.text() == "Now: Meeting until today 14:30 · <i>Eva</i>"
    assert dialog.current_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.windowTitle() == "Referral for Anna <b>Berg</b>"
    dialog.comment_field.setFocus()
    qtbot.keyClicks(dialog.comment_field, "abc")
    qtbot.keyClick(dialog.comment_field, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.comment_field, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert dialog.comment_field.text() == "abc"  # the shortcut, not "delete word"
    assert dialog.value == ClearReferral(7)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_changing_the_return_time_starts_from_what_is_set(qtbot: QtBot) -> None:
    current = Referral(7, "vacation", "Vacation", until=datetime(2026, 11, 30, 8, tzinfo=STOCKHOLM),
                       alternative="Eva Ek", comment="Thailand")
    dialog = open_dialog(qtbot, current=current)
    assert dialog.until_field.text() == "30/11 08:00"
    assert dialog.until_result.text() == "back Mon 30 Nov 08:00 (in 10 day(s))"
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Tab)
    dialog.until_field.selectAll()
    qtbot.keyClicks(dialog.until_field, "2/12")
    qtbot.keyClick(dialog.until_field, Qt.Key.Key_Return)
    assert dialog.value == Referral(7, "vacation", "Vacation", until=datetime(2026, 12, 2, 8, tzinfo=STOCKHOLM),
                                    alternative="Eva Ek", comment="Thailand", set_by="Operator One")


def test_nothing_to_clear(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert not dialog.clear_button.isEnabled()
    qtbot.keyClick(dialog.code_field, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert dialog.value is None
