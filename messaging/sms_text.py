"""How an SMS text is encoded and split: GSM 03.38 when every character fits, UCS-2 otherwise.

A single SMS holds 160 GSM 7-bit septets or 70 UCS-2 characters; a concatenated message loses 7 septets
(3 UCS-2 characters) of every part to the user data header. Characters from the GSM extension table
(€, [, ], {, }, ...) take two septets. These are the limits the SMPP transport splits by and the form
shows the operator.
"""

from __future__ import annotations

from dataclasses import dataclass

# GSM 03.38 default alphabet (3GPP TS 23.038, 6.2.1) and the characters reached through its escape.
GSM_BASIC = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
             "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENSION = "\f^{}\\[~]|€"
_BASIC = frozenset(GSM_BASIC) - {"\x1b"}
_EXTENDED = frozenset(GSM_EXTENSION)


@dataclass(frozen=True, slots=True)
class SmsLayout:
    encoding: str  # "gsm" or "ucs2"
    units: int  # septets (gsm) or UTF-16 code units (ucs2)
    parts: int


def is_gsm(text: str) -> bool:
    return all(c in _BASIC or c in _EXTENDED for c in text)


def layout(text: str) -> SmsLayout:
    if is_gsm(text):
        units = sum(2 if c in _EXTENDED else 1 for c in text)
        single, part = 160, 153
        encoding = "gsm"
    else:
        units = len(text.encode("utf-16-be")) // 2
        single, part = 70, 67
        encoding = "ucs2"
    parts = 1 if units <= single else -(-units // part)
    return SmsLayout(encoding, units, parts)


def split_ucs2(text: str, per_part: int = 67) -> list[bytes]:
    """UTF-16-BE parts of at most `per_part` code units, never cutting a surrogate pair in two."""
    parts: list[bytes] = []
    current = b""
    for char in text:
        encoded = char.encode("utf-16-be")
        if len(current) + len(encoded) > per_part * 2:
            parts.append(current)
            current = b""
        current += encoded
    return [*parts, current] if current or not parts else parts


_EXTENSION_CODES = {"\f": 0x0A, "^": 0x14, "{": 0x28, "}": 0x29, "\\": 0x2F, "[": 0x3C, "~": 0x3D, "]": 0x3E,
                    "|": 0x40, "€": 0x65}
ESCAPE = 0x1B
CONCATENATED = 0x40  # esm_class UDHI: the short message starts with a user data header


def gsm_septets(text: str) -> list[bytes]:
    """Each character of `text` as GSM 03.38 septet values, one byte each (an extension character is two)."""
    return [bytes([ESCAPE, _EXTENSION_CODES[c]]) if c in _EXTENSION_CODES else bytes([GSM_BASIC.index(c)])
            for c in text]


def gsm_split(text: str, per_part: int = 153) -> list[bytes]:
    """Unpacked GSM septets in parts of at most `per_part`, never parting an escape from its character."""
    parts: list[bytes] = []
    current = b""
    for septets in gsm_septets(text):
        if len(current) + len(septets) > per_part:
            parts.append(current)
            current = b""
        current += septets
    return [*parts, current] if current or not parts else parts


def short_messages(text: str, reference: int) -> tuple[int, list[bytes]]:
    """(SMPP data_coding, short_message of each part): GSM default alphabet (0) or UCS-2 (8); more than one
    part each starts with the concatenation header (IEI 0, `reference`, count, sequence number)."""
    shape = layout(text)
    if shape.encoding == "gsm":
        coding, parts = 0, gsm_split(text, 160 if shape.parts == 1 else 153)
    else:
        coding, parts = 8, split_ucs2(text, 70 if shape.parts == 1 else 67)
    if len(parts) == 1:
        return coding, parts
    return coding, [bytes([5, 0, 3, reference & 0xFF, len(parts), n]) + part for n, part in enumerate(parts, 1)]
