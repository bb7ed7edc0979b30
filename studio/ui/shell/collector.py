"""Keep Python's full garbage collections short while a show runs.

A full (generation 2) collection walks every container object the interpreter tracks and holds
the interpreter lock all the while, on whichever thread triggered it: with the control room
built that is about 250,000 objects (Qt wrappers, modules, pyqtgraph items, SQLAlchemy
mappers), and the show-day soak (benchmarks/soak.py --why) measured 18 such collections a minute
at 60x, 123 ms each (max 148 ms), every one a stall of the GUI. Nearly all of those objects live
as long as the window, so once it is built they are moved out of the collector's sight with
`gc.freeze()` (CPython's own remedy for long-lived heaps); full collections then walk only what
the show made since. Before a show switch tears the window down they are handed back
(`gc.unfreeze()`), so the old window's cycles are still collected.
"""

from __future__ import annotations

import gc
import logging
import os

log = logging.getLogger(__name__)


def enabled() -> bool:
    """STUDIO_GC_FREEZE=0 turns the freeze off (the UI tests do: one process builds many
    windows, and a freeze that lands late keeps earlier tests' windows alive)."""
    return os.environ.get("STUDIO_GC_FREEZE", "1") != "0"


def settle(collect: bool = True) -> None:
    """Freeze what lives now (the built window, the imported modules), after a full collection
    when `collect` (after a show switch: the old window's cycles; at start there is nothing to
    collect — 0 objects in the soak — and the collection alone took 90 ms of the GUI)."""
    if not enabled():
        return
    if collect:
        gc.collect()
    gc.freeze()
    log.debug("gc: %d long-lived objects frozen", gc.get_freeze_count())


def unsettle() -> None:
    """Give the frozen objects back to the collector (before the window they belong to goes)."""
    gc.unfreeze()
