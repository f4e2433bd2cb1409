"""Referral codes: complete defaults in three languages, configuration laid over them, clear errors."""

from __future__ import annotations

from datetime import time

import pytest

from directory.referrals import (
    DEFAULT_CODES,
    AlternativeKind,
    CallerTime,
    CodeConfigError,
    DefaultEnd,
    Texts,
    merge_codes,
)

ASKED_FOR = {"lunch", "meeting", "business", "sick", "vacation", "course", "gone_for_day", "parental_leave",
             "remote", "dnd"}


def test_defaults_cover_the_issue_and_the_demo_in_every_language() -> None:
    assert ASKED_FOR | {"leave", "off_duty"} == set(DEFAULT_CODES)
    for code in DEFAULT_CODES.values():
        for language in ("sv", "nb", "en"):
            assert getattr(code.label, language), (code.key, language)
            assert getattr(code.caller, language), (code.key, language)


def test_defaults_follow_pbx_habits() -> None:
    assert DEFAULT_CODES["lunch"].default_end is DefaultEnd.MINUTES
    assert DEFAULT_CODES["lunch"].default_minutes == 30
    assert DEFAULT_CODES["meeting"].default_end is DefaultEnd.NEXT_WORKING_DAY
    assert DEFAULT_CODES["meeting"].next_day_at == time(8, 0)
    assert DEFAULT_CODES["sick"].default_end is DefaultEnd.CLEARED
    assert DEFAULT_CODES["vacation"].return_required
    # privacy: the caller never hears "sick", nor for how long
    assert DEFAULT_CODES["sick"].caller.en == "is not available today"
    assert DEFAULT_CODES["sick"].caller_time is CallerTime.NONE
    assert DEFAULT_CODES["sick"].label.sv == "Sjuk"


def test_texts_fall_back_to_english() -> None:
    assert Texts(en="Lunch").get("sv") == "Lunch"
    assert Texts("Lunch", "Lunsj", "Lunch").get("nb") == "Lunsj"
    assert Texts("Lunch", "Lunsj", "Lunch").get("de") == "Lunch"


def test_configuration_changes_only_what_it_names() -> None:
    codes = merge_codes(DEFAULT_CODES, {
        "lunch": {"default_minutes": 45, "label": {"sv": "Lunchrast"}},
        "sick": {"enabled": False},
        "meeting": {"next_day_at": "07:30", "alternative": "unit", "alternative_value": "019-602 10 00"},
        "training": {"label": {"sv": "Utbildning", "nb": "Opplæring", "en": "Training"},
                     "caller": {"sv": "är på utbildning", "nb": "er på opplæring", "en": "is in training"},
                     "default_end": "minutes", "default_minutes": 120, "caller_time": "back"},
    })
    assert codes["lunch"].default_minutes == 45
    assert codes["lunch"].label == Texts("Lunchrast", "Lunsj", "Lunch")
    assert codes["lunch"].caller == DEFAULT_CODES["lunch"].caller
    assert not codes["sick"].enabled
    assert codes["meeting"].next_day_at == time(7, 30)
    assert codes["meeting"].alternative is AlternativeKind.UNIT
    assert codes["training"].key == "training"
    assert codes["training"].caller_time is CallerTime.BACK
    assert list(codes)[-1] == "training"
    assert DEFAULT_CODES["lunch"].default_minutes == 30  # the defaults are untouched


@pytest.mark.parametrize(("configured", "message"), [
    ({"lunch": {"colour": "red"}}, r"referrals\.codes\.lunch\.colour: unknown key"),
    ({"lunch": {"default_end": "sometime"}}, r"expected one of minutes, next_working_day, cleared"),
    ({"lunch": {"default_minutes": "30"}}, r"whole minutes"),
    ({"lunch": {"default_minutes": 0}}, r"whole minutes"),
    ({"lunch": {"return_required": "yes"}}, r"true or false"),
    ({"lunch": {"next_day_at": "8 o'clock"}}, r"a time such as"),
    ({"lunch": {"label": {"de": "Mittag"}}}, r"sv, nb and/or en"),
    ({"lunch": {"alternative_value": 123}}, r"expected text"),
    ({"new": {"default_minutes": 10}}, r"a new code needs at least a label"),
    ({"bad key": {"label": "X"}}, r"letters, digits"),
])
def test_malformed_configuration_names_the_key(configured: dict[str, dict[str, object]], message: str) -> None:
    with pytest.raises(CodeConfigError, match=message):
        merge_codes(DEFAULT_CODES, configured)


def test_a_single_string_serves_every_language() -> None:
    codes = merge_codes(DEFAULT_CODES, {"x": {"label": "X-ray"}})
    assert codes["x"].label == Texts("X-ray", "X-ray", "X-ray")
    assert codes["x"].caller.en == "is not available"
