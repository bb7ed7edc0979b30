"""The demo's flash sales, headless: the demo script, the rundown turned by the demo's autopilot
on a sped-up clock, the demo feed's simulator and the products core, as `studio demo --speed 60`
wires them (no GUI, no real time).

At speed 60 the autopilot's quarter-second tick is 15 show seconds, so the rundown reaches the
flash-sale segment a little after the script planned it; the flash sale (the window the runner
stamps on the show clock) must still sell out, the rule 口红秒杀抢光 must fire, and a reader in
another process must see the same figures on the same clock.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from studio.demo import CLOCK_KEY, demo_clock, ensure_demo_show, show_clock
from studio.metrics.series import latest_value
from studio.metrics.sources.sim import (
    FlashWindow,
    ShowSimulator,
    SimSegment,
    StoredFlashWindows,
    StoredRundown,
    feed_simulator,
)
from studio.metrics.writer import write_samples
from studio.products.cues import on_segment_reached
from studio.products.model import Derived
from studio.products.reader import derive_show, find
from studio.rules.live import LiveRules
from studio.runner.autopilot import autopilot_action
from studio.runner.session import RunnerSession
from studio.store.models import Show
from studio.store.store import Store
from studio.talkback.firings import FiringRecord
from studio.timeutil import from_epoch

SPEED = 60.0
TICK_S = 0.25  # the autopilot's QTimer, real seconds
LIPSTICK, REMOVER = "MZ-KH03", "MZ-XZ07"
SOLD_OUT_RULE = "口红秒杀抢光"


@dataclass
class Wall:
    """The wall clock the demo's clock is sped up from; moves only when told."""

    t: float = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


@dataclass
class DemoRun:
    store: Store
    show_id: int
    wall: Wall
    entered: dict[str, float] = field(default_factory=dict)  # segment -> show seconds in
    planned: dict[str, float] = field(default_factory=dict)
    firings: list[FiringRecord] = field(default_factory=list)


def play_demo(store: Store, *, jitter_s: float, seed: int = 1, rules: bool = False) -> DemoRun:
    """The whole demo show at SPEED: autopilot ticks every TICK_S real seconds plus up to
    `jitter_s` (a busy GUI thread), products following the rundown as the runner does, the
    simulator stepped up to the show clock before each tick, its samples written at once."""
    rnd = random.Random(seed)
    wall = Wall()
    show_id = ensure_demo_show(store)
    clock = demo_clock(store, show_id, SPEED, wall=wall)
    run = DemoRun(store, show_id, wall)
    wall.t += 2.0  # the window is built before the show goes on air
    session = RunnerSession(store, show_id, clock=clock)
    windows = StoredFlashWindows(store, show_id)
    rundown = StoredRundown(store, show_id)
    live_rules = (
        LiveRules(store, show_id, clock=clock, run_snapshot=session.snapshot) if rules else None
    )
    try:

        def act(action: str) -> None:
            before = session.snapshot()
            session.act(action)
            segment = session.entered_segment(before, session.snapshot())
            if segment is not None:
                run.entered[segment.id] = clock() - start
                on_segment_reached(store, show_id, segment, clock=clock)

        start = clock()
        act("start")
        sim = feed_simulator(store, show_id, now=clock(), flash_windows=windows, rundown=rundown)
        run.planned = {s.key: float(b) for s, b in zip(sim.segments, sim.bounds, strict=False)}
        while session.snapshot().status != "ended":
            wall.t += TICK_S + rnd.uniform(0.0, jitter_s)
            rows = []
            while not sim.done and sim.start_ts + sim.t + sim.step_seconds <= clock():
                rows.extend(sim.step())
            if rows:
                write_samples(store, rows)
            action = autopilot_action(session.plan, session.snapshot())
            if action is not None:
                act(action)
            if live_rules is not None and session.snapshot().status == "running":
                run.firings.extend(live_rules.tick())
    finally:
        windows.close()
        rundown.close()
        session.close()
    return run


def flash_of(store: Store, show_id: int, sku: str, now: float) -> Derived:
    derived = find(derive_show(store, show_id, from_epoch(now)), sku)
    assert derived is not None and derived.flash is not None
    return derived


def test_demo_flash_sales_sell_out_inside_their_windows_when_the_rundown_runs_late(
    store: Store,
) -> None:
    """Each demo flash sale sells its whole quota inside the window the late rundown stamped."""
    run = play_demo(store, jitter_s=0.05)
    late = run.entered["flash-lipstick"] - run.planned["flash-lipstick"]
    assert late > 10  # the simulator's plan alone would sell before the window opened
    now = show_clock(store, run.show_id, wall=run.wall)()
    for sku, quota in ((LIPSTICK, 300), (REMOVER, 200)):
        flash = flash_of(store, run.show_id, sku, now).flash
        assert flash is not None
        assert (flash.quota, flash.sold, flash.quota_left, flash.running) == (
            quota,
            quota,
            0,
            False,
        )


