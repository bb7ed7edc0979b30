"""Reading a recording's picture and sound on one time axis, and writing media through ffmpeg.

The sound is decoded by the ffmpeg command-line tool (installed with the app's other system
packages; soundfile cannot read the AAC, Opus or MP3 tracks of video files, and PyAV is not a
dependency): mono float32 at a fixed rate, piped. The picture is read with OpenCV, whose FFmpeg
backend gives each frame's presentation time. Both are put on the container's presentation
time line with the streams' own start times from ffprobe, so a track that starts late (as
recordings often do) is not mistaken for an offset.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
AUDIO_RATE = 48000


class MediaError(Exception):
    """The file cannot be read (missing, not media, no such track); the message says why."""


def tool(name: str) -> str:
    """The path of an ffmpeg tool, or a MediaError saying how to install it."""
    path = shutil.which(name)
    if path is None:
        raise MediaError(
            f"{name} is not installed: it reads and writes the sync recordings "
            "(Debian: apt-get install ffmpeg)"
        )
    return path


@dataclass(frozen=True, slots=True)
class Streams:
    video_start: float | None  # seconds on the container's time line; None: no such stream
    audio_start: float | None
    fps: float | None
    duration: float | None


def probe(path: str | Path) -> Streams:
    """The first video and audio streams' start times, the frame rate and the duration."""
    cmd = [
        tool("ffprobe"),
        "-v", "error",
        "-show_entries", "stream=codec_type,start_time,avg_frame_rate,r_frame_rate:format=duration",
        "-of", "json",
        str(path),
    ]  # fmt: skip
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MediaError(f"{path}: ffprobe failed ({exc})") from exc
    if out.returncode != 0:
        detail = (out.stderr.strip().splitlines() or ["not a media file"])[-1]
        raise MediaError(f"{path}: {detail}")
    info = json.loads(out.stdout or "{}")

    def first(kind: str) -> dict[str, Any] | None:
        return next((s for s in info.get("streams", []) if s.get("codec_type") == kind), None)

    def start(stream: dict[str, Any] | None) -> float | None:
        if stream is None:
            return None
        try:
            return float(stream.get("start_time", 0.0))
        except (TypeError, ValueError):
            return 0.0

    video = first("video")
    fps = None
    if video is not None:
        for key in ("avg_frame_rate", "r_frame_rate"):
            num, _, den = str(video.get(key, "0/0")).partition("/")
            try:
                value = float(num) / float(den or 1)
            except (ValueError, ZeroDivisionError):
                continue
            if 0 < value < 1000:
                fps = value
                break
    try:
        duration: float | None = float(info.get("format", {}).get("duration"))
    except (TypeError, ValueError):
        duration = None
    return Streams(start(video), start(first("audio")), fps, duration)


