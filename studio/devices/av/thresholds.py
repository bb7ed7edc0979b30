"""Limits of the audio-video sync check; a studio overrides them in its profile:

    av:
      ahead_warn_ms: 30      # tighter than BT.1359's detectability
      behind_warn_ms: 60

Read them with `profile.section("av", DEFAULTS)`. Offsets are positive when the sound is late
(behind the picture), negative when it is early (ahead).
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # ITU-R BT.1359-1: sound ahead of the picture by more than 45 ms, or behind it by more than
    # 125 ms, is detectable (warn); ahead by 90 ms or behind by 185 ms is not acceptable (fail).
    "ahead_warn_ms": 45.0,
    "behind_warn_ms": 125.0,
    "ahead_fail_ms": 90.0,
    "behind_fail_ms": 185.0,
    # Events further apart than this are not paired: the sync pattern repeats every second,
    # so larger offsets would be ambiguous.
    "max_offset_ms": 480.0,
    # Pairs whose offsets are within this of the chosen offset count as agreeing.
    "pair_tolerance_ms": 25.0,
    "min_events": 3,  # fewer pairs than this: a warning that the measure is thin
    "min_confidence": 0.5,  # below this: a warning that the measure is unreliable
    "seconds": 15.0,  # how much of a source to measure (a live source is recorded this long)
}
