"""Show-day soak: a whole show with every panel and the prompter live, measured; then a second
show in the same process, to see that nothing leaks.

One process builds the control room the way `studio demo` does (controller station, Chinese
UI, every dock's panel built, the prompter open) on a show made from the demo script stretched
to the asked length, and runs it:
- the metrics simulator (1 sample per show second, per-SKU orders) at the asked speed, with the
  demo's viewer-comment stream when the audience desk provides it;
- the cues turned on schedule by the demo autopilot;
- a camera preview from a looping video file and the live audio meters from a looping WAV
  (the checks' camera and mic cards, as a tech would start them);
- an incident logged every few show minutes through the incidents panel (as F1-F5 do);
- with `--pg`: the store on a throwaway PostgreSQL server, and a second station (its own
  process, tests/sync_station.py) following the show; its cue-notification latency is measured;
- with `--obs` (needs obs-studio and Xvfb): a real OBS linked through the OBS card's settings.

It prints GUI event-loop stalls (a 10 ms timer's lateness), the CPU share of the GUI thread and
of the other threads, RSS at start / each show hour / end, open descriptors and threads, the
database size per show hour, store write latency (transaction begin to commit, writing ones),
the second station's cue-notification latency, and the same after a second show.

Usage:
  .venv/bin/python benchmarks/soak.py --hours 4 --speed 60 [--pg] [--obs] [--shows 2]
  .venv/bin/python benchmarks/soak.py --real-time --minutes 20
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import gc
import itertools
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

STALL_TICK_MS = 10
PRE_SHOW_DEVICES_S = 3.0  # wall seconds the checks' devices run before the show starts
INCIDENT_EVERY_SHOW_S = 4 * 60
CATEGORIES = ("technical", "product", "anchor", "compliance", "other")


# -- process figures ---------------------------------------------------------------------------
def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def rss_parts() -> str:
    """Resident memory by kind: heap and stacks (anon), mapped files (code, fonts), shared."""
    parts = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("RssAnon", "RssFile", "RssShmem")):
                key, value = line.split(":")
                parts[key[3:].lower()] = int(value.split()[0]) / 1000
    return ", ".join(f"{k} {v:.1f}" for k, v in parts.items())


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def thread_count() -> int:
    return len(os.listdir("/proc/self/task"))


def thread_stats() -> dict[int, tuple[float, int]]:
    """(CPU seconds, major page faults) by thread id (threads alive now)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, tuple[float, int]] = {}
    for tid in os.listdir("/proc/self/task"):
        with contextlib.suppress(OSError):
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[int(tid)] = ((int(fields[11]) + int(fields[12])) / tick, int(fields[9]))
    return out


def thread_cpu() -> dict[int, float]:
    """CPU seconds by thread id (threads alive now)."""
    return {tid: cpu for tid, (cpu, _) in thread_stats().items()}


# A second process that only sleeps 10 ms and notes how late it woke: when it is late too, the
# machine (not this process) was not running us.
PROBE = """
import sys, time
nxt = time.perf_counter() + 0.01
while True:
    time.sleep(max(0.0, nxt - time.perf_counter()))
    now = time.perf_counter()
    if now - nxt > 0.03:
        print(f"{nxt:.4f} {now:.4f}", flush=True)
    nxt = now + 0.01
"""


