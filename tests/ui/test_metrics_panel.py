"""MetricsPanel with a simulated show, through what it shows and signals: empty states, tiles
with the core's figures, graphs, overlays, the stalled-feed alert at demo speed, the feed
button. The rules themselves are tested without Qt in test_metrics_live_rules.py."""

from __future__ import annotations

import time
from typing import Any

import pyqtgraph as pg
import pytest
from clock import FakeClock

from studio.metrics import alerts, fmt, queries
from studio.metrics.live_figures import live_figures
from studio.metrics.series import SeriesCache
from studio.metrics.sources.sim import ShowSimulator
from studio.metrics.writer import write_samples
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
def clock() -> FakeClock:
    """The show's clock, moved by the test."""
    return FakeClock(T0)


def _show(store: Any, status: str | None = None) -> int:
    sid = create_show(store, "demo", gmv_target_cents=5_000_000)
    with store.transaction() as s:
        show = s.get(Show, sid)
        show.started_at = from_epoch(T0)
        show.planned_seconds = 720
        if status is not None:
            show.status = status
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


class Feed:
    """The show simulator writing its samples into the store, up to a show second."""

    def __init__(self, store: Any, sid: int) -> None:
        self.store = store
        self.sim = ShowSimulator(
            [
                {"key": k, "kind": kind, "planned_seconds": secs, "product_sku": sku, "extra": e}
                for k, _t, kind, secs, sku, e in SEGS
            ],
            show_id=sid,
            start_ts=T0,
            seed=5,
        )

    def run_to(self, second: int) -> float:
        """Write the samples up to `second`; returns the newest sample's time."""
        rows = []
        while self.sim.t < second:
            rows += self.sim.step()
        write_samples(self.store, rows)
        return max(float(r["ts"]) for r in rows)  # type: ignore[arg-type]


def _stamp(ts: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(ts))


def test_empty_states(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """No show says 'Load a show'; a show without samples offers to start the feed."""
    from studio.ui.metrics.panel import MetricsPanel

    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.stack.currentWidget() is panel.empty
    assert (panel.empty_title.text(), panel.empty_button.text()) == (
        "No show loaded",
        "Load a show",
    )
    panel.set_show(_show(ctx.store))
    assert panel.stack.currentWidget() is panel.empty
    # The show is read on the panel's worker: its empty state once it is in.
    qtbot.waitUntil(lambda: panel.empty_button.text() == "Start the metrics feed", timeout=3000)
    assert panel.stack.currentWidget() is panel.empty and panel.empty_button.isVisibleTo(panel)
    panel.shutdown()


def test_dashboard_mid_show(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """Mid-show the tiles show the core's figures, the graphs hold the series, segments and
    the incident are drawn, new samples repaint via the change signal, the readout and the
    whole-show view work."""
    from studio.ui.metrics.graphs import PLOT_METRICS
    from studio.ui.metrics.panel import MetricsPanel

    sid = _show(ctx.store)
    feed = Feed(ctx.store, sid)
    newest = feed.run_to(500)
    clock.t = newest + 1
    ctx.show_id = sid
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1000, 900)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.board, timeout=3000)

    cache = SeriesCache(sid, PLOT_METRICS)
    queries.refresh_series(ctx.store, cache)
    f = live_figures(cache, queries.load_timing(ctx.store, sid), newest)
    k = f.kpis
    assert panel.t_gmv.value.text() == fmt.money_cents(f.totals["gmv_cents"])
    assert panel.t_gmv.value.text().startswith("¥") and "," in panel.t_gmv.value.text()
    assert panel.t_gmv.sub.text() == (
        f"{fmt.pct(k.gmv_target_pct)} of target · pace {fmt.money_yuan(k.gmv_pace_yuan, 0)}"
    )
    assert panel.t_online.sub.text() == f"peak {fmt.count(k.online_peak)}"
    assert panel.t_ctr.value.text() == fmt.rate(k.ctr) and fmt.rate(k.ctr).endswith("%")
    assert panel.t_aov.value.text() == fmt.money_yuan(k.aov_yuan)
    assert panel.status.text() == f"Updated {_stamp(newest)}"

    x, y = panel.graphs.curve_online.getData()
    assert len(x) == 500 and y[-1] > 0
    bands = [i for p, i in panel.overlays.items if isinstance(i, pg.BarGraphItem) and p.isVisible()]
    # Four graphs: no stream-health graph, this show has no OBS samples.
    assert len(bands) == 4 and all(len(b.opts["x0"]) == len(SEGS) for b in bands)
    assert any(isinstance(i, pg.InfiniteLine) for _p, i in panel.overlays.items)

    before = x[-1]
    newest = feed.run_to(560)
    clock.t = newest + 1
    qtbot.waitUntil(lambda: panel.graphs.curve_online.getData()[0][-1] > before, timeout=3000)
    assert panel.status.text() == f"Updated {_stamp(newest)}"
    text = panel.show_readout(T0 + 300)
    assert "Online viewers: " in text and "GMV: ¥" in text and "Orders: " in text
    panel.set_whole_show(True)
    lo, hi = panel.plots["online"].vb.viewRange()[0]
    assert lo <= T0 + 1 and hi >= T0 + 720
    panel.shutdown()


