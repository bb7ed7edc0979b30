"""What a camera check can open: a device index, a /dev/video path, a stream URL or a video file."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SourceKind = Literal["device", "url", "file"]
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_DEV_VIDEO = re.compile(r"^video(\d+)$")


class SourceError(Exception):
    """A source that cannot be parsed or opened; the message says what to do."""


@dataclass(frozen=True, slots=True)
class SourceSpec:
    kind: SourceKind
    value: int | str  # device index, URL, or file path / device path

    @property
    def label(self) -> str:
        return f"camera {self.value}" if self.kind == "device" else str(self.value)

    @property
    def is_live(self) -> bool:
        return self.kind != "file"

    def __str__(self) -> str:
        return str(self.value)


def parse_source(text: str | int) -> SourceSpec:
    """SRC as the user typed it: `0`, `/dev/video2`, `rtsp://...`, `udp://...`, or a file path."""
    if isinstance(text, int):
        return SourceSpec("device", text)
    s = text.strip()
    if not s:
        raise SourceError("no source given: use a camera number (0), a stream URL or a video file")
    if s.isdigit():
        return SourceSpec("device", int(s))
    if _URL.match(s):
        if s.lower().startswith("file://"):
            return parse_source(s[7:])
        return SourceSpec("url", s)
    if s.startswith("/dev/"):
        if not Path(s).exists():
            raise SourceError(f"{s}: no such camera device (is it plugged in?)")
        return SourceSpec("device", s)
    path = Path(s).expanduser()
    if not path.exists():
        raise SourceError(f"{s}: no such file, and not a camera number or URL")
    if not path.is_file():
        raise SourceError(f"{s}: not a video file")
    return SourceSpec("file", str(path))


@dataclass(frozen=True, slots=True)
class CameraDevice:
    index: int
    backend: (
        str  # OpenCV backend that opened it ("V4L2", "MSMF", "AVFOUNDATION"...), or "" if unprobed
    )
    path: str  # /dev/videoN on Linux, "" elsewhere
    name: str  # the driver's name when the OS tells it

    @property
    def label(self) -> str:
        bits = [f"{self.index}: {self.name or 'Camera'}"]
        if self.path:
            bits.append(self.path)
        if self.backend:
            bits.append(self.backend)
        return " — ".join(bits)


Prober = Callable[[int | str], str | None]


def _probe(source: int | str) -> str | None:
    """Open and close a device; the backend name if it opened."""
    import cv2

    cap = cv2.VideoCapture(source)
    try:
        return cap.getBackendName() if cap.isOpened() else None
    finally:
        cap.release()


def list_devices(
    max_index: int = 8,
    probe: Prober | None = _probe,
    dev_dir: Path = Path("/dev"),
    sys_dir: Path = Path("/sys/class/video4linux"),
) -> list[CameraDevice]:
    """Cameras OpenCV can open. On Linux the /dev/video* nodes (named from sysfs; capture-less
    metadata nodes drop out when probing); elsewhere indices 0..max_index until two in a row fail.
    Probing opens each device, so call it off the GUI thread."""
    found: list[CameraDevice] = []
    if sys.platform.startswith("linux") and dev_dir.is_dir():
        nodes = sorted(
            (int(m.group(1)), p) for p in dev_dir.iterdir() if (m := _DEV_VIDEO.match(p.name))
        )
        for index, path in nodes:
            name_file = sys_dir / path.name / "name"
            try:
                name = name_file.read_text(encoding="utf-8").strip()
            except OSError:
                name = ""
            backend = ""
            if probe is not None:
                opened = probe(index)
                if opened is None:
                    continue
                backend = str(opened)
            found.append(CameraDevice(index, backend, str(path), name))
        return found
    if probe is None:
        return found
    misses = 0
    for index in range(max_index + 1):
        opened_as = probe(index)
        if opened_as is None:
            misses += 1
            if misses >= 2:
                break
            continue
        misses = 0
        found.append(CameraDevice(index, opened_as, "", ""))
    return found
