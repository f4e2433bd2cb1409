"""A shared store that is not on this computer is reached only with its certificate verified: a real PostgreSQL
with TLS on this machine's own network address (not loopback). With the CA that signed its certificate the
store opens and a console's live updates listen over TLS; with another CA, or asking for no verification, it
is refused with the reason and nothing is written."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.store import Store
from directory.store.database import StoreError
from directory.store.listener import ChangeListener
from tests.helpers.certs import make_ca, make_server_tls
from tests.helpers.postgres import create_database, postgres_server

pytestmark = pytest.mark.integration


def own_address() -> str:
    """This machine's address on its network (a UDP "connect" sends nothing, it only picks the route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.254", 9))
        address = str(probe.getsockname()[0])
    assert not address.startswith("127."), "the test needs a network address that is not loopback"
    return address


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(the database's URL, the CA that signed the server's certificate)."""
    host = own_address()
    tls = make_server_tls(tmp_path_factory.mktemp("pgtls"), hosts=(host,))
    with postgres_server(host, tls=(tls.cert, tls.key)) as base:
        yield create_database(base, "remote"), tls.ca


def test_with_its_ca_the_remote_store_opens_over_verified_tls(remote: tuple[str, Path]) -> None:
    url, ca = remote
    store = Store.open(f"{url}?sslrootcert={ca}", "Region A")
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar()
        assert "sslmode=verify-full" in store.url
        listener = ChangeListener(store.url, "Region A", lambda _changes: None)
        listener.start()
        try:
            assert listener.listening.wait(10)  # the live-update connection is verified the same way
        finally:
            listener.stop()
    finally:
        store.dispose()


def test_a_certificate_from_another_ca_is_refused(remote: tuple[str, Path], tmp_path: Path) -> None:
    url, _ca = remote
    stranger, _key = make_ca(tmp_path, "Someone Else's CA")
    with pytest.raises(StoreError, match="certificate verify failed"):
        Store.open(f"{url}?sslrootcert={stranger}", "Region A")


def test_asking_for_no_verification_is_refused_before_connecting(remote: tuple[str, Path]) -> None:
    url, _ca = remote
    with pytest.raises(StoreError, match=r"not on this computer.*sslmode=require"):
        Store.open(f"{url}?sslmode=require", "Region A")
