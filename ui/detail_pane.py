"""The selected entry in full: every number, unit path, referral status and notes, all as plain text.

Title, numbers, unit, location and e-mail are one line each, cut with "…" to the pane's width (an address of
60 characters never widens the pane, which would cut everything beside it with no sign); the whole value is
in the tooltip, for screen readers and on the clipboard. Keywords, About and the notes wrap.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from directory.model import Entry, Note, NumberKind
from directory.number_display import NumberDisplay
from ui.elided_label import ElidedLabel


def plain_label(text: str = "", *, selectable: bool = True) -> QLabel:
    """A label that can never interpret its text as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def value_label(text: str = "", mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> ElidedLabel:
    """One value, plain text, cut to fit with "…"; selectable, and copied whole."""
    return ElidedLabel(text, mode=mode, selectable=True)


class DetailPane(QFrame):
    """Shows one entry; `show_entry(None)` shows the hint for an empty selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(300)
        self.numbers = NumberDisplay()  # how numbers are shown; the window sets the organisation's
        self._name = plain_label()
        self._name.setObjectName("entryName")
        font = self._name.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._name.setFont(font)
        self._title = value_label()
        self._title.setObjectName("entryTitle")
        self._hint = plain_label(self.tr("Type a name, unit, title or number to search."), selectable=False)
        self._status = plain_label()
        self._status.setObjectName("statusLabel")
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._notes_header = plain_label(self.tr("Notes"), selectable=False)
        self._notes_header.setStyleSheet("font-weight: bold")
        self._notes = plain_label()
        self._sources = plain_label()
        self._sources.setObjectName("presenceSources")
        self._read_out = plain_label()
        self._read_out.setObjectName("readOut")
        self._history_header = plain_label(self.tr("Referral history"), selectable=False)
        self._history_header.setStyleSheet("font-weight: bold")
        self._history = plain_label()
        self._calendar_header = plain_label(self.tr("Calendar"), selectable=False)
        self._calendar_header.setStyleSheet("font-weight: bold")
        self._calendar = plain_label()
        layout = QVBoxLayout(self)
        for widget in (self._name, self._title, self._hint, self._status, self._sources, self._read_out):
            layout.addWidget(widget)
        layout.addLayout(self._form)
        layout.addWidget(self._notes_header)
        layout.addWidget(self._notes)
        layout.addWidget(self._calendar_header)
        layout.addWidget(self._calendar)
        layout.addWidget(self._history_header)
        layout.addWidget(self._history)
        layout.addStretch(1)
        self.show_entry(None)

    def _show_calendar(self, calendar: tuple[list[str], list[str], str] | None) -> None:
        self._calendar_header.setVisible(calendar is not None)
        self._calendar.setVisible(calendar is not None)
        if calendar is None:
            self._calendar.clear()
            return
        today, tomorrow, age = calendar
        free = self.tr("free")
        self._calendar.setText(self.tr("Today: %1").replace("%1", "; ".join(today) or free) + "\n"
                               + self.tr("Tomorrow: %1").replace("%1", "; ".join(tomorrow) or free)
                               + "\n(" + age + ")")

    def number_kind_name(self, kind: NumberKind) -> str:
        names = {
            NumberKind.WORK: self.tr("Work"), NumberKind.SWITCH: self.tr("Switchboard"),
            NumberKind.MOBILE: self.tr("Mobile"), NumberKind.DECT: self.tr("DECT"),
            NumberKind.PAGER: self.tr("Pager"), NumberKind.FAX: self.tr("Fax"), NumberKind.OTHER: self.tr("Other"),
        }
        return names[kind]

    def show_entry(self, entry: Entry | None, status: str = "", notes: list[Note] | None = None, *,
                   read_out: str = "", history: str = "",
                   calendar: tuple[list[str], list[str], str] | None = None, sources: list[str] | None = None) -> None:
        """``read_out`` is the sentence for the caller; ``history`` the referral audit; ``calendar`` today's and
        tomorrow's busy blocks as lines and how old they are (None: no calendar known); ``sources`` what each
        presence source says, with its age, when more than one speaks or they disagree. All plain text."""
        sources = sources or []
        self._sources.setText("\n".join(sources))
        self._sources.setVisible(len(sources) > 1)
        self._show_calendar(calendar)
        self._read_out.setText(read_out)
        self._read_out.setVisible(bool(read_out))
        self._history.setText(history)
        self._history_header.setVisible(bool(history))
        self._history.setVisible(bool(history))
        while self._form.rowCount():
            self._form.removeRow(0)
        if entry is None:
            self._name.setText(self.tr("No one selected"))
            self._title.setText("")
            self._title.hide()
            self._hint.show()
            self._status.clear()
            self._notes_header.hide()
            self._notes.clear()
            return
        self._name.setText(entry.display_name)
        self._title.setText(entry.title)
        self._title.setVisible(bool(entry.title))
        self._hint.hide()
        self._status.setText(status)
        self._status.setVisible(bool(status))
        for number in entry.numbers:
            self._form.addRow(plain_label(self.number_kind_name(number.kind), selectable=False),
                              value_label(self.numbers.number(number.raw)))
        if entry.unit_path:
            # Cut in the middle: the top of the organisation and the entry's own unit stay in view.
            self._form.addRow(plain_label(self.tr("Unit"), selectable=False),
                              value_label(" › ".join(entry.unit_path), Qt.TextElideMode.ElideMiddle))
        for label, value in ((self.tr("Location"), entry.location), (self.tr("E-mail"), entry.email)):
            if value:
                self._form.addRow(plain_label(label, selectable=False), value_label(value))
        for label, value in ((self.tr("Keywords"), ", ".join(entry.keywords)), (self.tr("About"), entry.description)):
            if value:
                self._form.addRow(plain_label(label, selectable=False), plain_label(value))
        notes = notes or []
        self._notes_header.setVisible(bool(notes))
        self._notes.setText("\n".join(f"• {note.text}" for note in notes))
