"""Phone number normalisation for the directory: E.164 for matching and dialling, digits for search.

Directories in Sweden and Norway write numbers in many ways ("019-602 10 00", "+46 (0)19 602 10 00",
"0046196021000", "22 11 33 44"). Everything that could reach the same line must normalise to the same
E.164 string, and anything that is not a complete number (a bare extension such as "1234", a DECT
short number, a local number without its area code) must give ``None`` rather than a wrong number.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

__all__ = ["FALLBACK_REGIONS", "digits", "to_e164"]

# Regions tried, in order, when a number is not a complete national number of the given region:
# a Swedish directory holds Norwegian numbers written without +47 and vice versa.
FALLBACK_REGIONS: tuple[str, ...] = ("SE", "NO")

_NON_DIGITS = re.compile(r"\D+")
# "019-602 10 00 ankn. 1234": the extension is not part of the E.164 number.
_EXTENSION = re.compile(r"\s*(?:ankn(?:ytning)?\.?|ext\.?|lokal|x)\s*\d+\s*$", re.IGNORECASE)
# Fewer digits than this is an extension or short number, never a full subscriber number.
_MIN_DIGITS = 7


def digits(raw: str) -> str:
    """Only the digits of ``raw`` ("+46 19-602 10 00" -> "46196021000"), for substring search."""
    return _NON_DIGITS.sub("", raw)


def to_e164(raw: str, region: str = "SE") -> str | None:
    """The E.164 form of ``raw`` ("+46196021000"), or ``None`` if it is not a complete valid number.

    ``region`` is where the number was written (its country's dialling conventions apply). A number
    written without international prefix that is not a complete number of ``region`` is tried in the
    other :data:`FALLBACK_REGIONS` (so "22 11 33 44" in a Swedish directory is the Oslo number).
    """
    text = _EXTENSION.sub("", raw.strip())
    if len(digits(text)) < _MIN_DIGITS:
        return None
    region = region.upper()
    if _is_international(text):
        return _parse(text, region)
    candidates = [region, *(r for r in FALLBACK_REGIONS if r != region)]
    for candidate in candidates:
        if _is_national_form(text, candidate):
            result = _parse(text, candidate)
            if result is not None:
                return result
    return None


def _is_international(text: str) -> bool:
    return text.startswith("+") or digits(text).startswith("00")


def _is_national_form(text: str, region: str) -> bool:
    """Whether ``text`` is written as a full national number of ``region``.

    Where the region uses a trunk prefix (Sweden's 0), a number without it is a local number lacking
    its area code or a foreign one; phonenumbers would happily misread "602 10 00" as +46 602 10 00.
    """
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return False
    prefix = metadata.national_prefix
    if prefix:
        return digits(text).startswith(prefix)
    # Regions without a trunk prefix (Norway): a leading 0 means the number belongs elsewhere.
    return not digits(text).startswith("0")


def _parse(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)
