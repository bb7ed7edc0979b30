"""A show's traffic sources and audience profile in the store, and the minute samples.

A new traffic export replaces the show's traffic rows (the latest export is the truth); an
audience export replaces the dimensions it carries and keeps the others (gender and region often
come in separate files). Minute entries/exits become metric samples of source `import:traffic`,
replaced on re-import; a metric the live feed already recorded is left to the feed, since two
cumulative series in one metric would make every difference wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from studio.metrics.writer import insert_sample_rows
from studio.store.changes import Change
from studio.store.models import AudienceShare, Show, TrafficSource
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.traffic.audience import AudienceRow
from studio.traffic.minutes import MinuteTable
from studio.traffic.sources import SourceRow

MINUTE_SOURCE = "import:traffic"


@dataclass(frozen=True)
class SavedTraffic:
    sources: int
    samples: int
    kept_from_feed: tuple[str, ...]  # metrics left to the live feed


def _show(s: Session, show_id: int) -> Show:
    show = s.get(Show, show_id)
    if show is None:
        raise ShowNotFound(f"no show with id {show_id}")
    return show


def show_day_ref(store: Store, show_id: int) -> datetime | None:
    """When the show started (or was planned to): the day a time-only minute row is on."""
    with store.session() as s:
        show = _show(s, show_id)
        return show.started_at or show.planned_start


def _fed_metrics(s: Session, show_id: int, metrics: Sequence[str]) -> set[str]:
    """Which of `metrics` another source (the live feed) already wrote for the show."""
    out = set()
    for m in metrics:
        row = s.execute(
            text(
                "SELECT 1 FROM metric_sample WHERE show_id = :sid AND metric = :m AND sku = '' "
                "AND source <> :src LIMIT 1"
            ),
            {"sid": show_id, "m": m, "src": MINUTE_SOURCE},
        ).first()
        if row is not None:
            out.add(m)
    return out


def save_traffic(
    store: Store,
    show_id: int,
    sources: Sequence[SourceRow],
    minutes: MinuteTable | None,
    file: str,
    at: datetime,
) -> SavedTraffic:
    """Replace the show's traffic rows and imported minute samples, in one transaction."""
    changes: list[Change] = []
    kept: list[str] = []
    samples = 0
    with store.transaction() as s:
        _show(s, show_id)
        if sources:
            s.execute(delete(TrafficSource).where(TrafficSource.show_id == show_id))
            s.execute(
                insert(TrafficSource),
                [
                    {
                        "show_id": show_id,
                        "position": i,
                        "label": r.label[:100],
                        "channel": r.channel,
                        "entries": r.entries,
                        "exposures": r.exposures,
                        "share": r.share,
                        "gmv_cents": r.gmv_cents,
                        "orders": r.orders,
                        "buyers": r.buyers,
                        "spend_cents": r.spend_cents,
                        "source_file": file[:500],
                        "imported_at": at,
                    }
                    for i, r in enumerate(sources)
                ],
            )
            changes.append(store.record_change(s, "traffic_source", None, show_id))
        if minutes is not None and minutes.points:
            metrics = sorted(minutes.metrics)
            fed = _fed_metrics(s, show_id, metrics)
            kept = [m for m in metrics if m in fed]
            mine = [m for m in metrics if m not in fed]
            if mine:
                params = {"sid": show_id, "src": MINUTE_SOURCE}
                for m in mine:
                    s.execute(
                        text(
                            "DELETE FROM metric_sample WHERE show_id = :sid AND source = :src "
                            "AND metric = :m"
                        ),
                        {**params, "m": m},
                    )
                    # The span is rebuilt by the insert below (nothing else writes the metric).
                    s.execute(
                        text(
                            "DELETE FROM metric_series WHERE show_id = :sid AND metric = :m "
                            "AND sku = ''"
                        ),
                        {"sid": show_id, "m": m},
                    )
                rows = [r for r in minutes.rows(show_id, MINUTE_SOURCE) if r["metric"] in mine]
                samples, sample_changes = insert_sample_rows(store, s, rows)
                changes.extend(sample_changes)
    store.publish(*changes)
    return SavedTraffic(len(sources), samples, tuple(kept))


def save_audience(
    store: Store, show_id: int, rows: Sequence[AudienceRow], file: str, at: datetime
) -> int:
    """Replace the dimensions the rows carry (others stay), in one transaction."""
    dims = sorted({r.dimension for r in rows})
    with store.transaction() as s:
        _show(s, show_id)
        s.execute(
            delete(AudienceShare).where(
                AudienceShare.show_id == show_id, AudienceShare.dimension.in_(dims)
            )
        )
        if rows:
            s.execute(
                insert(AudienceShare),
                [
                    {
                        "show_id": show_id,
                        "position": i,
                        "dimension": r.dimension,
                        "label": r.label[:100],
                        "count": r.count,
                        "share": r.share,
                        "source_file": file[:500],
                        "imported_at": at,
                    }
                    for i, r in enumerate(rows)
                ],
            )
        change = store.record_change(s, "audience_share", None, show_id)
    store.publish(change)
    return len(rows)


def load_sources(s: Session, show_id: int) -> list[SourceRow]:
    q = select(TrafficSource).where(TrafficSource.show_id == show_id)
    return [
        SourceRow(
            label=r.label,
            channel=r.channel,
            entries=r.entries,
            exposures=r.exposures,
            share=r.share,
            gmv_cents=r.gmv_cents,
            orders=r.orders,
            buyers=r.buyers,
            spend_cents=r.spend_cents,
        )
        for r in s.scalars(q.order_by(TrafficSource.position, TrafficSource.id))
    ]


def load_audience(s: Session, show_id: int) -> list[AudienceRow]:
    q = select(AudienceShare).where(AudienceShare.show_id == show_id)
    return [
        AudienceRow(r.dimension, r.label, r.count, r.share)
        for r in s.scalars(q.order_by(AudienceShare.position, AudienceShare.id))
    ]
