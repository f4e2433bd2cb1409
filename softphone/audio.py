"""Sound devices, levels and the ring tone on top of pjsua2's conference bridge (owner thread only).

pjsua2's own sound devices are used when it has any; the PyPI wheel has none (built without sound),
and then the headset and the ringer are PortAudio devices bridged in by `softphone.sound`.
"""

from __future__ import annotations

import logging
from typing import Any

import pjsua2 as pj

from softphone.model import AudioDevice
from softphone.settings import AudioSettings
from softphone.sound import DeviceBridge, SoundUnavailableError, sound_devices

log = logging.getLogger(__name__)

# Nordic/European ring and ringback cadence: 425 Hz, 1 s on, 4 s off.
_TONE_FREQ_HZ = 425
_TONE_ON_MS = 1000
_TONE_OFF_MS = 4000
_RINGBACK_LEVEL = 0.5


def _own_devices(adm: Any) -> tuple[AudioDevice, ...]:
    """pjsua2's own sound devices (none in the PyPI wheel)."""
    return tuple(AudioDevice(i, d.name, d.driver, d.inputCount, d.outputCount) for i, d in enumerate(adm.enumDev2()))


def list_devices(endpoint: Any) -> tuple[AudioDevice, ...]:
    """pjsua2's sound devices, else PortAudio's (the names to put in the `[sip.audio]` settings)."""
    own = _own_devices(endpoint.audDevManager())
    return own or tuple(AudioDevice(d.index, d.name, d.api, d.inputs, d.outputs) for d in sound_devices())


def _find(devices: tuple[AudioDevice, ...], name: str, *, output: bool) -> int | None:
    for device in devices:
        if device.name == name and (device.outputs if output else device.inputs) > 0:
            return device.index
    return None


