"""Per-segment figures of the review, every one recomputed here from the raw sample rows, for a
rundown with Skip, a jump over a segment, a hold and an early end; and the funnel's order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.review import tables
from studio.review.html import render_html
from studio.review.load import build_review
from studio.runner.events import LiveRunner
from studio.runner.state import Plan
from studio.script.store_io import create_show_from_script_file, load_script
from studio.store.store import Store

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "show.yaml"
T0 = 1_797_100_000.0
# (action, seconds after the previous one, argument): segment 1 is cut by Skip after 10 min,
# 2 runs to a jump that passes over 3, 4 is held a minute and cut, 5 runs until an early end.
RUNDOWN = [
    ("start", 0, None),
    ("skip", 600, None),
    ("jump", 400, 3),
    ("hold", 500, None),
    ("resume", 60, None),
    ("skip", 300, None),
    ("end", 700, None),
]
METRICS = ("entries", "new_followers", "gmv_cents", "orders", "product_exposures")
METRICS += ("product_clicks", "buyers", "exposures", "viewers_total")


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def _play(store: Store) -> tuple[int, float, dict[str, list[tuple[float, float]]]]:
    """The demo show run through RUNDOWN, with samples every 4-9 s; returns the raw rows."""
    show_id = create_show_from_script_file(store, DEMO)
    plan = Plan.from_script(load_script(store, show_id))
    clock = Clock(T0)
    runner = LiveRunner(store, show_id, plan, clock)
    for action, after, arg in RUNDOWN:
        clock.t += after
        runner.act(action, *(() if arg is None else (arg,)))
    end = clock.t
    rng = np.random.default_rng(5)
    raw: dict[str, list[tuple[float, float]]] = {m: [] for m in (*METRICS, "online_viewers")}
    totals = dict.fromkeys(METRICS, 0)
    online = 300.0
    t = T0 - 20.0
    rows = []
    while t < end + 30:
        t += float(rng.integers(4, 10))
        online = max(0.0, online + float(rng.normal(3, 20)))
        steps = {
            "entries": rng.poisson(6),
            "new_followers": rng.poisson(0.6),
            "orders": rng.poisson(0.4),
            "buyers": rng.poisson(0.35),
            "product_clicks": rng.poisson(3),
            "exposures": rng.poisson(30),
            "viewers_total": rng.poisson(5),
        }
        steps["gmv_cents"] = steps["orders"] * 9900
        # Product exposures count every showing: more than the people who came in.
        steps["product_exposures"] = rng.poisson(25)
        for m in METRICS:
            totals[m] += int(steps[m])
            rows.append(make_row(show_id, "feed", m, t, totals[m]))
            raw[m].append((t, totals[m]))
        rows.append(make_row(show_id, "feed", "online_viewers", t, round(online)))
        raw["online_viewers"].append((t, round(online)))
    write_samples(store, rows)
    return show_id, end, raw


@pytest.fixture
def played(store: Store) -> tuple[Store, int, float, dict[str, list[tuple[float, float]]]]:
    show_id, end, raw = _play(store)
    return store, show_id, end, raw


def _at(points: list[tuple[float, float]], t: float) -> float:
    """The latest sample at or before t (0 before the first)."""
    v = 0.0
    for ts, val in points:
        if ts > t:
            break
        v = val
    return v


def _person_seconds(points: list[tuple[float, float]], st: float, en: float) -> float:
    """Online viewers over [st, en], each reading standing until the next."""
    total, t, level = 0.0, st, _at(points, st)
    for ts, val in points:
        if st < ts < en:
            total += level * (ts - t)
            t, level = ts, val
    return total + level * (en - t)


def test_every_segment_figure_matches_the_raw_rows(played) -> None:  # type: ignore[no-untyped-def]
    """GMV, orders, entries, left, online change, mean and peak online, new followers, follow
    rate and average watch time of each segment that ran equal a recomputation from the rows,
    however the segment ended (a Skip keeps its figures)."""
    store, show_id, end, raw = played
    review = build_review(store, show_id)
    starts = np.cumsum([after for _, after, _ in RUNDOWN])
    spans = {
        0: (T0, T0 + starts[1]),
        1: (T0 + starts[1], T0 + starts[2]),
        3: (T0 + starts[2], T0 + starts[5]),
        4: (T0 + starts[5], end),
    }
    online = raw["online_viewers"]
    for i, (st, en) in spans.items():
        row = review.segments[i]
        assert (row.start_ts, row.end_ts) == (pytest.approx(st), pytest.approx(en))

        def d(m: str, st: float = st, en: float = en) -> float:
            return _at(raw[m], en) - _at(raw[m], st)

        inside = [v for ts, v in online if st < ts <= en]
        net = _at(online, en) - _at(online, st)
        present = _at(online, st) + d("entries")
        assert row.gmv_cents == d("gmv_cents") and row.orders == d("orders")
        assert row.entries == d("entries") and row.online_delta == net
        assert row.left == max(0, d("entries") - net)
        assert row.avg_online == pytest.approx(sum(inside) / len(inside))
        assert row.peak_online == max(inside)
        assert row.new_followers == d("new_followers")
        assert row.follow_rate == pytest.approx(d("new_followers") / present)
        assert row.avg_watch_s == pytest.approx(_person_seconds(online, st, en) / present)
        assert row.ctr == pytest.approx(d("product_clicks") / d("product_exposures"))
        assert row.cvr == pytest.approx(d("buyers") / d("product_clicks"))
    assert review.segments[0].gmv_cents is not None  # cut by Skip after 10 minutes: has figures
    assert sum(review.segments[i].gmv_cents or 0 for i in spans) == _at(
        raw["gmv_cents"], end
    ) - _at(raw["gmv_cents"], T0)
    for i in (2, *range(5, len(review.segments))):
        g = review.segments[i]
        assert g.gmv_cents is None and g.new_followers is None and g.avg_watch_s is None


def test_states_and_labels_of_segments(played) -> None:  # type: ignore[no-untyped-def]
    """Cut by Skip, ran, passed over and not reached read as such in both languages; only the
    segments that never ran are greyed out."""
    store, show_id, _, _ = played
    review = build_review(store, show_id)
    states = [g.state for g in review.segments]
    assert states[:5] == ["cut", "ran", "skipped", "cut", "ran"]
    assert set(states[5:]) == {"not_reached"}
    assert review.segments[0].skipped and review.segments[2].skipped
    table = tables.segments(review, "en")
    assert table.rows[0][0].endswith("(cut short)") and "(" not in table.rows[1][0]
    assert table.rows[2][0].endswith("(skipped)") and table.rows[6][0].endswith("(not reached)")
    assert table.rows[0][6] != tables.DASH  # GMV shown for the segment cut by Skip
    assert table.muted == frozenset({2, *range(5, len(review.segments))})
    zh = tables.segment_audience(review, "zh_CN")
    assert zh.rows[0][0].endswith("（提前结束）") and zh.rows[2][0].endswith("（已跳过）")
    assert zh.rows[1][1] == "福袋"  # the demo's second segment is a lucky bag
    assert zh.headers[7:] == ("新增粉丝", "转粉率", "人均停留")
    g = review.segments[1]
    assert zh.rows[1][7] == f"{g.new_followers:,}" and zh.rows[1][6] == f"{g.online_delta:+,}"
    assert g.avg_watch_s is not None
    m, sec = divmod(round(g.avg_watch_s), 60)
    assert zh.rows[1][9] == f"{m}分{sec:02d}秒"  # never "1:15" (minutes or hours?)
    assert tables.segment_audience(review, "en").rows[1][9] == f"{m} min {sec:02d} s"


def test_measured_exits_are_the_viewers_lost(played) -> None:  # type: ignore[no-untyped-def]
    """When an export gave exits (离开人数), a segment's viewers lost are its exits."""
    store, show_id, _, _ = played
    exits = [(T0 + 60 * k, 7 * k) for k in range(1, 60)]
    write_samples(store, [make_row(show_id, "import:traffic", "exits", t, v) for t, v in exits])
    review = build_review(store, show_id)
    g = review.segments[0]
    assert g.start_ts is not None and g.end_ts is not None
    assert g.left == _at(exits, g.end_ts) - _at(exits, g.start_ts) == 70


def test_funnel_runs_in_order_and_explains_a_step_above_100(played) -> None:  # type: ignore[no-untyped-def]
    """Exposures → entries → product exposures → clicks → orders, each rate of the step before;
    the product-exposure step (counted per showing) is above 100 % and says so."""
    store, show_id, end, raw = played
    review = build_review(store, show_id)
    last = {m: _at(pts, end) for m, pts in raw.items()}  # as the show ended
    keys = ["exposures", "entries", "product_exposures", "product_clicks", "orders"]
    assert [f.key for f in review.funnel] == keys
    assert [f.value for f in review.funnel] == [last[k] for k in keys]
    assert review.funnel[0].rate is None
    for prev, step in zip(review.funnel, review.funnel[1:], strict=False):
        assert step.rate == pytest.approx(last[step.key] / last[prev.key])
        assert (step.note == "f.over") == (step.rate > 1)
    assert review.funnel[2].note == "f.over" and review.funnel[3].note is None
    html_zh = render_html(review, "zh_CN")
    assert "按展示次数计" in html_zh and "进入人数" in html_zh
    html_en = render_html(review, "en")
    assert "counts showings, not people" in html_en
    assert "Segments: viewers, follows and watch time" in html_en
