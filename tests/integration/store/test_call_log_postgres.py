"""The call log tests again on a real PostgreSQL server (the `store` fixture of this folder)."""

from __future__ import annotations

import pytest

from tests.unit.directory.store.test_call_log import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_every_field_round_trips,
    test_migration_0003_goes_down_and_up_keeping_old_rows,
    test_retention_purges_old_calls_only,
    test_search_by_text_time_and_outcome_newest_first,
)

pytestmark = pytest.mark.integration
