"""Search over what a PostgreSQL store gives back: the SQLite tests of tests/unit/directory/search again."""

from __future__ import annotations

import pytest

from tests.unit.directory.search.test_from_store import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_a_whole_address_finds_its_person,
    test_the_about_text_is_searchable_and_follows_a_reimport,
)

pytestmark = pytest.mark.integration
