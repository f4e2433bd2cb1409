"""The call log as a table: newest first, with waiting time and time to connect.

Names and numbers are caller-supplied: they are only ever returned as plain strings.
"""

from __future__ import annotations

from typing import Any

from directory.store.calllog import LoggedCall
from directory.store.calllog_summary import summarise
from softphone.desk.records import ABANDONED_OUTCOMES
from ui.log_table_model import ROW_ROLE, LogTableModel, when
from ui.phone_panel import format_duration

LOGGED_CALL_ROLE = ROW_ROLE
COLUMNS = ("time", "caller", "number", "dialled", "outcome", "waiting", "connect", "target", "console")
_ABANDONED = frozenset(outcome.value for outcome in ABANDONED_OUTCOMES)  # as the log stores them


class CallLogModel(LogTableModel):
    columns = COLUMNS

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Caller"), self.tr("Number"), self.tr("Dialled"), self.tr("Outcome"),
                self.tr("Waited"), self.tr("To connect"), self.tr("Transferred to"), self.tr("Console"))

    def tooltip(self, row: Any, column: str) -> str | None:
        return row.end_reason if column == "outcome" else None

    def cell(self, row: Any, column: str) -> str:
        call: LoggedCall = row
        if column == "time":
            return when(call.offered_at)
        if column == "caller":
            return call.name or self.numbers.number(call.number) or self.tr("Withheld")
        if column == "number":
            return self.numbers.number(call.number)
        if column == "dialled":
            return self.numbers.dialled(call.dialled)
        if column == "outcome":
            return self.outcome_text(call.outcome) + (" · " + self.tr("recalled") if call.recalled else "")
        if column == "waiting":
            return format_duration(call.waiting_s) if call.incoming else ""
        if column == "connect":
            return format_duration(call.time_to_connect_s) if call.time_to_connect_s is not None else ""
        if column == "target":
            return self.numbers.number(call.transferred_to)
        return call.console

    def outcome_text(self, outcome: str) -> str:
        return {
            "handled": self.tr("handled"), "transferred": self.tr("transferred"),
            "abandoned": self.tr("gave up waiting"), "abandoned_held": self.tr("gave up on hold"),
            "abandoned_transfer": self.tr("gave up during transfer"), "rejected": self.tr("rejected"),
            "outgoing": self.tr("outgoing"), "not_connected": self.tr("answered, never connected"),
            "unanswered": self.tr("unanswered (ring limit)"), "refused_full": self.tr("refused: console full"),
        }.get(outcome, outcome)

    def set_calls(self, calls: list[LoggedCall]) -> None:
        self.set_rows(calls)

    def calls(self) -> tuple[LoggedCall, ...]:
        return tuple(self._rows)

    def summary(self) -> str:
        """"12 calls · 9 answered · 2 gave up · median wait 0:14 · median time to connect 0:41"."""
        figures = summarise(self._rows, _ABANDONED)
        parts = [self.tr("%n call(s)", "", figures.calls), self.tr("%n answered", "", figures.answered),
                 self.tr("%n gave up", "", figures.gave_up)]
        if figures.median_wait_s is not None:
            parts.append(self.tr("median wait %1").replace("%1", format_duration(figures.median_wait_s)))
        if figures.median_connect_s is not None:
            parts.append(self.tr("median time to connect %1").replace("%1", format_duration(figures.median_connect_s)))
        return " · ".join(parts)
