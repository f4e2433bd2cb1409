"""The `[referrals]` settings, declared once here: the zone and caller language, and the code tables.

The app composes `ReferralSettings` into its TOML tree; `merge_codes` turns the code tables (as plain data)
into `ReferralCode`s over the defaults, which is where the rules the types cannot express are checked.
"""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import Field

from directory.referrals.codes import AlternativeKind, CallerTime, DefaultEnd
from settings_base import Choice, Section


class ReferralTextSettings(Section):
    """A text given per language; a language left out keeps the built-in wording."""

    sv: str | None = Field(None, description="Swedish.")
    nb: str | None = Field(None, description="Norwegian Bokmål.")
    en: str | None = Field(None, description="English.")


class ReferralCodeSettings(Section):
    """One `[referrals.codes.KEY]` table: only the fields given change the built-in code; a new KEY adds one."""

    label: ReferralTextSettings | str | None = Field(None, description="What the operator sees, per language.")
    caller: ReferralTextSettings | str | None = Field(
        None, description="What the caller hears after the name (\"is at lunch\"), per language.")
    return_required: bool | None = Field(None, description="The operator must give a return time.")
    default_end: Choice[DefaultEnd] | None = Field(
        None, description="Without a return time: after default_minutes, the next working day, or until cleared.")
    default_minutes: int | None = Field(None, ge=1, le=20160, description="Minutes for default_end = minutes.")
    next_day_at: str | time | None = Field(None, description="Time of day for default_end = next_working_day.")
    caller_time: Choice[CallerTime] | None = Field(
        None, description="How the return time is read to callers; none keeps it private.")
    alternative: Choice[AlternativeKind] | None = Field(
        None, description="Where callers are referred by default.")
    alternative_value: str | None = Field(None, description="A fixed alternative, e.g. a number.")
    enabled: bool | None = Field(None, description="false hides the code.")


class ReferralSettings(Section):
    """The `[referrals]` section: return times' zone, the callers' language, and the codes."""

    time_zone: str = Field("", description="IANA time zone for return times, e.g. Europe/Stockholm; "
                                           "empty: the computer's.")
    caller_language: Literal["sv", "nb", "en"] = Field("sv", description="Language of the sentence read to callers.")
    codes: dict[str, ReferralCodeSettings] = Field(
        default_factory=dict, description="Referral codes over the built-in ones, one [referrals.codes.KEY] each.")
