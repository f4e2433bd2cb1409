"""The kind of status a results row's lamp tells, decided where its words are made."""

from __future__ import annotations

import pytest

from app.lookup.status_line import status_kind
from directory.presence import LineState
from ui.status_lamp import StatusKind


@pytest.mark.parametrize(("away", "line", "kind"), [
    (False, None, StatusKind.NONE),
    (True, None, StatusKind.AWAY),  # a referral, or the calendar not free
    (False, LineState.IDLE, StatusKind.NONE),
    (True, LineState.IDLE, StatusKind.AWAY),
    (False, LineState.BUSY, StatusKind.LINE_BUSY),
    (False, LineState.RINGING, StatusKind.LINE_BUSY),
    (True, LineState.BUSY, StatusKind.LINE_BUSY),  # "Lunch until 13:00 · on the phone": the line is what rings now
    (True, LineState.UNKNOWN, StatusKind.AWAY),  # the words do not tell an unknown or do-not-disturb line
    (False, LineState.DND, StatusKind.NONE),
])
def test_the_lamp_follows_the_words(away: bool, line: LineState | None, kind: StatusKind) -> None:
    assert status_kind(away, line) is kind
