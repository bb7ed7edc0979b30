"""`studio rules test FILE --show ID`: a stored show's metrics replayed through rules.

At every stored sample time of the show (in order) the figures are read as they stood then
(sales and totals at that time, the rundown from its CueEvents up to then) and the evaluator
judges them with its clock set to that time, so a rule fires at the sample where its condition
first held — what it would have done live. Nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from studio.rules.evaluate import Evaluator
from studio.rules.facts import facts_at
from studio.rules.model import Firing, Rule
from studio.runner.events import read_events
from studio.runner.state import Plan, RunState, apply_event, snapshot
from studio.script.store_io import load_script
from studio.store.models import MetricSample
from studio.store.store import Store


def sample_times(store: Store, show_id: int) -> list[float]:
    """The distinct times the show has samples at, oldest first."""
    with store.session() as s:
        rows = s.scalars(
            select(MetricSample.ts).where(MetricSample.show_id == show_id).distinct()
        ).all()
    return sorted(float(t) for t in rows)


def replay_show(store: Store, show_id: int, rules: Sequence[Rule]) -> list[Firing]:
    """Every firing the rules would have made during the stored show."""
    try:
        plan: Plan | None = Plan.from_script(load_script(store, show_id))
    except Exception:  # a show without a usable script still has metrics and products
        plan = None
    events = read_events(store, show_id) if plan is not None else []
    state = RunState.initial(plan) if plan is not None else None
    t = [0.0]
    ev = Evaluator(rules, clock=lambda: t[0])
    fired: list[Firing] = []
    k = 0
    for ts in sample_times(store, show_id):
        t[0] = ts
        run = None
        if plan is not None and state is not None:
            while k < len(events) and events[k].at.timestamp() <= ts:
                e = events[k]
                state = apply_event(
                    plan,
                    state,
                    e.action,
                    e.at.timestamp(),
                    e.segment_index,
                    e.cue_index,
                    e.segment_key,
                )
                k += 1
            run = snapshot(plan, state, ts)
        fired.extend(ev.step(facts_at(store, show_id, ts, at=ts, run=run)))
    return fired
