"""The insights page over stored shows: the core's tables for the chosen period (weekday x start
hour grid, products with each one's history, segment kinds, anchors), read on a worker thread,
an empty state for a period without shows, and nothing clipped at 1366x768 or 1920x1080."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget
from pytestqt.qtbot import QtBot
from review_rich_show import DEMO, T0, make_rich_show
from simulated_show import simulate_show

from studio.planning.crew import add_crew
from studio.review import insights_load, insights_tables
from studio.review.tables import Table
from studio.script.store_io import create_show_from_script_file
from studio.ui.common.context import AppContext
from studio.ui.insights.panel import InsightsPanel

SECOND = T0 + 8 * 86400 + 2 * 3600  # a week and a day later, two hours later in the day


def _day(ts: float) -> QDate:
    d = datetime.fromtimestamp(ts).astimezone()
    return QDate(d.year, d.month, d.day)


@pytest.fixture
def two_shows(app_ctx: AppContext, tmp_path: Path) -> tuple[int, int]:
    first = make_rich_show(app_ctx.store, tmp_path).show_id
    second = create_show_from_script_file(app_ctx.store, DEMO)
    add_crew(app_ctx.store, second, "anchor", "阿杰")
    simulate_show(app_ctx.store, second, SECOND, seed=5, step_seconds=10)
    return first, second


def _open(app_ctx: AppContext, qtbot: QtBot, size: tuple[int, int]) -> InsightsPanel:
    panel = InsightsPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    panel.set_period(_day(T0 - 86400), _day(SECOND + 86400))
    _settle(qtbot, panel)
    return panel


def _settle(qtbot: QtBot, panel: InsightsPanel) -> None:
    qtbot.waitUntil(lambda: not panel.loading and panel.status.text() == "", timeout=15000)
    QApplication.processEvents()


def _cells(widget: QTableWidget) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(widget.item(r, c).text() for c in range(widget.columnCount()))
        for r in range(widget.rowCount())
    )


def _same(widget: QTableWidget, t: Table) -> None:
    assert _cells(widget) == t.rows
    headers = tuple(widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount()))
    assert headers == t.headers


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_page_shows_the_cores_insights(
    app_ctx: AppContext, qtbot: QtBot, two_shows: tuple[int, int], size: tuple[int, int]
) -> None:
    """Over both shows the page shows exactly the core's tables; the weekday x hour grid shades
    the better-paying slot; a product's history lists its shows; no label is cut off."""
    panel = _open(app_ctx, qtbot, size)
    try:
        ins = panel.insights
        assert ins is not None and ins.shows == 2
        since = datetime.fromtimestamp(T0 - 86400).astimezone().replace(hour=0, minute=0, second=0)
        until = (
            datetime.fromtimestamp(SECOND + 2 * 86400)
            .astimezone()
            .replace(hour=0, minute=0, second=0, microsecond=0)
        )
        expected = insights_load.load_insights(app_ctx.store, since, until)
        assert expected.shows == 2
        _same(panel.slot_table, insights_tables.slots(expected, "en"))
        _same(panel.product_table, insights_tables.products(expected, "en"))
        _same(panel.kind_table, insights_tables.kinds(expected, "en"))
        _same(panel.anchor_table, insights_tables.anchors(expected, "en"))
        grid = insights_tables.slot_grid(expected, "en")
        _same(panel.grid_table, grid.table)
        assert len(grid.table.rows) == 2 and len(grid.table.headers) == 3  # 2 days x 2 hours
        shaded = [
            panel.grid_table.item(r, c).background().color().name()
            for r, row in enumerate(grid.heat)
            for c, share in enumerate(row, start=1)
            if share is not None
        ]
        assert len(set(shaded)) == 2  # the two slots pay differently and look different
        assert {a.name for a in expected.anchors} == {"小美", "阿杰"}
        assert panel.history_rows() == 2  # the first product was in both shows
        panel.product_table.selectRow(3)
        sku = expected.products[3].sku
        assert panel.history_label.text().startswith(sku)
        assert (
            _cells(panel.history_table) == insights_tables.product_history(expected, sku, "en").rows
        )
        for label in panel.content.findChildren(QLabel):
            if label.isVisibleTo(panel) and label.text() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
    finally:
        panel.shutdown()


def test_period_filters_shows_and_says_when_there_are_none(
    app_ctx: AppContext, qtbot: QtBot, two_shows: tuple[int, int]
) -> None:
    """A period holding only the first show counts one show; a period without shows shows the
    empty state instead of empty tables."""
    panel = _open(app_ctx, qtbot, (1366, 768))
    try:
        panel.set_period(_day(T0), _day(T0 + 86400))
        _settle(qtbot, panel)
        assert panel.insights is not None and panel.insights.shows == 1
        assert panel.stack.currentIndex() == 1
        assert panel.summary.text().startswith("Shows: 1 ·")
        panel.set_period(_day(T0 - 40 * 86400), _day(T0 - 30 * 86400))
        _settle(qtbot, panel)
        assert panel.insights is not None and panel.insights.shows == 0
        assert panel.stack.currentIndex() == 0
    finally:
        panel.shutdown()


def test_insights_are_read_on_a_worker(
    app_ctx: AppContext, qtbot: QtBot, two_shows: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store is read on the panel's worker thread, never on the GUI thread."""
    threads: list[str] = []
    real = insights_load.load_insights

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(insights_load, "load_insights", spy)
    panel = _open(app_ctx, qtbot, (1366, 768))
    try:
        assert threads and threading.main_thread().name not in threads
        assert set(threads) == {"insights-jobs"}
    finally:
        panel.shutdown()


def test_whole_period_defaults_and_is_remembered(
    app_ctx: AppContext, qtbot: QtBot, two_shows: tuple[int, int]
) -> None:
    """ "All shows" reads every show whatever its date, and the period chosen is remembered."""
    panel = InsightsPanel(app_ctx)
    qtbot.addWidget(panel)
    try:
        panel.preset.setCurrentIndex(panel.preset.findData("all"))
        _settle(qtbot, panel)
        assert panel.insights is not None and panel.insights.shows == 3
    finally:
        panel.shutdown()
    again = InsightsPanel(app_ctx)
    qtbot.addWidget(again)
    try:
        assert again.preset.currentData() == "all"
        _settle(qtbot, again)
        assert again.insights is not None and again.insights.shows == 3
    finally:
        again.shutdown()
