"""The product catalogue from the command line: add, list, pick into a show."""

from __future__ import annotations

import json

import pytest

from studio.cli import main
from studio.planning.catalog import show_products
from studio.store.shows import create_show
from studio.store.store import Store


def test_catalogue_products_are_picked_into_a_show(
    db_url: str, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Added products are listed; picking copies them into the show; unknown SKUs are refused."""
    assert main(["--db", db_url, "plan", "catalog", "add", "--sku", "MZ-01", "--name", "玻色因精华",
                 "--list-price", "399", "--live-price", "259", "--stock", "800",
                 "--point", "熬夜救星"]) == 0  # fmt: skip
    assert main(["--db", db_url, "plan", "catalog", "add", "--sku", "MZ-02", "--name", "粉底液",
                 "--list-price", "329", "--stock", "600"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["--db", db_url, "plan", "catalog", "list", "--json"]) == 0
    listed = {p["sku"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["MZ-01"]["live_price_cents"] == 25_900
    assert listed["MZ-02"]["live_price_cents"] == 32_900  # defaults to the list price
    show_id = create_show(store, "晚场")
    assert main(["--db", db_url, "plan", "pick", "--show", str(show_id), "MZ-01"]) == 0
    assert capsys.readouterr().out.split() == ["MZ-01"]
    assert [p.sku for p in show_products(store, show_id)] == ["MZ-01"]
    assert main(["--db", db_url, "plan", "pick", "--show", str(show_id), "MZ-99"]) == 1
    assert "MZ-99" in capsys.readouterr().err
