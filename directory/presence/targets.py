"""Which line a busy lamp watches for a directory entry."""

from __future__ import annotations

import re

from directory.model import Entry, NumberKind


def line_target(entry: Entry) -> str | None:
    """The extension a busy lamp watches: the entry's first work or DECT number, as digits."""
    for number in entry.numbers:
        if number.kind in (NumberKind.WORK, NumberKind.DECT):
            digits = re.sub(r"\D", "", number.raw)
            return digits or None
    return None
