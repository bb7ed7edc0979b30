"""The cue keys, one map for every window that turns cues (rundown, prompter).

Presentation clickers and foot pedals send PageUp/PageDown, so both windows accept them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

NEXT_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Right)
PREV_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_Left)
HOLD_KEYS = (Qt.Key.Key_H,)
CUE_KEYS = NEXT_KEYS + PREV_KEYS + HOLD_KEYS


def cue_action(key: int, modifiers: Qt.KeyboardModifier) -> str | None:
    """`next`, `prev` or `hold` for an unmodified cue key; None for anything else (Ctrl+H is a
    menu shortcut, not a hold)."""
    if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return None
    if key in NEXT_KEYS:
        return "next"
    if key in PREV_KEYS:
        return "prev"
    if key in HOLD_KEYS:
        return "hold"
    return None
