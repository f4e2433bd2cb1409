"""A small hand-written directory: each entry is there to exercise one matching rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.search import SearchIndex

_NEXT_ID = iter(range(1, 10_000))


def person(name: str, *, title: str = "", unit: tuple[str, ...] = ("Region", "Centralsjukhuset"),
           numbers: tuple[str, ...] = (), e164: tuple[str | None, ...] = (), email: str = "",
           location: str = "", keywords: tuple[str, ...] = (), entry_id: int | None = None) -> Entry:
    given, _, surname = name.partition(" ")
    phone = tuple(PhoneNumber(raw, NumberKind.WORK, e164[i] if i < len(e164) else None)
                  for i, raw in enumerate(numbers))
    return Entry(source="test", external_id=name.lower().replace(" ", "-"), kind=EntryKind.PERSON,
                 display_name=name, given_name=given, surname=surname, title=title, unit_path=unit,
                 location=location, email=email, keywords=keywords, numbers=phone,
                 id=entry_id if entry_id is not None else next(_NEXT_ID))


def function(name: str, *, unit: tuple[str, ...] = ("Region",), numbers: tuple[str, ...] = (),
             e164: tuple[str | None, ...] = ()) -> Entry:
    phone = tuple(PhoneNumber(raw, NumberKind.SWITCH, e164[i] if i < len(e164) else None)
                  for i, raw in enumerate(numbers))
    return Entry(source="test", external_id=name.lower(), kind=EntryKind.FUNCTION, display_name=name,
                 unit_path=(*unit, name), numbers=phone, id=next(_NEXT_ID))


def directory() -> list[Entry]:
    cardiology = ("Region", "Centralsjukhuset", "Medicinkliniken", "Kardiologi")
    return [
        person("Kristina Eriksson", title="Sjuksköterska", unit=cardiology, email="kristina.eriksson@x.se",
               numbers=("019-602 10 00", "51233"), e164=("+46196021000", None)),
        person("Christina Erikson", title="Undersköterska", unit=("Region", "Ortopedi")),
        person("Kristin Ericsson", title="Specialistläkare"),
        person("Carl Johansson", title="Överläkare", numbers=("+46 19 602 22 22",), e164=("+46196022222",)),
        person("Karl Johanson", title="Fysioterapeut"),
        person("Anna Karlsson", title="Avdelningschef", unit=cardiology),
        person("Anna Lind", title="Sekreterare", unit=("Region", "Ortopedi")),
        person("Annika Berg", title="Läkare", location="Hus A"),
        person("Åsa Öberg", title="Undersköterska"),
        person("Asa Oberg", title="Kurator"),
        person("Björn Ødegård", title="Overlege", numbers=("67 50 12 34",), e164=("+4767501234",)),
        person("Mette Sørensen", title="Sykepleier"),
        person("Lars Sörensen", title="Sekreterare"),
        person("Philip Thomasson", title="IT-tekniker"),
        person("Wilhelm Mattsson", title="Vaktmästare"),
        person("Bengt Lindqvist", title="Tandläkare"),
        function("Kardiologi", unit=("Region", "Centralsjukhuset", "Medicinkliniken"),
                 numbers=("019-602 37 57",), e164=("+46196023757",)),
        function("Växeln", numbers=("019-602 00 00",), e164=("+46196020000",)),
        function("Röntgen"),
    ]


@pytest.fixture
def entries() -> list[Entry]:
    return directory()


@pytest.fixture
def index(entries: list[Entry]) -> SearchIndex:
    return SearchIndex(entries)


@pytest.fixture
def first(index: SearchIndex) -> Callable[[str], str]:
    def top(query: str) -> str:
        hits = index.search(query)
        return hits[0].entry.display_name if hits else ""

    return top
