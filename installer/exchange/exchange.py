"""Entry point loaded by Kamailio's app_python3: the SIP routes of the exchange's queue.

A caller's INVITE to a switchboard number is answered 180 (or 182), suspended and recorded; a pick
resumes it towards the operator's registered console (route `ksr_offer`); a console that fails puts the
caller back (`ksr_failure_offer` suspends the transaction again); a caller who hangs up or waits too long
leaves (`ksr_failure_waiting`). The control API and the event stream are in `api.py`.
"""

from __future__ import annotations

import time
from typing import Any

import KSR  # type: ignore[import-not-found]
import queue_rules as rules  # type: ignore[import-not-found]
from queue_api import Api  # type: ignore[import-not-found]
from queue_service import Queue, _get, _read_settings, identity, over_limit  # type: ignore[import-not-found]


def mod_init() -> Any:
    return kamailio(_read_settings())


class kamailio:  # noqa: N801 - the name app_python3 looks for
    def __init__(self, settings: dict[str, Any]) -> None:
        self.s = settings
        self.queue = Queue(settings)
        self.api = Api(settings, self.queue, self)
        self.offer_failed = ""  # set by ksr_offer when it could not reach the console (read by the API)

    def child_init(self, rank: int) -> int:
        return 0

    # app_python3 calls these for every reply and every sent request once any route exists.
    def ksr_reply_route(self, msg: Any) -> int:
        return 1

    def ksr_onsend_route(self, msg: Any) -> int:
        return 1

    # -- SIP -----------------------------------------------------------------------------------

    def ksr_request_route(self, msg: Any) -> int:
        if KSR.maxfwd.process_maxfwd(10) < 0:
            KSR.sl.sl_send_reply(483, "Too Many Hops")
            return 1
        method = _get("$rm")
        if method == "CANCEL":
            self.cancelled()
            if KSR.tm.t_check_trans() > 0:
                KSR.tm.t_relay()
            return 1
        if KSR.tm.t_check_trans() == 0:  # a retransmission, absorbed
            return 1
        if method == "REGISTER":
            return self.register()
        if KSR.siputils.has_totag() > 0:
            return self.relay_in_dialog()
        KSR.hdr.remove("Route")
        if method == "OPTIONS" and _get("$rU") == "":
            KSR.sl.sl_send_reply(200, "Keepalive")
            return 1
        ours = self.addressed_to_us()
        if method == "INVITE" and ours and _get("$rU") in self.s["numbers"]:
            return self.join()
        if ours and KSR.registrar.lookup("location") < 0:
            if not self.s.get("forward_to"):
                KSR.sl.sl_send_reply(404, "Not Found")
                return 1
            # Neither a queue number nor a console: the PBX behind the exchange has it (the number kept).
            KSR.setdsturi(self.s["forward_to"])
        if KSR.tm.t_relay() < 0:
            KSR.sl.sl_reply_error()
        return 1

    def addressed_to_us(self) -> bool:
        """The request URI is in our domain on our own port (anything else is relayed as addressed)."""
        port = rules.explicit_port(_get("$ru"))  # $rp reads 5060 when the URI names no port
        return _get("$rd") == self.s["domain"] and port in ("", str(self.s["sip_port"]))

    def cancelled(self) -> None:
        """A waiting caller hung up: gone from the queue at once. (tm then ends the suspended INVITE with
        487 without running its failure route; an offered caller's failure route sees t_is_canceled.)"""
        with self.queue.locked():
            caller = self.queue.by_callid(_get("$ci"))
            if caller is not None and not caller.get("offered_to"):
                self.queue.leave(caller, "abandoned", None)

    def relay_in_dialog(self) -> int:
        # Nothing is record-routed, so in-dialog requests reach us only when a UA sends them to us as its
        # outbound proxy (e.g. the ACK for a console's 200, addressed to the console's contact).
        ack = _get("$rm") == "ACK"
        if self.addressed_to_us() and KSR.registrar.lookup("location") < 0:
            if not ack:  # an ACK is never answered
                KSR.sl.sl_send_reply(404, "Not here")
            return 1
        if KSR.tm.t_relay() < 0 and not ack:
            KSR.sl.sl_reply_error()
        return 1

    def register(self) -> int:
        user = _get("$fU")
        ha1 = self.s["operators"].get(user, {}).get("ha1", "")
        if not ha1:
            KSR.sl.sl_send_reply(403, "Not an operator of this exchange")
            return 1
        # flags 1: the password is HA1; checks 1: the authentication user must be the From user.
        if KSR.auth.pv_auth_check(self.s["domain"], ha1, 1, 1) < 0:
            KSR.auth.auth_challenge(self.s["domain"], 0)
            return 1
        KSR.auth.consume_credentials()
        KSR.registrar.save("location", 0)
        return 1

    def join(self) -> int:
        """Answers 180/182, suspends the INVITE and records the caller (or overflows at once: nobody in)."""
        limit = int(self.s.get("invite_rate_limit", 0))
        if over_limit("invite", limit):  # a flood of calls from one address: refused before it is held
            KSR.hdr.append_to_reply("Retry-After: 1\r\n")
            KSR.sl.sl_send_reply(503, "Too many calls from your address")
            return 1
        wait_ms = int(self.s["max_wait_s"] * 1000)
        KSR.tm.t_set_max_lifetime(wait_ms + 600_000, 0)  # above any wait plus the last offer and overflow
        if KSR.tm.t_newtran() < 0:
            KSR.sl.sl_reply_error()
            return 1
        code, reason = (182, "Queued") if self.s.get("queued_reply") == 182 else (180, "Ringing")
        KSR.tm.t_reply(code, reason)
        name, number = identity()
        dialled = _get("$rU")
        caller = {"id": "", "name": name, "number": number, "dialled": dialled,
                  "class": rules.classify(number, dialled, self.s), "joined_at": round(time.time(), 3),
                  "offered_to": None, "callid": _get("$ci")}
        if not self.queue.operators() and self.s.get("overflow_to"):
            caller["id"] = str(self.queue.counter("seq"))
            self.queue.record("joined", caller)
            self.queue.record("overflowed", caller, None, "no operator signed in")
            return self.overflow()
        self.suspend(caller)
        caller["id"] = str(self.queue.counter("seq"))
        caller["tindex"], caller["tlabel"] = _get("$T(id_index)"), _get("$T(id_label)")
        with self.queue.locked():
            self.queue.put(caller)
            KSR.htable.sht_sets("qx", caller["callid"], caller["id"])
            self.queue.emit({"event": "joined", "caller": rules.public(caller)})
        self.queue.record("joined", caller)
        return 1

    def suspend(self, caller: dict[str, Any]) -> bool:
        """Holds the INVITE until a pick (t_continue) or until the caller's wait is over (the blind
        branch's fr timer, which then runs ksr_failure_waiting)."""
        joined = caller["joined_at"]
        left_ms = max(1000, int((joined + self.s["max_wait_s"] - time.time()) * 1000))
        KSR.tm.t_set_fr(left_ms, left_ms)
        KSR.tm.t_on_failure("ksr_failure_waiting")
        return bool(KSR.tmx.t_suspend() > 0)

    def overflow(self) -> int:
        target = self.s.get("overflow_to", "")
        if not target:
            KSR.tm.t_reply(480, "No operator available")
            return 1
        KSR.pv.sets("$ru", target)
        KSR.tm.t_set_fr(120_000, 30_000)
        if KSR.tm.t_relay() < 0:
            KSR.tm.t_reply(500, "Overflow failed")
        return 1

    def ksr_offer(self, msg: Any) -> int:
        """Resumed by a pick (in failure-route context): the INVITE goes to the operator's console."""
        caller = self.queue.by_callid(_get("$ci"))
        if caller is None or not caller.get("offered_to"):
            return 1
        operator = caller["offered_to"]
        KSR.pv.sets("$ru", f"sip:{operator}@{self.s['domain']}")
        if KSR.registrar.lookup("location") < 0:
            self.offer_failed = "console not registered"
            self.put_back(caller, "not registered")
            return 1
        KSR.hdr.append(f"X-Switchboard-Queue-Id: {caller['id']}\r\n")
        offer_ms = int(self.s["offer_timeout_s"] * 1000)
        KSR.tm.t_set_fr(offer_ms, offer_ms)
        KSR.tm.t_on_failure("ksr_failure_offer")
        KSR.tm.t_on_reply("ksr_reply_offer")
        if KSR.tm.t_relay() < 0:
            self.offer_failed = "relay failed"
            self.put_back(caller, "relay failed")
        return 1

    def put_back(self, caller: dict[str, Any], why: str) -> None:
        """The offer failed: the caller waits again in its old place (same arrival time). Every offer and
        every wait is a branch of the caller's one INVITE transaction; past tm's limit (max_branches) the
        INVITE cannot be held again and the caller overflows rather than being lost."""
        held = self.suspend(caller)
        with self.queue.locked():
            current = self.queue.get(caller["id"])
            if current is None:
                return
            operator = current.get("offered_to")
            if not held:
                self.queue.leave(current, "overflowed", None, f"offered too often ({why})")
            else:
                current["offered_to"] = None
                self.queue.put(current)
                self.queue.emit({"event": "returned", "id": current["id"]})
        if not held:
            self.overflow()
            return
        self.queue.record("returned", current, operator, why)

    def ksr_reply_offer(self, msg: Any) -> int:
        if 200 <= int(_get("$rs") or 0) < 300:
            with self.queue.locked():
                caller = self.queue.by_callid(_get("$ci"))
                if caller is not None:
                    self.queue.leave(caller, "picked", caller.get("offered_to"))
        return 1

    def ksr_failure_offer(self, msg: Any) -> int:
        caller = self.queue.by_callid(_get("$ci"))
        if caller is None:
            return 1
        if KSR.tm.t_is_canceled() > 0:
            with self.queue.locked():
                self.queue.leave(caller, "abandoned", None)
            return 1
        self.put_back(caller, f"console replied {_get('$T_reply_code')}")
        return 1

    def ksr_failure_waiting(self, msg: Any) -> int:
        caller = self.queue.by_callid(_get("$ci"))
        if caller is None:
            return 1
        if KSR.tm.t_is_canceled() > 0:
            with self.queue.locked():
                self.queue.leave(caller, "abandoned", None)
            return 1
        with self.queue.locked():
            self.queue.leave(caller, "overflowed", None, "waited too long")
        return self.overflow()

    def ksr_overflow_now(self, msg: Any) -> int:
        """Resumed when the last operator signs out: waiting callers go to the overflow number."""
        caller = self.queue.by_callid(_get("$ci"))
        if caller is not None:
            with self.queue.locked():
                self.queue.leave(caller, "overflowed", None, "no operator signed in")
        return self.overflow()

    # -- control API and event stream (api.py) ---------------------------------------------------

    def ksr_xhttp_event(self, msg: Any, evname: str = "") -> int:
        return int(self.api.http())

    def ksr_evapi_event(self, msg: Any, evname: str = "") -> int:
        return int(self.api.stream(evname))
