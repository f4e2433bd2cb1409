"""A deterministic demo organisation: a fictional Swedish region with a Norwegian neighbour.

``generate(seed)`` always returns the same entries, referrals and notes for the same arguments, so
screenshots, tests and benchmarks are reproducible. ``iter_entries`` yields the same entries one at a
time, for directories too large to hold twice (a million people): a store or a file can take them as
they come. ``python -m directory.demo --csv OUT.csv`` (or ``--store URL``) writes it in the documented
CSV import format (or into a store).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from directory.collector import collector_paused
from directory.demo import activity, organisation
from directory.demo.numbers import NumberPlan
from directory.demo.organisation import DemoUnit
from directory.demo.people import SHOWCASE, SOURCE, PeopleFactory, assign_units, showcase_unit
from directory.demo.records import DemoDirectory, DemoNote, DemoReferral
from directory.model import Entry

__all__ = ["SOURCE", "DemoDirectory", "DemoNote", "DemoReferral", "generate", "iter_entries"]


def generate(seed: int = 2026, people: int = 3000, units: int = 150) -> DemoDirectory:
    """The demo organisation: ``units`` function entries followed by ``people`` person entries."""
    _check(people, units)
    with collector_paused():  # ~10^6 objects that all survive and form no cycles
        return _generate(seed, people, units)


def iter_entries(seed: int = 2026, people: int = 3000, units: int = 150) -> Iterator[Entry]:
    """``generate(...).entries``, one entry at a time, without the referrals and notes (which need every
    person at once). Holds little beyond the entry being made: a million people stream in ~25 s."""
    _check(people, units)
    return _Stream(seed, people, units).entries()


def _check(people: int, units: int) -> None:
    if people < 0 or units < 1:
        raise ValueError("people must be >= 0 and units >= 1")


@dataclass
class _Stream:
    """One seeded random stream making the entries in order (functions, then people), so that the
    referrals and notes drawn after them from the same stream are the same however the entries are read."""

    seed: int
    people: int
    units: int

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.chosen: list[DemoUnit] = organisation.units(self.units, self.rng)

    def entries(self) -> Iterator[Entry]:
        factory = PeopleFactory(self.rng, NumberPlan(self.rng))
        for i, unit in enumerate(self.chosen):
            yield factory.function(i, unit)
        for i, unit in enumerate(assign_units(self.chosen, self.people, self.rng)):
            if i < len(SHOWCASE):
                show = SHOWCASE[i]
                yield factory.person(i, showcase_unit(self.chosen, show[3], i), show)
            else:
                yield factory.person(i, unit)


def _generate(seed: int, people: int, units: int) -> DemoDirectory:
    stream = _Stream(seed, people, units)
    entries = list(stream.entries())
    functions, persons = entries[:len(stream.chosen)], entries[len(stream.chosen):]
    by_unit: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for person in persons:
        by_unit[person.unit_path].append(person)
    switch = {f.unit_path: f.numbers[0].raw for f in functions}
    norwegian = {u.path for u in stream.chosen if u.country == "NO"}
    return DemoDirectory(
        entries=entries,
        referrals=activity.referrals(persons, by_unit, switch, norwegian, stream.rng),
        notes=activity.notes(entries, norwegian, stream.rng),
    )
