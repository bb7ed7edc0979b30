"""The readiness gate: blocked until checks pass or are waived with a reason; going live records
the time; products, stock, crew and warm-up tasks feed the checklist."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from studio.devices.checks_store import save_check
from studio.devices.findings import Finding
from studio.planning.catalog import (
    CatalogError,
    ProductInfo,
    select_products,
    show_products,
    update_show_product,
    upsert_catalog,
)
from studio.planning.crew import add_crew, add_default_tasks, add_task, list_tasks, set_task_done
from studio.planning.readiness import NotReady, ReadinessError, go_live, readiness, waive
from studio.planning.status import StatusError, set_status
from studio.planning.stock import StockPlan, check_one, check_stock, load_stock_plan
from studio.planning.text import render
from studio.script.store_io import create_show_from_script_file
from studio.store.models import ReadinessWaiver, Show
from studio.store.shows import create_show
from studio.store.store import Store
from studio.timeutil import from_epoch

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "show.yaml"
NOW = 1_797_000_000.0


def _clock() -> float:
    return NOW


def test_blocked_then_waived_then_live_with_started_at(store: Store) -> None:
    """The demo show is blocked only by missing device checks; a failed camera is blocked until
    waived with a reason; going live then records the status and the clock's time."""
    sid = create_show_from_script_file(store, DEMO)
    checklist = readiness(store, sid, clock=_clock)
    blocking = {i.key for i in checklist.blocking}
    assert blocking == {"device:camera", "device:mic", "device:light", "stream"}
    assert checklist.item("script").status == "pass" and checklist.item("targets").status == "pass"
    with pytest.raises(NotReady) as refused:
        go_live(store, sid, clock=_clock)
    assert {i.key for i in refused.value.checklist.blocking} == blocking
    with store.session() as s:
        assert s.get(Show, sid).status == "planned" and s.get(Show, sid).started_at is None

    save_check(store, "mic", "mic0", {}, [Finding("level", "pass", "ok")], show_id=sid)
    for kind in ("obs", "stream_test"):  # the stream test: OBS checked, a test recording made
        save_check(store, kind, "obs", {}, [Finding("x", "pass", "ok")], show_id=sid)
    save_check(store, "light", "cam0", {}, [Finding("cct", "warn", "a bit warm")], show_id=sid)
    save_check(
        store, "camera", "cam0", {}, [Finding("focus", "fail", "lens out of focus")], show_id=sid
    )
    checklist = readiness(store, sid, clock=_clock)
    assert [i.key for i in checklist.blocking] == ["device:camera"]
    assert "lens out of focus" in checklist.item("device:camera").message_text("en")
    assert checklist.item("device:light").status == "warn"  # warnings never block

    with pytest.raises(ReadinessError, match="needs a reason"):
        go_live(store, sid, {"device:camera": "  "}, clock=_clock)
    go_live(store, sid, {"device:camera": "backup camera on set"}, who="阿强", clock=_clock)
    with store.session() as s:
        show = s.get(Show, sid)
        assert show.status == "live" and show.started_at == from_epoch(NOW)
        waiver = s.scalar(select(ReadinessWaiver).where(ReadinessWaiver.show_id == sid))
        assert (waiver.item, waiver.reason, waiver.who) == (
            "device:camera",
            "backup camera on set",
            "阿强",
        )
    with pytest.raises(StatusError):
        go_live(store, sid, clock=_clock)  # already live
    after = readiness(store, sid, clock=_clock)
    assert after.item("device:camera").status == "waived"
    assert "backup camera" in after.item("device:camera").message_text("zh_CN")


def test_stored_waiver_and_unattached_recent_checks_count(store: Store) -> None:
    """A waiver stored earlier unblocks; checks run without a show count if recent enough."""
    sid = create_show_from_script_file(store, DEMO)
    for kind in ("camera", "mic", "obs", "stream_test"):
        save_check(store, kind, "dev", {}, [Finding("x", "pass", "ok")])  # no show, just now
    import time

    checklist = readiness(store, sid, clock=time.time)
    assert [i.key for i in checklist.blocking] == ["device:light"]
    stale = readiness(store, sid, clock=lambda: time.time() + 13 * 3600)
    assert {i.key for i in stale.blocking} == {
        "device:camera",
        "device:mic",
        "device:light",
        "stream",
    }
    waive(store, sid, "device:light", "no key light tonight, daylight set")
    go_live(store, sid)
    with store.session() as s:
        assert s.get(Show, sid).status == "live"


def test_show_without_script_targets_or_products_is_blocked_in_both_languages(store: Store) -> None:
    """An empty show fails targets, script and products, with messages in English and Chinese."""
    sid = create_show(store, "空白场")
    checklist = readiness(store, sid, clock=_clock, device_kinds=())
    assert {i.key for i in checklist.blocking} == {"targets", "script", "products"}
    assert checklist.item("script").message_text("en") == "no script loaded"
    assert checklist.item("script").message_text("zh_CN") == "未加载脚本"
    assert checklist.item("crew").status == "warn"
    assert "主播" in checklist.item("crew").message_text("zh_CN")


def test_stock_check_warnings() -> None:
    """Short stock blocks; low stock, a live price above list and a flash price above live warn."""
    ok = check_one(StockPlan("A", "a", 10_000, 8_000, 1000, 100, 5_000, 300))
    assert ok.status == "pass" and ok.left_after == 600
    short = check_one(StockPlan("B", "b", 10_000, 8_000, 300, 200, None, 150))
    assert short.status == "fail" and short.messages[0][0] == "stock.short"
    assert "350" in render(short.messages[0], "en") and "超过库存" in render(
        short.messages[0], "zh_CN"
    )
    low = check_one(StockPlan("C", "c", 10_000, 12_000, 1000, 0, 13_000, 950))
    assert low.status == "warn"
    assert [m[0] for m in low.messages] == [
        "stock.low",
        "stock.price_above_list",
        "stock.flash_above_live",
    ]
    unpriced = check_one(StockPlan("D", "d", 10_000, 0, 0))
    assert [m[0] for m in unpriced.messages] == ["stock.no_price", "stock.out"]


