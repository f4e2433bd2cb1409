"""The demo exchange for `switchboard --demo`: a lab configured from the demo organisation.

People with a referral in force do not answer (the operator gets a recall), about one in twelve of
the others is busy, everyone else answers after a few rings. Callers are fictional outsiders with
realistic Swedish and Norwegian mobile numbers calling the organisation's switchboard numbers, plus
an internal caller and a fire alarm line (`ALARM_NUMBER`, to configure as an emergency number).
"""

from __future__ import annotations

import random
from datetime import timedelta

from directory.demo import DemoDirectory
from directory.demo.names import (
    NORWEGIAN_FEMALE,
    NORWEGIAN_MALE,
    NORWEGIAN_SURNAMES,
    SWEDISH_FEMALE,
    SWEDISH_MALE,
    SWEDISH_SURNAMES,
)
from directory.demo.numbers import NumberPlan
from softphone.demolab.config import Behaviour, Caller, Extension, LabConfig
from softphone.settings import AudioSettings

DEMO_AUDIO = AudioSettings(null_device=True, codecs=("PCMU/8000",))  # no sound card; PCMU carries the tone cleanly
ALARM_NUMBER = "+4619600112"  # the demo's fire alarm line: put it in the emergency numbers
_BUSY_EVERY = 12


def demo_services(demo: DemoDirectory) -> dict[str, str]:
    """The demo organisation's switchboard numbers and the names the waiting list shows for them."""
    return {f.numbers[0].e164 or f.numbers[0].raw: f.display_name for f in demo.functions if f.numbers}


def demo_lab_config(demo: DemoDirectory, *, seed: int = 2026, callers: int = 40, interval_s: float = 25.0,
                    abandon_after_s: float = 120.0) -> LabConfig:
    rng = random.Random(seed)
    away = {r.external_id for r in demo.referrals
            if r.starts_offset <= timedelta(0) and (r.until_offset is None or r.until_offset > timedelta(0))}
    extensions: list[Extension] = []
    for i, person in enumerate(demo.people):
        if person.external_id in away:
            behaviour = Behaviour.NO_ANSWER
        elif i % _BUSY_EVERY == 5:
            behaviour = Behaviour.BUSY
        else:
            continue  # answers: the lab's default
        extensions.extend(Extension(n.e164 or n.raw, person.display_name, behaviour) for n in person.numbers)
    switchboards = [f.numbers[0].e164 or f.numbers[0].raw for f in demo.functions if f.numbers] or [""]
    plan = NumberPlan(rng)
    people: list[Caller] = []
    for _ in range(callers):
        norwegian = rng.random() < 0.2
        given = rng.choice((NORWEGIAN_FEMALE + NORWEGIAN_MALE) if norwegian else (SWEDISH_FEMALE + SWEDISH_MALE))
        surname = rng.choice(NORWEGIAN_SURNAMES if norwegian else SWEDISH_SURNAMES)
        number = plan.mobile("NO" if norwegian else "SE").e164 or ""
        withheld = rng.random() < 0.1
        people.append(Caller(number, "" if withheld else f"{given} {surname}", rng.choice(switchboards)))
    colleague = demo.people[1] if len(demo.people) > 1 else None
    if colleague is not None and colleague.numbers:
        people.insert(3, Caller(colleague.numbers[0].e164 or colleague.numbers[0].raw, colleague.display_name,
                                switchboards[0]))
    people.insert(6, Caller(ALARM_NUMBER, "Brandlarm hus 3", switchboards[0]))
    return LabConfig(extensions=tuple(extensions), callers=tuple(people), interval_s=interval_s,
                     abandon_after_s=abandon_after_s, tone_hz=440, default_behaviour=Behaviour.ANSWER)
