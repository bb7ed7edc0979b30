"""Two stations on one show: the driver's cues appear on the follower; only one drives."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.demo import demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store
from studio.store.sync import lease
from studio.ui.rundown.qt_runner import QtRunner


@pytest.fixture
def two_stations(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    controller = Store.open(url, station="controller@pc1", sync=True)
    anchor = Store.open(url, station="anchor@pc2", sync=True)
    yield controller, anchor
    anchor.close()
    controller.close()


def test_follower_shows_the_drivers_cue(two_stations: tuple[Store, Store], qtbot: QtBot) -> None:
    """Cues turned on the controller's station reach the anchor's runner, which never writes."""
    controller, anchor = two_stations
    show_id = create_show_from_script_file(controller, demo_script_path())
    driver = QtRunner(controller, show_id)
    follower = QtRunner(anchor, show_id, follower=True)
    try:
        driver.start()
        driver.next()
        driver.next()
        target = driver.snapshot()
        qtbot.waitUntil(
            lambda: (
                (follower.snapshot().segment_index, follower.snapshot().cue_index)
                == (target.segment_index, target.cue_index)
            ),
            timeout=5000,
        )
        assert follower.snapshot().status == "running"
        assert follower.next() is None  # a follower cannot move the show
        assert "controller@pc1" in follower.last_error
    finally:
        follower.shutdown()
        driver.shutdown()


def test_only_one_controller_drives_until_takeover(two_stations: tuple[Store, Store]) -> None:
    """A second controller sees who drives; takeover works only once the driver is silent."""
    first, second = two_stations
    show_id = create_show_from_script_file(first, demo_script_path())
    lease.acquire(first, show_id)
    with pytest.raises(lease.LeaseHeld) as held:
        lease.acquire(second, show_id)
    assert held.value.lease.station == "controller@pc1"
    with pytest.raises(lease.LeaseHeld):
        lease.takeover(second, show_id)
    clock_later = lambda: __import__("time").time() + 60  # noqa: E731 (the driver went silent)
    lease.takeover(second, show_id, clock=clock_later)
    info = lease.holder(second, show_id)
    assert info is not None and info.station == "anchor@pc2"
