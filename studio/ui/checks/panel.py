"""The Checks dock: the pre-show device cards as tabs, and the checks saved so far.

Tabs, not side by side: the dock shares the rundown's column (560 px on a 1366x768 laptop,
under 1000 px on a 1920x1080 monitor) and three cards side by side left the OBS card off-screen.
Each tab names its card with the verdict of its newest saved check, so all three read at a
glance without opening them."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.devices.checks_store import CheckRow, recent_checks
from studio.ui.checks.camera_card import CameraCheckCard
from studio.ui.checks.check_card import GLYPH
from studio.ui.checks.mic_card import MicCheckCard
from studio.ui.checks.obs_card import ObsCheckCard
from studio.ui.common.context import AppContext
from studio.ui.common.texts import finding_text, join_texts
from studio.ui.common.theme import STATUS_COLOURS

log = logging.getLogger(__name__)

CARDS = (CameraCheckCard, MicCheckCard, ObsCheckCard)
# The saved check kinds behind each card's tab (the camera card saves camera and light).
CARD_KINDS: tuple[tuple[str, ...], ...] = (("camera", "light"), ("mic",), ("obs",))
SEVERITY = {"pass": 0, "warn": 1, "fail": 2}


class ChecksPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cards: list[CameraCheckCard | MicCheckCard | ObsCheckCard] = []
        self.card_titles: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        for cls in CARDS:
            # A tall card (the camera's preview and checklist) scrolls inside its tab.
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            card = cls(ctx, scroll)
            scroll.setWidget(card)
            self.cards.append(card)
            self.card_titles.append(card.header.title.text())
            self.tabs.addTab(scroll, _shown(self.card_titles[-1]))
        splitter.addWidget(self.tabs)

        history = QWidget()
        hl = QVBoxLayout(history)
        hl.setContentsMargins(0, 0, 0, 0)
        self.history_title = QLabel(self.tr("Checks saved"))
        self.history_title.setStyleSheet("font-weight: 600;")
        hl.addWidget(self.history_title)
        self.history = QTreeWidget()
        self.history.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Device"),
                self.tr("Result"),
                self.tr("Source"),
                self.tr("Findings"),
            ]
        )
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        self.empty_history = QLabel(
            self.tr("No checks yet: run the camera and microphone checks before going live.")
        )
        self.empty_history.setWordWrap(True)
        hl.addWidget(self.history)
        hl.addWidget(self.empty_history)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        ctx.signals.changed.connect(self._on_change)
        self.refresh()

    def _on_change(self, table: str, _row: Any, _show: Any) -> None:
        if table == "device_check":
            self.refresh()

    def refresh(self) -> None:
        # A handful of rows by primary key: cheap enough for the GUI thread.
        rows = recent_checks(self.ctx.store, self.ctx.show_id)
        self.history.clear()
        words = {"pass": self.tr("PASS"), "warn": self.tr("WARN"), "fail": self.tr("FAIL")}
        kinds = {
            "camera": self.tr("Camera"),
            "light": self.tr("Lighting"),
            "mic": self.tr("Microphone"),
            "obs": self.tr("Encoder (OBS)"),
        }
        for row in rows:
            # Saved findings carry their message's template (studio.i18n_marks): shown in the
            # UI language; older rows without it show their stored English.
            bad = [
                finding_text(f)
                for f in row.findings
                if isinstance(f, dict) and f.get("status") != "pass"
            ]
            item = QTreeWidgetItem(
                [
                    row.at.astimezone().strftime("%H:%M:%S"),
                    kinds.get(row.kind, row.kind),
                    words.get(row.status, row.status),
                    row.source,
                    join_texts(bad, "; ") or self.tr("all good"),
                ]
            )
            item.setToolTip(4, "\n".join(bad))
            item.setForeground(2, _brush(STATUS_COLOURS.get(row.status, "#888")))
            self.history.addTopLevelItem(item)
        for col in range(4):
            self.history.resizeColumnToContents(col)
        self.empty_history.setVisible(not rows)
        self.history.setVisible(bool(rows))
        self._label_tabs(rows)

    def _label_tabs(self, rows: list[CheckRow]) -> None:
        """Each card's tab: its title after the glyph of its newest saved check's verdict (the
        worst of the newest camera and light checks), in the verdict's colour; "○" unchecked."""
        newest: dict[str, str] = {}
        for row in rows:  # newest first
            newest.setdefault(row.kind, row.status)
        bar = self.tabs.tabBar()
        for i, kinds in enumerate(CARD_KINDS):
            found = [newest[k] for k in kinds if newest.get(k) in SEVERITY]
            status = max(found, key=SEVERITY.__getitem__) if found else None
            glyph = GLYPH[status] if status else "○"
            self.tabs.setTabText(i, _shown(f"{glyph} {self.card_titles[i]}"))
            self.tabs.setTabToolTip(i, self.card_titles[i])
            bar.setTabTextColor(i, QColor(STATUS_COLOURS[status]) if status else QColor())

    def shutdown(self) -> None:
        for card in self.cards:
            stop = getattr(card, "shutdown", None)
            if stop is not None:
                stop()


def _shown(text: str) -> str:
    """A tab's text with its "&" shown, not taken as a shortcut mark ("Camera & lighting")."""
    return text.replace("&", "&&")


def _brush(colour: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))
