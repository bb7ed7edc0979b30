"""The headless contract: `studio product list|set|flash|history|undo`, `studio coupon add|list`."""

from __future__ import annotations

import json

import pytest

from studio.cli import main
from studio.demo import demo_script_path

LIST_KEYS = {
    "sku", "link", "name", "state", "list_price_cents", "live_price_cents",
    "effective_price_cents", "floor_cents", "stock_initial", "stock_added", "sold", "stock_left",
    "flash_sale", "coupons", "product_exposures", "clicks", "orders", "gmv_cents", "ctr", "cvr",
    "flags",
}  # fmt: skip
HISTORY_KEYS = {"at", "sku", "field", "old", "new", "who", "station", "segment", "reason"}


def run(capsys: pytest.CaptureFixture[str], db_url: str, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", db_url, *argv])
    except SystemExit as exc:  # argparse refusing an argument
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def show(capsys, db_url: str) -> str:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        capsys, db_url, "show", "create", "--title", "CLI", "--script", str(demo_script_path())
    )
    assert code == 0
    return out.strip()


def product_list(capsys, db_url: str, show: str) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, db_url, "product", "list", "--show", show, "--json")
    assert code == 0
    return {p["sku"]: p for p in json.loads(out)}


def test_list_json_has_the_contract_keys_and_values(capsys, db_url, show) -> None:
    """Every product with at least the contract keys; the script's figures come through."""
    products = product_list(capsys, db_url, show)
    assert len(products) == 8
    lip = products["MZ-KH03"]
    assert set(lip) >= LIST_KEYS
    assert (lip["link"], lip["state"], lip["live_price_cents"], lip["floor_cents"]) == (
        3, "pending", 15_900, 8_900
    )  # fmt: skip
    assert (lip["stock_initial"], lip["stock_added"], lip["sold"], lip["stock_left"]) == (
        1_500, 0, 0, 1_500
    )  # fmt: skip
    assert lip["flash_sale"] is None and lip["ctr"] is None and lip["flags"] == []
    assert [c["value_cents"] for c in products["MZ-JH01"]["coupons"]] == [2_000, 3_000]  # type: ignore[union-attr]
    code, out, _ = run(capsys, db_url, "product", "list", "--show", show)
    assert code == 0 and "MZ-KH03" in out


def test_set_changes_fields_and_history_lists_them(capsys, db_url, show) -> None:
    """set changes link, price, floor, stock and state in one change; history --json lists
    one entry per field with the contract keys."""
    code, out, _ = run(
        capsys, db_url, "product", "set", "--show", show, "--sku", "MZ-XS08", "--link", "9",
        "--price", "299", "--floor", "250", "--stock-add", "40", "--state", "listed",
        "--reason", "补货到了",
    )  # fmt: skip
    assert code == 0 and "5 field(s)" in out
    p = product_list(capsys, db_url, show)["MZ-XS08"]
    assert (p["link"], p["live_price_cents"], p["floor_cents"], p["stock_added"], p["state"]) == (
        9, 29_900, 25_000, 40, "listed"
    )  # fmt: skip
    code, out, _ = run(capsys, db_url, "product", "history", "--show", show, "--json")
    entries = json.loads(out)
    assert code == 0 and all(set(e) >= HISTORY_KEYS for e in entries)
    assert {(e["field"], e["old"], e["new"]) for e in entries} == {
        ("link", 8, 9),
        ("live_price_cents", 32_900, 29_900),
        ("floor_cents", None, 25_000),
        ("stock_added", 0, 40),
        ("state", "pending", "listed"),
    }
    assert {e["reason"] for e in entries} == {"补货到了"} and {e["who"] for e in entries} == {"cli"}
    code, out, _ = run(
        capsys, db_url, "product", "history", "--show", show, "--sku", "MZ-JH01", "--json"
    )
    assert code == 0 and json.loads(out) == []
    op = entries[0]["op"]
    code, _, _ = run(capsys, db_url, "product", "undo", "--show", show, "--op", op)
    assert code == 0
    assert product_list(capsys, db_url, show)["MZ-XS08"]["live_price_cents"] == 32_900
    code, _, err = run(capsys, db_url, "product", "undo", "--show", show, "--op", op)
    assert code == 1 and "undone already" in err


