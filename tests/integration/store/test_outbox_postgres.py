"""The outbox again on a real PostgreSQL server (the `store` fixture of this folder): claimed once, retried
only when nothing was sent, searchable, purged by age, found by the gateway's id of a message or a part."""

from __future__ import annotations

import pytest

from tests.unit.directory.store.test_outbox import (  # noqa: F401 - collected here with this folder's `store` fixture
    outbox,
    test_a_message_is_found_by_its_gateway_id_or_one_of_its_parts,
    test_a_message_left_sending_by_a_crash_fails_and_is_never_due_again,
    test_a_part_not_delivered_fails_a_message_already_delivered,
    test_a_queued_message_is_claimed_once,
    test_a_retry_waits_for_its_time,
    test_like_wildcards_in_a_gateway_id_are_only_characters,
    test_retention_keeps_work_and_removes_old_log,
    test_search_matches_names_numbers_and_text_like_the_call_log,
    test_sent_then_delivered_keeps_the_provider_id,
    test_the_newest_message_wins_when_a_gateway_reuses_an_id_and_old_ones_are_not_searched,
)

pytestmark = pytest.mark.integration
