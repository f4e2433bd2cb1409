"""Failures against a real slapd: failover, unreachable, wrong password, server killed mid-sync."""

from __future__ import annotations

import re
import socket
import time

import pytest

from directory.store import DirectoryRepository, Store
from directory.sync import (
    LdapAuthError,
    LdapConfigError,
    LdapSearchError,
    LdapUnavailableError,
    sync_source,
)
from tests.helpers.processes import free_port
from tests.helpers.slapd import SUFFIX, Slapd
from tests.integration.ldap.conftest import PEOPLE, settings_for

pytestmark = pytest.mark.integration


def snapshot(store: Store) -> tuple[object, ...]:
    repository = DirectoryRepository(store)
    return (sorted(repository.load_entries(), key=lambda e: e.external_id), repository.sync_cursor("ldap"),
            [(s.source, s.entry_count) for s in repository.source_statuses()])


def test_failover_from_a_dead_server_to_a_live_one(slapd: Slapd, store: Store) -> None:
    dead = f"ldap://127.0.0.1:{free_port()}"
    summary = sync_source(store, settings_for([dead, slapd.url]), full=True)
    assert summary.server == slapd.url
    assert summary.added == PEOPLE


def test_unreachable_servers_are_named_and_the_store_is_untouched(slapd: Slapd, store: Store) -> None:
    sync_source(store, settings_for(slapd.url), full=True)
    before = snapshot(store)
    dead = [f"ldap://127.0.0.1:{free_port()}", f"ldap://127.0.0.1:{free_port()}"]
    with pytest.raises(LdapUnavailableError) as caught:
        sync_source(store, settings_for(dead), full=True)
    assert caught.value.transient
    assert dead[0] in str(caught.value)
    assert dead[1] in str(caught.value)
    assert "refused" in str(caught.value).lower()
    assert snapshot(store) == before


def test_wrong_password_is_an_auth_error_and_not_retried_on_the_next_server(slapd: Slapd, store: Store) -> None:
    with pytest.raises(LdapAuthError, match=r"invalidCredentials|invalid credentials") as caught:
        sync_source(store, settings_for([slapd.url, slapd.url], password="wrong"), full=True)
    assert not caught.value.transient
    assert DirectoryRepository(store).load_entries() == []


def test_server_killed_mid_sync_leaves_the_previous_directory(slapd: Slapd, store: Store) -> None:
    settings = settings_for(slapd.url)
    sync_source(store, settings, full=True)
    slapd.delete(f"uid=p00001,ou=Röntgen,ou=Sjukhuset,{SUFFIX}")
    before = snapshot(store)

    def kill_after_first_page(done: int, _total: int | None) -> None:
        if done == settings.page_size:
            slapd.kill()

    with pytest.raises(LdapUnavailableError, match="during the sync"):
        sync_source(store, settings, full=True, progress=kill_after_first_page)
    assert snapshot(store) == before


def test_config_errors_are_reported_before_any_network_traffic(store: Store) -> None:
    # Nothing listens on the port: a config error must come first, not "unreachable".
    url = f"ldap://127.0.0.1:{free_port()}"
    with pytest.raises(LdapConfigError) as caught:
        sync_source(store, settings_for(url, person_filter="(&(objectClass=person)", base_dns=("not a dn",)), full=True)
    assert "person_filter" in str(caught.value)
    assert "'not a dn' is not a valid DN" in str(caught.value)


def test_a_base_dn_missing_on_the_server_is_a_search_error(slapd: Slapd, store: Store) -> None:
    with pytest.raises(LdapSearchError, match="does not exist"):
        sync_source(store, settings_for(slapd.url, base_dns=(f"ou=Nowhere,{SUFFIX}",)), full=True)


def test_a_search_finding_nothing_does_not_empty_the_directory(slapd: Slapd, store: Store) -> None:
    sync_source(store, settings_for(slapd.url), full=True)
    before = snapshot(store)
    with pytest.raises(LdapSearchError, match="no usable entries"):
        sync_source(store, settings_for(slapd.url, person_filter="(objectClass=nothingLikeThis)"), full=True)
    assert snapshot(store) == before


def test_a_server_that_never_answers_times_out_and_the_next_one_is_used(slapd: Slapd, store: Store) -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        mute = f"ldap://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        summary = sync_source(store, settings_for([mute, slapd.url], timeout=1), full=True)
    assert summary.server == slapd.url
    assert summary.added == PEOPLE
    assert time.monotonic() - started < 10


def test_a_silent_server_alone_is_reported_as_unreachable(store: Store) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        mute = f"ldap://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(LdapUnavailableError, match=re.escape(mute)) as caught:
            sync_source(store, settings_for(mute, timeout=1), full=True)
    assert caught.value.transient


def test_raising_from_progress_cancels_the_sync_and_leaves_the_store(slapd: Slapd, store: Store) -> None:
    """How the app cancels a running sync (quitting, "Stop"): its progress callback raises."""

    class CancelledError(Exception):
        pass

    settings = settings_for(slapd.url)
    sync_source(store, settings, full=True)
    slapd.delete(f"uid=p00001,ou=Röntgen,ou=Sjukhuset,{SUFFIX}")
    before = snapshot(store)

    def cancel(done: int, _total: int | None) -> None:
        if done >= 2 * settings.page_size:
            raise CancelledError

    with pytest.raises(CancelledError):
        sync_source(store, settings, full=True, progress=cancel)
    assert snapshot(store) == before
    assert sync_source(store, settings, full=True).removed == 1  # and the next sync carries on
