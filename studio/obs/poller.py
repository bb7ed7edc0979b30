"""Every second while connected: read OBS's counters, store them as `stream_*` metrics of the
current show, and turn what is wrong into de-duplicated auto-incidents.

The requests run on the client's thread (one job per poll); building the sample, writing metrics
and incidents run on the poller's own thread, so a slow database never delays a cue's scene
switch. A connection change wakes the poller at once: a dead OBS is an incident within about a
second (the client notices within its heartbeat, 0.5 s).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from sqlalchemy import select

from studio.incidents.auto import AutoIncidents
from studio.metrics.writer import MetricWriter, WriterStopped
from studio.obs.alarms import Alarms, Condition, ShowState
from studio.obs.client import ObsClient, ObsError, ObsState, Session
from studio.obs.health import Counters, HealthSample, make_sample, metric_values
from studio.obs.thresholds import DEFAULTS
from studio.store.models import Show
from studio.store.store import Store
from studio.timeutil import Clock, wall_clock

log = logging.getLogger(__name__)

SOURCE = "obs"

SampleListener = Callable[[HealthSample | None], None]


def collect(session: Session) -> dict[str, Any]:
    """One poll's requests (runs on the client thread). Requests an older server lacks are
    left out rather than failing the poll."""
    out: dict[str, Any] = {"stats": session.request("GetStats")}
    out["stream"] = session.optional("GetStreamStatus")
    out["record"] = session.optional("GetRecordStatus")
    out["video"] = session.optional("GetVideoSettings")
    scene = session.optional("GetCurrentProgramScene")
    out["scene"] = None if scene is None else scene.get("currentProgramSceneName")
    return out


class StoreShowState:
    """The show's live/rehearsal state read from the store, at most every `every` seconds."""

    def __init__(self, store: Store, show_id: Callable[[], int | None], every: float = 2.0) -> None:
        self.store = store
        self.show_id = show_id
        self.every = every
        self._cached: tuple[float, ShowState] | None = None

    def __call__(self) -> ShowState:
        sid = self.show_id()
        now = time.monotonic()
        if self._cached is not None:
            at, state = self._cached
            if state.show_id == sid and now - at < self.every:
                return state
        state = ShowState(sid, False, False)
        if sid is not None:
            try:
                with self.store.session() as s:
                    row = s.execute(
                        select(Show.status, Show.is_rehearsal).where(Show.id == sid)
                    ).first()
                if row is not None:
                    state = ShowState(sid, row[0] == "live", bool(row[1]))
            except Exception:  # a busy database must not stop monitoring; try next time
                log.exception("could not read show %s state", sid)
        self._cached = (now, state)
        return state


class HealthPoller:
    def __init__(
        self,
        client: ObsClient,
        *,
        writer: MetricWriter | None = None,
        incidents: AutoIncidents | None = None,
        show: Callable[[], ShowState] | None = None,
        cfg: dict[str, Any] | None = None,
        clock: Clock = wall_clock,
        name: str = "obs-poller",
    ) -> None:
        self.client = client
        self.writer = writer
        self.incidents = incidents
        self.show = show or (lambda: ShowState())
        self.cfg = {**DEFAULTS, **(cfg or {})}
        self.clock = clock
        self.alarms = Alarms(self.cfg)
        self._name = name
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._latest: HealthSample | None = None
        self._active: dict[str, Condition] = {}
        self._history: deque[Counters] = deque()
        self._listeners: list[SampleListener] = []
        self._unsubscribe = client.add_listener(lambda _s, _m: self._wake.set())
        self.polls = 0
        self.rows_written = 0

    # -- public ---------------------------------------------------------------------------------

    @property
    def latest(self) -> HealthSample | None:
        with self._lock:
            return self._latest

    @property
    def active_alarms(self) -> dict[str, Condition]:
        with self._lock:
            return dict(self._active)

    def add_listener(self, listener: SampleListener) -> Callable[[], None]:
        """`listener(sample or None)` after every poll, on the poller thread: be quick."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def expect_recording_stop(self) -> None:
        self.alarms.expect_recording_stop()

    def start(self) -> HealthPoller:
        if self._thread is not None:
            raise RuntimeError("poller already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wake.set()
        self._unsubscribe()
        if self._thread is not None:
            self._thread.join(timeout)

    # -- the loop -------------------------------------------------------------------------------

    def _run(self) -> None:
        interval = float(self.cfg["poll_seconds"])
        while not self._stopping.is_set():
            started = time.monotonic()
            try:
                self.tick()
            except Exception:  # one bad poll must not end monitoring for the show
                log.exception("OBS health poll failed")
            left = interval - (time.monotonic() - started)
            if left > 0:
                self._wake.wait(left)
            self._wake.clear()

    def tick(self) -> HealthSample | None:
        """One poll: read, store, judge. Public so tests can drive it without the thread."""
        show = self.show()
        if self.incidents is not None and self.incidents.show_id != show.show_id:
            self._flush_active()
            self.incidents.show_id = show.show_id
        conditions: list[Condition] = []
        sample: HealthSample | None = None
        state = self.client.state
        if state is ObsState.CONNECTED:
            try:
                raw = self.client.submit(collect).result(self.client.timeout + 1.0)
            except (ObsError, FutureTimeout) as exc:
                log.debug("OBS poll failed: %s", exc)
                raw = None
            if raw is not None:
                sample = self._sample(raw)
        state = self.client.state
        conditions.append(
            self.alarms.connection(state, self.client.message, show, self.client.ever_connected)
        )
        if sample is not None:
            conditions.extend(self.alarms.evaluate(sample, show))
            self._write(sample, show)
        else:
            self._history.clear()
        self.polls += 1
        self._report(conditions)
        with self._lock:
            self._latest = sample
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(sample)
            except Exception:
                log.exception("OBS health listener failed")
        return sample

    def _sample(self, raw: dict[str, Any]) -> HealthSample:
        at = self.clock()
        previous = self._history[-1] if self._history else None
        window = float(self.cfg["window_seconds"])
        while len(self._history) > 1 and self._history[1].at <= at - window:
            self._history.popleft()
        start = self._history[0] if self._history else None
        sample = make_sample(
            at,
            raw.get("stats"),
            raw.get("stream"),
            raw.get("record"),
            raw.get("video"),
            previous=previous,
            window_start=start,
            scene=raw.get("scene"),
        )
        if sample.counters is not None:
            self._history.append(sample.counters)
        return sample

    def _write(self, sample: HealthSample, show: ShowState) -> None:
        if self.writer is None or show.show_id is None:
            return
        rows = [
            {
                "show_id": show.show_id,
                "source": SOURCE,
                "metric": name,
                "sku": "",
                "ts": sample.at,
                "value": None,
                "value_real": value,
            }
            for name, value in metric_values(sample).items()
        ]
        try:
            if self.writer.submit(rows, timeout=0.5):
                self.rows_written += len(rows)
            else:
                log.warning("metric writer busy: dropped one OBS health sample")
        except WriterStopped:
            log.debug("metric writer stopped; OBS health sample not stored")

    def _report(self, conditions: list[Condition]) -> None:
        for cond in conditions:
            with self._lock:
                was = cond.key in self._active
                if cond.active:
                    self._active[cond.key] = cond
                elif was:
                    del self._active[cond.key]
            # Clears are only sent for conditions we raised: each one costs AutoIncidents a query.
            if self.incidents is None or not (cond.active or was):
                continue
            self.incidents.condition(
                cond.key, cond.active, cond.message, category="technical", severity=cond.severity
            )

    def _flush_active(self) -> None:
        with self._lock:
            self._active.clear()
