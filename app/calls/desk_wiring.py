"""The operator desk in the window: queue panels in docks, their keys, the call log, retention, closing."""

from __future__ import annotations

import re
import socket
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from app.calls.call_log_flow import CallLogFlow
from app.calls.callback_flow import CallbackFlow
from app.calls.close_flow import CloseFlow
from app.calls.desk_bridge import DeskBridge
from app.calls.desk_log import CallLogWriter
from app.config.loader import Config
from app.lookup.console import Console
from app.lookup.live_updates import start_live_updates
from app.lookup.referral_setup import operator_name
from directory.model import Referral
from directory.referrals import Alternative
from directory.search.person import find_person
from directory.stats.rollup import keep_history
from directory.store.callbacks import CallbackRepository
from directory.store.calllog import CallLogRepository
from softphone.desk.settings import DeskSettings
from ui.call_log_panel import CallLogPanel
from ui.desk_model import DeskList
from ui.desk_panel import DeskPanels
from ui.desk_shortcuts import desk_shortcut_table
from ui.main_window import MainWindow, looks_like_number
from ui.phone_panel import PhonePanel
from ui.referral_target_dialog import ReferralOffer, Target
from ui.status_text import StatusText
from ui.waiting_title import WaitingTitle


def desk_settings(config: Config, emergency_numbers: tuple[str, ...] = ()) -> DeskSettings:
    """`[desk]`, plus the demo's own emergency numbers (a copy through the constructor, validated again)."""
    settings = config.settings.desk
    if emergency_numbers:
        settings = settings.model_validate({**settings.model_dump(), "emergency_numbers": [
            *settings.emergency_numbers, *emergency_numbers]})
    return settings


def attach_desk(config: Config, window: MainWindow, console: Console, bridge: DeskBridge, *,
                hand_back_to: str = "", card: PhonePanel | None = None) -> None:
    """The desk's panels, keys, call log and close question, over the started bridge; a call selected in
    the panels goes on the phone dock's caller card (`card`)."""
    settings = config.settings.desk
    desk = bridge.desk
    panels = DeskPanels(bridge, target=lambda: _target(window, console), key_overrides=settings.keys, parent=window)
    docks = []
    for panel in panels.panels():
        panel.title.hide()  # the dock's title says it
        docks.append(window.add_panel(panel.title.text(), panel, Qt.DockWidgetArea.LeftDockWidgetArea))
    for dock in docks[2:]:  # waiting and held always in view; the rest as tabs beside held
        window.tabifyDockWidget(docks[1], dock)
    docks[1].raise_()
    window.tab_group = docks[1]
    # The phone dock as tall as its caller card and buttons, the waiting list the room, held calls and the
    # tabs the rest.
    height = window.height()
    phone = window.findChild(QDockWidget, "dock_phonePanel")
    if phone is not None:
        window.resizeDocks([phone], [phone.widget().sizeHint().height()], Qt.Orientation.Vertical)
    window.resizeDocks(docks[:2], [height * 2 // 5, height // 3], Qt.Orientation.Vertical)
    if card is not None:
        panels.call_selected.connect(card.show_call)
    WaitingTitle(docks[0], panels.models[DeskList.WAITING], panels.waiting.title.text(), window)
    window.addActions(list(panels.actions.values()))
    window.extra_shortcuts = desk_shortcut_table(settings.keys)
    panels.notice.connect(window.show_notice)
    for model in panels.models.values():
        model.numbers = window.numbers

    call_log_panel = CallLogPanel()
    call_log = CallLogFlow(call_log_panel, console.tasks, window)
    call_log_panel.model.numbers = window.numbers
    window.add_call_log(call_log_panel)
    logging: list[CallLogWriter] = []
    writer = CallLogWriter(None, console.tasks, console=socket.gethostname())
    desk.add_listener(writer)  # writes once attached to the store (or to a store that cannot be reached yet)
    console.offline.offline_changed.connect(lambda offline: None if offline else writer.flush())
    callbacks = CallbackFlow(panels, bridge, console.tasks, operator_name(config),
                             dial_string=dial_string, parent=window)

    def log_calls() -> None:  # once the store is open; a demo switch does not add a second writer
        if console.services is None or logging:
            return
        repository = CallLogRepository(console.services.store)
        logging.append(writer)
        writer.attach(repository, console.services.last_copy)
        desk.add_listener(call_log)  # after the writer, so the refresh reads what it wrote
        call_log.attach(repository)
        callbacks.attach(CallbackRepository(console.services.store, console=socket.gethostname()),
                         console.services.last_copy)
        live = start_live_updates(console, refresh_callbacks=callbacks.reload, notice=window.show_notice,
                                  parent=window)
        if live is not None:
            live.changed.connect(window.shared_changed)  # the notice board and any other view of shared rows
        # Statistics roll up first, so deleting old calls keeps their hourly figures (kept longer, or for ever).
        console.tasks.spawn(console.tasks.in_database(partial(
            keep_history, console.services.store, call_log_days=settings.call_log_retention_days,
            stats_days=settings.statistics_retention_days, now=datetime.now(UTC))), "call log retention")

    console.directory_loaded.connect(log_calls)

    def from_copy() -> None:  # started while the shared store cannot be reached: kept on this PC until it is back
        if console.services is not None:
            writer.attach(CallLogRepository(console.services.store), console.services.last_copy)
            callbacks.attach(CallbackRepository(console.services.store, console=socket.gethostname()),
                             console.services.last_copy)

    console.opened_offline.connect(from_copy)
    CloseFlow(window, bridge, dial_string(hand_back_to or settings.hand_back_to))


def dial_string(number: str) -> str:
    """What the PBX is sent: the digits as written ("019-602 10 00" -> "0196021000"), + * # kept;
    a "sip:" address as it is."""
    if number.strip().lower().startswith(("sip:", "sips:")):
        return number.strip()
    return re.sub(r"[^\d+*#]", "", number)


def _target(window: MainWindow, console: Console) -> Target | ReferralOffer | None:
    """Where a consultation or transfer goes: a number typed in the search field, else the selected entry;
    for someone whose referral names an alternative, both, with the referral, for the operator to pick."""
    text = window.search_field.text().strip()
    if looks_like_number(text):
        return dial_string(text), text
    index = window.results.currentIndex()
    if not index.isValid():
        return None
    entry = window.model.row(index.row()).entry
    own = (dial_string(entry.numbers[0].raw), entry.display_name) if entry.numbers else None
    referral = console.referrals.get(entry.id) if entry.id is not None else None
    now = datetime.now(UTC)
    if referral is None or not referral.alternative or (referral.until is not None and referral.until <= now):
        return own
    alternative = _alternative_target(console, referral)
    if alternative is None or own is None:
        return alternative or own
    text = StatusText().referral(referral, now)
    if referral.comment:
        text += f" · {referral.comment}"
    return ReferralOffer(own, alternative, text)


def _alternative_target(console: Console, referral: Referral) -> Target | None:
    """The referral's alternative as something to dial: its number, or the number of the one person its
    name finds; None when it is only words ("the ward")."""
    alternative = Alternative.from_text(referral.alternative)
    if alternative.number:
        return dial_string(alternative.number), alternative.label or alternative.number
    if console.index is None:
        return None
    try:
        colleague = find_person(console.index, alternative.label)  # as `referral set --alt` resolves a name
    except ValueError:
        return None
    return (dial_string(colleague.numbers[0].raw), colleague.display_name) if colleague.numbers else None
