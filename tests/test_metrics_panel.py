"""MetricsPanel with a simulated show: empty states, tiles, graphs, overlays, alerts, feed."""

from __future__ import annotations

import time

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings

from studio.metrics import alerts
from studio.metrics.sources.sim import ShowSimulator
from studio.metrics.writer import write_rows
from studio.profile import Profile
from studio.store.models import Incident, Segment, Show
from studio.store.shows import create_show
from studio.timeutil import from_epoch

T0 = 1_794_000_000.0
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


@pytest.fixture
def ctx(store, tmp_path, qtbot):  # type: ignore[no-untyped-def]
    from studio.ui.common.context import AppContext, StoreSignals

    now = [T0]
    signals = StoreSignals(store)
    c = AppContext(
        store=store,
        profile=Profile({}),
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        signals=signals,
        clock=lambda: now[0],
    )
    c.services["now"] = now
    yield c
    signals.close()


def _show(store) -> int:  # type: ignore[no-untyped-def]
    sid = create_show(store, "demo", gmv_target_cents=5_000_000)
    with store.transaction() as s:
        show = s.get(Show, sid)
        show.started_at = from_epoch(T0)
        show.planned_seconds = 720
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
                at=from_epoch(T0 + 200),
                category="technical",
                severity=2,
                text="音画不同步",
            )
        )
    return sid


def _simulate(store, sid: int, seconds: int) -> None:  # type: ignore[no-untyped-def]
    sim = ShowSimulator(
        [
            {"key": k, "kind": kind, "planned_seconds": secs, "product_sku": sku, "extra": extra}
            for k, _t, kind, secs, sku, extra in SEGS
        ],
        show_id=sid,
        start_ts=T0,
        seed=5,
    )
    rows = []
    while sim.t < seconds:
        rows += sim.step()
    write_rows(store, rows)


