"""Fault videos made with cv2.VideoWriter: each fault is found, the clean video passes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from studio.devices.camera import synthetic
from studio.devices.camera.camera_check import run_check
from studio.devices.camera.focus import FaceDetector
from studio.devices.camera.sources import SourceError, parse_source
from studio.devices.camera.thresholds import DEFAULTS
from studio.profile import Profile
from studio.store.models import DeviceCheck

# The test videos are 320x180 to stay fast: the studio profile relaxes the resolution minimum,
# exactly as a studio with a small capture would.
PROFILE = {
    "camera": {
        "resolution": {
            "min_width_warn": 320,
            "min_height_warn": 180,
            "min_width_fail": 320,
            "min_height_fail": 180,
        }
    }
}
CFG = Profile(PROFILE).section("camera", DEFAULTS)


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("camera_videos")
    return {f: synthetic.write_video(folder / f"{f}.avi", f) for f in synthetic.FAULTS}


def _by_check(result_findings: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {f.check: f.status for f in result_findings}


def test_clean_video_passes_every_check(videos: dict[str, Path]) -> None:
    """The clean set: sharp, well exposed, neutral, steady, live: every finding passes."""
    r = run_check(parse_source(str(videos["clean"])), 5, CFG)
    assert r.status == "pass", [f for f in r.findings if f.status != "pass"]
    assert set(_by_check(r.findings)) == {
        "fps",
        "resolution",
        "focus",
        "exposure",
        "white_balance",
        "flicker",
        "frozen",
        "black",
        "lighting_balance",
    }
    assert r.frames == 60 and r.fps_measured == pytest.approx(30.0, abs=0.1)
    assert r.metrics["dropped_frames"] == 0
    if FaceDetector().available:  # OpenCV 5 wheels ship no Haar cascade
        assert r.metrics["face_found_pct"] > 50  # the drawn face is found and measured


@pytest.mark.parametrize(
    ("fault", "check", "status", "words"),
    [
        ("blurred", "focus", "fail", "refocus"),
        ("dark", "exposure", "fail", "raise key light or exposure by"),
        ("overexposed", "exposure", "fail", "clipped"),
        ("warm", "white_balance", "warn", "warm"),
        ("cool", "white_balance", "fail", "cool"),
        ("frozen", "frozen", "fail", "froze"),
        ("black", "black", "fail", "black frame"),
        # Measured on the face (warn) or, without a face detector, on the frame (fail).
        ("uneven", "lighting_balance", "warn|fail", "camera-left side"),
    ],
)
def test_each_fault_is_found(
    videos: dict[str, Path], fault: str, check: str, status: str, words: str
) -> None:
    """Each fault video trips its own check with an actionable message."""
    r = run_check(parse_source(str(videos[fault])), 5, CFG)
    f = next(f for f in r.findings if f.check == check)
    assert f.status in status.split("|"), f.message
    assert words in f.message


def test_black_frames_are_not_also_frozen(videos: dict[str, Path]) -> None:
    """A second of black is reported as black only: identical black frames are not 'frozen'."""
    r = run_check(parse_source(str(videos["black"])), 5, CFG)
    assert r.metrics["black_frames"] == 30
    assert r.metrics["frozen_frames"] == 0


def test_flicker_100hz_alias_and_mains(videos: dict[str, Path]) -> None:
    """100 Hz light at 30 fps: pulses at the 10 Hz alias, implies 50 Hz mains, bands ~100 Hz."""
    r = run_check(parse_source(str(videos["flicker100"])), 5, CFG, "light")
    m = r.metrics
    assert m["flicker_hz"] == pytest.approx(10.0, abs=0.3)
    assert m["mains_hz"] == 50 and m["flicker_light_hz"] == 100
    assert m["banding_hz"] == pytest.approx(100, abs=10)
    f = next(f for f in r.findings if f.check == "flicker")
    assert f.status == "fail" and "1/50 or 1/100" in f.message
    assert {f.check for f in r.findings} == {
        "exposure",
        "white_balance",
        "flicker",
        "lighting_balance",
    }


def test_clean_video_shows_no_flicker(videos: dict[str, Path]) -> None:
    """Moving content that keeps the mean level is not mistaken for flicker."""
    r = run_check(parse_source(str(videos["clean"])), 5, CFG)
    assert r.metrics["flicker_hz"] is None and r.metrics["banding_hz"] is None


def test_seconds_limits_a_file_check_by_stream_time(videos: dict[str, Path]) -> None:
    """--seconds 1 on a 2 s file measures one second of the stream (31 frames)."""
    r = run_check(parse_source(str(videos["clean"])), 1.0, CFG)
    assert r.frames == 31


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    """A path that does not exist is refused with the path in the message."""
    with pytest.raises(SourceError, match=r"nope\.avi"):
        parse_source(str(tmp_path / "nope.avi"))


def test_unreadable_file_is_a_source_error(tmp_path: Path) -> None:
    """A file that is not a video fails to open instead of hanging or crashing."""
    bad = tmp_path / "notes.avi"
    bad.write_text("not a video")
    with pytest.raises(SourceError):
        run_check(parse_source(str(bad)), 1, CFG)


def _cli(*args: str, config: Path, db_url: str) -> subprocess.CompletedProcess[str]:
    (config / "profile.yaml").write_text(json.dumps(PROFILE), encoding="utf-8")
    env = {**os.environ, "STUDIO_CONFIG_DIR": str(config), "STUDIO_DB": db_url}
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.slow
def test_cli_clean_passes_and_is_saved(
    videos: dict[str, Path], tmp_path: Path, db_url: str, store
) -> None:  # type: ignore[no-untyped-def]
    """`studio check camera --json` on the clean video: exit 0, the contract's JSON, a saved row."""
    p = _cli(
        "check",
        "camera",
        "--source",
        str(videos["clean"]),
        "--seconds",
        "2",
        "--json",
        config=tmp_path / "config",
        db_url=db_url,
    )
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["status"] == "pass" and out["source"] == str(videos["clean"])
    assert (out["width"], out["height"], out["frames"]) == (320, 180, 60)
    for key in (
        "sharpness",
        "luma_mean",
        "clipped_highlights_pct",
        "crushed_shadows_pct",
        "cct_kelvin",
        "flicker_hz",
        "frozen_frames",
        "black_frames",
        "dropped_frames",
    ):
        assert key in out["metrics"]
    assert all(set(f) == {"check", "status", "message", "value"} for f in out["findings"])
    with store.session() as s:
        rows = s.scalars(select(DeviceCheck)).all()
    assert [(r.kind, r.status, r.source) for r in rows] == [
        ("camera", "pass", str(videos["clean"]))
    ]
    assert len(rows[0].findings) == 9


