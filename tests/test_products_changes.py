"""Changes of live products: event rows, the state machine, undo, refusals, the offline outbox
(queued and applied exactly once) and what reaching a segment does."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from studio.demo import demo_script_path
from studio.products.changes import (
    BelowFloor,
    ProductEdit,
    ProductError,
    ProductNotFound,
    add_stock,
    change_price,
    edit_product,
    end_flash_sale,
    last_change,
    needs_confirmation,
    present,
    reorder_links,
    set_link,
    set_state,
    start_flash_sale,
    undo,
    undo_last_change,
)
from studio.products.cues import CueProductSettings, on_segment_reached
from studio.products.history import product_history
from studio.products.reader import LiveProducts, derive_show, find
from studio.runner.events import LiveRunner
from studio.runner.recovery import rebuild_runner
from studio.script.loader import load_script_file
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Product, ProductEvent
from studio.store.store import Store
from studio.store.sync.outbox import Outbox
from studio.store.sync.writes import SyncWriter
from studio.timeutil import from_epoch

NOW = 1_797_000_000.0


class FakeClock:
    def __init__(self, t: float = NOW) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def show(store: Store) -> int:
    return create_show_from_script_file(store, demo_script_path())


def row(store: Store, show_id: int, sku: str) -> Product:
    with store.session() as s:
        p = s.scalars(select(Product).where(Product.show_id == show_id, Product.sku == sku)).one()
        s.expunge(p)
        return p


def events(store: Store) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(ProductEvent)) or 0)


def test_price_change_is_an_event_with_who_where_when_and_why(
    store: Store, show: int, clock: FakeClock
) -> None:
    """The row changes, one event keeps old -> new, who, station, segment/cue, reason, time;
    the segment defaults to where the rundown is."""
    store.station = "controller-1"
    runner: LiveRunner = rebuild_runner(store, show, clock)
    runner.act("start")
    runner.act("next")
    r = change_price(
        store, show, "MZ-KH03", 14_900, who="小王", reason="competitor at 149", clock=clock
    )
    assert not r.queued and r.events == 1
    assert row(store, show, "MZ-KH03").live_price_cents == 14_900
    [h] = product_history(store, show)
    assert h.as_json() == {
        "at": from_epoch(NOW).isoformat(),
        "sku": "MZ-KH03",
        "field": "live_price_cents",
        "old": 15_900,
        "new": 14_900,
        "who": "小王",
        "station": "controller-1",
        "segment": "opening",
        "cue": 1,
        "reason": "competitor at 149",
        "op": r.op,
        "undoes": None,
    }
    d = find(derive_show(store, show, from_epoch(NOW)), "MZ-KH03")
    assert d is not None and d.effective_price_cents == 14_900


def test_one_product_presenting_at_a_time(store: Store, show: int, clock: FakeClock) -> None:
    """Presenting B puts A back to listed in the same change; undo brings A back."""
    present(store, show, "MZ-JH01", clock=clock)
    r = present(store, show, "MZ-FD02", clock=clock)
    states = {d.sku: d.product.state for d in derive_show(store, show, from_epoch(NOW))}
    assert {k: states[k] for k in ("MZ-JH01", "MZ-FD02")} == {
        "MZ-JH01": "listed",
        "MZ-FD02": "presenting",
    }
    assert r.events == 2
    undo(store, show, r.op, clock=clock)
    assert row(store, show, "MZ-JH01").state == "presenting"
    assert row(store, show, "MZ-FD02").state == "pending"
    set_state(store, show, "MZ-FD02", "unlisted", clock=clock)
    set_state(store, show, "MZ-FD02", "listed", clock=clock)
    with pytest.raises(ProductError, match="back to pending"):
        set_state(store, show, "MZ-FD02", "pending", clock=clock)


def test_undo_takes_a_top_up_back_as_a_delta_and_refuses_stale_undos(
    store: Store, show: int, clock: FakeClock
) -> None:
    """+200 then +50, undo the +200: 50 stay added. A price changed again since cannot be
    undone, nor can a change twice."""
    first = add_stock(store, show, "MZ-JH01", 200, clock=clock)
    add_stock(store, show, "MZ-JH01", 50, clock=clock)
    undo(store, show, first.op, clock=clock)
    assert row(store, show, "MZ-JH01").stock_added == 50
    with pytest.raises(ProductError, match="undone already"):
        undo(store, show, first.op, clock=clock)
    p1 = change_price(store, show, "MZ-JH01", 24_900, clock=clock)
    change_price(store, show, "MZ-JH01", 23_900, clock=clock)
    with pytest.raises(ProductError, match="changed again"):
        undo(store, show, p1.op, clock=clock)
    assert row(store, show, "MZ-JH01").live_price_cents == 23_900


def test_undo_last_change_only_within_ten_seconds_and_only_this_station(
    store: Store, show: int, clock: FakeClock
) -> None:
    """The station's last change can be undone for 10 s; after that, or for another
    station's change, there is nothing to undo."""
    store.station = "a"
    r = change_price(store, show, "MZ-FD02", 19_900, clock=clock)
    clock.t += 11
    assert undo_last_change(store, show, clock=clock) is None
    r = change_price(store, show, "MZ-FD02", 18_900, clock=clock)
    store.station = "b"
    assert last_change(store, show, clock=clock) is None
    store.station = "a"
    clock.t += 9
    done = undo_last_change(store, show, clock=clock)
    assert done is not None and row(store, show, "MZ-FD02").live_price_cents == 19_900
    assert last_change(store, show, clock=clock) is None  # an undo is not undone again
    assert r.op != done.op