class MachineProbe:
    def __init__(self) -> None:
        import subprocess

        self.proc = subprocess.Popen(
            [sys.executable, "-c", PROBE], stdout=subprocess.PIPE, text=True
        )
        self.late: list[tuple[float, float]] = []
        threading.Thread(target=self._read, name="soak-probe", daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            a, b = line.split()
            self.late.append((float(a), float(b)))

    def overlaps(self, start: float, end: float) -> float:
        """ms of the span [start, end] in which the probe was late too."""
        return sum(max(0.0, min(end, b) - max(start, a)) for a, b in list(self.late)) * 1000

    def close(self) -> None:
        self.proc.kill()


def object_kinds() -> collections.Counter[str]:
    """Every Python object the collector can reach, frozen ones too, by type, after a full
    collection (the freeze is put back as it was)."""
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    gc.collect()
    kinds = collections.Counter(type(o).__qualname__ for o in gc.get_objects())
    if frozen:
        gc.freeze()
    return kinds


def comm(tid: int) -> str:
    try:
        return "native:" + Path(f"/proc/self/task/{tid}/comm").read_text().strip()
    except OSError:
        return "native:?"


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(q / 100 * len(s)) - 1))]


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# -- sources ------------------------------------------------------------------------------------
def make_sources(tmp: Path) -> tuple[Path | None, Path]:
    """A 10 s test video (looped by the camera card) and a 5 s tone+noise WAV (looped by the
    mic card)."""
    video: Path | None = tmp / "camera.mp4"
    if shutil.which("ffmpeg"):
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
             "testsrc2=size=1280x720:rate=30", "-t", "10", "-pix_fmt", "yuv420p", str(video)],
            check=True,
        )  # fmt: skip
    else:
        video = None
    import numpy as np

    rate = 48_000
    t = np.arange(rate * 5) / rate
    signal = 0.3 * np.sin(2 * np.pi * 440 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t))
    signal += 0.01 * np.random.default_rng(1).standard_normal(t.size)
    audio = tmp / "mic.wav"
    with wave.open(str(audio), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((signal * 32767).astype("<i2").tobytes())
    return video, audio


def long_script(tmp: Path, hours: float) -> Path:
    """The demo script with its segments repeated until the show lasts `hours`."""
    import yaml

    data = yaml.safe_load((ROOT / "resources" / "demo" / "show.yaml").read_text("utf-8"))
    segments = data["segments"]
    from studio.script.model import parse_duration

    total = sum(parse_duration(str(s["duration"])) for s in segments)
    rounds = max(1, math.ceil(hours * 3600 / total))
    out = []
    for r in range(rounds):
        for s in segments:
            copy = dict(s)
            if r:
                copy["id"] = f"{s['id']}_{r + 1}"
                copy["title"] = f"{s['title']} ({r + 1})"
            out.append(copy)
    data["segments"] = out
    data["slot"] = f"{int(rounds * total)}s"
    data["title"] = f"{data['title']} · soak"
    path = tmp / "soak_show.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


# -- store instrumentation ------------------------------------------------------------------------
class WriteTimer:
    """Begin-to-commit time of every transaction that wrote (engine events, all threads)."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.samples: list[float] = []
        self.gui: list[float] = []  # the ones committed on the GUI thread
        self._gui = threading.get_ident()
        self._lock = threading.Lock()

        @event.listens_for(engine, "begin")
        def begin(conn: Any) -> None:
            conn.info["soak_t0"] = time.perf_counter()
            conn.info["soak_write"] = False

        @event.listens_for(engine, "after_cursor_execute")
        def after(conn: Any, _cursor: Any, statement: str, *_a: Any) -> None:
            head = statement.lstrip()[:6].upper()
            if head in ("INSERT", "UPDATE", "DELETE"):
                conn.info["soak_write"] = True

        @event.listens_for(engine, "commit")
        def commit(conn: Any) -> None:
            conn.info["soak_commit"] = True

        # The engine's `commit` event comes before the database commits; the connection goes
        # back to the pool after it, so a write's time runs from its BEGIN to that check-in.
        @event.listens_for(engine.pool, "checkin")
        def checkin(_dbapi: Any, record: Any) -> None:
            info = record.info
            t0 = info.pop("soak_t0", None)
            if t0 is not None and info.pop("soak_write", False) and info.pop("soak_commit", False):
                ms = (time.perf_counter() - t0) * 1000
                with self._lock:
                    self.samples.append(ms)
                    if threading.get_ident() == self._gui:
                        self.gui.append(ms)
            info.pop("soak_commit", None)

    def take(self) -> list[float]:
        with self._lock:
            out, self.samples = self.samples, []
        return out

    def clear(self) -> None:
        with self._lock:
            self.samples, self.gui = [], []

    def take_gui(self) -> list[float]:
        with self._lock:
            out, self.gui = self.gui, []
        return out


def db_size_mb(store: Any, sqlite_path: Path | None) -> float:
    if sqlite_path is not None:
        return sum(
            p.stat().st_size
            for p in (sqlite_path, Path(f"{sqlite_path}-wal"))
            if p.exists()
        ) / 1e6  # fmt: skip
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return (
            float(conn.execute(text("select pg_database_size(current_database())")).scalar()) / 1e6
        )


# -- the soak -----------------------------------------------------------------------------------
class Stalls:
    """A 10 ms precise timer on the GUI thread; its lateness is how long the loop was busy.
    With `why`, a watcher thread notes where the GUI thread is when a tick is 50 ms overdue."""

    def __init__(self, why: bool = False) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.late_ms: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(STALL_TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.why: dict[str, int] = {}
        self._watch = why
        self._stop = threading.Event()
        self._gui = threading.get_ident()
        # With `why`: the GUI thread's own CPU in each long stall (busy or waiting?), the other
        # threads' CPU in those stalls (who held the GIL?), and every garbage collection.
        self._cpu = time.thread_time()
        self._snaps: collections.deque[tuple[float, dict[int, tuple[float, int]]]] = (
            collections.deque(maxlen=50)
        )
        self.stall_cpu: list[tuple[float, float]] = []
        self.seen_names: dict[int, str] = {}
        self.longest: list[
            tuple[float, float, float, dict[int, float], list[str], int, tuple[float, float]]
        ] = []
        self._where: list[str] = []
        self._t0 = time.perf_counter()
        self.stall_others: dict[int, float] = {}
        self.gcs: list[tuple[int, float, bool]] = []
        self._gc_t0 = 0.0
        if why:
            gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_t0 = time.perf_counter()
        else:
            self.gcs.append(
                (info["generation"], (time.perf_counter() - self._gc_t0) * 1000,
                 threading.get_ident() == self._gui)
            )  # fmt: skip

    def start(self) -> None:
        self._last = self._t0 = time.perf_counter()
        self.timer.start()
        if self._watch:
            threading.Thread(target=self._watcher, name="soak-watch", daemon=True).start()

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _watcher(self) -> None:
        import traceback

        while not self._stop.wait(0.02):
            self._snaps.append((time.perf_counter(), thread_stats()))
            for t in threading.enumerate():  # names of threads that may be gone at the end
                if t.native_id is not None:
                    self.seen_names[t.native_id] = t.name
            if time.perf_counter() - self._last < 0.06:
                continue
            # CPython 3.11 can deadlock when sys._current_frames() triggers a collection whose
            # weakref callback lets another thread run while the runtime's thread list is
            # locked (a thread exiting then waits for that lock holding the GIL): no GC here.
            gc.disable()
            try:
                frame = sys._current_frames().get(self._gui)
            finally:
                gc.enable()
            if frame is None:
                continue
            stack = [
                f"{Path(f.filename).name}:{f.lineno}:{f.name}"
                for f in traceback.extract_stack(frame)
                if "site-packages" not in f.filename or "PySide6" in f.filename
            ][-6:]
            key = " > ".join(stack)
            self.why[key] = self.why.get(key, 0) + 1
            self._where.append(" < ".join(reversed(stack[-3:])))

    def _tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, (now - self._last) * 1000 - STALL_TICK_MS)
        self.late_ms.append(late)
        if self._watch:
            cpu = time.thread_time()
            if late > 50:
                self.stall_cpu.append((late, (cpu - self._cpu) * 1000))
                # The watcher's snapshots around the stall: who ran while the GUI waited.
                snaps = list(self._snaps)
                before = [s for t, s in snaps if t <= self._last] or [snaps[0][1]] if snaps else []
                ran: dict[int, float] = {}
                faults = 0  # major page faults: a thread reading code back from disk
                if before:
                    first, last = before[-1], snaps[-1][1]
                    for tid, (c, f) in last.items():
                        c0, f0 = first.get(tid, (c, f))
                        faults += f - f0
                        d = c - c0
                        if d > 0:
                            ran[tid] = d * 1000
                            self.stall_others[tid] = self.stall_others.get(tid, 0.0) + d * 1000
                self.longest.append(
                    (late, now - self._t0, (cpu - self._cpu) * 1000, ran, self._where, faults,
                     (self._last, now))
                )  # fmt: skip
            self._where = []
            self._cpu = cpu
        self._last = time.perf_counter()

    def take(self) -> list[float]:
        out, self.late_ms = self.late_ms, []
        return out


class Follower:
    """The second station: its own process on the same PostgreSQL database. The latency of a
    cue is its receive time there minus the moment this station's runner committed it."""

    def __init__(self, url: str, tmp: Path) -> None:
        from sync_station import Station

        self.station = Station(url, "tech@soak-follower", tmp / "follower", {})
        self.sent: dict[str, float] = {}
        self.latency_ms: list[float] = []
        self.received = 0

    def on_local_change(self, change: Any) -> None:
        if change.table == "cue_event" and not change.remote:
            self.sent[str(change.key)] = time.time()

    def drain(self) -> None:
        with contextlib.suppress(Exception):
            self.station._read(0)
        events, self.station.events = self.station.events, []
        for e in events:
            if e.get("ev") == "change" and e.get("t") == "cue_event":
                self.received += 1
                sent = self.sent.pop(str(e.get("r")), None)
                if sent is not None:
                    self.latency_ms.append((float(e["t_recv"]) - sent) * 1000)

    def close(self) -> None:
        self.drain()
        self.station.quit()


def recorded_speed_of(clock: Callable[[], float]) -> float:
    """How fast `clock` runs against the wall (measured over 50 ms)."""
    a, w = clock(), time.monotonic()
    time.sleep(0.05)
    return (clock() - a) / (time.monotonic() - w)


def run_show(
    label: str,
    studio_app: Any,
    ctx: Any,
    opts: argparse.Namespace,
    writes: WriteTimer,
    size: Callable[[], float],
    sources: tuple[Path | None, Path],
    follower: Follower | None,
    probe: MachineProbe | None = None,
) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    window = studio_app.window
    # Opening a show (at start, or a switch) builds the room after its first paint and then
    # settles it (one full garbage collection after a switch): part of opening the show, done
    # before anyone starts it, so waited for here and reported on its own.
    t_open = time.perf_counter()
    built = {"v": False}
    window.when_built(lambda: built.update(v=True))
    while not built["v"] and time.perf_counter() - t_open < 60:
        app.processEvents()
        time.sleep(0.005)
    print(
        f"  [{label}] room built and settled {time.perf_counter() - t_open:.2f} s after the show "
        "was opened",
        flush=True,
    )
    for key in list(window.panels):  # every panel live, not only the docks shown at start
        window.panels[key]
    video, audio = sources
    checks = window.panels["checks"]
    for card in checks.cards:
        name = type(card).__name__
        if name == "MicCheckCard" and not opts.no_devices:
            card.open_source(str(audio))
        elif name == "CameraCheckCard" and video is not None and not opts.no_devices:
            card.start(str(video))
    if opts.show_checks:  # the checks tab in front: preview and meters painted all show
        window.docks["checks"].raise_()
    # The tech opens the camera and mic in the pre-show checks, well before the show goes live:
    # their start (decoders, filters, first analyses) is not part of the show's first seconds.
    # Their start is measured on its own: the room must stay smooth while a tech opens them.
    pre = Stalls(why=opts.why)
    pre.start()
    # app.exit, not app.quit (Qt 6 closes the windows with it); not a nested QEventLoop either
    # (after the last show's app.quit it returns at once until app.exec runs again).
    QTimer.singleShot(int(PRE_SHOW_DEVICES_S * 1000), lambda: app.exit(0))
    app.exec()
    pre.stop()
    late = pre.take()
    print(
        f"  [{label}] before the show, camera and mic starting ({PRE_SHOW_DEVICES_S:g} s, "
        f"{len(late)} ticks): stalls max {max(late, default=0):.0f} ms, > 50 ms: {sum(x > 50 for x in late)}, "
        f"> 100 ms: {sum(x > 100 for x in late)}",
        flush=True,
    )
    for stall, at, own, ran, where, faults, _ in sorted(pre.longest, key=lambda x: -x[0])[:3]:
        who = ", ".join(
            f"{'GUI' if t == os.getpid() else pre.seen_names.get(t, comm(t))} {ms:.0f}"
            for t, ms in sorted(ran.items(), key=lambda kv: -kv[1])[:4]
        )
        print(
            f"    stall {stall:.0f} ms at {at:.1f} s: GUI CPU {own:.0f} ms, faults {faults}; ran "
            f"{who}; GUI in {' | '.join(dict.fromkeys(where))}"
        )
    shown = [type(c).__name__ for c in checks.cards if not c.visibleRegion().isEmpty()]
    print(f"  [{label}] check cards on screen: {', '.join(shown) or 'none'}", flush=True)
    seen = [
        k for k, p in window.panels.items() if p.isVisible() and not p.visibleRegion().isEmpty()
    ]
    print(f"  [{label}] panels on screen: {', '.join(seen)}", flush=True)
    runner = ctx.runner
    if runner is not None and runner.snapshot().status == "ready":
        runner.start()
    studio_app.start_demo_feed(speed=opts.speed)
    studio_app.start_autopilot()
    show_t0 = ctx.clock()
    span = opts.hours * 3600
    stalls = Stalls(why=opts.why)
    writes.clear()
    hourly: list[dict[str, float]] = []
    incidents = {"n": 0, "next": INCIDENT_EVERY_SHOW_S}
    cpu0, wall0, proc0 = thread_cpu(), time.perf_counter(), os.times()
    figures: dict[str, Any] = {
        "label": label,
        "start": {"rss": rss_mb(), "fds": open_fds(), "threads": thread_count(), "db": size()},
    }
    incidents_panel = window.panels["incidents"]
    done = {"v": False}

    def tick() -> None:
        elapsed = ctx.clock() - show_t0
        if elapsed >= incidents["next"]:
            incidents["next"] += INCIDENT_EVERY_SHOW_S
            incidents["n"] += 1
            incidents_panel.quick_log(CATEGORIES[incidents["n"] % len(CATEGORIES)], severity=3)
        hour = len(hourly) + 1
        if elapsed >= hour * 3600 or (elapsed >= span and len(hourly) < math.ceil(opts.hours)):
            if opts.tracemalloc and not hourly:
                import tracemalloc

                figures["snap"] = tracemalloc.take_snapshot()
            hourly.append(
                {"hour": min(hour, elapsed / 3600), "rss": rss_mb(), "db": size(),
                 "fds": open_fds(), "threads": thread_count(), "load": float(load().split()[0])}
            )  # fmt: skip
            print(
                f"  [{label}] show hour {hourly[-1]['hour']:.2f}: RSS {hourly[-1]['rss']:.1f} MB, "
                f"db {hourly[-1]['db']:.1f} MB, threads {hourly[-1]['threads']}, "
                f"fds {hourly[-1]['fds']} (load {load()})",
                flush=True,
            )
        if follower is not None:
            follower.drain()
        if elapsed >= span:
            done["v"] = True
            app.quit()

    driver = QTimer()
    driver.setInterval(200)
    driver.timeout.connect(tick)
    driver.start()
    stalls.start()
    profile = None
    if opts.profile:  # the GUI thread only: cProfile follows the thread that enables it
        import cProfile

        profile = cProfile.Profile()
        profile.enable()
    app.exec()
    if profile is not None:
        profile.disable()
        profile.dump_stats(f"{opts.profile}.{label.replace(' ', '')}")
        print(f"  [{label}] GUI-thread profile: {opts.profile}.{label.replace(' ', '')}")
    driver.stop()
    stalls.stop()
    wall = time.perf_counter() - wall0
    cpu1, proc1 = thread_cpu(), os.times()
    names = {t.native_id: t.name for t in threading.enumerate()}
    native = {tid: comm(tid) for tid in cpu1 if tid not in names}
    # The show ends as a controller ends it: the feed stops with it.
    if runner is not None and runner.snapshot().status in ("running", "held"):
        runner.end()
    ended = time.perf_counter()
    while time.perf_counter() - ended < 1.0:
        app.processEvents()
        time.sleep(0.01)
    if follower is not None:
        follower.drain()
    gui_tid = os.getpid()
    gui_cpu = cpu1.get(gui_tid, 0.0) - cpu0.get(gui_tid, 0.0)
    total_cpu = (proc1.user + proc1.system) - (proc0.user + proc0.system)
    by_name: dict[str, float] = {}
    for tid, cpu in cpu1.items():
        if tid == gui_tid:
            continue
        py = names.get(tid)
        name = py.split(":")[0].rstrip("0123456789-_") if py else native[tid]
        by_name[name] = by_name.get(name, 0.0) + cpu - cpu0.get(tid, 0.0)
    if opts.tracemalloc and "snap" in figures:
        import tracemalloc

        grown = tracemalloc.take_snapshot().compare_to(figures.pop("snap"), "lineno")
        figures["grown"] = [
            f"{d.size_diff / 1e6:+.2f} MB {d.count_diff:+d} blocks {d.traceback}"
            for d in grown[:15]
        ]
    all_names = {
        **stalls.seen_names,
        **native,
        **{tid: n for tid, n in names.items() if tid is not None},
    }
    others: dict[str, float] = {}
    for tid, ms in stalls.stall_others.items():
        name = "GUI" if tid == os.getpid() else all_names.get(tid, f"gone:{tid}")
        name = name.split(":")[0].rstrip("0123456789-_") or name
        others[name] = others.get(name, 0.0) + ms

    def named(tid: int) -> str:
        return "GUI" if tid == os.getpid() else all_names.get(tid, f"gone:{tid}")

    figures.update(
        longest=[
            (
                late,
                at,
                own,
                sorted(((named(t), ms) for t, ms in ran.items()), key=lambda x: -x[1])[:4],
                where,
                faults,
                0.0 if probe is None else probe.overlaps(*span),
            )
            for late, at, own, ran, where, faults, span in sorted(
                stalls.longest, key=lambda x: -x[0]
            )[:15]
        ],
        machine_late=None
        if probe is None
        else [
            (late, probe.overlaps(*span), faults)
            for late, _, _, _, _, faults, span in stalls.longest
        ],
        why=sorted(stalls.why.items(), key=lambda kv: -kv[1])[:12],
        stall_cpu=list(stalls.stall_cpu),
        stall_others=sorted(others.items(), key=lambda kv: -kv[1])[:10],
        gcs=list(stalls.gcs),
        stalls=stalls.take(),
        writes=writes.take(),
        gui_writes=writes.take_gui(),
        hourly=hourly,
        wall=wall,
        gui_cpu=gui_cpu,
        total_cpu=total_cpu,
        by_name=by_name,
        incidents=incidents["n"],
        end={
            "rss": rss_mb(),
            "fds": open_fds(),
            "threads": thread_count(),
            "db": size(),
            "widgets": len(QApplication.allWidgets()),
            "widget_kinds": collections.Counter(
                type(w).__name__ for w in QApplication.allWidgets()
            ),
            "objects": len(gc.get_objects()),
            "frozen": gc.get_freeze_count(),
            "kinds": object_kinds() if opts.objects else None,
        },
        follower=None
        if follower is None
        else {"latency": list(follower.latency_ms), "received": follower.received},
        completed=done["v"],
    )
    if follower is not None:
        follower.latency_ms.clear()
        follower.received = 0
    return figures


def report(f: dict[str, Any], opts: argparse.Namespace) -> None:
    s = f["stalls"]
    print(f"\n== {f['label']}: {opts.hours:g} show hours at {opts.speed:g}x in {f['wall']:.0f} s "
          f"(load now {load()}) ==")  # fmt: skip
    print(
        f"GUI event-loop stalls (lateness of a {STALL_TICK_MS} ms timer, {len(s)} ticks): "
        f"p50 {pct(s, 50):.1f} ms, p99 {pct(s, 99):.1f} ms, max {max(s, default=0):.1f} ms, "
        f"> 50 ms: {sum(1 for x in s if x > 50)}, > 100 ms: {sum(1 for x in s if x > 100)}"
    )
    wall = f["wall"]
    workers = f["total_cpu"] - f["gui_cpu"]
    print(
        f"CPU share (of one core): GUI thread {f['gui_cpu'] / wall * 100:.1f} %, "
        f"other threads {workers / wall * 100:.1f} %, process {f['total_cpu'] / wall * 100:.1f} %"
    )
    top = sorted(f["by_name"].items(), key=lambda kv: -kv[1])[:8]
    print("  busiest other threads: " + ", ".join(f"{n} {c / wall * 100:.1f} %" for n, c in top))
    hourly = f["hourly"]
    rss = [f["start"]["rss"]] + [h["rss"] for h in hourly] + [f["end"]["rss"]]
    print("RSS MB: start {:.1f} / hours {} / end {:.1f}".format(
        rss[0], " ".join(f"{h['rss']:.1f}" for h in hourly), rss[-1]))  # fmt: skip
    if len(hourly) >= 2:
        span_h = hourly[-1]["hour"] - hourly[0]["hour"]
        growth = (hourly[-1]["rss"] - hourly[0]["rss"]) / span_h if span_h > 0 else float("nan")
        print(f"  growth after the first hour: {growth:+.1f} MB per show hour")
    print(f"  growth start to end: {(rss[-1] - rss[0]) / opts.hours:+.1f} MB per show hour")
    print(
        f"open fds: start {f['start']['fds']}, end {f['end']['fds']}; threads: start "
        f"{f['start']['threads']}, end {f['end']['threads']}; at the end {f['end']['widgets']} "
        f"widgets, {f['end']['objects']} Python objects tracked by the GC"
    )
    db = [f["start"]["db"]] + [h["db"] for h in hourly]
    per_hour = [b - a for a, b in itertools.pairwise(db)]
    print(
        f"database size MB: start {db[0]:.1f}, by hour {' '.join(f'{x:.1f}' for x in db[1:])}; "
        f"added per show hour {' '.join(f'{x:.1f}' for x in per_hour)}"
    )
    w = f["writes"]
    print(
        f"store writes: {len(w)} transactions, p50 {pct(w, 50):.1f} ms, p99 {pct(w, 99):.1f} ms, "
        f"max {max(w, default=0):.1f} ms; incidents logged: {f['incidents']}"
    )
    g = f["gui_writes"]
    print(
        f"  of them on the GUI thread (the runner's cues): {len(g)}, p50 {pct(g, 50):.1f} ms, "
        f"p99 {pct(g, 99):.1f} ms, max {max(g, default=0):.1f} ms"
    )
    if f.get("grown"):
        print("Python allocations grown since the first show hour (tracemalloc):")
        for line in f["grown"]:
            print(f"  {line}")
    if f["stall_cpu"]:
        late = sum(x for x, _ in f["stall_cpu"])
        own = sum(c for _, c in f["stall_cpu"])
        print(
            f"stalls > 50 ms: {len(f['stall_cpu'])}, {late:.0f} ms late in all; the GUI thread's "
            f"own CPU in them {own:.0f} ms ({own / late * 100:.0f} %); CPU of all threads in them: "
            + ", ".join(f"{n} {ms:.0f} ms" for n, ms in f["stall_others"])
        )
    if f.get("machine_late") is not None:
        ml = f["machine_late"]
        print(
            f"  of them, with a second process (sleep-only probe) late too: "
            f"{sum(1 for lt, m, _ in ml if m >= 0.5 * lt)}; with major page faults in this "
            f"process: {sum(1 for _, _, n in ml if n)} ({sum(n for _, _, n in ml)} faults)"
        )
    for late, at, own, ran, where, faults, machine in f.get("longest", []):
        print(
            f"  stall {late:6.0f} ms at {at:5.1f} s: GUI CPU {own:4.0f} ms; "
            f"major faults {faults}; probe late {machine:.0f} ms; ran "
            + ", ".join(f"{n} {ms:.0f}" for n, ms in ran)
            + (f"; GUI in {' | '.join(dict.fromkeys(where))}" if where else "")
        )
    if f["gcs"]:
        for gen in (0, 1, 2):
            d = [ms for g, ms, _ in f["gcs"] if g == gen]
            on_gui = sum(1 for g, _, gui in f["gcs"] if g == gen and gui)
            if d:
                print(f"  GC gen {gen}: {len(d)} runs ({on_gui} on the GUI thread), "
                      f"p50 {pct(d, 50):.1f} ms, max {max(d):.1f} ms, total {sum(d):.0f} ms")  # fmt: skip
    if f["why"]:
        print("where the GUI thread was, 60+ ms into a stall (samples every 20 ms):")
        for key, n in f["why"]:
            print(f"  {n:4d}  {key}")
    fol = f["follower"]
    if fol is not None:
        lat = fol["latency"]
        print(
            f"second station: {fol['received']} cue events received, notification latency "
            f"p50 {pct(lat, 50):.0f} ms, p99 {pct(lat, 99):.0f} ms, max {max(lat, default=0):.0f} ms"
        )


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    from pg_server import create_database, throwaway_server

    with throwaway_server() as server:
        yield create_database(server)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hours", type=float, default=4.0, help="show hours (default 4)")
    ap.add_argument("--speed", type=float, default=60.0, help="show clock speed (default 60x)")
    ap.add_argument("--real-time", action="store_true", help="speed 1 (with --minutes)")
    ap.add_argument("--minutes", type=float, help="show minutes instead of --hours")
    ap.add_argument("--shows", type=int, default=2, help="shows in a row in this process")
    ap.add_argument("--pg", action="store_true", help="PostgreSQL and a second station")
    ap.add_argument("--obs", action="store_true", help="link a real OBS (needs obs and Xvfb)")
    ap.add_argument("--no-devices", action="store_true", help="no camera/mic sources")
    ap.add_argument("--why", action="store_true", help="where the GUI thread was in stalls")
    ap.add_argument("--profile", metavar="FILE", help="cProfile the GUI thread into FILE.showN")
    ap.add_argument(
        "--show-checks",
        action="store_true",
        help="the checks tab in front (camera preview and meters painted; default: behind)",
    )
    ap.add_argument("--trim", action="store_true", help="malloc_trim(0) after each show")
    ap.add_argument(
        "--tracemalloc", action="store_true", help="Python allocations grown after hour 1"
    )
    ap.add_argument(
        "--objects", action="store_true", help="Python objects by type grown across shows"
    )
    opts = ap.parse_args()
    if opts.real_time:
        opts.speed = 1.0
    if opts.minutes is not None:
        opts.hours = opts.minutes / 60
    tmp = Path(tempfile.mkdtemp(prefix="soak-"))
    for key, sub in (("STUDIO_CONFIG_DIR", "config"), ("STUDIO_DATA_DIR", "data"),
                     ("STUDIO_LOG_DIR", "log")):  # fmt: skip
        os.environ[key] = str(tmp / sub)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"soak: {opts.hours:g} show hours x {opts.shows} at {opts.speed:g}x, "
          f"{'PostgreSQL + second station' if opts.pg else 'SQLite'}, load {load()}, "
          f"{os.cpu_count()} cores, platform {os.environ['QT_QPA_PLATFORM']}", flush=True)  # fmt: skip
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(postgres()) if opts.pg else f"sqlite:///{tmp / 'soak.db'}"
        sqlite_path = None if opts.pg else tmp / "soak.db"
        obs = None
        if opts.obs:
            from obs_server import ObsServer, obs_available

            if obs_available():
                obs = ObsServer(tmp / "obs")
                obs.start()
                stack.callback(obs.close)
                from studio.obs import config as obs_config

                obs_config.save("127.0.0.1", obs.port, obs.password)
                print(f"OBS {obs.port} linked", flush=True)
            else:
                print("OBS: not available here, skipped", flush=True)
        return soak(opts, tmp, url, sqlite_path, stack)


