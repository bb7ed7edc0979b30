"""What the incident list shows, as plain rules: order, counts, durations, position, filters.

The incidents panel, the CLI and tests share these instead of each widget deciding for itself
how long an incident has been open or which rows a "Not resolved" filter keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from studio.incidents.log import IncidentFilter, IncidentView

NOWHERE = "—"  # an incident logged with no show running


def newest_first(rows: Iterable[IncidentView]) -> list[IncidentView]:
    """The list order: latest logged on top; the id breaks ties of the same second."""
    return sorted(rows, key=lambda v: (v.at, v.id), reverse=True)


@dataclass(frozen=True)
class StatusCounts:
    open: int
    mitigated: int
    total: int


def status_counts(rows: Iterable[IncidentView]) -> StatusCounts:
    """How many incidents are still open, mitigated but not resolved, and in all."""
    n_open = n_mitigated = total = 0
    for v in rows:
        total += 1
        if v.status == "open":
            n_open += 1
        elif v.status == "mitigated":
            n_mitigated += 1
    return StatusCounts(open=n_open, mitigated=n_mitigated, total=total)


@dataclass(frozen=True)
class Duration:
    """The figure in the "open for / fixed in" column: which clock, and its seconds."""

    kind: str  # "open" (still running), "mitigated" (time to mitigate), "resolved"
    seconds: float


def shown_duration(view: IncidentView, now: float) -> Duration | None:
    """Open: how long so far (never negative when clocks disagree); mitigated: how long it took
    to mitigate; resolved: how long to resolve. None when the time it needs is missing."""
    if view.status == "open":
        return Duration("open", max(0.0, now - view.at.timestamp()))
    if view.status == "mitigated" and view.time_to_mitigate is not None:
        return Duration("mitigated", view.time_to_mitigate)
    if view.time_to_resolve is not None:
        return Duration("resolved", view.time_to_resolve)
    return None


def position_text(view: IncidentView, titles: Mapping[str, str] | None = None) -> str:
    """Where in the show it happened: "segment · cue" with the cue counted from 1 as the
    rundown shows it, the segment alone, or NOWHERE. The segment reads as its title from the
    show's script when `titles` (key -> title) knows it, else as its stored key."""
    if view.segment_key is None:
        return NOWHERE
    segment = (titles or {}).get(view.segment_key) or view.segment_key
    if view.cue_index is None:
        return segment
    return f"{segment} · {view.cue_index + 1}"


def clock_time(at: datetime) -> str:
    """A stored (UTC) time as the crew's wall clock shows it."""
    return at.astimezone().strftime("%H:%M:%S")


def _choice(value: str | None) -> frozenset[str] | None:
    return frozenset(value.split(",")) if value else None


def filter_from_choices(
    categories: str | None = None,
    severities: str | None = None,
    statuses: str | None = None,
    sources: str | None = None,
) -> IncidentFilter:
    """An IncidentFilter from filter choices written as comma-separated keys ("1,2",
    "open,mitigated"); None or "" means any. A severity that is not a number is a ValueError."""
    levels = _choice(severities)
    return IncidentFilter(
        categories=_choice(categories),
        severities=frozenset(int(x) for x in levels) if levels else None,
        statuses=_choice(statuses),
        sources=_choice(sources),
    )