def test_refusals_write_nothing(store: Store, show: int, clock: FakeClock) -> None:
    """Below the floor (unless forced), price 0, negative top-up, taken link, unknown SKU or
    state: refused with a reason and no row written."""
    edit_product(store, show, "MZ-KH03", ProductEdit(floor_cents=12_000), clock=clock)
    before = events(store)
    with pytest.raises(BelowFloor, match="below the floor"):
        change_price(store, show, "MZ-KH03", 11_900, clock=clock)
    with pytest.raises(BelowFloor):
        start_flash_sale(store, show, "MZ-KH03", 9_900, 300, clock=clock)
    for bad in (
        lambda: change_price(store, show, "MZ-KH03", 0, clock=clock),
        lambda: edit_product(store, show, "MZ-KH03", ProductEdit(stock_add=-5), clock=clock),
        lambda: set_link(store, show, "MZ-KH03", 1, clock=clock),  # MZ-JH01's
        lambda: set_state(store, show, "MZ-KH03", "gone", clock=clock),
        lambda: edit_product(store, show, "MZ-KH03", ProductEdit(), clock=clock),
    ):
        with pytest.raises(ProductError):
            bad()
    with pytest.raises(ProductNotFound):
        change_price(store, show, "NOPE", 100, clock=clock)
    with pytest.raises(ProductNotFound):
        change_price(store, show + 99, "MZ-KH03", 100, clock=clock)
    assert events(store) == before
    forced = change_price(store, show, "MZ-KH03", 11_900, force=True, clock=clock)
    assert forced.events == 1
    d = find(derive_show(store, show, from_epoch(NOW)), "MZ-KH03")
    assert d is not None and "below_floor" in d.flags


def test_confirmation_for_big_moves_and_prices_under_the_floor() -> None:
    """More than 30 % up or down, or under the floor, needs a confirmation; 30 % exactly not."""
    assert needs_confirmation("A", 10_000, 7_000, None) == []
    assert len(needs_confirmation("A", 10_000, 6_900, None)) == 1
    assert len(needs_confirmation("A", 10_000, 13_100, None)) == 1
    both = needs_confirmation("A", 10_000, 6_000, 8_000)
    assert len(both) == 2 and "floor" in both[1].english()


