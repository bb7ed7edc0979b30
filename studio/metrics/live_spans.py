"""Where the show's segments and incidents sit on the live dashboard's time axis.

Segments are shaded from their actual times where the runner recorded them and chained from
their planned durations otherwise (a show that has not run yet still shows its plan). A
segment that is still running reaches to the newest sample. Labels go where there is room.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from studio.metrics.markers import cluster_markers
from studio.metrics.series import ShowTiming

# Horizontal room (pixels) a segment's label needs beyond its own width.
LABEL_PADDING_PX = 4
# Incident labels sit this far up the viewers graph (under the segment labels at the top).
INCIDENT_LABEL_HEIGHT = 0.82
# Product-change labels sit in a row of their own under the incidents'.
PRODUCT_LABEL_HEIGHT = 0.70


@dataclass(frozen=True)
class PlannedSegment:
    key: str
    title: str | None
    kind: str
    planned_seconds: int


@dataclass(frozen=True)
class SegmentSpan:
    start: float
    end: float
    title: str
    kind: str


class RecordedSegment(Protocol):
    """A segment's actual times as the runner recorded them (studio.runner.actuals)."""

    @property
    def key(self) -> str: ...

    @property
    def actual_start(self) -> datetime | None: ...

    @property
    def actual_end(self) -> datetime | None: ...


def actual_times(segments: Iterable[RecordedSegment]) -> dict[str, tuple[float, float | None]]:
    """(start, end or None while running) per segment key that has started."""
    return {
        s.key: (s.actual_start.timestamp(), s.actual_end.timestamp() if s.actual_end else None)
        for s in segments
        if s.actual_start is not None
    }


def spans_start(timing: ShowTiming | None, first_ts: float | None) -> float | None:
    """Where planned segments start counting: the show's start, else its first online-viewers
    sample; None when neither is known (then only recorded segments are placed)."""
    if timing is not None and timing.start_ts:
        return timing.start_ts
    return first_ts


def segment_spans(
    plan: Sequence[PlannedSegment],
    actual: Mapping[str, tuple[float, float | None]],
    start: float | None,
    last_ts: float | None,
) -> list[SegmentSpan]:
    """(start, end, title, kind) per segment in plan order. A recorded segment uses its
    actual times (a running one ends at its planned length or the newest sample `last_ts`,
    whichever is later) and the next planned one follows it."""
    spans = []
    t = start
    for seg in plan:
        title = seg.title or seg.key
        if seg.key in actual:
            begin, end = actual[seg.key]
            if end is None:
                end = max(begin + seg.planned_seconds, last_ts or 0)
            spans.append(SegmentSpan(begin, end, title, seg.kind))
            t = end
        elif t is not None:
            spans.append(SegmentSpan(t, t + seg.planned_seconds, title, seg.kind))
            t = t + seg.planned_seconds
    return spans


def segment_edges(spans: Sequence[SegmentSpan]) -> list[float]:
    """Where a line marks a boundary: every segment start but the first (adjacent segments of
    one kind would otherwise merge)."""
    return [sp.start for sp in spans[1:]]


def label_x(
    span: SegmentSpan, x0: float, x1: float, px_per_s: float, width_px: float
) -> float | None:
    """Where the segment's label sits in the view [x0, x1] (its left edge, clamped into
    view), or None when the visible part of the segment is too narrow to hold it."""
    left = max(span.start, x0)
    room = (min(span.end, x1) - left) * px_per_s
    if span.start < x1 and room >= width_px + LABEL_PADDING_PX:
        return left
    return None


@dataclass(frozen=True)
class IncidentMark:
    """An incident on the time axis. Its words (category, severity) are the UI's to translate:
    the category here is the stored key ("technical")."""

    at: float
    category: str
    severity: int
    text: str | None


@dataclass(frozen=True)
class MarkGroup:
    """Incidents close together on screen, drawn as one marker at `at` (the earliest)."""

    at: float
    marks: tuple[IncidentMark, ...]

    @property
    def worst(self) -> int:
        """The most serious severity in the group (S1 is the worst)."""
        return min(m.severity for m in self.marks)


