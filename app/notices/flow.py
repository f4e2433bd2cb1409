"""The notice board's behaviour: the organisation's notices read from the store on the database worker and
shown in the strip (again when another console posts or clears one, heard through live updates, and every 30 s
as notices expire); Ctrl+Shift+N posts one, the strip's Clear ends the newest. New ones are announced to
screen readers. While the shared store cannot be reached, the notices are this PC's last copy of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from app.lookup.console import Console
from directory.referrals.workdays import local_zone
from directory.store.availability import unreachable
from directory.store.last_copy import read_or_copy
from directory.store.notices import Notice, NoticeError, NoticeRepository, checked
from directory.store.notify import SharedChanges
from ui.main_window import MainWindow
from ui.notice_bar import NoticeBar, NoticeForm

KEY = "Ctrl+Shift+N"
REFRESH_MS = 30_000  # notices expire on their own: no event says so
translate = QCoreApplication.translate


class NoticeFlow(QObject):
    def __init__(self, window: MainWindow, console: Console, operator: str) -> None:
        super().__init__(window)
        self.window, self.console, self.operator = window, console, operator
        self.bar = NoticeBar()
        self.form = NoticeForm(window)
        window.add_notice_bar(self.bar)
        self._seen: set[int] = set()
        self.bar.clear_requested.connect(self._on_bar_clear_requested)
        self.form.post_requested.connect(self._on_form_post_requested)
        window.shared_changed.connect(self._on_window_shared_changed)
        console.directory_loaded.connect(self.refresh)
        console.opened_offline.connect(self.refresh)
        QShortcut(QKeySequence(KEY), window, self.form.open_form)
        window.extra_shortcuts.append((KEY, translate("NoticeFlow", "Notice board: post a message every console of "
                                                                    "the organisation shows")))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)

    def _repository(self) -> NoticeRepository | None:
        services = self.console.services
        return NoticeRepository(services.store) if services is not None else None

    def refresh(self) -> None:
        repository = self._repository()
        if repository is not None:
            self.console.tasks.spawn(self._show(repository), "notices")

    async def _show(self, repository: NoticeRepository) -> None:
        services, now = self.console.services, datetime.now(UTC)
        copy = services.last_copy if services is not None else None
        notices = await self.console.tasks.in_database(  # while the store cannot be reached: as this PC last read
            read_or_copy, repository.store, copy, partial(repository.shown, now),
            lambda shown: copy.keep_notices(shown) if copy is not None else None,
            lambda: [n for n in copy.contents.notices if n.expires_at > now] if copy is not None else [])
        self.bar.show_notices([(n.id, line(n)) for n in notices])
        for notice in notices:
            if notice.id not in self._seen:
                self._seen.add(notice.id)
                self.window.announcer.announce(line(notice), assertive=False)

    def _on_window_shared_changed(self, change_set: SharedChanges) -> None:
        if change_set.reload or "notice" in change_set.kinds():
            self.refresh()

    def _on_form_post_requested(self, text: str, minutes: int) -> None:
        repository = self._repository()
        if repository is None:
            self.form.problem.setText(translate("NoticeFlow", "The store is not open yet; try again in a moment."))
            return
        now = datetime.now(UTC)
        until = now + timedelta(minutes=minutes)
        try:
            checked(text, now, until)  # said in the form at once; the store checks again
        except NoticeError as error:
            self.form.problem.setText(str(error))
            return
        self.console.tasks.spawn(self._post(repository, text, now, until), "notice post",
                                 on_error=self._on_post_failed)

    async def _post(self, repository: NoticeRepository, text: str, now: datetime, until: datetime) -> None:
        await self.console.tasks.in_database(repository.post, text, self.operator, now, until)
        self.form.hide()
        await self._show(repository)

    def _on_post_failed(self, error: BaseException) -> None:
        if isinstance(error, NoticeError):
            self.form.problem.setText(str(error))
        elif unreachable(error):
            self.form.problem.setText(self.console.offline.refusal())
        else:
            words = translate("NoticeFlow", "The notice was not posted: %1")
            self.form.problem.setText(words.replace("%1", str(error)))

    def _on_bar_clear_requested(self, notice_id: int) -> None:
        repository = self._repository()
        if repository is not None:
            self.console.tasks.spawn(self._clear(repository, notice_id), "notice clear",
                                     on_error=lambda error: self.window.show_notice(
                                         self.console.offline.refusal() if unreachable(error) else str(error)))

    async def _clear(self, repository: NoticeRepository, notice_id: int) -> None:
        await self.console.tasks.in_database(repository.clear, notice_id, self.operator, datetime.now(UTC))
        await self._show(repository)


def line(notice: Notice) -> str:
    """"Eva until 14:30: Akuten: long waits, refer to 1177"."""
    return (translate("NoticeFlow", "%1 until %2: %3").replace("%1", notice.posted_by)
            .replace("%2", f"{notice.expires_at.astimezone(local_zone()):%H:%M}").replace("%3", notice.text))
