"""The store: SQLAlchemy 2 with Alembic migrations; SQLite embedded, PostgreSQL shared."""

from directory.store.annotations import AnnotationRepository
from directory.store.database import Store, StoreError, sqlite_url
from directory.store.entries import DirectoryRepository

__all__ = ["AnnotationRepository", "DirectoryRepository", "Store", "StoreError", "sqlite_url"]
