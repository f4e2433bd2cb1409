"""Thin pjsua2 subclasses that forward callbacks to the engine; they hold no logic of their own."""

from __future__ import annotations

from typing import Any, Protocol

import pjsua2 as pj


class CallbackSink(Protocol):
    def on_reg_state(self, prm: Any) -> None: ...
    def on_incoming_call(self, prm: Any) -> None: ...
    def on_call_state(self, handle: CallHandle) -> None: ...
    def on_call_media_state(self, handle: CallHandle) -> None: ...
    def on_dtmf(self, handle: CallHandle, digit: str, method: int) -> None: ...
    def on_transport_state(self, prm: Any) -> None: ...
    def on_rejected_call(self, prm: Any) -> None: ...
    def on_transfer_status(self, handle: CallHandle, prm: Any) -> None: ...


class EndpointHandle(pj.Endpoint):  # type: ignore[misc]
    def __init__(self, sink: CallbackSink) -> None:
        super().__init__()
        self._sink = sink

    def onTransportState(self, prm: Any) -> None:
        self._sink.on_transport_state(prm)

    def onRejectedIncomingCall(self, prm: Any) -> None:
        self._sink.on_rejected_call(prm)


class AccountHandle(pj.Account):  # type: ignore[misc]
    def __init__(self, sink: CallbackSink) -> None:
        super().__init__()
        self._sink = sink

    def onRegState(self, prm: Any) -> None:
        self._sink.on_reg_state(prm)

    def onIncomingCall(self, prm: Any) -> None:
        self._sink.on_incoming_call(prm)


class CallHandle(pj.Call):  # type: ignore[misc]
    """One pjsua2 call, tagged with our own never-reused `key`."""

    def __init__(self, sink: CallbackSink, key: int, account: AccountHandle,
                 call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(account, call_id)
        self._sink = sink
        self.key = key

    def onCallState(self, prm: Any) -> None:
        self._sink.on_call_state(self)

    def onCallMediaState(self, prm: Any) -> None:
        self._sink.on_call_media_state(self)

    def onDtmfDigit(self, prm: Any) -> None:
        self._sink.on_dtmf(self, str(prm.digit), int(prm.method))

    def onCallTransferStatus(self, prm: Any) -> None:
        self._sink.on_transfer_status(self, prm)
