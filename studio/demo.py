"""The built-in demo show: a Chinese beauty-products live show with script, products and targets.

Demo shows are marked (`Show.extra["demo"]`) and kept apart from the user's shows: a demo that
was killed (at `--speed 60` its clock runs an hour a minute, so its events lie in the future)
is never resumed by a plain `studio`, and is ended, at its own last event, the next time
anything asks (`end_abandoned_demos`).

A demo show has one clock, like any show: at `--speed 60` it is the accelerated clock
(`demo_clock`), recorded on the show, so that a reader in another process (`studio product
list`, `studio serve`, a report) asks `show_clock` and reads the show's figures at the show's
time, not at the wall clock's (on which a sped-up show's flash sale lies in the future).
"""

from __future__ import annotations

import logging
import math
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from studio.paths import resources_dir
from studio.store.models import CueEvent, Show
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock

log = logging.getLogger(__name__)

DEMO_MARK = "demo"
CLOCK_KEY = "clock"  # Show.extra[CLOCK_KEY]: {"wall": s, "show": s, "speed": x}


def demo_script_path() -> Path:
    return resources_dir() / "demo" / "show.yaml"


def is_demo_show(store: Store, show_id: int) -> bool:
    with store.session() as s:
        extra = s.scalar(select(Show.extra).where(Show.id == show_id))
    return isinstance(extra, dict) and bool(extra.get(DEMO_MARK))


def demo_show_ids(store: Store) -> set[int]:
    with store.session() as s:
        rows = s.execute(select(Show.id, Show.extra)).all()
    return {int(i) for i, extra in rows if isinstance(extra, dict) and extra.get(DEMO_MARK)}


def end_abandoned_demos(store: Store) -> list[int]:
    """End every demo show left live (the demo was killed): an `end` at its own last event,
    so its timeline stays whole and nothing treats it as a show still on air. Returns the
    shows ended."""
    from studio.runner.events import read_events
    from studio.runner.recovery import rebuild_runner

    ended = []
    for show_id in _live_demos(store):
        if _driven_now(store, show_id):
            continue  # another station's demo is on air (a 客服 or anchor station joining it)
        events = read_events(store, show_id)
        if not events or events[-1].action == "end":
            continue
        last = max(e.at.timestamp() for e in events)

        def at_last(t: float = last) -> float:
            return t

        runner = rebuild_runner(store, show_id, clock=at_last, record=False)
        if runner.act("end") is not None:
            log.info("demo show %s was left live by a killed demo: ended", show_id)
            ended.append(show_id)
    return ended


def _driven_now(store: Store, show_id: int) -> bool:
    """A running process holds the show's rundown lease: its process runs on this PC, or its
    heartbeat is fresh on another PC."""
    from studio.runner.session import holder_process_gone
    from studio.store.sync import lease

    try:
        info = lease.holder(store, show_id)
    except SQLAlchemyError:
        return False
    if info is None or holder_process_gone(info.station):
        return False
    return not info.stale


def _live_demos(store: Store) -> list[int]:
    """Demo shows live in the store, newest first."""
    demos = demo_show_ids(store)
    if not demos:
        return []
    with store.session() as s:
        live = s.scalars(
            select(Show.id)
            .where(Show.status == "live", Show.id.in_(demos))
            .order_by(Show.id.desc())
        )
        return [int(i) for i in live]


def _demo_on_air(store: Store) -> int | None:
    """The newest demo show live right now in another running process, if any."""
    return next((i for i in _live_demos(store) if _driven_now(store, i)), None)


def startup_show(store: Store, last_id: int | None) -> int | None:
    """The show a plain `studio` opens: one of the user's shows left live by a crash first,
    else `last_id`; a demo show only while another process runs it on air (a 客服 or anchor
    station joining the demo), else never (those belong to `studio demo`)."""
    from studio.runner.recovery import find_resumable_show
    from studio.store.shows import ShowNotFound, get_show

    end_abandoned_demos(store)
    resumable = find_resumable_show(store)
    if resumable is not None and not is_demo_show(store, resumable):
        return resumable
    on_air = _demo_on_air(store)
    if on_air is not None:
        return on_air
    if last_id is None or is_demo_show(store, last_id):
        return None
    try:
        get_show(store, last_id)
    except ShowNotFound:
        return None
    return last_id


