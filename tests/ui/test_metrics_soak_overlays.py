"""The Live metrics panel during a show costs the GUI thread no database read and no needless
redraw (issue 23, the show-day soak): the overlays keep every layer whose marks did not change,
a product's stock count re-reads nothing, and new samples, incidents and product changes are
read on the panel's worker and drawn when they arrive."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Collection
from dataclasses import replace
from typing import Any

import pytest
from clock import FakeClock
from live_board import feed_samples, open_board, set_timeline
from sqlalchemy import event

from studio.incidents.log import quick_log
from studio.planning.catalog import update_show_product
from studio.products.changes import change_price
from studio.store.models import Product, Show
from studio.store.shows import create_show
from studio.timeutil import from_epoch

T0 = 1_794_000_000.0
SEGS = [
    ("open", "开场", "opening", 600),
    ("p1", "讲解", "product", 1800),
    ("close", "收尾", "closing", 600),
]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def _show(store: Any) -> int:
    """A 50-minute show with one product (link 3), one incident and 15 minutes of samples."""
    sid = create_show(store, "soak")
    with store.transaction() as s:
        set_timeline(s, sid, T0, 3000, SEGS)
        s.add(
            Product(
                show_id=sid, position=0, sku="LIP-1", name="口红", link=3, state="listed",
                list_price_cents=15_900, live_price_cents=15_900, stock=500,
            )
        )  # fmt: skip
    quick_log(store, sid, "technical", text="音画不同步", at=from_epoch(T0 + 200))
    feed_samples(store, sid, SEGS, T0, 900)
    return sid


def _panel(ctx: Any, qtbot: Any, clock: FakeClock) -> Any:
    sid = _show(ctx.store)
    clock.t = T0 + 901
    return open_board(ctx, qtbot, sid)


def _scene_items(panel: Any) -> set[int]:
    return {id(i) for i in panel.glw.scene().items()}


def test_an_unchanged_reload_creates_no_graphics_item(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """Reading every overlay layer again and drawing it with nothing changed keeps every item
    on the graphs (no item removed, none added)."""
    from studio.ui.metrics.panel import ALL_LAYERS, read_overlays

    panel = _panel(ctx, qtbot, clock)
    assert panel.overlays.groups and panel.overlays._segment_labels
    panel._update_view()  # markers grouped for the graph's settled width
    before_items = [id(i) for _p, i in panel.overlays.items]
    before_scene = _scene_items(panel)
    panel._apply_overlays(read_overlays(ctx.store, panel.show_id, ALL_LAYERS))
    panel._update_view()
    assert [id(i) for _p, i in panel.overlays.items] == before_items
    assert _scene_items(panel) == before_scene
    panel.shutdown()


def test_segments_at_new_times_move_in_place(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """The same segments with a moved boundary (a cue taken early) move their bands, edges and
    labels without making new items."""
    panel = _panel(ctx, qtbot, clock)
    spans = list(panel.overlays._spans)
    before = [id(i) for _p, i in panel.overlays.items]
    moved = [
        spans[0],
        replace(spans[1], end=spans[1].end - 60),
        replace(spans[2], start=spans[2].start - 60),
    ]
    panel.overlays.load_segments(moved, panel.overlays._fg)
    assert [id(i) for _p, i in panel.overlays.items] == before
    band = next(i for _p, i in panel.overlays.items if i.objectName() == "segment-bands")
    assert list(band.opts["x1"]) == [sp.end for sp in moved]
    edges = next(
        xs for c, xs in panel.overlays._vlines["gmv"] if xs == [sp.start for sp in moved[1:]]
    )
    assert edges == [moved[1].start, moved[2].start]
    assert [sp for _t, sp in panel.overlays._segment_labels] == moved
    panel.shutdown()


def _record_layers(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """Every overlay read the panel makes from now on, as the layers it asked for."""
    import studio.ui.metrics.panel as panel_module

    asked: list[frozenset[str]] = []
    real = panel_module.read_overlays

    def recording(store: Any, show_id: int, layers: Collection[str]) -> Any:
        asked.append(frozenset(layers))
        return real(store, show_id, layers)

    monkeypatch.setattr(panel_module, "read_overlays", recording)
    return asked


def test_a_stock_count_rereads_no_overlay_and_an_incident_only_its_layer(
    ctx, qtbot, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A product's stock count changing (its own row, no product change) reads no overlay; a
    new incident reads and redraws the incidents alone: the segment bands and labels stay."""
    panel = _panel(ctx, qtbot, clock)
    asked = _record_layers(monkeypatch)
    segments = [id(i) for _p, i in panel.overlays._segment_items]
    update_show_product(ctx.store, panel.show_id, "LIP-1", stock=420)
    quick_log(ctx.store, panel.show_id, "anchor", text="口误", at=from_epoch(T0 + 600))
    qtbot.waitUntil(lambda: len(panel.overlays._marks) == 2, timeout=3000)
    assert asked and all(layers == {"incidents"} for layers in asked)
    assert [id(i) for _p, i in panel.overlays._segment_items] == segments
    panel.shutdown()


