"""Live camera conditions (lost, frozen, black, fps low) switch on and off with hysteresis."""

from __future__ import annotations

from dataclasses import replace

import pytest

from studio.devices.camera import monitor as mon
from studio.devices.camera.analyzer import FrameAnalyzer, FrameStats
from studio.devices.camera.synthetic import base_scene
from studio.devices.camera.thresholds import DEFAULTS


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def stats() -> FrameStats:
    return FrameAnalyzer(DEFAULTS).analyse(base_scene(160, 90), 0.0)


def _run(m: mon.LiveMonitor, clock: Clock, s: FrameStats, seconds: float) -> None:
    for _ in range(round(seconds * 30)):
        clock.t += 1 / 30
        m.feed(s)


def test_frozen_switches_on_after_holding_and_off_after_recovery(stats: FrameStats) -> None:
    """Frozen frames raise the condition only after frozen_on_s, and clear after off_after_s."""
    clock, events = Clock(), []
    m = mon.LiveMonitor(DEFAULTS, lambda k, a, msg: events.append((k, a, msg)), clock=clock)
    _run(m, clock, replace(stats, frozen=True), 0.5)
    assert events == []
    _run(m, clock, replace(stats, frozen=True), 0.6)
    assert events == [(mon.FROZEN, True, events[0][2])] and "frozen" in events[0][2]
    assert mon.FROZEN in m.active()
    _run(m, clock, stats, 0.5)
    assert len(events) == 1  # a short good spell is not a recovery
    _run(m, clock, stats, 0.6)
    assert events[-1][:2] == (mon.FROZEN, False) and "recovered" in events[-1][2]
    assert m.active() == {}


def test_black_and_lost_and_subscribe(stats: FrameStats) -> None:
    """Black frames and a lost source each report once; unsubscribed listeners hear nothing."""
    clock, heard, other = Clock(), [], []
    m = mon.LiveMonitor(DEFAULTS, clock=clock)
    m.subscribe(lambda k, a, _m: heard.append((k, a)))
    unsubscribe = m.subscribe(lambda k, a, _m: other.append((k, a)))
    unsubscribe()
    _run(m, clock, replace(stats, black=True), 1.0)
    m.update("lost", [], 30.0)
    m.update("lost", [], 30.0)
    assert heard == [(mon.BLACK, True), (mon.LOST, True)]
    assert m.active()[mon.LOST] == "Camera lost — reconnecting…"
    m.update("running", [], 30.0)
    assert heard[-1] == (mon.LOST, False)
    assert other == []


def test_fps_low_from_recent_timestamps() -> None:
    """Frames arriving at 12 fps of an expected 30 raise fps_low after the window."""
    clock, events = Clock(), []
    m = mon.LiveMonitor(DEFAULTS, lambda k, a, msg: events.append((k, a, msg)), clock=clock)
    ts: list[float] = []
    for _ in range(60):
        clock.t += 1 / 12
        ts.append(clock.t)
        m.update("running", ts, 30.0)
    assert events and events[0][:2] == (mon.FPS_LOW, True)
    assert "12.0 fps of 30" in events[0][2]


def test_a_failing_listener_does_not_silence_others(stats: FrameStats) -> None:
    """One broken callback is logged; the next listener still hears the condition."""
    clock, heard = Clock(), []

    def broken(*_a: object) -> None:
        raise RuntimeError("boom")

    m = mon.LiveMonitor(DEFAULTS, broken, clock=clock)
    m.subscribe(lambda k, a, _m: heard.append(k))
    _run(m, clock, replace(stats, black=True), 1.0)
    assert heard == [mon.BLACK]
