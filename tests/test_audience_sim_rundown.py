"""The simulated comment stream follows the rundown as run (the stored CueEvents, the metrics
simulator's own source), not the script's plan: at demo speed the rundown runs late, and the
lucky-bag bursts and the product viewers talk about must be those actually on air."""

from __future__ import annotations

import itertools
import threading
import time
from datetime import UTC, datetime

import pytest
from late_rundown import planned_starts, store_late_run

from studio.audience.simulate import run_feed
from studio.audience.stats import list_comments
from studio.cli import main
from studio.demo import CLOCK_KEY, demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Show
from studio.store.store import Store

START = datetime(2026, 12, 12, 12, 0, tzinfo=UTC)
LATE_S = 360.0  # the opening overran by six minutes; every later segment is six minutes late
MIN = 60.0


def _late_rundown(store: Store, show_id: int) -> dict[str, tuple[float, float]]:
    """Store the CueEvents of a run whose every segment after the opening starts LATE_S after
    its plan; returns segment key -> (planned start, actual start), seconds into the show."""
    planned = planned_starts(store, show_id)
    store_late_run(store, show_id, START, planned, LATE_S)
    keys = [k for k in planned if k]
    return {k: (planned[k], 0.0 if i == 0 else planned[k] + LATE_S) for i, k in enumerate(keys)}


@pytest.fixture
def show(store: Store) -> int:
    return create_show_from_script_file(store, demo_script_path(), planned_start=START)


def _comments(store: Store, show_id: int) -> list[tuple[float, str | None]]:
    """(seconds into the show, product tagged) of every stored comment."""
    t0 = START.timestamp()
    return [
        (datetime.fromisoformat(c["at"]).timestamp() - t0, c["sku"])
        for c in list_comments(store, show_id)
    ]


def _rate(rows: list[tuple[float, str | None]], a: float, b: float) -> float:
    return sum(1 for t, _ in rows if a <= t < b) / (b - a)


def _check_follows_the_rundown(
    rows: list[tuple[float, str | None]], times: dict[str, tuple[float, float]]
) -> None:
    planned_bag, actual_bag = times["lucky-bag-1"]
    assert actual_bag >= planned_bag + 3 * MIN + MIN  # no overlap: the plan alone would miss
    # The burst runs while the lucky bag is on air, not when the plan had it.
    on_air = _rate(rows, actual_bag, actual_bag + 3 * MIN)
    planned_only = _rate(rows, planned_bag, planned_bag + 3 * MIN)
    assert on_air > 2.5 * planned_only
    # While the planned flash sale's time passes in the (late) foundation and interaction
    # segments, nobody asks about the lipstick the plan would have had on air.
    planned_flash, actual_flash = times["flash-lipstick"]
    before = [sku for t, sku in rows if planned_flash <= t < actual_flash]
    assert len(before) > 100 and before.count("MZ-KH03") == 0
    during = [sku for t, sku in rows if actual_flash <= t < actual_flash + 5 * MIN and sku]
    assert during and during.count("MZ-KH03") / len(during) > 0.6


def test_the_demo_comment_feed_follows_the_stored_rundown(store: Store, show: int) -> None:
    """The demo's comment feed bursts for a lucky bag and names the product while the late
    rundown has them on air, not when the script planned them."""
    times = _late_rundown(store, show)
    end = START.timestamp() + times["eyeshadow"][1]
    sent = run_feed(store, show, threading.Event(), clock=lambda: end, seed=3, until_ts=end)
    assert sent > 1000
    _check_follows_the_rundown(_comments(store, show), times)


def test_comments_ingest_sim_follows_the_stored_rundown(
    store: Store, show: int, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`studio comments ingest --source sim --speed 0` follows the stored rundown too (up to the
    show's clock now)."""
    times = _late_rundown(store, show)
    with store.transaction() as s:  # the show's clock reads after the show (as a demo records)
        row = s.get(Show, show)
        assert row is not None
        after = START.timestamp() + 4 * 3600
        row.extra = {
            **(row.extra or {}),
            CLOCK_KEY: {"wall": time.time(), "show": after, "speed": 1},
        }
    argv = ["--db", db_url, "comments", "ingest", "--show", str(show), "--source", "sim"]
    code = main([*argv, "--speed", "0", "--seed", "5"])
    assert code == 0, capsys.readouterr().err
    rows = _comments(store, show)
    _check_follows_the_rundown(rows, times)
    # The late rundown's last minutes, after the plan's end, have their comments too.
    planned_end = times["closing"][0] + 5 * MIN
    assert _rate(rows, planned_end, planned_end + LATE_S) > 0.5


def test_a_live_feed_that_starts_behind_catches_up_in_slices(
    store: Store, show: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live comment feed started ten show minutes late sends the missed comments a slice of
    show time at a time (one big batch held the interpreter lock and stalled the GUI), and
    catches up with the clock."""
    import studio.audience.simulate as simulate

    start = START.timestamp()
    batches: list[tuple[float, float]] = []
    real = simulate.accept_lines

    def record(store_: Store, show_id: int, lines: list[dict[str, object]], **kw: object) -> object:
        ts = [float(str(line["ts"])) for line in lines]
        batches.append((min(ts), max(ts)))
        return real(store_, show_id, lines, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(simulate, "accept_lines", record)
    stop = threading.Event()
    now = {"t": start + 600.0}
    thread = threading.Thread(
        target=run_feed,
        args=(store, show, stop),
        kwargs={"clock": lambda: now["t"], "seed": 3, "start_ts": start, "interval": 0.05},
    )
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while (not batches or batches[-1][1] < start + 570) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(10)
    assert batches and batches[-1][1] >= start + 570  # caught up
    assert len(batches) >= 15
    assert all(b[1] - b[0] <= simulate.CATCH_UP_SLICE_S for b in batches)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(batches))  # never in the past