def test_empty_states(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """No show says 'Load a show'; a show without samples offers to start the feed."""
    from studio.ui.metrics.panel import MetricsPanel

    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty_button.text() == "Load a show"
    panel.set_show(_show(ctx.store))
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty_button.text() == "Start the metrics feed"
    panel.shutdown()


def test_dashboard_mid_show(ctx, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Mid-show the tiles show formatted KPIs, graphs hold the series, segments and the
    incident are drawn, and new samples repaint via the change signal."""
    from studio.ui.metrics.panel import MetricsPanel

    sid = _show(ctx.store)
    _simulate(ctx.store, sid, 500)
    ctx.show_id = sid
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 900)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.stack.currentWidget() is panel.board
    gmv_text = panel.t_gmv.value.text()
    assert gmv_text.startswith("¥") and "," in gmv_text and gmv_text.endswith(".00") is not None
    assert "% of target" in panel.t_gmv.sub.text()
    assert panel.t_ctr.value.text().endswith("%")
    assert "peak" in panel.t_online.sub.text()
    x, y = panel.curve_online.getData()
    assert len(x) == 500 and y[-1] > 0
    bands = [
        i for p, i in panel.overlay_items if type(i).__name__ == "BarGraphItem" and p.isVisible()
    ]
    assert (
        len(bands) == 4
    )  # no stream-health graph: this show has no OBS samples and all(len(b.opts["x0"]) == len(SEGS) for b in bands)
    assert any(isinstance(i, pg.InfiniteLine) for _p, i in panel.overlay_items)
    before = panel.curve_online.getData()[0][-1]
    _simulate_more = ShowSimulator  # keep a name for readability below
    rows = []
    sim = _simulate_more(
        [
            {"key": k, "kind": kind, "planned_seconds": secs, "product_sku": sku, "extra": extra}
            for k, _t, kind, secs, sku, extra in SEGS
        ],
        show_id=sid,
        start_ts=T0,
        seed=5,
    )
    while sim.t < 560:
        batch = sim.step()
        if sim.t > 500:
            rows += batch
    write_rows(ctx.store, rows)
    qtbot.waitUntil(lambda: panel.curve_online.getData()[0][-1] > before, timeout=3000)
    text = panel.show_readout(T0 + 300)
    assert "Online viewers" in text and "¥" in text
    panel.set_whole_show(True)
    lo, hi = panel.plots["online"].vb.viewRange()[0]
    assert lo <= T0 + 1 and hi >= T0 + 720
    panel.grab().save(str(tmp_path / "metrics.png"))
    panel.shutdown()


def test_alert_conditions_are_emitted(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A stalled feed raises the condition through the panel signal, and clears on new data."""
    from studio.ui.metrics.panel import MetricsPanel

    sid = _show(ctx.store)
    _simulate(ctx.store, sid, 60)
    ctx.show_id = sid
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    got: list[tuple[str, bool, str]] = []
    panel.conditionChanged.connect(lambda k, a, m: got.append((k, a, m)))
    ctx.services["now"][0] = time.time()
    panel._last_arrival = ctx.services["now"][0] - 45
    panel._tick()
    assert (alerts.FEED_STALLED, True) in [(k, a) for k, a, _m in got]
    assert "Metrics feed stalled: no sample for 45 s" in panel.alert_label.text()
    panel._last_arrival = ctx.services["now"][0]
    panel._tick()
    assert got[-1][:2] == (alerts.FEED_STALLED, False)
    panel.shutdown()


@pytest.mark.slow
def test_metrics_feed_runs_and_stops(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Qt feed runs the simulator + writer in the background and stops cleanly."""
    from studio.ui.metrics.qt_feed import MetricsFeed

    sid = _show(ctx.store)
    feed = MetricsFeed(ctx.store, clock=lambda: T0)
    feed.start(sid, speed=200.0)
    qtbot.waitUntil(
        lambda: feed.writer is not None and feed.writer.stats.inserted > 100, timeout=10_000
    )
    assert feed.running
    feed.shutdown()
    assert not feed.running


def test_stalled_feed_follows_the_show_clock_at_demo_speed(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a 60x demo clock, samples that keep arriving (a sample's time a few show-seconds
    behind the clock, as the pipeline's real latency allows) never read as stalled, even
    while the panel is hidden; once they stop, the alert is raised and "Updated" says how
    old the data is; an old show that is not on air never raises it."""
    from studio.ui.metrics.panel import MetricsPanel

    now = ctx.services["now"]
    ctx.demo_speed = 60.0
    sid = _show(ctx.store)
    with ctx.store.transaction() as s:
        s.get(Show, sid).status = "live"
    _simulate(ctx.store, sid, 60)
    ctx.show_id = sid
    now[0] = T0 + 60
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    raised: list[tuple[str, bool]] = []
    panel.conditionChanged.connect(lambda k, a, _m: raised.append((k, a)))
    sim = ShowSimulator(
        [
            {"key": k, "kind": kind, "planned_seconds": secs, "product_sku": sku, "extra": extra}
            for k, _t, kind, secs, sku, extra in SEGS
        ],
        show_id=sid,
        start_ts=T0,
        seed=5,
    )
    while sim.t < 60:
        sim.step()
    for second in range(60, 240, 12):  # hidden panel; a batch every 0.2 real s = 12 show s
        rows = []
        while sim.t < second + 12:
            rows += sim.step()
        write_rows(ctx.store, rows)
        now[0] = T0 + second + 12 + 45  # 45 show-s of pipeline lag: under a second of real time
        assert panel._unread  # the change signal came; the hidden panel reads on its tick
        panel._tick()
        assert not panel._unread
    assert (alerts.FEED_STALLED, True) not in raised
    newest = panel.cache.last_ts()
    assert newest is not None and newest >= T0 + 239 and panel._last_arrival == newest
    now[0] = newest + 30 + panel._slack() + 1  # then nothing more arrives
    panel._tick()
    assert (alerts.FEED_STALLED, True) in raised
    panel.show()
    qtbot.waitExposed(panel)
    panel._dirty = True
    panel._tick()
    assert "s ago)" in panel.status.text()
    panel.shutdown()

    ended = _show(ctx.store)  # not on air: reviewing its samples later raises nothing
    _simulate(ctx.store, ended, 60)
    now[0] = T0 + 3600
    ctx.demo_speed = 1.0
    old = MetricsPanel(ctx)
    qtbot.addWidget(old)
    got: list[tuple[str, bool]] = []
    old.conditionChanged.connect(lambda k, a, _m: got.append((k, a)))
    old.set_show(ended)
    old._tick()
    assert old._last_arrival is None and (alerts.FEED_STALLED, True) not in got
    old.shutdown()


def test_alert_messages_keep_their_english_and_read_in_chinese(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The alert rules write the same English as before from marked templates; the banner
    (and any reader of the text) shows it in Chinese with the same figures."""
    import numpy as np

    from studio.ui.common.texts import condition_text
    from studio.ui.metrics.panel import MetricsPanel
    from studio.ui.shell.i18n import Translations

    got: dict[str, str] = {}
    monitor = alerts.AlertMonitor(alerts.DEFAULTS, lambda k, a, m: got.__setitem__(k, m))
    ts = np.arange(0.0, 121.0, 10.0)
    online = np.linspace(1000.0, 700.0, len(ts))
    monitor.evaluate(
        alerts.Facts(
            now=200.0,
            last_sample_ts=155.0,
            online_ts=ts,
            online=online,
            gmv_cents=1_000_000,
            pace_cents=2_309_300,
            target_cents=5_000_000,
            elapsed_s=300.0,
            planned_s=720,
        )
    )
    assert got == {
        alerts.FEED_STALLED: "Metrics feed stalled: no sample for 45 s",
        alerts.VIEWERS_DROP: "Online viewers dropped 30% in 2 min (1,000 → 700)",
        alerts.GMV_PACE: "GMV pace ¥23,093 is 46% of target ¥50,000",
    }
    translations = Translations()
    translations.install("zh_CN")
    try:
        zh = {k: condition_text(k, m) for k, m in got.items()}
        assert zh == {
            alerts.FEED_STALLED: "数据流中断：已 45 秒没有新数据",
            alerts.VIEWERS_DROP: "在线人数 2 分钟内下降 30%（1,000 → 700）",
            alerts.GMV_PACE: "GMV 进度 ¥23,093，仅为目标 ¥50,000 的 46%",
        }
        sid = _show(ctx.store)
        _simulate(ctx.store, sid, 60)
        ctx.show_id = sid
        panel = MetricsPanel(ctx)
        qtbot.addWidget(panel)
        ctx.services["now"][0] = time.time()
        panel._last_arrival = ctx.services["now"][0] - 45
        panel._tick()
        assert "数据流中断：已 45 秒没有新数据" in panel.alert_label.text()
        panel.shutdown()
    finally:
        translations.install("en")
