"""The Live metrics graphs keep their size while alerts come and go during a show (issue 23:
each resize of the graph area re-laid every graph, ~50 ms on the GUI thread), and an alert's
text is never cut off, in English or in Chinese."""

from __future__ import annotations

from typing import Any

import pytest
from clock import FakeClock
from live_board import feed_samples, open_board, set_timeline
from PySide6.QtWidgets import QApplication

from studio.store.shows import create_show

T0 = 1_794_000_000.0
SEGS = [("open", "开场", "opening", 600), ("p1", "讲解", "product", 2400)]
ALERTS = {
    "en": [
        "Online viewers fell 22% in 2 minutes (3,931 → 3,052)",
        "Total viewers projected 48,094, only 60% of the traffic target 80,000",
        "GMV pace ¥12,345 is 41% of target ¥50,000",
    ],
    "zh": [
        "在线人数 2 分钟内下降 22%（3,931 → 3,052）",
        "累计观看人数预计 48,094，仅为流量目标 80,000 的 60%",
        "GMV 节奏 ¥12,345，仅为目标 ¥50,000 的 41%",
    ],
}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _set_alerts(panel: Any, texts: list[str]) -> None:
    """The alert rules' state as the monitor reports it: these conditions active."""
    panel.alerts.active.clear()
    panel.alerts.active.update({f"rule-{i}": t for i, t in enumerate(texts)})
    panel._on_condition("rule-0", bool(texts), texts[0] if texts else "")
    _settle()


def _whole(panel: Any) -> bool:
    label = panel.alert_label
    return label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_alerts_coming_and_going_leave_the_graphs_their_size(ctx, qtbot, clock, lang) -> None:  # type: ignore[no-untyped-def]
    """One alert, two, none, one again: the graph area keeps its size and every alert text
    is shown whole (the alert line has room for two lines from the start)."""
    sid = create_show(ctx.store, "layout")
    with ctx.store.transaction() as s:
        set_timeline(s, sid, T0, 3000, SEGS)
    clock.t = feed_samples(ctx.store, sid, SEGS, T0, 600) + 1
    panel = open_board(ctx, qtbot, sid)
    panel._update_view()
    _settle()
    size = panel.glw.size()
    texts = ALERTS[lang]
    for shown in ([texts[0]], texts[:2], [], [texts[1]], []):
        _set_alerts(panel, shown)
        assert panel.glw.size() == size, shown
        assert _whole(panel), shown
    panel.shutdown()


def test_more_alerts_than_two_lines_grow_the_line_once(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """Alerts that need more than two lines get the room (nothing cut off); once they clear,
    the room stays, so the graphs are not resized back and forth."""
    sid = create_show(ctx.store, "layout")
    with ctx.store.transaction() as s:
        set_timeline(s, sid, T0, 3000, SEGS)
    clock.t = feed_samples(ctx.store, sid, SEGS, T0, 600) + 1
    panel = open_board(ctx, qtbot, sid)
    panel.resize(480, 1000)
    _settle()
    _set_alerts(panel, ALERTS["en"] + ALERTS["zh"])
    assert _whole(panel)
    size = panel.glw.size()
    _set_alerts(panel, [])
    assert panel.glw.size() == size
    _set_alerts(panel, ALERTS["zh"][:1])
    assert panel.glw.size() == size and _whole(panel)
    panel.shutdown()


@pytest.mark.parametrize("big", [False, True])
def test_a_tile_keeps_its_height_when_its_first_numbers_come(qtbot, big) -> None:  # type: ignore[no-untyped-def]
    """An empty KPI tile is as tall as one showing a value and a Chinese or English line
    under it, so the first sample does not re-lay the panel (nor resize the graphs)."""
    from studio.ui.metrics.kpi_tile import KpiTile

    tile = KpiTile("成交额 GMV", big=big)
    qtbot.addWidget(tile)
    tile.show()
    empty = tile.sizeHint().height()
    for value, sub in (("¥1,234,567.00", "目标的 41% · 节奏 ¥12,345"), ("¥9.00", "41% of target")):
        tile.set_value(value, sub, "warn")
        assert tile.sizeHint().height() == empty
        assert tile.sub.height() >= tile.sub.sizeHint().height()


def test_a_reserved_tile_keeps_its_width_and_still_fits_longer_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A tile reserved for its usual figures keeps its least width when they come (the panel
    is not widened, its graphs not resized); a longer text still widens it (never cut)."""
    from studio.ui.metrics.kpi_tile import KpiTile

    tile = KpiTile("成交额", big=True)
    qtbot.addWidget(tile)
    tile.reserve("¥8,888,888.88", "目标的 188.8% · 节奏 ¥8,888,888")
    tile.show()
    least = tile.minimumSizeHint().width()
    tile.set_value("¥1,234,567.00", "目标的 41.0% · 节奏 ¥2,345,678", "good")
    assert tile.minimumSizeHint().width() == least
    long_sub = "目标的 41.0% · 节奏 ¥2,345,678 · 还有很长很长的一段说明文字"
    tile.set_value("¥1,234,567.00", long_sub)
    assert tile.minimumSizeHint().width() >= tile.sub.fontMetrics().horizontalAdvance(long_sub)
