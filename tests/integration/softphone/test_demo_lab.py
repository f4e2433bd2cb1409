"""The demo exchange: the console phone registers at the lab's front door, lab callers reach the desk,
and transfers land on the lab's extensions (answering, busy, not answering)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.demo.exchange import demo_lab_config
from directory.demo import generate
from softphone.demolab.config import Behaviour, Caller, Extension, LabConfig
from softphone.demolab.process import DemoLab
from softphone.desk.desk import OperatorDesk
from softphone.desk.records import CallLogged, DeskEvent, Outcome, Stage
from softphone.desk.settings import DeskSettings
from softphone.engine import Phone
from softphone.model import CallState
from softphone.settings import AudioSettings, PhoneSettings
from tests.integration.softphone.conftest import pump_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CONFIG = LabConfig(
    extensions=(Extension("2002", "Eva Berg", Behaviour.ANSWER, answer_after_s=0.3),
                Extension("2003", "Bo Ek", Behaviour.BUSY),
                Extension("2004", "Cy Holm", Behaviour.NO_ANSWER)),
    callers=(Caller("+46701234567", "Anna Lind", "+46101234500"),),
    tone_hz=1000, talk_s=0.5)


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[DemoLab]:
    lab = DemoLab(CONFIG, log=tmp_path / "lab.log")
    lab.start()
    yield lab
    lab.stop()


@pytest.fixture
def desk(lab: DemoLab) -> Iterator[tuple[Phone, OperatorDesk, list[DeskEvent]]]:
    phone = Phone(PhoneSettings(lab.account_settings(), AudioSettings(null_device=True, codecs=("PCMU/8000",))))
    phone.start()
    settings = DeskSettings.model_construct(recall_after=1.5, internal_max_digits=0)  # sooner than settings allow
    desk = OperatorDesk(phone, settings, clock=time.monotonic)
    events: list[DeskEvent] = []
    desk.add_listener(events.append)
    try:
        pump_until(phone, lambda: phone.registration.registered)
        yield phone, desk, events
    finally:
        phone.shutdown()


def _until(phone: Phone, desk: OperatorDesk, predicate: Callable[[], object], timeout: float = 10.0) -> None:
    def check() -> object:
        desk.tick()
        return predicate()
    pump_until(phone, check, timeout)


def _answered_caller(lab: DemoLab, phone: Phone, desk: OperatorDesk) -> int:
    lab.send("call")
    _until(phone, desk, lambda: bool(desk.waiting()))
    row = desk.waiting()[0]
    assert (row.number, row.name, row.dialled) == ("+46701234567", "Anna Lind", "+46101234500")
    desk.answer_next()
    _until(phone, desk, lambda: phone.call(row.call_id).state is CallState.CONNECTED
           and phone.call(row.call_id).audio_connected)
    return row.call_id


def test_lab_caller_is_transferred_to_an_answering_extension(lab, desk):
    phone, d, events = desk
    call_id = _answered_caller(lab, phone, d)
    mark = len(lab.drain())
    d.transfer(call_id, "2002", "Eva Berg")
    _until(phone, d, lambda: not d.calls and not phone.calls)
    assert lab.find("transfer_request", mark, who="+46701234567") is not None
    assert lab.find("replace_request", mark, who="2002") is not None
    (record,) = [e.record for e in events if isinstance(e, CallLogged)]
    assert (record.outcome, record.transferred_to) == (Outcome.TRANSFERRED, "Eva Berg")
    # the caller's new call (the REFER's) is up, and the extension's replacing call too
    transferred = lab.find("transfer_request", mark)
    assert transferred is not None
    after = lab.events.index(transferred)
    pump_until(phone, lambda: lab.find("caller_state", after, who="+46701234567", state="CONFIRMED") is not None
               and lab.find("extension_state", after, who="2002", state="CONFIRMED") is not None)
    # after talking a while (talk_s) the caller hangs up: both its legs (ours, then the extension's) end
    pump_until(phone, lambda: len([e for e in lab.drain()[after:] if e.get("event") == "caller_state"
                                   and e.get("state") == "DISCONNECTED"]) == 2)


def test_busy_and_unanswered_extensions_come_back_as_recalls(lab, desk):
    phone, d, _ = desk
    call_id = _answered_caller(lab, phone, d)
    d.transfer(call_id, "2003", "Bo Ek")
    _until(phone, d, lambda: d.call(call_id).stage is Stage.RECALL)
    assert "486" in d.call(call_id).note
    d.resume(call_id)
    _until(phone, d, lambda: d.call(call_id).stage is Stage.ACTIVE)
    d.transfer(call_id, "2004", "Cy Holm")
    _until(phone, d, lambda: d.call(call_id).stage is Stage.RECALL, timeout=6)
    assert (d.call(call_id).recall_target, d.call(call_id).note) == ("Cy Holm", "no answer")
    lab.send("hangup", number="+46701234567")
    _until(phone, d, lambda: not d.calls)
    assert [c.number for c in d.callbacks] == ["+46701234567"]


def test_demo_organisation_lab_answers_directory_numbers_as_written(tmp_path):
    demo = generate(seed=3, people=60, units=5)
    config = demo_lab_config(demo, seed=3, interval_s=0)
    lab = DemoLab(config, log=tmp_path / "demo-lab.log")
    lab.start()
    phone = Phone(PhoneSettings(lab.account_settings(), AudioSettings(null_device=True, codecs=("PCMU/8000",))))
    phone.start()
    d = OperatorDesk(phone, DeskSettings(recall_after=30, internal_max_digits=0), clock=time.monotonic)
    try:
        pump_until(phone, lambda: phone.registration.registered)
        listed = {e.number for e in config.extensions}
        answering = next(p for p in demo.people if p.numbers and p.numbers[0].e164 not in listed)
        lab.send("call")
        _until(phone, d, lambda: bool(d.waiting()))
        call_id = d.answer_next()
        assert call_id is not None
        _until(phone, d, lambda: phone.call(call_id).state is CallState.CONNECTED)
        d.transfer(call_id, answering.numbers[0].raw, answering.display_name)  # e.g. "019-602 10 00"
        _until(phone, d, lambda: not d.calls and not phone.calls)
    finally:
        phone.shutdown()
        lab.stop()
