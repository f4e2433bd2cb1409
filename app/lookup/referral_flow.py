"""F4 in the console: the referral dialog for the selected entry, the change on the database worker,
and what another operator did in the meantime made visible rather than overwritten: the change names the
version the operator saw, and a conflict asks "keep theirs or overwrite with mine" (ui/referral_conflict)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from app.lookup.offline import OfflineMode
from app.tasks import TaskRunner
from directory.model import Entry, Referral
from directory.referrals import ReferralService
from directory.store.audit import ReferralConflictError
from directory.store.availability import StoreUnreachableError
from ui.main_window import MainWindow
from ui.referral_conflict import ConflictChoice, ask_referral_conflict
from ui.referral_dialog import ClearReferral, ReferralDialog
from ui.referral_text import ReferralText

log = logging.getLogger(__name__)


class ReferralFlow(QObject):
    def __init__(self, window: MainWindow, tasks: TaskRunner, service: Callable[[], ReferralService | None],
                 entry: Callable[[int], Entry | None], on_changed: Callable[[int], None], *, language: str,
                 offline: OfflineMode) -> None:
        super().__init__(window)
        self.window, self.tasks, self._service, self._entry = window, tasks, service, entry
        self._on_changed, self.language, self._offline = on_changed, language, offline
        window.referral_requested.connect(self._on_window_referral_requested)

    def _on_window_referral_requested(self, entry_id: int) -> None:
        self.tasks.spawn(self._open(entry_id), "referral dialog")

    async def _open(self, entry_id: int) -> None:
        service, entry = self._service(), self._entry(entry_id)
        if service is None or entry is None:
            return
        if self._offline.offline:  # said before the operator types a change that could not be saved
            self.window.show_notice(self.tr("Referrals cannot be changed now: the shared store cannot be reached. "
                                            "What is shown is as last read."))
            return
        try:
            state = await self.tasks.in_database(service.state, entry_id)
        except Exception as error:
            if not self._offline.failed(error):
                raise
            self.window.show_notice(self._offline.refusal())
            return
        in_force = state.in_force
        dialog = ReferralDialog(entry_id, entry.display_name, service.codes, zone=service.zone,
                                language=self.language, set_by=service.actor.name,
                                current=in_force[-1].referral if in_force else None,
                                workdays=service.workdays, parent=self.window)
        dialog.finished.connect(lambda result: self._on_dialog_finished(dialog, result, service, state.version,
                                                                         entry.display_name))
        dialog.open()  # window-modal without a nested event loop: the asyncio loop keeps running

    def _on_dialog_finished(self, dialog: ReferralDialog, result: int, service: ReferralService,
                            version: int, name: str) -> None:
        value = dialog.value
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and value is not None:
            self.tasks.spawn(self._store(service, value, version, name), "store referral")

    async def _store(self, service: ReferralService, value: Referral | ClearReferral, version: int,
                     name: str) -> None:
        """Save as of ``version``; if someone changed the person's referrals since, ask before anything."""
        text = ReferralText(service.zone, self)
        try:
            if isinstance(value, ClearReferral):
                await self.tasks.in_database(lambda: service.clear(value.entry_id, version=version))
            else:
                change = await self.tasks.in_database(lambda: service.set(value, version=version))
                if change.replaced:
                    self.window.show_notice(self.tr("Replaced: %1").replace(
                        "%1", "; ".join(text.summary(s.referral, service.clock()) for s in change.replaced)))
        except StoreUnreachableError as error:
            self._offline.failed(error)
            self.window.show_notice(self._offline.refusal())
            return
        except ReferralConflictError as conflict:
            now = service.clock()
            mine = self.tr("clear the referral") if isinstance(value, ClearReferral) else text.summary(value, now)
            newer = conflict.state.version

            def chosen(choice: ConflictChoice) -> None:
                if choice is ConflictChoice.OVERWRITE:  # as of what they now saw: a third change asks again
                    self.tasks.spawn(self._store(service, value, newer, name), "store referral")
                else:
                    self.window.show_notice(self.tr("Kept the other operator's referral for %1.").replace("%1", name))
            ask_referral_conflict(self.window, name, conflict.last, mine=mine, text=text, now=now, then=chosen)
        self._on_changed(value.entry_id)
