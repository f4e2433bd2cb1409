"""The demo lab's configuration from the demo organisation."""

from __future__ import annotations

from app.demo.exchange import ALARM_NUMBER, demo_lab_config
from directory.demo import generate
from softphone.demolab.config import Behaviour, LabConfig


def test_demo_lab_config_follows_referrals_and_has_realistic_callers() -> None:
    demo = generate(seed=7, people=200, units=10)
    config = demo_lab_config(demo, seed=7)
    away = {r.external_id for r in demo.referrals if r.starts_offset.total_seconds() <= 0
            and (r.until_offset is None or r.until_offset.total_seconds() > 0)}
    person = next(p for p in demo.people if p.external_id in away and p.numbers)
    ext = config.extension(person.numbers[0].raw)  # dialled as the directory writes it
    assert ext is not None
    assert (ext.behaviour, ext.name) == (Behaviour.NO_ANSWER, person.display_name)
    assert any(e.behaviour is Behaviour.BUSY for e in config.extensions)
    stranger = config.extension("0701111111")
    assert stranger is not None
    assert stranger.behaviour is Behaviour.ANSWER
    numbers = [c.number for c in config.callers]
    assert ALARM_NUMBER in numbers
    assert all(n.startswith(("+46", "+47")) for n in numbers)
    assert len(set(numbers)) > 30
    assert any(c.name == "" for c in config.callers)  # some callers withhold their name
    assert LabConfig.from_json(config.to_json()) == config
    assert len(config.to_json()) < 200_000
