"""What the live metrics dashboard reads from the store, one function per question, so the UI
issues no SQL itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from studio.metrics.live_spans import (
    FieldChange,
    IncidentMark,
    PlannedSegment,
    ProductMark,
    with_scheduled_ends,
)
from studio.metrics.series import SeriesCache, SeriesRead, ShowTiming, show_timing
from studio.store.models import Incident, Product, ProductEvent, Segment, Show
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


def read_series(store: Store, cache: SeriesCache, since: float | None = None) -> SeriesRead:
    """What `refresh_series` would add to the cache, read without changing it: call from a
    worker thread and hand the result to `cache.merge()` on the cache's own thread."""
    with store.engine.connect() as conn:
        return cache.read(conn, since)


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


def product_marks(store: Store, show_id: int) -> list[ProductMark]:
    """The show's product changes in time order, one mark per change of one product (an edit
    that set several fields, such as a flash sale's price, quota and times, is one mark), and
    the end of each timed flash sale."""
    with store.session() as s:
        rows = s.execute(
            select(
                ProductEvent.at,
                ProductEvent.op,
                ProductEvent.sku,
                ProductEvent.field,
                ProductEvent.old,
                ProductEvent.new,
                ProductEvent.who,
                Product.name,
                Product.link,
            )
            .join(
                Product,
                (Product.show_id == ProductEvent.show_id) & (Product.sku == ProductEvent.sku),
                isouter=True,
            )
            .where(ProductEvent.show_id == show_id)
            .order_by(ProductEvent.at, ProductEvent.id)
        ).all()
    marks: dict[tuple[str, str], ProductMark] = {}
    for at, op, sku, field, old, new, who, name, link in rows:
        key = (op, sku)
        change = FieldChange(field, old, new)
        mark = marks.get(key)
        if mark is None:
            marks[key] = ProductMark(at.timestamp(), sku, name or sku, link, who, (change,))
        else:
            marks[key] = replace(mark, changes=(*mark.changes, change))
    ordered = sorted(marks.values(), key=lambda m: m.at)
    ends = {}
    for i, m in enumerate(ordered):
        fields = {c.field: c for c in m.changes}
        end = fields.get("flash_ends_at")
        if "flash_starts_at" in fields and end is not None and end.new:
            ends[i] = datetime.fromisoformat(end.new).timestamp()
    return with_scheduled_ends(ordered, ends)
