"""SMS encoding and parts as phones count them: GSM 03.38 (extension characters count twice) or UCS-2."""

from __future__ import annotations

from messaging.sms_text import layout, split_ucs2


def test_nordic_letters_fit_the_gsm_alphabet() -> None:
    shape = layout("Åsa Öberg ringde, ring tillbaka på 070-123 45 67. Ærlig ødelagt")
    assert (shape.encoding, shape.parts) == ("gsm", 1)


def test_gsm_limits_and_extension_characters() -> None:
    assert layout("a" * 160).parts == 1
    assert layout("a" * 161).parts == 2
    assert layout("€" * 80).units == 160
    assert layout("a" * 153 * 3).parts == 3


def test_non_latin_text_is_ucs2() -> None:
    assert layout("Привет").encoding == "ucs2"
    assert layout("ж" * 70).parts == 1
    assert layout("ж" * 71).parts == 2


def test_ucs2_parts_never_split_a_surrogate_pair() -> None:
    parts = split_ucs2("a" * 66 + "😀" + "b", per_part=67)
    assert [len(p) for p in parts] == [132, 6]
    assert b"".join(parts).decode("utf-16-be") == "a" * 66 + "😀" + "b"
