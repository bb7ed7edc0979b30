"""The rundown drives the product board: a segment's product is presented when it starts, a
flash-sale segment runs its sale, and a follower station never writes those changes."""

from __future__ import annotations

from clock import FakeClock
from pytestqt.qtbot import QtBot

from studio.demo import ensure_demo_show
from studio.products.reader import derive_show
from studio.store.store import Store
from studio.timeutil import from_epoch
from studio.ui.rundown.qt_runner import QtRunner


def _states(store: Store, show_id: int, clock: FakeClock) -> dict[str, str]:
    return {d.sku: d.product.state for d in derive_show(store, show_id, from_epoch(clock()))}


def test_reaching_a_segment_presents_its_product_and_runs_its_sale(
    store: Store, qtbot: QtBot
) -> None:
    """essence → MZ-JH01 presenting; flash-lipstick → MZ-KH03 presenting with its sale on."""
    clock = FakeClock()
    show_id = ensure_demo_show(store)
    runner = QtRunner(store, show_id, clock=clock)
    try:
        runner.start()
        keys = [s.id for s in runner.script.segments]
        runner.jump(keys.index("essence"))
        qtbot.waitUntil(lambda: _states(store, show_id, clock).get("MZ-JH01") == "presenting", timeout=5000)  # fmt: skip
        runner.jump(keys.index("flash-lipstick"))

        def sale_on() -> bool:
            d = {x.sku: x for x in derive_show(store, show_id, from_epoch(clock()))}
            return d["MZ-KH03"].product.state == "presenting" and d["MZ-KH03"].flash_running

        qtbot.waitUntil(sale_on, timeout=5000)
        assert _states(store, show_id, clock)["MZ-JH01"] != "presenting"  # one at a time
    finally:
        runner.shutdown()


def test_switched_off_or_following_it_changes_nothing(store: Store, qtbot: QtBot) -> None:
    """With the preference off (or on a follower) the board is left to the 中控."""
    clock = FakeClock()
    show_id = ensure_demo_show(store)
    before = _states(store, show_id, clock)
    runner = QtRunner(store, show_id, clock=clock)
    follower = QtRunner(store, show_id, clock=clock, follower=True)
    try:
        runner.products_follow = False
        runner.start()
        keys = [s.id for s in runner.script.segments]
        seen_before = follower.snapshot()
        runner.jump(keys.index("essence"))
        follower.session.follow()
        assert follower.snapshot().segment_index == keys.index("essence")
        assert follower.session.entered_segment(seen_before, follower.snapshot()) is None
        follower._follow_segment(seen_before)  # a follower never writes
        qtbot.wait(300)
        assert _states(store, show_id, clock) == before
    finally:
        runner.shutdown()
        follower.shutdown()
