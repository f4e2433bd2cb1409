"""The demo's number plan: unique landline numbers in realistic Swedish and Norwegian spellings.

E.164 forms are built alongside the written form instead of parsed back: parsing costs ~40 µs a
number, which a 200,000-person benchmark demo cannot afford. A unit test checks that
``directory.phones.to_e164`` gives the same answer for every number of the default demo.
"""

from __future__ import annotations

import random

from directory.demo.randomness import pick
from directory.model import NumberKind, PhoneNumber

_SE_MOBILE_PREFIXES = ("70", "72", "73", "76")
_NO_MOBILE_PREFIXES = ("40", "41", "46", "47", "48", "90", "91", "92", "93", "94", "95", "97", "98", "99")


class NumberPlan:
    """Hands out numbers; landlines are unique (a permuted counter per country: 3.98 million Swedish,
    2.5 million Norwegian), mobiles random."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._se_next = 0
        self._no_next = 0

    def landline(self, country: str, kind: NumberKind = NumberKind.WORK) -> PhoneNumber:
        if country == "NO":
            return self._no_landline(kind)
        return self._se_landline(kind)

    def mobile(self, country: str) -> PhoneNumber:
        r = self._rng
        if country == "NO":
            national = f"{pick(r, _NO_MOBILE_PREFIXES)}{int(r.random() * 1_000_000):06d}"
            return PhoneNumber(_no_spelling(national, r.random(), mobile=True), NumberKind.MOBILE,
                               f"+47{national}")
        national = f"{pick(r, _SE_MOBILE_PREFIXES)}{int(r.random() * 10_000_000):07d}"
        a, b, c, d = national[:2], national[2:5], national[5:7], national[7:]
        roll = r.random()
        if roll < 0.75:
            raw = f"0{a}-{b} {c} {d}"
        elif roll < 0.9:
            raw = f"+46 {a} {b} {c} {d}"
        else:
            raw = f"0{national}"
        return PhoneNumber(raw, NumberKind.MOBILE, f"+46{national}")

    def dect(self) -> PhoneNumber:
        """A short DECT extension: dialled inside the PBX only, so it has no E.164 form."""
        return PhoneNumber(f"{40_000 + int(self._rng.random() * 20_000)}", NumberKind.DECT, None)

    def pager(self) -> PhoneNumber:
        return PhoneNumber(f"{1_000 + int(self._rng.random() * 9_000)}", NumberKind.PAGER, None)

    def _se_landline(self, kind: NumberKind) -> PhoneNumber:
        n = self._se_next
        self._se_next += 1
        # 019-602 00 00 upwards: 10,000 numbers per 3-digit series, low digits permuted so that
        # neighbours in the list do not get neighbouring numbers.
        series = 602 + n // 10_000
        line = (n % 10_000) * 7919 % 10_000
        national = f"19{series}{line:04d}"
        s, ab, cd = f"{series}", f"{line:04d}"[:2], f"{line:04d}"[2:]
        roll = self._rng.random()
        if roll < 0.7:
            raw = f"019-{s} {ab} {cd}"
        elif roll < 0.85:
            raw = f"+46 19 {s} {ab} {cd}"
        elif roll < 0.95:
            raw = f"0{national}"
        else:
            raw = f"019/{s} {ab} {cd}"
        return PhoneNumber(raw, kind, f"+46{national}")

    def _no_landline(self, kind: NumberKind) -> PhoneNumber:
        n = self._no_next
        self._no_next += 1
        # 67 50 00 00 - 67 59 99 99 (Bærum), permuted like the Swedish series; a demo of a million
        # people needs more: 67 60 00 00 onwards, 100,000 a series up to 69 99 99 99 (2.5 million).
        series = 675 + n // 100_000 % 25
        national = f"{series}{(n % 100_000) * 7919 % 100_000:05d}"
        return PhoneNumber(_no_spelling(national, self._rng.random()), kind, f"+47{national}")


def _no_spelling(national: str, roll: float, *, mobile: bool = False) -> str:
    # Norwegian mobiles are grouped 3-2-3 ("912 34 567"), landlines 2-2-2-2 ("67 50 12 34").
    if mobile:
        grouped = f"{national[:3]} {national[3:5]} {national[5:]}"
    else:
        grouped = " ".join(national[i : i + 2] for i in range(0, 8, 2))
    if roll < 0.6:
        return grouped
    if roll < 0.9:
        return f"+47 {grouped}"
    return national
