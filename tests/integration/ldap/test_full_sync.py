"""Full sync against a real slapd: paging, atomic replace, UTF-8 and broken entries."""

from __future__ import annotations

import pytest

from directory.model import EntryKind
from directory.store import DirectoryRepository, Store
from directory.sync import sync_source
from tests.helpers.slapd import Slapd
from tests.integration.ldap.conftest import PEOPLE, settings_for

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
