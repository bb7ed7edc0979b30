"""Stream health (OBS's stream_* samples) on the Live metrics dashboard, beside viewers and GMV."""

from __future__ import annotations

import math
import random
from typing import Any

from PySide6.QtCore import QPointF, QSettings

from studio.metrics.names import METRICS, REAL, STREAM_NAMES, label
from studio.metrics.sources.sim import ShowSimulator
from studio.metrics.writer import write_samples
from studio.obs.health import STREAM_METRICS
from studio.profile import Profile
from studio.store.models import Incident, Segment, Show
from studio.store.shows import create_show
from studio.timeutil import from_epoch

T0 = 1_794_000_000.0
SHOW_S = 720
DIP = (380.0, 470.0)  # the congestion: bitrate falls, frames drop, viewers leave
SEGS = [
    ("open", "开场", "opening", 120, None, {}),
    ("p1", "精华讲解", "product", 300, "S1", {}),
    (
        "flash",
        "秒杀",
        "flash_sale",
        180,
        "S2",
        {"flash_sale": {"quantity": 200, "price_cents": 4900}},
    ),
    ("close", "收尾", "closing", 120, None, {}),
]


def make_show(store: Any) -> int:
    sid = create_show(store, "stream demo", gmv_target_cents=5_000_000)
    with store.transaction() as s:
        show = s.get(Show, sid)
        show.started_at = from_epoch(T0)
        show.planned_seconds = SHOW_S
        for i, (key, title, kind, secs, sku, extra) in enumerate(SEGS):
            s.add(
                Segment(
                    show_id=sid,
                    position=i,
                    key=key,
                    title=title,
                    kind=kind,
                    planned_seconds=secs,
                    product_sku=sku,
                    extra=extra,
                )
            )
        s.add(
            Incident(
                show_id=sid,
                at=from_epoch(T0 + DIP[0] + 20),
                category="technical",
                severity=3,
                text="推流拥塞，丢帧",
            )
        )
    return sid


def _dip(t: float) -> float:
    """0 outside the congestion, rising to 1 in its middle."""
    if not DIP[0] <= t <= DIP[1]:
        return 0.0
    return math.sin(math.pi * (t - DIP[0]) / (DIP[1] - DIP[0]))


def sales_rows(sid: int, seconds: int) -> list[dict[str, Any]]:
    """The simulator's platform samples; viewers leave during the congestion (and some
    come back after it)."""
    sim = ShowSimulator(
        [
            {"key": k, "kind": kind, "planned_seconds": secs, "product_sku": sku, "extra": extra}
            for k, _t, kind, secs, sku, extra in SEGS
        ],
        show_id=sid,
        start_ts=T0,
        seed=5,
    )
    rows: list[dict[str, Any]] = []
    while sim.t < seconds:
        rows += sim.step()
    for row in rows:
        if row["metric"] == "online_viewers" and row["sku"] == "":
            t = row["ts"] - T0
            lost = 0.35 * (_dip(t) if t <= (DIP[0] + DIP[1]) / 2 else 1.0 - 0.5 * _recovery(t))
            row["value"] = int(row["value"] * (1.0 - lost))
    return rows


def _recovery(t: float) -> float:
    """0 at the congestion's worst, 1 some minutes after it."""
    mid = (DIP[0] + DIP[1]) / 2
    return min(1.0, max(0.0, (t - mid) / 240.0))


def stream_rows(sid: int, seconds: int, every: float = 2.0) -> list[dict[str, Any]]:
    """OBS poller-like samples from simulated counters: ~6 Mbit/s at 30 fps; in the dip the
    bitrate falls, congestion rises and the network drops frames (the percentages are OBS's,
    since the stream started, so they fall back slowly afterwards)."""
    rng = random.Random(7)
    rows: list[dict[str, Any]] = []
    frames = dropped = skipped = 0.0
    t = 0.0
    while t < seconds:
        d = _dip(t)
        frames += 30 * every
        dropped += 30 * every * (0.0004 + 0.3 * d * d)
        skipped += 30 * every * (0.0005 + 0.004 * d)
        values = {
            "stream_bitrate_kbps": 6000 * (1 - 0.6 * d) + rng.gauss(0, 120),
            "stream_congestion_pct": 100 * 0.7 * d,
            "stream_dropped_pct": 100 * dropped / frames,
            "stream_skipped_pct": 100 * skipped / frames,
            "stream_fps": 30 - 2 * d,
        }
        for metric, value in values.items():
            rows.append(
                {
                    "show_id": sid,
                    "source": "obs",
                    "metric": metric,
                    "sku": "",
                    "ts": T0 + t,
                    "value": None,
                    "value_real": round(max(0.0, value), 4),
                }
            )
        t += every
    return rows


