"""Optimistic versions on referrals and notes again on a real PostgreSQL (this folder's `store` fixture)."""

from __future__ import annotations

import pytest

from tests.unit.directory.store.test_versions import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_a_note_edited_from_an_old_version_is_refused_and_told_who_changed_it,
    test_consoles_racing_to_edit_one_note_one_wins,
    test_consoles_racing_to_set_one_referral_one_wins_and_the_rest_are_audited_nowhere,
    test_forced_edits_racing_are_all_applied_in_turn_and_all_audited,
)

pytestmark = pytest.mark.integration
