"""What the demo lab hosts and does: extensions with a behaviour, callers, and how often they call."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Behaviour(Enum):
    ANSWER = "answer"  # rings `answer_after_s`, then answers
    NO_ANSWER = "no_answer"  # rings until the caller gives up
    BUSY = "busy"  # 486 Busy Here at once


@dataclass(frozen=True)
class Extension:
    number: str
    name: str = ""
    behaviour: Behaviour = Behaviour.ANSWER
    answer_after_s: float = 2.0


@dataclass(frozen=True)
class Caller:
    number: str  # e.g. "+46701234567"
    name: str = ""
    dialled: str = ""  # the switchboard number called, e.g. "+46101234500"


@dataclass(frozen=True)
class LabConfig:
    operator: str = "1000"  # the console's user at the front door
    extensions: tuple[Extension, ...] = ()
    callers: tuple[Caller, ...] = ()
    interval_s: float = 0.0  # a new caller every this many seconds; 0: only on the "call" command
    abandon_after_s: float = 0.0  # a caller not answered by then hangs up; 0: never
    tone_hz: int = 0  # callers and answering extensions play a tone (0: silence)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        data = asdict(self)
        for ext in data["extensions"]:
            ext["behaviour"] = ext["behaviour"].value
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> LabConfig:
        data = json.loads(text)
        extensions = tuple(Extension(**{**e, "behaviour": Behaviour(e["behaviour"])}) for e in data.pop("extensions"))
        callers = tuple(Caller(**c) for c in data.pop("callers"))
        return cls(extensions=extensions, callers=callers, **data)

    def extension(self, number: str) -> Extension | None:
        return next((e for e in self.extensions if e.number == number), None)
