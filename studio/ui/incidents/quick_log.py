"""The quick-log keys: F1..F5 log an incident of their category now, from anywhere in the app,
stamped with where the show is."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from studio.incidents.categories import CATEGORIES
from studio.ui.common.context import AppContext

log = logging.getLogger(__name__)

# In the order of CATEGORIES (technical, product, anchor, compliance, other), as the buttons
# and the emergency playbook number them.
QUICK_LOG_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5)
KEY_SEVERITY = 2  # the key alone: visible to viewers
SHIFT_SEVERITY = 1  # with Shift: the show is interrupted


def install_quick_log_keys(window: QWidget, log_now: Callable[[str, int], None]) -> list[QShortcut]:
    """Application-wide shortcuts parented to `window`; `log_now(category, severity)` runs on
    each press. The caller keeps the list to disable them again."""
    shortcuts: list[QShortcut] = []
    for key, cat in zip(QUICK_LOG_KEYS, CATEGORIES, strict=True):
        for seq, level in (
            (QKeySequence(key), KEY_SEVERITY),
            (QKeySequence(Qt.KeyboardModifier.ShiftModifier | key), SHIFT_SEVERITY),
        ):
            sc = QShortcut(seq, window)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(lambda k=cat.key, s=level: log_now(k, s))
            shortcuts.append(sc)
    return shortcuts


def show_position(ctx: AppContext) -> tuple[str | None, int | None]:
    """(segment key, cue index) to stamp a quick log with; (None, None) when the rundown
    cannot say. The rundown is another feature's object: a fault there must not stop a log."""
    try:
        return ctx.runner_position()
    except Exception:
        log.exception("could not read the rundown's position")
        return None, None
