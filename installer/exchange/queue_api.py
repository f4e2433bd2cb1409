"""The control API (xhttp, HTTP/JSON) and the event stream (evapi) of the exchange's queue.

HTTP, on the API listener only (SIP's TCP listener refuses HTTP):
  GET /queue, POST /queue/pick {"id": ID|"next"}, POST /queue/sign-in, POST /queue/sign-out.
Every request names its console in `X-Switchboard-Operator` and proves it with `Authorization: Bearer
TOKEN`; the configuration holds only each token's SHA-256. Errors are JSON {"error": kind, "message"}.

Event stream (evapi, netstrings): a console sends {"operator", "token"}; a wrong one is disconnected; a
right one is tagged "auth", receives {"event": "hello", "seq"} and from then on every event. Events carry
a "seq" so a console can tell which come after the snapshot it fetched.
"""

from __future__ import annotations

import json
from typing import Any

import KSR  # type: ignore[import-not-found]
import queue_rules as rules  # type: ignore[import-not-found]
from queue_service import Queue, _get, over_limit  # type: ignore[import-not-found]


class RefusedError(Exception):
    def __init__(self, status: int, kind: str, message: str) -> None:
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            409: "Conflict", 413: "Payload Too Large", 429: "Too Many Requests", 503: "Service Unavailable"}


class Api:
    def __init__(self, settings: dict[str, Any], queue: Queue, routes: Any) -> None:
        self.s, self.queue, self.routes = settings, queue, routes

    def reply(self, status: int, body: dict[str, Any]) -> int:
        KSR.xhttp.xhttp_reply(status, _REASONS.get(status, "Error"), "application/json", json.dumps(body))
        return 1

    def http(self) -> int:
        if int(_get("$Rp") or 0) != int(self.s["api_port"]):
            return self.reply(403, {"error": "forbidden", "message": "no HTTP on this port"})
        limit = int(self.s.get("api_rate_limit", 0))
        if over_limit("api", limit):
            # Refused before any parsing, token check or lock: a flood from one address costs little and
            # every other console is served between its requests.
            return self.reply(429, {"error": "rate_limited", "message": f"more than {limit} requests a "
                                    f"second from {_get('$si')}; try again in a second"})
        try:
            return self.handle(_get("$rm"), _get("$hu").partition("?")[0])
        except rules.BadRequestError as exc:
            return self.reply(400, {"error": "bad_request", "message": str(exc)})
        except RefusedError as exc:
            return self.reply(exc.status, {"error": exc.kind, "message": exc.message})

    def authenticate(self) -> str:
        operator = _get("$hdr(X-Switchboard-Operator)")
        digest = self.s["operators"].get(operator, {}).get("token_sha256", "")
        token = rules.bearer(_get("$hdr(Authorization)"))
        if not operator or not digest or not token or not rules.token_matches(token, digest):
            raise RefusedError(403, "forbidden", "unknown operator or wrong token")
        return str(operator)

    def handle(self, method: str, path: str) -> int:
        routes = {("GET", "/queue"): self.list, ("POST", "/queue/pick"): self.pick,
                  ("POST", "/queue/sign-in"): self.sign_in, ("POST", "/queue/sign-out"): self.sign_out}
        handler = routes.get((method, path))
        if handler is None:
            if any(p == path for _, p in routes):
                raise RefusedError(405, "bad_request", f"{method} is not allowed on {path}")
            raise RefusedError(404, "unknown", f"no such resource {path}")
        length = int(_get("$cl") or 0)
        if length > rules.BODY_MAX:
            raise RefusedError(413, "bad_request", f"body larger than {rules.BODY_MAX} bytes")
        operator = self.authenticate()
        return handler(operator)

    def list(self, operator: str) -> int:
        with self.queue.locked():
            callers = [rules.public(c) for c in self.queue.callers()]
            operators = self.queue.operators()
            seq = int(KSR.htable.sht_get("qm", "evseq") or 0)
        return self.reply(200, {"callers": callers, "operators": operators, "seq": seq,
                                "events_port": self.s["events_port"]})

    def pick(self, operator: str) -> int:
        wanted = rules.parse_pick(_get("$rb"))
        with self.queue.locked():
            if not KSR.htable.sht_get("qm", "op:" + operator):
                raise RefusedError(403, "not_signed_in", f"operator {operator} is not signed in")
            callers = self.queue.callers()
            if wanted == "next":
                waiting = [c for c in callers if not c.get("offered_to")]
                if not waiting:
                    raise RefusedError(404, "unknown", "nobody is waiting")
                caller = waiting[0]
            else:
                found = [c for c in callers if c["id"] == wanted]
                if not found:
                    gone = self.queue.gone(wanted)
                    if gone and gone["reason"] == "picked":
                        raise RefusedError(409, "taken", f"caller {wanted} was answered by {gone['by']}")
                    if gone:
                        raise RefusedError(409, "taken", f"caller {wanted} has left ({gone['reason']})")
                    raise RefusedError(404, "unknown", f"no caller {wanted} in the queue")
                caller = found[0]
                if caller.get("offered_to"):
                    raise RefusedError(409, "taken", f"caller {wanted} is offered to {caller['offered_to']}")
            caller["offered_to"] = operator
            self.queue.put(caller)
            self.queue.emit({"event": "offered", "id": caller["id"], "to": operator})
        self.queue.record("offered", caller, operator)
        self.routes.offer_failed = ""
        # Outside the lock (see queue_service): resumes the INVITE into ksr_offer, in this process.
        if KSR.tmx.t_continue(int(caller["tindex"]), int(caller["tlabel"]), "ksr_offer") < 0:
            raise RefusedError(409, "taken", f"caller {caller['id']} has just left")
        if self.routes.offer_failed:
            raise RefusedError(503, "unreachable", f"cannot reach the console of {operator}: "
                          f"{self.routes.offer_failed}")
        return self.reply(200, {"id": caller["id"]})

    def sign_in(self, operator: str) -> int:
        with self.queue.locked():
            KSR.htable.sht_seti("qm", "op:" + operator, 1)
            self.queue.emit({"event": "operators", "signed_in": self.queue.operators()})
        return self.reply(200, {"signed_in": True})

    def sign_out(self, operator: str) -> int:
        with self.queue.locked():
            KSR.htable.sht_rm("qm", "op:" + operator)
            operators = self.queue.operators()
            self.queue.emit({"event": "operators", "signed_in": operators})
            waiting = [c for c in self.queue.callers() if not c.get("offered_to")]
        if not operators and self.s.get("overflow_to"):
            for caller in waiting:  # nobody left to pick them: overflow now rather than at max wait
                KSR.tmx.t_continue(int(caller["tindex"]), int(caller["tlabel"]), "ksr_overflow_now")
        return self.reply(200, {"signed_in": False})

    def stream(self, evname: str) -> int:
        if evname != "evapi:message-received":
            return 1
        try:
            operator, token = rules.parse_hello(_get("$evapi(msg)"))
        except rules.BadRequestError:
            KSR.evapi.close()
            return 1
        digest = self.s["operators"].get(operator, {}).get("token_sha256", "")
        if not digest or not rules.token_matches(token, digest):
            KSR.evapi.close()
            return 1
        KSR.evapi.set_tag("auth")
        with self.queue.locked():
            self.queue.emit({"event": "hello", "operator": operator})
        return 1
