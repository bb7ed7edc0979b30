"""Insights over several stored shows, against values worked out by hand from the rows below."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from studio.cli import main
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.planning.crew import add_crew
from studio.review.insights_load import load_insights, values_at
from studio.runner.events import LiveRunner
from studio.runner.state import Plan
from studio.script.store_io import create_show_from_script_file, load_script
from studio.store.models import Product, Show
from studio.store.shows import create_show
from studio.store.store import Store

SCRIPT = """
title: 测试专场
products:
  - {sku: A1, name: 精华, list_price: 199, live_price: 99, stock: 100}
  - {sku: B2, name: 口红, list_price: 99, live_price: 59, stock: 50}
segments:
  - {id: open, title: 开场, kind: opening, duration: 10m}
  - {id: bag, title: 福袋, kind: lucky_bag, duration: 10m}
  - {id: talk, title: 讲品, kind: product, duration: 40m, product: A1}
"""
MON1 = datetime(2026, 11, 9, 20, 0, tzinfo=UTC)  # a Monday, 20:00
MON2 = datetime(2026, 11, 16, 20, 0, tzinfo=UTC)  # the next Monday, 20:00
WED = datetime(2026, 11, 11, 14, 0, tzinfo=UTC)  # a Wednesday, 14:00


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def _scripted(store: Store, path: Path, start: datetime, bounds: list[int], end: int) -> int:
    """A show of SCRIPT run from `start`: segment i starts at bounds[i] s, the show ends at
    `end` s; ended at that time."""
    sid = create_show_from_script_file(store, path)
    plan = Plan.from_script(load_script(store, sid))
    t0 = start.timestamp()
    clock = Clock(t0)
    runner = LiveRunner(store, sid, plan, clock)
    runner.act("start")
    for i, b in enumerate(bounds[1:], start=1):
        clock.t = t0 + b
        runner.act("jump", i)
    clock.t = t0 + end
    runner.act("end")
    with store.transaction() as s:
        s.execute(
            update(Show)
            .where(Show.id == sid)
            .values(started_at=start, ended_at=start + timedelta(seconds=end), status="ended")
        )
    return sid


def _samples(
    store: Store, sid: int, start: datetime, series: dict[str, list[tuple[int, int]]], sku: str = ""
) -> None:
    t0 = start.timestamp()
    write_samples(
        store,
        [make_row(sid, "feed", m, t0 + t, v, sku) for m, pts in series.items() for t, v in pts],
    )


@pytest.fixture
def shows(store: Store, tmp_path: Path) -> dict[str, int]:
    path = tmp_path / "s.yaml"
    path.write_text(SCRIPT, encoding="utf-8")
    # Show 1: Monday 20:00, 2 h; segments 0-600, 600-1200, 1200-7200 s.
    one = _scripted(store, path, MON1, [0, 600, 1200], 7200)
    _samples(
        store,
        one,
        MON1,
        {
            "gmv_cents": [(1, 0), (600, 10_000), (1200, 30_000), (7200, 600_000)],
            "new_followers": [(1, 0), (600, 20), (1200, 100), (7200, 150)],
            "entries": [(1, 0), (600, 500), (1200, 1500), (7200, 4000)],
            "viewers_total": [(7200, 3000)],
            "orders": [(7200, 60)],
            "buyers": [(7200, 50)],
            "product_clicks": [(7200, 500)],
        },
    )
    _samples(
        store,
        one,
        MON1,
        {
            "product_exposures": [(7200, 2000)],
            "product_clicks": [(7200, 400)],
            "buyers": [(7200, 40)],
            "orders": [(7200, 48)],
            "gmv_cents": [(3000, 100_000), (7200, 480_000)],
        },
        sku="A1",
    )
    add_crew(store, one, "anchor", "小美")
    # Show 2: the next Monday 20:00, 1 h; segments 0-300, 300-900, 900-3600 s; B2 topped up.
    two = _scripted(store, path, MON2, [0, 300, 900], 3600)
    _samples(
        store,
        two,
        MON2,
        {
            "gmv_cents": [(1, 0), (300, 5_000), (900, 25_000), (3600, 300_000)],
            "new_followers": [(1, 0), (300, 10), (900, 70), (3600, 90)],
            "entries": [(1, 0), (300, 200), (900, 900), (3600, 2000)],
            "viewers_total": [(3600, 2000)],
            "orders": [(3600, 30)],
            "buyers": [(3600, 25)],
            "product_clicks": [(3600, 250)],
        },
    )
    _samples(
        store,
        two,
        MON2,
        {
            "product_exposures": [(3600, 1000)],
            "product_clicks": [(3600, 100)],
            "buyers": [(3600, 10)],
            "orders": [(3600, 10)],
            "gmv_cents": [(3600, 100_000)],
        },
        sku="A1",
    )
    _samples(
        store,
        two,
        MON2,
        {
            "product_exposures": [(3600, 500)],
            "product_clicks": [(3600, 50)],
            "buyers": [(3600, 20)],
            "orders": [(3600, 25)],
            "gmv_cents": [(3600, 147_500)],
        },
        sku="B2",
    )
    with store.transaction() as s:
        s.execute(
            update(Product)
            .where(Product.show_id == two, Product.sku == "B2")
            .values(stock_added=50)
        )
    add_crew(store, two, "anchor", "小美")
    add_crew(store, two, "anchor", "阿强")
    # Show 3: Wednesday 14:00, no script, never ended: its hours run to its last sample (3 h).
    three = create_show(store, "周三快闪")
    with store.transaction() as s:
        s.execute(update(Show).where(Show.id == three).values(started_at=WED, status="live"))
    _samples(
        store,
        three,
        WED,
        {
            "gmv_cents": [(600, 50_000), (10_800, 90_000)],
            "viewers_total": [(10_800, 1200)],
            "new_followers": [(10_800, 12)],
            "buyers": [(10_800, 9)],
            "product_clicks": [(10_800, 30)],
        },
    )
    add_crew(store, three, "anchor", "阿强")
    # Not counted: a rehearsal, and a show that never started.
    rehearsal = create_show(store, "彩排", is_rehearsal=True)
    with store.transaction() as s:
        s.execute(
            update(Show).where(Show.id == rehearsal).values(started_at=MON1 - timedelta(days=1))
        )
    _samples(store, rehearsal, MON1, {"gmv_cents": [(60, 999_999)]})
    create_show(store, "下周计划")
    return {"one": one, "two": two, "three": three}


def test_slots_products_kinds_and_anchors_by_hand(store: Store, shows: dict[str, int]) -> None:
    """Every figure equals the hand computation from the rows of the three live shows."""
    ins = load_insights(store, tz=UTC)
    assert ins.shows == 3 and ins.hours == pytest.approx(2 + 1 + 3)
    # Monday 20:00: two shows, 3 h, ¥6,000 + ¥3,000; Wednesday 14:00: 3 h, ¥900.
    slots = {(r.weekday, r.hour): r for r in ins.slots}
    assert set(slots) == {(0, 20), (2, 14)}
    mon = slots[(0, 20)]
    assert (mon.shows, mon.gmv_cents, mon.viewers) == (2, 900_000, 5000)
    assert mon.hours == pytest.approx(3.0)
    assert mon.gmv_per_hour_cents == pytest.approx(300_000)
    assert mon.viewers_per_hour == pytest.approx(5000 / 3)
    assert slots[(2, 14)].gmv_per_hour_cents == pytest.approx(30_000)

    products = {p.sku: p for p in ins.products}
    a1, b2 = products["A1"], products["B2"]
    assert [p.sku for p in ins.products] == ["A1", "B2"]  # by GMV: ¥5,800 then ¥1,475
    assert (a1.shows, a1.exposures, a1.clicks, a1.buyers, a1.orders) == (2, 3000, 500, 50, 58)
    assert a1.gmv_cents == 580_000 and a1.stock == 200
    assert a1.ctr == pytest.approx(500 / 3000) and a1.cvr == pytest.approx(50 / 500)
    assert a1.sell_through == pytest.approx(58 / 200)
    assert [(h.show_id, h.gmv_cents) for h in a1.history] == [
        (shows["one"], 480_000),
        (shows["two"], 100_000),
    ]
    assert a1.history[0].cvr == pytest.approx(40 / 400)
    assert a1.history[1].sell_through == pytest.approx(10 / 100)
    # B2 had no samples in show 1 (in the script, never sold): stock 50 there, 50 + 50 in show 2.
    assert b2.shows == 2 and b2.stock == 150 and b2.orders == 25
    assert b2.sell_through == pytest.approx(25 / 150)
    assert b2.history[0].gmv_cents is None

    kinds = {k.kind: k for k in ins.kinds}
    assert set(kinds) == {"opening", "lucky_bag", "product"}
    opening, bag, talk = kinds["opening"], kinds["lucky_bag"], kinds["product"]
    assert opening.segments == 2 and opening.minutes == pytest.approx(15)
    assert opening.gmv_cents == 10_000 + 5_000
    assert opening.gmv_per_minute_cents == pytest.approx(15_000 / 15)
    # Lucky bags: followers 100-20 and 70-10 -> 140 over 2 bags.
    assert bag.new_followers == 140 and bag.followers_per_segment == pytest.approx(70)
    assert bag.entries == 1000 + 700 and bag.entries_per_segment == pytest.approx(850)
    # Explanation: ¥5,700 over 100 min and ¥2,750 over 45 min.
    assert talk.gmv_cents == 570_000 + 275_000
    assert talk.minutes == pytest.approx(145)
    assert talk.gmv_per_minute_cents == pytest.approx(845_000 / 145)

    anchors = {a.name: a for a in ins.anchors}
    mei, qiang = anchors["小美"], anchors["阿强"]
    assert (mei.shows, mei.gmv_cents, mei.viewers, mei.new_followers) == (2, 900_000, 5000, 240)
    assert mei.hours == pytest.approx(3) and mei.gmv_per_hour_cents == pytest.approx(300_000)
    assert mei.follow_rate == pytest.approx(240 / 5000)
    assert mei.cvr == pytest.approx((50 + 25) / (500 + 250))
    assert (qiang.shows, qiang.gmv_cents) == (2, 300_000 + 90_000)
    assert qiang.hours == pytest.approx(4)
    assert qiang.gmv_per_hour_cents == pytest.approx(390_000 / 4)
    assert [a.name for a in ins.anchors] == ["小美", "阿强"]  # by GMV per hour


def test_window_and_command(
    store: Store, shows: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    """--from/--to select shows by their start; the JSON has every section; bad times exit 2."""
    ins = load_insights(store, MON1 + timedelta(days=1), MON2, tz=UTC)
    assert ins.shows == 1 and ins.slots[0].weekday == 2
    db = str(store.engine.url)
    assert main(["--db", db, "insights", "--from", "2026-11-10T00:00:00+00:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["shows"] == 2
    assert set(data) >= {"slots", "products", "segment_kinds", "anchors"}
    assert {k["kind"] for k in data["segment_kinds"]} == {"opening", "lucky_bag", "product"}
    assert main(["--db", db, "insights"]) == 0
    assert "live show(s)" in capsys.readouterr().out
    assert main(["--db", db, "insights", "--from", "yesterday"]) == 2
    assert main(["--db", db, "insights", "--from", "2026-12-01", "--to", "2026-11-01"]) == 2


def test_boundary_values_are_the_values_standing_then(store: Store, shows: dict[str, int]) -> None:
    """values_at answers each (metric, time) with the last sample at or before it, None before
    the first."""
    t0 = MON1.timestamp()
    with store.session() as s:
        got = values_at(
            s,
            shows["one"],
            [("gmv_cents", t0 + 599), ("gmv_cents", t0 + 600), ("entries", t0), ("nothing", t0)],
        )
    assert got == [0.0, 10_000.0, None, None]


def test_insights_tables_in_both_languages(store: Store, shows: dict[str, int]) -> None:
    """The GUI page's tables carry the same figures, named in English and Chinese."""
    from studio.review import insights_tables as it

    ins = load_insights(store, tz=UTC)
    en = it.slots(ins, "en")
    assert en.rows[0] == ("Mon 20:00", "2", "3.0", "¥3,000", "1,667", "¥9,000")
    assert it.slots(ins, "zh_CN").rows[1][0] == "周三 14:00"
    assert it.products(ins, "zh_CN").headers[3] == "成交金额"
    assert it.products(ins, "en").rows[0][:4] == ("A1", "精华", "2", "¥5,800")
    kinds = {r[0]: r for r in it.kinds(ins, "zh_CN").rows}
    assert kinds["福袋"][4] == "70.0" and kinds["讲品"][3] == f"¥{845_000 / 145 / 100:,.0f}"
    anchors = it.anchors(ins, "en")
    assert anchors.rows[0][0] == "小美" and anchors.rows[0][3] == "¥3,000"
    assert anchors.rows[0][5] == "4.8%"
