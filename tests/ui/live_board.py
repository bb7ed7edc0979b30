"""A show on the live dashboard for the graph-marker tests: its timeline, simulated samples and
the metrics panel opened on it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from studio.metrics.sources.sim import ShowSimulator
from studio.metrics.writer import write_samples
from studio.store.models import Segment, Show
from studio.timeutil import from_epoch

# (key, title, kind, planned seconds)
Segs = Sequence[tuple[str, str, str, int]]


def set_timeline(s: Session, sid: int, start: float, planned_seconds: int, segs: Segs) -> None:
    """In the caller's transaction: the show started at `start`, planned length, segments."""
    show = s.get(Show, sid)
    assert show is not None
    show.started_at = from_epoch(start)
    show.planned_seconds = planned_seconds
    for i, (key, title, kind, secs) in enumerate(segs):
        s.add(
            Segment(show_id=sid, position=i, key=key, title=title, kind=kind, planned_seconds=secs)
        )


def feed_samples(store: Any, sid: int, segs: Segs, start: float, seconds: int) -> float:
    """The simulator's samples (seed 3) for the show's first `seconds`; returns the last time."""
    sim = ShowSimulator(
        [
            {"key": k, "kind": kind, "planned_seconds": secs, "product_sku": None, "extra": {}}
            for k, _t, kind, secs in segs
        ],
        show_id=sid,
        start_ts=start,
        seed=3,
    )
    rows = []
    while sim.t < seconds:
        rows += sim.step()
    write_samples(store, rows)
    return max(float(r["ts"]) for r in rows)  # type: ignore[arg-type]


def open_board(ctx: Any, qtbot: Any, sid: int) -> Any:
    """The metrics panel on show `sid`, shown at 900 x 1000, once its live board is up."""
    from studio.ui.metrics.panel import MetricsPanel

    ctx.show_id = sid
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(900, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.board, timeout=3000)
    return panel
