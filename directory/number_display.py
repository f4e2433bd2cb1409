"""How phone numbers are shown to the operator: one convention for every list, pane and card.

Directories write numbers as they please ("019-602 37 57", "0196025954", "+46 19 602 01 37",
"019/602 82 59"); the operator should read them one way. A number of the organisation's own country is
shown in its national format ("019-602 37 57"), any other country's internationally ("+47 22 11 33 44"),
and what is not a complete number (an extension, a short number, a SIP address) exactly as written.
Only the text shown changes: stored numbers, search keys and what is dialled stay as written.

A dialled number that is one of the organisation's published switchboard numbers is shown by its
service name ("Växeln"), configured per switchboard number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from directory.phones import digits, extension_suffix, to_e164

__all__ = ["NumberDisplay", "format_number", "moved_spans"]


@lru_cache(maxsize=8192)  # the same few hundred numbers are shown over and over, once a second in the desk
def format_number(raw: str, home_region: str = "SE") -> str:
    """``raw`` as the operator reads it: national format at home, international abroad, else as written.

    >>> format_number("0196025954")
    '019-602 59 54'
    >>> format_number("+47 22 11 33 44")
    '+47 22 11 33 44'
    >>> format_number("019-602 10 00 ankn. 1234")
    '019-602 10 00 ankn. 1234'
    >>> format_number("1234")
    '1234'
    """
    text = raw.strip()
    if not text or "@" in text or ":" in text:  # empty, or a SIP address: nothing to reformat
        return text
    e164 = to_e164(text, home_region)
    if e164 is None:
        return text
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:  # to_e164 only returns what parses; kept for safety's sake
        return text
    region = phonenumbers.region_code_for_number(number)
    style = PhoneNumberFormat.NATIONAL if region == home_region.upper() else PhoneNumberFormat.INTERNATIONAL
    formatted: str = phonenumbers.format_number(number, style)
    return formatted + extension_suffix(text)  # "ankn. 1234" is kept as written


def _key(raw: str, home_region: str) -> str:
    """What two spellings of the same switchboard number have in common: E.164, else the digits."""
    return to_e164(raw, home_region) or digits(raw) or raw.strip().lower()


@dataclass(frozen=True)
class NumberDisplay:
    """The organisation's conventions for showing numbers: its country and its services' names.

    ``services`` maps switchboard numbers, in any spelling, to the name of the service they reach.
    """

    home_region: str = "SE"
    services: Mapping[str, str] = field(default_factory=dict)
    _names: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = {_key(number, self.home_region): name for number, name in self.services.items()}
        object.__setattr__(self, "_names", names)

    def number(self, raw: str) -> str:
        """A number as shown (see :func:`format_number`)."""
        return format_number(raw, self.home_region)

    def service(self, dialled: str) -> str:
        """The service name of a dialled switchboard number, or "" when it names none."""
        if not dialled or not self._names:
            return ""
        user = dialled.strip()
        if user.lower().startswith(("sip:", "sips:")):  # "sip:0196024000@pbx": the user part is the number
            user = user.split(":", 1)[1].split("@", 1)[0]
        return self._names.get(_key(user, self.home_region), "")

    def dialled(self, dialled: str) -> str:
        """What a caller dialled: its service name when it has one, else the number as shown."""
        return self.service(dialled) or self.number(dialled)


def moved_spans(raw: str, shown: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """Search highlights over ``raw``'s digits, moved onto the same digits of ``shown``.

    Numbers are aligned from their last digit: the subscriber number ends both spellings, while the
    start differs ("+46 19 ..." shown as "019 ..."); highlighted digits outside the digits both end
    with (a country code, a trunk 0) are dropped.
    """
    if raw == shown or not spans:
        return spans
    raw_digits = [i for i, c in enumerate(raw) if c.isdigit()]
    shown_digits = [i for i, c in enumerate(shown) if c.isdigit()]
    common = 0
    while common < min(len(raw_digits), len(shown_digits)) \
            and raw[raw_digits[-1 - common]] == shown[shown_digits[-1 - common]]:
        common += 1
    offset = len(shown_digits) - len(raw_digits)
    moved: list[tuple[int, int]] = []
    for start, end in spans:
        picked = [shown_digits[n + offset] for n, at in enumerate(raw_digits)
                  if start <= at < end and n >= len(raw_digits) - common]
        if picked:
            moved.append((picked[0], picked[-1] + 1))
    return tuple(moved)
