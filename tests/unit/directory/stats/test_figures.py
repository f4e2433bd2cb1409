"""The figures of a small fixed set of calls, checked against expectations computed by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from directory.stats.definitions import DEFINITIONS, StatsRules, definitions_markdown
from directory.stats.figures import figures, median, percentile
from directory.stats.tally import CallFacts, Tally, tally_all, whole_seconds

AT = datetime(2026, 11, 23, 8, 15, tzinfo=UTC)


def call(outcome: str, wait: float, *, answered: bool = True, connect: float | None = None,
         recalled: bool = False, incoming: bool = True) -> CallFacts:
    return CallFacts(offered_at=AT, incoming=incoming, answered=answered, outcome=outcome, waiting_s=wait,
                     time_to_connect_s=connect, recalled=recalled, service="0771-100 100", console="desk-1")


# Ten offered calls and one outgoing call:
#   answered waits 4, 10, 19.2 (-> 20), 25, 61    -> within 20 s: 3, within 60 s: 4
#   abandoned after 2, 5 (short, <= 5 s) and 40   -> 3 abandoned, 2 short
#   rejected 1; abandoned-on-hold (answered) 12   -> counts as answered with wait 12
CALLS = [
    call("handled", 4, connect=30), call("transferred", 10, connect=50), call("transferred", 19.2, connect=70,
                                                                                recalled=True),
    call("handled", 25), call("transferred", 61, connect=20), call("abandoned_held", 12, connect=100),
    call("abandoned", 2, answered=False), call("abandoned", 5, answered=False),
    call("abandoned", 40, answered=False), call("rejected", 3, answered=False),
    call("outgoing", 0, incoming=False),
]


def test_counts_and_service_level_by_hand() -> None:
    result = figures(tally_all(CALLS), StatsRules(short_abandon_s=5, service_levels_s=(20, 60)))
    assert (result.offered, result.answered, result.abandoned, result.short_abandons, result.rejected) == (
        10, 6, 3, 2, 1)
    assert result.answered_within == {20: 4, 60: 5}  # 4, 10, 12, 20 | and 25
    assert result.service_level == {20: pytest.approx(4 / 8), 60: pytest.approx(5 / 8)}  # 10 offered - 2 short
    assert (result.transfers, result.recalls, result.callbacks_done) == (3, 1, 0)


def test_waits_by_hand() -> None:
    result = figures(tally_all(CALLS))
    # answered waits (buckets) 4 10 12 20 25 70 (61 s counts in the bucket to 70 s): median (12 + 20) / 2,
    # p90 nearest rank ceil(5.4) = 6th, read as its bucket's bound
    assert result.wait_mean_s == pytest.approx((4 + 10 + 19.2 + 25 + 61 + 12) / 6)
    assert result.wait_median_s == 16.0
    assert result.wait_p90_s == 70.0
    assert result.abandoned_after_mean_s == pytest.approx(47 / 3)
    assert result.abandoned_after_median_s == 5.0
    assert result.connect_mean_s == pytest.approx(270 / 5)
    assert result.connect_median_s == 50.0


def test_nothing_offered_gives_no_averages_and_no_service_level() -> None:
    result = figures(Tally())
    assert result.offered == 0
    assert result.wait_median_s is None
    assert result.service_level == {20: None, 60: None}


def test_merging_tallies_equals_tallying_together() -> None:
    first, second = tally_all(CALLS[:4]), tally_all(CALLS[4:])
    first.merge(second)
    assert figures(first) == figures(tally_all(CALLS))


@pytest.mark.parametrize(("seconds", "counted"), [(0, 0), (19.2, 20), (20.0, 20), (20.0000001, 20), (59.5, 60),
                                                  (61, 70), (121, 150), (600, 600), (601, 720), (3600, 3600),
                                                  (3600.5, 3601), (86400, 3601)])
def test_whole_seconds_round_up_and_coarsen_long_waits(seconds: float, counted: int) -> None:
    assert whole_seconds(seconds) == counted


def test_median_and_percentile_of_histograms() -> None:
    tally = tally_all([call("handled", w) for w in range(1, 11)])
    waits = tally.waits["answer"]
    assert median(waits) == 5.5
    assert percentile(waits, 0.9) == 9.0
    assert percentile(waits, 0.5) == 5.0


def test_rules_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="short-abandon"):
        StatsRules(short_abandon_s=-1)


def test_definitions_are_one_table_for_readme_and_window() -> None:
    terms = [term for term, _ in DEFINITIONS]
    assert terms[:3] == ["Offered", "Answered", "Abandoned"]
    assert "Service level (N s)" in terms
    assert definitions_markdown().splitlines()[2] == f"| Offered | {DEFINITIONS[0][1]} |"


def test_the_readme_shows_the_same_definitions() -> None:
    readme = (Path(__file__).resolve().parents[4] / "README.md").read_text(encoding="utf-8")
    assert "### Call measurement: definitions" in readme
    assert definitions_markdown() in readme


def test_callers_a_full_console_refused_or_its_ring_limit_ended_are_offered_and_rejected() -> None:
    calls = [call("refused_full", 0, answered=False), call("unanswered", 300, answered=False),
             call("rejected", 3, answered=False), call("handled", 4)]
    result = figures(tally_all(calls), StatsRules(short_abandon_s=5, service_levels_s=(20,)))
    assert (result.offered, result.answered, result.abandoned, result.rejected) == (4, 1, 0, 3)
    assert result.service_level == {20: pytest.approx(1 / 4)}
