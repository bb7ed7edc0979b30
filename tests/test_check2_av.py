"""Audio-video sync: the offset measured from the app's pattern and from a clap-style clip to
±10 ms, the BT.1359 verdict, the JSON contract and exit codes of `studio check av`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from studio.devices.av import events, media, pattern, sync, synthetic
from studio.devices.av.av_check import AvSourceError, run_av_check
from studio.obs.sync_offset import corrected_offset

OFFSETS = [-200.0, -40.0, 0.0, 80.0, 250.0]
pytestmark = pytest.mark.skipif(not media.shutil.which("ffmpeg"), reason="needs ffmpeg")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("av")


@pytest.mark.parametrize("offset", OFFSETS)
def test_the_sync_pattern_gives_the_offset_to_10_ms(folder: Path, offset: float) -> None:
    """The pattern written as a real mp4 (H.264 + AAC through ffmpeg) with the sound moved by
    a known amount: measured within ±10 ms, from every flash, with full confidence."""
    path = pattern.make_pattern(folder / f"pattern{offset:+.0f}.mp4", 8.0, 30.0, (320, 180),
                                offset_ms=offset)  # fmt: skip
    r = run_av_check(str(path))
    assert r.metrics["event_kind"] == "flash"
    assert r.offset_ms == pytest.approx(offset, abs=10.0)
    assert r.estimate.events >= 6 and r.estimate.confidence > 0.9


@pytest.mark.parametrize("offset", OFFSETS)
def test_a_clap_style_clip_gives_the_offset_to_10_ms(folder: Path, offset: float) -> None:
    """A clapper board closing at moments anywhere within a frame, its sound moved by a known
    amount: measured within ±10 ms from the claps."""
    path = synthetic.write_clap_clip(folder / f"clap{offset:+.0f}.mp4", offset, seconds=10.0)
    r = run_av_check(str(path))
    assert r.metrics["event_kind"] == "clap"
    assert r.offset_ms == pytest.approx(offset, abs=10.0)
    assert r.estimate.events >= 5 and r.estimate.confidence > 0.8


@pytest.mark.parametrize(
    ("offset", "status"),
    [(0.0, "pass"), (-40.0, "pass"), (-60.0, "warn"), (-120.0, "fail"), (80.0, "pass"),
     (150.0, "warn"), (250.0, "fail")],
)  # fmt: skip
def test_verdict_follows_bt1359(offset: float, status: str) -> None:
    """Sound ahead by more than 45 ms or behind by more than 125 ms is detectable (warn);
    ahead by 90 or behind by 185 is not acceptable (fail)."""
    times = [float(t) for t in range(1, 11)]
    est = sync.estimate(times, [t + offset / 1000 for t in times])
    f = sync.findings(est)[0]
    assert f.check == "sync" and f.status == status and f.value == pytest.approx(offset, abs=0.1)
    if status != "pass":
        assert ("behind" if offset > 0 else "ahead") in f.message


def test_tighter_limits_come_from_the_profile() -> None:
    """A studio that wants ±30 ms gets a warning for a 40 ms early sound."""
    times = [float(t) for t in range(1, 11)]
    est = sync.estimate(times, [t - 0.04 for t in times])
    assert sync.findings(est)[0].status == "pass"
    assert sync.findings(est, {"ahead_warn_ms": 30.0})[0].status == "warn"


def test_a_missed_flash_and_a_stray_clap_do_not_move_the_offset() -> None:
    """The vote ignores one picture event without sound and one sound without picture."""
    picture = [float(t) for t in range(1, 11)]
    sound = [t + 0.08 for t in picture if t != 5.0] + [6.5]
    est = sync.estimate(picture, sound)
    assert est.offset_ms == pytest.approx(80.0, abs=0.01)
    assert est.events == 9 and 0.7 < est.confidence < 1.0


def test_a_flash_that_starts_within_an_exposure_is_timed_within_the_frame() -> None:
    """A camera exposing each 40 ms frame sees a flash that starts 30 ms into frame 10 as a
    quarter-lit frame: the onset comes out at 10 x 40 + 30 ms."""
    period = 0.04
    ts = np.arange(40) * period
    onset = 10 * period + 0.030
    lit = np.clip((ts + period - onset) / period, 0.0, 1.0)  # share of each exposure lit
    lit[ts > onset + 0.2] = 0.0  # the flash lasts 200 ms
    brightness = 40 + 200 * lit
    found = events.flash_onsets(ts, brightness)
    assert found == [pytest.approx(onset, abs=0.001)]


def test_sound_onsets_are_found_to_a_millisecond() -> None:
    """Beeps over room noise start where they start."""
    rate = 48000
    x = np.random.default_rng(0).normal(0, 1e-3, rate * 3)
    for at in (0.5, 1.2345, 2.5):
        i = round(at * rate)
        x[i : i + 4800] += 0.5 * np.sin(2 * np.pi * 1000 * np.arange(4800) / rate)
    assert events.sound_onsets(x, rate) == [
        pytest.approx(t, abs=0.0015) for t in (0.5, 1.2345, 2.5)
    ]


def test_no_sync_events_is_a_warning_without_an_offset(tmp_path: Path) -> None:
    """A recording with neither flashes nor claps (a still scene, room noise): nothing to
    measure, said as a warning with the way to get events."""
    frames = (np.full((180, 320), 90, np.uint8) for _ in range(150))
    sound = np.random.default_rng(1).normal(0, 1e-3, 5 * media.AUDIO_RATE).astype(np.float32)
    path = media.encode(tmp_path / "still.mp4", frames, (320, 180), 30.0, sound, media.AUDIO_RATE)
    r = run_av_check(str(path))
    assert r.offset_ms is None and r.status == "warn"
    assert "--make-pattern" in r.findings[0].message


def test_sound_from_a_separate_file(tmp_path: Path) -> None:
    """The picture from a video without sound, the sound from a WAV started with it."""
    import soundfile as sf

    seconds, fps = 6.0, 25.0
    frames = pattern.frames(seconds, fps, (320, 180))
    silent = np.zeros(round(seconds * media.AUDIO_RATE), np.float32)
    video = media.encode(tmp_path / "v.mp4", frames, (320, 180), fps, silent, media.AUDIO_RATE)
    wav = tmp_path / "a.wav"
    sf.write(wav, pattern.audio(seconds, fps, media.AUDIO_RATE, 0.06), media.AUDIO_RATE)
    r = run_av_check(str(video), str(wav))
    assert r.offset_ms == pytest.approx(60.0, abs=10.0)


def test_unreadable_sources_raise(tmp_path: Path) -> None:
    """A missing file, a file that is not media, or a missing sound file: AvSourceError."""
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video")
    with pytest.raises(AvSourceError):
        run_av_check(str(tmp_path / "missing.mp4"))
    with pytest.raises(AvSourceError):
        run_av_check(str(junk))
    with pytest.raises(AvSourceError):
        run_av_check(str(junk), str(tmp_path / "missing.wav"))


def test_correction_for_obs_sync_offset() -> None:
    """Sound 80 ms late lowers the input's offset by 80; 60 ms early raises it by 60; OBS's
    bounds hold."""
    assert corrected_offset(0, 80.0) == -80
    assert corrected_offset(100, -60.0) == 160
    assert corrected_offset(-900, 200.0) == -950
    assert corrected_offset(19990, -50.0) == 20000


def _studio(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STUDIO_DB": db}
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_cli_json_contract_and_exit_codes(folder: Path, tmp_path: Path) -> None:
    """--make-pattern writes a pattern; --json prints the contract; in sync exits 0, far out
    exits 1, an unreadable source exits 2 with a message on stderr."""
    db = f"sqlite:///{tmp_path / 'studio.db'}"
    out = tmp_path / "pattern.mp4"
    made = _studio("check", "av", "--make-pattern", str(out), "--pattern-seconds", "5",
                   "--size", "320x180", db=db)  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert out.exists()

    ok = _studio("check", "av", "--source", str(out), "--json", db=db)
    assert ok.returncode == 0, ok.stderr
    body = json.loads(ok.stdout)
    assert {"source", "offset_ms", "confidence", "events", "status", "findings"} <= set(body)
    assert body["status"] == "pass" and abs(body["offset_ms"]) < 10

    late = synthetic.write_clap_clip(tmp_path / "late.mp4", 250.0, seconds=8.0)
    bad = _studio("check", "av", "--source", str(late), "--json", db=db)
    assert bad.returncode == 1 and json.loads(bad.stdout)["status"] == "fail"

    missing = _studio("check", "av", "--source", str(tmp_path / "none.mp4"), db=db)
    assert missing.returncode == 2 and "none.mp4" in missing.stderr
    short = _studio("check", "av", "--make-pattern", str(tmp_path / "x.mp4"),
                    "--pattern-seconds", "1", db=db)  # fmt: skip
    assert short.returncode == 2


@pytest.mark.slow
def test_a_live_stream_is_recorded_then_measured(folder: Path) -> None:
    """A stream URL (the pattern sent over UDP by ffmpeg, sound 80 ms late) is recorded for a
    few seconds through ffmpeg, which stamps picture and sound with one clock, then measured."""
    import socket

    clip = pattern.make_pattern(folder / "live.mp4", 10.0, 30.0, (320, 180), offset_ms=80.0)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    producer = subprocess.Popen(
        ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1",
         "-i", str(clip), "-c", "copy", "-f", "mpegts", f"udp://127.0.0.1:{port}?pkt_size=1316"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        r = run_av_check(f"udp://127.0.0.1:{port}", seconds=6.0)
    finally:
        producer.terminate()
        producer.wait(10)
    assert r.source == f"udp://127.0.0.1:{port}"
    assert r.offset_ms == pytest.approx(80.0, abs=10.0) and r.estimate.events >= 3
