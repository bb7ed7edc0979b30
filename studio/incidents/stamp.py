"""Where the show is right now, read defensively from whatever runner object the app holds.

The runner (`studio.ui.rundown.qt_runner.QtRunner`) exposes `runner.state`, a
`studio.runner.state.Snapshot` with `status`, `segment` (a SegmentPlan with `key`) and
`cue_index`; `segment_key` attributes and a `state()` method are accepted too. Logging an incident must never fail
because the runner is missing, stopped or shaped differently: anything unexpected is (None, None).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

_SEGMENT_NAMES = ("segment_key", "current_segment_key")
_CUE_NAMES = ("cue_index", "current_cue_index")


def _first(obj: Any, names: tuple[str, ...]) -> Any:
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value() if callable(value) else value
    return None


def runner_position(runner: Any) -> tuple[str | None, int | None]:
    """(segment key, cue index) of the runner's current cue, or (None, None)."""
    if runner is None:
        return None, None
    try:
        state = getattr(runner, "state", None)
        if callable(state):
            state = state()
        # Before the show starts or after it ends the runner still points at a segment, but
        # nothing is happening "in" it.
        if getattr(state, "status", None) in ("ready", "ended"):
            return None, None
        for obj in (state, runner):
            if obj is None:
                continue
            seg = _first(obj, _SEGMENT_NAMES)
            if seg is None:
                segment = getattr(obj, "segment", None) or getattr(obj, "current_segment", None)
                seg = getattr(segment, "key", None) if segment is not None else None
            cue = _first(obj, _CUE_NAMES)
            if seg is not None or cue is not None:
                key = str(seg) if seg is not None else None
                index = (
                    int(cue) if isinstance(cue, int | float | str) and str(cue).isdigit() else None
                )
                return key, index
    except Exception:  # the runner is someone else's object: never let it stop a log
        log.exception("could not read the runner's position")
    return None, None
