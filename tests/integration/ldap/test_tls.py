"""TLS against a real slapd: ldaps:// and StartTLS with a test CA, and refusal of an untrusted one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.store import DirectoryRepository, Store
from directory.sync import LdapTlsError, sync_source
from tests.helpers.certs import make_ca, make_server_tls
from tests.helpers.slapd import Slapd
from tests.integration.ldap.conftest import people_ldif, settings_for

pytestmark = pytest.mark.integration
COUNT = 20


def by_name(url: str) -> str:
    """The URL with the host name the certificate was issued for."""
    return url.replace("127.0.0.1", "localhost")


@pytest.fixture(scope="module")
def tls_slapd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Slapd, Path, Path]]:
    """A slapd serving ldaps:// and StartTLS with a certificate from a fresh CA; plus an unrelated CA."""
    root = tmp_path_factory.mktemp("tls")
    files = make_server_tls(root / "pki", hosts=("localhost",))  # not 127.0.0.1: see the mismatch test
    wrong_ca, _key = make_ca(root / "other", "Some Other CA")
    server = Slapd(root / "slapd", tls=files)
    server.load(people_ldif(COUNT))
    server.start()
    yield server, files.ca, wrong_ca
    server.stop()


def test_ldaps_with_the_right_ca(tls_slapd: tuple[Slapd, Path, Path], store: Store) -> None:
    server, ca, _wrong = tls_slapd
    summary = sync_source(store, settings_for(by_name(server.ldaps_url), ca_file=str(ca)), full=True)
    assert summary.added == COUNT


def test_start_tls_with_the_right_ca(tls_slapd: tuple[Slapd, Path, Path], store: Store) -> None:
    server, ca, _wrong = tls_slapd
    summary = sync_source(store, settings_for(by_name(server.url), start_tls=True, ca_file=str(ca)), full=True)
    assert summary.added == COUNT


@pytest.mark.parametrize("start_tls", [False, True], ids=["ldaps", "starttls"])
def test_a_certificate_from_an_untrusted_ca_is_refused(
    tls_slapd: tuple[Slapd, Path, Path], store: Store, start_tls: bool
) -> None:
    server, _ca, wrong = tls_slapd
    url = by_name(server.url if start_tls else server.ldaps_url)
    with pytest.raises(LdapTlsError, match="certificate not trusted") as caught:
        sync_source(store, settings_for(url, start_tls=start_tls, ca_file=str(wrong)), full=True)
    assert not caught.value.transient
    assert DirectoryRepository(store).load_entries() == []


def test_system_cas_do_not_trust_a_private_ca_by_default(tls_slapd: tuple[Slapd, Path, Path], store: Store) -> None:
    server, _ca, _wrong = tls_slapd
    with pytest.raises(LdapTlsError):
        sync_source(store, settings_for(server.ldaps_url), full=True)


def test_verification_can_be_turned_off_explicitly(tls_slapd: tuple[Slapd, Path, Path], store: Store) -> None:
    server, _ca, wrong = tls_slapd
    summary = sync_source(store, settings_for(server.ldaps_url, ca_file=str(wrong), verify=False), full=True)
    assert summary.added == COUNT


@pytest.mark.parametrize("start_tls", [False, True], ids=["ldaps", "starttls"])
def test_a_certificate_for_another_host_is_refused(
    tls_slapd: tuple[Slapd, Path, Path], store: Store, start_tls: bool
) -> None:
    server, ca, _wrong = tls_slapd
    url = server.url if start_tls else server.ldaps_url  # 127.0.0.1, which the certificate does not name
    with pytest.raises(LdapTlsError, match=re.escape("not valid for '127.0.0.1'")):
        sync_source(store, settings_for(url, start_tls=start_tls, ca_file=str(ca)), full=True)


def test_a_server_with_a_bad_certificate_is_skipped_for_the_next_and_reported(
    tls_slapd: tuple[Slapd, Path, Path], store: Store
) -> None:
    server, ca, _wrong = tls_slapd
    misnamed, good = server.ldaps_url, by_name(server.ldaps_url)
    summary = sync_source(store, settings_for([misnamed, good], ca_file=str(ca)), full=True)
    assert summary.server == good
    assert summary.added == COUNT
    assert len(summary.warnings) == 1
    assert summary.warnings[0].startswith(f"skipped TLS with {misnamed} failed: certificate not trusted")