def read_audio(path: str | Path, rate: int = AUDIO_RATE, seconds: float | None = None) -> F32:
    """The first audio track as mono float32 at `rate`, from its own first sample."""
    cmd = [tool("ffmpeg"), "-nostdin", "-hide_banner", "-loglevel", "error", "-i", str(path)]
    if seconds is not None:
        cmd += ["-t", f"{seconds:.3f}"]
    cmd += ["-map", "0:a:0", "-vn", "-ac", "1", "-ar", str(rate), "-f", "f32le", "pipe:1"]
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MediaError(f"{path}: ffmpeg could not read the sound ({exc})") from exc
    if out.returncode != 0:
        detail = (out.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        raise MediaError(f"{path}: no readable sound track ({detail})")
    audio: F32 = np.frombuffer(out.stdout, dtype="<f4").astype(np.float32)
    if audio.size == 0:
        raise MediaError(f"{path}: the sound track is empty")
    return audio


@dataclass(frozen=True, slots=True)
class PictureTrack:
    ts: F64  # presentation time of each frame, seconds, on the container's time line
    brightness: F64  # mean luma of each frame (0-255)
    motion: F64  # mean |difference| from the previous frame (levels); 0 for the first
    fps: float


FEATURE_SIZE = (160, 90)  # enough pixels for a mean and a motion measure; cheap to get


def picture_features(
    path: str | Path,
    seconds: float | None = None,
    start: float = 0.0,
    progress: Callable[[float], None] | None = None,
) -> PictureTrack:
    """Brightness and motion of every frame of the first video track, with its timestamps
    shifted by `start` (the stream's start time: OpenCV counts from the stream's own start)."""
    import cv2

    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    if not cap.isOpened():
        raise MediaError(f"{path}: no readable picture (OpenCV could not open it)")
    fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
    if not 0 < fps < 1000:
        fps = 30.0
    ts: list[float] = []
    bright: list[float] = []
    motion: list[float] = []
    prev = None
    try:
        index = 0
        while True:
            ok, frame = cap.read()
            if not ok or frame is None:
                break
            pos = float(cap.get(cv2.CAP_PROP_POS_MSEC)) / 1000.0
            t = pos if (pos > 0 or index == 0) else index / fps
            if ts and t <= ts[-1]:  # containers without timestamps: count frames instead
                t = ts[-1] + 1.0 / fps
            if seconds is not None and ts and t - ts[0] > seconds:
                break
            small = cv2.resize(frame, FEATURE_SIZE, interpolation=cv2.INTER_AREA)
            gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
            ts.append(t)
            bright.append(float(gray.mean()))
            motion.append(
                0.0 if prev is None else float(cv2.norm(gray, prev, cv2.NORM_L1)) / gray.size
            )
            prev = gray
            index += 1
            if progress is not None and seconds:
                progress(min(1.0, (t - ts[0]) / seconds))
    finally:
        cap.release()
    if not ts:
        raise MediaError(f"{path}: the picture track has no frames")
    return PictureTrack(np.asarray(ts) + start, np.asarray(bright), np.asarray(motion), fps)


def encode(
    path: str | Path,
    frames: Any,
    size: tuple[int, int],
    fps: float,
    audio: F32,
    rate: int,
) -> Path:
    """Write `frames` (an iterable of 8-bit grey or BGR images of `size`) and mono `audio` as
    an H.264 + AAC mp4, through ffmpeg; the file appears only when it is complete."""
    import tempfile

    out = Path(path)
    w, h = size
    tmp_dir = Path(tempfile.mkdtemp(prefix="studio-av-"))
    wav = tmp_dir / "sound.f32"
    partial = out.with_name(f".{out.stem}.partial{out.suffix or '.mp4'}")
    proc: subprocess.Popen[bytes] | None = None
    try:
        np.asarray(audio, dtype="<f4").tofile(wav)
        for img in frames:
            if proc is None:
                pix = "gray" if img.ndim == 2 else "bgr24"
                cmd = [
                    tool("ffmpeg"), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "rawvideo", "-pix_fmt", pix, "-s", f"{w}x{h}", "-r", f"{fps:g}",
                    "-i", "pipe:0",
                    "-f", "f32le", "-ar", str(rate), "-ac", "1", "-i", str(wav),
                    "-map", "0:v", "-map", "1:a",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                    "-g", str(max(1, round(fps))),
                    "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                    "-movflags", "+faststart", "-f", "mp4", str(partial),
                ]  # fmt: skip
                proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
            assert proc.stdin is not None
            try:
                proc.stdin.write(np.ascontiguousarray(img).tobytes())
            except BrokenPipeError:
                break  # ffmpeg gave up: its message comes with the exit code below
        if proc is None:
            raise MediaError(f"{out}: no frames to write")
        _, err = proc.communicate(timeout=120)
        if proc.returncode != 0:
            detail = err.decode(errors="replace").strip() or "no reason given"
            raise MediaError(f"{out}: ffmpeg could not write it ({detail})")
        partial.replace(out)
        return out
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.communicate()
        partial.unlink(missing_ok=True)
        wav.unlink(missing_ok=True)
        tmp_dir.rmdir()
