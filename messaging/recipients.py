"""Checking recipients before anything is queued: SMS numbers, e-mail addresses and pager call numbers.

Every value that reaches a transport passes here first, so no field can carry a line break into an SMTP
header, an HTTP query or an ESPA frame.
"""

from __future__ import annotations

import re

import phonenumbers

from directory.phones import to_e164
from messaging.model import Channel, MessageError, Recipient

# Deliberately narrower than RFC 5322: what staff directories hold. No quotes, no comments, no spaces,
# no control characters, so the address can be put in a header as is.
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")
_PAGER = re.compile(r"\d{1,16}")  # an ESPA call address: digits only
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]")
_MOBILE = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def has_control(text: str) -> bool:
    """True when `text` holds a line break or another control character (never allowed in one-line fields)."""
    return _CONTROL.search(text) is not None


def check_name(name: str) -> str:
    if has_control(name):
        raise MessageError(f"the name {name!r} holds a line break or control character")
    return name.strip()


def sms_number(raw: str, region: str, allowed_regions: frozenset[str]) -> str:
    """The E.164 form of a mobile number in one of `allowed_regions`, or MessageError saying why not."""
    if has_control(raw):
        raise MessageError(f"the number {raw!r} holds a line break or control character")
    e164 = to_e164(raw, region)
    if e164 is None:
        raise MessageError(f"{raw.strip()!r} is not a complete phone number")
    parsed = phonenumbers.parse(e164)
    country = phonenumbers.region_code_for_number(parsed)
    if allowed_regions and country not in allowed_regions:
        raise MessageError(f"{raw.strip()!r} is a number in {country or 'an unknown country'}; "
                             f"SMS go only to {', '.join(sorted(allowed_regions))}")
    if phonenumbers.number_type(parsed) not in _MOBILE:
        raise MessageError(f"{raw.strip()!r} is not a mobile number")
    return e164


def email_address(raw: str) -> str:
    address = raw.strip()
    if has_control(raw) or not _EMAIL.fullmatch(address) or len(address) > 254:
        raise MessageError(f"{raw!r} is not an e-mail address")
    return address


def pager_number(raw: str) -> str:
    number = raw.strip()
    if not _PAGER.fullmatch(number):
        raise MessageError(f"{raw!r} is not a pager or DECT call number (digits only)")
    return number


def check_recipient(channel: Channel, raw: str, *, name: str = "", region: str = "SE",
                    allowed_regions: frozenset[str] = frozenset({"SE", "NO"})) -> Recipient:
    """`raw` as the channel's transport takes it, with its checked name; MessageError names what is wrong."""
    if channel is Channel.SMS:
        address = sms_number(raw, region, allowed_regions)
    elif channel is Channel.EMAIL:
        address = email_address(raw)
    else:
        address = pager_number(raw)
    return Recipient(address, check_name(name))
