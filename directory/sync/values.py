"""Turning raw LDAP attribute values (bytes) into clean text, with a reason for every value dropped."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence

# Longer than this is not a name, title or number but broken or hostile data (a 100 kB "title").
MAX_VALUE_CHARS = 1024
# More values than this in one attribute is a broken entry; keep the first ones.
MAX_VALUES = 50
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
# A UUID already in the form str(uuid.UUID(...)) gives (OpenLDAP's entryUUID): kept as it is.
_CANONICAL_UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

RawAttributes = Mapping[str, Sequence[bytes]]


def lowered(attributes: RawAttributes) -> dict[str, Sequence[bytes]]:
    """Attribute names are case-insensitive in LDAP; servers answer in their own spelling."""
    return {name.lower(): values for name, values in attributes.items()}


def decode_text(value: bytes) -> str:
    """A value as one line of text; raises ValueError with the reason when it is not usable."""
    if len(value) > 4 * MAX_VALUE_CHARS:
        raise ValueError(f"{len(value)} bytes long")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start})") from None
    if len(text) > MAX_VALUE_CHARS:
        raise ValueError(f"{len(text)} characters long")
    if text.isprintable() and "  " not in text:
        return text.strip()  # the common case, without the two regular expressions
    # Control characters would corrupt the list view and search; newlines become spaces.
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def decode_id(value: bytes, *, binary: bool) -> str:
    """The stable id as text: a GUID in its usual form, or the (lower-cased UUID) text value."""
    if binary:
        if len(value) != 16:
            raise ValueError(f"a GUID must be 16 bytes, got {len(value)}")
        return str(uuid.UUID(bytes_le=value))
    if _CANONICAL_UUID.fullmatch(value):
        return value.decode("ascii")
    text = decode_text(value)
    if not text:
        raise ValueError("empty")
    if len(text) > 255:
        raise ValueError(f"{len(text)} characters long")
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return text


def change_key(value: str) -> tuple[int, str]:
    """Orders cursor values: numbers (uSNChanged) numerically, timestamps and CSNs as text."""
    return (int(value), "") if value.isdigit() else (0, value)
