"""The desk's keyboard operations, declared once: id, default key, description (for F1 and settings).

Letters, digits, Enter, Esc, F1, F4, F5 and Ctrl+F belong to the main window (search, help,
referrals, sync), so the desk uses the other function keys and Ctrl combinations. Keys can be
overridden per operation id (settings `desk.keys`, e.g. {"answer_next": "F10"}).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

DEFAULT_KEYS: dict[str, str] = {
    "answer_next": "F2",
    "answer_selected": "Shift+F2",
    "hold_resume": "F3",
    "consult": "F6",
    "complete": "F7",
    "cancel": "F8",
    "toggle": "F9",
    "join": "Ctrl+J",
    "transfer": "Ctrl+T",
    "blind_transfer": "Ctrl+Shift+T",
    "hang_up": "F12",
    "reject_busy": "Shift+F12",
    "called_back": "Ctrl+D",
}


def descriptions() -> dict[str, str]:
    return {
        "answer_next": translate(
            "DeskShortcuts", "Answer the next waiting call (emergency, priority, then longest waiting)"),
        "answer_selected": translate("DeskShortcuts", "Answer the selected waiting call"),
        "hold_resume": translate(
            "DeskShortcuts", "Hold the current call, or take back the selected held call or recall"),
        "consult": translate("DeskShortcuts", "Consult: call the selected directory number, caller on hold"),
        "complete": translate("DeskShortcuts", "Connect the caller to the consulted person"),
        "cancel": translate(
            "DeskShortcuts", "End the consultation and go back to the caller (also after a failed one)"),
        "toggle": translate("DeskShortcuts", "Switch between the caller and the consulted person"),
        "join": translate("DeskShortcuts", "Three-way call: the caller, the consulted person and you"),
        "transfer": translate("DeskShortcuts", "Transfer to the selected number; comes back if not answered"),
        "blind_transfer": translate("DeskShortcuts", "Blind transfer to the selected number"),
        "hang_up": translate("DeskShortcuts", "Hang up the current call (during a consultation: end it); "
                                              "with no call, decline the selected (or next) waiting one; with "
                                              "a caller on hold, only a selected one"),
        "reject_busy": translate(
            "DeskShortcuts", "Reject the selected (or next) waiting call as busy: the exchange offers it on"),
        "called_back": translate("DeskShortcuts", "Remove the selected call-back entry"),
    }


def keys(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The key of each operation: the defaults, with known ids overridden."""
    merged = dict(DEFAULT_KEYS)
    for op, key in (overrides or {}).items():
        if op in merged and key.strip():
            merged[op] = key.strip()
    return merged


def desk_shortcut_table(overrides: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(key, description) rows to append to the F1 shortcut table."""
    text = descriptions()
    return [(key, text[op]) for op, key in keys(overrides).items()]
