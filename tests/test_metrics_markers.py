"""Close markers become one marker with a count (live graphs, review charts, PDF) — no Qt."""

from __future__ import annotations

import itertools
import math
import random

from studio.metrics.markers import Cluster, cluster_markers, gap_for_pixels


def test_close_markers_become_one_with_a_count() -> None:
    """Markers within min_gap of a cluster's first one join it; a far one starts a new cluster."""
    clusters = cluster_markers([100.0, 130.0, 150.0, 400.0], min_gap=60.0)
    assert clusters == [
        Cluster(x=100.0, count=3, members=(0, 1, 2), end=150.0),
        Cluster(x=400.0, count=1, members=(3,), end=400.0),
    ]


def test_unsorted_input_keeps_indices_into_the_callers_sequence() -> None:
    """The input need not be in time order: members index the caller's list, in time order."""
    clusters = cluster_markers([500.0, 10.0, 20.0], min_gap=30.0)
    assert [(c.x, c.members) for c in clusters] == [(10.0, (1, 2)), (500.0, (0,))]


def test_a_steady_stream_does_not_chain_into_one_wide_cluster() -> None:
    """Markers every 10 s with a 25 s gap make clusters at most 25 s wide, not one long smear."""
    xs = [float(10 * i) for i in range(10)]
    clusters = cluster_markers(xs, min_gap=25.0)
    assert [c.members for c in clusters] == [(0, 1, 2), (3, 4, 5), (6, 7, 8), (9,)]
    assert all(c.end - c.x < 25.0 for c in clusters)


def test_drawn_markers_are_at_least_min_gap_apart() -> None:
    """Whatever the input, successive cluster positions are >= min_gap apart and every marker
    is counted exactly once."""
    rng = random.Random(7)
    xs = [rng.uniform(0, 3600) for _ in range(300)]
    clusters = cluster_markers(xs, min_gap=90.0)
    assert all(b.x - a.x >= 90.0 for a, b in itertools.pairwise(clusters))
    assert sorted(i for c in clusters for i in c.members) == list(range(300))
    assert all(c.count == len(c.members) for c in clusters)


def test_equal_times_and_a_zero_gap() -> None:
    """Identical times cluster with a positive gap; a zero gap keeps every marker on its own."""
    assert [c.count for c in cluster_markers([5.0, 5.0, 5.0], min_gap=1.0)] == [3]
    assert [c.count for c in cluster_markers([5.0, 5.0, 6.0], min_gap=0.0)] == [1, 1, 1]


def test_bad_positions_are_left_out_not_fatal() -> None:
    """NaN and infinite positions belong to no cluster; an empty input gives no clusters."""
    clusters = cluster_markers([math.nan, 1.0, math.inf, 2.0], min_gap=5.0)
    assert [c.members for c in clusters] == [(1, 3)]
    assert cluster_markers([], min_gap=5.0) == []


def test_gap_for_pixels() -> None:
    """40 px on a 400 px chart of one hour is 360 s; a degenerate chart gives no gap."""
    assert gap_for_pixels(40, 0.0, 3600.0, 400) == 360.0
    assert gap_for_pixels(40, 10.0, 10.0, 400) == 0.0
    assert gap_for_pixels(40, 0.0, 3600.0, 0) == 0.0
