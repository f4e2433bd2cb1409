"""Receiving Kannel's delivery reports: a small HTTP server for the `dlr-url` the Kannel transport sets.

Each report is `GET /dlr?id=OUTBOX_ID&type=N` (N as Kannel's dlr-mask: 1 delivered, 2 failed, 4 buffered,
8 accepted by the SMSC, 16 rejected by the SMSC). The server hands (id, outcome) to a callback on its own
thread; the caller records it in the outbox (on its database worker).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

OUTCOMES = {1: "delivered", 2: "failed", 16: "failed"}  # 4 and 8 are steps on the way, not outcomes


def parse_report(path: str) -> tuple[int, str] | None:
    """(outbox id, "delivered" | "failed") from a report's path, or None for a step or a malformed report."""
    query = parse_qs(urlsplit(path).query)
    try:
        message_id, kind = int(query["id"][0]), int(query["type"][0])
    except (KeyError, ValueError, IndexError):
        return None
    outcome = OUTCOMES.get(kind)
    return None if outcome is None else (message_id, outcome)


class DeliveryReportServer:
    """Listens on `host:port` (port 0: any free one, see `port`) until `close()`."""

    def __init__(self, on_report: Callable[[int, str], None], host: str = "127.0.0.1", port: int = 0) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                report = parse_report(self.path)
                if report is not None:
                    on_report(*report)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass  # reports carry phone numbers: not on stderr

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="kannel-dlr", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def close(self) -> None:
        """Stops listening; a second call does nothing."""
        if not self._thread.is_alive():
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
