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


def digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def same_number(a: str, b: str) -> bool:
    """Loose match for the lab: equal digits, or the same last 8 digits ("019-602 10 00" = "+46196021000")."""
    x, y = digits(a), digits(b)
    if len(x) >= 8 and len(y) >= 8:
        return x[-8:] == y[-8:]
    return bool(x) and x == y


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
    exchange: str = ""  # host:port of an exchange queue the callers call instead of the operator's contact
    extensions: tuple[Extension, ...] = ()
    callers: tuple[Caller, ...] = ()
    interval_s: float = 0.0  # a new caller every this many seconds; 0: only on the "call" command
    first_call_s: float = 4.0  # the first caller this long after the start (at most interval_s)
    abandon_after_s: float = 0.0  # a caller not answered by then hangs up; 0: never
    tone_hz: int = 0  # callers and answering extensions play a tone (0: silence)
    default_behaviour: Behaviour | None = None  # for numbers not listed; None: 404 Not Found
    default_answer_after_s: float = 3.0
    max_callers: int = 2  # callers at once: the pjsua2 wheel allows 4 calls, transfers need 2 more
    talk_s: float = 60.0  # a transferred caller hangs up after talking this long to the extension; 0: never
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        data = asdict(self)
        for ext in data["extensions"]:
            ext["behaviour"] = ext["behaviour"].value
        if self.default_behaviour is not None:
            data["default_behaviour"] = self.default_behaviour.value
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> LabConfig:
        data = json.loads(text)
        extensions = tuple(Extension(**{**e, "behaviour": Behaviour(e["behaviour"])}) for e in data.pop("extensions"))
        callers = tuple(Caller(**c) for c in data.pop("callers"))
        default = data.pop("default_behaviour", None)
        return cls(extensions=extensions, callers=callers,
                   default_behaviour=Behaviour(default) if default else None, **data)

    def extension(self, number: str) -> Extension | None:
        """The extension a dialled number reaches: a listed one, else the default behaviour, else None."""
        found = next((e for e in self.extensions if same_number(e.number, number)), None)
        if found is None and self.default_behaviour is not None and digits(number):
            return Extension(number, "", self.default_behaviour, self.default_answer_after_s)
        return found
