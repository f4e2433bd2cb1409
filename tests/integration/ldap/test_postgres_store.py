"""LDAP sync into a shared PostgreSQL store: same atomicity as SQLite, on a real cluster."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from directory.store import DirectoryRepository, Store
from directory.sync import LdapUnavailableError, sync_source
from tests.helpers.postgres import create_database, postgres_server
from tests.helpers.processes import wait_until
from tests.helpers.slapd import SUFFIX, Slapd
from tests.integration.ldap.conftest import PEOPLE, settings_for
from tests.unit.directory.store.test_apply_sync import (  # noqa: F401 - collected here with this module's `store`
    repo,
    test_a_failing_stream_leaves_entries_and_cursor_as_they_were,
    test_an_incremental_sync_reads_only_the_rows_of_its_entries,
    test_an_unchanged_entry_whose_digest_moved_on_fails_the_sync_and_writes_nothing,
    test_complete_sync_replaces_and_reads_the_cursor_after_the_stream,
    test_digests_are_stored_and_unchanged_entries_count_as_seen,
    test_incremental_removes_only_what_is_absent_from_both_present_and_entries,
)

pytestmark = pytest.mark.integration
_databases = iter(range(1_000_000))


def _accepts_connections(base_url: str) -> bool:
    try:
        with psycopg.connect(base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    with postgres_server() as base_url:
        # The port opens before the server accepts sessions ("the database system is starting up").
        wait_until(lambda: _accepts_connections(base_url), timeout=30, interval=0.1)
        yield base_url


@pytest.fixture
def store(postgres: str) -> Iterator[Store]:
    opened = Store.open(create_database(postgres, f"ldap{next(_databases)}"))
    yield opened
    opened.dispose()


def test_full_and_incremental_sync_into_postgres(slapd: Slapd, store: Store) -> None:
    settings = settings_for(slapd.url, deletion_check_interval=0)
    assert sync_source(store, settings, full=True).added == PEOPLE
    slapd.modify(f"dn: uid=p00000,ou=Akutmottagningen,ou=Sjukhuset,{SUFFIX}\nchangetype: modify\n"
                 "replace: title\ntitle: Överläkare\n\n"
                 f"dn: uid=p00001,ou=Röntgen,ou=Sjukhuset,{SUFFIX}\nchangetype: delete\n\n")
    summary = sync_source(store, settings, full=False)
    assert (summary.full, summary.added, summary.updated, summary.removed) == (False, 0, 1, 1)
    titles = {e.display_name: e.title for e in DirectoryRepository(store).load_entries()}
    assert titles["Person 00000"] == "Överläkare"
    assert "Person 00001" not in titles


def test_server_killed_mid_sync_leaves_postgres_unchanged(slapd: Slapd, store: Store) -> None:
    settings = settings_for(slapd.url)
    sync_source(store, settings, full=True)
    slapd.delete(f"uid=p00002,ou=Vårdcentral Tullen,ou=Sjukhuset,{SUFFIX}")
    repository = DirectoryRepository(store)
    before = (sorted(repository.active_external_ids("ldap")), repository.sync_cursor("ldap"))

    def kill(done: int, _total: int | None) -> None:
        if done == settings.page_size:
            slapd.kill()

    with pytest.raises(LdapUnavailableError):
        sync_source(store, settings, full=True, progress=kill)
    assert (sorted(repository.active_external_ids("ldap")), repository.sync_cursor("ldap")) == before
