"""The results' Status column at 1366x768 in the operator layout: a lamp beside the words, told by shape,
and the words whole (Title and Unit elide, or give way to the name), in English, Swedish and Norwegian."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from directory.model import Entry, EntryKind, PhoneNumber
from ui.layouts import OPERATOR, apply_layout
from ui.main_window import MainWindow
from ui.results_model import NAME, NUMBER, STATUS, TITLE, UNIT, ResultRow, ResultsModel
from ui.status_lamp import StatusKind, lamp_size, status_lamp

pytestmark = pytest.mark.gui

STATUSES = [
    ("Course/conference until Mon 08:00", StatusKind.AWAY),
    ("Lunch until 13:00 · on the phone", StatusKind.LINE_BUSY),
    ("Kurs/konferens till mån 08:00", StatusKind.AWAY),
    ("Lunch till 13:00 · i telefon", StatusKind.LINE_BUSY),
    ("Kurs/konferanse til man. 08:00", StatusKind.AWAY),
    ("Lunsj til 13:00 · i telefonen", StatusKind.LINE_BUSY),
]


def person(number: int, status: str, kind: StatusKind) -> ResultRow:
    entry = Entry("t", str(number), EntryKind.PERSON, f"Camilla Kowalski {number}", title="Medicinsk sekreterare",
                  unit_path=("Region", "Hjärtintensiven"), numbers=(PhoneNumber(f"019-602 70 1{number}"),),
                  id=number)
    return ResultRow(entry, {}, status, kind)


def laptop_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    phone = QLabel("phone")
    phone.setMinimumWidth(480)  # the phone dock's width at 1366x768 (docs/themes/operator-light-1366x768.png)
    window.add_phone_panel(phone)
    window.resize(1366, 768)
    apply_layout(window, OPERATOR)
    window.show()
    qtbot.waitExposed(window)
    return window


def text_width(window: MainWindow, row: int, column: int) -> int:
    """The room the style leaves the cell's words, beside its lamp."""
    view = window.results
    index = window.model.index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.font = view.font()
    delegate = view.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    return view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()


@pytest.mark.parametrize(("status", "kind"), STATUSES)
def test_a_long_status_reads_whole_beside_its_lamp_at_1366x768(qtbot: QtBot, status: str, kind: StatusKind) -> None:
    window = laptop_window(qtbot)
    window.show_results([person(1, status, kind), person(2, "", StatusKind.NONE)])
    view = window.results
    words = view.fontMetrics().horizontalAdvance(status)
    qtbot.waitUntil(lambda: view.columnWidth(STATUS) >= words + lamp_size())
    assert text_width(window, 0, STATUS) >= words + 2  # the words' own margins: nothing ends in "…"
    assert view.columnWidth(NUMBER) >= view.fontMetrics().horizontalAdvance("019-602 70 11")
    assert sum(view.columnWidth(c) for c in range(5)) <= view.viewport().width() + 1  # nothing scrolls sideways
    assert window.model.index(0, STATUS).data(Qt.ItemDataRole.ToolTipRole) == status


def test_the_status_column_gives_back_its_room_when_no_status_is_long(qtbot: QtBot) -> None:
    window = laptop_window(qtbot)
    window.show_results([person(1, STATUSES[0][0], STATUSES[0][1])])
    wide = window.results.columnWidth(STATUS)
    window.show_results([person(2, "", StatusKind.NONE)])
    assert window.results.columnWidth(STATUS) < wide


