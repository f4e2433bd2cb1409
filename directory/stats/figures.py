"""The figures of a `Tally` under the configurable rules (see `definitions` for what each one means)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from directory.stats.definitions import DEFAULT_RULES, StatsRules
from directory.stats.tally import ABANDON, ANSWER, CONNECT, Tally


@dataclass(frozen=True, slots=True)
class Figures:
    offered: int
    answered: int
    abandoned: int
    short_abandons: int
    rejected: int
    overflowed: int
    answered_within: dict[int, int]  # threshold in seconds -> answered calls that waited no longer
    service_level: dict[int, float | None]  # threshold -> share (0..1); None when nothing counts
    wait_mean_s: float | None
    wait_median_s: float | None
    wait_p90_s: float | None
    abandoned_after_mean_s: float | None
    abandoned_after_median_s: float | None
    connect_mean_s: float | None
    connect_median_s: float | None
    transfers: int
    recalls: int
    callbacks_done: int


def median(histogram: Counter[int]) -> float | None:
    """The middle value of the counted seconds (mean of the two middle ones for an even count)."""
    count = sum(histogram.values())
    if count == 0:
        return None
    low, high = _nth(histogram, (count - 1) // 2), _nth(histogram, count // 2)
    return (low + high) / 2


def percentile(histogram: Counter[int], share: float) -> float | None:
    """Nearest rank: the smallest value at least `share` of the counted calls did not exceed."""
    count = sum(histogram.values())
    if count == 0:
        return None
    return float(_nth(histogram, max(1, math.ceil(share * count)) - 1))


def _nth(histogram: Counter[int], index: int) -> int:
    """The value at 0-based `index` in the sorted expansion of `histogram`."""
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if index < seen:
            return value
    raise IndexError(index)


def _mean(total: float, count: int) -> float | None:
    return total / count if count else None


def figures(tally: Tally, rules: StatsRules = DEFAULT_RULES) -> Figures:
    answers, abandons = tally.waits[ANSWER], tally.waits[ABANDON]
    short = sum(n for s, n in abandons.items() if s <= rules.short_abandon_s)
    within = {t: sum(n for s, n in answers.items() if s <= t) for t in rules.service_levels_s}
    counted = tally.offered - short
    return Figures(
        offered=tally.offered, answered=tally.answered, abandoned=tally.abandoned, short_abandons=short,
        rejected=tally.rejected, overflowed=tally.overflowed, answered_within=within,
        service_level={t: (n / counted if counted > 0 else None) for t, n in within.items()},
        wait_mean_s=_mean(tally.total_s(ANSWER), sum(answers.values())), wait_median_s=median(answers),
        wait_p90_s=percentile(answers, 0.9),
        abandoned_after_mean_s=_mean(tally.total_s(ABANDON), sum(abandons.values())),
        abandoned_after_median_s=median(abandons),
        connect_mean_s=_mean(tally.total_s(CONNECT), sum(tally.waits[CONNECT].values())),
        connect_median_s=median(tally.waits[CONNECT]),
        transfers=tally.transferred, recalls=tally.recalled, callbacks_done=tally.callbacks_done)
