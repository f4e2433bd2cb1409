"""Finding a tone in a WAV recording (numpy FFT)."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


def wav_written(path: Path) -> bool:
    """The recording is complete: pjmedia writes the WAV header's sizes only once it releases the recorder."""
    return path.exists() and path.read_bytes()[4:8] != b"\0\0\0\0"


def tone_strength(path: Path, freq_hz: float, skip_s: float = 0.2) -> float:
    """Share of the recording's spectral energy within 50 Hz of `freq_hz` (0..1); 0 for silence."""
    with wave.open(str(path)) as wav:
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16).astype(np.float64)
    samples = samples[int(rate * skip_s):]  # the first frames may predate the stream
    if samples.size < rate // 10 or not np.any(samples):
        return 0.0
    power = np.abs(np.fft.rfft(samples * np.hanning(samples.size))) ** 2
    freqs = np.fft.rfftfreq(samples.size, 1.0 / rate)
    band = (freqs > freq_hz - 50) & (freqs < freq_hz + 50)
    return float(power[band].sum() / power.sum())


def dominant_frequency(path: Path) -> float:
    with wave.open(str(path)) as wav:
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16).astype(np.float64)
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(samples.size, 1.0 / rate)[int(np.argmax(spectrum))])
