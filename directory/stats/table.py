"""A report as a table: the columns every export shares (CLI text, CSV, Excel, JSON, the window's view).

Headers here are English; the window passes its translated ones to the same writers. Values are plain
numbers (seconds, shares 0..1) or None for "no such figure", never formatted text, so a spreadsheet can
compute with them.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from directory.stats.definitions import StatsRules
from directory.stats.figures import Figures
from directory.stats.report import Report

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the JSON name, stable (documented in the README)
    header: str  # English; the window translates


def columns(rules: StatsRules) -> tuple[Column, ...]:
    """The figure columns, with one "answered within" and one "service level" per threshold."""
    within = tuple(Column(f"answered_within_{t}s", f"Answered within {t} s") for t in rules.service_levels_s)
    levels = tuple(Column(f"service_level_{t}s", f"Service level {t} s") for t in rules.service_levels_s)
    return (Column("offered", "Offered"), Column("answered", "Answered"), Column("abandoned", "Abandoned"),
            Column("short_abandons", f"Short abandons (<= {rules.short_abandon_s} s)"),
            Column("rejected", "Rejected"), Column("overflowed", "Overflowed"), *within, *levels,
            Column("wait_mean_s", "Mean wait (s)"), Column("wait_median_s", "Median wait (s)"),
            Column("wait_p90_s", "90th percentile wait (s)"),
            Column("abandoned_after_mean_s", "Mean abandoned after (s)"),
            Column("abandoned_after_median_s", "Median abandoned after (s)"),
            Column("connect_mean_s", "Mean time to connect (s)"),
            Column("connect_median_s", "Median time to connect (s)"),
            Column("transfers", "Transfers"), Column("recalls", "Recalls"),
            Column("callbacks_done", "Call-backs done"))


def percent_columns(rules: StatsRules) -> list[int]:
    """Where the shares are, counting the label column first (for the Excel percentage format)."""
    return [i + 1 for i, c in enumerate(columns(rules)) if c.key.startswith("service_level_")]


def values(figures: Figures, rules: StatsRules) -> dict[str, Cell]:
    """A row's figures by column key; averages rounded to tenths of a second, shares to 0.1 %."""
    def tenth(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    row: dict[str, Cell] = {
        "offered": figures.offered, "answered": figures.answered, "abandoned": figures.abandoned,
        "short_abandons": figures.short_abandons, "rejected": figures.rejected,
        "overflowed": figures.overflowed}
    row.update({f"answered_within_{t}s": figures.answered_within[t] for t in rules.service_levels_s})
    row.update({f"service_level_{t}s": None if (s := figures.service_level[t]) is None else round(s, 3)
                for t in rules.service_levels_s})
    row.update({name: tenth(getattr(figures, name)) for name in (
        "wait_mean_s", "wait_median_s", "wait_p90_s", "abandoned_after_mean_s", "abandoned_after_median_s",
        "connect_mean_s", "connect_median_s")})
    row.update({"transfers": figures.transfers, "recalls": figures.recalls, "callbacks_done": figures.callbacks_done})
    return row


def rows(report: Report, rules: StatsRules, total_label: str = "Total") -> list[list[Cell]]:
    """The report's rows and then its total, each a label followed by the figures in column order."""
    keys = [c.key for c in columns(rules)]
    lines = [(row.label, row.figures) for row in report.rows] + [(total_label, report.total)]
    return [[label, *(values(f, rules)[k] for k in keys)] for label, f in lines]


def write_csv(path: Path, headers: Sequence[str], table: list[list[Cell]]) -> None:
    """UTF-8 with a byte-order mark, so Excel opens "Åsa" right; empty cells for no figure."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([["" if cell is None else cell for cell in line] for line in table])
