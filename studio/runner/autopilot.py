"""The demo's autopilot: turns the cues the way a controller would, evenly through each segment.

Pure: given where the show is, the action a controller would take now (or None). The demo calls
it a few times a second; a test calls it with a snapshot.
"""

from __future__ import annotations

from studio.runner.state import Plan, Snapshot


def autopilot_action(plan: Plan, snap: Snapshot) -> str | None:
    """`next` for the next cue (or, at the last cue of a segment that ran its time, the next
    segment); `skip` when time is up with cues left; `end` after the last segment."""
    if snap.status != "running" or snap.segment is None:
        return None
    n_cues = max(snap.segment.cue_count, 1)
    last_cue = snap.cue_index + 1 >= n_cues
    if snap.segment_remaining <= 0:
        if snap.segment_index + 1 >= len(plan.segments):
            return "end"
        return "next" if last_cue else "skip"
    per_cue = snap.segment.planned_seconds / n_cues
    if not last_cue and snap.segment_elapsed >= per_cue * (snap.cue_index + 1):
        return "next"
    return None
