"""The 客服 queue as a table model: one row per question card, coloured by how long the first
asker has waited (amber from 30 s, red from 60 s; Preferences keys audience/amber_s, red_s).

Refreshing swaps the row list in one reset (2,000 open cards in well under a frame, see
benchmarks/audience_ingest.py); the wait column repaints once a second from the show clock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from studio.audience.queue import Card
from studio.timeutil import duration_words
from studio.ui.audience.labels import topic_label
from studio.ui.common.tables import ui_lang

AMBER: Final = QBrush(QColor("#8a6d1a"))
RED: Final = QBrush(QColor("#8e2a2a"))
_ROLES: Final = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
})  # fmt: skip
ESCALATED: Final = "↑ "  # shown before the question once it is on the anchor's strip

Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    WAIT, COUNT, TEXT, PRODUCT, TOPIC, SEGMENT, CLAIMED = range(7)

    def __init__(
        self,
        clock: Callable[[], float],
        segment_titles: Callable[[], dict[str, str]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.rows: list[Card] = []
        self.amber_s = 30
        self.red_s = 60
        self._titles = segment_titles or dict
        self._lang = ui_lang()
        self._headers = [
            self.tr("Wait"), self.tr("×"), self.tr("Question"), self.tr("Product"),
            self.tr("Topic"), self.tr("Segment"), self.tr("Claimed by"),
        ]  # fmt: skip

    def set_rows(self, rows: Sequence[Card]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._lang = ui_lang()
        self.endResetModel()

    def card(self, row: int) -> Card | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, card_id: int) -> int:
        return next((i for i, c in enumerate(self.rows) if c.id == card_id), -1)

    def tick(self) -> None:
        """Repaint the wait column (and the colours) for the clock's new time."""
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
            )  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # font, colour, check state ...: the view's defaults
            return None
        c = self.card(index.row())
        if c is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.WAIT:
                return duration_words(c.wait_s(self.clock()), self._lang)
            if col == self.COUNT:
                return str(c.count)
            if col == self.PRODUCT:
                return c.product or "—"
            if col == self.TOPIC:
                return topic_label(c.topic)
            if col == self.SEGMENT:
                return self._titles().get(c.segment_key or "", c.segment_key or "—")
            if col == self.TEXT:
                return (ESCALATED if c.escalated else "") + c.text
            if col == self.CLAIMED:
                return c.claimed_by or ""
        if role == Qt.ItemDataRole.BackgroundRole:
            wait = c.wait_s(self.clock())
            if wait >= self.red_s:
                return RED
            if wait >= self.amber_s:
                return AMBER
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return "\n".join([c.text, ", ".join(c.askers)])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.WAIT, self.COUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
