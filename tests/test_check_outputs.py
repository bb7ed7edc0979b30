"""Check commands say what they saved, read phone recordings, and report an absent OBS once."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest

from studio.cli import main
from studio.devices.audio.capture import FileCapture


@pytest.fixture
def m4a(tmp_path: Path) -> Path:
    """A 3-second stereo AAC recording, as a phone makes them."""
    out = tmp_path / "phone.m4a"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
         "-ac", "2", "-c:a", "aac", str(out)],
        check=True, timeout=60,
    )  # fmt: skip
    return out


def test_check_mic_reads_m4a_and_says_the_check_id(
    tmp_path: Path, m4a: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An m4a is decoded (it used to be refused); the text says "saved as check #N" and the
    JSON carries the same check_id."""
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["check", "mic", "--db", db, "--source", str(m4a)]) in (0, 1)
    text = capsys.readouterr().out
    assert "saved as check #1" in text
    assert main(["check", "mic", "--db", db, "--source", str(m4a), "--json"]) in (0, 1)
    data = json.loads(capsys.readouterr().out)
    assert data["check_id"] == 2 and data["channels"] == 2


def test_the_live_mic_source_plays_an_m4a(m4a: Path) -> None:
    """The GUI's file source opens the same m4a (its file dialog now offers mp3/m4a)."""
    source = FileCapture(m4a, paced=False)
    assert source.channels == 2 and source.frames > 0


def test_check_obs_without_obs_says_it_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No OBS listening: exit 2, the reason once on stderr, one summary line on stdout (no
    five "Not checked" rows)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = f"sqlite:///{tmp_path / 'o.db'}"
    code = main(["check", "obs", "--db", db, "--host", "127.0.0.1", "--port", str(port),
                 "--timeout", "1"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 2
    assert out.count("\n") == 1 and "cannot be reached" in out and "saved as check #1" in out
    assert err.count("not reachable") == 1
