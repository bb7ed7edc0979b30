"""Live products between two stations on one PostgreSQL database: a change on the controller
reaches the anchor's derived figures through the change notification, and a change made while
the server is away is queued and applied exactly once."""

# ruff: noqa: F811  (pytest fixtures imported from pg_cluster are parameters by design)
from __future__ import annotations

import time

import pytest
from pg_cluster import PgCluster, pg_cluster, pg_url, wait_for  # noqa: F401
from two_stations import arrival, stations  # noqa: F401 - the fixture

from studio.demo import demo_script_path
from studio.products.changes import add_stock, change_price, present, start_flash_sale
from studio.products.history import product_history
from studio.products.reader import LiveProducts
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store

pytestmark = pytest.mark.postgres

SKU = "MZ-KH03"


def test_price_change_on_the_controller_reaches_the_anchors_card(
    stations: tuple[Store, Store],
) -> None:
    """The anchor's reader, woken by the notification (no polling sleep), derives the
    controller's new price, the flash sale and the presenting product."""
    controller, anchor = stations
    show = create_show_from_script_file(controller, demo_script_path())
    card = LiveProducts(anchor, show, time.time)
    try:
        before = card.refresh()
        assert next(d for d in before if d.sku == SKU).effective_price_cents == 15_900
        got = arrival(anchor, "product")
        change_price(controller, show, SKU, 14_900, who="场控")
        assert got.wait(10), "the anchor never heard of the change"
        lip = next(d for d in card.refresh() if d.sku == SKU)
        assert lip.effective_price_cents == 14_900

        start_flash_sale(controller, show, SKU, 9_900, 300, seconds=300)
        present(controller, show, SKU)

        def presenting() -> bool:
            card.refresh()
            shown = card.presenting()
            return shown is not None and shown.sku == SKU

        assert wait_for(presenting)
        lip = next(d for d in card.refresh() if d.sku == SKU)
        assert lip.effective_price_cents == 9_900 and lip.flash is not None
        assert lip.flash.quota_left == 300 and lip.presenting
        assert [h.station for h in product_history(anchor, show, SKU)] == ["controller"] * 6
    finally:
        card.close()


def test_change_made_while_the_server_is_down_arrives_once(
    pg_cluster: PgCluster, pg_url: str
) -> None:
    """A top-up made with the server stopped is queued, applied once when it is back, and
    the other station then sees it."""
    controller = Store.open(pg_url, station="controller")
    anchor = Store.open(pg_url, station="anchor")
    card: LiveProducts | None = None
    try:
        show = create_show_from_script_file(controller, demo_script_path())
        card = LiveProducts(anchor, show, time.time)
        card.refresh()
        pg_cluster.stop()
        r = add_stock(controller, show, SKU, 200, who="场控", floor_cents=8_900)
        assert r.queued and controller.outbox_size() == 1
        got = arrival(anchor, "product")
        pg_cluster.start()
        assert wait_for(lambda: controller.outbox_size() == 0 and controller.link_status.online, 30)
        assert got.wait(10)
        lip = next(d for d in card.refresh() if d.sku == SKU)
        assert (lip.product.stock_added, lip.stock_left) == (200, 1_700)
        assert len(product_history(anchor, show, SKU)) == 1
        controller.flush_outbox()
        assert len(product_history(anchor, show, SKU)) == 1
    finally:
        if not pg_cluster.running():
            pg_cluster.start()
        if card is not None:
            card.close()
        controller.close()
        anchor.close()
