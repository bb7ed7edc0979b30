"""What was on air when a comment came: the segment (from the runner's cue events) and the
product presenting (from the live products' state changes), both as time lines."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio.audience.classify import ProductRef
from studio.store.audience_models import AudienceAlias
from studio.store.models import CueEvent, Product, ProductEvent, Segment, Show


@dataclass
class Timeline:
    """Values from a time on: `at(ts)` is the last value set at or before ts."""

    times: list[float] = field(default_factory=list)
    values: list[str | None] = field(default_factory=list)
    before: str | None = None  # the value before the first change

    def at(self, ts: float) -> str | None:
        i = bisect_right(self.times, ts)
        return self.before if i == 0 else self.values[i - 1]


@dataclass
class ShowContext:
    products: list[ProductRef]
    segments: Timeline
    presenting: Timeline
    signature: tuple[object, ...]  # changes when products, aliases or the timelines change
    segment_products: dict[str, str] = field(default_factory=dict)  # segment key -> its SKU

    def product_at(self, ts: float) -> str | None:
        """The product on air at ts: the one presenting, else the segment's own product."""
        sku = self.presenting.at(ts)
        if sku is not None:
            return sku
        seg = self.segments.at(ts)
        return None if seg is None else self.segment_products.get(seg)


def load_products(s: Session, show_id: int) -> list[ProductRef]:
    aliases: dict[str, list[str]] = {}
    for sku, alias in s.execute(
        select(AudienceAlias.sku, AudienceAlias.alias).where(AudienceAlias.show_id == show_id)
    ):
        aliases.setdefault(sku, []).append(alias)
    rows = s.execute(
        select(Product.sku, Product.name, Product.link)
        .where(Product.show_id == show_id)
        .order_by(Product.position, Product.id)
    ).all()
    return [ProductRef(sku, name, link, tuple(aliases.get(sku, ()))) for sku, name, link in rows]


def _planned(s: Session, show_id: int) -> Timeline:
    """The script's schedule from the show's start (actual, else planned): what was on air
    when the runner recorded nothing (a file of comments ingested after a rehearsal-less run,
    the simulator from the command line)."""
    line = Timeline()
    row = s.execute(select(Show.started_at, Show.planned_start).where(Show.id == show_id)).first()
    start = None if row is None else (row[0] or row[1])
    if start is None:
        return line
    t = start.timestamp()
    for key, secs in s.execute(
        select(Segment.key, Segment.planned_seconds)
        .where(Segment.show_id == show_id)
        .order_by(Segment.position)
    ):
        line.times.append(t)
        line.values.append(key)
        t += secs or 0
    if line.times:
        line.times.append(t)
        line.values.append(None)
    return line


def _segments(s: Session, show_id: int) -> Timeline:
    line = Timeline()
    for at, key in s.execute(
        select(CueEvent.at, CueEvent.segment_key)
        .where(CueEvent.show_id == show_id, CueEvent.segment_key.is_not(None))
        .order_by(CueEvent.at, CueEvent.id)
    ):
        ts = at.timestamp()
        if line.values and line.values[-1] == key:
            continue
        line.times.append(ts)
        line.values.append(key)
    return line if line.times else _planned(s, show_id)


def _presenting(s: Session, show_id: int) -> Timeline:
    line = Timeline()
    now: str | None = None
    for at, sku, old, new in s.execute(
        select(ProductEvent.at, ProductEvent.sku, ProductEvent.old, ProductEvent.new)
        .where(ProductEvent.show_id == show_id, ProductEvent.field == "state")
        .order_by(ProductEvent.at, ProductEvent.id)
    ):
        if new == "presenting":
            now = sku
        elif old == "presenting" and now == sku:
            now = None
        else:
            continue
        line.times.append(at.timestamp())
        line.values.append(now)
    if not line.times:
        # No recorded changes (a show set up before the live products, or a test): the
        # product presenting now is the one for every time.
        line.before = s.scalar(
            select(Product.sku).where(Product.show_id == show_id, Product.state == "presenting")
        )
    return line


def load_context(s: Session, show_id: int) -> ShowContext:
    products = load_products(s, show_id)
    segments = _segments(s, show_id)
    presenting = _presenting(s, show_id)
    sig: Sequence[object] = (
        tuple(products),
        len(segments.times),
        segments.times[-1:] and segments.times[-1],
        len(presenting.times),
        presenting.before,
    )
    seg_products = {
        str(k): str(sku)
        for k, sku in s.execute(
            select(Segment.key, Segment.product_sku).where(
                Segment.show_id == show_id, Segment.product_sku.is_not(None)
            )
        )
    }
    return ShowContext(products, segments, presenting, tuple(sig), seg_products)
