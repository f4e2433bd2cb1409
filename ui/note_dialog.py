"""Writing an operator's note on a person ("prefers e-mail", "ask for the lab, not the ward").

The dialog shows the person's newest note to edit, or an empty one when there is none; Save changes that
note (or adds the first), "Add as a new note" keeps it and adds another. Non-modal (`open_for`, never
exec()): the phone keeps running. An empty note is refused in the dialog. Emits
``save_requested(entry_id, note_id, version, text)`` (note_id 0: a new note; version that of the note shown).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

MAX_NOTE = 2000


class NoteDialog(QDialog):
    save_requested = Signal(int, int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.entry_id, self.note_id, self.version = 0, 0, 0
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Note"))
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self._request(self.note_id))
        self.add_button = QPushButton(self.tr("Add as a &new note"), self)
        self.add_button.clicked.connect(lambda: self._request(0))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(460, 220)

    def open_for(self, entry_id: int, name: str, note_id: int = 0, version: int = 0, text: str = "") -> None:
        """Show the note `note_id` (at `version`) of `name` to edit, or an empty one (note_id 0) to add."""
        self.entry_id, self.note_id, self.version = entry_id, note_id, version
        self.setWindowTitle(self.tr("Note on %1").replace("%1", name))
        self.text.setPlainText(text)
        self.add_button.setVisible(bool(note_id))
        self.problem.clear()
        self.show()
        self.activateWindow()
        self.text.setFocus()

    def _request(self, note_id: int) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self.problem.setText(self.tr("Type a note."))
            return
        if len(text) > MAX_NOTE:
            self.problem.setText(self.tr("A note has at most %1 characters.").replace("%1", str(MAX_NOTE)))
            return
        self.save_requested.emit(self.entry_id, note_id, self.version if note_id else 0, text)
