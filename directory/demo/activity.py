"""Referrals and notes for some of the demo's entries, so the console shows statuses from the start."""

from __future__ import annotations

import random
from datetime import timedelta

from directory.demo.records import DemoNote, DemoReferral
from directory.model import Entry, EntryKind

# code -> (Swedish text, Norwegian text, shortest and longest duration in minutes; None: open-ended)
REFERRAL_CODES: dict[str, tuple[str, str, int, int | None]] = {
    "lunch": ("Lunch", "Lunsj", 15, 60),
    "meeting": ("Möte", "Møte", 30, 180),
    "sick": ("Sjuk", "Syk", 8 * 60, None),
    "vacation": ("Semester", "Ferie", 2 * 1440, 21 * 1440),
    "course": ("Kurs", "Kurs", 1440, 5 * 1440),
    "leave": ("Tjänstledig", "Permisjon", 10 * 1440, 90 * 1440),
    "off_duty": ("Ledig", "Fri", 8 * 60, 16 * 60),
}
_CODE_WEIGHTS = {"lunch": 5, "meeting": 6, "sick": 3, "vacation": 4, "course": 2, "leave": 1, "off_duty": 3}

_SE_COMMENTS = (
    "", "", "", "Brådskande ärenden till avdelningens expedition.", "Läser e-post.",
    "Ring mobilen endast vid akuta ärenden.", "Åter efter ronden.",
)
_NO_COMMENTS = ("", "", "Haster det, ring vakthavende.", "Leser e-post.")

_SE_NOTES = (
    "Föredrar e-post framför telefon.",
    "Ring mobilen vid brådskande ärenden.",
    "Hänvisa till sekreteraren för tidsbokning.",
    "Nås på DECT under ronden 08–10.",
    "Tar inte emot samtal från försäljare.",
    "Talar svenska, engelska och arabiska.",
    "Kopplas inte före 09:00.",
)
_NO_NOTES = (
    "Foretrekker e-post.",
    "Ring mobil ved hastesaker.",
    "Sett over til legesekretær for timebestilling.",
)
_UNIT_NOTES = (
    "Fråga efter labbet, inte avdelningen.",
    "Efter 16:00 kopplas samtal till jourhavande.",
    "Vid hög belastning: hänvisa till 1177.",
    "Reception stängd för lunch 12–13.",
)


def referrals(people: list[Entry], by_unit: dict[tuple[str, ...], list[Entry]],
              switch_numbers: dict[tuple[str, ...], str], norwegian_units: set[tuple[str, ...]],
              rng: random.Random, *, share: float = 0.08) -> list[DemoReferral]:
    """Referrals for about ``share`` of ``people``, with a colleague or the unit's number as alternative."""
    codes = list(_CODE_WEIGHTS)
    weights = list(_CODE_WEIGHTS.values())
    result = []
    for person in people:
        if rng.random() >= share:
            continue
        code = rng.choices(codes, weights)[0]
        sv_text, no_text, shortest, longest = REFERRAL_CODES[code]
        norwegian = person.unit_path in norwegian_units
        started = timedelta(minutes=-rng.randrange(0, max(shortest, 30)))
        until = None if longest is None or (code == "sick" and rng.random() < 0.5) else (
            started + timedelta(minutes=rng.randrange(shortest, (longest or shortest) + 1)))
        if until is not None and until <= timedelta(0):
            until = timedelta(minutes=rng.randrange(5, 60))
        alternative = alternative_id = ""
        roll = rng.random()
        colleague = rng.choice(by_unit.get(person.unit_path) or [person])
        if roll < 0.4 and colleague is not person:
            alternative, alternative_id = colleague.display_name, colleague.external_id
        elif roll < 0.85:
            alternative = switch_numbers.get(person.unit_path, "")
        comment = rng.choice(_NO_COMMENTS if norwegian else _SE_COMMENTS)
        result.append(DemoReferral(person.external_id, code, no_text if norwegian else sv_text,
                                   started, until, alternative, alternative_id, comment))
    return result


def notes(entries: list[Entry], norwegian_units: set[tuple[str, ...]], rng: random.Random, *,
          share: float = 0.03) -> list[DemoNote]:
    """Notes on about ``share`` of the people and a fifth of the units."""
    result = []
    for entry in entries:
        if entry.kind is EntryKind.FUNCTION:
            if rng.random() < 0.2:
                result.append(DemoNote(entry.external_id, rng.choice(_UNIT_NOTES)))
        elif rng.random() < share:
            pool = _NO_NOTES if entry.unit_path in norwegian_units else _SE_NOTES
            result.append(DemoNote(entry.external_id, rng.choice(pool)))
    return result
