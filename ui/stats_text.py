"""The supervisor view's words: column headers, groupings and the definitions of the figures, translated.

The definitions are directory.stats.definitions.DEFINITIONS word for word in English (a test keeps them
in step); lupdate needs them as literals here, so they are written out once more, for translation only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from directory.stats.definitions import StatsRules
from directory.stats.table import columns

translate = QCoreApplication.translate


def definitions() -> list[tuple[str, str]]:
    """(figure, definition) in the operator's language, in DEFINITIONS' order."""
    return [
        (translate("Stats", "Offered"), translate(
            "Stats", "Calls that rang at a console (or found it full), and callers who left the exchange's "
                     "queue unanswered.")),
        (translate("Stats", "Answered"), translate("Stats", "Offered calls the operator answered.")),
        (translate("Stats", "Abandoned"), translate(
            "Stats", "Offered calls whose caller hung up unanswered, at a console or waiting in the exchange's "
                     "queue.")),
        (translate("Stats", "Short abandons"), translate(
            "Stats",
            "Abandoned calls given up within the short-abandon limit (default 5 s); not in the service level.")),
        (translate("Stats", "Rejected"), translate(
            "Stats", "Offered calls declined unanswered: by the operator (busy), a full console or its ring limit.")),
        (translate("Stats", "Overflowed"), translate(
            "Stats", "Callers the exchange's queue sent on to its overflow number; in the service level, not "
                     "answered.")),
        (translate("Stats", "Answered within N s"),
         translate("Stats", "Answered calls whose wait was N seconds or less.")),
        (translate("Stats", "Service level (N s)"),
         translate("Stats", "Answered within N s, divided by offered calls less short abandons.")),
        (translate("Stats", "Wait"), translate(
            "Stats", "From offered (joining the queue) to answered, over answered calls; mean, median and 90th "
                     "percentile.")),
        (translate("Stats", "Abandoned after"), translate(
            "Stats", "From offered (joining the queue) to the caller hanging up, over abandoned calls; mean and "
                     "median.")),
        (translate("Stats", "Time to connect"), translate(
            "Stats", "From answered until transferred or ended, over answered calls; mean and median.")),
        (translate("Stats", "Transfers"), translate("Stats", "Answered calls that ended transferred.")),
        (translate("Stats", "Recalls"), translate(
            "Stats", "Calls that came back to the operator after a failed or unanswered transfer.")),
        (translate("Stats", "Call-backs done"), translate("Stats", "Call-back list entries marked done.")),
    ]


def grouping_names() -> dict[str, str]:
    return {"hour": translate("Stats", "Hour"), "day": translate("Stats", "Day"),
            "week": translate("Stats", "Week"), "month": translate("Stats", "Month"),
            "service": translate("Stats", "Service"), "operator": translate("Stats", "Console")}


def headers(by: str, rules: StatsRules) -> list[str]:
    """The label column's name, then one per figure column (directory.stats.table.columns), translated."""
    words = {
        "offered": translate("Stats", "Offered"), "answered": translate("Stats", "Answered"),
        "abandoned": translate("Stats", "Abandoned"),
        "short_abandons": translate("Stats", "Short abandons (<= %1 s)").replace("%1", str(rules.short_abandon_s)),
        "rejected": translate("Stats", "Rejected"), "overflowed": translate("Stats", "Overflowed"),
        "wait_mean_s": translate("Stats", "Mean wait (s)"), "wait_median_s": translate("Stats", "Median wait (s)"),
        "wait_p90_s": translate("Stats", "90th percentile wait (s)"),
        "abandoned_after_mean_s": translate("Stats", "Mean abandoned after (s)"),
        "abandoned_after_median_s": translate("Stats", "Median abandoned after (s)"),
        "connect_mean_s": translate("Stats", "Mean time to connect (s)"),
        "connect_median_s": translate("Stats", "Median time to connect (s)"),
        "transfers": translate("Stats", "Transfers"), "recalls": translate("Stats", "Recalls"),
        "callbacks_done": translate("Stats", "Call-backs done"),
    }
    for seconds in rules.service_levels_s:
        words[f"answered_within_{seconds}s"] = translate("Stats", "Answered within %1 s").replace("%1", str(seconds))
        words[f"service_level_{seconds}s"] = translate("Stats", "Service level %1 s").replace("%1", str(seconds))
    return [grouping_names()[by], *(words[c.key] for c in columns(rules))]


def total_label() -> str:
    return translate("Stats", "Total")
