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

    @classmethod
    def open(cls, config: Config, paths: Paths, *, demo: bool, language: str = "en") -> Services:
        """``language`` is the operator's: referral labels are stored in it."""
        organisation = "" if demo else config.settings.store.organisation
        store = Store.open(store_url(config, paths, demo=demo), organisation)
        log.info("store opened: %s", store.safe_url)
        services = cls(config, paths, store, DirectoryRepository(store), AnnotationRepository(store),
                       referral_service(config, store, language=language), demo)
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
        name = f"{self.store.safe_url}#{self.store.organisation}"
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            path = Path(url.database).with_name(Path(url.database).name + ".search")
        else:
            digest = hashlib.sha256(name.encode()).hexdigest()[:16]
            path = self.paths.data_dir / "search" / f"{url.get_backend_name()}-{digest}.search"
        return StoredIndex(self.directory, path, name)

    @property
    def has_directory(self) -> bool:
        return any(status.entry_count for status in self.directory.source_statuses())


def source_name_for(path: Path) -> str:
    """Imports from a file become the source "import:<file name>", so re-importing it updates in place."""
    return f"import:{path.name}"
