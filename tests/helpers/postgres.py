"""A private PostgreSQL cluster on a loopback port, for tests of the shared store."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
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


class PostgresCluster:
    """A private cluster in a temporary folder whose server can be stopped and started again on the same
    port, as an operator's server is restarted (``url`` stays valid across restarts)."""

    def __init__(self, host: str = "127.0.0.1", tls: tuple[Path, Path] | None = None) -> None:
        self.bindir, self.host = _bindir(), host
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.home = Path(tempfile.mkdtemp(prefix="switchboard-pg-"))
        self.data = self.home / "data"
        if self.as_user:
            shutil.chown(self.home, "postgres")
        subprocess.run([*self.as_user, str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U",
                        "switchboard", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"], check=True, capture_output=True)
        if host != "127.0.0.1":  # initdb trusts only loopback clients
            with (self.data / "pg_hba.conf").open("a", encoding="utf-8") as hba:
                hba.write(f"host all all {host}/32 trust\n")
        self.port = free_port()
        self.options: list[str] = []
        if tls is not None:  # the server's own copies: it insists on owning its key, readable by it alone
            for source, name in zip(tls, ("server.pem", "server.key"), strict=True):
                shutil.copy(source, self.home / name)
                (self.home / name).chmod(0o600)
                if self.as_user:
                    shutil.chown(self.home / name, "postgres")
            self.options = ["-c", "ssl=on", "-c", f"ssl_cert_file={self.home / 'server.pem'}",
                            "-c", f"ssl_key_file={self.home / 'server.key'}"]
        self.url = f"postgresql+psycopg://switchboard@{host}:{self.port}"
        self.server: ManagedProcess | None = None

    def start(self) -> str:
        """Start the server and wait until it accepts sessions; returns the base URL."""
        self.server = ManagedProcess(
            [*self.as_user, str(self.bindir / "postgres"), "-D", str(self.data), "-p", str(self.port), "-h",
             self.host, "-k", str(self.home), "-c", "fsync=off", "-c", "synchronous_commit=off",
             "-c", "full_page_writes=off", *self.options],
            log=Path(tempfile.mkstemp(prefix="switchboard-pg-", suffix=".log")[1]))
        server = self.server
        wait_until(lambda: (tcp_open(self.port, self.host) and _accepts(self.url)) or not server.alive(), timeout=30)
        assert server.alive(), server.output()
        return self.url

    def stop(self) -> None:
        """Stop the server as an administrator does (fast shutdown: sessions are ended, not waited for)."""
        if self.server is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.server.proc.pid, signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.server.proc.wait(30)
            self.server.stop()
            self.server = None

    def remove(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        shutil.rmtree(self.home, ignore_errors=True)


@contextlib.contextmanager
def postgres_cluster(host: str = "127.0.0.1") -> Iterator[PostgresCluster]:
    """A started `PostgresCluster`, removed afterwards."""
    cluster = PostgresCluster(host)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@contextlib.contextmanager
def postgres_server(host: str = "127.0.0.1", tls: tuple[Path, Path] | None = None) -> Iterator[str]:
    """Yields a libpq-style base URL ``postgresql+psycopg://switchboard@HOST:PORT``; with ``tls`` (certificate
    and key files) the server also speaks TLS.

    PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` user.
    """
    cluster = PostgresCluster(host, tls)
    try:
        yield cluster.start()
    finally:
        cluster.remove()


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
