"""Pieces the pre-show check cards (camera, microphone, OBS) share: the status words and their
coloured labels, the card header (big title + verdict light), the fixed checklist of findings,
and the worker threads a card runs its device work on."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from studio.ui.common.theme import STATUS_COLOURS

GLYPH = {"pass": "●", "warn": "▲", "fail": "✖"}


def status_words() -> dict[str, str]:
    """A finding's status as the word every card shows; "off" is a check not run yet."""
    return {
        "pass": QCoreApplication.translate("CheckCard", "PASS"),
        "warn": QCoreApplication.translate("CheckCard", "WARN"),
        "fail": QCoreApplication.translate("CheckCard", "FAIL"),
        "off": QCoreApplication.translate("CheckCard", "NOT RUN"),
    }


def paint_status(label: QLabel, status: str | None, text: str, pad: str = "2px 8px") -> None:
    """`text` on the status colour (grey when there is no status), dark text on the light
    pass/warn colours so the word stays readable."""
    colour = STATUS_COLOURS.get(status or "off", STATUS_COLOURS["off"])
    fg = "#101010" if status in ("pass", "warn") else "#ffffff"
    label.setText(text)
    label.setStyleSheet(
        f"QLabel {{ background: {colour}; color: {fg}; border-radius: 4px;"
        f" padding: {pad}; font-weight: 700; }}"
    )


def light_text(status: str | None, unset: str) -> str:
    """Glyph and word ("▲ WARN"), or "○ `unset`" without a status: colour is never the only signal."""
    if status is None:
        return "○ " + unset
    return f"{GLYPH[status]} {status_words()[status]}"


class CardHeader(QWidget):
    """The card's title in big bold type with the verdict light at the right.

    `glyphs=False` is the plain look: the verdict is the word alone ("NOT RUN" before a check),
    chip-sized."""

    def __init__(self, title: str, glyphs: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glyphs = glyphs
        head = QHBoxLayout(self)
        head.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title)
        f = QFont(self.title.font())
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title)
        head.addStretch(1)
        self.verdict = QLabel()
        self.verdict.setProperty("role", "light")
        head.addWidget(self.verdict)
        self.set_verdict(None)

    def set_verdict(self, status: str | None) -> None:
        if self.glyphs:
            paint_status(
                self.verdict, status, light_text(status, self.tr("Not checked")), "3px 10px"
            )
        else:
            paint_status(self.verdict, status, status_words()[status or "off"])


class FindingsChecklist(QWidget):
    """One row per check, in the given order: status chip, check name, the finding's advice.

    `unset` is the chip's word for a check without a finding (each card keeps its own wording);
    `tooltips` repeats the advice on hover."""

    def __init__(
        self,
        checks: Iterable[str],
        names: Mapping[str, str],
        unset: str,
        tooltips: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.unset, self.tooltips = unset, tooltips
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(2, 1)
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for i, check in enumerate(checks):
            chip, name, msg = QLabel(), QLabel(names[check]), QLabel()
            chip.setMinimumWidth(72)
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setStyleSheet("font-weight: 600;")
            msg.setWordWrap(True)
            msg.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.grid.addWidget(chip, i, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(name, i, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(msg, i, 2)
            self.rows[check] = (chip, name, msg)
        self.clear()

    def set_finding(self, check: str, status: str | None, text: str) -> None:
        """Show a check's status and advice; checks without a row are ignored."""
        row = self.rows.get(check)
        if row is None:
            return
        chip, _name, msg = row
        paint_status(chip, status, light_text(status, self.unset))
        msg.setText(text)
        if self.tooltips:
            msg.setToolTip(text)

    def clear(self) -> None:
        """Every row back to `unset` and "—", as before the first check."""
        for check, (_chip, _name, msg) in self.rows.items():
            self.set_finding(check, None, "—")
            msg.setToolTip("")  # no advice yet to repeat


class CardWorkers:
    """The card's worker threads: results come back through `emit`, which drops them once the
    card is closing (its bridge may be gone), and `close` waits for every thread."""

    def __init__(self) -> None:
        self.closing = False
        self._threads: list[threading.Thread] = []

    def spawn(self, target: Callable[[], None], name: str) -> None:
        t = threading.Thread(target=target, name=name, daemon=True)
        self._threads = [w for w in self._threads if w.is_alive()] + [t]
        t.start()

    def busy(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def emit(self, signal: Any, *args: Any) -> None:
        if not self.closing:
            signal.emit(*args)

    def close(self, timeout: float) -> None:
        self.closing = True
        for t in self._threads:
            t.join(timeout)
        self._threads = []
