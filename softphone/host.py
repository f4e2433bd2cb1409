"""What the call table and the transfers need of the phone that owns them.

`softphone.engine.Phone` satisfies `CallHost`; `CallTable` and `Transfers` depend on this protocol, not
on the engine, so the parts form no import cycle: the engine builds them and hands itself in.
"""

from __future__ import annotations

from typing import Any, Protocol

from softphone.audio import AudioRouting
from softphone.model import PhoneEvent
from softphone.pjobjects import CallbackSink
from softphone.settings import PhoneSettings


class CallHost(CallbackSink, Protocol):
    """The owner of the SIP stack: its thread discipline, account, audio, clock and event queue."""

    @property
    def settings(self) -> PhoneSettings: ...
    @property
    def account(self) -> Any: ...
    @property
    def audio(self) -> AudioRouting: ...
    def check_thread(self) -> None: ...
    def require_started(self) -> Any: ...
    def queue(self, event: PhoneEvent) -> None: ...
    def now(self) -> float: ...
