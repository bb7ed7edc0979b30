"""The empty state of a panel: what is missing and the button that fixes it (never blank grey)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(
        self,
        title: str,
        hint: str,
        action_text: str | None = None,
        on_action: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setProperty("role", "empty-title")
        self.hint = QLabel(hint)
        self.hint.setProperty("role", "empty-hint")
        self.hint.setWordWrap(True)
        for label in (self.title, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.button: QPushButton | None = None
        if action_text and on_action:
            self.button = QPushButton(action_text)
            self.button.clicked.connect(on_action)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


def request_from_window(widget: QWidget, signal_name: str) -> Callable[[], None]:
    """A button action that asks the top-level window (e.g. 'open_script_requested')."""

    def emit() -> None:
        signal = getattr(widget.window(), signal_name, None)
        if signal is not None:
            signal.emit()

    return emit
