"""`studio check mic` on files: JSON contract, exit codes, saved DeviceCheck rows, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from studio.cli import main

FS = 48000


def write_tone(path: Path, amp: float, seconds: float = 3.0, channels: int = 2) -> Path:
    t = np.arange(int(seconds * FS)) / FS
    x = amp * np.sin(2 * np.pi * 1000 * t)
    sf.write(path, np.repeat(x[:, None], channels, axis=1), FS)
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_contract_for_a_file(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A WAV file source gives the contract's JSON and a saved DeviceCheck row."""
    from sqlalchemy import select

    from studio.store.models import DeviceCheck
    from studio.store.store import Store

    wav = write_tone(tmp_path / "tone.wav", 0.5)
    code, out, _ = run_cli(capsys, "--db", db_url, "check", "mic", "--source", str(wav), "--json")
    doc = json.loads(out)
    assert set(doc) == {
        "source",
        "samplerate",
        "channels",
        "metrics",
        "findings",
        "status",
        "check_id",
    }
    assert (doc["source"], doc["samplerate"], doc["channels"]) == (str(wav), FS, 2)
    assert doc["metrics"]["rms_dbfs"] == pytest.approx(-9.03, abs=0.02)
    assert doc["metrics"]["peak_dbfs"] == pytest.approx(-6.02, abs=0.02)
    assert {f["check"] for f in doc["findings"]} == {
        "signal",
        "clipping",
        "loudness",
        "true_peak",
        "noise",
        "hum",
        "balance",
        "dropouts",
    }
    assert all(set(f) == {"check", "status", "message", "value"} for f in doc["findings"])
    assert code == (1 if doc["status"] == "fail" else 0)
    store = Store.open(db_url)
    try:
        with store.session() as s:
            row = s.scalars(select(DeviceCheck)).one()
            assert (row.kind, row.source, row.status) == ("mic", str(wav), doc["status"])
            assert row.metrics == doc["metrics"]
    finally:
        store.close()


def test_silent_file_fails_with_exit_1(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A silent recording is a failed check: exit code 1 and a text report that says FAIL."""
    wav = tmp_path / "silence.flac"
    sf.write(wav, np.zeros((FS * 2, 1)), FS)
    code, out, _ = run_cli(capsys, "--db", db_url, "check", "mic", "--source", str(wav))
    assert code == 1
    assert "[FAIL] signal" in out and "Overall: FAIL" in out


def test_seconds_limits_what_is_read(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--seconds 1 reads only the first second: quiet tone then a loud one stays quiet."""
    t = np.arange(FS) / FS
    x = np.concatenate([0.1 * np.sin(2 * np.pi * 1000 * t), 0.9 * np.sin(2 * np.pi * 1000 * t)])
    wav = tmp_path / "two.wav"
    sf.write(wav, x, FS)
    _, out, _ = run_cli(
        capsys, "--db", db_url, "check", "mic", "--source", str(wav), "--seconds", "1", "--json"
    )
    assert json.loads(out)["metrics"]["peak_dbfs"] == pytest.approx(-20.0, abs=0.05)


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda p: str(p / "missing.wav"), "no such audio file"),
        (
            lambda p: (p / "bad.wav").write_bytes(b"RIFFxxxxWAVE") and str(p / "bad.wav"),
            "not a readable audio file",
        ),
        (lambda p: str(p), "is a folder"),
    ],
    ids=["missing", "corrupt", "folder"],
)
def test_unopenable_file_exits_2(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str], make, needle: str
) -> None:  # type: ignore[no-untyped-def]
    """Missing, corrupt or folder sources exit 2 with the path and what is wrong on stderr."""
    src = make(tmp_path)
    code, out, err = run_cli(capsys, "--db", db_url, "check", "mic", "--source", src, "--json")
    assert code == 2 and out == ""
    assert needle in err and src in err


def test_unknown_device_exits_2(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A device name that matches nothing exits 2 with a message naming it."""
    code, _, err = run_cli(capsys, "--db", db_url, "check", "mic", "--source", "no-such-mic-xyz")
    assert code == 2
    assert "no-such-mic-xyz" in err or "no audio input devices" in err


def test_bad_show_and_missing_source_exit_2(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--show with an unknown id, or no --source at all, is a usage error (exit 2), nothing saved."""
    wav = write_tone(tmp_path / "t.wav", 0.3)
    code, _, err = run_cli(
        capsys, "--db", db_url, "check", "mic", "--source", str(wav), "--show", "999"
    )
    assert code == 2 and "999" in err
    code, _, err = run_cli(capsys, "--db", db_url, "check", "mic")
    assert code == 2 and "--source" in err


def test_attached_to_a_show(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--show ID stores the check against that show."""
    from sqlalchemy import select

    from studio.store.models import DeviceCheck
    from studio.store.shows import create_show
    from studio.store.store import Store

    store = Store.open(db_url)
    try:
        show_id = create_show(store, "Autumn sale")
        wav = write_tone(tmp_path / "t.wav", 0.3)
        run_cli(
            capsys, "--db", db_url, "check", "mic", "--source", str(wav), "--show", str(show_id)
        )
        with store.session() as s:
            assert s.scalars(select(DeviceCheck.show_id)).one() == show_id
    finally:
        store.close()
