from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from directory.store import Store
from tests.helpers.postgres import create_database, postgres_server

_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    with postgres_server() as base_url:
        yield base_url


@pytest.fixture
def store(postgres: str) -> Iterator[Store]:
    """Overrides the unit tests' SQLite store: the same tests, run against a real PostgreSQL."""
    s = Store.open(create_database(postgres, f"t{next(_counter)}"))
    yield s
    s.dispose()