def test_price_below_floor_exits_1_unless_forced(capsys, db_url, show) -> None:
    """Below the floor: exit 1 with a one-line reason, nothing written; --force sells."""
    code, _, err = run(
        capsys, db_url, "product", "set", "--show", show, "--sku", "MZ-KH03", "--price", "88"
    )
    assert code == 1 and "below the floor" in err and len(err.strip().splitlines()) == 1
    assert product_list(capsys, db_url, show)["MZ-KH03"]["live_price_cents"] == 15_900
    code, _, _ = run(
        capsys, db_url, "product", "set", "--show", show, "--sku", "MZ-KH03", "--price", "88",
        "--force",
    )  # fmt: skip
    assert code == 0
    p = product_list(capsys, db_url, show)["MZ-KH03"]
    assert p["live_price_cents"] == 8_800 and "below_floor" in p["flags"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "argv",
    [
        ("--sku", "NOPE", "--price", "10"),  # unknown SKU
        ("--sku", "MZ-KH03", "--price", "0"),  # price 0
        ("--sku", "MZ-KH03", "--price", "abc"),  # not an amount
        ("--sku", "MZ-KH03", "--stock-add", "-5"),  # negative stock
        ("--sku", "MZ-KH03", "--link", "1"),  # link number taken (MZ-JH01)
        ("--sku", "MZ-KH03", "--state", "pending"),  # not a state one can set
        (
            "--sku",
            "MZ-KH03",
        ),  # nothing to change
    ],
)
def test_bad_input_exits_2_and_writes_nothing(capsys, db_url, show, argv) -> None:
    """Unusable input: exit 2, a message, and no change recorded."""
    code, _, err = run(capsys, db_url, "product", "set", "--show", show, *argv)
    assert code == 2 and err.strip()
    code, out, _ = run(capsys, db_url, "product", "history", "--show", show, "--json")
    assert json.loads(out) == []


def test_unknown_show_exits_2(capsys, db_url, show) -> None:
    """A show that does not exist is unusable input for every command."""
    for argv in (
        ("product", "list", "--show", "999", "--json"),
        ("product", "set", "--show", "999", "--sku", "MZ-KH03", "--price", "10"),
        ("product", "history", "--show", "999", "--json"),
        ("coupon", "list", "--show", "999", "--json"),
        ("coupon", "add", "--show", "999", "--value", "5", "--count", "1"),
    ):
        code, _, err = run(capsys, db_url, *argv)
        assert code == 2 and err.strip(), argv


def test_flash_sale_by_command_shows_in_the_list(capsys, db_url, show) -> None:
    """flash starts a sale: the list shows the flash price and the whole quota left; --end
    stops it; a flash sale without price and quota is unusable input."""
    code, _, _ = run(
        capsys, db_url, "product", "flash", "--show", show, "--sku", "MZ-KH03", "--price", "99",
        "--quota", "300", "--seconds", "300",
    )  # fmt: skip
    assert code == 0
    p = product_list(capsys, db_url, show)["MZ-KH03"]
    fs = p["flash_sale"]
    assert p["effective_price_cents"] == 9_900
    assert isinstance(fs, dict) and (fs["price_cents"], fs["quota"], fs["quota_left"]) == (
        9_900, 300, 300
    )  # fmt: skip
    code, _, _ = run(
        capsys, db_url, "product", "flash", "--show", show, "--sku", "MZ-KH03", "--end"
    )
    assert code == 0
    assert product_list(capsys, db_url, show)["MZ-KH03"]["effective_price_cents"] == 15_900
    code, _, _ = run(capsys, db_url, "product", "flash", "--show", show, "--sku", "MZ-KH03")
    assert code == 2


def test_coupon_add_and_list(capsys, db_url, show) -> None:
    """add prints the coupon's id; list --json has its terms; the product's 到手价 uses it."""
    code, out, _ = run(
        capsys, db_url, "coupon", "add", "--show", show, "--value", "30", "--threshold", "150",
        "--count", "100", "--from", "2020-12-12T19:00:00+08:00", "--to",
        "2099-12-12T23:59:00+08:00", "--sku", "MZ-KH03", "--name", "口红券",
    )  # fmt: skip
    assert code == 0
    uid = out.strip()
    code, out, _ = run(capsys, db_url, "coupon", "list", "--show", show, "--json")
    mine = [c for c in json.loads(out) if c["uid"] == uid]
    assert code == 0 and len(mine) == 1
    assert mine[0] | {"uid": None} == {
        "uid": None, "name": "口红券", "value_cents": 3_000, "threshold_cents": 15_000,
        "count": 100, "claimed": 0, "used": 0, "left": 100,
        "valid_from": "2020-12-12T11:00:00+00:00", "valid_to": "2099-12-12T15:59:00+00:00",
        "skus": ["MZ-KH03"],
    }  # fmt: skip
    lip = product_list(capsys, db_url, show)["MZ-KH03"]
    assert lip["best_price_cents"] == 15_900 - 3_000


@pytest.mark.parametrize(
    "argv",
    [
        ("--value", "0", "--count", "1"),
        ("--value", "-5", "--count", "1"),
        ("--value", "5", "--count", "-1"),
        ("--value", "5", "--count", "1", "--to", "tomorrow"),
        ("--value", "5", "--count", "1", "--from", "2026-12-12T20:00+08:00", "--to",
         "2026-12-12T19:00+08:00"),
        ("--value", "5", "--count", "1", "--sku", "NOPE"),
    ],
)  # fmt: skip
def test_bad_coupon_exits_2_and_writes_nothing(capsys, db_url, show, argv) -> None:
    """Zero or negative amounts, bad times, an unknown SKU: exit 2, no coupon issued."""
    code, _, err = run(capsys, db_url, "coupon", "add", "--show", show, *argv)
    assert code == 2 and err.strip()
    code, out, _ = run(capsys, db_url, "coupon", "list", "--show", show, "--json")
    assert len(json.loads(out)) == 2  # the demo's two
