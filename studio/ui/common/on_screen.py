"""Whether a widget can be seen now, and a hook for when its dock's tab comes to the front.

Qt keeps a dock widget tabbed behind another `isVisible()` (only its visible region is empty)
and sends it no show event when its tab is raised: a panel that skipped work "while hidden" by
`isVisible()` did it all the time (the review rebuilt a live show's whole review every 3 s
behind the Metrics tab in the show-day soak). Panels ask `on_screen(self)` instead, and the main
window calls their `on_revealed()` when their dock comes to the front.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QWidget


def on_screen(widget: QWidget) -> bool:
    """Shown and not covered: in a window that is shown, in the front tab of its dock."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


@runtime_checkable
class Revealable(Protocol):
    def on_revealed(self) -> None:
        """The panel's dock (or its tab) has just come to the front."""
