"""Manual metrics entry: typed console figures land as samples; bad input is named, not saved."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from studio.store.models import MetricSample
from studio.store.shows import create_show
from studio.ui.common.context import AppContext
from studio.ui.metrics.manual_entry import ManualEntryDialog


def samples(ctx: AppContext) -> dict[str, int | None]:
    with ctx.store.session() as s:
        return {m.metric: m.value for m in s.scalars(select(MetricSample))}


def test_typed_figures_are_stored_in_storage_units(app_ctx: AppContext, qtbot: QtBot) -> None:
    """Yuan become cents, counts stay counts, empty fields are skipped."""
    app_ctx.show_id = create_show(app_ctx.store, "测试场")
    dialog = ManualEntryDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.edits["gmv_cents"].setText("¥12,345.60")
    dialog.edits["orders"].setText("87")
    dialog.edits["online_viewers"].setText("1,530")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    assert samples(app_ctx) == {"gmv_cents": 1_234_560, "orders": 87, "online_viewers": 1530}


def test_a_bad_number_is_named_and_nothing_is_saved(app_ctx: AppContext, qtbot: QtBot) -> None:
    """A typo keeps the dialog open with the field named; no sample is written."""
    app_ctx.show_id = create_show(app_ctx.store, "测试场")
    dialog = ManualEntryDialog(app_ctx)
    qtbot.addWidget(dialog)
    dialog.edits["orders"].setText("87")
    dialog.edits["gmv_cents"].setText("12.345")  # fen has two decimals
    dialog.submit()
    assert "GMV" in dialog.error.text() and "12.345" in dialog.error.text()
    assert samples(app_ctx) == {}
