"""The shared call-back list again on a real PostgreSQL server (the `store` fixture of this folder):
steps audited, a race to claim won by one operator, the list surviving the store being opened again."""

from __future__ import annotations

import pytest

from tests.unit.directory.store.test_callbacks import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_a_caller_who_gave_up_at_the_exchange_is_one_entry_however_many_consoles_hear_of_it,
    test_a_claim_is_kept_from_other_operators_until_released,
    test_a_stale_version_or_a_finished_call_back_is_a_conflict_not_an_overwrite,
    test_added_call_backs_are_listed_newest_first_until_done,
    test_migration_0005_goes_down_and_up,
    test_the_list_survives_opening_the_store_again,
    test_two_operators_racing_to_claim_one_wins_and_the_other_is_told_who,
)

pytestmark = pytest.mark.integration
