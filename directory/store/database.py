"""The store's engine and its migrations: SQLite (WAL) by default, any SQLAlchemy URL accepted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from directory.store.availability import StoreUnreachableError, reason, unreachable
from directory.store.notify import announce_changes
from directory.store.revision import is_current
from directory.store.tenancy import bind_organisation
from directory.store.tls import StoreTlsError, verified_url

if TYPE_CHECKING:
    from alembic.config import Config

    from directory.store.schema_check import SchemaState

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
CONNECT_TIMEOUT_S = 10


class StoreError(Exception):
    """The store cannot be opened or migrated; the message names the database and the reason."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets search read while an import writes; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    """Owns the engine and session factory. Repositories take a Store; nothing else opens the database."""

    def __init__(self, url: str, organisation: str = "") -> None:
        self.url = url
        self.organisation = organisation  # the tenant whose shared rows this store reads and writes
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, connect_args={"check_same_thread": False})
            event.listen(self.engine, "connect", _on_sqlite_connect)
        else:
            try:
                url = verified_url(url)
            except StoreTlsError as exc:
                raise StoreError(str(exc)) from None
            self.url = url
            # An unreachable server is said within seconds, not after the operating system's TCP timeout.
            self.engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._unreachable = ""  # why the shared store cannot be reached now; "" while it can
        bind_organisation(self.engine, self.sessions, organisation)
        announce_changes(self.engine, self.sessions, organisation)

    @classmethod
    def open(cls, url: str, organisation: str = "", *, upgrade: bool | None = None) -> Store:
        """Open the store, creating its schema in an empty database; raises StoreError naming the database
        and what to do. A schema newer than this version knows is always refused; an older one is upgraded
        when `upgrade` says so, by default only for an embedded (SQLite) store: a shared database is
        upgraded deliberately, with `switchboard db upgrade`, not by whichever console starts first."""
        store = cls(url, organisation)
        try:
            if is_current(store.engine, MIGRATIONS):  # the common case, told without Alembic
                return store
            from directory.store.schema_check import NEWER, OLDER  # noqa: PLC0415

            state = store.schema_state()
            allowed = store.embedded if upgrade is None else upgrade
            if state.status == NEWER or (state.status == OLDER and not allowed):
                raise StoreError(state.problem())
            store.migrate()
        except StoreError:
            store.dispose()
            raise
        except Exception as exc:
            from directory.store.schema_check import describe  # noqa: PLC0415

            store.dispose()
            raise StoreError(f"cannot open the store {store.safe_url}: {describe(exc)}") from exc
        return store

    @property
    def embedded(self) -> bool:
        """A SQLite file of this computer (not a server other consoles share)."""
        return self.engine.dialect.name == "sqlite"

    def schema_state(self) -> SchemaState:
        from directory.store.schema_check import schema_state, script_directory  # noqa: PLC0415 - Alembic

        return schema_state(self.engine, script_directory(MIGRATIONS))

    @property
    def safe_url(self) -> str:
        """The URL without its password, fit for logs and messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def _alembic_config(self) -> Config:
        from alembic.config import Config  # noqa: PLC0415 - Alembic only to migrate or check

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        return cfg

    def migrate(self) -> None:
        from alembic import command  # noqa: PLC0415

        with self.engine.begin() as connection:
            cfg = self._alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    def schema_is_current(self) -> bool:
        from alembic.runtime.migration import MigrationContext  # noqa: PLC0415
        from alembic.script import ScriptDirectory  # noqa: PLC0415

        head = ScriptDirectory.from_config(self._alembic_config()).get_current_head()
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision() == head

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back whole when it raises. While the
        shared store cannot be reached, refused at once with StoreUnreachableError (nothing is queued); a
        connection lost during the work raises the same, and the store is then taken as unreachable."""
        if self._unreachable:
            raise StoreUnreachableError(self._refusal())
        try:
            with self.sessions.begin() as session:
                yield session
        except Exception as exc:
            if self.embedded or not unreachable(exc):
                raise
            self.mark_unreachable(reason(exc))
            raise StoreUnreachableError(self._refusal()) from exc

    @property
    def unreachable_reason(self) -> str:
        """Why the shared store cannot be reached ("" while it can): set by `mark_unreachable`."""
        return self._unreachable

    def mark_unreachable(self, why: str) -> None:
        """Writes are refused from now on, until `mark_reachable` (the console's watch of the server)."""
        self._unreachable = why or "unreachable"
        self.engine.dispose()  # no pooled connection to a server that went away is handed out again

    def mark_reachable(self) -> None:
        self._unreachable = ""

    def _refusal(self) -> str:
        return (f"not saved: the shared store {self.safe_url} cannot be reached ({self._unreachable}); "
                "changes are refused until it is back")

    def dispose(self) -> None:
        self.engine.dispose()
