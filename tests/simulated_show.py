"""A whole show played headless: the runner through every segment on an injected clock, the
simulator's samples over the same span, a few incidents. For the review's tests, its benchmark
and a demo report; nothing here waits for real time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from studio.incidents.log import quick_log, update
from studio.metrics.sources.sim import ShowSimulator, SimSegment, load_show
from studio.metrics.writer import write_samples
from studio.runner.events import LiveRunner
from studio.runner.state import Plan
from studio.script.store_io import load_script
from studio.store.store import Store
from studio.timeutil import from_epoch

WRITE_BATCH = 20_000


@dataclass
class FakeClock:
    t: float

    def __call__(self) -> float:
        return self.t


@dataclass(frozen=True)
class SimulatedShow:
    show_id: int
    start_ts: float
    end_ts: float
    durations: tuple[int, ...]
    incident_ids: tuple[int, ...]
    samples: int


def actual_durations(planned: Sequence[int], seed: int) -> list[int]:
    """Planned durations give or take up to 20 %, as a real show drifts."""
    rng = np.random.default_rng(seed)
    return [max(30, round(p * float(rng.uniform(0.8, 1.2)))) for p in planned]


def simulate_show(
    store: Store,
    show_id: int,
    start_ts: float,
    *,
    seed: int = 7,
    step_seconds: int = 5,
    stretch: float = 1.0,
    incidents: bool = True,
) -> SimulatedShow:
    """Run the stored show from `start_ts`; `stretch` scales every segment (e.g. 2.0 turns the
    2-hour demo into a 4-hour show)."""
    plan = Plan.from_script(load_script(store, show_id))
    planned = [round(s.planned_seconds * stretch) for s in plan.segments]
    durations = actual_durations(planned, seed)
    clock = FakeClock(start_ts)
    runner = LiveRunner(store, show_id, plan, clock)
    runner.act("start")
    bounds = [start_ts]
    for i, d in enumerate(durations):
        clock.t += d
        bounds.append(clock.t)
        if i + 1 < len(durations):
            runner.act("jump", i + 1)
    runner.act("end")
    end_ts = clock.t

    segs, prices, _ = load_show(store, show_id)
    by_key = {s.key: s for s in segs}
    sim_segments = [
        SimSegment(
            key=sp.key,
            kind=sp.kind,
            planned_seconds=d,
            product_sku=sp.product,
            extra=dict(by_key[sp.key].extra) if sp.key in by_key else {},
            title=sp.title,
        )
        for sp, d in zip(plan.segments, durations, strict=True)
    ]
    sim = ShowSimulator(
        sim_segments,
        show_id=show_id,
        start_ts=start_ts,
        seed=seed,
        prices=prices,
        step_seconds=step_seconds,
    )
    batch: list[dict[str, object]] = []
    samples = 0
    for rows in sim.run_all():
        batch.extend(rows)
        if len(batch) >= WRITE_BATCH:
            samples += len(batch)
            write_samples(store, batch)  # type: ignore[arg-type]
            batch = []
    if batch:
        samples += len(batch)
        write_samples(store, batch)  # type: ignore[arg-type]

    ids: list[int] = []
    if incidents and len(plan.segments) >= 3:
        specs = [
            (0.2, "technical", 2, "stream lag", 95.0, "resolved"),
            (0.45, "product", 2, "wrong price on the link", 240.0, "resolved"),
            (0.7, "anchor", 3, "missed cue", None, "open"),
        ]
        for frac, cat, sev, text, ttr, status in specs:
            at = start_ts + (end_ts - start_ts) * frac
            seg = plan.segments[int(np.searchsorted(bounds, at, side="right")) - 1]
            iid = quick_log(
                store, show_id, cat, severity=sev, text=text, at=from_epoch(at), segment_key=seg.key
            )
            assert iid is not None  # a simulated show writes to a local database, never queued
            if ttr is not None:
                update(store, iid, status=status, at=from_epoch(at + ttr))
            ids.append(iid)
    return SimulatedShow(show_id, start_ts, end_ts, tuple(durations), tuple(ids), samples)
