"""A private PostgreSQL cluster on a loopback port, for tests of the shared store."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from glob import glob
from pathlib import Path

import psycopg

from tests.helpers.processes import ManagedProcess, free_port, tcp_open, wait_until


def _bindir() -> Path:
    found = sorted(glob("/usr/lib/postgresql/*/bin/postgres"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run ./scripts/test, which installs the test servers")
    return Path(found[-1]).parent


@contextlib.contextmanager
def postgres_server(host: str = "127.0.0.1", tls: tuple[Path, Path] | None = None) -> Iterator[str]:
    """Yields a libpq-style base URL ``postgresql+psycopg://switchboard@HOST:PORT``; with ``tls`` (certificate
    and key files) the server also speaks TLS.

    PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` user.
    """
    bindir = _bindir()
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="switchboard-pg-"))
    data = home / "data"
    if as_user:
        shutil.chown(home, "postgres")
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "switchboard",
                        "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"], check=True, capture_output=True)
        if host != "127.0.0.1":  # initdb trusts only loopback clients
            with (data / "pg_hba.conf").open("a", encoding="utf-8") as hba:
                hba.write(f"host all all {host}/32 trust\n")
        port = free_port()
        options: list[str] = []
        if tls is not None:  # the server's own copies: it insists on owning its key, readable by it alone
            for source, name in zip(tls, ("server.pem", "server.key"), strict=True):
                shutil.copy(source, home / name)
                (home / name).chmod(0o600)
                if as_user:
                    shutil.chown(home / name, "postgres")
            options = ["-c", "ssl=on", "-c", f"ssl_cert_file={home / 'server.pem'}",
                       "-c", f"ssl_key_file={home / 'server.key'}"]
        server = ManagedProcess(
            [*as_user, str(bindir / "postgres"), "-D", str(data), "-p", str(port), "-h", host,
             "-k", str(home), "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             *options],
            log=Path(tempfile.mkstemp(prefix="switchboard-pg-", suffix=".log")[1]))
        try:
            base_url = f"postgresql+psycopg://switchboard@{host}:{port}"
            wait_until(lambda: (tcp_open(port, host) and _accepts(base_url)) or not server.alive(), timeout=30)
            assert server.alive(), server.output()
            yield base_url
        finally:
            server.stop()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _accepts(base_url: str) -> bool:
    """Past "the database system is starting up": a real session can be opened."""
    try:
        psycopg.connect(_dsn(base_url), connect_timeout=2).close()
    except psycopg.OperationalError:
        return False
    return True


def _dsn(base_url: str) -> str:
    return base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"


def create_database(base_url: str, name: str) -> str:
    """A fresh, empty database in the cluster; returns its SQLAlchemy URL."""
    with psycopg.connect(_dsn(base_url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{base_url}/{name}"
