"""What the live metrics dashboard reads from the store, one function per question, so the UI
issues no SQL itself."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from studio.metrics.live_spans import IncidentMark, PlannedSegment
from studio.metrics.series import SeriesCache, ShowTiming, show_timing
from studio.store.models import Incident, Segment, Show
from studio.store.store import Store


def load_timing(store: Store, show_id: int) -> ShowTiming:
    """The show's start, planned length, GMV and traffic targets and status; LookupError: no
    such show."""
    with store.session() as s:
        timing = show_timing(s, show_id)
        show = s.get(Show, show_id)  # already in the session: no second query
        return replace(timing, traffic_target=(show.traffic_target or 0) if show else 0)


def refresh_series(store: Store, cache: SeriesCache, since: float | None = None) -> int:
    """Top the cache up with the rows committed since its last read (from `since` on again
    when given); returns how many rows it did not hold before."""
    # A plain connection: a session costs more than the short read it wraps (1 Hz).
    with store.engine.connect() as conn:
        return cache.refresh(conn, since)


def planned_segments(store: Store, show_id: int) -> list[PlannedSegment]:
    """The show's segments in script order with their planned lengths."""
    with store.session() as s:
        rows = s.execute(
            select(Segment.key, Segment.title, Segment.kind, Segment.planned_seconds)
            .where(Segment.show_id == show_id)
            .order_by(Segment.position)
        ).all()
    return [PlannedSegment(key, title, kind, planned) for key, title, kind, planned in rows]


def incident_marks(store: Store, show_id: int) -> list[IncidentMark]:
    """The show's incidents in time order, as the dashboard marks them."""
    with store.session() as s:
        rows = s.execute(
            select(Incident.at, Incident.category, Incident.severity, Incident.text)
            .where(Incident.show_id == show_id)
            .order_by(Incident.at)
        ).all()
    return [IncidentMark(at.timestamp(), cat, sev, text) for at, cat, sev, text in rows]
