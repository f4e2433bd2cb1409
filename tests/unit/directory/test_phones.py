"""Phone number normalisation: the Swedish and Norwegian ways of writing the same line."""

from __future__ import annotations

import random
import re

import pytest

from directory import phones
from directory.phones import digits, to_e164


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("019-602 10 00", "+46196021000"),
        ("0196021000", "+46196021000"),
        ("+46 19 602 10 00", "+46196021000"),
        ("+46 (0)19 602 10 00", "+46196021000"),
        ("0046196021000", "+46196021000"),
        ("00 46 19 602 10 00", "+46196021000"),
        ("019-602 10 00 ankn. 1234", "+46196021000"),
        ("08-123 456 78", "+46812345678"),
        ("08/12345678", "+46812345678"),
        ("070-123 45 67", "+46701234567"),
        ("+47 22 11 33 44", "+4722113344"),
        ("0047 22113344", "+4722113344"),
        ("22 11 33 44", "+4722113344"),
        ("912 34 567", "+4791234567"),
    ],
)
def test_swedish_region_normalises(raw: str, expected: str) -> None:
    assert to_e164(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("22 11 33 44", "+4722113344"),
        ("+47 915 55 555", "+4791555555"),
        ("+46 19 602 10 00", "+46196021000"),
        # A Swedish number written nationally in a Norwegian directory: Norway has no trunk prefix.
        ("019-602 10 00", "+46196021000"),
    ],
)
def test_norwegian_region_normalises(raw: str, expected: str) -> None:
    assert to_e164(raw, "NO") == expected


@pytest.mark.parametrize(
    "raw",
    ["1234", "54321", "", "   ", "abc", "602 10 00", "070-123", "+46 0000000000", "ankn 1234"],
)
def test_incomplete_or_invalid_numbers_give_none(raw: str) -> None:
    assert to_e164(raw) is None


def test_region_is_case_insensitive() -> None:
    assert to_e164("22113344", "no") == "+4722113344"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("+46 19-602 10 00", "46196021000"), ("070-123 45 67", "0701234567"), ("ext", ""), ("", "")],
)
def test_digits(raw: str, expected: str) -> None:
    assert digits(raw) == expected


def test_fast_path_agrees_with_phonenumbers_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain digit strings take a shortcut past phonenumbers.parse; it must never change an answer."""
    rng = random.Random(2026)
    samples = []
    for _ in range(3000):
        prefix = rng.choice(["0", "00", "+", "", "+46", "0046", "+47", "0047", "+45", "0", "+4779", "79", "07"])
        body = "".join(rng.choice("0123456789") for _ in range(rng.randint(5, 11)))
        samples.append("".join(c + (rng.choice(" -/") if rng.random() < 0.3 else "") for c in prefix + body))
    fast = [(to_e164(s, r)) for s in samples for r in ("SE", "NO", "DK")]
    monkeypatch.setattr(phones, "_PLAIN", re.compile(r"(?!)"))
    slow = [(to_e164(s, r)) for s in samples for r in ("SE", "NO", "DK")]
    assert fast == slow
    assert sum(1 for n in fast if n) > 1000