@pytest.mark.slow
def test_cli_dark_fails_with_exit_1(videos: dict[str, Path], tmp_path: Path, db_url: str) -> None:
    """A dark picture fails the light check: exit 1, exposure fail in the JSON."""
    p = _cli(
        "check",
        "light",
        "--source",
        str(videos["dark"]),
        "--json",
        config=tmp_path / "config",
        db_url=db_url,
    )
    assert p.returncode == 1, p.stderr
    out = json.loads(p.stdout)
    assert out["status"] == "fail"
    assert {f["check"]: f["status"] for f in out["findings"]}["exposure"] == "fail"


@pytest.mark.slow
def test_cli_unopenable_source_exits_2(tmp_path: Path, db_url: str) -> None:
    """A stream nobody serves: exit 2, a clear message on stderr, nothing on stdout."""
    import socket

    with socket.socket() as sock:  # a port that is certainly closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    p = _cli(
        "check",
        "camera",
        "--source",
        f"http://127.0.0.1:{port}",
        "--json",
        config=tmp_path / "config",
        db_url=db_url,
    )
    assert p.returncode == 2
    assert "cannot open the source" in p.stderr and p.stdout == ""


def test_cli_show_attaches_and_unknown_show_is_refused(
    videos: dict[str, Path],
    store,  # type: ignore[no-untyped-def]
    db_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--show ID attaches the saved check to the show; an unknown ID exits 2 before measuring."""
    from studio.cli import main
    from studio.store.shows import create_show

    show_id = create_show(store, "Camera show")
    src = str(videos["clean"])
    assert (
        main(
            [
                "--db",
                db_url,
                "check",
                "light",
                "--source",
                src,
                "--seconds",
                "1",
                "--show",
                str(show_id),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Overall: PASS" in out and "exposure" in out
    with store.session() as s:
        row = s.scalars(select(DeviceCheck)).one()
    assert (row.kind, row.show_id) == ("light", show_id)
    assert main(["--db", db_url, "check", "camera", "--source", src, "--show", "999"]) == 2
    assert "no show with id 999" in capsys.readouterr().err
