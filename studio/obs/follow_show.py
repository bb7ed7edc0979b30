"""OBS recording that follows the show: started when the rundown starts, stopped when it ends.

Pure, so the rule is tested without OBS or Qt; the station that drives the rundown applies it
(a follower never does, or two stations would start the same recording).
"""

from __future__ import annotations


def recording_step(before: str, after: str) -> str | None:
    """What to do with the recording when the runner's status moves from `before` to `after`:
    `start`, `stop`, or None."""
    if before == "ready" and after == "running":
        return "start"
    if before in ("running", "held") and after == "ended":
        return "stop"
    return None
