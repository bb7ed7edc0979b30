"""What a firing does: a prompt on the anchor's strip, a control-room banner, an OBS text
source, an incident — and always one `rule_firing` row with the figures that triggered it.

Every action is tried on its own: OBS being down or a bad incident category never stops the
prompt, and nothing here raises into the evaluator's loop.
"""

from __future__ import annotations

import logging
from typing import Any

from studio.incidents.log import IncidentError, quick_log
from studio.obs.cues import CueAction, apply_action
from studio.rules.model import Firing
from studio.store.store import Store
from studio.talkback import messages as talkback
from studio.talkback.firings import FiringRecord, log_firing
from studio.timeutil import from_epoch

log = logging.getLogger(__name__)


def perform(
    store: Store,
    show_id: int,
    firing: Firing,
    *,
    rehearsal: bool = False,
    obs: Any = None,
) -> FiringRecord:
    """Carry out `firing`'s actions now; returns the logged firing. `obs` is a
    `studio.obs.client.ObsClient` (or None: the OBS action is skipped and logged)."""
    rule = firing.rule
    at = from_epoch(firing.at)
    done: list[str] = []
    if rule.prompt and firing.text.strip():
        try:
            talkback.send(
                store,
                show_id,
                firing.text,
                from_role="rules",
                rule=rule.name,
                figures=firing.figures,
                urgent=rule.urgent,
                expires_in_s=rule.expires_s,
                at=at,
                rehearsal=rehearsal,
            )
            done.append("prompt")
        except Exception:  # a broken prompt must not stop the other actions
            log.exception("rule %s: prompt not sent", rule.name)
    if rule.banner:
        done.append("banner")
    if rule.obs is not None:
        if obs is not None and getattr(obs, "connected", False):
            action = CueAction(texts={rule.obs.source: firing.obs_text})
            obs.submit(lambda session: apply_action(session, action))
            done.append("obs")
        else:
            log.info("rule %s: OBS not connected, text %r not set", rule.name, rule.obs.source)
    if rule.incident:
        try:
            quick_log(
                store,
                show_id,
                rule.incident,
                severity=3,
                text=f"{rule.name}: {firing.text or rule.when}",
                at=at,
                source="auto",
                condition_key=f"rule:{rule.name}"[:64],
            )
            done.append("incident")
        except (IncidentError, ValueError):
            log.exception("rule %s: incident not logged", rule.name)
    return log_firing(
        store,
        show_id,
        rule.name,
        at,
        text=firing.text or str(rule.when),
        figures={**firing.figures, "when": str(rule.when)},
        actions=done,
        rehearsal=rehearsal,
    )
