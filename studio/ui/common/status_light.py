"""A status light: colour AND a word, never colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from studio.ui.common.theme import STATUS_COLOURS


class StatusLight(QLabel):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "light")
        self.name = name
        self.state = "off"
        self.word = ""
        self.set_state("off", "—")

    def set_state(self, state: str, word: str) -> None:
        if (state, word) == (self.state, self.word):
            return
        self.state, self.word = state, word
        colour = STATUS_COLOURS.get(state, STATUS_COLOURS["off"])
        glyph = {"ok": "●", "pass": "●", "warn": "▲", "fail": "✖", "error": "✖"}.get(state, "○")
        self.setText(f"{glyph} {self.name}: {word}")
        fg = "#101010" if state in ("ok", "pass", "warn") else "#ffffff"
        self.setStyleSheet(
            f"QLabel {{ background: {colour}; color: {fg}; border-radius: 4px;"
            " padding: 2px 8px; font-weight: 700; }"
        )
        self.setAccessibleName(f"{self.name} {word}")
