"""Insights across shows: when to go live, which products sell, which segment kinds work, and
how each anchor does. Pure functions on `ShowFacts` (studio.review.insights_load reads them).

Conventions (the tests recompute every number with them):
- A show's hours run from its start to its end (the last sample when it never ended).
- Per slot (weekday x start hour, in the studio's time zone) and per anchor, rates pool the
  shows: GMV per hour = the shows' GMV / their hours, not a mean of per-show rates, so a short
  show does not weigh as much as a long one.
- A product's CTR, CVR and sell-through pool its shows the same way (clicks / exposures,
  buyers / clicks, orders / stock over the shows that had stock).
- A segment kind's figures add up its segments that ran: GMV per minute over their minutes,
  new followers per segment (follow gain per lucky bag), entries per segment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, tzinfo
from typing import Any

from studio.metrics import kpi


@dataclass(frozen=True)
class ProductFacts:
    sku: str
    name: str
    stock: int
    exposures: int | None
    clicks: int | None
    buyers: int | None
    orders: int | None
    gmv_cents: int | None


@dataclass(frozen=True)
class SegmentFacts:
    kind: str
    seconds: float  # from its start to its end
    gmv_cents: int | None
    new_followers: int | None
    entries: int | None


@dataclass(frozen=True)
class ShowFacts:
    id: int
    title: str
    started_at: datetime
    seconds: float
    gmv_cents: int
    viewers: int
    orders: int
    buyers: int
    product_clicks: int
    new_followers: int
    anchors: tuple[str, ...] = ()
    products: tuple[ProductFacts, ...] = ()
    segments: tuple[SegmentFacts, ...] = ()


@dataclass(frozen=True)
class SlotRow:
    weekday: int  # 0 Monday ... 6 Sunday
    hour: int  # the hour the shows started, 0-23
    shows: int
    hours: float
    gmv_cents: int
    viewers: int
    gmv_per_hour_cents: float | None
    viewers_per_hour: float | None


@dataclass(frozen=True)
class ProductShow:
    show_id: int
    started_at: datetime
    gmv_cents: int | None
    cvr: float | None
    sell_through: float | None


@dataclass(frozen=True)
class ProductHistory:
    sku: str
    name: str  # as in its latest show
    shows: int
    exposures: int
    clicks: int
    buyers: int
    orders: int
    gmv_cents: int
    stock: int
    ctr: float | None
    cvr: float | None
    sell_through: float | None
    history: tuple[ProductShow, ...]  # oldest first


@dataclass(frozen=True)
class KindRow:
    kind: str
    segments: int
    minutes: float
    gmv_cents: int
    gmv_per_minute_cents: float | None
    new_followers: int
    followers_per_segment: float | None
    entries: int
    entries_per_segment: float | None


@dataclass(frozen=True)
class AnchorRow:
    name: str
    shows: int
    hours: float
    gmv_cents: int
    gmv_per_hour_cents: float | None
    viewers: int
    viewers_per_hour: float | None
    new_followers: int
    follow_rate: float | None
    cvr: float | None


@dataclass(frozen=True)
class Insights:
    since: datetime | None
    until: datetime | None
    shows: int
    hours: float
    slots: tuple[SlotRow, ...]
    products: tuple[ProductHistory, ...]
    kinds: tuple[KindRow, ...]
    anchors: tuple[AnchorRow, ...]

    def as_json(self) -> dict[str, Any]:
        """The shape of `studio insights --json` (money in fen, rates as fractions)."""

        def rows(items: Iterable[Any]) -> list[dict[str, Any]]:
            out = []
            for item in items:
                d = asdict(item)
                for k, v in d.items():
                    if isinstance(v, float):
                        d[k] = round(v, 6)
                out.append(d)
            return out

        return {
            "from": self.since.isoformat() if self.since else None,
            "to": self.until.isoformat() if self.until else None,
            "shows": self.shows,
            "hours": round(self.hours, 6),
            "slots": rows(self.slots),
            "products": rows(self.products),
            "segment_kinds": rows(self.kinds),
            "anchors": rows(self.anchors),
        }


def _n(v: int | None) -> int:
    return v or 0


def slots(shows: Sequence[ShowFacts], tz: tzinfo | None = None) -> list[SlotRow]:
    """GMV and viewers per hour by weekday x start hour (the slot a show was planned into)."""
    cells: dict[tuple[int, int], list[ShowFacts]] = {}
    for sh in shows:
        local = sh.started_at.astimezone(tz)
        cells.setdefault((local.weekday(), local.hour), []).append(sh)
    out = []
    for (weekday, hour), group in sorted(cells.items()):
        hours = sum(sh.seconds for sh in group) / 3600
        gmv = sum(sh.gmv_cents for sh in group)
        viewers = sum(sh.viewers for sh in group)
        out.append(
            SlotRow(
                weekday,
                hour,
                len(group),
                hours,
                gmv,
                viewers,
                kpi.ratio(gmv, hours),
                kpi.ratio(viewers, hours),
            )
        )
    return out


def products(shows: Sequence[ShowFacts]) -> list[ProductHistory]:
    """Each SKU across the shows it was in, best-selling first."""
    seen: dict[str, list[tuple[ShowFacts, ProductFacts]]] = {}
    for sh in sorted(shows, key=lambda x: (x.started_at, x.id)):
        for p in sh.products:
            seen.setdefault(p.sku, []).append((sh, p))
    out = []
    for sku, items in seen.items():
        exposures = sum(_n(p.exposures) for _, p in items)
        clicks = sum(_n(p.clicks) for _, p in items)
        buyers = sum(_n(p.buyers) for _, p in items)
        orders = sum(_n(p.orders) for _, p in items)
        gmv = sum(_n(p.gmv_cents) for _, p in items)
        stocked = [p for _, p in items if p.stock > 0]
        stock = sum(p.stock for p in stocked)
        history = tuple(
            ProductShow(
                sh.id,
                sh.started_at,
                p.gmv_cents,
                kpi.cvr(p.buyers, p.clicks),
                kpi.ratio(p.orders, p.stock),
            )
            for sh, p in items
        )
        out.append(
            ProductHistory(
                sku=sku,
                name=items[-1][1].name,
                shows=len(items),
                exposures=exposures,
                clicks=clicks,
                buyers=buyers,
                orders=orders,
                gmv_cents=gmv,
                stock=stock,
                ctr=kpi.ctr(clicks, exposures),
                cvr=kpi.cvr(buyers, clicks),
                sell_through=kpi.ratio(sum(_n(p.orders) for p in stocked), stock),
                history=history,
            )
        )
    return sorted(out, key=lambda r: (-r.gmv_cents, r.sku))


def kinds(shows: Sequence[ShowFacts]) -> list[KindRow]:
    """Segment kinds by what they bring: GMV per minute, followers and entries per segment."""
    groups: dict[str, list[SegmentFacts]] = {}
    for sh in shows:
        for seg in sh.segments:
            groups.setdefault(seg.kind, []).append(seg)
    out = []
    for kind, segs in sorted(groups.items()):
        minutes = sum(g.seconds for g in segs) / 60
        gmv = sum(_n(g.gmv_cents) for g in segs)
        followers = sum(_n(g.new_followers) for g in segs)
        entries = sum(_n(g.entries) for g in segs)
        out.append(
            KindRow(
                kind=kind,
                segments=len(segs),
                minutes=minutes,
                gmv_cents=gmv,
                gmv_per_minute_cents=kpi.ratio(gmv, minutes),
                new_followers=followers,
                followers_per_segment=kpi.ratio(followers, len(segs)),
                entries=entries,
                entries_per_segment=kpi.ratio(entries, len(segs)),
            )
        )
    return out


def anchors(shows: Sequence[ShowFacts]) -> list[AnchorRow]:
    """Per anchor over the shows they anchored (a show with two anchors counts for both)."""
    groups: dict[str, list[ShowFacts]] = {}
    for sh in shows:
        for name in dict.fromkeys(sh.anchors):
            groups.setdefault(name, []).append(sh)
    out = []
    for name, group in groups.items():
        hours = sum(sh.seconds for sh in group) / 3600
        gmv = sum(sh.gmv_cents for sh in group)
        viewers = sum(sh.viewers for sh in group)
        followers = sum(sh.new_followers for sh in group)
        out.append(
            AnchorRow(
                name=name,
                shows=len(group),
                hours=hours,
                gmv_cents=gmv,
                gmv_per_hour_cents=kpi.ratio(gmv, hours),
                viewers=viewers,
                viewers_per_hour=kpi.ratio(viewers, hours),
                new_followers=followers,
                follow_rate=kpi.follow_rate(followers, viewers),
                cvr=kpi.cvr(sum(sh.buyers for sh in group), sum(sh.product_clicks for sh in group)),
            )
        )
    return sorted(out, key=lambda r: (-(r.gmv_per_hour_cents or 0.0), r.name))


def insights(
    shows: Sequence[ShowFacts],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    tz: tzinfo | None = None,
) -> Insights:
    return Insights(
        since=since,
        until=until,
        shows=len(shows),
        hours=sum(sh.seconds for sh in shows) / 3600,
        slots=tuple(slots(shows, tz)),
        products=tuple(products(shows)),
        kinds=tuple(kinds(shows)),
        anchors=tuple(anchors(shows)),
    )
