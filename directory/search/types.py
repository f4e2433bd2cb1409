"""What a search returns: the entry, its score, how it matched and which characters to highlight."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

from directory.model import Entry


class MatchKind(IntEnum):
    """How a hit matched, ordered by strength (a larger value is a stronger match).

    For a multi-word query the hit's kind is that of its weakest word: "anna kard" that matched
    Anna exactly and Kardiologi by prefix is a PREFIX hit. Number kinds rank among themselves; a
    number query never competes with a name query.
    """

    FUZZY = 10
    VARIANT = 20
    PREFIX = 30
    NUMBER_PREFIX = 35
    NUMBER_EXTENSION = 40
    EXACT_TOKEN = 50
    NUMBER_EXACT = 55
    EXACT_NAME = 60


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result.

    ``highlights`` maps a displayed field ("display_name", "title", "unit", "location", "email",
    "number:<i>" for ``entry.numbers[i].raw``) to (start, end) character spans in that field's text.
    """

    entry: Entry
    score: float
    match: MatchKind
    highlights: Mapping[str, tuple[tuple[int, int], ...]]
