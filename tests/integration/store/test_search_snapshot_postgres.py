"""The search index kept beside a PostgreSQL store: the SQLite tests of tests/unit/directory/search again."""

from __future__ import annotations

import pytest

from tests.unit.directory.search.test_stored import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_a_damaged_snapshot_is_rebuilt,
    test_a_snapshot_of_another_store_is_not_used,
    test_a_snapshot_settles_and_then_reads_only_what_came_after,
    test_a_store_behind_its_snapshot_is_rebuilt,
    test_a_store_changed_behind_the_snapshot_is_rebuilt,
    test_an_import_and_a_sync_while_the_snapshot_is_open_are_applied,
    test_made_reopened_and_current,
    test_many_changes_since_the_snapshot_are_rebuilt_rather_than_applied,
)

pytestmark = pytest.mark.integration
