"""Favourites in the store again on a real PostgreSQL server (the `store` fixture of this folder)."""

from __future__ import annotations

import pytest

from tests.unit.directory.store.test_favourites import (  # noqa: F401 - collected here with this folder's `store` fixture
    test_an_old_json_file_is_taken_over_once_and_unknown_entries_are_left_out,
    test_another_organisations_favourites_are_not_seen,
    test_each_operator_keeps_their_own_favourites_in_their_order,
)

pytestmark = pytest.mark.integration
