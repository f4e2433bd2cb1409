"""The exchange's queue inside Kamailio (KEMI, app_python3): callers held in suspended INVITE transactions.

Why KEMI in Python rather than the native cfg language: the queue is a small state machine (waiting,
offered, gone) with ordering, JSON, token checks and race rules; in Python these read plainly and the
rules (`queue_rules.py`) are unit-tested without Kamailio. Kamailio still does all the SIP work (tm
holds the callers, usrloc finds the consoles), and shared state lives in htable, because every Kamailio
process has its own interpreter.

State, all in shared memory:
  htable qc: queue id -> the caller's JSON record (with the transaction's index/label, never shown);
  htable qx: Call-ID -> queue id; htable qm: counters ("seq", "evseq") and "op:<name>" for signed-in
  operators; htable ql: only its lock, taken around every change of the queue so that transitions and
  their events happen in one order (one of two racing picks wins). t_continue is never called while that
  lock is held: a transaction's own reply lock is taken inside it, and a failure route holding the
  reply lock takes the queue lock, so holding both the other way round could deadlock.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import KSR  # type: ignore[import-not-found]  # provided by app_python3
import queue_rules as rules  # type: ignore[import-not-found]

SETTINGS_MARK = "# exchange-settings: "
_DISPLAY = re.compile(r'^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<')


def _read_settings() -> dict[str, Any]:
    """The settings rendered into the cfg file this Kamailio runs (found through its own -f argument)."""
    with open("/proc/self/cmdline", "rb") as handle:
        argv = handle.read().decode("utf-8", "replace").split("\0")
    path = "/etc/kamailio/kamailio.cfg"
    for i, arg in enumerate(argv[:-1]):
        if arg == "-f":
            path = argv[i + 1]
    with open(path, encoding="utf-8") as cfg:
        for line in cfg:
            if line.startswith(SETTINGS_MARK):
                return dict(json.loads(line[len(SETTINGS_MARK):]))
    raise RuntimeError(f"no '{SETTINGS_MARK.strip()}' line in {path}")


def _get(pv: str) -> str:
    value = KSR.pv.get(pv)
    return "" if value is None else str(value)


class Queue:
    """Reads and changes the shared queue; every change emits its event (evapi) and record (sqlops)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.s = settings

    @contextmanager
    def locked(self) -> Iterator[None]:
        KSR.htable.sht_lock("ql", "q")
        try:
            yield
        finally:
            KSR.htable.sht_unlock("ql", "q")

    def get(self, qid: str) -> dict[str, Any] | None:
        raw = KSR.htable.sht_get("qc", qid)
        return json.loads(raw) if isinstance(raw, str) and raw else None

    def put(self, caller: dict[str, Any]) -> None:
        KSR.htable.sht_sets("qc", caller["id"], json.dumps(caller))

    def remove(self, caller: dict[str, Any]) -> None:
        KSR.htable.sht_rm("qc", caller["id"])
        KSR.htable.sht_rm("qx", caller["callid"])

    def by_callid(self, callid: str) -> dict[str, Any] | None:
        qid = KSR.htable.sht_get("qx", callid)
        return self.get(str(qid)) if qid else None

    def callers(self) -> list[dict[str, Any]]:
        found = []
        KSR.htable.sht_iterator_start("qit", "qc")
        while KSR.htable.sht_iterator_next("qit") > 0:
            raw = _get("$shtitval(qit)")
            if raw:
                found.append(json.loads(raw))
        KSR.htable.sht_iterator_end("qit")
        ordered: list[dict[str, Any]] = rules.queue_order(found)
        return ordered

    def gone(self, qid: str) -> dict[str, str] | None:
        """How a caller who left in the last minute left (reason, by), or None for an id never queued."""
        raw = KSR.htable.sht_get("qg", qid)
        return json.loads(raw) if raw else None

    def operators(self) -> list[str]:
        return sorted(name for name in self.s["operators"] if KSR.htable.sht_get("qm", "op:" + name))

    def counter(self, name: str) -> int:
        """The next value of a shared counter (htable's increment fails on a key that is not there yet)."""
        value = KSR.htable.sht_inc("qm", name)
        if value > 0:
            return int(value)
        with self.locked():
            if KSR.htable.sht_get("qm", name) is None:
                KSR.htable.sht_seti("qm", name, rules.first_value(name, time.time()))
        return int(KSR.htable.sht_inc("qm", name))

    def emit(self, event: dict[str, Any]) -> None:
        """Sends one event to every authenticated console; called under the lock, so in order."""
        event["seq"] = self.counter("evseq")
        KSR.evapi.relay_multicast(json.dumps(event), "auth")

    def record(self, event: str, caller: dict[str, Any], operator: str | None = None,
               detail: str | None = None) -> None:
        """One row of the caller's life in the store (PostgreSQL asynchronously: SIP is not held up by it)."""
        if not self.s.get("records"):
            return
        now = time.time()
        values = [caller["id"], event, round(now, 3), caller["number"], caller["name"], caller["dialled"],
                  caller["class"], operator, round(now - caller["joined_at"], 3), detail,
                  self.s.get("organisation", "")]
        sql = ("INSERT INTO exchange_queue_events (queue_id, event, at, caller_number, caller_name, dialled, "
               "class, operator, waited_s, detail, organisation) VALUES ("
               + ", ".join(rules.sql_text(v) for v in values) + ")")
        if self.s.get("records_async"):
            KSR.sqlops.sql_query_async("records", sql)
        else:
            # db_sqlite has no asynchronous queries: a local insert, done in place. SQLite takes one writer
            # at a time ("database is locked" while another process or the console writes): try again.
            for _ in range(50):
                ok = KSR.sqlops.sql_query("records", sql, "rec") >= 0
                KSR.sqlops.sql_result_free("rec")
                if ok:
                    break
                time.sleep(0.01)

    def leave(self, caller: dict[str, Any], reason: str, by: str | None, detail: str | None = None) -> None:
        self.remove(caller)
        KSR.htable.sht_sets("qg", caller["id"], json.dumps({"reason": reason, "by": by or ""}))
        self.emit({"event": "left", "id": caller["id"], "reason": reason, "by": by})
        self.record({"picked": "answered"}.get(reason, reason), caller, by, detail)


def over_limit(kind: str, limit: int) -> bool:
    """Whether the source address of this request has sent more than `limit` of `kind` this second (a
    fixed one-second window per address, counted in htable qr across every Kamailio process). Two
    processes may both start the same second's count; that lets a request or two more through, never fewer."""
    if limit <= 0:
        return False
    key = f"{kind}:{_get('$si')}:{int(time.time())}"
    count = KSR.htable.sht_inc("qr", key)
    if count <= 0:  # htable's increment fails on a key not there yet
        KSR.htable.sht_seti("qr", key, 1)
        count = 1
    return int(count) > limit


def identity() -> tuple[str, str]:
    """(display name, number) of the caller: P-Asserted-Identity when present, else From."""
    pai = _get("$hdr(P-Asserted-Identity)")
    if pai:
        number = _get("$(ai{uri.user})")
        match = _DISPLAY.match(pai)
        name = (match.group(1) or match.group(2) or "") if match else ""
        if number:
            return rules.clean_name(name), rules.clean_number(number)
    return rules.clean_name(_get("$fn")), rules.clean_number(_get("$fU"))
