"""The Review panel offscreen: empty state without data; tiles, tables and a background
export of a simulated show."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from simulated_show import simulate_show

from studio.script.store_io import create_show_from_script_file
from studio.store.shows import create_show
from studio.ui.common.context import AppContext
from studio.ui.review.panel import ReviewPanel

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "show.yaml"


def test_review_panel_empty_state(app_ctx: AppContext, qtbot: QtBot) -> None:
    """A show with no data shows the empty state and disables nothing it should not."""
    app_ctx.show_id = create_show(app_ctx.store, "还没开播")
    panel = ReviewPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.show()  # a hidden review waits to be shown
    try:
        qtbot.waitUntil(lambda: panel.review is not None, timeout=5000)
        assert panel.stack.currentIndex() == 0
    finally:
        panel.shutdown()


def test_review_panel_fills_and_exports(app_ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    """The simulated show fills tiles and per-segment/per-product tables; Export writes the
    HTML and the PDF in the worker and reports the path."""
    store = app_ctx.store
    sid = create_show_from_script_file(store, DEMO)
    simulate_show(store, sid, 1_797_000_000.0, step_seconds=10)
    app_ctx.show_id = sid
    panel = ReviewPanel(app_ctx)
    qtbot.addWidget(panel)
    panel.show()  # a hidden review waits to be shown
    try:
        qtbot.waitUntil(lambda: panel.review is not None, timeout=10000)
        assert panel.stack.currentIndex() == 1
        review = panel.review
        assert panel.segment_table.rowCount() == len(review.segments) == 17
        assert panel.product_table.rowCount() == 8
        assert panel.tile_widgets[0].value.text() == f"¥{review.headline.gmv_cents / 100:,.2f}"
        assert panel.incident_table.rowCount() == 3
        for name in ("r.html", "r.pdf"):
            with qtbot.waitSignal(panel.exported, timeout=30000) as done:
                panel.export(str(tmp_path / name), "zh_CN")
            assert Path(done.args[0]).stat().st_size > 1000
        assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
        assert panel.pdf_button.isEnabled()
    finally:
        panel.shutdown()
