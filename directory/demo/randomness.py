"""Seeded choices without the standard library's per-call overhead."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """Like ``rng.choice``: ``choice``'s rejection sampling cost a third of a 200,000-person demo."""
    return items[int(rng.random() * len(items))]
