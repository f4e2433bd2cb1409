"""Sound devices through PortAudio (`sounddevice`) when pjsua2 has none of its own.

The `pjsua2-python` wheel is built with ``--disable-sound`` (PJMEDIA_HAS_SOUND 0): its conference
bridge runs on the null device's clock and can reach no headset. `DeviceBridge` is a pjsua2
`AudioMediaPort` on that bridge whose frames go to and come from PortAudio streams:

- pjmedia's clock thread calls `onFrameReceived` (what the operator should hear) and
  `onFrameRequested` (what the microphone picked up) every 20 ms;
- PortAudio's own thread plays from and records into two short FIFOs between them.

The two clocks differ slightly, so each FIFO is bounded (`_MAX_BUFFER_MS`): an overrun drops the
oldest audio, an underrun plays silence. Neither callback takes more than a lock and a copy.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import pjsua2 as pj

log = logging.getLogger(__name__)

RATE = 16000  # the conference bridge's clock rate: wideband, no resampling on the bridge
_FRAME_MS = 20
_FRAME_BYTES = RATE * _FRAME_MS // 1000 * 2  # mono, 16 bit
_MAX_BUFFER_MS = 200  # a FIFO holds at most this much; more means the clocks drifted: drop the oldest
_MAX_BUFFER = RATE * _MAX_BUFFER_MS // 1000 * 2


class SoundUnavailableError(RuntimeError):
    """PortAudio is missing, or the named device cannot be opened."""


@dataclass(frozen=True)
class SoundDevice:
    index: int
    name: str
    api: str
    inputs: int
    outputs: int


def _sounddevice() -> Any:
    try:
        import sounddevice  # noqa: PLC0415 - needs the PortAudio library, absent on some machines
    except (ImportError, OSError) as error:
        raise SoundUnavailableError(f"PortAudio is not available: {error}") from None
    return sounddevice


def sound_devices() -> tuple[SoundDevice, ...]:
    """PortAudio's devices; () when PortAudio is not installed."""
    try:
        sd = _sounddevice()
    except SoundUnavailableError:
        return ()
    apis = [api["name"] for api in sd.query_hostapis()]
    return tuple(SoundDevice(i, d["name"], apis[d["hostapi"]], d["max_input_channels"], d["max_output_channels"])
                 for i, d in enumerate(sd.query_devices()))


def matching_device(name: str, *, output: bool,
                    devices: tuple[SoundDevice, ...] | None = None) -> SoundDevice | None:
    """The device called `name`, else the first whose name starts with it ("Jabra" finds "Jabra Evolve2
    65"), with the needed direction; None when there is none. `devices` defaults to PortAudio's now."""
    usable = [d for d in (sound_devices() if devices is None else devices) if (d.outputs if output else d.inputs)]
    return next((d for d in usable if d.name == name), None) or next(
        (d for d in usable if d.name.startswith(name)), None)


def find_device(name: str, *, output: bool) -> int | None:
    """The PortAudio index of `matching_device`; None, PortAudio's default device, for "" or a device
    that is not there (a headset unplugged)."""
    if not name:
        return None
    device = matching_device(name, output=output)
    if device is None:
        log.warning("no sound %s device called %r: using the default device", "output" if output else "input",
                    name)
        return None
    return device.index


class _Fifo:
    def __init__(self) -> None:
        self._data = bytearray()
        self._lock = threading.Lock()

    def put(self, chunk: bytes) -> None:
        with self._lock:
            self._data += chunk
            if len(self._data) > _MAX_BUFFER:
                del self._data[:len(self._data) - _MAX_BUFFER]

    def take(self, size: int) -> bytes:
        with self._lock:
            chunk = bytes(self._data[:size])
            del self._data[:size]
        return chunk + bytes(size - len(chunk))  # an underrun plays silence


class DeviceBridge(pj.AudioMediaPort):  # type: ignore[misc]
    """A conference port whose audio plays on `output` and is picked up from `input` (None: no
    microphone, as for a ringer). Create and close it on the phone's owner thread."""

    def __init__(self, name: str, output: str, input_: str | None) -> None:
        super().__init__()
        sd = _sounddevice()
        self._to_device, self._from_device = _Fifo(), _Fifo()
        out_index = find_device(output, output=True)
        in_index = find_device(input_, output=False) if input_ is not None else None
        try:
            self._output = sd.RawOutputStream(samplerate=RATE, channels=1, dtype="int16", device=out_index,
                                              blocksize=_FRAME_BYTES // 2, callback=self._play)
            self._input = None if input_ is None else sd.RawInputStream(
                samplerate=RATE, channels=1, dtype="int16", device=in_index, blocksize=_FRAME_BYTES // 2,
                callback=self._record)
        except sd.PortAudioError as error:
            raise SoundUnavailableError(f"sound device for {name} cannot be opened: {error}") from None
        fmt = pj.MediaFormatAudio()
        fmt.type = pj.PJMEDIA_TYPE_AUDIO
        fmt.init(pj.PJMEDIA_FORMAT_PCM, RATE, 1, _FRAME_MS * 1000, 16)
        self.createPort(name, fmt)
        for stream in (self._output, self._input):
            if stream is not None:
                stream.start()

    # pjmedia's clock thread
    def onFrameReceived(self, frame: Any) -> None:
        self._to_device.put(bytes(frame.buf))

    def onFrameRequested(self, frame: Any) -> None:
        frame.type = pj.PJMEDIA_TYPE_AUDIO
        frame.buf = pj.ByteVector(self._from_device.take(_FRAME_BYTES))
        frame.size = _FRAME_BYTES

    # PortAudio's thread
    def _play(self, out: Any, frames: int, _time: Any, _status: Any) -> None:
        out[:] = self._to_device.take(frames * 2)

    def _record(self, data: Any, _frames: int, _time: Any, _status: Any) -> None:
        self._from_device.put(bytes(data))

    def close(self) -> None:
        """Stop the devices and drop the streams, whose callbacks refer back to this port: without that
        cycle the port goes as soon as its owner lets go, not whenever the garbage collector runs."""
        for stream in (self._output, self._input):
            if stream is not None:
                stream.stop()
                stream.close()
        self._output = self._input = None
