"""Incidents raised by the app's own monitors (camera, mic, encoder, metrics feed, alert rules).

Monitors report conditions through `on_condition(key, active, message)`, often once per
analysis tick. One open incident stands for one ongoing condition: repeats only bump a count
(written to the incident's text at most every `update_every` seconds, so a 30 fps monitor does
not write 30 rows a second), the incident is mitigated when the condition clears, and a
condition that comes back after that opens a fresh incident.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from studio.incidents import log as incident_log
from studio.store.models import Incident
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock

logger = logging.getLogger(__name__)

WHO = "auto"

# How the known monitor conditions are filed (category, severity) when the monitor does not
# say; keys are those of studio.devices.camera.monitor, studio.devices.audio.monitor and
# studio.metrics.alerts. Anything else is technical S2.
CONDITION_DEFAULTS: dict[str, tuple[str, int]] = {
    "camera.lost": ("technical", 1),
    "camera.black": ("technical", 1),
    "camera.frozen": ("technical", 2),
    "camera.fps_low": ("technical", 2),
    "mic_lost": ("technical", 1),
    "mic_silent": ("technical", 2),
    "clipping_burst": ("technical", 2),
    "metrics.feed_stalled": ("technical", 3),
    "metrics.viewers_drop": ("other", 2),
    "metrics.gmv_pace": ("other", 3),
}

Where = Callable[[], tuple[str | None, int | None]]
"""Returns the current (segment key, cue index) to stamp on a new incident."""


@dataclass
class _Ongoing:
    incident_id: int | None  # None: logged while offline, still in the outbox
    message: str
    count: int
    severity: int
    written_count: int
    written_at: float


def counted_text(message: str, count: int) -> str:
    return message if count <= 1 else f"{message} (×{count})"


class AutoIncidents:
    """Turns monitor conditions into de-duplicated incidents; safe to call from any thread."""

    def __init__(
        self,
        store: Store,
        show_id: int | None = None,
        *,
        clock: Clock = wall_clock,
        where: Where | None = None,
        update_every: float = 10.0,
    ) -> None:
        self.store = store
        self._show_id = show_id
        self.clock = clock
        self.where = where
        self.update_every = update_every
        # One lock for the whole check-then-write: two monitor threads reporting the same
        # condition at once must not open two incidents.
        self._lock = threading.Lock()
        self._ongoing: dict[str, _Ongoing] = {}

    @property
    def show_id(self) -> int | None:
        return self._show_id

    @show_id.setter
    def show_id(self, value: int | None) -> None:
        with self._lock:
            if value != self._show_id:
                self._ongoing.clear()
            self._show_id = value

    def on_condition(self, key: str, active: bool, message: str) -> None:
        """The callback signature device monitors and metric alert rules call; known keys
        are filed per CONDITION_DEFAULTS."""
        category, severity = CONDITION_DEFAULTS.get(key, ("technical", 2))
        self.condition(key, active, message, category=category, severity=severity)

    def callback(
        self, category: str = "technical", severity: int = 2
    ) -> Callable[[str, bool, str], None]:
        """An `on_condition` callback that files its conditions under `category`/`severity`."""

        def report(key: str, active: bool, message: str) -> None:
            self.condition(key, active, message, category=category, severity=severity)

        return report

    def condition(
        self,
        key: str,
        active: bool,
        message: str,
        category: str = "technical",
        severity: int = 2,
    ) -> int | None:
        """Report that condition `key` is (still) active or has cleared.

        Returns the incident id touched, or None. Never raises for a database problem: a
        monitor thread must keep monitoring; the next report retries.
        """
        try:
            with self._lock:
                if active:
                    return self._active(key, message, category, severity)
                return self._cleared(key, message)
        except (SQLAlchemyError, incident_log.IncidentError, incident_log.IncidentNotFound):
            logger.exception("could not record auto incident for condition %r", key)
            return None

    def flush(self) -> None:
        """Write pending repeat counts now (e.g. on show end or app quit)."""
        with self._lock:
            for state in list(self._ongoing.values()):
                try:
                    self._write_count(state)
                except (SQLAlchemyError, incident_log.IncidentNotFound):
                    logger.exception("could not update auto incident %s", state.incident_id)

    # -- internals (called with the lock held) --

    def _open_incident_for(self, key: str) -> Incident | None:
        with self.store.session() as s:
            q = select(Incident).where(
                Incident.condition_key == key,
                Incident.source == "auto",
                Incident.status == "open",
            )
            q = q.where(
                Incident.show_id.is_(None)
                if self._show_id is None
                else Incident.show_id == self._show_id
            )
            return s.scalars(q.order_by(Incident.id.desc()).limit(1)).first()

    def _active(self, key: str, message: str, category: str, severity: int) -> int | None:
        now = self.clock()
        state = self._ongoing.get(key)
        if state is None:
            # After a restart the condition may still have its open incident: adopt it.
            existing = self._open_incident_for(key)
            if existing is not None:
                self._ongoing[key] = _Ongoing(existing.id, message, 1, existing.severity, 1, now)
                return existing.id
            segment_key, cue_index = self._where()
            incident_id = incident_log.quick_log(
                self.store,
                self._show_id,
                category,
                severity=severity,
                text=message,
                at=from_epoch(now),
                segment_key=segment_key,
                cue_index=cue_index,
                who=WHO,
                source="auto",
                condition_key=key,
            )
            self._ongoing[key] = _Ongoing(incident_id, message, 1, severity, 1, now)
            return incident_id
        self._bump(state, message, severity, now, force=False)
        return state.incident_id

    def _bump(self, state: _Ongoing, message: str, severity: int, now: float, force: bool) -> None:
        state.count += 1
        escalated = severity < state.severity
        changed_message = message != state.message
        state.message = message
        if escalated:
            state.severity = severity
        due = now - state.written_at >= self.update_every
        if force or escalated or changed_message or due:
            self._write_count(state, severity if escalated else None, now)

    def _write_count(
        self, state: _Ongoing, severity: int | None = None, now: float | None = None
    ) -> None:
        if state.incident_id is None or (state.count == state.written_count and severity is None):
            return
        current = incident_log.get_incident(self.store, state.incident_id)
        if current.status != "open":
            # A person has already dealt with it; keep counting quietly until it clears.
            return
        incident_log.update(
            self.store,
            state.incident_id,
            who=WHO,
            text=counted_text(state.message, state.count),
            severity=severity,
        )
        state.written_count = state.count
        state.written_at = self.clock() if now is None else now

    def _cleared(self, key: str, message: str) -> int | None:
        state = self._ongoing.pop(key, None)
        if state is not None:
            self._write_count(state)
            incident_id: int | None = state.incident_id
        else:
            existing = self._open_incident_for(key)
            incident_id = existing.id if existing is not None else None
        if incident_id is None:
            return None
        current = incident_log.get_incident(self.store, incident_id)
        if current.status != "open":
            return incident_id
        note = f"cleared: {message}" if message else "condition cleared"
        incident_log.update(
            self.store,
            incident_id,
            who=WHO,
            status="mitigated",
            note=note,
            at=from_epoch(self.clock()),
        )
        return incident_id

    def _where(self) -> tuple[str | None, int | None]:
        if self.where is None:
            return None, None
        try:
            return self.where()
        except Exception:  # a broken runner must not stop an incident being logged
            logger.exception("could not read the current segment for an auto incident")
            return None, None
