"""The prompter's talkback strip: the crew's messages and the audience questions passed on by
customer service, below the cue in the next cue's place beside the product card (a place in
the layout, never drawn over the cue; the next cue comes back when the strip empties).

Two sections: messages (urgent first, then newest) and at most two questions. A new urgent
message blinks the strip for 3 s. The anchor acknowledges the top item with Enter, or with a
long press of the pedal (pedals send PageDown; a short press still turns the cue). With nothing
to show the strip takes no room at all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from studio.ui.common.theme import set_style_sheet

BLINK_S = 3.0
BLINK_MS = 250
MAX_MESSAGES = 2  # rows shown; more are counted ("+2")
AMBER = "#ffb000"
RED = "#ff3b30"
BLINK = "#9b0000"  # the blink's fill: dark enough that every line stays readable on it
DARK = "#1d1d1d"
QUESTION_TEXT = "#9cc3ff"


class _Row(QLabel):
    """At most two lines, elided with "…" when longer (never clipped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.uid = ""
        self.full = ""

    def set_full(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self.elide()

    def elide(self) -> None:
        fm = self.fontMetrics()
        # Two lines' worth, less a few characters for where wrapping breaks the lines.
        room = max(40, 2 * self.width() - 4 * fm.averageCharWidth())
        text = fm.elidedText(self.full, Qt.TextElideMode.ElideRight, room)
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.elide()


class TalkbackStrip(QFrame):
    """Shows a `studio.talkback.messages.Strip`; reports which item Enter acknowledges."""

    changed = Signal()  # shown or hidden (its place in the window may change)

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TalkbackStrip")
        self.clock = clock
        self.messages: list[Any] = []
        self.questions: list[Any] = []
        self._seen_urgent: set[str] = set()
        self._blink_until = 0.0
        self.blink_on = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.heading = QLabel()
        self.more = QLabel()
        self.hint = QLabel()
        for label in (self.heading, self.more, self.hint):
            label.setStyleSheet(f"color: {AMBER}; background: transparent;")
        self.hint.setStyleSheet("color: #9a9a9a; background: transparent;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.heading)
        head.addWidget(self.more)
        head.addStretch(1)
        head.addWidget(self.hint)
        layout.addLayout(head)
        self.rows = [_Row(self) for _ in range(MAX_MESSAGES)]
        for row in self.rows:
            layout.addWidget(row)
        self.question_rows = [_Row(self) for _ in range(2)]
        for row in self.question_rows:
            layout.addWidget(row)
        self._timer = QTimer(self)
        self._timer.setInterval(BLINK_MS)
        self._timer.timeout.connect(self._blink)
        self.retranslate()
        self._paint()
        self.hide()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Control room"))
        self.hint.setText(self.tr("Enter or hold the pedal: seen"))

    def apply_fonts(self, scale: float) -> None:
        def font(w: QWidget, points: float, bold: bool = False) -> None:
            f = QFont(w.font())
            f.setPointSizeF(max(9.0, points * scale))
            f.setBold(bold)
            w.setFont(f)

        for w in (self.heading, self.more):
            font(w, 20, bold=True)
        font(self.hint, 18)
        for row in self.rows:
            font(row, 34, bold=True)
        for row in self.question_rows:
            font(row, 26)

    # -- content ----------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self.messages or self.questions)

    @property
    def blinking(self) -> bool:
        return self.clock() < self._blink_until

    def top(self) -> Any | None:
        """What Enter acknowledges: the first message, else the first question."""
        if self.messages:
            return self.messages[0]
        return self.questions[0] if self.questions else None

    def show_items(self, messages: Sequence[Any], questions: Sequence[Any]) -> None:
        self.messages = list(messages)
        self.questions = list(questions)
        fresh = [m for m in self.messages if m.urgent and m.uid not in self._seen_urgent]
        if fresh:
            self._seen_urgent.update(m.uid for m in fresh)
            self._blink_until = self.clock() + BLINK_S
            self.blink_on = True
            self._timer.start()
        for row, m in zip(self.rows, [*self.messages, None, None], strict=False):
            row.uid = m.uid if m is not None else ""
            row.set_full("" if m is None else ("⚠ " if m.urgent else "") + m.text)
            row.setVisible(m is not None)
        extra = len(self.messages) - MAX_MESSAGES
        self.more.setText(self.tr("+%1 more").replace("%1", str(extra)) if extra > 0 else "")
        for row, q in zip(self.question_rows, [*self.questions, None, None], strict=False):
            row.uid = q.uid if q is not None else ""
            row.set_full("" if q is None else self.tr("Viewer asks: %1").replace("%1", q.text))
            row.setVisible(q is not None)
        self._paint()
        if self.isHidden() == self.active:
            self.setVisible(self.active)
            self.changed.emit()

    def drop(self, uid: str) -> None:
        """Take an acknowledged item off at once (the store confirms on the next refresh)."""
        self.show_items(
            [m for m in self.messages if m.uid != uid], [q for q in self.questions if q.uid != uid]
        )

    def _blink(self) -> None:
        if not self.blinking:
            self._timer.stop()
            self.blink_on = False
        else:
            self.blink_on = not self.blink_on
        self._paint()

    def _paint(self) -> None:
        urgent = any(m.urgent for m in self.messages)
        background = BLINK if self.blinking and self.blink_on else DARK
        border = RED if urgent else AMBER
        set_style_sheet(
            self,
            f"QFrame#TalkbackStrip {{ background: {background}; border: 3px solid {border};"
            " border-radius: 10px; }",
        )
        for row in self.rows:
            set_style_sheet(row, "color: white; background: transparent;")
        for row in self.question_rows:
            set_style_sheet(row, f"color: {QUESTION_TEXT}; background: transparent;")

    def stop(self) -> None:
        self._timer.stop()
