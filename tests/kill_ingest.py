"""Kill an ingest command mid-file: the exactly-once tests of the metrics and comment tailers."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from studio.store.store import Store

ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def count_rows(store: Store, model: Any) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def kill_when_rows_arrive(store: Store, cmd: Sequence[str], model: Any, wait_s: float) -> int:
    """Start `cmd` and SIGKILL it as soon as `model` has a row (or after `wait_s`, or once it
    ended); returns how many rows were stored when it died."""
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and proc.poll() is None:
            if count_rows(store, model) > 0:
                break
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(30)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        proc.stderr.close()
    return count_rows(store, model)
