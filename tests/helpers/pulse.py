"""A private PulseAudio server with null sinks as the console's sound devices, on a Unix socket of the
test's: a real sound server, paced in real time, so PortAudio plays and records as on an operator's PC.

Sinks "headset", "ringer" and "mic"; PortAudio reaches them through ALSA's pulse plugin as the devices
"sbheadset" (plays to "headset", records the "mic" sink's monitor) and "sbringer". `feed` plays a raw
tone into the microphone; `record` captures what a sink played.
"""

from __future__ import annotations

import math
import os
import struct
import subprocess
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers.processes import ManagedProcess, require_binary

RATE = 16000
_ALSA = """</usr/share/alsa/alsa.conf>
pcm.sbheadset {
    type asym
    playback.pcm { type pulse device "headset" }
    capture.pcm { type pulse device "mic.monitor" }
}
pcm.sbringer { type pulse device "ringer" }
"""


def tone_raw(path: Path, freq_hz: float, seconds: float) -> Path:
    path.write_bytes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq_hz * i / RATE)))
                              for i in range(int(RATE * seconds))))
    return path


class PulseServer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = root / "native"
        self.env = {**os.environ, "PULSE_SERVER": f"unix:{self.socket}", "ALSA_CONFIG_PATH": str(root / "asound.conf"),
                    "PULSE_RUNTIME_PATH": str(root), "XDG_RUNTIME_DIR": str(root), "HOME": str(root)}
        self._server: ManagedProcess | None = None
        self._helpers: list[ManagedProcess] = []

    def start(self) -> None:
        binary = require_binary("pulseaudio")
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "asound.conf").write_text(_ALSA, encoding="utf-8")
        modules = [f"module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
                   *(f"module-null-sink sink_name={name} rate={RATE} channels=1"
                     for name in ("headset", "ringer", "mic"))]
        argv = [binary, "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--disallow-exit",
                *(arg for module in modules for arg in ("-L", module))]
        self._server = ManagedProcess(argv, log=self.root / "pulseaudio.log", env=self.env)
        deadline = time.monotonic() + 10
        while not self.socket.exists():
            if time.monotonic() > deadline or not self._server.alive():
                raise RuntimeError(f"pulseaudio did not start: {self._server.output()[-2000:]}")
            time.sleep(0.05)

    def feed(self, sink: str, raw: Path) -> None:
        """Play `raw` (16 kHz mono s16le) into `sink`, in the background."""
        self._helpers.append(ManagedProcess([require_binary("pacat"), "-d", sink, "--format=s16le", f"--rate={RATE}",
                                             "--channels=1", "--raw", str(raw)], log=raw.with_suffix(".log"),
                                            env=self.env))

    @contextmanager
    def recording(self, sink: str, wav_path: Path) -> Iterator[Path]:
        """What `sink` plays while the block runs, as a WAV file once it ends. The block starts once
        audio flows (a busy machine can take a while to start the recorder)."""
        raw = wav_path.with_suffix(".raw")
        with raw.open("wb") as out:
            recorder = subprocess.Popen([require_binary("parec"), "-d", f"{sink}.monitor", "--format=s16le",
                                         f"--rate={RATE}", "--channels=1", "--raw", "--latency-msec=20"],
                                        stdout=out, env=self.env)
            try:
                deadline = time.monotonic() + 10
                while raw.stat().st_size == 0 and time.monotonic() < deadline:
                    time.sleep(0.02)
                yield wav_path
            finally:
                recorder.terminate()
                recorder.wait(5)
        with wave.open(str(wav_path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(raw.read_bytes())

    def record(self, sink: str, wav_path: Path, seconds: float) -> Path:
        with self.recording(sink, wav_path):
            time.sleep(seconds)
        return wav_path

    def stop(self) -> None:
        for helper in self._helpers:
            helper.stop()
        if self._server is not None:
            self._server.stop()
