"""Product changes as marks on the live dashboard's time axis (studio.metrics.queries /
live_spans): one mark per change of one product, clustered like incidents."""

from __future__ import annotations

import pytest

from studio.demo import demo_script_path
from studio.metrics.live_spans import group_product_marks
from studio.metrics.queries import product_marks
from studio.products.changes import add_stock, change_price, end_flash_sale, start_flash_sale
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store

NOW = 1_797_000_000.0


class FakeClock:
    def __init__(self, t: float = NOW) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def show(store: Store) -> int:
    return create_show_from_script_file(store, demo_script_path())


def test_each_change_is_one_mark_with_its_fields(store: Store, show: int) -> None:
    """A price change, a top-up and a flash sale (four fields) are three marks in time order
    (and the sale's end a fourth),
    with the product's name, who, and old -> new as stored."""
    clock = FakeClock()
    change_price(store, show, "MZ-KH03", 14_900, who="小王", clock=clock)
    clock.t += 5
    add_stock(store, show, "MZ-KH03", 50, who="小李", clock=clock)
    clock.t += 100
    start_flash_sale(store, show, "MZ-KH03", 9_900, 300, seconds=600, clock=clock)
    marks = product_marks(store, show)
    assert [(m.at, m.kind) for m in marks] == [
        (NOW, "price"),
        (NOW + 5, "stock"),
        (NOW + 105, "flash"),
        (NOW + 705, "flash"),  # the sale's planned end
    ]
    price = marks[0]
    assert price.sku == "MZ-KH03" and price.who == "小王" and price.name
    assert [(c.field, c.old, c.new) for c in price.changes] == [
        ("live_price_cents", "15900", "14900")
    ]
    assert {c.field for c in marks[2].changes} >= {"flash_price_cents", "flash_quota"}


def test_close_changes_cluster_into_one_marker(store: Store, show: int) -> None:
    """Changes 5 s apart are one marker under a 30 s gap, apart under a 2 s gap."""
    clock = FakeClock()
    change_price(store, show, "MZ-KH03", 14_900, clock=clock)
    clock.t += 5
    add_stock(store, show, "MZ-KH03", 50, clock=clock)
    marks = product_marks(store, show)
    [group] = group_product_marks(marks, 30.0)
    assert group.at == NOW and group.kinds == ("price", "stock")
    assert len(group_product_marks(marks, 2.0)) == 2


def test_a_timed_flash_sale_ends_with_a_mark_unless_ended_earlier(store: Store, show: int) -> None:
    """A 120 s flash sale has an end mark 120 s after its start; one ended by hand after 30 s
    has only the hand-made end (no end mark at the planned time)."""
    clock = FakeClock()
    start_flash_sale(store, show, "MZ-KH03", 9_900, 300, seconds=120, clock=clock)
    marks = product_marks(store, show)
    assert [(m.at - NOW, m.kind) for m in marks] == [(0, "flash"), (120, "flash")]
    assert [c.field for c in marks[1].changes] == ["flash_ends_at"]
    clock.t += 30
    end_flash_sale(store, show, "MZ-KH03", clock=clock)
    assert [m.at - NOW for m in product_marks(store, show)] == [0, 30]
