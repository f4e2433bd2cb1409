"""Closing the console with calls up: ask, then hand the calls back or end them, then close.

No call may vanish because the operator closed the window. With calls on the desk the close is
refused and the operator asked. Handing back refuses waiting callers as busy (the exchange offers
them to the next operator) and transfers the others blind to `[desk] hand_back_to`; the window
closes once the desk is empty or, after `HAND_BACK_TIMEOUT_S`, ends what is left first. The question
is asked without a nested event loop (the phone keeps running behind it); its answer comes back to
`_on_choice`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.calls.desk_bridge import DeskBridge
from ui.close_dialog import CloseChoice, ask_close
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
HAND_BACK_TIMEOUT_S = 15.0
END_TIMEOUT_S = 5.0
POLL_MS = 100

Ask = Callable[[MainWindow, int, str, Callable[[CloseChoice], object]], object]


class CloseFlow(QObject):
    def __init__(self, window: MainWindow, desk: DeskBridge, hand_back_to: str, *, ask: Ask = ask_close,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window, self.desk, self.hand_back_to = window, desk, hand_back_to
        self._ask, self._clock = ask, clock
        self._deadline: float | None = None
        self._ending = False
        self._done = False
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        window.close_guard = self.may_close

    def may_close(self) -> bool:
        if self._done or not self.desk.desk.calls:
            return True
        if self._deadline is not None or self._asking:  # already asking or handing over: a second close waits
            return False
        self._asking = True
        self._ask(self.window, len(self.desk.desk.calls), self.hand_back_to, self._on_choice)
        return False

    def _on_choice(self, choice: CloseChoice) -> None:
        self._asking = False
        if choice is CloseChoice.STAY:
            return
        if not self.desk.desk.calls:  # they ended while the operator was deciding
            self._done = True
            self.window.close()
            return
        if choice is CloseChoice.HAND_BACK:
            log.info("closing: handing %d call(s) back to %s", len(self.desk.desk.calls), self.hand_back_to)
            self.desk.hand_back(self.hand_back_to, self.hand_back_to)
            self.window.show_handing_back(self.hand_back_to)
            self._deadline = self._clock() + HAND_BACK_TIMEOUT_S
        else:
            self._end_all()
        self._timer.start()

    def _end_all(self) -> None:
        log.info("closing: ending %d call(s)", len(self.desk.desk.calls))
        self._ending = True
        self.desk.end_all()
        self._deadline = self._clock() + END_TIMEOUT_S

    def _on_timer_timeout(self) -> None:
        if self.desk.desk.calls and self._deadline is not None and self._clock() < self._deadline:
            return
        if self.desk.desk.calls and not self._ending:
            log.warning("closing: %d call(s) not handed back in time, ending them", len(self.desk.desk.calls))
            self._end_all()
            return
        self._timer.stop()
        self._done = True  # what is still up now is hung up by the phone's shutdown
        self.window.close()