def test_the_name_keeps_its_room_and_title_and_unit_give_way_on_a_laptop(qtbot: QtBot) -> None:
    window = laptop_window(qtbot)
    view = window.results
    window.show_results([person(1, STATUSES[0][0], STATUSES[0][1])])
    qtbot.waitUntil(lambda: view.isColumnHidden(TITLE))
    assert text_width(window, 0, NAME) >= view.fontMetrics().horizontalAdvance("Camilla Kowalski 1")  # whole
    window.show_results([person(2, "", StatusKind.NONE)])  # no long status: room for them again
    qtbot.waitUntil(lambda: not view.isColumnHidden(TITLE) and not view.isColumnHidden(UNIT))
    long_names = [dataclasses.replace(person(n, STATUSES[0][0], STATUSES[0][1]),
                                      entry=dataclasses.replace(person(n, "", StatusKind.NONE).entry,
                                                                display_name=f"Anna-Karin Lindqvist {n}"))
                  for n in (1, 2)]
    window.show_results(long_names)  # long names beside a long status: the unit gives way too, the names read whole
    qtbot.waitUntil(lambda: view.isColumnHidden(TITLE) and view.isColumnHidden(UNIT))
    assert text_width(window, 0, NAME) >= view.fontMetrics().horizontalAdvance("Anna-Karin Lindqvist 1")
    window.show_results([person(1, STATUSES[0][0], STATUSES[0][1])])
    window.resize(1920, 1080)  # a desktop screen: every column, and the name its room
    qtbot.waitUntil(lambda: not view.isColumnHidden(TITLE) and not view.isColumnHidden(UNIT))
    assert view.columnWidth(NAME) >= min(view.sizeHintForColumn(NAME), int(0.30 * view.viewport().width()))


def test_each_kind_has_its_own_lamp_and_none_has_none(qtbot: QtBot) -> None:
    model = ResultsModel()
    model.set_rows([person(1, "Lunch until 13:00", StatusKind.AWAY),
                    person(2, "On the phone", StatusKind.LINE_BUSY), person(3, "", StatusKind.NONE)])
    away, busy = (model.index(row, STATUS).data(Qt.ItemDataRole.DecorationRole) for row in (0, 1))
    assert isinstance(away, QPixmap)
    assert isinstance(busy, QPixmap)
    assert away.toImage() != busy.toImage()
    assert model.index(2, STATUS).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(0, NUMBER).data(Qt.ItemDataRole.DecorationRole) is None
    for dark in (False, True):  # the shape tells the kind: a diamond's corners are empty, a square's are not
        lamps = [status_lamp(kind, dark) for kind in (StatusKind.AWAY, StatusKind.LINE_BUSY)]
        diamond, square = (lamp.toImage() for lamp in lamps if lamp is not None)
        middle = (diamond.width() // 2, diamond.height() // 2)
        assert diamond.pixelColor(1, 1).alpha() == 0
        assert diamond.pixelColor(*middle).alpha() == 255
        assert square.pixelColor(2, 2).alpha() == 255


def test_a_selected_rows_lamp_keeps_its_colours(qtbot: QtBot) -> None:
    window = laptop_window(qtbot)
    window.show_results([person(1, STATUSES[0][0], STATUSES[0][1])])  # the first row is selected
    index = window.model.index(0, STATUS)
    lamp = index.data(Qt.ItemDataRole.DecorationRole)
    option = QStyleOptionViewItem()
    delegate = window.results.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    assert option.decorationSize == lamp.deviceIndependentSize().toSize()
    selected = option.icon.pixmap(option.decorationSize, QIcon.Mode.Selected)
    assert selected.toImage() == lamp.toImage()


def test_a_long_status_scrolled_into_view_reads_whole_too(qtbot: QtBot) -> None:
    """The columns are fitted to the rows in view (the results lay out at every keystroke); a row scrolled
    into view later has its status read whole as well."""
    window = laptop_window(qtbot)
    status, kind = STATUSES[0]
    rows = [person(n % 9, "", StatusKind.NONE) for n in range(49)] + [person(9, status, kind)]
    window.show_results(rows)
    view = window.results
    words = view.fontMetrics().horizontalAdvance(status)
    assert view.columnWidth(STATUS) < words  # out of view: not fitted yet
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.columnWidth(STATUS) >= words + lamp_size())
    assert text_width(window, 49, STATUS) >= words + 2
