"""Incremental sync against a real slapd: modify, add, rename (modrdn), delete; cursor handling."""

from __future__ import annotations

import pytest

from directory.store import DirectoryRepository, Store
from directory.sync import sync_source
from directory.sync.requests import SyncCursor
from tests.helpers.slapd import SUFFIX, Slapd
from tests.integration.ldap.conftest import PEOPLE, person, settings_for

pytestmark = pytest.mark.integration


def dn(i: int, unit: str) -> str:
    return f"uid=p{i:05d},ou={unit},ou=Sjukhuset,{SUFFIX}"


def names(store: Store) -> dict[str, tuple[str, ...]]:
    return {e.display_name: e.unit_path for e in DirectoryRepository(store).load_entries()}


@pytest.mark.parametrize("change_attribute", ["modifyTimestamp", "entryCSN"])
def test_incremental_sync_applies_changes_adds_renames_and_deletions(
    slapd: Slapd, store: Store, change_attribute: str
) -> None:
    settings = settings_for(slapd.url, change_attribute=change_attribute, deletion_check_interval=0)
    sync_source(store, settings, full=True)
    repository = DirectoryRepository(store)
    kept_id = repository.find_id("ldap", next(e.external_id for e in repository.load_entries()
                                              if e.display_name == "Person 00003"))
    slapd.modify(
        f"dn: {dn(0, 'Akutmottagningen')}\nchangetype: modify\nreplace: title\ntitle: Överläkare\n\n"
        f"dn: {dn(3, 'Akutmottagningen')}\nchangetype: modrdn\nnewrdn: uid=p00003\ndeleteoldrdn: 1\n"
        f"newsuperior: ou=Röntgen,ou=Sjukhuset,{SUFFIX}\n\n"
        f"dn: {dn(6, 'Akutmottagningen')}\nchangetype: delete\n\n"
    )
    slapd.add(person(9001, "Röntgen", cn="Åsa Øvergård"))

    summary = sync_source(store, settings, full=False)

    assert not summary.full
    assert (summary.added, summary.updated, summary.removed) == (1, 2, 1)
    entries = {e.display_name: e for e in repository.load_entries()}
    assert entries["Person 00000"].title == "Överläkare"
    assert entries["Person 00003"].unit_path == ("Sjukhuset", "Röntgen")
    assert entries["Person 00003"].id == kept_id  # renamed, not replaced: local data stays attached
    assert "Person 00006" not in entries
    assert entries["Åsa Øvergård"].unit_path == ("Sjukhuset", "Röntgen")
    assert len(entries) == PEOPLE

    again = sync_source(store, settings, full=False)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)


def test_full_sync_detects_deletions_without_the_id_check(slapd: Slapd, store: Store) -> None:
    settings = settings_for(slapd.url, deletion_check_interval=None)
    sync_source(store, settings, full=True)
    slapd.delete(dn(1, "Röntgen"), dn(2, "Vårdcentral Tullen"))
    assert sync_source(store, settings, full=False).removed == 0  # incremental cannot see them
    summary = sync_source(store, settings, full=True)
    assert (summary.added, summary.updated, summary.removed) == (0, 0, 2)
    assert "Person 00001" not in names(store)


def test_incremental_without_cursor_or_after_settings_change_runs_full(slapd: Slapd, store: Store) -> None:
    first = sync_source(store, settings_for(slapd.url), full=False)
    assert first.full
    assert first.added == PEOPLE
    cursor = SyncCursor.decode(DirectoryRepository(store).sync_cursor("ldap"))
    assert cursor is not None
    assert cursor.attribute == "modifyTimestamp"
    assert cursor.server == slapd.url
    narrowed = settings_for(slapd.url, person_filter="(&(objectClass=inetOrgPerson)(sn=000*))")
    summary = sync_source(store, narrowed, full=False)
    assert summary.full
    assert (summary.added, summary.updated, summary.removed) == (0, 0, PEOPLE - 100)


def test_deletions_are_looked_for_only_when_the_interval_has_passed(slapd: Slapd, store: Store) -> None:
    sync_source(store, settings_for(slapd.url, deletion_check_interval=3600), full=True)
    slapd.delete(dn(1, "Röntgen"))
    assert sync_source(store, settings_for(slapd.url, deletion_check_interval=3600), full=False).removed == 0
    assert sync_source(store, settings_for(slapd.url, deletion_check_interval=0), full=False).removed == 1
