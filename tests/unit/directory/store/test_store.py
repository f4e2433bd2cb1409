"""The store on SQLite: migrations from empty, atomic imports, stable ids, local data kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from directory.calendars import CalendarSourceCommon, Mailbox, Mailboxes, route
from directory.model import Entry, EntryKind, MailboxRow, Note, NumberKind, PhoneNumber, Referral
from directory.store import AnnotationRepository, DirectoryRepository, Store, sqlite_url
from directory.store.audit import Actor, ReferralLog
from directory.store.tables import metadata


def person(ext: str, name: str, **kw: object) -> Entry:
    return Entry(source="t", external_id=ext, kind=EntryKind.PERSON, display_name=name, **kw)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def test_migrations_from_empty_match_the_models(store: Store) -> None:
    assert store.schema_is_current()
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_round_trip_keeps_every_field(store: Store) -> None:
    repo = DirectoryRepository(store)
    entry = person(
        "1",
        "Åsa Öberg",
        given_name="Åsa",
        surname="Öberg",
        title="Överläkare",
        unit_path=("Region", "Medicinkliniken", "Kardiologi"),
        location="Plan 3",
        email="asa.oberg@example.se",
        keywords=("EKG", "hjärta"),
        description="Ring före 9",
        numbers=(
            PhoneNumber("019-602 10 00", NumberKind.WORK, "+46196021000"),
            PhoneNumber("12345", NumberKind.DECT),
        ),
    )
    changes = repo.replace_source("t", [entry])
    (loaded,) = repo.load_entries()
    assert changes.upserted == (loaded.id,)
    assert loaded == Entry(**{**{f: getattr(entry, f) for f in entry.__dataclass_fields__}, "id": loaded.id})


def test_reimport_updates_in_place_and_keeps_local_data(store: Store) -> None:
    repo, notes = DirectoryRepository(store), AnnotationRepository(store)
    repo.replace_source("t", [person("1", "Anna Berg"), person("2", "Per Holm")])
    anna = repo.find_id("t", "1")
    assert anna is not None
    notes.add_notes([Note(anna, "Prefers e-mail")])
    changes = repo.replace_source("t", [person("1", "Anna Berg-Lind"), person("3", "Eva Ek")])
    assert repo.find_id("t", "1") == anna
    assert anna in changes.upserted
    assert len(changes.removed) == 1
    assert sorted(e.display_name for e in repo.load_entries()) == ["Anna Berg-Lind", "Eva Ek"]
    assert [n.text for n in notes.notes_for(anna)] == ["Prefers e-mail"]
    # an unchanged re-import changes nothing
    assert not repo.replace_source("t", [person("1", "Anna Berg-Lind"), person("3", "Eva Ek")])


def test_failed_import_changes_nothing(store: Store) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("t", [person("1", "Anna Berg")])
    with pytest.raises(ValueError, match="duplicate id '2'"):
        repo.replace_source("t", [person("2", "A"), person("2", "B")])
    assert [e.display_name for e in repo.load_entries()] == ["Anna Berg"]
    assert [s.entry_count for s in repo.source_statuses()] == [1]


def test_referrals_expire_and_replace(store: Store) -> None:
    repo, log = DirectoryRepository(store), ReferralLog(store)
    repo.replace_source("t", [person("1", "Anna Berg")])
    anna = repo.find_id("t", "1")
    assert anna is not None
    now, actor = datetime.now(UTC), Actor("op")
    log.set(Referral(anna, "lunch", "Lunch", until=now + timedelta(hours=1)), actor, now)
    log.set(Referral(anna, "meeting", "Meeting", until=now + timedelta(hours=2)), actor, now)
    assert log.everyone_in_force(now)[anna].code == "meeting"
    assert log.everyone_in_force(now + timedelta(hours=3)) == {}
    log.clear(anna, actor, now)
    assert log.everyone_in_force(now) == {}


def test_usage_counts(store: Store) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("t", [person("1", "Anna Berg")])
    anna = repo.find_id("t", "1")
    assert anna is not None
    repo.record_use(anna)
    repo.record_use(anna)
    assert repo.usage_counts() == {anna: 2}


def test_changes_since(store: Store) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("t", [person("1", "Anna Berg"), person("2", "Per Holm")])
    mark = datetime.now(UTC)
    assert not repo.changes_since(mark)
    changes = repo.replace_source("t", [person("1", "Anna Berg-Lind"), person("3", "Eva Ek")])
    assert repo.changes_since(mark) == changes


def test_mailbox_rows_route_as_the_entries_do(store: Store) -> None:
    repo = DirectoryRepository(store)
    anna = person("1", "Anna Berg", email="Anna.Berg@region.se", keywords=("upn:anna@region.onmicrosoft.com", "EKG"))
    akuten = Entry("t", "2", EntryKind.FUNCTION, "Akuten", email="akuten@region.se")
    per = person("3", "Per Holm", numbers=(PhoneNumber("12345", NumberKind.DECT),))
    repo.replace_source("t", [anna, akuten, per, person("4", "Eva Ek", email="eva@region.se")])
    repo.replace_source("t", [anna, akuten, per])  # Eva left: her row is not read
    ids = [repo.find_id("t", ext) or 0 for ext in ("1", "2", "3")]
    assert sorted(repo.mailbox_rows(), key=lambda row: row.id) == [
        MailboxRow(ids[0], EntryKind.PERSON, "Anna.Berg@region.se"),
        MailboxRow(ids[1], EntryKind.FUNCTION, "akuten@region.se"), MailboxRow(ids[2], EntryKind.PERSON, "")]
    keywords = {row.id: row.keywords for row in repo.mailbox_rows(keywords=True)}
    assert keywords == {ids[0]: ("upn:anna@region.onmicrosoft.com", "EKG"), ids[1]: (), ids[2]: ()}
    sources = [CalendarSourceCommon(name="m365", domains=["onmicrosoft.com"], mailbox_attribute="upn"),
               CalendarSourceCommon(name="onprem")]
    routed = route(repo.mailbox_rows(keywords=True), sources)
    assert routed == route(repo.load_entries(), sources)
    assert routed == {"m365": Mailboxes([Mailbox(ids[0], "anna@region.onmicrosoft.com")]), "onprem": Mailboxes()}
