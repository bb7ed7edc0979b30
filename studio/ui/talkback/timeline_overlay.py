"""Talkback on the live dashboard: messages to the anchor (✉) and rule firings (⚑) as markers
on the viewers graph, in a row of labels of their own (under the product changes'), clustered
like the incidents so labels never overlap; the tooltip lists each one with its time and state.
`studio.ui.metrics.overlays.ShowOverlays` owns one and hands it the show's marks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from studio.metrics.live_spans import in_view
from studio.metrics.markers import cluster_markers, gap_for_pixels
from studio.talkback.timeline import TalkMark
from studio.ui.common.safe_line import SafeInfiniteLine
from studio.ui.metrics.marker_row import MARKER_PADDING_PX, place_labels

TALK_COLOR = "#3fb950"
TALK_LABEL_HEIGHT = 0.58  # of the viewers graph's height: below the product changes' row
GLYPHS = {"message": "✉", "question": "？", "rule": "⚑"}


class _Words(QObject):
    """The overlay's words (a QObject for tr(): context "TalkOverlay")."""

    def state(self, state: str) -> str:
        return {
            "seen": self.tr("seen"),
            "expired": self.tr("expired"),
            "waiting": self.tr("not seen"),
        }.get(state, "")

    def rule(self, name: str) -> str:
        return self.tr("rule %1").replace("%1", name)


def group_label(marks: Sequence[TalkMark]) -> str:
    kinds = [k for k in GLYPHS if any(m.kind == k for m in marks)]
    glyphs = "".join(GLYPHS[k] for k in kinds)
    return glyphs + (f"{len(marks)}" if len(marks) > 1 else "")


def group_tooltip(marks: Sequence[TalkMark], words: _Words) -> str:
    lines = []
    for m in marks[:12]:
        at = f"{datetime.fromtimestamp(m.at).astimezone():%H:%M:%S}"
        who = words.rule(m.who) if m.kind == "rule" else m.who
        state = words.state(m.state)
        lines.append(
            f"{at} {GLYPHS.get(m.kind, '')} {who}: {m.text}" + (f" ({state})" if state else "")
        )
    if len(marks) > 12:
        lines.append(f"… +{len(marks) - 12}")
    return "\n".join(lines)


class TalkOverlay:
    def __init__(self, plot: Any) -> None:
        self.plot = plot
        self.marks: Sequence[TalkMark] = ()
        self.groups: list[tuple[float, tuple[TalkMark, ...]]] = []
        self._items: list[Any] = []
        self._labels: list[tuple[QGraphicsSimpleTextItem, float]] = []
        self._lines: list[SafeInfiniteLine] = []
        self._gap: float | None = None
        self._px = 0.0
        self._words = _Words()

    def clear(self) -> None:
        for item in self._items:
            self.plot.removeItem(item)
        self._items, self._labels, self._lines = [], [], []
        self.marks, self.groups, self._gap = (), [], None

    def load(self, marks: Sequence[TalkMark]) -> None:
        self.clear()
        self.marks = tuple(marks)
        if self.marks:
            probe = _label(group_label(self.marks * 10))
            self._px = MARKER_PADDING_PX + probe.boundingRect().width()

    def _draw(self, gap: float) -> None:
        for item in self._items:
            self.plot.removeItem(item)
        self._items, self._labels, self._lines = [], [], []
        self._gap = gap
        clusters = cluster_markers([m.at for m in self.marks], gap)
        self.groups = [(c.x, tuple(self.marks[i] for i in c.members)) for c in clusters]
        pen = pg.mkPen(TALK_COLOR, width=1, style=Qt.PenStyle.DashDotLine)
        for at, group in self.groups:
            tip = group_tooltip(group, self._words)
            line = SafeInfiniteLine(pos=at, angle=90, movable=False, pen=pen)
            line.setToolTip(tip)
            label = _label(group_label(group))
            label.setToolTip(tip)
            for item in (line, label):
                self.plot.addItem(item, ignoreBounds=True)
                self._items.append(item)
            self._lines.append(line)
            self._labels.append((label, at))

    def place(self, x0: float, x1: float, lo: float, top: float, px_per_s: float) -> None:
        if not self.marks:
            return
        gap = gap_for_pixels(self._px, x0, x1, px_per_s * max(1.0, x1 - x0))
        if gap != self._gap:
            self._draw(gap)
        y = lo + TALK_LABEL_HEIGHT * (top - lo)
        place_labels(self._labels, y, x0, x1, px_per_s)
        for line in self._lines:
            inside = in_view(line.value(), x0, x1)
            if line.isVisible() != inside:
                line.setVisible(inside)


def _label(text: str) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text)
    item.setBrush(QColor(TALK_COLOR))
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    item.setZValue(5)
    item.setVisible(False)
    return item
