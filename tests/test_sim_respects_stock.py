"""`studio ingest --source sim` never sells past a product's stock left."""

from __future__ import annotations

from pathlib import Path

from studio.cli import main
from studio.demo import ensure_demo_show
from studio.products.reader import derive_show
from studio.store.models import Product
from studio.store.store import Store
from studio.timeutil import from_epoch


def test_simulated_orders_stop_at_the_stock_left(tmp_path: Path) -> None:
    """A product with 7 units sells at most 7 over a whole simulated show."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    store = Store.open(url)
    try:
        show_id = ensure_demo_show(store)
        with store.transaction() as s:
            for p in s.query(Product).filter(Product.show_id == show_id):
                if p.sku == "MZ-JH01":
                    p.stock = 7
    finally:
        store.close()
    code = main(["--db", url, "ingest", "--show", str(show_id), "--source", "sim", "--speed", "0"])
    assert code == 0
    store = Store.open(url)
    try:
        derived = {d.sku: d for d in derive_show(store, show_id, from_epoch(4_000_000_000))}
        assert derived["MZ-JH01"].sold == 7  # sells out, never oversold
        assert "oversell" not in derived["MZ-JH01"].flags
    finally:
        store.close()