def soak(
    opts: argparse.Namespace,
    tmp: Path,
    url: str,
    sqlite_path: Path | None,
    stack: contextlib.ExitStack,
) -> int:
    from studio.demo import demo_clock
    from studio.logsetup import setup_logging
    from studio.profile import Profile
    from studio.script.store_io import create_show_from_script_file
    from studio.store.store import Store
    from studio.ui.common.context import AppContext, StoreSignals
    from studio.ui.shell.app import StudioApp, make_application, station_name
    from studio.ui.shell.i18n import Translations
    from studio.ui.shell.settings import open_settings

    setup_logging(verbose=False)
    from PySide6.QtCore import qInstallMessageHandler

    from studio.ui.shell.app import _qt_message

    qInstallMessageHandler(_qt_message)  # Qt's messages to the log file, as the app does
    if opts.tracemalloc:
        import tracemalloc

        tracemalloc.start(1)
    qapp = make_application()
    settings = open_settings()
    translations = Translations()
    translations.install("zh_CN")
    store = Store.open(url, station=station_name("controller"))
    stack.callback(store.close)
    writes = WriteTimer(store.engine)
    script = long_script(tmp, opts.hours)
    sources = make_sources(tmp)
    follower = Follower(url, tmp) if opts.pg else None
    if follower is not None:
        stack.callback(follower.close)
        store.bus.subscribe(follower.on_local_change)
    ctx = AppContext(
        store=store,
        profile=Profile(),
        settings=settings,
        signals=StoreSignals(store),
        demo=True,
        demo_speed=opts.speed,
    )
    studio_app = StudioApp(ctx, translations, role="controller")
    studio_app.start_encoder_link()
    ctx.show_id = create_show_from_script_file(store, script)
    # Each show's clock recorded on it, as `studio demo` does: a show switch reads it again.
    ctx.clock = demo_clock(store, ctx.show_id, opts.speed)
    studio_app.build()
    runs = []
    last_snap: Any = None
    probe = MachineProbe() if opts.why else None
    if probe is not None:
        stack.callback(probe.close)

    def size() -> float:
        return db_size_mb(store, sqlite_path)

    for n in range(opts.shows):
        if n:
            show_id = create_show_from_script_file(store, script)
            demo_clock(store, show_id, opts.speed)
            studio_app.load_show(show_id)
            if abs(recorded_speed_of(ctx.clock) - opts.speed) > 1:
                raise SystemExit(f"show {n + 1} does not run at {opts.speed:g}x")
        figures = run_show(
            f"show {n + 1}", studio_app, ctx, opts, writes, size, sources, follower, probe
        )
        if opts.trim:
            from studio.ui.shell.native_memory import release_free_memory

            before = rss_mb()
            release_free_memory()
            print(
                f"malloc_trim after show {n + 1}: RSS {before:.1f} -> {rss_mb():.1f} MB "
                f"({rss_parts()})"
            )
        report(figures, opts)
        runs.append(figures)
        if opts.tracemalloc:
            import tracemalloc

            gc.collect()
            snap = tracemalloc.take_snapshot()
            if n:
                print(
                    f"Python allocations grown from the end of show {n} to the end of show {n + 1}:"
                )
                for d in snap.compare_to(last_snap, "lineno")[:12]:
                    print(f"  {d.size_diff / 1e6:+.2f} MB {d.count_diff:+d} blocks {d.traceback}")
            last_snap = snap
    if len(runs) >= 2:
        a, b = runs[0], runs[-1]
        print(
            f"\n== across {len(runs)} shows: RSS end {a['end']['rss']:.1f} -> {b['end']['rss']:.1f} "
            f"MB ({b['end']['rss'] - a['end']['rss']:+.1f}), threads {a['end']['threads']} -> "
            f"{b['end']['threads']}, fds {a['end']['fds']} -> {b['end']['fds']} =="
        )
        print(f"objects frozen out of the collector: {a['end']['frozen']} -> {b['end']['frozen']}")
        if opts.objects:
            grown = b["end"]["kinds"] - a["end"]["kinds"]
            print(
                "Python objects grown: " + ", ".join(f"{k} +{n}" for k, n in grown.most_common(25))
            )
        more = b["end"]["widget_kinds"] - a["end"]["widget_kinds"]
        fewer = a["end"]["widget_kinds"] - b["end"]["widget_kinds"]
        print(
            f"widgets {a['end']['widgets']} -> {b['end']['widgets']}; more: "
            + (", ".join(f"{k} +{n}" for k, n in more.most_common(12)) or "none")
            + "; fewer: "
            + (", ".join(f"{k} -{n}" for k, n in fewer.most_common(12)) or "none")
        )
    studio_app.shutdown()
    qapp.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