def test_link_numbers_reorder_in_one_change(store: Store, show: int, clock: FakeClock) -> None:
    """Reordering gives 1..N in the new order; products not named lose a clashing number."""
    r = reorder_links(store, show, ["MZ-XS08", "MZ-JH01"], clock=clock)
    links = {p.product.sku: p.product.link for p in derive_show(store, show, from_epoch(NOW))}
    assert links["MZ-XS08"] == 1 and links["MZ-JH01"] == 2
    assert links["MZ-FD02"] is None  # had 2
    assert links["MZ-KH03"] == 3
    assert r.events == 3  # XS08 8 -> 1, JH01 1 -> 2, FD02 2 -> none
    order = [d.product.sku for d in derive_show(store, show, from_epoch(NOW))][:3]
    assert order == ["MZ-XS08", "MZ-JH01", "MZ-KH03"]


def test_flash_sale_start_and_end_by_hand(store: Store, show: int, clock: FakeClock) -> None:
    """A started sale sets price, quota and window; ending it early moves its end to now."""
    start_flash_sale(store, show, "MZ-KH03", 9_900, 300, seconds=300, clock=clock)
    clock.t += 60
    end_flash_sale(store, show, "MZ-KH03", clock=clock)
    p = row(store, show, "MZ-KH03")
    assert (p.flash_price_cents, p.flash_quota) == (9_900, 300)
    assert p.flash_starts_at == from_epoch(NOW) and p.flash_ends_at == from_epoch(NOW + 60)
    with pytest.raises(ProductError, match="no flash sale"):
        end_flash_sale(store, show, "MZ-JH01", clock=clock)


def test_reaching_segments_presents_and_runs_the_flash_sale_once(
    store: Store, show: int, clock: FakeClock
) -> None:
    """Entering the essence segment presents it; the flash segment starts ¥99 x 300 for its
    planned 5 minutes (once, even if entered again); the next segment ends it early."""
    script = load_script_file(demo_script_path())
    seg = {s.id: s for s in script.segments}
    on_segment_reached(store, show, seg["essence"], 0, clock=clock)
    assert row(store, show, "MZ-JH01").state == "presenting"
    clock.t += 600
    on_segment_reached(store, show, seg["flash-lipstick"], 0, clock=clock)
    lip = row(store, show, "MZ-KH03")
    assert lip.state == "presenting" and row(store, show, "MZ-JH01").state == "listed"
    assert (lip.flash_price_cents, lip.flash_quota) == (9_900, 300)
    assert lip.flash_ends_at == from_epoch(clock.t + 300)
    clock.t += 30
    assert on_segment_reached(store, show, seg["flash-lipstick"], 0, clock=clock) == []
    clock.t += 60
    after = next(s for s in script.segments[script.segments.index(seg["flash-lipstick"]) + 1 :])
    on_segment_reached(store, show, after, 0, clock=clock)
    assert row(store, show, "MZ-KH03").flash_ends_at == from_epoch(clock.t)
    history = product_history(store, show, "MZ-KH03")
    assert {h.who for h in history} == {"runner"}
    off = CueProductSettings(present=False, flash_sales=False)
    assert on_segment_reached(store, show, seg["foundation"], 0, settings=off, clock=clock) == []


def test_live_products_rereads_on_changes_only(store: Store, show: int, clock: FakeClock) -> None:
    """The 1 Hz reader sees a change published on the bus, and its presenting product."""
    live = LiveProducts(store, show, clock)
    try:
        assert live.refresh()[0].product.state == "pending"
        present(store, show, "MZ-JH01", clock=clock)
        assert live.refresh() and live.presenting() is not None
        assert live.presenting().sku == "MZ-JH01"  # type: ignore[union-attr]
        assert live.by_link(1) is live.get("MZ-JH01")
    finally:
        live.close()


# -- offline -----------------------------------------------------------------------------------


