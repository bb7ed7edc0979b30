"""Alert rules on the live numbers: feed stalled, viewers dropping, GMV or viewers pace behind
target.

Rules are configurable in the profile's `alerts` section (defaults below). The monitor is pure
bookkeeping: `evaluate(...)` is given the facts and calls `on_condition(key, active, message)`
only when a condition starts or ends, so the incident log can open and close auto-incidents.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from studio.i18n_marks import QT_TRANSLATE_NOOP, Template
from studio.metrics import fmt
from studio.metrics.series import F64

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "feed_stalled": {"enabled": True, "seconds": 30},
    "viewers_drop": {"enabled": True, "fraction": 0.20, "window_seconds": 120, "min_viewers": 50},
    "gmv_pace": {"enabled": True, "min_fraction_of_target": 0.80, "after_show_fraction": 0.20},
    "traffic_pace": {
        "enabled": True,
        "min_fraction_of_target": 0.80,
        "after_show_fraction": 0.20,
    },
}

FEED_STALLED = "metrics.feed_stalled"
VIEWERS_DROP = "metrics.viewers_drop"
GMV_PACE = "metrics.gmv_pace"
TRAFFIC_PACE = "metrics.traffic_pace"

# The messages are English built from these marked templates (literal context and text: lupdate
# extracts them into metrics_zh_CN.ts); the GUI shows them translated with
# studio.ui.common.texts.condition_text. Pre-formatted figures (money, counts) stay strings.
STALLED = QT_TRANSLATE_NOOP("MetricsAlerts", "Metrics feed stalled: no sample for {secs:.0f} s")
NOT_STARTED = QT_TRANSLATE_NOOP("MetricsAlerts", "Metrics feed has not started")
DROP = QT_TRANSLATE_NOOP(
    "MetricsAlerts", "Online viewers dropped {drop:.0%} in {minutes:.0f} min ({peak} → {now})"
)
PACE = QT_TRANSLATE_NOOP("MetricsAlerts", "GMV pace {pace} is {pct:.0f}% of target {target}")
VIEWERS_PACE = QT_TRANSLATE_NOOP(
    "MetricsAlerts", "Viewers pace {pace} is {pct:.0f}% of traffic target {target}"
)
CONDITION_TEXTS: dict[str, tuple[Template, ...]] = {
    FEED_STALLED: (STALLED, NOT_STARTED),
    VIEWERS_DROP: (DROP,),
    GMV_PACE: (PACE,),
    TRAFFIC_PACE: (VIEWERS_PACE,),
}

OnCondition = Callable[[str, bool, str], None]


@dataclass(frozen=True)
class Facts:
    now: float  # the show's clock (accelerated in the demo)
    # Time stamp (show clock) of the newest sample while the feed is live; None: not started.
    # Sample time, not arrival time: a collector that keeps re-sending an old reading is
    # stalled too.
    last_sample_ts: float | None
    online_ts: F64
    online: F64
    gmv_cents: float | None
    pace_cents: float | None
    target_cents: int
    elapsed_s: float | None
    planned_s: int
    # Show-clock seconds a sample needs to reach the dashboard that are not a stall (the
    # writer's linger and the repaint interval; many show seconds on an accelerated clock).
    slack_s: float = 0.0
    # Viewers against the traffic target: kpi.traffic_pace(...).projected and the target.
    viewers_pace: float | None = None
    traffic_target: int = 0


class AlertMonitor:
    def __init__(self, rules: dict[str, Any], on_condition: OnCondition) -> None:
        self.rules = rules
        self.on_condition = on_condition
        self.active: dict[str, str] = {}

    def _set(self, key: str, active: bool, message: str) -> None:
        if active and key not in self.active:
            self.active[key] = message
            log.warning("alert raised: %s", message)
            self.on_condition(key, True, message)
        elif not active and key in self.active:
            del self.active[key]
            log.info("alert cleared: %s (%s)", key, message)
            self.on_condition(key, False, message)

    def evaluate(self, f: Facts) -> None:
        r = self.rules.get("feed_stalled", {})
        if r.get("enabled", True):
            limit = float(r.get("seconds", 30))
            gap = None if f.last_sample_ts is None else f.now - f.last_sample_ts
            self._set(
                FEED_STALLED,
                gap is not None and gap > limit + f.slack_s,
                STALLED.format(secs=gap) if gap is not None else str(NOT_STARTED),
            )
        r = self.rules.get("viewers_drop", {})
        if r.get("enabled", True) and len(f.online):
            window = float(r.get("window_seconds", 120))
            recent = f.online[f.online_ts >= f.online_ts[-1] - window]
            peak = float(np.max(recent)) if len(recent) else 0.0
            now_v = float(f.online[-1])
            drop = (peak - now_v) / peak if peak > 0 else 0.0
            active = peak >= float(r.get("min_viewers", 50)) and drop > float(
                r.get("fraction", 0.2)
            )
            self._set(
                VIEWERS_DROP,
                active,
                DROP.format(
                    drop=drop, minutes=window / 60, peak=fmt.count(peak), now=fmt.count(now_v)
                ),
            )
        r = self.rules.get("gmv_pace", {})
        if r.get("enabled", True):
            active, pct = _behind(r, f, f.pace_cents, f.target_cents)
            self._set(
                GMV_PACE,
                active,
                PACE.format(
                    pace=fmt.money_cents(f.pace_cents, 0),
                    pct=pct,
                    target=fmt.money_cents(f.target_cents, 0),
                ),
            )
        r = self.rules.get("traffic_pace", {})
        if r.get("enabled", True):
            active, pct = _behind(r, f, f.viewers_pace, f.traffic_target)
            self._set(
                TRAFFIC_PACE,
                active,
                VIEWERS_PACE.format(
                    pace=fmt.count(f.viewers_pace), pct=pct, target=fmt.count(f.traffic_target)
                ),
            )


def _behind(
    rule: dict[str, Any], f: Facts, pace: float | None, target: float
) -> tuple[bool, float]:
    """(the projection is below the rule's share of the target, the projection in % of it),
    judged only once the rule's share of the planned time has passed."""
    share = float(rule.get("min_fraction_of_target", 0.8))
    after = float(rule.get("after_show_fraction", 0.2))
    active = bool(
        target > 0
        and f.planned_s > 0
        and f.elapsed_s is not None
        and f.elapsed_s >= after * f.planned_s
        and pace is not None
        and pace < share * target
    )
    return active, (pace or 0) / target * 100 if target else 0
