"""Input devices (PortAudio through sounddevice) and resolving a `--source` string.

SRC is a device index ("3"), a device name or a unique part of one ("pulse", "USB"), or the
path of a WAV/FLAC file.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AUDIO_FILE_SUFFIXES = (".wav", ".flac", ".ogg", ".aiff", ".aif")

# PortAudio's device list is fixed at initialisation; refreshing it means terminating and
# re-initialising the library, which must not happen while a stream is open (ours are counted).
_pa_lock = threading.RLock()
_open_streams = 0


class SourceError(Exception):
    """The source cannot be opened: unknown device, missing or unreadable file."""


@dataclass(frozen=True, slots=True)
class InputDevice:
    index: int
    name: str
    hostapi: str
    channels: int
    default_samplerate: float
    is_default: bool = False

    def label(self) -> str:
        return f"{self.name} ({self.hostapi}, {self.channels} ch, {self.default_samplerate:g} Hz)"


@dataclass(frozen=True, slots=True)
class FileSource:
    path: Path


@dataclass(frozen=True, slots=True)
class DeviceSource:
    device: InputDevice


Source = FileSource | DeviceSource


def _sd() -> Any:
    try:
        import sounddevice
    except OSError as exc:  # libportaudio missing
        raise SourceError(
            f"audio devices unavailable: PortAudio could not be loaded ({exc})"
        ) from exc
    return sounddevice


def stream_opened() -> None:
    global _open_streams
    with _pa_lock:
        _open_streams += 1


def stream_closed() -> None:
    global _open_streams
    with _pa_lock:
        _open_streams = max(0, _open_streams - 1)


def refresh() -> bool:
    """Re-scan devices (PortAudio re-initialisation) unless a stream is open. True if rescanned."""
    sd = _sd()
    with _pa_lock:
        if _open_streams:
            return False
        sd._terminate()
        sd._initialize()
        return True


def list_inputs(rescan: bool = False) -> list[InputDevice]:
    """Every device with at least one input channel. May take ~0.1-0.5 s: call off the GUI thread."""
    sd = _sd()
    with _pa_lock:
        if rescan:
            refresh()
        devices = sd.query_devices()
        hostapis = sd.query_hostapis()
        try:
            default_in = int(sd.default.device[0])
        except (TypeError, ValueError, IndexError):
            default_in = -1
    out = []
    for d in devices:
        if int(d["max_input_channels"]) < 1:
            continue
        out.append(
            InputDevice(
                index=int(d["index"]),
                name=str(d["name"]),
                hostapi=str(hostapis[int(d["hostapi"])]["name"]),
                channels=int(d["max_input_channels"]),
                default_samplerate=float(d["default_samplerate"]),
                is_default=int(d["index"]) == default_in,
            )
        )
    return out


def find_device(spec: str, devices: list[InputDevice]) -> InputDevice:
    """The input device an index or a name (exact, then unique substring) refers to."""
    spec = spec.strip()
    if not devices:
        raise SourceError(
            "no audio input devices found (is a microphone connected, or PulseAudio running?)"
        )
    if spec.lstrip("-").isdigit():
        index = int(spec)
        for d in devices:
            if d.index == index:
                return d
        known = ", ".join(f"{d.index}: {d.name}" for d in devices)
        raise SourceError(f"no input device with index {index} (inputs: {known})")
    low = spec.casefold()
    exact = [d for d in devices if d.name.casefold() == low]
    if exact:
        return exact[0]
    partial = [d for d in devices if low in d.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = "; ".join(f"{d.index}: {d.name}" for d in partial)
        raise SourceError(f"{spec!r} matches several input devices ({names}): give the index")
    known = "; ".join(f"{d.index}: {d.name}" for d in devices)
    raise SourceError(f"no input device named {spec!r} (inputs: {known})")


def looks_like_file(spec: str) -> bool:
    return Path(spec).suffix.lower() in AUDIO_FILE_SUFFIXES or "/" in spec or "\\" in spec


def resolve_source(spec: str) -> Source:
    """A file if `spec` names an existing file (or looks like an audio file path), else a device."""
    if not spec or not spec.strip():
        raise SourceError("empty source: give a device index, a device name or an audio file")
    path = Path(spec).expanduser()
    if path.is_file():
        return FileSource(path)
    if looks_like_file(spec):
        if path.is_dir():
            raise SourceError(f"{spec}: is a folder, not an audio file")
        raise SourceError(f"{spec}: no such audio file")
    return DeviceSource(find_device(spec, list_inputs()))