def test_stock_plan_from_the_demo_script(store: Store) -> None:
    """Flash quantities come from the script; expected sales reach the GMV target."""
    sid = create_show_from_script_file(store, DEMO)
    plans = {p.sku: p for p in load_stock_plan(store, sid)}
    assert plans["MZ-KH03"].flash_quantity == 300 and plans["MZ-XZ07"].flash_quantity == 200
    assert plans["MZ-KH03"].flash_price_cents == 9_900
    expected_gmv = sum(p.expected_sales * p.live_price_cents for p in plans.values())
    assert expected_gmv >= 30_000_000  # the plan covers the ¥300,000 target
    assert all(line.status != "fail" for line in check_stock(list(plans.values())))
    update_show_product(store, sid, "MZ-XS08", stock=50)
    lines = {ln.plan.sku: ln for ln in check_stock(load_stock_plan(store, sid))}
    assert lines["MZ-XS08"].status == "fail"
    checklist = readiness(store, sid, clock=_clock, device_kinds=())
    assert checklist.item("products").status == "fail"
    assert "MZ-XS08" in checklist.item("products").message_text("zh_CN")


def test_catalogue_selection_copies_products(store: Store) -> None:
    """Picking from the catalogue copies rows into the show; the catalogue stays unchanged."""
    upsert_catalog(store, ProductInfo("TEA-1", "白茶", 19_900, 12_900, 400, 5_000, ("香",)))
    upsert_catalog(store, ProductInfo("CUP-2", "茶杯", 5_900, 3_900, 1_000))
    sid = create_show(store, "茶具专场")
    assert select_products(store, sid, ["TEA-1", "CUP-2", "TEA-1"]) == ["TEA-1", "CUP-2"]
    assert select_products(store, sid, ["TEA-1"]) == []  # already in the show
    with pytest.raises(CatalogError, match="NOPE"):
        select_products(store, sid, ["NOPE", "CUP-2"])
    update_show_product(store, sid, "TEA-1", live_price_cents=9_900)
    prods = {p.sku: p for p in show_products(store, sid)}
    assert prods["TEA-1"].live_price_cents == 9_900 and prods["TEA-1"].cost_cents == 5_000
    upsert_catalog(store, ProductInfo("TEA-1", "白茶 新版", 19_900, 12_900, 400))
    assert show_products(store, sid)[0].name == "白茶"
    with pytest.raises(CatalogError, match="negative"):
        upsert_catalog(store, ProductInfo("X", "x", -1))


def test_crew_and_warm_up_tasks(store: Store) -> None:
    """Crew completes the checklist item; warm-up tasks are done, late or missed by their due."""
    sid = create_show(store, "直播")
    add_crew(store, sid, "controller", "阿强")
    add_crew(store, sid, "anchor", "小美")
    ids = add_default_tasks(store, sid, "zh_CN", due_at=from_epoch(NOW - 3600))
    extra = add_task(store, sid, "确认库存", "仓库", from_epoch(NOW + 3600))
    set_task_done(store, ids[0], clock=lambda: NOW - 7200)
    set_task_done(store, ids[1], clock=lambda: NOW - 60)
    tasks = {t.id: t for t in list_tasks(store, sid)}
    now = from_epoch(NOW)
    assert tasks[ids[0]].state(now) == "done" and tasks[ids[1]].state(now) == "late"
    assert tasks[ids[2]].state(now) == "missed" and tasks[extra].state(now) == "pending"
    checklist = readiness(store, sid, clock=_clock, device_kinds=())
    assert checklist.item("crew").status == "pass"
    assert checklist.item("warmup").status == "warn"
    assert "2" in checklist.item("warmup").message_text("en")


def test_status_lifecycle(store: Store) -> None:
    """planned -> ready -> planned is allowed; live only through the gate; ended records the time."""
    sid = create_show(store, "流程")
    set_status(store, sid, "ready")
    set_status(store, sid, "planned")
    with pytest.raises(StatusError, match="readiness gate"):
        set_status(store, sid, "live")
    with pytest.raises(StatusError, match="cannot become ended"):
        set_status(store, sid, "ended")
    with store.transaction() as s:
        s.get(Show, sid).status = "live"
    set_status(store, sid, "ended", clock=_clock)
    with store.session() as s:
        assert s.get(Show, sid).ended_at == from_epoch(NOW)


def test_readiness_cli(store: Store, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`studio plan readiness --json` exits 1 while blocked; `go-live --waive` takes it live."""
    import json

    from studio.cli import main

    sid = create_show_from_script_file(store, DEMO)
    assert main(["--db", db_url, "plan", "readiness", "--show", str(sid), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ready"] is False and {"item", "status", "message"} <= set(out["items"][0])
    assert main(["--db", db_url, "plan", "go-live", "--show", str(sid)]) == 1
    waivers = [
        a for k in ("camera", "mic", "light") for a in ("--waive", f"device:{k}=checked by hand")
    ] + ["--waive", "stream=pushed a test stream on the platform by hand"]
    assert main(["--db", db_url, "plan", "go-live", "--show", str(sid), *waivers]) == 0
    assert main(["--db", db_url, "plan", "go-live", "--show", str(sid), "--waive", "bad"]) == 2
