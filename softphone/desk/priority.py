"""Which priority class a caller gets, from configured numbers (caller's or dialled)."""

from __future__ import annotations

from dataclasses import dataclass, field

from softphone.desk.records import PriorityClass


def normalise(number: str) -> str:
    """Digits with a leading + kept, so '+46 8-123 45' and '+46812345' compare equal."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return ("+" + digits) if number.strip().startswith("+") else digits


@dataclass(frozen=True)
class PriorityRules:
    emergency_numbers: frozenset[str] = field(default_factory=frozenset)  # caller or dialled number
    priority_numbers: frozenset[str] = field(default_factory=frozenset)
    internal_max_digits: int = 0  # callers with at most this many digits are internal; 0: none

    def __post_init__(self) -> None:
        object.__setattr__(self, "emergency_numbers", frozenset(normalise(n) for n in self.emergency_numbers))
        object.__setattr__(self, "priority_numbers", frozenset(normalise(n) for n in self.priority_numbers))

    def classify(self, number: str, dialled: str = "") -> PriorityClass:
        caller, line = normalise(number), normalise(dialled)
        if caller in self.emergency_numbers or (line and line in self.emergency_numbers):
            return PriorityClass.EMERGENCY
        if caller in self.priority_numbers or (line and line in self.priority_numbers):
            return PriorityClass.PRIORITY
        if caller and caller.isdigit() and len(caller) <= self.internal_max_digits:
            return PriorityClass.INTERNAL
        return PriorityClass.NORMAL
