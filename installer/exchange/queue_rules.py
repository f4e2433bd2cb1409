"""The queue's rules without Kamailio: who a caller is, which class, queue order, API input checks.

Loaded by the KEMI script (`queue_service.py`) inside Kamailio's own Python, and unit-tested on its own.
Standard library only: Kamailio's interpreter has nothing else.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Any

CLASS_RANK = {"emergency": 0, "priority": 1, "internal": 2, "normal": 3}
NAME_MAX = 40  # display names are shown as plain text, capped: they come from the caller, never trusted
NUMBER_MAX = 32
_NUMBER_CHARS = re.compile(r"[^0-9A-Za-z+*#._-]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
BODY_MAX = 1024  # bytes of an API request body; anything larger is refused before parsing
ID_PATTERN = re.compile(r"^[0-9]{1,12}$")


def token_digest(token: str) -> str:
    """What the rendered configuration keeps of a console's token: its SHA-256, never the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str, digest: str) -> bool:
    return hmac.compare_digest(token_digest(token), digest)


def normalise(number: str) -> str:
    """Digits with a leading + kept (as softphone.desk.priority.normalise)."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return ("+" + digits) if number.strip().startswith("+") else digits


def clean_name(name: str) -> str:
    """A display name fit to show: unquoted, no control characters, capped at NAME_MAX."""
    name = name.strip().strip('"').replace('\\"', '"')
    name = _CONTROL.sub("", name).strip()
    return name[:NAME_MAX]


def clean_number(user: str) -> str:
    """The user part of the caller's address, reduced to characters a number or extension may hold."""
    return _NUMBER_CHARS.sub("", user)[:NUMBER_MAX]


def classify(number: str, dialled: str, rules: dict[str, Any]) -> str:
    """The caller's class from the caller's and the dialled number, as PriorityRules.classify does;
    the dialled number's own configured class applies when it is stricter."""
    caller, line = normalise(number), normalise(dialled)
    emergency = {normalise(n) for n in rules.get("emergency_numbers", [])}
    priority = {normalise(n) for n in rules.get("priority_numbers", [])}
    by_line = rules.get("numbers", {}).get(dialled) or rules.get("numbers", {}).get(line)
    if caller in emergency or (line and line in emergency) or by_line == "emergency":
        return "emergency"
    if caller in priority or (line and line in priority) or by_line == "priority":
        return "priority"
    if (caller and caller.isdigit() and len(caller) <= int(rules.get("internal_max_digits", 0))) \
            or by_line == "internal":
        return "internal"
    return "normal"


ID_EPOCH = 1767225600  # 2026-01-01 UTC
IDS_PER_SECOND = 4


def first_value(name: str, now: float) -> int:
    """Where a counter starts when Kamailio starts. Queue ids ("seq") start from the time, so a restarted
    exchange never reuses an id of the last run (the consoles' shared call-back list keeps one entry per id)
    unless that run took more than four callers a second on average; htable's 32-bit integers last until
    2043 that way. Event numbers start from 0: a console reconnects after a restart and fetches anew."""
    return int((now - ID_EPOCH) * IDS_PER_SECOND) if name == "seq" else 0


def explicit_port(uri: str) -> str:
    """The port a SIP URI names, or "" when it names none ("sip:4711@example.se" means the domain, whatever
    port its exchange listens on; "sip:1000@192.0.2.7:40840" is a console's own contact)."""
    rest = uri.partition(":")[2]
    host = rest.rpartition("@")[2]
    for end in ";?>":
        host = host.partition(end)[0]
    if host.startswith("["):  # IPv6 reference: [2001:db8::1]:5070
        return host.partition("]")[2].lstrip(":")
    return host.partition(":")[2]


def queue_order(callers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Emergency, priority, internal, then longest waiting; the id breaks ties (arrival order)."""
    return sorted(callers, key=lambda c: (CLASS_RANK.get(c["class"], 3), c["joined_at"], int(c["id"])))


def public(caller: dict[str, Any]) -> dict[str, Any]:
    """What consoles see of a caller (the transaction's ids stay inside)."""
    return {key: caller[key] for key in ("id", "name", "number", "dialled", "class", "joined_at", "offered_to")}


class BadRequestError(Exception):
    """A request the API refuses with 400; the message names what is wrong."""


def parse_pick(body: str) -> str:
    """The id (or "next") a pick request names; raises BadRequestError naming the fault."""
    if len(body.encode("utf-8", "replace")) > BODY_MAX:
        raise BadRequestError(f"body larger than {BODY_MAX} bytes")
    try:
        data = json.loads(body or "null")
    except json.JSONDecodeError as exc:
        raise BadRequestError(f"body is not JSON: {exc.msg} at {exc.pos}") from None
    if not isinstance(data, dict):
        raise BadRequestError('body must be a JSON object such as {"id": "next"}')
    unknown = sorted(set(data) - {"id"})
    if unknown:  # e.g. {"operator": ...}: a console picks only for itself, as its credentials say
        raise BadRequestError(f'unknown field "{unknown[0]}": a pick names only "id" and is always for the '
                              "console that asks")
    wanted = data.get("id")
    if not isinstance(wanted, str):
        raise BadRequestError('"id" must be a string: a caller id or "next"')
    if wanted != "next" and not ID_PATTERN.match(wanted):
        raise BadRequestError('"id" must be a caller id (digits) or "next"')
    return wanted


def parse_hello(message: str) -> tuple[str, str]:
    """The operator and token an event-stream client opens with; raises BadRequestError."""
    try:
        data = json.loads(message)
    except ValueError:
        raise BadRequestError("not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("operator"), str) \
            or not isinstance(data.get("token"), str):
        raise BadRequestError('expected {"operator": ..., "token": ...}')
    return data["operator"], data["token"]


def bearer(header: str) -> str:
    scheme, _, value = header.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def sql_text(value: object) -> str:
    """A value as an SQL literal for sqlops (which has no bound parameters): NULL, a number, or quoted."""
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return "'" + _CONTROL.sub("", str(value)).replace("'", "''") + "'"
