"""A desk over the fake switchboard phone with a hand-driven clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from softphone.desk.desk import OperatorDesk
from softphone.desk.records import DeskEvent
from softphone.desk.settings import DeskSettings
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone

START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def wall(self) -> datetime:
        return START + timedelta(seconds=self.t - 1000.0)

    def advance(self, seconds: float) -> None:
        self.t += seconds


class Desk:
    """The desk, its phone, its clock and every event it emitted."""

    def __init__(self, settings: DeskSettings) -> None:
        self.phone = FakeSwitchboardPhone()
        self.clock = Clock()
        names = {"+4670111222": "Anna Lind (directory)"}
        self.desk = OperatorDesk(self.phone, settings, clock=self.clock, wall_clock=self.clock.wall,
                                 name_of=names.get)
        self.events: list[DeskEvent] = []
        self.desk.add_listener(self.events.append)

    def pump(self) -> None:
        self.phone.pump()

    def of(self, kind: type) -> list:  # type: ignore[type-arg]
        return [e for e in self.events if isinstance(e, kind)]


@pytest.fixture
def desk() -> Desk:
    return Desk(DeskSettings(emergency_numbers=["112", "+46 8 555 000"], priority_numbers=["+4631999"],
                             internal_max_digits=4, recall_after=30.0, held_reminder=60.0))


def ring(d: Desk, number: str = "+4670111222", name: str = "", dialled: str = "") -> int:
    """A caller rings and waits on the desk."""
    call_id = d.phone.ring(name, number, dialled)
    d.pump()
    return call_id


def answered(d: Desk, number: str = "+4670111222") -> int:
    """A caller rang for 5 s and the operator answered."""
    call_id = ring(d, number)
    d.clock.advance(5)
    d.desk.answer(call_id)
    d.pump()
    return call_id
