"""The sentence read to the caller: caller-facing wording, times per language, the alternative offered."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from directory.model import Referral
from directory.referrals import DEFAULT_CODES, UNKNOWN_CODE, Alternative, caller_sentence, clock_text

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 20, 12, 5, tzinfo=STOCKHOLM)  # Friday


def say(code: str, until: datetime | None, alternative: str, language: str) -> str:
    return caller_sentence("Anna Berg", Referral(1, code, until=until, alternative=alternative),
                           DEFAULT_CODES[code], language=language, now=NOW, zone=STOCKHOLM)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Anna Berg is in a meeting until 14:30. You can reach the ward on 019-602 10 00 instead."),
    ("sv", "Anna Berg sitter i möte till 14.30. Du kan nå the ward på 019-602 10 00 i stället."),
    ("nb", "Anna Berg sitter i møte til kl. 14.30. Du kan nå the ward på 019-602 10 00 i stedet."),
])
def test_meeting_with_a_unit_number(language: str, expected: str) -> None:
    until = datetime(2026, 11, 20, 14, 30, tzinfo=STOCKHOLM)
    assert say("meeting", until, "the ward on 019-602 10 00", language) == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("sv", "Anna Berg är på lunch och är tillbaka 13.00. Jag kan koppla dig till Per Holm i stället."),
    ("nb", "Anna Berg er på lunsj og er tilbake kl. 13.00. Jeg kan sette deg over til Per Holm i stedet."),
    ("en", "Anna Berg is at lunch and will be back at 13:00. I can put you through to Per Holm instead."),
])
def test_lunch_with_a_colleague(language: str, expected: str) -> None:
    assert say("lunch", datetime(2026, 11, 20, 13, tzinfo=STOCKHOLM), "Per Holm", language) == expected


@pytest.mark.parametrize("language", ["sv", "nb", "en"])
def test_sick_is_private_even_with_a_return_time(language: str) -> None:
    sentence = say("sick", datetime(2026, 11, 23, 8, tzinfo=STOCKHOLM), "", language)
    assert sentence.startswith(f"Anna Berg {DEFAULT_CODES['sick'].caller.get(language)}.")
    for private in ("sick", "sjuk", "syk", "8.00", "08:00", "måndag", "mandag", "Monday"):
        assert private not in sentence
    assert {"sv": "meddelande", "nb": "beskjed", "en": "message"}[language] in sentence


@pytest.mark.parametrize(("until", "language", "expected"), [
    (datetime(2026, 11, 21, 8, tzinfo=STOCKHOLM), "en", "until tomorrow at 08:00"),
    (datetime(2026, 11, 21, 8, tzinfo=STOCKHOLM), "sv", "till i morgon kl. 8.00"),
    (datetime(2026, 11, 21, 8, tzinfo=STOCKHOLM), "nb", "til i morgen kl. 8.00"),
    (datetime(2026, 11, 23, 8, tzinfo=STOCKHOLM), "en", "until Monday at 08:00"),
    (datetime(2026, 11, 23, 8, tzinfo=STOCKHOLM), "sv", "till måndag kl. 8.00"),
    (datetime(2026, 11, 23, 8, tzinfo=STOCKHOLM), "nb", "til mandag kl. 8.00"),
    (datetime(2026, 12, 7, 9, 30, tzinfo=STOCKHOLM), "en", "until Monday 7 December at 09:30"),
    (datetime(2026, 12, 7, 9, 30, tzinfo=STOCKHOLM), "sv", "till måndag den 7 december kl. 9.30"),
    (datetime(2026, 12, 7, 9, 30, tzinfo=STOCKHOLM), "nb", "til mandag 7. desember kl. 9.30"),
])
def test_times_further_away(until: datetime, language: str, expected: str) -> None:
    assert expected in say("meeting", until, "", language)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Anna Berg is on holiday and will be back on Monday 7 December at 08:00."),
    ("sv", "Anna Berg har semester och är tillbaka måndag den 7 december kl. 8.00."),
    ("nb", "Anna Berg har ferie og er tilbake mandag 7. desember kl. 8.00."),
])
def test_vacation_back_on_a_date(language: str, expected: str) -> None:
    sentence = say("vacation", datetime(2026, 12, 7, 8, tzinfo=STOCKHOLM), "", language)
    assert sentence == expected  # no alternative configured, and the code's default is not the switchboard


def test_alternative_forms() -> None:
    assert Alternative.from_text("019-602 10 00") == Alternative(number="019-602 10 00")
    assert Alternative.from_text("Avdelning 12, 019-602 10 00") == Alternative("Avdelning 12", "019-602 10 00")
    assert Alternative.from_text("expeditionen på +46 19 602 10 00") == Alternative("expeditionen", "+46 19 602 10 00")
    assert Alternative.from_text("Per  Holm") == Alternative(label="Per Holm")
    assert Alternative.from_text("Ward 12") == Alternative(label="Ward 12")  # too few digits for a number
    assert Alternative.from_text("Avd 123") == Alternative(label="Avd 123")
    assert Alternative.from_text("Avd 12: 4512") == Alternative("Avd 12", "4512")
    assert say("remote", None, "070-123 45 67", "sv").endswith("Du kan ringa 070-123 45 67 i stället.")


def test_unknown_code_and_utc_times_read_in_the_operators_zone() -> None:
    until = datetime(2026, 11, 20, 13, 0, tzinfo=ZoneInfo("UTC"))  # 14:00 in Stockholm
    sentence = caller_sentence("Per Holm", Referral(2, "gone", until=until), UNKNOWN_CODE, language="en",
                               now=NOW, zone=STOCKHOLM)
    assert sentence == "Per Holm is not available until 14:00. I can take a message or help you in another way."
    assert clock_text(until.astimezone(STOCKHOLM), "sv") == "14.00"
