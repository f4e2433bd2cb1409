"""Building the object graph the CLI and the GUI share: configuration in, store and repositories out."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from app.config.loader import Config
from app.config.paths import Paths
from app.config.secrets import resolve_secret
from app.lookup.referral_setup import referral_service
from directory.referrals import ReferralService
from directory.search.stored import StoredIndex
from directory.store import AnnotationRepository, DirectoryRepository, Store, sqlite_url
from directory.store.last_copy import LastCopy

log = logging.getLogger(__name__)


def store_url(config: Config, paths: Paths, *, demo: bool) -> str:
    """The demo never touches the user's data: it has its own database file."""
    if demo:
        return sqlite_url(paths.demo_database)
    settings = config.settings.store
    if not settings.url:
        return sqlite_url(paths.default_database)
    url = make_url(settings.url)
    if settings.password:
        url = url.set(password=resolve_secret(settings.password))
    return url.render_as_string(hide_password=False)


@dataclass
class Services:
    """What a running console or CLI command works with; built once, passed in explicitly."""

    config: Config
    paths: Paths
    store: Store
    directory: DirectoryRepository
    annotations: AnnotationRepository
    referrals: ReferralService
    demo: bool
    last_copy: LastCopy | None = None  # this PC's copy of a shared store's data (None: embedded)

    @classmethod
    def open(cls, config: Config, paths: Paths, *, demo: bool, language: str = "en",
             unreachable: str = "") -> Services:
        """``language`` is the operator's: referral labels are stored in it. ``unreachable``: why the shared
        store cannot be reached now; the store is then not opened (no connection, no schema check) but made
        ready to be read from this PC's last copy, read-only, until the console opens it again."""
        organisation = "" if demo else config.settings.store.organisation
        url = store_url(config, paths, demo=demo)
        if unreachable:
            store = Store(url, organisation)
            store.mark_unreachable(unreachable)
            log.info("store not opened, unreachable (%s): %s", unreachable, store.safe_url)
        else:
            store = Store.open(url, organisation)
            log.info("store opened: %s", store.safe_url)
        copy = None if store.embedded else LastCopy(_local_path(paths, store, "last-copy", "json"), _name(store))
        services = cls(config, paths, store, DirectoryRepository(store), AnnotationRepository(store),
                       referral_service(config, store, language=language), demo, copy)
        if demo:
            from app.demo.seed import ensure_demo_directory  # noqa: PLC0415 - the generator is only for the demo

            ensure_demo_directory(services.directory, services.annotations, services.referrals.log)
        return services

    def close(self) -> None:
        self.store.dispose()

    @property
    def search_index(self) -> StoredIndex:
        """The search index's snapshot: beside an SQLite store's file (``<file>.search``), else in the
        data directory, one per server and organisation."""
        url = self.store.engine.url
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            path = Path(url.database).with_name(Path(url.database).name + ".search")
        else:
            path = _local_path(self.paths, self.store, "search", "search")
        return StoredIndex(self.directory, path, _name(self.store))

    @property
    def has_directory(self) -> bool:
        return any(status.entry_count for status in self.directory.source_statuses())


def _name(store: Store) -> str:
    return f"{store.safe_url}#{store.organisation}"


def _local_path(paths: Paths, store: Store, folder: str, suffix: str) -> Path:
    """A file of this PC's for a shared store, one per server and organisation, in the user's data folder."""
    digest = hashlib.sha256(_name(store).encode()).hexdigest()[:16]
    return paths.data_dir / folder / f"{store.engine.url.get_backend_name()}-{digest}.{suffix}"


def source_name_for(path: Path) -> str:
    """Imports from a file become the source "import:<file name>", so re-importing it updates in place."""
    return f"import:{path.name}"
