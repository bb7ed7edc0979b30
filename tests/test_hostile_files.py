"""Files and leftovers: private modes for what studio creates, crashes in the log, a killed demo."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.cli import main


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folders_database_and_log_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the usual umask (022) the data and log folders are created 0700 and the database
    and log files 0600 (they were world-readable)."""
    import logging

    root = logging.getLogger()
    for h in [h for h in root.handlers if getattr(h, "_studio", False)]:
        root.removeHandler(h)  # let this run set up logging in its own folder
        h.close()
    fresh = tmp_path / "fresh"
    for name in ("data", "config", "log"):
        monkeypatch.setenv(f"STUDIO_{name.upper()}_DIR", str(fresh / name))
    old = os.umask(0o022)
    try:
        assert main(["show", "create", "--title", "t"]) == 0
    finally:
        os.umask(old)
        for h in [h for h in root.handlers if getattr(h, "_studio", False)]:
            root.removeHandler(h)
            h.close()
    capsys.readouterr()
    data, log = fresh / "data", fresh / "log"
    assert _mode(data) == 0o700 and _mode(log) == 0o700
    assert _mode(data / "studio.db") == 0o600
    assert _mode(log / "studio.log") == 0o600
    for extra in ("studio.db-wal", "studio.db-shm"):
        if (data / extra).exists():
            assert _mode(data / extra) == 0o600


def test_a_crash_goes_to_the_log_file(tmp_path: Path) -> None:
    """An exception that escapes a command: its traceback is in the log file, stderr has one
    line pointing there, and the exit code (70) is neither 'findings' nor 'bad input'."""
    env = {**os.environ, "STUDIO_LOG_DIR": str(tmp_path / "log")}
    code = (
        "from studio.logsetup import setup_logging\n"
        "setup_logging()\n"
        "raise RuntimeError('boom-42')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 70
    assert "Traceback" not in proc.stderr
    assert "internal error: RuntimeError: boom-42" in proc.stderr and "studio.log" in proc.stderr
    logged = (tmp_path / "log" / "studio.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "boom-42" in logged


def test_a_killed_demo_never_becomes_the_users_show(store) -> None:  # type: ignore[no-untyped-def]
    """A demo killed at --speed 60 (its events an hour ahead of the wall clock, the show left
    live) is not what a plain start opens: the user's live show is resumed instead, the
    remembered last show is ignored when it is the demo, and the demo is ended at its own
    last event."""
    from studio.demo import ensure_demo_show, is_demo_show, startup_show
    from studio.runner.events import read_events
    from studio.runner.recovery import find_resumable_show, rebuild_runner
    from studio.store.models import Show

    demo = ensure_demo_show(store)
    assert is_demo_show(store, demo)
    ahead = time.time() + 3600  # what the accelerated clock says after a minute at 60x
    runner = rebuild_runner(store, demo, clock=lambda: ahead, record=False)
    runner.act("start")
    ahead += 600
    runner.act("next")
    # killed here: no end, status live, events in the future
    assert find_resumable_show(store) is None
    assert startup_show(store, demo) is None
    with store.session() as s:
        show = s.get(Show, demo)
        assert show is not None and show.status == "ended"
        assert show.ended_at is not None and abs(show.ended_at.timestamp() - ahead) < 1
    assert read_events(store, demo)[-1].action == "end"

    from studio.demo import demo_script_path
    from studio.script.store_io import create_show_from_script_file

    mine = create_show_from_script_file(store, demo_script_path(), title="my show")
    rebuild_runner(store, mine, clock=time.time, record=False).act("start")
    assert not is_demo_show(store, mine)
    assert startup_show(store, demo) == mine


def test_next_demo_starts_fresh_after_a_killed_one(store) -> None:  # type: ignore[no-untyped-def]
    """`studio demo` after a killed demo: the old demo show is ended and a new, marked demo
    show is used."""
    from studio.demo import ensure_demo_show, is_demo_show
    from studio.runner.recovery import rebuild_runner
    from studio.store.models import Show

    first = ensure_demo_show(store)
    rebuild_runner(store, first, clock=lambda: time.time() + 7200, record=False).act("start")
    second = ensure_demo_show(store)
    assert second != first and is_demo_show(store, second)
    with store.session() as s:
        old = s.get(Show, first)
        assert old is not None and old.status == "ended"
