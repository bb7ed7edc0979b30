"""The review panel as a page, at a 1366x768 laptop and a 1920x1080 monitor: the wheel scrolls
the page (the charts zoom only with Ctrl), a visible Reset zoom, no pyqtgraph menu; columns
sized to their contents, nothing clipped; segment names on the chart, viewers from 0; close
incidents as one marker; the traffic, audience and action sections; texts in the UI language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget
from pytestqt.qtbot import QtBot
from review_rich_show import RichShow, make_rich_show

from studio.review.tables import segment_title
from studio.ui.common.context import AppContext
from studio.ui.review.panel import ReviewPanel
from studio.ui.review.sections import TEXT_COLUMN_MAX_PX

SIZES = [(1366, 768), (1920, 1080)]


@pytest.fixture
def rich(app_ctx: AppContext, tmp_path: Path) -> RichShow:
    shown = make_rich_show(app_ctx.store, tmp_path)
    app_ctx.show_id = shown.show_id
    return shown


def _open(app_ctx: AppContext, qtbot: QtBot, size: tuple[int, int]) -> ReviewPanel:
    panel = ReviewPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitUntil(lambda: panel.review is not None, timeout=15000)
    QApplication.processEvents()
    return panel


def _wheel(widget: object, ctrl: bool, delta: int = -240) -> None:
    """A wheel turn over `widget`: negative scrolls down (and zooms out), positive up (in)."""
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("size", SIZES)
def test_wheel_scrolls_the_page_and_ctrl_zooms(
    app_ctx: AppContext, qtbot: QtBot, rich: RichShow, size: tuple[int, int]
) -> None:
    """A wheel turn over the charts scrolls the page and leaves the time axis alone; Ctrl+wheel
    zooms in, within the show; Reset zoom shows the whole show again; pyqtgraph's English
    menu and auto-range button are gone."""
    panel = _open(app_ctx, qtbot, size)
    try:
        timeline = panel.timeline
        bar = panel.page_scroll.verticalScrollBar()
        whole = timeline.online_plot.getViewBox().viewRange()[0]
        assert not timeline.reset_button.isEnabled()
        before = bar.value()
        _wheel(timeline.plot.viewport(), ctrl=False)
        assert bar.value() > before
        assert timeline.online_plot.getViewBox().viewRange()[0] == whole
        _wheel(timeline.plot.viewport(), ctrl=True, delta=240)
        x0, x1 = timeline.online_plot.getViewBox().viewRange()[0]
        assert x1 - x0 < whole[1] - whole[0]
        assert x0 >= whole[0] - 5 and x1 <= whole[1] + 5  # never beyond the show
        assert timeline.reset_button.isEnabled() and timeline.reset_button.isVisible()
        for _ in range(30):  # zooming out as far as it goes stays near the show
            _wheel(timeline.plot.viewport(), ctrl=True, delta=-240)
        x0, x1 = timeline.online_plot.getViewBox().viewRange()[0]
        span = rich.sim.end_ts - rich.sim.start_ts
        assert x0 > -span / 60 * 0.1 and x1 < span / 60 * 1.1
        _wheel(timeline.plot.viewport(), ctrl=True, delta=240)
        qtbot.mouseClick(timeline.reset_button, Qt.MouseButton.LeftButton)
        assert timeline.online_plot.getViewBox().viewRange()[0] == pytest.approx(whole)
        assert not timeline.reset_button.isEnabled()
        for p in (timeline.online_plot, timeline.gmv_plot):
            assert p.getViewBox().menu is None or not p.getViewBox().menuEnabled()
            assert not p.autoBtn.isVisible()
    finally:
        panel.shutdown()


def _clipped_labels(panel: ReviewPanel) -> list[str]:
    out = []
    for label in panel.content.findChildren(QLabel):
        if not label.isVisibleTo(panel) or not label.text():
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                out.append(label.text())
        elif label.width() < label.sizeHint().width():
            out.append(label.text())
    return out


@pytest.mark.parametrize("size", SIZES)
def test_columns_fit_their_contents_and_nothing_is_clipped(
    app_ctx: AppContext, qtbot: QtBot, rich: RichShow, size: tuple[int, int]
) -> None:
    """Every table column is as wide as its contents (long text wraps at a cap) — the last one
    is not stretched, no other squeezed — every table shows all its rows, and no label
    (summary line, notes, headings) is cut off."""
    panel = _open(app_ctx, qtbot, size)
    try:
        assert panel.summary.text() and panel.summary.isVisible()
        tables = [t for t in panel.content.findChildren(QTableWidget) if t.isVisibleTo(panel)]
        assert len(tables) == 9
        for t in tables:
            for c in range(t.columnCount()):
                hint = max(t.sizeHintForColumn(c), t.horizontalHeader().sectionSizeHint(c))
                width = t.columnWidth(c)
                assert width >= min(hint, TEXT_COLUMN_MAX_PX), (t.objectName(), c)
                assert width <= hint + 1, (t.horizontalHeaderItem(c).text(), width, hint)
            rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
            assert t.viewport().height() >= rows
        assert _clipped_labels(panel) == []
    finally:
        panel.shutdown()


@pytest.mark.parametrize("size", SIZES)
def test_chart_names_segments_starts_at_zero_and_clusters_incidents(
    app_ctx: AppContext, qtbot: QtBot, rich: RichShow, size: tuple[int, int]
) -> None:
    """The chart names the segments it has room for, its viewers axis starts at 0 and reaches
    the peak, and three incidents within a minute are one marker "!2–4 ×3" until zoomed in."""
    panel = _open(app_ctx, qtbot, size)
    try:
        review = panel.review
        assert review is not None
        timeline = panel.timeline
        names = timeline.segment_labels()
        assert len(names) == len(review.segments)
        long_ones = [g for g in review.segments if (g.actual_seconds or 0) >= 590]
        assert long_ones
        for g in long_ones:
            assert segment_title(g, "en") in names
        y0, y1 = timeline.online_plot.getViewBox().viewRange()[1]
        assert y0 == 0 and y1 >= (review.headline.peak_online or 0)
        assert timeline.gmv_plot.getViewBox().viewRange()[1][0] == 0
        assert timeline.marker_labels() == ["!1", "!2–4 ×3", "!5", "!6"]
        first = review.incidents.items[1].at.timestamp()
        assert review.start_ts is not None
        centre = (first - review.start_ts) / 60 + 0.4
        timeline.online_plot.setXRange(centre - 1, centre + 1, padding=0)
        QApplication.processEvents()
        assert timeline.marker_labels() == ["!2", "!3", "!4"]
    finally:
        panel.shutdown()


def test_traffic_audience_and_action_sections(
    app_ctx: AppContext, qtbot: QtBot, rich: RichShow
) -> None:
    """The page shows per-segment audience, channels, the traffic and audience charts, actions
    carried from earlier reviews and those decided in this one."""
    panel = _open(app_ctx, qtbot, SIZES[1])
    try:
        review = panel.review
        assert review is not None
        assert panel.segment_audience_table.rowCount() == len(review.segments)
        assert panel.segment_audience_table.item(2, 0).text() == segment_title(
            review.segments[2], "en"
        )
        assert panel.channel_table.rowCount() == len(review.channels) == 6
        charts = [c for c in panel.share_charts if c.isVisibleTo(panel)]
        assert [c.breakdown.key for c in charts if c.breakdown] == [
            b.key for b in (*review.traffic, *review.audience)
        ]
        assert panel.carried_table.rowCount() == len(review.carried) >= 1
        assert panel.action_table.rowCount() == 2
        headings = {k: h.text() for k, (_, h) in panel.sections.items()}
        assert headings["carried"] == "Actions from earlier reviews"
        assert headings["actions"] == "Actions decided in this review"
        notes = " ".join(
            panel.check_table.item(r, 3).text() for r in range(panel.check_table.rowCount())
        )
        assert notes.count("Not checked: OBS is not connected") == 1
    finally:
        panel.shutdown()


def test_chinese_ui_translates_texts_and_controls(
    app_ctx: AppContext, qtbot: QtBot, rich: RichShow
) -> None:
    """In the Chinese UI the automatic incident texts, the check notes and the chart's controls
    are Chinese; what a person typed stays as typed."""
    from studio.ui.shell.i18n import Translations

    Translations().install("zh_CN")
    try:
        panel = _open(app_ctx, qtbot, SIZES[0])
        try:
            texts = [
                panel.incident_table.item(r, 5).text()
                for r in range(panel.incident_table.rowCount())
            ]
            assert not any("Camera picture black" in t for t in texts)
            assert "stream lag" in texts
            notes = " ".join(
                panel.check_table.item(r, 3).text() for r in range(panel.check_table.rowCount())
            )
            assert "Not checked" not in notes and "未检查：OBS 未连接" in notes
            timeline = panel.timeline
            for text in (timeline.reset_button.text(), timeline.hint.text()):
                assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
        finally:
            panel.shutdown()
    finally:
        Translations().install("en")


def test_export_writes_texts_in_the_reports_language(
    app_ctx: AppContext, qtbot: QtBot, rich: RichShow, tmp_path: Path
) -> None:
    """An HTML exported in Chinese from an English UI has the automatic incident texts and the
    check notes in Chinese too."""
    panel = _open(app_ctx, qtbot, SIZES[0])
    try:
        with qtbot.waitSignal(panel.exported, timeout=30000) as done:
            panel.export(str(tmp_path / "r.html"), "zh_CN")
        html = Path(done.args[0]).read_text(encoding="utf-8")
        assert "摄像头画面黑屏" in html and "Camera picture black" not in html
        assert html.count("未检查：OBS 未连接") == 1
    finally:
        panel.shutdown()
