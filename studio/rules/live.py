"""Rules during a show: the station that drives the rundown judges them once a second.

`LiveRules.tick()` reads the figures as they stand, steps the evaluator and performs what
fires. It does I/O (the store, OBS), so the app calls it from a worker thread, never the GUI
thread (`studio.ui.talkback.qt_rules`). A rehearsal's firings are marked as such.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from studio.rules.actions import perform
from studio.rules.evaluate import Evaluator
from studio.rules.facts import facts_at, needs
from studio.rules.model import Rule
from studio.rules.parse import rules_of_script, studio_rules
from studio.runner.state import Snapshot as RunSnapshot
from studio.script.store_io import load_script
from studio.store.models import Show
from studio.store.store import Store
from studio.talkback.firings import FiringRecord
from studio.timeutil import Clock, wall_clock

log = logging.getLogger(__name__)


def rules_for_show(store: Store, show_id: int) -> list[Rule]:
    """The show script's rules, then the studio-wide ones (a bad rule is left out, logged)."""
    rules: list[Rule] = []
    try:
        rules.extend(rules_of_script(load_script(store, show_id), f"show {show_id}"))
    except Exception as exc:  # a script that no longer loads: the studio rules still run
        log.warning("show %s: script rules not read: %s", show_id, exc)
    common, issues = studio_rules()
    for issue in issues:
        log.warning("studio rules: %s", issue)
    names = {r.name for r in rules}
    rules.extend(r for r in common if r.name not in names)
    return rules


def count_questions_waiting(store: Store, show_id: int, at: float) -> int | None:
    """Questions waiting at the audience desk at `at` (`studio.audience.queue.questions_waiting`,
    the count `rules test` replays too); None when it cannot be read."""
    try:
        from studio.audience.queue import questions_waiting

        return questions_waiting(store, show_id, at)
    except Exception:  # the rule then does not hold; it never stops the others
        log.debug("questions waiting not read", exc_info=True)
        return None


def is_rehearsal(store: Store, show_id: int) -> bool:
    with store.session() as s:
        show = s.get(Show, show_id)
        return bool(show is not None and show.is_rehearsal)


class LiveRules:
    def __init__(
        self,
        store: Store,
        show_id: int,
        rules: Sequence[Rule] | None = None,
        *,
        clock: Clock = wall_clock,
        run_snapshot: Callable[[float], RunSnapshot | None] | None = None,
        questions_waiting: Callable[[float], int | None] | None = None,
        obs: Any = None,
        rehearsal: bool | None = None,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.rules = list(rules) if rules is not None else rules_for_show(store, show_id)
        self.clock = clock
        self.evaluator = Evaluator(self.rules, clock)
        self.need = needs(self.rules)
        self.run_snapshot = run_snapshot
        if questions_waiting is None and "questions" in self.need:

            def waiting(at: float) -> int | None:
                return count_questions_waiting(store, show_id, at)

            questions_waiting = waiting
        self.questions_waiting = questions_waiting
        self.obs = obs
        self.rehearsal = is_rehearsal(store, show_id) if rehearsal is None else rehearsal

    def tick(self) -> list[FiringRecord]:
        """Judge the rules now; the firings done (empty when nothing fired)."""
        if not self.rules:
            return []
        now = self.clock()
        run = self.run_snapshot(now) if self.run_snapshot is not None else None
        waiting = self.questions_waiting(now) if self.questions_waiting is not None else None
        facts = facts_at(
            self.store, self.show_id, now, run=run, questions_waiting=waiting, need=self.need
        )
        return [
            perform(self.store, self.show_id, f, rehearsal=self.rehearsal, obs=self.obs)
            for f in self.evaluator.step(facts)
        ]