def group_marks(marks: Sequence[IncidentMark], min_gap_s: float) -> list[MarkGroup]:
    """The markers to draw: incidents less than `min_gap_s` after a group's first one join it
    (studio.metrics.markers), so labels on a chart never overlap."""
    return [
        MarkGroup(c.x, tuple(marks[i] for i in c.members))
        for c in cluster_markers([m.at for m in marks], min_gap_s)
    ]


def marker_label_x(x: float, width_s: float, x1: float, after: float) -> float:
    """Where an incident label `width_s` wide starts for a marker at x: at the marker, or
    moved left so it ends at the view's right edge x1 (a marker by the newest sample had its
    label cut off), but never left of `after` (the previous label's end)."""
    return max(min(x, x1 - width_s), after)


def in_view(x: float, x0: float, x1: float) -> bool:
    """A marker at x is on screen (off-screen ones are hidden)."""
    return x0 <= x <= x1


def incident_label_y(y0: float, y1: float) -> float:
    """The height of incident labels in a graph whose y range is [y0, y1]."""
    return y0 + INCIDENT_LABEL_HEIGHT * (y1 - y0)


# Product changes by the product column they touch: price, stock top-up, state, flash sale.
# Other columns (link number, floor, low-stock threshold) are drawn as "other".
PRODUCT_MARK_KINDS = ("flash", "price", "stock", "state", "other")


@dataclass(frozen=True)
class FieldChange:
    """One changed product column, old and new as stored (text; the UI formats them)."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ProductMark:
    """One change of one product (every field a single edit set), on the time axis."""

    at: float
    sku: str
    name: str
    link: int | None
    who: str
    changes: tuple[FieldChange, ...]

    @property
    def kind(self) -> str:
        """What the change was, for its glyph: a flash sale wins over a price, then stock."""
        fields = {c.field for c in self.changes}
        if any(f.startswith("flash_") for f in fields):
            return "flash"
        if "live_price_cents" in fields:
            return "price"
        if "stock_added" in fields:
            return "stock"
        if "state" in fields:
            return "state"
        return "other"


@dataclass(frozen=True)
class ProductGroup:
    """Product changes close together on screen, drawn as one marker at `at` (the earliest)."""

    at: float
    marks: tuple[ProductMark, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of change in the group, each once, in PRODUCT_MARK_KINDS order."""
        present = {m.kind for m in self.marks}
        return tuple(k for k in PRODUCT_MARK_KINDS if k in present)


def group_product_marks(marks: Sequence[ProductMark], min_gap_s: float) -> list[ProductGroup]:
    """The product markers to draw, clustered like incidents (studio.metrics.markers)."""
    return [
        ProductGroup(c.x, tuple(marks[i] for i in c.members))
        for c in cluster_markers([m.at for m in marks], min_gap_s)
    ]


def product_label_y(y0: float, y1: float) -> float:
    """The height of product-change labels in a graph whose y range is [y0, y1]."""
    return y0 + PRODUCT_LABEL_HEIGHT * (y1 - y0)


def with_scheduled_ends(
    marks: Sequence[ProductMark], ends: Mapping[int, float]
) -> list[ProductMark]:
    """`marks` plus one "flash sale ends" mark for each timed flash sale (`ends`: index of the
    mark that started it -> its end), in time order. A sale that ends on its own clock writes no
    row when it ends, so its end would otherwise not show; dropped when a later flash change of
    the same product (an early end, a new sale) came before it."""
    out = list(marks)
    for i, end in ends.items():
        start = marks[i]
        later = [
            m.at
            for m in marks[i + 1 :]
            if m.sku == start.sku and any(c.field.startswith("flash_") for c in m.changes)
        ]
        if later and min(later) <= end:
            continue
        end_change = FieldChange("flash_ends_at", None, None)
        out.append(ProductMark(end, start.sku, start.name, start.link, "", (end_change,)))
    return sorted(out, key=lambda m: m.at)
