"""Which stretch of time the live dashboard shows: the last 15 minutes or the whole show.

The window advances in steps: its right edge stays put while new samples fill the margin, so
most refreshes draw new points without moving (and re-laying) the graphs. Whole seconds keep
the window's width bit-identical, so the view's scale never changes while it scrolls.
"""

from __future__ import annotations

import math

import numpy as np

from studio.metrics.series import F64, ShowTiming

SCROLL_STEP_S = 30
LAST_MINUTES = 15
# Room kept after the newest sample (at least; up to a step more).
RIGHT_MARGIN_S = 5
# A whole-show view reaches this far past the planned end.
PLANNED_END_MARGIN_S = 30


def recent_range(last: float) -> tuple[float, float]:
    """ "Last 15 min": the right edge moves in SCROLL_STEP_S steps and keeps 5..35 s of room
    after the newest sample `last`."""
    end = float(math.ceil((last + RIGHT_MARGIN_S) / SCROLL_STEP_S) * SCROLL_STEP_S)
    return end - LAST_MINUTES * 60 - SCROLL_STEP_S - RIGHT_MARGIN_S, end


def whole_show_range(
    timing: ShowTiming | None, first_ts: float | None, last: float
) -> tuple[float, float]:
    """ "Whole show": from the show's start (or its first sample, whichever is earlier) to its
    planned end; past the planned end (overtime) the window grows in steps of two scroll
    steps. `first_ts` is the first online-viewers sample."""
    if timing is not None and timing.start_ts:
        start = timing.start_ts
    else:
        start = first_ts if first_ts is not None else last
    planned_end = start + (timing.planned_seconds if timing else 0)
    step = 2 * SCROLL_STEP_S
    end = max(planned_end + PLANNED_END_MARGIN_S, math.ceil((last + RIGHT_MARGIN_S) / step) * step)
    return min(start, first_ts if first_ts is not None else start), float(end)


def visible_range(
    whole_show: bool, timing: ShowTiming | None, first_ts: float | None, last: float
) -> tuple[float, float]:
    """The x range on screen for the chosen view, given the newest sample time `last`."""
    return whole_show_range(timing, first_ts, last) if whole_show else recent_range(last)


def settled_until(last: float) -> float:
    """Samples up to this time are settled for drawing: it moves once per scroll step, so the
    graphs redraw the settled part only then (or when a late sample lands)."""
    return float(math.floor(last / SCROLL_STEP_S) * SCROLL_STEP_S)


def window_bounds(ts: F64, x0: float, x1: float) -> tuple[int, int]:
    """Slice bounds of the samples inside [x0, x1] plus one on each side (so the line enters
    and leaves the graph instead of starting at its edge)."""
    return max(0, int(np.searchsorted(ts, x0)) - 1), int(np.searchsorted(ts, x1, side="right")) + 1
