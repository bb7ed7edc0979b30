"""The readiness gate carries the compliance check and the lessons of earlier reviews."""

from __future__ import annotations

from pathlib import Path

from clock import FakeClock

from studio.planning.readiness import readiness, waive
from studio.planning.review_actions import add_action
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Show
from studio.store.store import Store

SCRIPT = """\
title: 合规测试
products:
  - {sku: A1, name: 面霜, list_price: 199, live_price: 99, stock: 100, link: 1}
segments:
  - id: open
    kind: opening
    duration: 60s
    cues: [欢迎来到直播间]
  - id: sell
    kind: product
    product: A1
    duration: 120s
    cues: ["{claim}"]
"""


def _show(store: Store, tmp_path: Path, claim: str) -> int:
    path = tmp_path / f"s{abs(hash(claim))}.yaml"
    path.write_text(SCRIPT.replace("{claim}", claim), encoding="utf-8")
    return create_show_from_script_file(store, path)


def _item(store: Store, show_id: int, key: str, clock: FakeClock) -> tuple[str, str | None]:
    checklist = readiness(store, show_id, clock=clock)
    item = next(i for i in checklist.items if i.key == key)
    return item.status, item.waiver_reason


def test_a_banned_claim_blocks_until_waived_with_a_reason(store: Store, tmp_path: Path) -> None:
    """全网最低价 in a cue fails the compliance item; a waiver with a reason lets the show on."""
    clock = FakeClock()
    clean = _show(store, tmp_path, "这款面霜很好用，今天直播间下单有赠品")
    dirty = _show(store, tmp_path, "全网最低价，今天买最划算")
    assert _item(store, clean, "compliance", clock)[0] == "pass"
    assert _item(store, dirty, "compliance", clock) == ("fail", None)
    waive(store, dirty, "compliance", "平台已确认价格宣传可用", clock=clock)
    assert _item(store, dirty, "compliance", clock) == ("waived", "平台已确认价格宣传可用")


def test_an_open_action_from_the_last_review_warns_the_next_show(
    store: Store, tmp_path: Path
) -> None:
    """An action decided in show A's review, due at the next show, warns show B's gate."""
    clock = FakeClock()
    first = _show(store, tmp_path, "欢迎")
    with store.transaction() as s:
        show = s.get(Show, first)
        assert show is not None
        show.status = "ended"
    add_action(store, first, "提前十分钟测试推流", owner="场控", clock=clock)
    clock.advance(3600)
    second = _show(store, tmp_path, "欢迎回来")
    assert _item(store, second, "review_actions", clock)[0] == "warn"


def test_the_stream_test_is_a_gate_item(store: Store, tmp_path: Path) -> None:
    """No OBS check and no test recording blocks; OBS checked only warns; both passed pass."""
    from studio.devices.checks_store import save_check
    from studio.devices.findings import Finding

    clock = FakeClock()
    show = _show(store, tmp_path, "欢迎")
    assert _item(store, show, "stream", clock)[0] == "fail"
    save_check(store, "obs", "obs", {}, [Finding("x", "pass", "ok")], show_id=show)
    assert _item(store, show, "stream", clock)[0] == "warn"
    save_check(store, "stream_test", "obs", {}, [Finding("x", "pass", "ok")], show_id=show)
    assert _item(store, show, "stream", clock)[0] == "pass"
