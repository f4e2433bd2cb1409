"""Full sync against a real slapd: paging, atomic replace, UTF-8 and broken entries."""

from __future__ import annotations

import pytest

from directory.model import EntryKind
from directory.search import SearchIndex
from directory.store import DirectoryRepository, Store
from directory.sync import sync_source
from tests.helpers.slapd import SUFFIX, Slapd
from tests.integration.ldap.conftest import PEOPLE, person, settings_for

pytestmark = pytest.mark.integration


def test_full_sync_pages_through_every_entry(slapd: Slapd, store: Store) -> None:
    pages: list[int] = []
    summary = sync_source(store, settings_for(slapd.url), full=True, progress=lambda done, _t: pages.append(done))
    assert summary.full
    assert (summary.added, summary.updated, summary.removed, summary.skipped_count) == (PEOPLE, 0, 0, 0)
    assert len(pages) == PEOPLE // 50
    assert pages[-1] == PEOPLE
    entries = {e.display_name: e for e in DirectoryRepository(store).load_entries()}
    anna = entries["Person 00001"]
    assert anna.kind is EntryKind.PERSON
    assert anna.unit_path == ("Sjukhuset", "Röntgen")
    assert anna.numbers[0].e164 == "+46196020001"
    assert anna.email == "p00001@example.org"


def test_the_description_is_the_searchable_about_text_and_follows_changes(slapd: Slapd, store: Store) -> None:
    slapd.add(person(900, description=["Ansvarar för vaccinationer", "Talar finska"]))
    settings = settings_for(slapd.url, deletion_check_interval=0)
    sync_source(store, settings, full=True)
    repository = DirectoryRepository(store)
    index = SearchIndex(repository.load_entries())
    (hit,) = index.search("vaccinationer")
    assert hit.entry.display_name == "Person 00900"
    assert hit.entry.description == "Ansvarar för vaccinationer\nTalar finska"
    assert [h.entry.display_name for h in index.search("person finska")] == ["Person 00900"]
    slapd.modify(f"dn: uid=p00900,ou=Akutmottagningen,ou=Sjukhuset,{SUFFIX}\nchangetype: modify\n"
                 "replace: description\ndescription: Jour på hjärtintensiven\n\n")
    assert sync_source(store, settings, full=False).updated == 1
    index = SearchIndex(repository.load_entries())
    assert index.search("vaccinationer") == []
    assert [h.entry.display_name for h in index.search("hjärtintensiven")] == ["Person 00900"]


def test_the_store_stays_writable_while_a_sync_downloads(slapd: Slapd, store: Store) -> None:
    """The download is spooled, so the write transaction does not span the network traffic."""
    settings = settings_for(slapd.url)
    sync_source(store, settings, full=True)
    repository = DirectoryRepository(store)
    entry_id = repository.load_entries()[0].id
    assert entry_id is not None
    slapd.modify("".join(
        f"dn: uid=p{i:05d},ou=Akutmottagningen,ou=Sjukhuset,dc=example,dc=org\nchangetype: modify\n"
        f"replace: title\ntitle: Läkare\n\n" for i in range(0, 30, 3)
    ))

    def write_meanwhile(_done: int, _total: int | None) -> None:
        repository.record_use(entry_id)  # an operator's action during the sync

    summary = sync_source(store, settings, full=True, progress=write_meanwhile)
    assert summary.updated == 10
    assert repository.usage_counts()[entry_id] == PEOPLE // settings.page_size


def test_a_full_resync_plans_only_changed_records(slapd: Slapd, store: Store) -> None:
    settings = settings_for(slapd.url)
    sync_source(store, settings, full=True)
    repository = DirectoryRepository(store)
    assert len(repository.source_digests(settings.name)) == PEOPLE
    slapd.modify(f"dn: uid=p00007,ou=Röntgen,ou=Sjukhuset,{SUFFIX}\nchangetype: modify\n"
                 "replace: title\ntitle: Röntgensjuksköterska\n")
    summary = sync_source(store, settings, full=True)
    assert (summary.records, summary.added, summary.updated, summary.removed) == (PEOPLE, 0, 1, 0)
    assert {e.display_name: e for e in repository.load_entries()}["Person 00007"].title == "Röntgensjuksköterska"
    assert len(repository.source_digests(settings.name)) == PEOPLE


def test_changed_settings_plan_every_record_again(slapd: Slapd, store: Store) -> None:
    repository = DirectoryRepository(store)
    sync_source(store, settings_for(slapd.url), full=True)
    before = set(repository.source_digests("ldap"))
    summary = sync_source(store, settings_for(slapd.url, region="NO"), full=True)
    # Planned again under the new settings: same entries (nothing to update), every digest new.
    assert (summary.records, summary.added, summary.updated) == (PEOPLE, 0, 0)
    after = set(repository.source_digests("ldap"))
    assert len(after) == PEOPLE
    assert not after & before
