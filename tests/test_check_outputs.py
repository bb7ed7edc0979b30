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


def test_check_mic_answers_in_chinese_with_lang(
    tmp_path: Path, m4a: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`studio --lang zh_CN check mic` prints findings, status words and the verdict in Chinese
    (it printed English), from the same translations the cards use."""
    import re

    db = f"sqlite:///{tmp_path / 'z.db'}"
    main(["--lang", "zh_CN", "check", "mic", "--db", db, "--source", str(m4a)])
    lines = capsys.readouterr().out.splitlines()
    findings = [ln for ln in lines if ln.startswith("  [")]
    assert findings and all(re.search(r"[\u4e00-\u9fff]", ln) for ln in findings)
    assert lines[-1].startswith("总体：") and "已保存为第 1 次检查" in lines[-1]
    # The check's key column (true_peak, noise...) is an identifier; the sentence after it
    # must be Chinese, with units (dBFS, LUFS) the only Latin words.
    sentences = [ln.split("]", 1)[1].split(None, 1)[1] for ln in findings]
    english = [w for t in sentences for w in re.findall(r"[A-Za-z]{4,}", t)]
    assert not [w for w in english if w not in {"dBTP", "dBFS", "LUFS"}], english


def test_ts_catalog_reads_the_shipped_translations() -> None:
    """The Qt-free catalogue finds a translation by context and source, and falls back."""
    from studio.texts import TsCatalog

    zh = TsCatalog("zh_CN")
    assert zh.translate("CheckCard", "PASS") != "PASS"
    assert zh.translate("NoSuchContext", "PASS") == "PASS"
    assert TsCatalog("en").translate("CheckCard", "PASS") == "PASS"
