"""The call-measurement tests again on a real PostgreSQL server (the `store` fixture of this folder): the
same Core statements, aggregates and DST handling as on SQLite."""

from __future__ import annotations

import pytest

from tests.unit.directory.stats.test_by_service import (  # noqa: F401 - per-service hours and days
    test_a_year_by_service_from_days_and_hours_matches_the_raw_rows,
    test_migration_0011_fills_the_new_aggregates_from_the_old_ones,
    test_statistics_retention_takes_whole_days,
)
from tests.unit.directory.stats.test_exchange_queue import (  # noqa: F401 - the same, with the exchange's records
    test_an_organisation_counts_only_its_own_exchanges_leavers,
    test_callers_who_left_the_exchanges_queue_count_once,
    test_queue_leavers_are_per_service_and_at_no_console,
    test_queue_leavers_outlive_the_call_logs_retention,
)
from tests.unit.directory.stats.test_report import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_a_morning_by_hour_and_by_service_by_hand,
    test_a_service_can_be_chosen_and_an_unknown_one_is_named,
    test_an_empty_period_and_days_without_calls_are_reported,
    test_an_hour_thinned_by_the_call_logs_retention_keeps_its_counts,
    test_call_backs_done_count_in_the_hour_and_console_they_were_done,
    test_calls_logged_late_count_in_the_hour_they_were_offered,
    test_dst_days_have_23_or_25_hours_and_count_every_call,
    test_each_organisation_rolls_up_and_reads_only_its_own_figures,
    test_history_outlives_the_call_logs_retention_and_has_its_own,
    test_keeping_history_rolls_up_before_the_call_log_loses_rows,
    test_migration_0006_goes_down_and_up,
    test_months_of_generated_history_match_plain_python,
)

pytestmark = pytest.mark.integration
