"""A deterministic demo organisation: a fictional Swedish region with a Norwegian neighbour.

``generate(seed)`` always returns the same entries, referrals and notes for the same arguments, so
screenshots, tests and benchmarks are reproducible. ``python -m directory.demo --csv OUT.csv`` writes
it in the documented CSV import format.
"""

from __future__ import annotations

import gc
import random
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from directory.demo import activity, organisation
from directory.demo.numbers import NumberPlan
from directory.demo.people import SHOWCASE, SOURCE, PeopleFactory, assign_units, showcase_unit
from directory.demo.records import DemoDirectory, DemoNote, DemoReferral
from directory.model import Entry

__all__ = ["SOURCE", "DemoDirectory", "DemoNote", "DemoReferral", "generate"]


def generate(seed: int = 2026, people: int = 3000, units: int = 150) -> DemoDirectory:
    """The demo organisation: ``units`` function entries followed by ``people`` person entries."""
    if people < 0 or units < 1:
        raise ValueError("people must be >= 0 and units >= 1")
    with _collector_paused():
        return _generate(seed, people, units)


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Building ~10^6 objects that all survive makes the cyclic collector rescan them again and again
    # (a third of the time for a 200,000-person demo); none of them form cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _generate(seed: int, people: int, units: int) -> DemoDirectory:
    rng = random.Random(seed)
    chosen = organisation.units(units, rng)
    factory = PeopleFactory(rng, NumberPlan(rng))
    functions = [factory.function(i, unit) for i, unit in enumerate(chosen)]
    assigned = assign_units(chosen, people, rng)
    persons: list[Entry] = []
    for i, unit in enumerate(assigned):
        if i < len(SHOWCASE):
            show = SHOWCASE[i]
            persons.append(factory.person(i, showcase_unit(chosen, show[3], i), show))
        else:
            persons.append(factory.person(i, unit))
    by_unit: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for person in persons:
        by_unit[person.unit_path].append(person)
    switch = {f.unit_path: f.numbers[0].raw for f in functions}
    norwegian = {u.path for u in chosen if u.country == "NO"}
    entries = functions + persons
    return DemoDirectory(
        entries=entries,
        referrals=activity.referrals(persons, by_unit, switch, norwegian, rng),
        notes=activity.notes(entries, norwegian, rng),
    )