@pytest.fixture
def station(store: Store, tmp_path: Path) -> Store:
    """The SQLite store with an outbox, as a station on a shared database has one; the test
    cuts the link by marking it offline."""
    store.outbox = Outbox(tmp_path / "outbox.sqlite")
    store.sync_writer = SyncWriter(store, store.outbox, store.link)
    return store


def queued(box: Outbox) -> list[dict[str, Any]]:
    with sqlite3.connect(box.path) as conn:
        return [json.loads(e) for (e,) in conn.execute("SELECT entry FROM outbox ORDER BY seq")]


def test_offline_changes_are_queued_and_applied_exactly_once(
    station: Store, clock: FakeClock
) -> None:
    """A price change, a top-up and a present made offline wait in the outbox (the floor is
    checked against what the board shows), apply once with their own time, and a replay of
    the same entries changes nothing."""
    show = create_show_from_script_file(station, demo_script_path())
    station.link.update(online=False, error="test: link cut")
    with pytest.raises(BelowFloor):
        change_price(station, show, "MZ-KH03", 5_000, floor_cents=8_900, clock=clock)
    r1 = change_price(station, show, "MZ-KH03", 14_900, floor_cents=8_900, clock=clock)
    clock.t += 5
    r2 = add_stock(station, show, "MZ-KH03", 200, clock=clock)
    r3 = present(station, show, "MZ-KH03", clock=clock)
    assert r1.queued and r2.queued and r3.queued and station.outbox_size() == 3
    assert row(station, show, "MZ-KH03").live_price_cents == 15_900
    assert station.outbox is not None
    entries = queued(station.outbox)

    station.link.update(online=True)
    assert station.flush_outbox() == 3
    p = row(station, show, "MZ-KH03")
    assert (p.live_price_cents, p.stock_added, p.state) == (14_900, 200, "presenting")
    history = product_history(station, show)
    assert [(h.field, h.at) for h in history] == [
        ("live_price_cents", from_epoch(NOW)),
        ("stock_added", from_epoch(NOW + 5)),
        ("state", from_epoch(NOW + 5)),
    ]
    station.outbox.put(entries)  # as after a crash between the commit and emptying the outbox
    assert station.flush_outbox() == 3
    assert len(product_history(station, show)) == 3
    assert row(station, show, "MZ-KH03").stock_added == 200


def test_queued_change_never_overwrites_a_later_one(station: Store, clock: FakeClock) -> None:
    """A price queued offline at t arrives after another station set the price at t+10: the
    later price stays (the top-up in the same change still counts)."""
    show = create_show_from_script_file(station, demo_script_path())
    station.link.update(online=False)
    edit = ProductEdit(live_price_cents=14_900, stock_add=100)
    edit_product(station, show, "MZ-KH03", edit, clock=clock)
    station.link.update(online=True)
    # Another station's change, written straight to the database, 10 s later.
    with station.transaction() as s:
        s.add(
            ProductEvent(show_id=show, sku="MZ-KH03", at=from_epoch(NOW + 10),
                         field="live_price_cents", old="15900", new="13900", op="x" * 32)
        )  # fmt: skip
        p = s.scalars(select(Product).where(Product.sku == "MZ-KH03")).one()
        p.live_price_cents = 13_900
    assert station.flush_outbox() == 1
    p = row(station, show, "MZ-KH03")
    assert (p.live_price_cents, p.stock_added) == (13_900, 100)


def test_undo_made_offline_applies_after_its_change(station: Store, clock: FakeClock) -> None:
    """Change and its undo both queued: replayed in order, the price ends where it started."""
    show = create_show_from_script_file(station, demo_script_path())
    station.link.update(online=False)
    r = change_price(station, show, "MZ-FD02", 19_900, clock=clock)
    u = undo(station, show, r.op, clock=clock)
    assert u.queued
    station.link.update(online=True)
    assert station.flush_outbox() == 2
    assert row(station, show, "MZ-FD02").live_price_cents == 21_900
    assert [h.undoes for h in product_history(station, show)] == [None, r.op]
    assert timedelta(0) == product_history(station, show)[1].at - from_epoch(NOW)
