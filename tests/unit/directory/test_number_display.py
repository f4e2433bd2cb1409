"""Numbers shown one way everywhere: national at home, international abroad, extensions as written."""

from __future__ import annotations

import pytest

from directory.number_display import NumberDisplay, format_number, moved_spans


@pytest.mark.parametrize("raw", ["019-602 37 57", "0196023757", "+46 19 602 37 57", "019/602 37 57",
                                 "0046 19 602 37 57", "+46 (0)19 602 37 57"])
def test_every_spelling_of_a_home_number_reads_the_same(raw: str) -> None:
    assert format_number(raw, "SE") == "019-602 37 57"


def test_foreign_numbers_are_international_and_home_depends_on_the_organisation() -> None:
    assert format_number("+47 22113344", "SE") == "+47 22 11 33 44"
    assert format_number("+4722113344", "NO") == "22 11 33 44"
    assert format_number("019-602 37 57", "NO") == "+46 19 602 37 57"


@pytest.mark.parametrize("raw", ["1234", "60237", "sip:anna@pbx.example", "", "Växeln"])
def test_what_is_not_a_complete_number_is_shown_as_written(raw: str) -> None:
    assert format_number(raw, "SE") == raw


def test_a_written_extension_is_kept() -> None:
    assert format_number("0196021000 ankn. 1234", "SE") == "019-602 10 00 ankn. 1234"


def test_dialled_switchboard_numbers_read_as_their_service_in_any_spelling() -> None:
    numbers = NumberDisplay("SE", {"0196024000": "Växeln", "+46 19 602 79 19": "Akuten"})
    assert numbers.dialled("+46196024000") == "Växeln"
    assert numbers.dialled("sip:0196024000@pbx.example") == "Växeln"
    assert numbers.dialled("0196027919") == "Akuten"
    assert numbers.dialled("+46196021000") == "019-602 10 00"  # not a service: the number as shown
    assert numbers.service("") == ""


def test_highlights_follow_the_digits_onto_the_shown_number() -> None:
    raw, shown = "+46 19 602 37 57", "019-602 37 57"
    assert moved_spans(raw, shown, ((7, 10),)) == ((4, 7),)  # "602"
    assert moved_spans(raw, shown, ((0, 3),)) == ()  # "+46" has no counterpart
    assert moved_spans("0196023757", shown, ((0, 4),)) == ((0, 5),)  # "0196" spans the dash
    assert moved_spans(shown, shown, ((1, 2),)) == ((1, 2),)
