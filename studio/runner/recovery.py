"""Picking a live show back up after the app was killed: the runner rebuilt from its CueEvents.

Replaying the stored transitions at their stored times gives back the same cue, the same
elapsed times and the same over/under; the time the app was down counts as show time, because
the stream kept going while it was.
"""

from __future__ import annotations

from sqlalchemy import select

from studio.runner.events import LiveRunner, read_events, replay
from studio.runner.state import Plan, Transition
from studio.script.store_io import load_script
from studio.store.models import CueEvent, Show
from studio.store.store import Store
from studio.timeutil import Clock


def find_resumable_show(store: Store) -> int | None:
    """The most recently started show that has CueEvents but no `end` (None if there is none).
    Demo shows are never resumed: a killed demo must not take over the next plain start."""
    with store.session() as s:
        candidates = s.execute(
            select(Show.id, Show.extra)
            .where(Show.status == "live")
            .order_by(Show.started_at.desc().nulls_last(), Show.id.desc())
        ).all()
        for show_id, extra in candidates:
            if isinstance(extra, dict) and extra.get("demo"):
                continue
            last = s.scalar(
                select(CueEvent.action)
                .where(CueEvent.show_id == show_id)
                .order_by(CueEvent.at.desc(), CueEvent.id.desc())
                .limit(1)
            )
            if last is not None and last != "end":
                return int(show_id)
    return None


def rebuild_runner(store: Store, show_id: int, clock: Clock, *, record: bool = True) -> LiveRunner:
    """A LiveRunner for `show_id` in the state its CueEvents describe.

    With `record`, a `recover` event is written (when there was anything to recover) so the
    review shows where the app restarted.
    """
    plan = Plan.from_script(load_script(store, show_id))
    events = read_events(store, show_id)
    runner = replay(plan, events, clock)
    live = LiveRunner(store, show_id, plan, clock, runner)
    st = runner.state
    if record and events and st.status in ("running", "held"):
        key = plan.segments[st.segment_index].key
        live.record(
            Transition(
                "recover", clock(), st.segment_index, st.cue_index, key, {"events": len(events)}
            )
        )
    return live
