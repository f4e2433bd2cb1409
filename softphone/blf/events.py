"""What the BLF client reports: immutable events, safe to hand from its thread to any other."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from softphone.blf.dialoginfo import Dialog, LineActivity


@dataclass(frozen=True, slots=True)
class LineChanged:
    """The watched ``target``'s line changed (or was first learnt). ``dialogs``: its live dialogs."""

    target: str
    activity: LineActivity
    dialogs: tuple[Dialog, ...]
    at: datetime


@dataclass(frozen=True, slots=True)
class SubscriptionFailed:
    """The PBX refused or never answered a subscription; the client retries after ``retry_in_s``."""

    target: str
    status: int  # SIP status, 0 = no answer
    reason: str
    retry_in_s: float


BlfEvent = LineChanged | SubscriptionFailed
