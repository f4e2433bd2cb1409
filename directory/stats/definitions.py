"""What each figure means, written once: the README's "Call measurement: definitions" and the window's
supervisor view show this same table (the window through tr(), see ui/stats_text.py).

Like Puzzel's published definitions, each figure is stated in terms of the call log's own facts and,
where the exchange has a queue, its records. Only incoming calls count; the operator's own outgoing
calls are never offered.

| Figure | Definition |
|---|---|
| Offered | Calls that rang at a console (or found it full), and callers who left the exchange's queue unanswered. |
| Answered | Offered calls the operator answered. |
| Abandoned | Offered calls whose caller hung up unanswered, at a console or waiting in the exchange's queue. |
| Short abandons | Abandoned calls given up within the short-abandon limit (default 5 s); not in the service level. |
| Rejected | Offered calls declined unanswered: by the operator (busy), a full console or its ring limit. |
| Overflowed | Callers the exchange's queue sent on to its overflow number; in the service level, not answered. |
| Answered within N s | Answered calls whose wait was N seconds or less. |
| Service level (N s) | Answered within N s, divided by offered calls less short abandons. |
| Wait | From offered (joining the queue) to answered, over answered calls; mean, median and 90th percentile. |
| Abandoned after | From offered (joining the queue) to the caller hanging up, over abandoned calls; mean and median. |
| Time to connect | From answered until transferred or ended, over answered calls; mean and median. |
| Transfers | Answered calls that ended transferred. |
| Recalls | Calls that came back to the operator after a failed or unanswered transfer. |
| Call-backs done | Call-back list entries marked done. |

Waits are counted in whole seconds, rounded up (a caller answered after 19.2 s waited 20 s), so
"within 20 s" means what it says, in fixed buckets (directory.store.stats_tables): every second up to a
minute, coarser after, so thresholds up to 60 s are exact and longer medians read as their bucket's bound
(a 61 s wait reads 70 s); means use the exact seconds. The median is the middle wait (the mean of the
two middle ones for an even count); the 90th percentile is the shortest wait that at least 90 % of
callers did not exceed (nearest rank). Hours are the operator's local hours: a day with a
daylight-saving change has 23 or 25 of them.

A caller in the exchange's queue counts once: a caller picked and answered (or who hung up while ringing)
at a console from that console's call log, a caller who hung up while waiting or overflowed from the
exchange's records, in the hour they joined the queue, for the number they dialled, at no console.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The table above as data, for the README check and the window; keep the two in step (a test does).
DEFINITIONS: tuple[tuple[str, str], ...] = tuple(
    tuple(cell.strip() for cell in line.strip().strip("|").split("|", 1))  # type: ignore[misc]
    for line in (__doc__ or "").splitlines()
    if line.startswith("| ") and not line.startswith("| Figure")
)


@dataclass(frozen=True, slots=True)
class StatsRules:
    """The configurable limits: short abandons and service-level thresholds, in seconds."""

    short_abandon_s: int = 5
    service_levels_s: tuple[int, ...] = field(default=(20, 60))

    def __post_init__(self) -> None:
        if self.short_abandon_s < 0 or any(t <= 0 for t in self.service_levels_s):
            raise ValueError("short-abandon limit must be >= 0 and service-level thresholds > 0 seconds")


DEFAULT_RULES = StatsRules()


def definitions_markdown() -> str:
    """The definitions as the README shows them."""
    lines = ["| Figure | Definition |", "|---|---|"]
    lines += [f"| {term} | {text} |" for term, text in DEFINITIONS]
    return "\n".join(lines)
