"""The audio-video sync check over a source: a recording (file), or a live stream or camera
recorded for a few seconds through ffmpeg first; the sound from the same source or `audio`.

Raises AvSourceError when the source cannot be read at all (the CLI's exit code 2).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.devices.av import events, media, sync
from studio.devices.av.thresholds import DEFAULTS
from studio.devices.camera.sources import SourceError, SourceSpec, parse_source


class AvSourceError(Exception):
    """The source (or the sound source) cannot be opened or read; the message says why."""


def measure_file(
    path: str | Path,
    audio_path: str | Path | None = None,
    *,
    seconds: float | None = None,
    cfg: dict[str, Any] | None = None,
    kind: str = "auto",
    label: str | None = None,
) -> sync.AvResult:
    """Offset between the picture of `path` and the sound of `audio_path` (default: the same
    file's), each on its container's time line."""
    c = {**DEFAULTS, **(cfg or {})}
    try:
        streams = media.probe(path)
        if streams.video_start is None:
            raise media.MediaError(f"{path}: no picture track")
        sound_file = audio_path or path
        sound_streams = streams if audio_path is None else media.probe(sound_file)
        if sound_streams.audio_start is None:
            raise media.MediaError(f"{sound_file}: no sound track (give the sound with --audio)")
        picture = media.picture_features(path, seconds, start=streams.video_start)
        sound = media.read_audio(sound_file, media.AUDIO_RATE, seconds)
    except media.MediaError as exc:
        raise AvSourceError(str(exc)) from exc
    flashes = events.flash_onsets(picture.ts, picture.brightness)
    claps = events.motion_stops(picture.ts, picture.motion)
    if kind == "flash" or (kind == "auto" and len(flashes) >= 2):
        seen, what = flashes, "flash"
    else:
        seen, what = claps, "clap"
    heard = [t + sound_streams.audio_start for t in events.sound_onsets(sound, media.AUDIO_RATE)]
    est = sync.estimate(
        seen, heard, float(c["max_offset_ms"]), float(c["pair_tolerance_ms"]), kind=what
    )
    metrics = {
        "offset_ms": None if est.offset_ms is None else round(est.offset_ms, 1),
        "confidence": est.confidence,
        "events": est.events,
        "spread_ms": None if est.spread_ms is None else round(est.spread_ms, 2),
        "picture_events": est.picture_events,
        "sound_events": est.sound_events,
        "event_kind": what,
        "fps": round(picture.fps, 3),
        "seconds": round(float(picture.ts[-1] - picture.ts[0]), 2),
    }
    return sync.AvResult(label or str(path), est, sync.findings(est, c), metrics)


def record_live(
    source: SourceSpec, audio: str | None, seconds: float, dest: Path, timeout_s: float = 20.0
) -> Path:
    """Record `seconds` of a stream URL (or, on Linux, a V4L2 camera and a PulseAudio/ALSA
    input) into `dest` with ffmpeg, which stamps both with one clock."""
    try:
        cmd = [media.tool("ffmpeg"), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    except media.MediaError as exc:
        raise AvSourceError(str(exc)) from exc
    if source.kind == "url":
        cmd += ["-rw_timeout", str(int(timeout_s * 1e6)), "-i", str(source.value)]
    else:
        value = source.value
        device = f"/dev/video{value}" if isinstance(value, int) else value
        cmd += ["-f", "v4l2", "-i", device]
    maps = ["-map", "0:v:0"]
    if audio is not None:
        backend = "pulse" if shutil.which("pactl") else "alsa"
        cmd += ["-f", backend, "-i", audio]
        maps += ["-map", "1:a:0"]
    else:
        maps += ["-map", "0:a:0"]
    cmd += ["-t", f"{seconds:.3f}", *maps, "-c:v", "copy", "-c:a", "pcm_s16le", str(dest)]
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=seconds + timeout_s, check=False)
    except subprocess.TimeoutExpired as exc:
        raise AvSourceError(f"{source}: no data within {timeout_s:g} s") from exc
    if out.returncode != 0 or not dest.exists() or dest.stat().st_size == 0:
        detail = (out.stderr.decode(errors="replace").strip().splitlines() or ["no data"])[-1]
        raise AvSourceError(f"{source}: could not record it ({detail})")
    return dest


def run_av_check(
    source: str,
    audio: str | None = None,
    *,
    seconds: float | None = None,
    cfg: dict[str, Any] | None = None,
    kind: str = "auto",
    progress: Callable[[float], None] | None = None,
) -> sync.AvResult:
    """Measure a file, or record a live source first (then `seconds`, default the profile's)."""
    c = {**DEFAULTS, **(cfg or {})}
    try:
        spec = parse_source(source)
    except SourceError as exc:
        raise AvSourceError(str(exc)) from exc
    audio_file = None
    if audio is not None and Path(audio).expanduser().is_file():
        audio_file = Path(audio).expanduser()
    if spec.kind == "file":
        if audio is not None and audio_file is None:
            raise AvSourceError(f"{audio}: no such sound file (a recording needs a recorded sound)")
        return measure_file(str(spec.value), audio_file, seconds=seconds, cfg=c, kind=kind)
    span = float(seconds or c["seconds"])
    with tempfile.TemporaryDirectory(prefix="studio-av-") as tmp:
        live_audio = None if audio_file is not None else audio
        clip = record_live(spec, live_audio, span, Path(tmp) / "clip.mkv")
        if progress is not None:
            progress(1.0)
        return measure_file(clip, audio_file, cfg=c, kind=kind, label=source)
