"""Setting or clearing one person's referral in a few keystrokes.

Type to pick the code (Up/Down move in the list), Tab to the return time (parsed as you type, the result
shown beside it), alternative (prefilled from the code), comment and an optional start; Enter sets, Esc
cancels, Ctrl+Delete clears the current referral. The dialog only returns a value (`value`): a `Referral`
to set or a `ClearReferral` intent. It never touches the store.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from directory.model import Referral
from directory.referrals import (
    AlternativeKind,
    ReferralCode,
    ReferralError,
    ReferralProblem,
    WhenError,
    WorkingDays,
    build_referral,
    default_until,
    parse_when,
)
from ui.referral_text import ReferralText

CODE_ROLE = Qt.ItemDataRole.UserRole
START_OF_DAY = time(0, 0)
CLEAR_KEYS = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Delete)


@dataclass(frozen=True, slots=True)
class ClearReferral:
    """The operator asked to clear the referrals in force for ``entry_id``."""

    entry_id: int


def _fold(text: str) -> str:
    """Case and accents away, so "mote" finds "Möte" (ø and æ have no decomposition and stay)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ReferralDialog(QDialog):
    """A modal dialog; after ``exec()`` returns Accepted, ``value`` holds what the operator chose."""

    def __init__(self, entry_id: int, name: str, codes: Mapping[str, ReferralCode], *, zone: ZoneInfo,
                 language: str, set_by: str, current: Referral | None = None, workdays: WorkingDays | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralDialog")
        self.entry_id, self.zone, self.language, self.set_by = entry_id, zone, language, set_by
        self.codes = {key: code for key, code in codes.items() if code.enabled}
        self.workdays, self.clock = workdays or WorkingDays(), clock
        self.text = ReferralText(zone, self)
        self.value: Referral | ClearReferral | None = None
        self._alternative_edited = False
        self.setWindowTitle(self.tr("Referral for %1").replace("%1", name))

        self.current_label = _plain()
        self.current_label.setObjectName("currentReferral")
        self.current_label.setVisible(current is not None)
        if current is not None:
            self.current_label.setText(self.tr("Now: %1").replace("%1", self.text.summary(current, clock())))

        self.code_field = self._field("codeField", self.tr("Type to choose: lunch, meeting, …"))
        self.code_list = QListWidget()
        self.code_list.setObjectName("codeList")
        self.code_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.code_list.setMinimumHeight(self.code_list.fontMetrics().height() * 9)
        for key, code in self.codes.items():
            item = QListWidgetItem(code.label.get(language))
            item.setData(CODE_ROLE, key)
            self.code_list.addItem(item)
        self.until_field = self._field("untilField", self.tr("13, 13:30, tomorrow 8, fri 12, 2/12, +30"))
        self.until_result = self._result("untilResult")
        self.alternative_field = self._field("alternativeField", "")
        self.comment_field = self._field("commentField", "")
        self.start_field = self._field("startField", self.tr("Now; or e.g. next week, mon, 2/12"))
        self.start_result = self._result("startResult")
        self.error_label = _plain()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #a4262c;")

        form = QFormLayout()
        form.addRow(self.tr("&Code"), self.code_field)
        form.addRow("", self.code_list)
        form.addRow(self.tr("&Back"), self.until_field)
        form.addRow("", self.until_result)
        form.addRow(self.tr("&Alternative"), self.alternative_field)
        form.addRow(self.tr("Co&mment"), self.comment_field)
        form.addRow(self.tr("&Starts"), self.start_field)
        form.addRow("", self.start_result)
        for row_label in (form.labelForField(w) for w in (self.code_field, self.until_field, self.alternative_field,
                                                          self.comment_field, self.start_field)):
            if isinstance(row_label, QLabel):
                row_label.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QDialogButtonBox()
        self.set_button = buttons.addButton(self.tr("Set referral"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.set_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("Clear referral"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setEnabled(current is not None)
        self.clear_button.setToolTip(QKeySequence(CLEAR_KEYS).toString(QKeySequence.SequenceFormat.NativeText))
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.clear_button.clicked.connect(self.clear_current)
        QShortcut(QKeySequence(CLEAR_KEYS), self, self.clear_current)

        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.code_field.textChanged.connect(self._on_code_field_text_changed)
        for field in (self.code_field, self.until_field, self.alternative_field, self.comment_field, self.start_field):
            field.installEventFilter(self)
        self.code_list.currentItemChanged.connect(self._on_code_list_current_item_changed)
        self.until_field.textChanged.connect(self._update_results)
        self.start_field.textChanged.connect(self._update_results)
        self.alternative_field.textEdited.connect(self._on_alternative_field_text_edited)
        if current is not None and current.code in self.codes:
            self._start_from(current)
        else:
            self.code_list.setCurrentRow(0)
        self.code_field.setFocus()
        self.resize(460, 0)

    def _start_from(self, current: Referral) -> None:
        """Editing starts from what is set, so "new return time" is Tab, the time, Enter."""
        self._select_code(current.code)
        if current.until is not None:
            local, today = current.until.astimezone(self.zone), self.clock().astimezone(self.zone).date()
            day = "" if local.date() == today else f"{local.day}/{local.month} "
            self.until_field.setText(f"{day}{local:%H:%M}")  # a form the parser reads back
        self.alternative_field.setText(current.alternative)
        self._alternative_edited = True
        self.comment_field.setText(current.comment)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _result(self, name: str) -> QLabel:
        label = _plain()
        label.setObjectName(name)
        label.setStyleSheet("color: palette(placeholder-text);")
        return label

    # --- code: type-ahead over the labels -----------------------------------------------------------
    def selected_code(self) -> ReferralCode | None:
        item = self.code_list.currentItem()
        return self.codes.get(item.data(CODE_ROLE)) if item is not None and not item.isHidden() else None

    def _select_code(self, key: str) -> None:
        for row in range(self.code_list.count()):
            if self.code_list.item(row).data(CODE_ROLE) == key:
                self.code_list.setCurrentRow(row)

    def _on_code_field_text_changed(self, text: str) -> None:
        typed = _fold(text.strip())
        first_prefix = first_match = None
        for row in range(self.code_list.count()):
            item = self.code_list.item(row)
            label, key = _fold(item.text()), str(item.data(CODE_ROLE)).casefold()
            matches = not typed or typed in label or key.startswith(typed)
            item.setHidden(not matches)
            if matches and first_match is None:
                first_match = row
            if matches and first_prefix is None and (label.startswith(typed) or key.startswith(typed)):
                first_prefix = row
        chosen = first_prefix if first_prefix is not None else first_match
        if chosen is None:
            self.code_list.setCurrentRow(-1)
        else:
            self.code_list.setCurrentRow(chosen)
        self._update_results()

    def _move_code(self, step: int) -> None:
        visible = [row for row in range(self.code_list.count()) if not self.code_list.item(row).isHidden()]
        if not visible:
            return
        current = self.code_list.currentRow()
        position = visible.index(current) + step if current in visible else 0
        self.code_list.setCurrentRow(visible[min(max(position, 0), len(visible) - 1)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent)
                and event.keyCombination().toCombined() == CLEAR_KEYS.toCombined()):
            # A line edit would take Ctrl+Delete as "delete word"; here it clears the referral.
            if event.type() == QEvent.Type.KeyPress:
                self.clear_current()
            return True
        if watched is self.code_field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
            if event.key() in steps:
                self._move_code(steps[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    def _on_code_list_current_item_changed(self, *_items: object) -> None:
        code = self.selected_code()
        if code is not None and not self._alternative_edited:
            self.alternative_field.setText(code.alternative_value)
        placeholders = {
            AlternativeKind.NUMBER: self.tr("A number to call instead"),
            AlternativeKind.PERSON: self.tr("A colleague to put callers through to"),
            AlternativeKind.UNIT: self.tr("A unit, and its number"),
            AlternativeKind.SWITCHBOARD: self.tr("Empty: the switchboard helps the caller"),
        }
        self.alternative_field.setPlaceholderText(placeholders[code.alternative] if code is not None else "")
        self._update_results()

    def _on_alternative_field_text_edited(self, _text: str) -> None:
        self._alternative_edited = True

    # --- live parsing -------------------------------------------------------------------------------
    def _parse(self, field: QLineEdit, now: datetime, default_time: time) -> datetime | None:
        text = field.text()
        return parse_when(text, now, self.zone, default_time=default_time) if text.strip() else None

    def _update_results(self) -> None:
        now = self.clock()
        self.error_label.clear()
        start: datetime | None = None
        try:
            start = self._parse(self.start_field, now, START_OF_DAY)
            self.start_result.setText(self.tr("from %1").replace("%1", self.text.moment(start, now))
                                      if start is not None else self.tr("from now"))
        except WhenError as error:
            self.start_result.setText(self.text.when_error(error))
        try:
            until = self._parse(self.until_field, now, time(8, 0))
        except WhenError as error:
            self.until_result.setText(self.text.when_error(error))
            return
        code = self.selected_code()
        if until is not None:
            self.until_result.setText(self.tr("back %1 (%2)").replace("%1", self.text.moment(until, now))
                                      .replace("%2", self.text.duration(until - now)))
        elif code is None:
            self.until_result.clear()
        elif code.return_required:
            problem = ReferralError(ReferralProblem.RETURN_REQUIRED, code.label.get(self.language))
            self.until_result.setText(self.text.referral_error(problem))
        elif (default := default_until(code, start or now, self.zone, self.workdays)) is not None:
            self.until_result.setText(self.tr("empty: back %1").replace("%1", self.text.moment(default, now)))
        else:
            self.until_result.setText(self.tr("empty: until cleared"))

    # --- results --------------------------------------------------------------------------------------
    def build(self) -> Referral:
        """The referral the fields describe; raises WhenError or ReferralError."""
        code = self.selected_code()
        if code is None:
            raise ReferralError(ReferralProblem.UNKNOWN_CODE, self.code_field.text())
        now = self.clock()
        return build_referral(code, self.entry_id, now=now, zone=self.zone, workdays=self.workdays,
                              language=self.language, until=self._parse(self.until_field, now, time(8, 0)),
                              starts_at=self._parse(self.start_field, now, START_OF_DAY),
                              alternative=self.alternative_field.text(), comment=self.comment_field.text(),
                              set_by=self.set_by)

    def accept(self) -> None:
        try:
            self.value = self.build()
        except WhenError as error:
            self.error_label.setText(self.text.when_error(error))
            return
        except ReferralError as error:
            self.error_label.setText(self.text.referral_error(error))
            return
        super().accept()

    def clear_current(self) -> None:
        if self.clear_button.isEnabled():
            self.value = ClearReferral(self.entry_id)
            super().accept()
