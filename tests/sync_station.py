"""A studio station in its own process, driven over stdin/stdout with JSON lines.

Tests and benchmarks start two of these against one PostgreSQL database: each is a full Store
(its own engine, sync thread and outbox), so what one writes must reach the other through the
server, as between two PCs. Not a test module (no `test_` prefix): `Station` is the parent side.

Commands (one JSON object a line): cue, incident, samples, status, lease_acquire, lease_keep,
lease_holder, takeover, quit. Events printed: ready, change (remote changes, with the
receiving time), wrote, status, lease, error.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Event = dict[str, Any]


def _emit(obj: Event) -> None:
    sys.stdout.write(json.dumps(obj, default=str) + "\n")
    sys.stdout.flush()


def serve(url: str, station: str) -> int:  # the child process
    from studio.store.models import CueEvent, Incident, IncidentHistory, MetricSample
    from studio.store.store import Store
    from studio.store.sync import lease
    from studio.timeutil import utcnow

    store = Store.open(url, station=station, sync=True)

    def on_change(c: Any) -> None:
        if c.remote:
            _emit(
                {"ev": "change", "t": c.table, "r": c.key, "s": c.show_id,
                 "st": c.station, "id": c.log_id, "t_recv": time.time()}
            )  # fmt: skip

    store.bus.subscribe(on_change)
    keeper: lease.LeaseKeeper | None = None
    while not store.syncing:
        time.sleep(0.01)
    _emit({"ev": "ready", "pid": os.getpid()})
    for line in sys.stdin:
        cmd = json.loads(line)
        op = cmd["op"]
        try:
            if op == "quit":
                break
            if op == "cue":
                t0 = time.time()
                r = store.insert_idempotent(
                    CueEvent,
                    {"show_id": cmd["show_id"], "at": utcnow(), "action": cmd.get("action", "next"),
                     "cue_index": cmd.get("n"), "station": station},
                )  # fmt: skip
                _emit({"ev": "wrote", "queued": r.queued, "uids": r.uids, "t_sent": t0})
            elif op == "incident":
                now = utcnow()
                r = store.insert_idempotent(
                    Incident,
                    {"show_id": cmd["show_id"], "at": now, "category": cmd.get("category", "tech"),
                     "severity": 2, "text": cmd.get("text", ""), "updated_at": now},
                    children={IncidentHistory: [{"at": now, "who": station, "field": "created"}]},
                )  # fmt: skip
                _emit({"ev": "wrote", "queued": r.queued, "uids": r.uids, "ids": r.ids})
            elif op == "samples":
                rows = [
                    {"show_id": cmd["show_id"], "source": station, "metric": f"m{m}",
                     "ts": float(cmd["ts"]), "value": int(cmd["ts"]) * 10 + m}
                    for m in range(cmd.get("metrics", 15))
                ]  # fmt: skip
                r = store.write_rows(MetricSample, rows)
                _emit({"ev": "wrote", "queued": r.queued, "inserted": r.inserted})
            elif op == "status":
                st = store.link_status
                _emit({"ev": "status", "online": st.online, "queued": store.outbox_size()})
            elif op == "lease_acquire":
                info = lease.acquire(store, cmd["show_id"])
                _emit({"ev": "lease", "station": info.station})
            elif op == "lease_keep":
                info = lease.acquire(store, cmd["show_id"])
                keeper = lease.LeaseKeeper(store, cmd["show_id"], interval=cmd.get("interval", 1.0))
                keeper.start()
                _emit({"ev": "lease", "station": info.station})
            elif op == "lease_holder":
                h = lease.holder(store, cmd["show_id"], stale_after=cmd.get("stale_after", 15.0))
                _emit({"ev": "lease", "station": h.station if h else None,
                       "stale": h.stale if h else None})  # fmt: skip
            elif op == "takeover":
                info = lease.takeover(store, cmd["show_id"], stale_after=cmd["stale_after"])
                _emit({"ev": "lease", "station": info.station})
            else:
                _emit({"ev": "error", "message": f"unknown op {op}"})
        except Exception as exc:
            _emit({"ev": "error", "op": op, "type": type(exc).__name__, "message": str(exc)})
    if keeper is not None:
        keeper.stop()
    store.close()
    return 0


class Station:
    """The parent's handle on a station process."""

    def __init__(self, url: str, station: str, data_dir: Path, env: dict[str, str]) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        full_env = {**os.environ, **env, "STUDIO_DATA_DIR": str(data_dir)}
        self.name = station
        self.proc = subprocess.Popen(
            [sys.executable, __file__, url, station],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=full_env,
            bufsize=1,
        )
        assert self.proc.stdout is not None
        self._sel = selectors.DefaultSelector()
        self._sel.register(self.proc.stdout, selectors.EVENT_READ)
        self.events: list[Event] = []
        self._buf = ""
        self.expect(lambda e: e["ev"] == "ready", timeout=30)

    def send(self, **cmd: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()

    def _read(self, timeout: float) -> None:
        assert self.proc.stdout is not None
        if not self._sel.select(timeout):
            return
        chunk = os.read(self.proc.stdout.fileno(), 65536).decode()
        if not chunk:
            raise RuntimeError(f"station {self.name} exited ({self.proc.poll()})")
        self._buf += chunk
        *lines, self._buf = self._buf.split("\n")
        self.events.extend(json.loads(line) for line in lines if line.strip())

    def expect(self, pred: Callable[[Event], bool], timeout: float = 10.0) -> Event:
        """The first not yet consumed event matching `pred` (consumed), waiting up to timeout."""
        deadline = time.monotonic() + timeout
        while True:
            for i, e in enumerate(self.events):
                if pred(e):
                    del self.events[i]
                    return e
                if e["ev"] == "error":
                    del self.events[i]
                    raise RuntimeError(f"station {self.name}: {e}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"station {self.name}: no matching event in {timeout} s")
            self._read(min(left, 0.5))

    def call(self, timeout: float = 10.0, **cmd: Any) -> Event:
        """Send a command and wait for its reply (wrote/status/lease)."""
        self.send(**cmd)
        return self.expect(lambda e: e["ev"] in ("wrote", "status", "lease"), timeout)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(10)
        self._sel.close()

    def quit(self) -> None:
        if self.proc.poll() is None:
            try:
                self.send(op="quit")
                self.proc.wait(15)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(10)
        self._sel.close()
        for f in (self.proc.stdin, self.proc.stdout):
            if f is not None:
                f.close()


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1], sys.argv[2]))
