"""The referral audit tests again on a real PostgreSQL server (the `store` fixture of this folder)."""

from __future__ import annotations

import pytest

from tests.unit.directory.store.test_referral_audit import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_a_clear_in_between_is_told_with_who_cleared_what,
    test_listing_for_the_cli,
    test_migration_0002_goes_down_and_up_again,
    test_migration_0016_numbers_the_audit_rows_recorded_before_it,
    test_referrals_end_by_themselves_at_their_return_time,
    test_scheduled_referral_waits_beside_the_current_one,
    test_service_with_a_controlled_clock,
    test_set_replace_clear_are_audited_with_old_and_new,
    test_simultaneous_changes_are_serialised_and_the_loser_told,
    test_two_operators_at_once_the_second_sees_what_changed,
    test_unknown_entry_is_refused,
)

pytestmark = pytest.mark.integration
