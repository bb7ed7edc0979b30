"""The Live metrics graphs read as a person needs them (issue 15 items 8 and 11, issue 21's traffic
tile): close incidents are one marker with a count and no labels overlap, markers name the
category in the UI language, the GMV graph has the target-pace line and a legend and is scaled
to it (not to the full-show target), the CTR/CVR chart has a legend, the GMV axis reads 万 / k,
and the traffic tile shows total viewers against the traffic target with its pace."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from clock import FakeClock
from live_board import feed_samples, open_board, set_timeline

from studio.incidents.log import quick_log
from studio.metrics import alerts, fmt, queries
from studio.metrics.live_figures import live_figures, target_line
from studio.metrics.series import SeriesCache
from studio.planning.targets import set_targets
from studio.store.models import Incident
from studio.store.shows import create_show
from studio.timeutil import from_epoch

T0 = 1_794_000_000.0
SEGS = [
    ("open", "开场", "opening", 600),
    ("p1", "精华讲解", "product", 1800),
    ("close", "收尾", "closing", 1200),
]
# Three incidents 10 s apart (one smear at any usual zoom), and one on its own.
INCIDENTS = [
    (T0 + 300, "technical", 2, "音画不同步"),
    (T0 + 310, "product", 1, "链接错误"),
    (T0 + 320, "anchor", 3, None),
    (T0 + 700, "technical", 2, "直播卡顿"),
]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def _show(store: Any) -> int:
    """A 1-hour show with a ¥500,000 GMV target and an 80,000-viewer traffic target."""
    sid = create_show(store, "graphs", gmv_target_cents=50_000_000)
    set_targets(store, sid, traffic_target=80_000)
    with store.transaction() as s:
        set_timeline(s, sid, T0, 3600, SEGS)
        for at, cat, sev, text in INCIDENTS:
            s.add(Incident(show_id=sid, at=from_epoch(at), category=cat, severity=sev, text=text))
    return sid


def _panel(ctx: Any, qtbot: Any, clock: FakeClock, seconds: int = 900) -> Any:
    sid = _show(ctx.store)
    clock.t = feed_samples(ctx.store, sid, SEGS, T0, seconds) + 1
    return open_board(ctx, qtbot, sid)


def _visible_incident_labels(panel: Any) -> list[Any]:
    return [t for t, _x in panel.overlays._incident_labels if t.isVisible()]


def test_close_incidents_are_one_marker_with_a_count(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """Three incidents 10 s apart are one marker "⚠ S1 · 3 incidents" (the worst severity),
    its tooltip lists all three; the lone one keeps its own marker; no two labels overlap, and
    the other graphs draw one line per marker."""
    panel = _panel(ctx, qtbot, clock)
    groups = panel.overlays.groups
    assert [(g.at, len(g.marks)) for g in groups] == [(T0 + 300, 3), (T0 + 700, 1)]
    labels = _visible_incident_labels(panel)
    assert sorted(t.text() for t in labels) == ["⚠ S1 · 3 incidents", "⚠ S2 Technical"]
    tip = next(t for t in labels if "3 incidents" in t.text()).toolTip().splitlines()
    assert len(tip) == 3 and "S1 Product — 链接错误" in tip[1] and tip[2].endswith("S3 Anchor")
    for a, b in itertools.combinations(labels, 2):
        assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect())
    gmv_lines = [c for c, xs in panel.overlays._vlines["gmv"] if xs == [T0 + 300, T0 + 700]]
    assert len(gmv_lines) == 1 and len(gmv_lines[0].getData()[0]) == 4  # 2 markers x 2 points
    # The whole show on the same width: regrouped for the new scale, still no overlap.
    panel.set_whole_show(True)
    assert panel.plots["online"].vb.viewRange()[0][1] >= T0 + 3600
    labels = _visible_incident_labels(panel)
    for a, b in itertools.combinations(labels, 2):
        assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect())
    panel.shutdown()


def test_a_marker_by_the_newest_sample_keeps_its_label_on_the_graph(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """An incident logged seconds before the newest sample has its label moved left to end
    inside the graph (it was cut off at the right edge), clear of the previous label."""
    panel = _panel(ctx, qtbot, clock)
    newest = panel.cache.last_ts(("online_viewers",))
    quick_log(ctx.store, panel.show_id, "other", text="刚刚", at=from_epoch(newest - 2))
    qtbot.waitUntil(lambda: len(panel.overlays.groups) == 3, timeout=3000)
    view = panel.plots["online"].vb.sceneBoundingRect()
    labels = _visible_incident_labels(panel)
    assert len(labels) == 3
    for label in labels:
        assert view.contains(label.sceneBoundingRect()), label.text()
    for a, b in itertools.combinations(labels, 2):
        assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect())
    panel.shutdown()


def test_markers_name_the_category_in_chinese(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """In Chinese a marker reads "⚠ S2 技术", not the stored key "technical"."""
    from studio.ui.shell.i18n import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        panel = _panel(ctx, qtbot, clock)
        texts = sorted(t.text() for t in _visible_incident_labels(panel))
        assert texts == ["⚠ S1 · 3 起事故", "⚠ S2 技术"]
        assert panel.t_viewers.caption.text() == "累计观看人数"
        assert "technical" not in " ".join(texts)
        panel.shutdown()
    finally:
        translations.install("en")


def test_gmv_graph_has_the_target_pace_line_and_is_scaled_to_it(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """15 minutes into a show with a ¥500,000 target the GMV graph draws where GMV should be
    (¥0 at the start to the target at the planned end) and its y range ends near that line and
    the GMV, not at the full target; the whole-show view takes the target in; the GMV and the
    CTR/CVR charts carry a legend of their lines."""
    panel = _panel(ctx, qtbot, clock)
    timing = queries.load_timing(ctx.store, panel.show_id)
    x, y = panel.graphs.curve_target_pace.getData()
    assert list(x) == [T0, T0 + 3600] and list(y) == [0.0, 500_000.0]
    top = panel.graphs.y_ranges["gmv"][1]
    x1 = panel.plots["online"].vb.viewRange()[0][1]
    line = target_line(timing)
    assert line is not None
    assert line.top_before(x1) <= top < 500_000 * 0.5
    gmv_title = panel.plots["gmv"].titleLabel.text
    for word in ("GMV", "target pace", "projection", "target"):
        assert word in gmv_title
    rates_title = panel.plots["rates"].titleLabel.text
    assert "product CTR" in rates_title and "click-to-buy rate" in rates_title
    panel.set_whole_show(True)
    assert panel.graphs.y_ranges["gmv"][1] >= 500_000
    panel.shutdown()


def test_gmv_axis_reads_wan_or_k(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """The GMV and viewers axes print 万 in Chinese and k in English, never a bare 7-digit
    number; labels shown on the GMV axis are distinct."""
    from studio.ui.shell.i18n import Translations

    panel = _panel(ctx, qtbot, clock)
    axis = panel.plots["gmv"].getAxis("left")
    assert axis.tickStrings([0.0, 100_000.0, 200_000.0], 1.0, 100_000.0) == ["0", "100k", "200k"]
    translations = Translations()
    translations.install("zh_CN")
    try:
        assert axis.tickStrings([0.0, 1e6, 2e6], 1.0, 1e6) == ["0", "100万", "200万"]
    finally:
        translations.install("en")
    panel.shutdown()


def test_traffic_tile_shows_viewers_against_the_target(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """The traffic tile shows total viewers, the share of the 80,000 target and the pace from
    the core's one function, toned by the pace like GMV's; the viewers-pace alert hears the
    target."""
    panel = _panel(ctx, qtbot, clock)
    timing = queries.load_timing(ctx.store, panel.show_id)
    assert timing.traffic_target == 80_000
    cache = SeriesCache(panel.show_id, ("viewers_total", "online_viewers", "gmv_cents"))
    queries.refresh_series(ctx.store, cache)
    last = panel.cache.last_ts(("online_viewers",))
    t = live_figures(cache, timing, last).traffic
    assert panel.t_viewers.value.text() == fmt.count(t.viewers)
    assert panel.t_viewers.sub.text() == (
        f"{fmt.pct(t.target_pct)} of 80,000 · pace {fmt.count(t.projected)}"
    )
    pct = t.projected_pct
    assert pct is not None
    assert panel.t_viewers._tone == ("good" if pct >= 100 else "warn" if pct >= 80 else "bad")
    panel._evaluate_alerts()
    assert t.projected is not None and t.projected < 0.8 * 80_000  # this show is behind
    assert alerts.TRAFFIC_PACE in panel.alerts.active
    assert "of traffic target 80,000" in panel.alert_label.text()
    panel.shutdown()
