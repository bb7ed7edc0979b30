"""Marker lines removed from a graph can still be asked for their size without failing."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from studio.ui.common.safe_line import SafeInfiniteLine


def test_removed_line_has_an_empty_bounding_rect(qtbot: QtBot) -> None:
    """pyqtgraph's own line raises once it left its plot; ours answers with an empty rect."""
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    ours, theirs = SafeInfiniteLine(pos=1.0, angle=90), pg.InfiniteLine(pos=1.0, angle=90)
    for line in (ours, theirs):
        plot.addItem(line)
        line.boundingRect()
        plot.removeItem(line)
    line_rect = ours.boundingRect()
    assert line_rect.isEmpty()
    with pytest.raises(AttributeError):
        theirs._computeBoundingRect()  # the failure the subclass guards against


def test_viewbox_lost_inside_pyqtgraph_is_an_empty_rect(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Even when the ViewBox goes away between pyqtgraph's own lookups, no exception reaches Qt."""
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    line = SafeInfiniteLine(pos=1.0, angle=90)
    widget.getPlotItem().addItem(line)
    line._boundingRect = None  # force a recompute, as after a view change
    lookups = iter([widget.getPlotItem().getViewBox(), None])
    monkeypatch.setattr(line, "getViewBox", lambda: next(lookups, None))
    assert line.boundingRect().isEmpty()
