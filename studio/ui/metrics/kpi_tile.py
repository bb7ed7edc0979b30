"""A KPI tile: a small caption, one big number, and a line of context under it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

TONES = {"good": "#3fb950", "warn": "#d29922", "bad": "#f85149"}


def _line_height(label: QLabel) -> int:
    """One line of the label's font holding Latin and Chinese text."""
    rect = label.fontMetrics().boundingRect(QRect(0, 0, 4096, 4096), 0, "Ag中¥")
    m = label.contentsMargins()
    return rect.height() + m.top() + m.bottom()


class KpiTile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None, big: bool = False) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("kpiTile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.caption = QLabel(caption)
        self.value = QLabel("—")
        self.sub = QLabel("")
        self._tone: str | None = None
        f = QFont(self.caption.font())
        f.setPointSizeF(f.pointSizeF() * 0.95)
        self.caption.setFont(f)
        self.caption.setEnabled(False)  # the palette's muted text colour
        vf = QFont(self.value.font())
        vf.setPointSizeF(vf.pointSizeF() * (2.3 if big else 1.9))
        vf.setBold(True)
        self.value.setFont(vf)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.caption, self.value, self.sub):
            w.setMinimumWidth(0)
            # As tall from the start as its text will be (Chinese sets taller lines than the
            # empty label): a tile growing when its first numbers came resized the graphs.
            w.setMinimumHeight(_line_height(w))
            layout.addWidget(w)
        # An empty row as wide as the texts the tile will show (reserve()).
        self._room = QSpacerItem(0, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addItem(self._room)

    def reserve(self, value: str, sub: str = "") -> None:
        """Keep the tile at least as wide as `value` over `sub` from the start (a room that
        texts longer than these still widen: nothing is cut off), so the first numbers of
        a show do not widen the panel and resize its graphs."""
        width = max(
            self.value.fontMetrics().horizontalAdvance(value),
            self.sub.fontMetrics().horizontalAdvance(sub),
        )
        self._room.changeSize(width + 2, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._layout.invalidate()

    def set_value(self, text: str, sub: str = "", tone: str | None = None) -> None:
        self.value.setText(text)
        self.sub.setText(sub)
        tone = tone if tone in TONES else None
        if tone != self._tone:
            # Only on a change: a style sheet re-polishes the label, ~0.3 ms a call, and the
            # dashboard sets every tile on each refresh.
            self._tone = tone
            self.sub.setStyleSheet(f"color: {TONES[tone]};" if tone else "")
