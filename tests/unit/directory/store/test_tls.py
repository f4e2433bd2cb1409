"""The shared store's TLS rule: verified whenever the server is not on this computer."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from directory.store.tls import StoreTlsError, verified_url


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://sb@127.0.0.1:5432/sb", "postgresql+psycopg://sb@localhost/sb",
    "postgresql+psycopg://sb@[::1]:5432/sb", "postgresql+psycopg://sb@127.0.0.9/sb?sslmode=disable",
    "postgresql+psycopg://sb@/sb?host=/run/postgresql", "sqlite:////tmp/x.sqlite3"])
def test_a_store_on_this_computer_is_left_as_configured(url: str) -> None:
    assert verified_url(url) == url


def test_a_remote_store_gets_its_certificate_and_name_verified_against_the_systems_cas() -> None:
    query = make_url(verified_url("postgresql+psycopg://sb:pw@db.region.se:5432/sb")).query
    assert (query["sslmode"], query["sslrootcert"]) == ("verify-full", "system")


def test_a_remote_store_keeps_its_own_verification_and_ca() -> None:
    url = verified_url("postgresql+psycopg://sb@192.0.2.7/sb?sslmode=verify-ca&sslrootcert=/etc/sb/ca.pem")
    query = make_url(url).query
    assert (query["sslmode"], query["sslrootcert"]) == ("verify-ca", "/etc/sb/ca.pem")
    assert make_url(verified_url("postgresql+psycopg://sb:s3cret@db/sb")).password == "s3cret"


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require"])
def test_a_remote_store_without_verification_is_refused_naming_the_setting(mode: str) -> None:
    with pytest.raises(StoreTlsError, match=f"db.region.se is not on this computer.*sslmode={mode}.*verify-full"):
        verified_url(f"postgresql+psycopg://sb@db.region.se/sb?sslmode={mode}")
