"""The incident markers of the review's charts: incidents close together on the time axis become
one marker with a count (studio.metrics.markers), labelled with the numbers of the incidents
table ("!3", or "!3–5 ×3" for three), coloured by the worst severity among them.

The review panel, the HTML and the PDF draw these same marks; only the width a label takes
(and so how close is "close") depends on the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studio.metrics.markers import cluster_markers, gap_for_pixels
from studio.review.model import IncidentRef


@dataclass(frozen=True)
class IncidentMark:
    at: float  # epoch seconds of its first incident
    end: float  # of its last one
    numbers: tuple[int, ...]  # 1-based, as the incidents table numbers them, in time order
    severity: int  # the worst of its incidents (1 is the worst)

    @property
    def count(self) -> int:
        return len(self.numbers)

    @property
    def label(self) -> str:
        return mark_label(self.numbers)


def mark_label(numbers: Sequence[int]) -> str:
    """ "!3" for one incident; "!3–5 ×3" for a run of numbers; "!3… ×2" when they are not one run."""
    if not numbers:
        return ""
    first = numbers[0]
    if len(numbers) == 1:
        return f"!{first}"
    ordered = sorted(numbers)
    run = ordered == list(range(ordered[0], ordered[0] + len(ordered)))
    span = f"!{ordered[0]}–{ordered[-1]}" if run else f"!{first}…"
    return f"{span} ×{len(numbers)}"


def widest_label(n: int) -> str:
    """The longest label `n` incidents can make: the width every marker is given room for."""
    return mark_label(range(max(1, n - 1), n + 1)) if n > 1 else mark_label([max(1, n)])


def incident_marks(
    items: Sequence[IncidentRef],
    t0: float,
    t1: float,
    width_px: float,
    label_px: float,
) -> list[IncidentMark]:
    """The markers of `items` on a chart `width_px` wide showing [t0, t1] (epoch seconds):
    incidents less than `label_px` pixels apart share one. Incidents outside [t0, t1] get none,
    but keep their number."""
    xs = [it if t0 <= it <= t1 else float("nan") for it in (i.at.timestamp() for i in items)]
    gap = gap_for_pixels(label_px, t0, t1, width_px)
    return [
        IncidentMark(
            at=c.x,
            end=c.end,
            numbers=tuple(m + 1 for m in c.members),
            severity=min(items[m].severity for m in c.members),
        )
        for c in cluster_markers(xs, gap)
    ]
