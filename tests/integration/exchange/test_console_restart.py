"""The real window on an exchange queue over TLS (HTTPS API, event stream through stunnel) when Kamailio
restarts: the window says the queue cannot be reached and shows none of its callers, reconnects by itself,
signs in again (the restarted exchange forgot every sign-in) and shows the callers of the new run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.certs import make_server_tls
from tests.helpers.exchange import Exchange
from tests.integration.exchange.conftest import wait_for
from tests.integration.exchange.window import queue_window
from ui.desk_model import DeskList

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]


def test_the_window_says_the_exchange_restarted_reconnects_and_signs_in_again(
        make_exchange: Callable[..., Exchange], qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        event_loop_qt: object) -> None:
    tls = make_server_tls(tmp_path / "tls")
    exchange = make_exchange(tls=tls)
    with queue_window(exchange, qtbot, tmp_path, monkeypatch, f'ca_file = "{tls.ca}"\n') as desk:
        banner = desk.window.banner
        wait_for(lambda: "1000" in exchange.client("1001").snapshot().operators)  # signed in over HTTPS
        exchange.callers(2, log_name="before")
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 2)  # events over TLS

        exchange.stop()  # Kamailio goes; stunnel stays, as it would under systemd
        desk.wait(lambda: banner.isVisible() and banner.property("kind") == "queue")
        assert "cannot be reached" in banner.label.text()
        assert desk.rows(DeskList.WAITING) == 0  # its callers are unknown now: none shown rather than stale

        exchange.start()  # a new run: no callers, no sign-ins
        desk.wait(lambda: not banner.isVisible())
        wait_for(lambda: "1000" in exchange.client("1001").snapshot().operators)  # the window signed in again
        exchange.callers(3, log_name="after")
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 3)