def _ctx(store: Any, tmp_path: Any) -> Any:
    from studio.ui.common.context import AppContext, StoreSignals

    return AppContext(
        store=store,
        profile=Profile({}),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        signals=StoreSignals(store),
        clock=lambda: T0 + SHOW_S,
    )


def test_stream_metrics_are_known_real_gauges_with_both_labels() -> None:
    """Every stream_* metric the OBS link writes is a known, non-cumulative real metric with
    its English label from the one table and a Chinese label."""
    assert set(STREAM_METRICS) == set(STREAM_NAMES)
    for name in STREAM_NAMES:
        info = METRICS[name]
        assert name in REAL and not info.cumulative and not info.money
        assert label(name, "en") == STREAM_METRICS[name]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in label(name, "zh"))


def test_stream_graph_shares_the_time_axis(store, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With stream samples the stream-health row shows bitrate and frame losses over the same
    x range (and pixel columns) as the viewers graph, with the segments and the incident."""
    from studio.ui.metrics.panel import MetricsPanel

    sid = make_show(store)
    write_samples(store, sales_rows(sid, SHOW_S - 60))
    write_samples(store, stream_rows(sid, SHOW_S - 60))
    ctx = _ctx(store, tmp_path)
    ctx.show_id = sid
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.board, timeout=3000)
    panel.set_whole_show(True)
    stream, online = panel.plots["stream"], panel.plots["online"]
    assert stream.isVisible()
    assert stream.vb.viewRange()[0] == online.vb.viewRange()[0]
    assert panel.stream_pct_vb.viewRange()[0] == online.vb.viewRange()[0]
    # The same second sits at the same pixel column on both graphs.
    for side in ("left", "right"):
        a = getattr(stream.vb.sceneBoundingRect(), side)()
        b = getattr(online.vb.sceneBoundingRect(), side)()
        assert abs(a - b) < 1
    for at in (T0 + 100, T0 + 600):
        xs = stream.vb.mapViewToScene(QPointF(at, 0)).x()
        xo = online.vb.mapViewToScene(QPointF(at, 0)).x()
        assert abs(xs - xo) < 1
    bx, by = panel.stream_curves["stream_bitrate_kbps"].getData()
    assert len(bx) and by.max() > 5.5 and by.min() < 3.5  # Mbit/s, with the dip
    dx, dy = panel.stream_curves["stream_dropped_pct"].getData()
    worst = float(dx[int(dy.argmax())])
    assert DIP[0] < worst - T0 < DIP[1] + 120 and dy.max() > 1.0
    top = panel.stream_pct_vb.viewRange()[1][1]
    assert dy.max() <= top  # the percentages fit their own (right) axis
    assert stream.vb.viewRange()[1][1] >= by.max()
    bands = [
        i for p, i in panel.overlay_items if p is stream and type(i).__name__ == "BarGraphItem"
    ]
    assert len(bands) == 1 and len(bands[0].opts["x0"]) == len(SEGS)
    text = panel.show_readout(T0 + (DIP[0] + DIP[1]) / 2)
    assert "Mbit/s" in text and "Dropped" in text
    panel.grab().save(str(tmp_path / "stream.png"))
    panel.shutdown()
    ctx.signals.close()


def test_stream_row_hidden_without_stream_samples(store, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A show without OBS shows no stream graph; it appears once stream samples arrive."""
    from studio.ui.metrics.panel import MetricsPanel

    sid = make_show(store)
    write_samples(store, sales_rows(sid, 300))
    ctx = _ctx(store, tmp_path)
    ctx.show_id = sid
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 900)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.board, timeout=3000)
    assert len(panel.curve_online.getData()[0]) > 0
    assert not panel.plots["stream"].isVisible()
    # The row takes no room: the GMV graph ends where the orders graph begins.
    gap = panel.plots["orders"].geometry().top() - panel.plots["gmv"].geometry().bottom()
    assert gap < 10
    assert "Mbit/s" not in panel.show_readout(T0 + 100)
    write_samples(store, stream_rows(sid, 300))
    qtbot.waitUntil(lambda: panel.plots["stream"].isVisible(), timeout=3000)
    assert len(panel.stream_curves["stream_bitrate_kbps"].getData()[0]) > 0
    panel.shutdown()
    ctx.signals.close()