def _is(key: str, active: bool) -> Any:
    return lambda k, a, _m: (k, a) == (key, active)


def test_stalled_feed_follows_the_show_clock_at_demo_speed(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """On a 60x demo clock a live feed 45 show-seconds behind is not stalled (the hidden
    panel reads it and clears the alert); once the gap passes limit + slack the alert is
    raised, and a lagging feed's "Updated" says how old its data is; an old show that is not
    on air raises nothing."""
    from studio.ui.metrics.panel import MetricsPanel

    ctx.demo_speed = 60.0
    sid = _show(ctx.store, status="live")
    feed = Feed(ctx.store, sid)
    newest = feed.run_to(60)
    clock.t = newest + 45
    ctx.show_id = sid
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)  # hidden: nothing is painted, the alerts still run
    with qtbot.waitSignal(panel.conditionChanged, check_params_cb=_is(alerts.FEED_STALLED, True)):
        clock.t = newest + 30 + 88.5 + 1  # the limit + 1.5 real s at 60x, then a second
    assert "Metrics feed stalled: no sample for 120 s" in panel.alert_label.text()

    with qtbot.waitSignal(panel.conditionChanged, check_params_cb=_is(alerts.FEED_STALLED, False)):
        newest = feed.run_to(240)
        clock.t = newest + 45
    assert "Metrics feed stalled" not in panel.alert_label.text()

    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.status.text() == f"Updated {_stamp(newest)}", timeout=3000)

    with qtbot.waitSignal(panel.conditionChanged, check_params_cb=_is(alerts.FEED_STALLED, True)):
        newest = feed.run_to(300)
        clock.t = newest + 150  # samples keep coming, 150 show-s late
    assert panel.status.text() == f"Updated {_stamp(newest)} (61 s ago)"
    panel.shutdown()

    ended = _show(ctx.store)  # not on air: reviewing its samples later raises nothing
    Feed(ctx.store, ended).run_to(60)
    clock.t = T0 + 3600
    ctx.demo_speed = 1.0
    old = MetricsPanel(ctx)
    qtbot.addWidget(old)
    got: list[tuple[str, bool]] = []
    old.conditionChanged.connect(lambda k, a, _m: got.append((k, a)))
    old.set_show(ended)
    qtbot.waitUntil(lambda: old.cache is not None, timeout=3000)  # read on the worker
    old.set_whole_show(False)  # a refresh and an alert check, as the timer does
    assert (alerts.FEED_STALLED, True) not in got
    assert "ago" not in old.status.text() and "stalled" not in old.alert_label.text()
    old.shutdown()


def test_feed_button_starts_and_stops_the_panels_own_feed(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """ "Start the metrics feed" starts a feed the panel owns (published as ctx.metrics_feed),
    its samples bring up the dashboard, and shutdown stops it and withdraws it."""
    from studio.ui.metrics.panel import MetricsPanel
    from studio.ui.metrics.qt_feed import MetricsFeed

    ctx.show_id = _show(ctx.store)
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.empty_button.text() == "Start the metrics feed", timeout=3000)
    panel.empty_button.click()
    feed = ctx.metrics_feed
    assert isinstance(feed, MetricsFeed) and feed.running
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.board, timeout=10_000)
    panel.shutdown()
    assert ctx.metrics_feed is None and not feed.running


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


def test_alert_messages_keep_their_english_and_read_in_chinese(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
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
        sid = _show(ctx.store, status="live")
        clock.t = Feed(ctx.store, sid).run_to(60) + 45
        ctx.show_id = sid
        panel = MetricsPanel(ctx)
        qtbot.addWidget(panel)
        qtbot.waitUntil(
            lambda: "数据流中断：已 45 秒没有新数据" in panel.alert_label.text(), timeout=3000
        )
        panel.shutdown()
    finally:
        translations.install("en")
