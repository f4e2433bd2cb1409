"""A sync from a real slapd while the search index's snapshot is open (issue 19): the console holding it
applies the sync's change-set, and the next start reads the changes since the snapshot from the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from directory.search import SearchIndex
from directory.search.stored import StoredIndex
from directory.store import DirectoryRepository, Store
from directory.sync import sync_source
from tests.helpers.slapd import SUFFIX, Slapd
from tests.integration.ldap.conftest import person, settings_for

pytestmark = pytest.mark.integration


def test_a_sync_while_the_snapshot_is_open(slapd: Slapd, store: Store, tmp_path: Path) -> None:
    settings = settings_for(slapd.url, deletion_check_interval=0)
    sync_source(store, settings, full=True)
    repository = DirectoryRepository(store)
    stored = StoredIndex(repository, tmp_path / "store.search", "ldap test store")
    stored.rebuild()
    serving = stored.open().index
    assert serving is not None
    slapd.add(person(900, description=["Ansvarar för vaccinationer"]))
    slapd.modify(f"dn: uid=p00003,ou=Akutmottagningen,ou=Sjukhuset,{SUFFIX}\nchangetype: modify\n"
                 "replace: title\ntitle: Överläkare\n\n")
    sync_source(store, settings, full=False)
    next_start = stored.open()
    assert next_start.index is not None
    assert next_start.problem == ""
    assert next_start.applied >= 2
    built = SearchIndex(repository.load_entries(), usage=repository.usage_counts())
    for query in ("vaccinationer", "person 00003", "överläkare", "person", "p00900"):
        assert next_start.index.search(query) == built.search(query), query
    assert [h.entry.display_name for h in next_start.index.search("vaccinationer")] == ["Person 00900"]
    assert next_start.index.search("person 00003")[0].entry.title == "Överläkare"
    # The console that held the snapshot open meanwhile takes the same changes as it hears of them.
    changes = repository.changes_since(repository.change_position().changed_at.replace(year=2000))  # type: ignore[union-attr]
    serving.upsert(repository.load_entries(changes.upserted))
    serving.remove(changes.removed)
    assert serving.search("vaccinationer") == built.search("vaccinationer")
