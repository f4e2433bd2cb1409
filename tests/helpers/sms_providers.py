"""Protocol fixtures for two SMS providers' HTTP APIs, which cannot run here: each speaks its API as the
vendor documents it, on loopback.

- 46elks (https://46elks.com/docs/send-sms): POST /a1/sms, HTTP Basic with the API username and password,
  form fields `from`, `to` (E.164), `message`; 200 with a JSON object whose `id` starts with "s"; 401 without
  valid credentials; 403 with a plain-text reason for a bad number or sender.
- Sinch SMS REST API (https://developers.sinch.com/docs/sms/api-reference/sms/tag/Batches): POST
  /xms/v1/{service_plan_id}/batches, `Authorization: Bearer {token}`, a JSON body {"from", "to": [numbers],
  "body"}; 201 with the batch as JSON (its `id`); 401 for a wrong token; 400 {"code", "text"} for a bad body.

`fail_next(status, times)` answers the next requests with that status (a provider down, then up);
`stall_s` holds answers back (a provider that times out). Received messages are kept in `received`.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from urllib.parse import parse_qs

E164 = re.compile(r"^\+[1-9]\d{6,14}$")


@dataclass(frozen=True)
class ProviderMessage:
    sender: str
    to: str
    text: str
    id: str


class SmsProvider:
    """One provider on 127.0.0.1 (`kind` "46elks" or "sinch"), until `stop()`."""

    USER, PASSWORD = "u2c11ef65b429a8e16ccb1f960d02c734", "elks-test-password"
    PLAN, TOKEN = "plan-1234", "sinch-test-token"

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.received: list[ProviderMessage] = []
        self.requests = 0
        self.stall_s = 0.0
        self._failures: list[int] = []
        self._ids = count(1)
        self._lock = threading.Lock()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                status, answer, kind = provider.answer(self.path, self.headers.get("Authorization", ""),
                                                       self.headers.get("Content-Type", ""), body)
                if provider.stall_s:
                    time.sleep(provider.stall_s)
                data = answer.encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        path = "/a1/sms" if self.kind == "46elks" else f"/xms/v1/{self.PLAN}/batches"
        return f"http://127.0.0.1:{port}{path}"

    def fail_next(self, status: int, times: int = 1) -> None:
        self._failures += [status] * times

    def answer(self, path: str, authorization: str, content_type: str, body: bytes) -> tuple[int, str, str]:
        with self._lock:
            self.requests += 1
            if self._failures:
                return self._failures.pop(0), "Service temporarily unavailable", "text/plain"
        if self.kind == "46elks":
            return self._elks(path, authorization, content_type, body)
        return self._sinch(path, authorization, content_type, body)

    def _elks(self, path: str, authorization: str, content_type: str, body: bytes) -> tuple[int, str, str]:
        expected = "Basic " + base64.b64encode(f"{self.USER}:{self.PASSWORD}".encode()).decode()
        if authorization != expected:
            return 401, "API access requires Basic HTTP authentication", "text/plain"
        if path != "/a1/sms" or not content_type.startswith("application/x-www-form-urlencoded"):
            return 404, "Not found", "text/plain"
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}
        if not E164.match(form.get("to", "")):
            return 403, "Invalid to number", "text/plain"
        if not form.get("from") or not form.get("message"):
            return 403, "Missing key from" if not form.get("from") else "Missing key message", "text/plain"
        message = ProviderMessage(form["from"], form["to"], form["message"], f"s{next(self._ids):032x}")
        self.received.append(message)
        return 200, json.dumps({"status": "created", "direction": "outgoing", "from": message.sender,
                                "created": "2026-12-04T09:12:00.000000", "parts": 1, "to": message.to,
                                "cost": 3500, "message": message.text, "id": message.id}), "application/json"

    def _sinch(self, path: str, authorization: str, content_type: str, body: bytes) -> tuple[int, str, str]:
        if authorization != f"Bearer {self.TOKEN}":
            return 401, json.dumps({"code": "unauthorized", "text": "Unauthorized"}), "application/json"
        if path != f"/xms/v1/{self.PLAN}/batches":
            return 404, json.dumps({"code": "not_found", "text": "Not found"}), "application/json"
        try:
            batch = json.loads(body)
        except ValueError:
            return 400, json.dumps({"code": "syntax_invalid_json", "text": "Invalid JSON"}), "application/json"
        to = batch.get("to")
        if not content_type.startswith("application/json") or not isinstance(to, list) or not to \
                or not all(isinstance(n, str) and E164.match(n) for n in to) or not batch.get("body"):
            return 400, json.dumps({"code": "syntax_constraint_violation", "text": "to and body are required"}), \
                "application/json"
        batch_id = f"01FC{next(self._ids):022d}"
        self.received += [ProviderMessage(batch.get("from", ""), n, batch["body"], batch_id) for n in to]
        return 201, json.dumps({"id": batch_id, "to": to, "from": batch.get("from", ""), "canceled": False,
                                "body": batch["body"], "type": "mt_text",
                                "created_at": "2026-12-04T09:12:00.000Z"}), "application/json"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
