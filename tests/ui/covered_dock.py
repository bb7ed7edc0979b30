"""A panel in a dock tabbed behind another one, in a shown window: how the soak tests of issue
23 see a covered panel (Qt keeps it `isVisible()`; only its visible region is empty)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from studio.ui.common.on_screen import on_screen


def tab_behind(
    qtbot: QtBot, widget: QWidget, size: tuple[int, int] = (1400, 700)
) -> tuple[QMainWindow, QDockWidget]:
    """Put `widget` in a dock tabbed behind a label's dock in a new shown window; returns the
    window and the widget's dock (raise it to bring the widget on screen)."""
    window = QMainWindow()
    window.setCentralWidget(QLabel("centre"))
    mine, other = QDockWidget("mine", window), QDockWidget("other", window)
    mine.setObjectName("mine")
    other.setObjectName("other")
    mine.setWidget(widget)
    other.setWidget(QLabel("in front"))
    for dock in (mine, other):
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(mine, other)
    window.resize(*size)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    other.raise_()
    qtbot.waitUntil(lambda: widget.isVisible() and not on_screen(widget), timeout=3000)
    return window, mine