def ensure_demo_show(store: Store) -> int:
    """The newest demo show that never went on air, or a fresh one from the bundled script.

    A demo that already ran is left as it is (it is a show like any other in the review);
    one a killed demo left live is ended first."""
    from studio.script.loader import load_script_file
    from studio.script.store_io import create_show_from_script_file

    end_abandoned_demos(store)
    title = load_script_file(demo_script_path()).title
    with store.session() as s:
        started = select(CueEvent.id).where(CueEvent.show_id == Show.id).exists()
        existing = s.scalar(
            select(Show.id)
            .where(Show.title == title, Show.is_rehearsal.is_(False), ~started)
            .order_by(Show.id.desc())
            .limit(1)
        )
    if existing is not None:
        show_id = int(existing)
    else:
        show_id = create_show_from_script_file(store, demo_script_path())
    with store.transaction() as s:
        show = s.get(Show, show_id)
        if show is not None and not (show.extra or {}).get(DEMO_MARK):
            show.extra = {**(show.extra or {}), DEMO_MARK: True}
    return show_id


def _sped(wall_origin: float, show_origin: float, speed: float, wall: Clock) -> Clock:
    def clock() -> float:
        return show_origin + (wall() - wall_origin) * speed

    return clock


def demo_clock(store: Store, show_id: int, speed: float, wall: Clock = wall_clock) -> Clock:
    """The demo show's clock at `speed`: it starts at the wall time now and runs `speed` times
    faster. Recorded on the show, so `show_clock` gives every other reader the same clock."""
    speed = float(speed) if speed and speed > 0 else 1.0
    origin = wall()
    with store.transaction() as s:
        show = s.get(Show, show_id)
        if show is not None:
            recorded = {"wall": origin, "show": origin, "speed": speed}
            show.extra = {**(show.extra or {}), CLOCK_KEY: recorded}
    return _sped(origin, origin, speed, wall)


def show_clock(store: Store, show_id: int, wall: Clock = wall_clock) -> Clock:
    """The clock a show's times are on: the wall clock, or the sped-up clock a demo recorded
    (`demo_clock`). An unknown show, or a recorded clock that does not read, is the wall's;
    so is the clock of a station whose database is away (its edits queue on the wall's time)."""
    try:
        with store.session() as s:
            extra = s.scalar(select(Show.extra).where(Show.id == show_id))
    except SQLAlchemyError:
        log.warning("show %s: clock not read (database away), using the wall clock", show_id)
        return wall
    recorded = _recorded_clock(extra, show_id)
    if recorded is None:
        return wall
    wall0, show0, speed = recorded
    return _sped(wall0, show0, speed, wall)


def show_now(store: Store, show_id: int) -> datetime:
    """Now on the show's clock (`show_clock`), as the aware UTC time commands stamp."""
    return from_epoch(show_clock(store, show_id)())


def recorded_speed(extra: object) -> float:
    """How many show seconds pass in one wall second for a show with this `Show.extra`: 1.0
    unless a demo recorded a sped-up clock. Durations meant for a person (how long a message
    stays on the prompter) are wall seconds; times in the store are show times."""
    recorded = _recorded_clock(extra, None)
    return 1.0 if recorded is None else recorded[2]


def _recorded_clock(extra: object, show_id: int | None) -> tuple[float, float, float] | None:
    recorded = extra.get(CLOCK_KEY) if isinstance(extra, dict) else None
    if not isinstance(recorded, dict):
        return None
    try:
        wall0, show0, speed = (float(recorded[k]) for k in ("wall", "show", "speed"))
    except (KeyError, TypeError, ValueError):
        log.warning("show %s: recorded clock %r not read, using the wall clock", show_id, recorded)
        return None
    if not (speed > 0 and all(map(math.isfinite, (wall0, show0, speed)))):
        return None
    return wall0, show0, speed