def test_the_lipstick_sold_out_rule_fires_in_the_demo(store: Store) -> None:
    """The demo script's rule 口红秒杀抢光 fires once, while the lipstick's flash sale runs."""
    run = play_demo(store, jitter_s=0.05, seed=2, rules=True)
    fired = [f for f in run.firings if f.rule == SOLD_OUT_RULE]
    assert len(fired) == 1
    assert fired[0].figures.get("quota_left") == 0
    lipstick = flash_of(store, run.show_id, LIPSTICK, fired[0].at.timestamp()).flash
    assert lipstick is not None and lipstick.starts_at is not None
    assert lipstick.starts_at <= fired[0].at


def test_the_demo_lucky_bags_draw_their_crowd_while_the_rundown_is_in_them(store: Store) -> None:
    """A lucky bag reached late gains its followers while the rundown is in it, not as planned."""
    run = play_demo(store, jitter_s=0.05)
    keys = list(run.planned)
    nxt = keys[keys.index("lucky-bag-3") + 1]
    begin, end = run.entered["lucky-bag-3"], run.entered[nxt]
    assert begin - run.planned["lucky-bag-3"] > 60
    with store.session() as s:
        show = s.get(Show, run.show_id)
        assert show is not None and show.started_at is not None
        start = show.started_at.timestamp()

        def followers(at: float) -> float:
            return latest_value(s, run.show_id, "new_followers", start + at) or 0

        during = followers(end) - followers(begin)
        before = followers(begin) - followers(begin - (end - begin))
    assert during > 2 * before


def test_another_process_reads_the_demo_on_the_demo_clock(store: Store, db_url: str) -> None:
    """Another process reading on the demo's recorded clock sees the sold-out flash sale."""
    run = play_demo(store, jitter_s=0.05, seed=3)
    other = Store.open(db_url)
    try:
        at_show = flash_of(other, run.show_id, LIPSTICK, show_clock(other, run.show_id, run.wall)())
        at_wall = flash_of(other, run.show_id, LIPSTICK, run.wall())
    finally:
        other.close()
    assert at_show.flash is not None and at_wall.flash is not None
    assert (at_show.flash.sold, at_show.flash.quota_left) == (300, 0)
    # The colleague's figure: the wall clock has not reached the sped-up window yet.
    assert (at_wall.flash.sold, at_wall.flash.quota_left, at_wall.flash.running) == (0, 300, False)


def test_a_show_without_a_recorded_clock_or_with_a_bad_one_is_on_the_wall_clock(
    store: Store,
) -> None:
    """A show without a recorded clock, or with one that does not read, is on the wall clock."""
    wall = Wall()
    show_id = ensure_demo_show(store)
    assert show_clock(store, show_id, wall=wall)() == wall.t
    assert show_clock(store, 99_999, wall=wall)() == wall.t
    for bad in ("fast", {"wall": "x", "show": 1, "speed": 60}, {"wall": 1.0}, {"speed": 0}):
        with store.transaction() as s:
            show = s.get(Show, show_id)
            assert show is not None
            show.extra = {**(show.extra or {}), CLOCK_KEY: bad}
        assert show_clock(store, show_id, wall=wall)() == wall.t
    demo_clock(store, show_id, SPEED, wall=wall)
    wall.t += 60.0
    assert show_clock(store, show_id, wall=wall)() == 1_800_000_000.0 + 3600.0


def test_the_simulator_sells_a_flash_sale_only_inside_its_stored_window() -> None:
    """The simulator sells a flash sale's whole quota inside its stored window, at its price."""
    seg = SimSegment(
        key="flash",
        kind="flash_sale",
        planned_seconds=600,
        product_sku="SKU-F",
        extra={"flash_sale": {"quantity": 120, "price": 9}},
    )
    start = 1_000.0
    window = FlashWindow("SKU-F", start + 90.5, start + 390.5, quota=120, price_cents=900)
    sim = ShowSimulator(
        [seg],
        show_id=1,
        start_ts=start,
        seed=4,
        base_traffic=40.0,
        prices={"SKU-F": 5_000},
        flash_windows=lambda: [window],
    )
    orders: dict[float, int] = {}
    gmv: dict[float, int] = {}
    for rows in sim.run_all():
        for r in rows:
            if r["sku"] == "SKU-F" and r["metric"] in ("orders", "gmv_cents"):
                (orders if r["metric"] == "orders" else gmv)[float(r["ts"])] = int(r["value"])

    def at(series: dict[float, int], ts: float) -> int:
        return max((v for t, v in series.items() if t <= ts), default=0)

    assert window.ends_ts is not None
    in_window = at(orders, window.ends_ts) - at(orders, window.starts_ts)
    assert in_window == 120
    flash_gmv = at(gmv, window.ends_ts) - at(gmv, window.starts_ts)
    assert flash_gmv == 120 * 900