def test_a_price_change_is_read_as_product_marks(ctx, qtbot, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A price change (a product change with its event row) re-reads the product marks only
    and draws its marker."""
    panel = _panel(ctx, qtbot, clock)
    asked = _record_layers(monkeypatch)
    change_price(ctx.store, panel.show_id, "LIP-1", 14_900, clock=lambda: T0 + 850)
    qtbot.waitUntil(lambda: len(panel.overlays.product_groups) == 1, timeout=3000)
    assert asked and all(layers == {"products"} for layers in asked)
    panel.shutdown()


def test_no_database_read_on_the_gui_thread_during_the_show(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """New samples, an incident and a product change are read by the panel off the GUI thread:
    no SQL statement runs on the GUI thread from the metrics panel's code while it keeps the
    board up to date."""
    panel = _panel(ctx, qtbot, clock)
    sid = panel.show_id
    gui = threading.main_thread()
    on_gui: list[str] = []
    off_gui: list[str] = []

    def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if threading.current_thread() is not gui:
            off_gui.append(sql)
            return
        stack = "".join(traceback.format_stack())
        if "studio/ui/metrics/" in stack:
            on_gui.append(sql)

    event.listen(ctx.store.engine, "before_cursor_execute", statement)
    try:
        before = panel.graphs.curve_online.getData()[0][-1]
        clock.t = feed_samples(ctx.store, sid, SEGS, T0, 960) + 1
        quick_log(ctx.store, sid, "other", text="卡顿", at=from_epoch(T0 + 930))
        change_price(ctx.store, sid, "LIP-1", 13_900, clock=lambda: T0 + 940)
        qtbot.waitUntil(lambda: panel.graphs.curve_online.getData()[0][-1] > before, timeout=3000)
        qtbot.waitUntil(lambda: len(panel.overlays._marks) == 2, timeout=3000)
        qtbot.waitUntil(lambda: len(panel.overlays._products) == 1, timeout=3000)
        for _ in range(3):
            panel._tick()
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", statement)
    assert off_gui, "the panel's reads ran on its worker"
    assert on_gui == []
    panel.shutdown()


def test_a_read_for_the_previous_show_is_dropped(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """Rows read for a show the panel has since left are not merged into the new show's
    cache, and overlays read for it are not drawn."""
    from studio.metrics import queries
    from studio.ui.metrics.panel import ALL_LAYERS, read_overlays

    panel = _panel(ctx, qtbot, clock)
    old_gen, old_cache = panel._gen, panel.cache
    stale_rows = queries.read_series(ctx.store, old_cache, T0)
    stale_marks = read_overlays(ctx.store, panel.show_id, ALL_LAYERS)
    other = create_show(ctx.store, "next")
    panel.set_show(other)
    qtbot.waitUntil(lambda: panel.cache is not None, timeout=3000)
    assert panel.cache is not old_cache
    panel._on_series(old_gen, stale_rows)
    panel._on_overlays(old_gen, stale_marks)
    assert panel.cache is not None and panel.cache.last_ts() is None
    assert panel.overlays.items == [] and panel.overlays.groups == []
    panel.shutdown()


def test_a_new_incident_adds_its_marker_and_keeps_the_others(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """An incident far from the others adds one marker; the markers already drawn and the
    incident lines on the other graphs are the same items as before."""
    panel = _panel(ctx, qtbot, clock)
    panel._update_view()  # markers grouped for the graph's settled width
    assert len(panel.overlays.groups) == 1
    markers = [id(i) for _p, i in panel.overlays._incident_items]
    lines = [id(i) for _p, i in panel.overlays._incident_plot_items]
    quick_log(ctx.store, panel.show_id, "anchor", text="口误", at=from_epoch(T0 + 800))
    qtbot.waitUntil(lambda: len(panel.overlays.groups) == 2, timeout=3000)
    now = [id(i) for _p, i in panel.overlays._incident_items]
    assert now[:2] == markers and len(now) == 4
    assert [id(i) for _p, i in panel.overlays._incident_plot_items] == lines
    assert [x for _t, x in panel.overlays._incident_labels] == [T0 + 200, T0 + 800]
    panel.shutdown()


def test_opening_a_show_reads_it_on_the_worker(ctx, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """Switching to a show with samples runs no SQL on the GUI thread: the page is blank
    until the show's samples and overlays arrive, then the board shows them; a show id that
    does not exist ends as "No show loaded"."""
    from studio.ui.metrics.panel import MetricsPanel

    sid = _show(ctx.store)
    clock.t = T0 + 901
    panel = MetricsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(900, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    gui = threading.main_thread()
    on_gui: list[str] = []

    def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if threading.current_thread() is gui:
            on_gui.append(sql)

    event.listen(ctx.store.engine, "before_cursor_execute", statement)
    try:
        panel.set_show(sid)
        assert panel.stack.currentWidget() is panel.empty and panel.empty_title.text() == ""
        qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.board, timeout=3000)
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", statement)
    assert on_gui == []
    assert len(panel.graphs.curve_online.getData()[0]) > 0 and panel.overlays.groups
    panel.set_show(sid + 1000)
    qtbot.waitUntil(lambda: panel.show_id is None, timeout=3000)
    assert panel.empty_title.text() == "No show loaded"
    panel.shutdown()


def test_a_show_whose_start_moved_gets_a_new_cache_filled_off_the_gui_thread(
    ctx, qtbot, clock
) -> None:  # type: ignore[no-untyped-def]
    """A show started at another time needs a cache made with its new window: it is filled
    on the worker (no SQL on the GUI thread) and holds the same samples."""
    panel = _panel(ctx, qtbot, clock)
    sid, old = panel.show_id, panel.cache
    gui = threading.main_thread()
    on_gui: list[str] = []

    def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if threading.current_thread() is gui and "studio/ui/metrics/" in "".join(
            traceback.format_stack()
        ):
            on_gui.append(sql)

    with ctx.store.transaction() as s:
        show = s.get(Show, sid)
        show.started_at = from_epoch(T0 - 600)
        change = ctx.store.record_change(s, "show", sid, sid)
    event.listen(ctx.store.engine, "before_cursor_execute", statement)
    try:
        ctx.store.publish(change)
        qtbot.waitUntil(lambda: panel.cache is not old, timeout=3000)
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", statement)
    assert on_gui == []
    assert panel.timing.start_ts == T0 - 600
    assert panel.cache.get("online_viewers")[0].tolist() == old.get("online_viewers")[0].tolist()
    panel.shutdown()
