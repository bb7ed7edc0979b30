"""The control room's compact audience panel: questions per minute, open / answered, the
oldest wait and the biggest open questions now; one of them goes to the anchor's strip with
a click (the controller can push a question as the 客服 can)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.audience import queue as cards
from studio.audience.stats import Now, desk_now
from studio.timeutil import duration_words
from studio.ui.audience.life import stop_view
from studio.ui.common.context import AppContext
from studio.ui.common.on_screen import on_screen
from studio.ui.common.qt_jobs import SerialWorker
from studio.ui.common.tables import ui_lang

TABLES = frozenset({"audience_group", "audience_event"})


class AudiencePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._worker = SerialWorker(self, "audience-panel")
        self._busy = False
        self._dirty = False
        self._closed = False
        self._behind = False  # a refresh was skipped while covered: done on reveal
        self._top_key: object = None  # the top questions as last listed
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        for n, (key, caption) in enumerate((
            ("rate", self.tr("Questions/min")),
            ("open", self.tr("Open")),
            ("answered", self.tr("Answered")),
            ("oldest", self.tr("Oldest wait")),
        )):  # fmt: skip
            value = QLabel("—", self)
            value.setObjectName(f"audience_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(QLabel(caption, self), 0, n)
            grid.addWidget(value, 1, n)
            self.figures[key] = value
        self.top = QListWidget(self)
        self.top.setObjectName("audience_top")
        self.top.setMaximumHeight(96)
        self.push = QPushButton(self.tr("To the anchor"), self)
        self.push.setToolTip(self.tr("Show the selected question on the prompter's strip"))
        self.push.clicked.connect(self._push)
        self.message = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.push)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Top questions now"), self))
        layout.addWidget(self.top)
        layout.addLayout(row)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setInterval(2000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        ctx.signals.changed.connect(self._on_changed)
        self.refresh()

    def _covered(self) -> bool:
        """In a shown window but not to be seen (its dock tabbed behind another, or closed):
        the figures are only this panel's view, nothing else reads them."""
        return self.window().isVisible() and not on_screen(self)

    def _tick(self) -> None:
        if self._covered():
            self._behind = True
        else:
            self.refresh()

    def on_revealed(self) -> None:
        """The dock came to the front: read and show the desk now if a refresh was skipped."""
        if self._behind:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._behind:
            QTimer.singleShot(0, self, self.on_revealed)

    def refresh(self) -> None:
        show_id = self.ctx.show_id
        if show_id is None or self._closed:
            return
        self._behind = False
        if self._busy:
            self._dirty = True
            return
        self._busy = True
        store, now = self.ctx.store, self.ctx.clock()
        self._worker.submit(lambda: desk_now(store, show_id, now), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.message.setText(str(exc))

    def _show(self, now: Now) -> None:
        self._busy = False
        if self._closed:
            return
        self.figures["rate"].setText(f"{now.questions_per_min:.1f}")
        self.figures["open"].setText(str(now.open))
        self.figures["answered"].setText(str(now.answered))
        self.figures["oldest"].setText(duration_words(now.oldest_wait_s, ui_lang()))
        top = tuple((card_id, text, count) for card_id, text, count, _sku in now.top)
        if top != self._top_key:  # rebuilt only when it reads differently
            self._top_key = top
            chosen = self.top.currentItem()
            keep = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
            self.top.clear()
            for card_id, text, count in top:
                item = QListWidgetItem(f"×{count}  {text}")
                item.setData(Qt.ItemDataRole.UserRole, card_id)
                self.top.addItem(item)
                if card_id == keep:
                    self.top.setCurrentItem(item)
            if not top:
                self.top.addItem(self.tr("No open questions"))
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _push(self) -> None:
        item = self.top.currentItem() or self.top.item(0)
        card_id: Any = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(card_id, int):
            return
        store, at = self.ctx.store, self.ctx.clock()
        who = store.station or "controller"
        self._worker.submit(
            lambda: cards.escalate(store, card_id, who=who, role="controller", at=at),
            self._pushed,
            lambda exc: self.message.setText(str(exc)),
        )

    def _pushed(self, _committed: object) -> None:
        self.message.setText(self.tr("Sent to the anchor."))
        self.refresh()

    def _on_changed(self, table: str, _row_id: object, show_id: object) -> None:
        if table in TABLES and (show_id is None or show_id == self.ctx.show_id):
            self._tick()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        stop_view(self.ctx, self._on_changed, self._worker, self._timer)
