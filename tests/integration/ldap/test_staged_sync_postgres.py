"""The first-sync writer process into PostgreSQL (it writes as the batches arrive, committing at the end)."""

from __future__ import annotations

import pytest

from tests.integration.ldap.test_postgres_store import postgres, store  # noqa: F401 - this module's store
from tests.integration.ldap.test_staged_sync import (  # noqa: F401 - collected here with that store
    test_a_cancelled_first_sync_stops_the_writer_and_writes_nothing,
    test_a_first_sync_goes_through_the_writer_and_the_store_stays_writable,
    test_a_writer_killed_mid_sync_changes_nothing,
)

pytestmark = pytest.mark.integration
