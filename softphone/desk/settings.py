"""The desk's own options, declared once: the `[desk]` keys that decide queue order, recalls and reminders.

The app composes this into its `[desk]` table and adds the app-level keys (hand back, call log, shortcuts).
"""

from __future__ import annotations

from pydantic import Field

from settings_base import Section
from softphone.desk.priority import PriorityRules


class DeskSettings(Section):
    """How the operator desk orders and times calls; `OperatorDesk` reads `rules`, `recall_after_s`,
    `held_reminder_s`."""

    emergency_numbers: list[str] = Field(default_factory=lambda: ["112"], description="Caller's or dialled "
                                         "numbers answered first and shown unmistakably.")
    priority_numbers: list[str] = Field(default_factory=list, description="Numbers answered before ordinary callers.")
    internal_max_digits: int = Field(5, ge=0, le=8, description="Callers with at most this many digits are "
                                     "internal; 0: no internal class.")
    recall_after: float = Field(30.0, ge=5, le=600, description="Seconds before an unanswered transfer comes back.")
    held_reminder: float = Field(60.0, ge=5, le=3600, description="Seconds on hold before the operator is reminded.")

    @property
    def rules(self) -> PriorityRules:
        # Built on demand (once per incoming call) rather than cached: a cached copy would survive model_copy.
        return PriorityRules(frozenset(self.emergency_numbers), frozenset(self.priority_numbers),
                             self.internal_max_digits)

    @property
    def recall_after_s(self) -> float:
        return self.recall_after

    @property
    def held_reminder_s(self) -> float:
        return self.held_reminder
