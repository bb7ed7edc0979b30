"""Is the platform feed live, and how fresh is it, by the show's clock.

The stalled-feed rule (studio.metrics.alerts) compares the newest platform sample's own time
with the show clock. On the demo's accelerated clock a sample needs a real second or so to reach
the dashboard (the writer's linger, the repaint timer, a busy GUI thread), which is many show
seconds: that slack is not a stall. The rule is armed only once the feed is live (the show is on
air, or fresh samples arrived while the show was on screen), so reviewing an old show's samples
raises nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from studio.metrics.series import ShowTiming

# Real seconds from a sample's commit to the panel drawing it (writer linger 0.2 s, repaint
# timer 0.25 s, a busy GUI thread).
PIPELINE_LATENCY_S = 1.5
# "Updated 10:04:31" says how old the data is once it is this many show seconds behind.
LAG_SHOWN_FROM_S = 10
DEFAULT_STALL_S = 30.0


def pipeline_slack(demo_speed: float) -> float:
    """Show seconds the pipeline may lag without counting as stalled (0 on a real clock)."""
    speed = float(demo_speed or 1.0)
    return PIPELINE_LATENCY_S * max(0.0, speed - 1.0)


def stall_limit(rules: Mapping[str, Any]) -> float:
    """Seconds without a sample that the alert rules call a stalled feed."""
    return float(rules.get("feed_stalled", {}).get("seconds", DEFAULT_STALL_S))


def on_air(timing: ShowTiming | None) -> bool:
    """The show is live, so a feed is expected to be sending."""
    return timing is not None and timing.status == "live"


def watched_sample_ts(
    watched: float | None,
    newest: float | None,
    *,
    now: float,
    limit_s: float,
    slack_s: float,
    live: bool,
    seen: bool,
) -> float | None:
    """The sample time the stalled-feed rule watches after a read; None: not armed yet.

    `watched` is the value before the read, `newest` the newest platform sample held now, `now`
    the show clock, `live` whether the show is on air, `seen` whether samples were announced
    while the show was on screen. Once armed it only moves forward (a late row does not make
    the feed look older)."""
    if newest is None:
        return watched
    if watched is None:
        fresh = now - newest <= limit_s + slack_s
        if not (live or (seen and fresh)):
            return None
        return newest
    return max(newest, watched)


def lag_shown(now: float, last: float, slack_s: float, watched: float | None) -> int | None:
    """Whole show seconds the data is behind the clock, when "Updated" should say so (the feed
    is armed and at least LAG_SHOWN_FROM_S behind beyond the pipeline's slack); else None."""
    behind = now - last - slack_s
    if watched is None or behind < LAG_SHOWN_FROM_S:
        return None
    return int(behind)
