"""The console's sound through real devices: PortAudio on a private PulseAudio server whose null sinks are
the headset, the ringer and the microphone. The ring plays on the ringer only, the caller is heard in the
headset, the microphone reaches the caller, and the volume applies."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli.main import main
from softphone.engine import Phone
from softphone.model import CallState
from softphone.settings import AudioSettings, PhoneSettings
from tests.helpers.kamailio import Kamailio
from tests.helpers.pulse import PulseServer, tone_raw
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from tests.integration.softphone.conftest import Recorder, console_settings, pump_for, pump_until, wait_peer

pytestmark = [pytest.mark.integration, pytest.mark.slow]
CALLER_TONE, MIC_TONE, RING_TONE = 1000, 700, 425


@pytest.fixture
def pulse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PulseServer]:
    server = PulseServer(tmp_path / "pulse")
    server.start()
    for name in ("PULSE_SERVER", "ALSA_CONFIG_PATH"):
        monkeypatch.setenv(name, server.env[name])
    sd = pytest.importorskip("sounddevice")
    sd._terminate()  # PortAudio (and ALSA's configuration) read again with the server's devices
    sd._initialize()
    yield server
    server.stop()


def test_ring_headset_microphone_and_volume_on_real_devices(
        kamailio: Kamailio, pulse: PulseServer, make_phone: Callable[[PhoneSettings], tuple[Phone, Recorder]],
        make_peer: Callable[..., SipPeer], tmp_path: Path) -> None:
    settings = console_settings(kamailio)
    audio = AudioSettings(headset_input="sbheadset", headset_output="sbheadset", ringer_output="sbringer",
                          codecs=("PCMU/8000",))
    phone, _ = make_phone(replace(settings, audio=audio))
    pump_until(phone, lambda: phone.registration.registered)
    assert {"sbheadset", "sbringer"} <= {d.name for d in phone.audio_devices()}
    pulse.feed("mic", tone_raw(tmp_path / "mic.raw", MIC_TONE, 30))
    caller = make_peer("2501")
    wait_peer(phone, caller, "reg", code=200)
    caller.send("tone", freq=CALLER_TONE)
    with pulse.recording("ringer", tmp_path / "ringer.wav") as ringer, \
            pulse.recording("headset", tmp_path / "headset-ringing.wav") as headset_while_ringing:
        caller.send("call", uri="sip:1000@127.0.0.1")  # the ring's first second is recorded from its start
        pump_until(phone, lambda: any(c.state is CallState.RINGING for c in phone.calls))
        pump_for(phone, 0.9)
    assert tone_strength(ringer, RING_TONE) > 0.8, "the ring tone plays on the ringer"
    assert tone_strength(headset_while_ringing, RING_TONE) < 0.1, "and not in the headset"

    call_id = next(c.id for c in phone.calls if c.state is CallState.RINGING)
    phone.answer(call_id)
    pump_until(phone, lambda: phone.call(call_id).audio_connected)
    pump_for(phone, 0.3)
    headset = pulse.record("headset", tmp_path / "headset.wav", 1.0)
    assert tone_strength(headset, CALLER_TONE) > 0.8, "the operator hears the caller"

    mark = caller.mark()
    caller.send("record", path=str(tmp_path / "caller.wav"))
    wait_peer(phone, caller, "ok", after=mark, cmd="record")
    pump_for(phone, 1.0)
    caller.send("stop_record")
    pump_until(phone, lambda: (tmp_path / "caller.wav").exists()
               and (tmp_path / "caller.wav").read_bytes()[4:8] != b"\0\0\0\0", timeout=3)
    assert tone_strength(tmp_path / "caller.wav", MIC_TONE) > 0.8, "the caller hears the operator's microphone"

    phone.set_volume(speaker=0.0)
    pump_for(phone, 0.3)
    silent = pulse.record("headset", tmp_path / "headset-muted.wav", 0.6)
    assert tone_strength(silent, CALLER_TONE) == 0.0 or _peak(silent) < 50, "speaker volume 0 silences it"


def _peak(path: Path) -> int:
    import wave  # noqa: PLC0415

    import numpy as np  # noqa: PLC0415
    with wave.open(str(path)) as wav:
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    return int(np.abs(samples[len(samples) // 4:]).max()) if samples.size else 0


def test_config_lists_the_devices_and_warns_about_a_missing_one(
        pulse: PulseServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["config", "devices"]) == 0
    listed = capsys.readouterr().out
    assert "sbheadset\tALSA\tinput output" in listed
    assert "sbringer\tALSA\tinput output" in listed
    config = tmp_path / "user.toml"
    config.write_text('[sip]\nuser = "1000"\ndomain = "127.0.0.1"\nregistrar = "127.0.0.1"\n'
                      'password = "env:SB_PW"\n[sip.audio]\nheadset_output = "sbheadset"\n'
                      'ringer_output = "Desk speakers"\n', encoding="utf-8")
    monkeypatch.setenv("SB_PW", "x")
    assert main(["config", "check", "--config", str(config)]) == 0  # a warning: it may just be unplugged
    out = capsys.readouterr().out
    assert "sip.audio.ringer_output" in out
    assert "no sound output device called 'Desk speakers' now" in out
    assert "headset_output: no sound" not in out
