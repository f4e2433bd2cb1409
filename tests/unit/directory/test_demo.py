"""The demo organisation: deterministic, the right size, Nordic names and their variants, valid numbers."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
import tracemalloc
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from directory.demo import DemoDirectory, generate, iter_entries
from directory.demo.numbers import NumberPlan
from directory.imports.csv_format import read_csv
from directory.model import EntryKind, NumberKind
from directory.phones import to_e164
from directory.store import DirectoryRepository, Store, sqlite_url


@pytest.fixture(scope="module")
def demo() -> DemoDirectory:
    return generate()


def test_same_seed_gives_identical_output(demo: DemoDirectory) -> None:
    assert generate() == demo


def test_other_seed_gives_other_people(demo: DemoDirectory) -> None:
    other = generate(seed=1)
    assert [e.display_name for e in other.people] != [e.display_name for e in demo.people]


def test_default_size_and_unique_ids(demo: DemoDirectory) -> None:
    assert len(demo.people) == 3000
    assert len(demo.functions) == 150
    ids = [e.external_id for e in demo.entries]
    assert len(set(ids)) == len(ids)
    assert demo.people[123].external_id == "demo-p-000123"
    assert demo.functions[42].external_id == "demo-u-042"
    assert {e.source for e in demo.entries} == {"demo"}


def test_core_units_are_present(demo: DemoDirectory) -> None:
    names = {e.display_name for e in demo.functions}
    for unit in ("Akutmottagningen", "Kardiologi", "Ortopedi", "Barn- och ungdomsmedicin",
                 "Vårdcentral Tullen", "Vårdcentralen Lindesberg", "HR-avdelningen", "Växeln",
                 "Legevakten Bærum", "Sentralbordet"):
        assert unit in names
    kardiologi = next(e for e in demo.functions if e.display_name == "Kardiologi")
    assert kardiologi.unit_path[0] == "Region Norrtälje"
    assert kardiologi.unit_path[-2:] == ("Medicinkliniken", "Kardiologi")


def test_every_unit_has_a_switch_number(demo: DemoDirectory) -> None:
    for unit in demo.functions:
        assert unit.kind is EntryKind.FUNCTION
        assert unit.numbers[0].kind is NumberKind.SWITCH
        assert unit.numbers[0].e164


def test_names_have_nordic_letters_variants_and_double_surnames(demo: DemoDirectory) -> None:
    text = " ".join(e.display_name for e in demo.people)
    for letter in "åäöøæÅÖØ":
        assert letter in text
    given = {e.given_name for e in demo.people}
    surnames = {e.surname for e in demo.people}
    assert {"Kristina", "Christina", "Kristin", "Karl", "Carl"} <= given
    assert {"Eriksson", "Erikson", "Ericsson", "Sørensen", "Sörensen", "Johansson", "Johanson"} <= surnames
    assert "Lindqvist Håkansson" in surnames
    assert "Berg-Ødegård" in surnames
    assert sum(" " in s or "-" in s for s in surnames) > 10


def test_titles_emails_and_people_on_both_sides_of_the_border(demo: DemoDirectory) -> None:
    titles = {e.title for e in demo.people}
    assert {"Sjuksköterska", "Undersköterska", "Överläkare", "Lege", "Sykepleier"} <= titles
    for person in demo.people:
        local, _, domain = person.email.partition("@")
        assert local.isascii()
        assert domain
    emails = [e.email for e in demo.entries]
    assert len(set(emails)) == len(emails)
    assert next(e for e in demo.people if e.surname == "Berg-Ødegård").email.startswith("ola.berg-odegard@")
    e164 = [n.e164 for e in demo.entries for n in e.numbers if n.e164]
    assert any(n.startswith("+47") for n in e164)
    assert any(n.startswith("+46") for n in e164)


def test_written_numbers_normalise_to_their_e164(demo: DemoDirectory) -> None:
    kinds = set()
    for entry in demo.entries:
        for number in entry.numbers:
            kinds.add(number.kind)
            assert to_e164(number.raw) == number.e164, number
            if number.kind in {NumberKind.DECT, NumberKind.PAGER}:
                assert number.e164 is None
    assert {NumberKind.WORK, NumberKind.MOBILE, NumberKind.SWITCH, NumberKind.DECT} <= kinds
    landlines = [n.e164 for e in demo.entries for n in e.numbers
                 if n.kind in {NumberKind.WORK, NumberKind.SWITCH, NumberKind.FAX}]
    assert len(set(landlines)) == len(landlines)


def test_referrals_and_notes_point_at_entries(demo: DemoDirectory) -> None:
    ids = {e.external_id for e in demo.entries}
    assert 100 < len(demo.referrals) < 500
    assert len(demo.notes) > 50
    assert {r.code for r in demo.referrals} >= {"lunch", "meeting", "sick", "vacation", "course"}
    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    for referral in demo.referrals:
        assert referral.external_id in ids
        assert referral.starts_at(now) <= now
        until = referral.until(now)
        assert until is None or until > now
        if referral.alternative_external_id:
            assert referral.alternative_external_id in ids
    assert any(r.alternative_external_id for r in demo.referrals)
    assert any(r.text == "Lunsj" for r in demo.referrals) or any(r.text == "Møte" for r in demo.referrals)
    stored = demo.referrals[0].to_referral(7, now)
    assert stored.entry_id == 7
    assert stored.code == demo.referrals[0].code
    assert all(n.external_id in ids for n in demo.notes)


def test_small_demos_work() -> None:
    tiny = generate(people=5, units=1)
    assert len(tiny.entries) == 6
    assert generate(people=0, units=3).people == []
    with pytest.raises(ValueError, match="units"):
        generate(units=0)


def test_benchmark_scale_is_fast_and_unique() -> None:
    big = generate(people=200_000, units=3000)
    assert len(big.people) == 200_000
    assert len(big.functions) == 3000
    assert len({e.external_id for e in big.entries}) == 203_000
    assert len({e.display_name for e in big.functions}) == 3000


def test_cli_writes_importable_csv(tmp_path: Path) -> None:
    out = tmp_path / "demo.csv"
    result = subprocess.run(
        [sys.executable, "-m", "directory.demo", "--people", "40", "--units", "12", "--seed", "5",
         "--csv", str(out)],
        capture_output=True, text=True, check=False, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert read_csv(out, "demo") == generate(seed=5, people=40, units=12).entries


def test_the_stream_gives_the_same_entries_one_at_a_time() -> None:
    assert list(iter_entries(seed=5, people=2000, units=40)) == generate(seed=5, people=2000, units=40).entries
    tracemalloc.start()
    try:
        first = list(itertools.islice(iter_entries(people=300_000), 5_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first[-1].external_id == "demo-p-004849"
    # The units drawn for every person (2.4 MB) and what was read, not 300,000 entries (~250 MB).
    assert peak < 30_000_000


def test_landlines_stay_unique_past_the_first_norwegian_series() -> None:
    plan = NumberPlan(random.Random(1))
    numbers = [plan.landline("NO") for _ in range(200_001)]
    assert len({n.e164 for n in numbers}) == len(numbers)
    assert numbers[0].e164 == "+4767500000"  # the first series as before
    assert numbers[100_000].e164 == "+4767600000"
    for number in numbers[::9973]:
        assert to_e164(number.raw, "NO") == number.e164


def test_cli_streams_into_a_store(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "demo.sqlite3")
    result = subprocess.run(
        [sys.executable, "-m", "directory.demo", "--people", "40", "--units", "12", "--seed", "5", "--store", url],
        capture_output=True, text=True, check=False, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 52 entries" in result.stderr
    store = Store.open(url)
    try:
        stored = DirectoryRepository(store).load_entries()
    finally:
        store.dispose()
    expected = generate(seed=5, people=40, units=12).entries
    assert sorted((replace(e, id=None) for e in stored), key=lambda e: e.external_id) == \
        sorted(expected, key=lambda e: e.external_id)


def test_cli_wants_a_file_or_a_store() -> None:
    result = subprocess.run([sys.executable, "-m", "directory.demo", "--people", "4"],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 2
    assert "--csv" in result.stderr
    assert "--store" in result.stderr
