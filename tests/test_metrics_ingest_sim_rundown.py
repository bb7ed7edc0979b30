"""`studio ingest --source sim` plays the show as run, like the GUI's demo feed: the segment the
stored rundown is in and flash sales in their stored windows; a show never run, as planned."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from late_rundown import planned_starts, store_late_run

from studio.cli import main
from studio.demo import CLOCK_KEY, demo_script_path
from studio.metrics.series import latest_value
from studio.products.changes import start_flash_sale
from studio.script.store_io import create_show_from_script_file
from studio.store.models import Show
from studio.store.store import Store

START = datetime(2026, 12, 12, 12, 0, tzinfo=UTC)
LATE_S = 360.0  # every segment after the opening starts six minutes after its plan
LIPSTICK, QUOTA, FLASH_S = "MZ-KH03", 300, 300.0


@pytest.fixture
def show(store: Store) -> int:
    show_id = create_show_from_script_file(store, demo_script_path(), planned_start=START)
    with store.transaction() as s:  # the show's clock reads after the show (as a demo records)
        row = s.get(Show, show_id)
        assert row is not None
        after = START.timestamp() + 4 * 3600
        row.extra = {
            **(row.extra or {}),
            CLOCK_KEY: {"wall": time.time(), "show": after, "speed": 1},
        }
    return show_id


def _run_late(store: Store, show_id: int, planned: dict[str, float]) -> None:
    """The runner's record of a late run: CueEvents LATE_S after the plan, and the lipstick's
    flash sale stamped when the rundown reached it."""
    store_late_run(store, show_id, START, planned, LATE_S)
    flash_at = START.timestamp() + planned["flash-lipstick"] + LATE_S
    start_flash_sale(
        store, show_id, LIPSTICK, 9_900, QUOTA, seconds=FLASH_S, clock=lambda: flash_at
    )


def _ingest(db_url: str, show_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--db", db_url, "ingest", "--show", str(show_id), "--source", "sim", "--speed", "0"]
    code = main(argv)
    assert code == 0, capsys.readouterr().err


def _orders(store: Store, show_id: int, at: float) -> float:
    with store.session() as s:
        return latest_value(s, show_id, "orders", START.timestamp() + at, sku=LIPSTICK) or 0


def test_ingest_sim_sells_the_flash_sale_in_its_stored_window(
    store: Store, show: int, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A late rundown's flash sale sells its quota inside the stored window, nothing on the
    plan's time before it (the plan alone would have sold it all there)."""
    planned = planned_starts(store, show)
    _run_late(store, show, planned)
    _ingest(db_url, show, capsys)
    window = planned["flash-lipstick"] + LATE_S
    assert _orders(store, show, window) == 0
    assert _orders(store, show, window + FLASH_S) == QUOTA


def test_ingest_sim_of_a_show_never_run_plays_the_plan(
    store: Store, show: int, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A show with no runner record replays as planned: its flash sale sells in the plan's
    window (the script's quota)."""
    planned = planned_starts(store, show)
    _ingest(db_url, show, capsys)
    begin, end = planned["flash-lipstick"], planned["eyeshadow"]
    assert _orders(store, show, begin) == 0
    assert _orders(store, show, end) == QUOTA
