"""RFC 4235 dialog-info+xml bodies read defensively, and the line state they add up to.

The XML comes from the network: it is size-capped, any DTD or entity declaration is refused before
parsing (no entity expansion, no external fetches), and whatever cannot be read becomes `None`, never
an exception. Full and partial notifications are merged by `DialogBook`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

MAX_BODY = 64 * 1024
MAX_DIALOGS = 64
_NS = "{urn:ietf:params:xml:ns:dialog-info}"


class DialogState(StrEnum):
    TRYING = "trying"
    PROCEEDING = "proceeding"
    EARLY = "early"
    CONFIRMED = "confirmed"
    TERMINATED = "terminated"


class LineActivity(StrEnum):
    """What the line is doing (the values match `directory.presence.LineState`)."""

    IDLE = "idle"
    RINGING = "ringing"
    BUSY = "busy"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Dialog:
    """One dialog of the watched entity; ``incoming`` when the entity is the recipient."""

    id: str
    state: DialogState
    incoming: bool = False
    call_id: str = ""


@dataclass(frozen=True, slots=True)
class DialogInfo:
    """One parsed notification."""

    entity: str
    version: int
    full: bool
    dialogs: tuple[Dialog, ...]


def _local(tag: str) -> str:
    return tag[len(_NS):] if tag.startswith(_NS) else tag.rsplit("}", 1)[-1]


def parse_dialog_info(body: bytes | str) -> DialogInfo | None:
    """The notification in ``body``, or None when it is too big, malformed or not dialog-info."""
    data = body.encode("utf-8", "replace") if isinstance(body, str) else body
    if len(data) > MAX_BODY or b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return None
    try:
        root = ET.fromstring(data)  # size-capped and DTD-free, checked above
    except (ET.ParseError, ValueError):
        return None
    if _local(root.tag) != "dialog-info":
        return None
    try:
        version = int(root.get("version", "0"))
    except ValueError:
        return None
    dialogs: list[Dialog] = []
    for element in root:
        if _local(element.tag) != "dialog" or len(dialogs) >= MAX_DIALOGS:
            continue
        state_text = next((child.text or "" for child in element if _local(child.tag) == "state"), "")
        try:
            state = DialogState(state_text.strip().lower())
        except ValueError:
            continue  # an unknown state says nothing we can use
        dialogs.append(Dialog(element.get("id", ""), state, element.get("direction") == "recipient",
                              element.get("call-id", "")))
    return DialogInfo(root.get("entity", ""), version, root.get("state") == "full", tuple(dialogs))


def line_activity(dialogs: Mapping[str, Dialog] | tuple[Dialog, ...]) -> LineActivity:
    """Any confirmed (or outgoing, being set up) dialog: busy; else an incoming early one: ringing."""
    items = tuple(dialogs.values()) if isinstance(dialogs, Mapping) else dialogs
    live = [d for d in items if d.state is not DialogState.TERMINATED]
    if any(d.state is DialogState.CONFIRMED or not d.incoming for d in live):
        return LineActivity.BUSY
    return LineActivity.RINGING if live else LineActivity.IDLE


class DialogBook:
    """The watched entity's dialogs, merged from full and partial notifications in version order."""

    def __init__(self) -> None:
        self.version = -1
        self.dialogs: dict[str, Dialog] = {}

    def apply(self, info: DialogInfo) -> bool:
        """Merge ``info``; False when it is stale (an older version) and was ignored."""
        if info.version <= self.version and not info.full:
            return False
        self.version = info.version
        if info.full:
            self.dialogs = {}
        for dialog in info.dialogs:
            if dialog.state is DialogState.TERMINATED:
                self.dialogs.pop(dialog.id, None)
            else:
                self.dialogs[dialog.id] = dialog
        return True

    def activity(self) -> LineActivity:
        return line_activity(self.dialogs)
