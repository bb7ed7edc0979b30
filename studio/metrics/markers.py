"""Markers close together on a time axis become one marker with a count.

Incidents (and product changes, messages) that happen within a few seconds of each other pile into
an unreadable smear on a chart; the live graphs, the review charts and the PDF all draw one marker
per cluster instead, labelled with how many it stands for. The caller picks `min_gap` in axis units
from how wide a marker's label is on its chart (`gap_for_pixels`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Cluster:
    """One drawn marker: at `x` (its earliest member's position), standing for `count` input
    markers whose indices into the caller's sequence are `members`, in time order; `end` is the
    latest member's position (a tooltip may say "12:03–12:05")."""

    x: float
    count: int
    members: tuple[int, ...]
    end: float


def cluster_markers(xs: Sequence[float], min_gap: float) -> list[Cluster]:
    """Group the positions `xs` into clusters, in time order: a marker joins the current cluster
    when it lies less than `min_gap` after the cluster's FIRST marker, else it starts a new one.

    Measuring from the cluster's first marker (not from its previous one) keeps every cluster at
    most `min_gap` wide and puts successive drawn markers at least `min_gap` apart, so their labels
    never overlap however densely incidents arrive. Positions that are not finite numbers (NaN, inf)
    belong to no cluster; a `min_gap` of 0 or less keeps every marker apart."""
    order = sorted((i for i, x in enumerate(xs) if math.isfinite(x)), key=lambda i: (xs[i], i))
    clusters: list[Cluster] = []
    start = 0.0
    members: list[int] = []

    def close() -> None:
        clusters.append(Cluster(start, len(members), tuple(members), xs[members[-1]]))

    for i in order:
        x = xs[i]
        if members and x - start < min_gap:
            members.append(i)
            continue
        if members:
            close()
        start, members = x, [i]
    if members:
        close()
    return clusters


def gap_for_pixels(min_px: float, x0: float, x1: float, width_px: float) -> float:
    """The axis distance that `min_px` pixels cover on a chart `width_px` wide showing [x0, x1];
    0 (no clustering) for an empty or degenerate chart."""
    if width_px <= 0 or not x1 > x0 or not math.isfinite(x1 - x0):
        return 0.0
    return max(0.0, min_px) * (x1 - x0) / width_px
