"""People and function entries for the demo organisation."""

from __future__ import annotations

import functools
import random
import re
from collections import Counter
from itertools import accumulate

from directory.demo import names
from directory.demo.numbers import NumberPlan
from directory.demo.organisation import DemoUnit
from directory.demo.randomness import pick
from directory.model import Entry, EntryKind, NumberKind, PhoneNumber

SOURCE = "demo"
DOMAINS = {"SE": "regionnorrtalje.example", "NO": "vestvik.example"}

# Always present (when the demo is at least this big), so the name variants an operator mixes up on
# the phone are there to search for whatever the seed: (given, surname, title, country).
SHOWCASE: tuple[tuple[str, str, str, str], ...] = (
    ("Kristina", "Eriksson", "Sjuksköterska", "SE"),
    ("Christina", "Erikson", "Undersköterska", "SE"),
    ("Kristin", "Ericsson", "Specialistläkare", "SE"),
    ("Karl", "Johansson", "Överläkare", "SE"),
    ("Carl", "Johanson", "Fysioterapeut", "SE"),
    ("Anna", "Lindqvist Håkansson", "Avdelningschef", "SE"),
    ("Lars", "Sörensen", "Medicinsk sekreterare", "SE"),
    ("Åsa", "Öberg", "Undersköterska", "SE"),
    ("Ola", "Berg-Ødegård", "Lege", "NO"),
    ("Mette", "Sørensen", "Sykepleier", "NO"),
    ("Bjørn", "Ødegaard", "Overlege", "NO"),
    ("Kari", "Næss-Aasen", "Avdelingsleder", "NO"),
)

_ROUND_THE_CLOCK = frozenset({"clinic", "psychiatry", "maternity", "ambulance", "switchboard"})
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae", "é": "e", "è": "e", "ü": "u",
                       " ": "-"})
_NOT_LOCAL = re.compile(r"[^a-z0-9.-]")


@functools.cache
def ascii_fold(text: str) -> str:
    """An e-mail local part from a name: "Lindqvist Håkansson" -> "lindqvist-hakansson"."""
    return _NOT_LOCAL.sub("", text.lower().translate(_FOLD))


class PeopleFactory:
    """Builds entries from one seeded random stream; keeps e-mail addresses unique."""

    def __init__(self, rng: random.Random, plan: NumberPlan) -> None:
        self._rng = rng
        self._plan = plan
        self._mailboxes: Counter[str] = Counter()
        self._titles: dict[tuple[str, str], tuple[list[str], list[float]]] = {}

    def function(self, index: int, unit: DemoUnit) -> Entry:
        r = self._rng
        numbers = [self._plan.landline(unit.country, NumberKind.SWITCH)]
        if r.random() < 0.25:
            numbers.append(self._plan.landline(unit.country, NumberKind.FAX))
        if unit.country == "NO":
            hours = "Døgnåpent." if unit.category in _ROUND_THE_CLOCK else "Åpent hverdager 08–15."
        else:
            hours = "Bemannat dygnet runt." if unit.category in _ROUND_THE_CLOCK else "Öppet vardagar 08–16."
        return Entry(
            source=SOURCE, external_id=f"demo-u-{index:03d}", kind=EntryKind.FUNCTION,
            display_name=unit.display_name, unit_path=unit.path, location=unit.location,
            email=self._email(ascii_fold(unit.name), unit.country), keywords=unit.keywords,
            description=hours, numbers=tuple(numbers),
        )

    def person(self, index: int, unit: DemoUnit, showcase: tuple[str, str, str, str] | None = None) -> Entry:
        r = self._rng
        if showcase is not None:
            given, surname, title, _ = showcase
        else:
            given, surname, title = self._name_and_title(unit)
        numbers: list[PhoneNumber] = []
        if r.random() < 0.9:
            numbers.append(self._plan.landline(unit.country))
        if r.random() < 0.5:
            numbers.append(self._plan.mobile(unit.country))
        if unit.category not in {"admin", "switchboard"} and r.random() < 0.4:
            numbers.append(self._plan.dect())
        if ("läkare" in title or title.endswith("lege")) and r.random() < 0.6:
            numbers.append(self._plan.pager())
        competences = names.NORWEGIAN_COMPETENCES if unit.country == "NO" else names.SWEDISH_COMPETENCES
        count = (0, 0, 0, 1, 1, 2)[int(r.random() * 6)]
        keywords = tuple(r.sample(competences, k=count)) if count else ()
        room = "rom" if unit.country == "NO" else "rum"
        location = unit.location if r.random() < 0.8 else f"{unit.location}, {room} {100 + int(r.random() * 900)}"
        local = f"{ascii_fold(given)}.{ascii_fold(surname)}"
        return Entry(
            source=SOURCE, external_id=f"demo-p-{index:06d}", kind=EntryKind.PERSON,
            display_name=f"{given} {surname}", given_name=given, surname=surname, title=title,
            unit_path=unit.path, location=location, email=self._email(local, unit.country),
            keywords=keywords, numbers=tuple(numbers),
        )

    def _name_and_title(self, unit: DemoUnit) -> tuple[str, str, str]:
        r = self._rng
        # A few cross the border: Norwegians work in Swedish units and the other way round.
        norwegian = (unit.country == "NO") != (r.random() < 0.05)
        female = r.random() < 0.6
        if norwegian:
            given = pick(r, names.NORWEGIAN_FEMALE if female else names.NORWEGIAN_MALE)
            surnames, joiner = names.NORWEGIAN_SURNAMES, "-"
        else:
            given = pick(r, names.SWEDISH_FEMALE if female else names.SWEDISH_MALE)
            surnames, joiner = names.SWEDISH_SURNAMES, " "
        surname = pick(r, surnames)
        if r.random() < 0.04:
            second = pick(r, surnames)
            if second != surname:
                surname = f"{surname}{joiner}{second}"
        return given, surname, self._title(unit)

    def _title(self, unit: DemoUnit) -> str:
        key = (unit.country, unit.category)
        if key not in self._titles:
            table = names.NORWEGIAN_TITLES if unit.country == "NO" else names.SWEDISH_TITLES
            titles = table.get(unit.category, table["clinic"])
            self._titles[key] = ([t for t, _ in titles], list(accumulate(w for _, w in titles)))
        choices, cumulative = self._titles[key]
        return self._rng.choices(choices, cum_weights=cumulative)[0]

    def _email(self, local: str, country: str) -> str:
        self._mailboxes[local] += 1
        count = self._mailboxes[local]
        suffix = "" if count == 1 else str(count)
        return f"{local}{suffix}@{DOMAINS.get(country, DOMAINS['SE'])}"


def assign_units(units: list[DemoUnit], people: int, rng: random.Random) -> list[DemoUnit]:
    """Each person's unit, drawn by the units' relative head counts; showcase people go to core units."""
    if not units or people <= 0:
        return []
    cumulative = list(accumulate(u.weight for u in units))
    return rng.choices(units, cum_weights=cumulative, k=people)


def showcase_unit(units: list[DemoUnit], country: str, position: int) -> DemoUnit:
    """A unit of ``country`` for the ``position``-th showcase person (any unit if there is none)."""
    matching = [u for u in units[:40] if u.country == country and u.category not in {"admin", "switchboard"}]
    matching = matching or units
    return matching[position % len(matching)]
