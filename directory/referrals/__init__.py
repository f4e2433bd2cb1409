"""Referral status ("hänvisning"): codes, return times, the caller"s sentence and the referral service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from directory.lazy import lazy_exports

if TYPE_CHECKING:
    from directory.referrals.codes import (
        AlternativeKind,
        CallerTime,
        CodeConfigError,
        DefaultEnd,
        ReferralCode,
        Texts,
        merge_codes,
    )
    from directory.referrals.defaults import DEFAULT_CODES, UNKNOWN_CODE
    from directory.referrals.readout import Alternative, caller_sentence, clock_text
    from directory.referrals.service import (
        ReferralError,
        ReferralProblem,
        ReferralService,
        build_referral,
        default_until,
    )
    from directory.referrals.when import WhenError, WhenProblem, parse_when
    from directory.referrals.workdays import WorkingDays, local_zone

__all__ = [
    "DEFAULT_CODES",
    "UNKNOWN_CODE",
    "Alternative",
    "AlternativeKind",
    "CallerTime",
    "CodeConfigError",
    "DefaultEnd",
    "ReferralCode",
    "ReferralError",
    "ReferralProblem",
    "ReferralService",
    "Texts",
    "WhenError",
    "WhenProblem",
    "WorkingDays",
    "build_referral",
    "caller_sentence",
    "clock_text",
    "default_until",
    "local_zone",
    "merge_codes",
    "parse_when",
]

# Each name is imported from its module when first used: the package's settings (read with the
# configuration by every command) then come without the modules that need the store or a server.
__getattr__ = lazy_exports(__name__, {
    "directory.referrals.codes": (
        "AlternativeKind", "CallerTime", "CodeConfigError", "DefaultEnd", "ReferralCode", "Texts", "merge_codes",
    ),
    "directory.referrals.defaults": ("DEFAULT_CODES", "UNKNOWN_CODE"),
    "directory.referrals.readout": ("Alternative", "caller_sentence", "clock_text"),
    "directory.referrals.service": (
        "ReferralError", "ReferralProblem", "ReferralService", "build_referral", "default_until",
    ),
    "directory.referrals.when": ("WhenError", "WhenProblem", "parse_when"),
    "directory.referrals.workdays": ("WorkingDays", "local_zone"),
})
