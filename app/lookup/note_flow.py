"""Ctrl+E in the console: write or edit the selected person's note, as of the version read when the dialog
opened. If another operator changed the note meanwhile, the box says who changed it to what and when and
asks "keep theirs or overwrite with mine" (ui/referral_conflict); nothing is saved until then. Every note
saved is audited by the store. While the shared store cannot be reached, notes are not changed at all.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

from app.lookup.console import Console
from directory.model import Entry, Note
from directory.store.annotations import AnnotationRepository, NoteConflictError
from directory.store.availability import StoreUnreachableError
from ui.main_window import MainWindow
from ui.note_dialog import NoteDialog
from ui.referral_conflict import ConflictChoice, NoteConflictDialog
from ui.referral_text import ReferralText

KEY = "Ctrl+E"  # free in ui/shortcuts.py, ui/desk_shortcuts.py and the other flows' keys


class NoteFlow(QObject):
    """Added by the app once the window's keys are set (app/gui.py), as the notice board's flow."""

    def __init__(self, window: MainWindow, console: Console) -> None:
        super().__init__(window)
        self.window, self.console, self.tasks, self._offline = window, console, console.tasks, console.offline
        self.dialog = NoteDialog(window)
        self.dialog.save_requested.connect(self._on_dialog_save_requested)
        QShortcut(QKeySequence(KEY), window, self.open_for_selected)
        window.extra_shortcuts.append((KEY, self.tr("Write or edit the selected person's note")))

    def _entry(self, entry_id: int | None) -> Entry | None:
        index = self.console.index
        return index.get(entry_id) if index is not None and entry_id is not None else None

    def _repository(self) -> AnnotationRepository | None:
        services = self.console.services
        if services is None:
            return None
        return AnnotationRepository(services.store, console=services.referrals.actor.console)

    def open_for_selected(self) -> None:
        entry = self._entry(self.window.current_entry_id())
        repository = self._repository()
        if entry is None or entry.id is None or repository is None:
            return
        if self._offline.offline:
            self.window.show_notice(self._offline.refusal())
            return
        self.tasks.spawn(self._open(repository, entry.id, entry.display_name), "note dialog")

    async def _open(self, repository: AnnotationRepository, entry_id: int, name: str) -> None:
        try:
            notes = await self.tasks.in_database(repository.stored_notes, entry_id)
        except Exception as error:
            if not self._offline.failed(error):
                raise
            self.window.show_notice(self._offline.refusal())
            return
        newest = notes[-1] if notes else None
        if newest is None:
            self.dialog.open_for(entry_id, name)
        else:
            self.dialog.open_for(entry_id, name, newest.id, newest.version, newest.text)

    def _on_dialog_save_requested(self, entry_id: int, note_id: int, version: int, text: str) -> None:
        repository = self._repository()
        if repository is not None:
            self.tasks.spawn(self._save(repository, entry_id, note_id, version, text), "note saved")

    async def _save(self, repository: AnnotationRepository, entry_id: int, note_id: int, version: int | None,
                    text: str) -> None:
        services = self.console.services
        actor = services.referrals.actor.name if services is not None else ""
        try:
            if note_id:
                await self.tasks.in_database(lambda: repository.edit(note_id, text, actor, version=version))
            else:
                await self.tasks.in_database(repository.add_note, Note(entry_id, text, actor, datetime.now(UTC)))
        except StoreUnreachableError as error:
            self._offline.failed(error)
            self.dialog.problem.setText(self._offline.refusal())
            return
        except NoteConflictError as conflict:
            self._ask(repository, entry_id, note_id, text, conflict)
            return
        self.dialog.hide()
        self.console.detail.refresh((entry_id,))

    def _ask(self, repository: AnnotationRepository, entry_id: int, note_id: int, text: str,
             conflict: NoteConflictError) -> None:
        services, entry = self.console.services, self._entry(entry_id)
        if services is None or entry is None:
            return
        current = conflict.current
        self.dialog.hide()

        def chosen(choice: ConflictChoice) -> None:
            if choice is ConflictChoice.OVERWRITE:  # as of the note just seen: a third change asks again
                again_id, again_version = (note_id, current.version) if current is not None else (0, None)
                self.tasks.spawn(self._save(repository, entry_id, again_id, again_version, text), "note saved")
            else:
                self.window.show_notice(self.tr("Kept the other operator's note on %1.").replace(
                    "%1", entry.display_name))
            self.console.detail.refresh((entry_id,))

        NoteConflictDialog(self.window, entry.display_name, current, mine=text,
                           text=ReferralText(services.referrals.zone, self), now=datetime.now(UTC)).ask(chosen)
