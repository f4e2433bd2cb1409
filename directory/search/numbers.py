"""Phone numbers as search keys: every spelling of a number leads to the same digits.

Each number is indexed once, under its national significant number ("196021000" for 019-602 10 00,
"67501234" for the Bærum number), or under its digits as written when it has no E.164 form (a DECT
extension). A query is turned into national-number prefixes the same way: "0196021000",
"019-602 10 00", "+46 19 602 10 00" and "0046196021000" all become "196021000", and "+47 67501234" and
"67 50 12 34" become "67501234". The last four and five digits are indexed too, for bare extensions.

Keys are stored as integers tagged with their length (``length * 10**15 + value``) in two parallel sorted
arrays, so 400,000 numbers cost about 5 MB and a prefix is a handful of bisections.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import repeat
from operator import and_, rshift

import phonenumbers

from directory.model import PhoneNumber
from directory.phones import digits, to_e164

EXTENSION_LENGTHS = (4, 5)
MAX_DIGITS = 15
_TAG = 1_000_000_000_000_000  # 10 ** MAX_DIGITS
_SLOT_BITS = 31  # slots are array('i') values, never negative
# "+46 (0)19 ..." carries a trunk 0 that is not dialled after the country code.
_TRUNK_IN_PARENS = re.compile(r"\(\s*0\s*\)")
_NUMBER_CHARS = re.compile(r"^[\d\s()+\-./]*$")
# Country codes a Nordic operator may type without "+" or "00" ("4767501234").
_BARE_COUNTRY_CODES = ("46", "47", "45", "358")


_COUNTRY_CODES = frozenset(str(code) for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


def _country_code(international: str) -> str:
    if len(international) > 3:
        return _leading_country_code(international[:3])
    for n in (1, 2, 3):
        if len(international) > n and international[:n] in _COUNTRY_CODES:
            return international[:n]
    return ""


@lru_cache(maxsize=2048)
def _leading_country_code(head: str) -> str:
    """The country code at the start of a number longer than ``head`` (its first three digits)."""
    return next((head[:n] for n in (1, 2, 3) if head[:n] in _COUNTRY_CODES), "")


# Separators numbers are written with; anything else goes through the general rule (directory.phones).
_SEPARATORS = str.maketrans("", "", " -+()/.")


def _digits(raw: str) -> str:
    plain = raw.translate(_SEPARATORS)
    return plain if plain.isascii() and plain.isdecimal() else digits(raw)


@lru_cache(maxsize=4096)
def _e164(raw: str) -> str | None:
    found: str | None = to_e164(raw)
    return found


def national_digits(number: PhoneNumber) -> tuple[str, str]:
    """(digits as written, national significant number or the written digits if it has no E.164)."""
    raw = number.raw
    written = _digits(_TRUNK_IN_PARENS.sub("", raw) if "(" in raw else raw)[:MAX_DIGITS]
    e164 = number.e164 or (_e164(number.raw) if len(written) >= 7 else None)
    if e164:
        international = e164.lstrip("+")
        cc = _country_code(international)
        if cc:
            return written, international[len(cc):]
    return written, written


def encode(key: str) -> int:
    return len(key) * _TAG + int(key)


def number_keys(number: PhoneNumber) -> tuple[list[int], list[int]]:
    """(national key, extension keys) of one number, encoded."""
    written, national = national_digits(number)
    if not national:
        return [], []
    extensions = [encode(written[-n:]) for n in EXTENSION_LENGTHS] if len(written) > max(EXTENSION_LENGTHS) \
        else []
    return [encode(national)], extensions


def is_number_query(text: str) -> bool:
    return any(c.isdigit() for c in text) and bool(_NUMBER_CHARS.match(text))


def query_forms(text: str) -> list[str]:
    """National-number prefixes the typed digits may stand for, most literal first."""
    cleaned = _TRUNK_IN_PARENS.sub("", text).strip()
    typed = digits(cleaned)[:MAX_DIGITS]
    if not typed:
        return []
    if cleaned.startswith("+") or typed.startswith("00"):
        international = typed[2:] if typed.startswith("00") else typed
        cc = _country_code(international)
        return [international[len(cc):]] if cc and len(international) > len(cc) else []
    forms = [typed]
    if typed.startswith("0") and len(typed) > 1:
        forms.append(typed[1:])
    if len(typed) >= 10:
        forms.extend(typed[len(cc):] for cc in _BARE_COUNTRY_CODES if typed.startswith(cc))
    return forms


class NumberIndex:
    """Encoded digit keys to slots; exact and prefix lookups by bisection."""

    def __init__(self) -> None:
        self._keys: array[int] = array("q")
        self._slots: array[int] = array("i")
        # While bulk loading: (key, slot) pairs as two flat arrays, not ~600,000 tuples that would
        # outlive the whole build interleaved with the index's own objects (fragmenting the heap).
        self._pending_keys: array[int] = array("q")
        self._pending_slots: array[int] = array("i")

    def bulk_load(self, pairs: Iterable[tuple[int, Iterable[int]]]) -> None:
        self.begin_bulk()
        for slot, keys in pairs:
            self.bulk_add(slot, keys)
        self.end_bulk()

    def begin_bulk(self) -> None:
        self._pending_keys, self._pending_slots = array("q"), array("i")

    def bulk_add(self, slot: int, keys: Iterable[int]) -> None:
        for key in keys:
            self._pending_keys.append(key)
            self._pending_slots.append(slot)

    def end_bulk(self) -> None:
        keys, slots = self._pending_keys, self._pending_slots
        # Sorted by (key, slot) as one integer each: a plain sort of ints, no key function or tuples.
        paired = sorted(map(int.__add__, map(int.__lshift__, keys, repeat(_SLOT_BITS)), slots))
        self._keys = array("q", map(rshift, paired, repeat(_SLOT_BITS)))
        self._slots = array("i", map(and_, paired, repeat((1 << _SLOT_BITS) - 1)))
        self._pending_keys, self._pending_slots = array("q"), array("i")

    def to_plain(self) -> tuple[bytes, bytes]:
        return self._keys.tobytes(), self._slots.tobytes()

    @classmethod
    def from_plain(cls, plain: tuple[bytes, bytes]) -> NumberIndex:
        index = cls()
        index._keys, index._slots = array("q", plain[0]), array("i", plain[1])
        return index

    def add(self, slot: int, keys: Iterable[int]) -> None:
        for key in keys:
            at = bisect_left(self._keys, key)
            while at < len(self._keys) and self._keys[at] == key and self._slots[at] < slot:
                at += 1
            self._keys.insert(at, key)
            self._slots.insert(at, slot)

    def discard(self, slot: int, keys: Iterable[int]) -> None:
        for key in keys:
            at = bisect_left(self._keys, key)
            while at < len(self._keys) and self._keys[at] == key:
                if self._slots[at] == slot:
                    del self._keys[at]
                    del self._slots[at]
                    break
                at += 1

    def exact(self, key: str) -> Iterator[int]:
        code = encode(key)
        at = bisect_left(self._keys, code)
        while at < len(self._keys) and self._keys[at] == code:
            yield self._slots[at]
            at += 1

    def prefix(self, prefix: str) -> Iterator[int]:
        """Slots of keys starting with ``prefix``: shortest keys first, then in numeric order."""
        value = int(prefix)
        for length in range(len(prefix), MAX_DIGITS + 1):
            scale = int(10 ** (length - len(prefix)))
            lo = bisect_left(self._keys, length * _TAG + value * scale)
            hi = bisect_left(self._keys, length * _TAG + (value + 1) * scale)
            yield from self._slots[lo:hi]


def _spans(raw: str, first: int, count: int) -> tuple[tuple[int, int], ...]:
    """Spans in ``raw`` covering its digits ``first`` .. ``first + count - 1`` (separators included)."""
    positions = [i for i, c in enumerate(raw) if c.isdigit()]
    first = max(first, 0)
    count = min(count, len(positions) - first)
    if count <= 0:
        return ()
    return ((positions[first], positions[first + count - 1] + 1),)


def match_spans(number: PhoneNumber, forms: list[str]) -> tuple[tuple[int, int], ...]:
    """Which digits of the number as written the typed digits stand for."""
    written, national = national_digits(number)
    start = len(written) - len(national)  # the national number is the tail of what is written
    for form in forms:
        if written.startswith(form):
            return _spans(number.raw, 0, len(form))
        if national.startswith(form):
            return _spans(number.raw, start, len(form))
    for form in forms:
        if len(form) in EXTENSION_LENGTHS and written.endswith(form):
            return _spans(number.raw, len(written) - len(form), len(form))
    return ()
