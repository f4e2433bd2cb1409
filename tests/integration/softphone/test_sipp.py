"""sipp as an independent peer: calls in both directions, and hostile or broken INVITEs."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from softphone.engine import Phone
from softphone.identity import MAX_DISPLAY_NAME
from softphone.model import CallChanged, CallState
from tests.helpers.processes import ManagedProcess, free_port, require_binary
from tests.integration.softphone.conftest import pump_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]

SCENARIOS = Path(__file__).parent / "sipp"


def _sipp(args: list[str], tmp_path: Path, name: str) -> ManagedProcess:
    port = free_port(kind=2)  # SOCK_DGRAM
    argv = [require_binary("sipp"), *args, "-i", "127.0.0.1", "-p", str(port), "-timeout", "20",
            "-timeout_error", "-nostdin", "-trace_err", "-error_file", str(tmp_path / f"{name}-errors.log")]
    return ManagedProcess(argv, log=tmp_path / f"{name}.log")


def _finish(phone: Phone, sipp: ManagedProcess, *, answer: bool = False, reject: bool = False,
            timeout: float = 25) -> tuple[int, str]:
    """Pump the console (answering or rejecting what rings) until sipp exits; its exit code and output."""
    deadline = time.monotonic() + timeout
    while sipp.alive() and time.monotonic() < deadline:
        phone.pump()
        for call in phone.calls:
            if call.state is CallState.RINGING and answer:
                phone.answer(call.id)
            elif call.state is CallState.RINGING and reject:
                phone.reject(call.id, busy=True)
        time.sleep(0.005)
    code = sipp.proc.wait(1)
    output = sipp.output()
    sipp.stop()
    return code, output


def test_sipp_calls_the_console_through_kamailio_and_the_console_answers(console, kamailio, tmp_path):
    phone, events = console
    sipp = _sipp(["-sn", "uac", kamailio.hostport, "-s", "1000", "-m", "2", "-l", "1", "-d", "300"],
                 tmp_path, "uac")
    code, output = _finish(phone, sipp, answer=True)
    assert code == 0, output
    pump_until(phone, lambda: not phone.calls)
    ended = [e.call for e in events.events if isinstance(e, CallChanged) and e.call.state is CallState.ENDED]
    assert len(ended) == 2
    assert all(c.connected_at is not None and c.end_reason == "the other party hung up" for c in ended)


def test_console_calls_sipp_uas_through_kamailio(console, kamailio, tmp_path):
    phone, events = console
    port = free_port(kind=2)
    sipp = ManagedProcess([require_binary("sipp"), "-sn", "uas", "-i", "127.0.0.1", "-p", str(port),
                           "-m", "1", "-timeout", "20", "-timeout_error", "-nostdin"], log=tmp_path / "uas.log")
    try:
        time.sleep(0.2)
        call_id = phone.dial(f"sip:service@127.0.0.1:{port}")
        pump_until(phone, lambda: phone.call(call_id).state is CallState.CONNECTED)
        phone.hangup(call_id)  # the stock uas scenario waits for our BYE
        pump_until(phone, lambda: not phone.calls)
        ended = [e.call for e in events.events
                 if isinstance(e, CallChanged) and e.call.state is CallState.ENDED]
        assert ended[-1].end_reason == "hung up"
        pump_until(phone, lambda: not sipp.alive(), timeout=5)
        assert sipp.proc.returncode == 0, sipp.output()
    finally:
        sipp.stop()


HOSTILE_NAMES = [
    "<b>Boss</b><img src=x onerror=alert(1)>",
    "Evil\x1b[31mRed\x07\x01Bell",
    "Admin\u202egnp.exe",
    "A" * 1000,  # larger INVITEs exceed pjsip's 4000-byte packet limit and are dropped (garbage test)
    "<a href='http://evil'>Click</a> &amp",  # no ';': it separates fields in sipp's injection file
]


def _acceptable(name: str) -> bool:
    return len(name) <= MAX_DISPLAY_NAME and not any(
        unicodedata.category(ch) in ("Cc", "Cf") for ch in name)


def test_hostile_display_names_arrive_as_capped_plain_text(console, tmp_path):
    phone, events = console
    lines = ["SEQUENTIAL"] + [f"{name};X-Note: hostile" for name in HOSTILE_NAMES]
    lines.append('Spoofed;P-Asserted-Identity: "Reception Desk" <sip:2001@127.0.0.1>')
    (tmp_path / "names.csv").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    target = f"127.0.0.1:{phone.local_sip_port}"
    sipp = _sipp(["-sf", str(SCENARIOS / "hostile_invite.xml"), "-inf", str(tmp_path / "names.csv"),
                  "-s", "1000", target, "-m", str(len(lines) - 1), "-l", "1"], tmp_path, "hostile")
    code, output = _finish(phone, sipp, reject=True)
    assert code == 0, output
    seen = [e.call for e in events.events if isinstance(e, CallChanged) and e.previous is None]
    assert seen, "no hostile INVITE reached the call model"
    asserted = [c.remote for c in seen if c.remote.asserted]
    assert [(r.display_name, r.number) for r in asserted] == [("Reception Desk", "2001")]
    for call in seen:
        assert _acceptable(call.remote.display_name), call.remote
        assert call.remote.number == ("2001" if call.remote.asserted else "666")
    names = {c.remote.display_name for c in seen}
    assert "<b>Boss</b><img src=x onerror=alert(1)>" in names  # kept verbatim: shown as plain text
    assert "EvilRedBell" in names or "Evil[31mRedBell" in names
    assert "A" * (MAX_DISPLAY_NAME - 1) + "…" in names
    # still healthy afterwards
    assert phone.registration.registered
    assert not phone.calls


def test_garbage_requests_do_not_crash_the_console(console, kamailio, tmp_path):
    phone, _ = console
    garbage = tmp_path / "garbage.xml"
    garbage.write_text((SCENARIOS / "garbage.xml").read_text())
    target = f"127.0.0.1:{phone.local_sip_port}"
    sipp = _sipp(["-sf", str(garbage), "-s", "1000", target, "-m", "1"], tmp_path, "garbage")
    code, output = _finish(phone, sipp)
    assert code == 0, output
    # a normal call still works after the garbage
    sipp = _sipp(["-sn", "uac", kamailio.hostport, "-s", "1000", "-m", "1", "-d", "200"], tmp_path, "after")
    code, output = _finish(phone, sipp, answer=True)
    assert code == 0, output
