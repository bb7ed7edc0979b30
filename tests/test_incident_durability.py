"""An incident is on disk the moment it is logged: a process killed with SIGKILL loses nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.store.shows import create_show

CHILD = textwrap.dedent(
    """
    import sys, time
    from studio.store.store import Store
    from studio.incidents.log import quick_log

    store = Store.open(sys.argv[1])
    iid = quick_log(store, int(sys.argv[2]), "technical", severity=1, text="stream drop")
    print("logged", iid, flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_right_after_logging_keeps_the_incident(store, db_url: str, tmp_path: Path) -> None:
    """A child logs via the Python API, prints 'logged' and is SIGKILLed; the row is in SQLite."""
    show = create_show(store, "Crash test")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, db_url, str(show)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().split()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert line[0] == "logged"
    # Read with plain sqlite3, as a fresh process after a crash would (WAL replayed on open).
    con = sqlite3.connect(str(tmp_path / "studio.db"))
    try:
        rows = con.execute("SELECT id, show_id, category, severity, text FROM incident").fetchall()
        hist = con.execute(
            "SELECT field FROM incident_history WHERE incident_id=?", (int(line[1]),)
        ).fetchall()
    finally:
        con.close()
    assert rows == [(int(line[1]), show, "technical", 1, "stream drop")]
    assert hist == [("created",)]
