"""The message form's behaviour: prefilled from the selected person or unit and the current call, checked
before anything is queued, queued on the database worker, delivered on the network pool, states shown.

Every send goes claim (database) -> deliver (network) -> record (database), so neither the GUI thread nor
the database worker waits on a gateway. A 30 s timer picks up retries that have come due; a 5 s one reads the
delivery receipts an SMPP session holds (on the network pool), which come back through `receipt_received`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.lookup.console import Console
from app.messages.service import MessageService, limits_for
from app.tasks import TaskRunner
from directory.model import Entry, EntryKind
from directory.store.outbox import OutboxMessage
from messaging.compose import outbox_rows, recipients
from messaging.directory_recipients import address_for, group_addresses, unit_members
from messaging.dispatch import record_report
from messaging.import_numbers import read_recipients
from messaging.model import Channel, MessageError, StaffMessage
from messaging.settings import MessagesSettings
from messaging.sms_text import layout
from messaging.templates import render, templates
from ui.main_window import MainWindow
from ui.message_form import MessageForm

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
RETRY_EVERY_MS = 30_000
RECEIPTS_EVERY_MS = 5_000


def channel_labels() -> dict[str, str]:
    return {"sms": translate("MessageFlow", "SMS"), "email": translate("MessageFlow", "E-mail"),
            "pager": translate("MessageFlow", "Pager / DECT")}


def state_words() -> dict[str, str]:
    return {"queued": translate("MessageFlow", "queued"), "sending": translate("MessageFlow", "sending"),
            "sent": translate("MessageFlow", "sent"), "delivered": translate("MessageFlow", "delivered"),
            "failed": translate("MessageFlow", "failed")}


def parse_lines(text: str) -> list[tuple[str, str]]:
    """"address, name" lines (the name optional) as typed in the form."""
    pairs = []
    for line in text.splitlines():
        address, _, name = line.partition(",")
        if address.strip():
            pairs.append((address.strip(), name.strip()))
    return pairs


class MessageFlow(QObject):
    # A gateway's delivery report (outbox id, "delivered" | "failed"); emitted from the receiver's own thread,
    # so the connection is queued and the report is recorded from the GUI thread's side.
    report_received = Signal(int, str)
    # A receipt naming the gateway's own id of a message or part (SMPP: the SMSC's message id), with the outcome;
    # emitted on the network thread that read it, queued like report_received.
    receipt_received = Signal(str, str)
    outbox_changed = Signal()  # messages were sent, retried or reported on: the message log shows them anew

    def __init__(self, window: MainWindow, console: Console, tasks: TaskRunner,
                 service: Callable[[], MessageService | None], settings: MessagesSettings, *, region: str,
                 channels: set[Channel], operator: str, language: str,
                 call_fields: Callable[[], dict[str, str]] = dict) -> None:
        super().__init__(window)
        self._window, self._console, self._tasks, self._service = window, console, tasks, service
        self._settings, self._channels, self._operator = settings, channels, operator
        self._language = language if language in ("sv", "nb", "en") else settings.language
        self._limits = limits_for(settings, region)
        self._templates = templates(settings.templates)
        self._call_fields = call_fields
        self._fields: dict[str, str] = {}
        self._targets: list[Entry] = []
        self._shown: list[int] = []
        self.form: MessageForm | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(RETRY_EVERY_MS)
        self.report_received.connect(self._on_report_received)
        self.receipt_received.connect(self._on_receipt_received)
        self._polling = False  # a receipt poll is in progress: never two at once
        self._receipt_timer = QTimer(self)
        self._receipt_timer.timeout.connect(self._on_receipt_timer_timeout)
        self._receipt_timer.start(RECEIPTS_EVERY_MS)

    def stop(self) -> None:
        """No more retries or receipt polls (the flow's timers stopped)."""
        self._timer.stop()
        self._receipt_timer.stop()

    def open_form(self) -> None:
        form = self.form or self._make_form()
        entry = self._console.index.get(self._window.current_entry_id() or -1) if self._console.index else None
        self._fields = {"operator": self._operator, **self._call_fields()}
        self._targets = [entry] if entry is not None and entry.kind is EntryKind.PERSON else []
        offered = [c for c in Channel if c in self._channels and
                   (entry is None or entry.kind is not EntryKind.PERSON or address_for(entry, c))]
        labels = channel_labels()
        form.set_channels([(c.value, labels[c.value]) for c in offered])
        form.recipients.clear()
        form.show_problem("" if offered else translate("MessageFlow", "No message channel is configured "
                                                                      "([messages] in the settings)."))
        if entry is not None and entry.kind is not EntryKind.PERSON and self._console.services is not None:
            self._tasks.spawn(self._load_unit(entry), "message unit members")
        self._refill()
        if self._fields.get("caller") or self._fields.get("number"):
            self._fill_template("call_back")
        # show(), not open(): open() makes a dialog window-modal, and the operator must keep answering calls
        # in the main window while writing; neither starts a nested event loop as exec() would.
        form.show()
        form.activateWindow()

    def _make_form(self) -> MessageForm:
        form = MessageForm(self._window)
        form.set_templates([(name, name.replace("_", " ")) for name in self._templates])
        form.send_requested.connect(self._on_form_send_requested)
        form.template_chosen.connect(self._fill_template)
        form.file_chosen.connect(self._on_form_file_chosen)
        form.text_edited.connect(self._on_form_text_edited)
        form.channel.currentIndexChanged.connect(lambda _i: self._refill())
        self.form = form
        return form

    async def _load_unit(self, unit: Entry) -> None:
        services = self._console.services
        assert services is not None
        entries = await self._tasks.in_database(services.directory.load_entries)
        self._targets = unit_members(unit, entries)
        self._refill()

    def _refill(self) -> None:
        """The selected person's or unit's addresses for the chosen channel."""
        if self.form is None or not self._targets or not self.form.current_channel():
            return
        found, without = group_addresses(self._targets, Channel(self.form.current_channel()))
        self.form.recipients.setPlainText("\n".join(f"{a}, {n}" for a, n in found))
        if without:
            count = len(without)  # lupdate sees a plural only in self.tr with a plain name as the count
            text = self.tr("%n without an address for this channel: %1", "", count)
            self.form.show_problem(text.replace("%1", ", ".join(without[:5])))

    def _fill_template(self, name: str) -> None:
        if self.form is None or name not in self._templates:
            return
        self.form.text.setPlainText(render(self._templates[name], self._language, self._fields))
        self.form.template.setCurrentIndex(max(0, self.form.template.findData(name)))

    def _on_form_text_edited(self, channel: str, text: str) -> None:
        if self.form is None:
            return
        if channel == "sms":
            parts = layout(text).parts
            counted = self.tr("%1 characters, %n SMS", "", parts)
            self.form.set_counter(counted.replace("%1", str(len(text))))
        elif channel == "pager":
            self.form.set_counter(translate("MessageFlow", "%1 of %2 characters")
                                  .replace("%1", str(len(text))).replace("%2", str(self._limits.max_pager_length)))
        else:
            self.form.set_counter(translate("MessageFlow", "%1 characters").replace("%1", str(len(text))))

    def _on_form_file_chosen(self, path: str) -> None:
        try:
            pairs = read_recipients(Path(path))
        except MessageError as exc:
            if self.form is not None:
                self.form.show_problem(str(exc))
            return
        if self.form is not None:
            self._targets = []
            self.form.recipients.setPlainText("\n".join(f"{a}, {n}" if n else a for a, n in pairs))

    def _on_form_send_requested(self, channel: str, typed: str, template: str, subject: str, text: str) -> None:
        assert self.form is not None
        try:
            found = recipients(Channel(channel), parse_lines(typed), self._limits)
            message = StaffMessage(Channel(channel), found, text, subject=subject, template=template,
                                   sender=self._operator, console=MessageService.console_name(),
                                   call_ref=self._fields.get("number", ""))
            outbox_rows(message, self._limits, datetime.now(UTC))  # every check now, before anything is queued
        except (MessageError, ValueError) as exc:
            self.form.show_problem(str(exc))
            return
        count = len(found)
        if count > self._settings.confirm_group_above:
            question = self.tr("Send this message to %n recipients?", "", count)
            self.form.confirm(question, lambda: self._start(message))
        else:
            self._start(message)

    def _start(self, message: StaffMessage) -> None:
        self._tasks.spawn(self._send_new(message), "message send", on_error=self._on_task_error)

    def _on_task_error(self, error: BaseException) -> None:
        if self.form is not None:
            self.form.show_problem(str(error))

    async def _send_new(self, message: StaffMessage) -> None:
        service = self._service()
        if service is None:
            raise MessageError(translate("MessageFlow", "The store is not open yet; try again in a moment."))
        ids = await self._tasks.in_database(service.queue, message)
        self._shown = ids
        await self._send(service, ids)

    async def _send(self, service: MessageService, ids: Sequence[int]) -> None:
        dispatcher = service.dispatcher
        await self._show(service)
        for message_id in ids:
            claimed = await self._tasks.in_database(dispatcher.claim, message_id)
            if claimed is None:
                continue
            outcome = await self._tasks.in_network(dispatcher.deliver, claimed)
            await self._tasks.in_database(dispatcher.record, claimed, outcome)
        self.outbox_changed.emit()
        await self._show(service)

    async def _show(self, service: MessageService) -> None:
        if self.form is None or not self._shown:
            return
        found: list[OutboxMessage] = await self._tasks.in_database(service.outbox.get, self._shown)
        words = state_words()
        self.form.show_states([(f"{m.recipient_name} {m.recipient}".strip(), words.get(m.state, m.state), m.reason)
                               for m in found])

    def _on_report_received(self, message_id: int, outcome: str) -> None:
        service = self._service()
        if service is not None:
            self._tasks.spawn(self._record_report(service, message_id, outcome), "message delivery report")

    async def _record_report(self, service: MessageService, message_id: int, outcome: str) -> None:
        await self._tasks.in_database(record_report, service.outbox, message_id, outcome, datetime.now(UTC))
        self.outbox_changed.emit()
        await self._show(service)

    def _on_receipt_received(self, provider_id: str, outcome: str) -> None:
        service = self._service()
        if service is not None:
            self._tasks.spawn(self._record_receipt(service, provider_id, outcome), "message delivery receipt")

    async def _record_receipt(self, service: MessageService, provider_id: str, outcome: str) -> None:
        await self._tasks.in_database(service.dispatcher.record_receipt, provider_id, outcome)
        self.outbox_changed.emit()
        await self._show(service)

    def _on_receipt_timer_timeout(self) -> None:
        service = self._service()
        if service is None or not service.polls_reports or self._polling:
            return
        self._polling = True
        self._tasks.spawn(self._poll_receipts(service), "message receipts")

    async def _poll_receipts(self, service: MessageService) -> None:
        try:
            await self._tasks.in_network(service.poll_reports)  # receipts come back through receipt_received
        finally:
            self._polling = False

    def _on_timer_timeout(self) -> None:
        service = self._service()
        if service is not None:
            self._tasks.spawn(self._retry(service), "message retries")

    async def _retry(self, service: MessageService) -> None:
        due = await self._tasks.in_database(service.outbox.due, datetime.now(UTC))
        if due:
            await self._send(service, due)
        else:
            await self._show(service)