class AudioRouting:
    """Chooses the headset devices, keeps the ringer on its own device, applies volumes."""

    def __init__(self, endpoint: Any, settings: AudioSettings) -> None:
        self._ep = endpoint
        self.settings = settings
        self.using_null_device = False
        self._ringer_device: Any = None  # pj.ExtraAudioDevice when the ringer has its own output
        self._headset: DeviceBridge | None = None  # PortAudio, when pjsua2 has no sound devices
        self._ringer: DeviceBridge | None = None
        self._ring: _CadencedTone | None = None
        self._ringback: _CadencedTone | None = None

    def apply(self) -> None:
        adm = self._ep.audDevManager()
        devices = _own_devices(adm)
        if self.settings.null_device:
            adm.setNullDev()
            self.using_null_device = True
        elif not any(d.outputs for d in devices):
            adm.setNullDev()  # its clock drives the bridge; the devices are PortAudio's
            self._bridge_devices()
            self.using_null_device = self._headset is None
        else:
            self._select(adm, devices)
        self.set_levels(self.settings.speaker_volume, self.settings.microphone_volume)
        ring_out = None if self.using_null_device or self._headset is not None else _find(
            devices, self.settings.ringer_output, output=True)
        if ring_out is not None and self.settings.ringer_output != self.settings.headset_output:
            try:
                self._ringer_device = pj.ExtraAudioDevice(ring_out, -1)
                self._ringer_device.open()
            except pj.Error as error:
                log.warning("ringer device %r unavailable (%s): ringing on the headset",
                            self.settings.ringer_output, error.info())
                self._ringer_device = None
        ring_sink = self._ringer_device or self._ringer or self.playback
        self._ring = _CadencedTone(ring_sink, self.settings.ring_volume)
        self._ringback = _CadencedTone(self.playback, _RINGBACK_LEVEL)

    def _bridge_devices(self) -> None:
        settings = self.settings
        try:
            self._headset = DeviceBridge("headset", settings.headset_output, settings.headset_input)
        except SoundUnavailableError as error:
            log.warning("no headset (%s): using the null audio device", error)
            return
        if settings.ringer_output and settings.ringer_output != settings.headset_output:
            try:
                self._ringer = DeviceBridge("ringer", settings.ringer_output, None)
            except SoundUnavailableError as error:
                log.warning("ringer unavailable (%s): ringing on the headset", error)

    def _select(self, adm: Any, devices: tuple[AudioDevice, ...]) -> None:
        cap = _find(devices, self.settings.headset_input, output=False) if self.settings.headset_input else None
        play = _find(devices, self.settings.headset_output, output=True) if self.settings.headset_output else None
        for wanted, found, kind in ((self.settings.headset_input, cap, "input"),
                                    (self.settings.headset_output, play, "output")):
            if wanted and found is None:
                log.warning("headset %s %r not found: using the default device", kind, wanted)
        adm.setCaptureDev(cap if cap is not None else pj.PJMEDIA_AUD_DEFAULT_CAPTURE_DEV)
        adm.setPlaybackDev(play if play is not None else pj.PJMEDIA_AUD_DEFAULT_PLAYBACK_DEV)

    def set_levels(self, speaker: float | None = None, microphone: float | None = None,
                   ring: float | None = None) -> None:
        if speaker is not None:
            self.playback.adjustRxLevel(max(0.0, min(2.0, speaker)))
        if microphone is not None:
            self.capture.adjustTxLevel(max(0.0, min(2.0, microphone)))
        if ring is not None and self._ring is not None:
            self._ring.set_level(max(0.0, min(1.0, ring)))

    @property
    def playback(self) -> Any:
        """What the operator hears: connect a call's audio to this."""
        return self._headset if self._headset is not None else self._ep.audDevManager().getPlaybackDevMedia()

    @property
    def capture(self) -> Any:
        """The operator's microphone: connect this to a call's audio."""
        return self._headset if self._headset is not None else self._ep.audDevManager().getCaptureDevMedia()

    @property
    def conference_ports(self) -> int:
        """The conference ports this holds: the two tone generators, the sound bridges, a ringer device."""
        owned = (self._ring, self._ringback, self._headset, self._ringer, self._ringer_device)
        return sum(port is not None for port in owned)

    def ring(self, on: bool) -> None:
        """The incoming-call ring on the ringer device (or the headset when it has none)."""
        if self._ring is not None and self.settings.ring_tone:
            self._ring.switch(on)

    def ringback(self, on: bool) -> None:
        """The "it is ringing at the other end" tone in the headset, while no early media plays."""
        if self._ringback is not None:
            self._ringback.switch(on)

    @property
    def ringing(self) -> bool:
        return self._ring is not None and self._ring.on

    @property
    def ringing_back(self) -> bool:
        return self._ringback is not None and self._ringback.on

    def close(self) -> None:
        """Drop every pjsua2 media object; must run before libDestroy."""
        for tone in (self._ring, self._ringback):
            if tone is not None:
                tone.switch(False)
        self._ring = self._ringback = None
        if self._ringer_device is not None:
            self._ringer_device.close()
        self._ringer_device = None
        for bridge in (self._headset, self._ringer):
            if bridge is not None:
                bridge.close()
        self._headset = self._ringer = None


class _CadencedTone:
    """One looping tone generator bound to one conference port (a device or the headset)."""

    def __init__(self, sink: Any, level: float) -> None:
        self._sink = sink
        self._generator = pj.ToneGenerator()
        self._generator.createToneGenerator()
        self._generator.adjustTxLevel(level)
        self.on = False

    def set_level(self, level: float) -> None:
        self._generator.adjustTxLevel(level)

    def switch(self, on: bool) -> None:
        if on == self.on:
            return
        if on:
            tone = pj.ToneDesc()
            tone.freq1 = tone.freq2 = _TONE_FREQ_HZ
            tone.on_msec, tone.off_msec = _TONE_ON_MS, _TONE_OFF_MS
            tones = pj.ToneDescVector()
            tones.append(tone)
            self._generator.play(tones, True)
            self._generator.startTransmit(self._sink)
        else:
            self._generator.stopTransmit(self._sink)
            self._generator.stop()
        self.on = on
