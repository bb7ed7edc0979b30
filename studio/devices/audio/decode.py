"""Sound files libsndfile cannot open (m4a/AAC from a phone, video soundtracks): decoded by
ffmpeg to an in-memory WAV, channels and sample rate kept, so every reader takes one path."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def decode_to_wav(path: str | Path, seconds: float | None = None) -> bytes | None:
    """The file's first sound track as WAV bytes (float32); None when ffmpeg is missing or
    cannot read it (the caller reports the original error)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        return None
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-i", str(path)]
    if seconds is not None:
        cmd += ["-t", f"{seconds:.3f}"]
    cmd += ["-vn", "-map", "0:a:0", "-acodec", "pcm_f32le", "-f", "wav", "pipe:1"]
    try:
        out = subprocess.run(cmd, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 and len(out.stdout) > 44 else None
