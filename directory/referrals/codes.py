"""Referral codes ("lunch", "meeting", "sick", ...): what the operator sees, what the caller hears, defaults.

A code is plain data so that configuration can override any part of it; `merge_codes` lays configured
tables (``[referrals.codes.<key>]``) over the built-in defaults in `directory.referrals.defaults`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import time
from enum import StrEnum
from typing import Any

LANGUAGES = ("sv", "nb", "en")


class AlternativeKind(StrEnum):
    """Where callers are sent by default while the person is away."""

    NUMBER = "number"
    PERSON = "person"
    UNIT = "unit"
    SWITCHBOARD = "switchboard"


class DefaultEnd(StrEnum):
    """How the return time is chosen when the operator gives none."""

    MINUTES = "minutes"  # "back at": now (or the start) + default_minutes
    NEXT_WORKING_DAY = "next_working_day"  # at next_day_at on the next working day
    CLEARED = "cleared"  # open-ended: until someone clears it


class CallerTime(StrEnum):
    """How the return time is read out to the caller."""

    BACK = "back"  # "... and will be back at 13:00"
    UNTIL = "until"  # "... until 14:30"
    NONE = "none"  # never said (privacy: "not available today")


@dataclass(frozen=True, slots=True)
class Texts:
    """One wording in each of our languages; English is the fallback for a missing one."""

    sv: str = ""
    nb: str = ""
    en: str = ""

    def get(self, language: str) -> str:
        value = getattr(self, language, "") if language in LANGUAGES else ""
        return str(value or self.en or self.sv or self.nb)


@dataclass(frozen=True, slots=True)
class ReferralCode:
    """A referral code. ``label`` is the operator's word ("Sick"); ``caller`` the predicate read to callers
    after the person's name ("is not available today"), so private reasons never reach them."""

    key: str
    label: Texts
    caller: Texts
    return_required: bool = False
    default_end: DefaultEnd = DefaultEnd.CLEARED
    default_minutes: int = 30
    next_day_at: time = time(8, 0)
    caller_time: CallerTime = CallerTime.UNTIL
    alternative: AlternativeKind = AlternativeKind.SWITCHBOARD
    alternative_value: str = ""  # e.g. a fixed number for this code; empty: the operator fills it in
    enabled: bool = True


class CodeConfigError(ValueError):
    """A configured code is malformed; the message names the code and the key."""


_ENUMS: dict[str, type[StrEnum]] = {
    "default_end": DefaultEnd, "caller_time": CallerTime, "alternative": AlternativeKind}
_BOOLS = ("return_required", "enabled")


def _texts(base: Texts, value: Any, where: str) -> Texts:
    if isinstance(value, str):  # one wording for every language
        return Texts(value, value, value)
    if not isinstance(value, Mapping) or not set(value) <= set(LANGUAGES) or not all(
            isinstance(v, str) for v in value.values()):
        raise CodeConfigError(f"{where}: expected a table with sv, nb and/or en texts")
    return replace(base, **dict(value))


def _time(value: Any, where: str) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            hour, minute = (int(part) for part in value.replace(".", ":").split(":"))
            return time(hour, minute)
        except ValueError:
            pass
    raise CodeConfigError(f"{where}: expected a time such as \"08:00\" (got {value!r})")


def code_from_table(key: str, table: Mapping[str, Any], base: ReferralCode | None = None) -> ReferralCode:
    """A code from one configuration table, laid over ``base`` (the default of that key, if any)."""
    if base is None:
        if "label" not in table:
            raise CodeConfigError(f"referrals.codes.{key}: a new code needs at least a label")
        base = ReferralCode(key, Texts(), Texts("är inte tillgänglig", "er ikke tilgjengelig", "is not available"))
    known = {f.name for f in fields(ReferralCode)} - {"key"}
    changes: dict[str, Any] = {}
    for name, value in table.items():
        where = f"referrals.codes.{key}.{name}"
        if name not in known:
            raise CodeConfigError(f"{where}: unknown key")
        if name in ("label", "caller"):
            changes[name] = _texts(getattr(base, name), value, where)
        elif name in _ENUMS:
            try:
                changes[name] = _ENUMS[name](value)
            except ValueError:
                allowed = ", ".join(member.value for member in _ENUMS[name])
                raise CodeConfigError(f"{where}: expected one of {allowed} (got {value!r})") from None
        elif name in _BOOLS:
            if not isinstance(value, bool):
                raise CodeConfigError(f"{where}: expected true or false (got {value!r})")
            changes[name] = value
        elif name == "default_minutes":
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 60 * 24 * 14:
                raise CodeConfigError(f"{where}: expected whole minutes from 1 to 20160 (got {value!r})")
            changes[name] = value
        elif name == "next_day_at":
            changes[name] = _time(value, where)
        elif not isinstance(value, str):
            raise CodeConfigError(f"{where}: expected text (got {value!r})")
        else:
            changes[name] = value
    return replace(base, **changes)


def merge_codes(defaults: Mapping[str, ReferralCode],
                configured: Mapping[str, Mapping[str, Any]]) -> dict[str, ReferralCode]:
    """Configured tables over the defaults: a known key changes only the fields given, a new key adds a
    code, ``enabled = false`` hides one. Order: the defaults', then new codes as configured.
    Raises CodeConfigError on the first malformed table."""
    merged = dict(defaults)
    for key, table in configured.items():
        if not key or not key.replace("_", "").replace("-", "").isalnum():
            raise CodeConfigError(f"referrals.codes.{key}: a code key is letters, digits, '_' or '-'")
        merged[key] = code_from_table(key, table, defaults.get(key))
    return merged
