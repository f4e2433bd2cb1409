"""The store: SQLAlchemy 2 with Alembic migrations; SQLite embedded, PostgreSQL shared."""

from directory.store.annotations import AnnotationRepository
from directory.store.database import Store, StoreError, sqlite_url
from directory.store.entries import DirectoryRepository

# The outbox's table is declared beside its repository; importing it here puts it in Base.metadata for
# every user of the schema (migrations' autogenerate check included).
from directory.store.outbox import OutboxRepository
from directory.store.stats_tables import ServiceDayRow, ServiceHourRow  # noqa: F401 - the same, for statistics

__all__ = ["AnnotationRepository", "DirectoryRepository", "OutboxRepository", "Store", "StoreError", "sqlite_url"]
