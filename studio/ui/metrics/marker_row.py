"""A row of marker labels on a graph (incidents, product changes, talkback), placed on scroll."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGraphicsSimpleTextItem

from studio.metrics.live_spans import in_view, marker_label_x

MARKER_PADDING_PX = 8  # between two labels of a row


def place_labels(
    labels: Sequence[tuple[QGraphicsSimpleTextItem, float]],
    y: float,
    x0: float,
    x1: float,
    px_per_s: float,
) -> None:
    """Show the labels whose time falls in [x0, x1], in one row at height y, each clear of
    the one before it; hide the others."""
    after = x0
    for text, x in labels:
        inside = in_view(x, x0, x1)
        if inside:
            width_s = (text.boundingRect().width() + MARKER_PADDING_PX) / max(px_per_s, 1e-9)
            left = marker_label_x(x, width_s, x1, after)
            after = left + width_s
            if (text.pos().x(), text.pos().y()) != (left, y):
                text.setPos(left, y)
        if text.isVisible() != inside:
            text.setVisible(inside)
