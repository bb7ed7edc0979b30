"""A script in the database: Show + Product + Segment + Cue rows, with the YAML kept on the Show.

`Show.script_yaml` is the lossless copy (cue `obs` data, everything the author wrote); the rows
are what other features query (products for the metrics board, segments for review).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from studio.script.errors import ScriptError
from studio.script.loader import load_script_file, load_script_text
from studio.script.model import Coupon as ScriptCoupon
from studio.script.model import Cue, FlashSale, LuckyBag, Script
from studio.script.model import Product as ScriptProduct
from studio.script.model import Segment as ScriptSegment
from studio.script.yaml_io import dump_yaml
from studio.store.models import Coupon as CouponRow
from studio.store.models import Cue as CueRow
from studio.store.models import Product as ProductRow
from studio.store.models import Segment as SegmentRow
from studio.store.models import Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store


def _segment_extra(seg: ScriptSegment) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if seg.flash_sale is not None:
        extra["flash_sale"] = {
            "quantity": seg.flash_sale.quantity,
            "price_cents": seg.flash_sale.price_cents,
        }
    if seg.lucky_bag is not None:
        extra["lucky_bag"] = {
            "draw_seconds": seg.lucky_bag.draw_seconds,
            "prize": seg.lucky_bag.prize,
        }
    return extra


def _add_script_rows(session: Session, show: Show, script: Script) -> None:
    show.products = [
        ProductRow(
            position=i,
            sku=p.sku,
            name=p.name,
            list_price_cents=p.list_price_cents,
            live_price_cents=p.live_price_cents,
            stock=p.stock,
            selling_points=list(p.selling_points),
            image_path=p.image,
            link=p.link,
            floor_cents=p.floor_cents,
            cost_cents=p.cost_cents,
            low_stock_at=p.low_stock,
        )
        for i, p in enumerate(script.products)
    ]
    show.segments = [
        SegmentRow(position=i, key=seg.id, title=seg.title, kind=seg.kind,
                   planned_seconds=seg.planned_seconds, product_sku=seg.product,
                   warn_seconds=seg.warn_seconds, extra=_segment_extra(seg),
                   cues=[CueRow(position=j, text=c.text, notes=c.notes)
                         for j, c in enumerate(seg.cues)])
        for i, seg in enumerate(script.segments)
    ]  # fmt: skip


def _coupon_rows(show_id: int, coupons: tuple[ScriptCoupon, ...]) -> list[CouponRow]:
    return [
        CouponRow(
            show_id=show_id,
            name=c.name,
            value_cents=c.value_cents,
            threshold_cents=c.threshold_cents,
            count=c.count,
            valid_from=c.valid_from,
            valid_to=c.valid_to,
            skus=list(c.skus),
        )
        for c in coupons
    ]


# What happened to a product live (studio.products) survives an edit of the script: its state,
# top-ups and flash sale always, a price / floor / link number once changed live.
_LIVE_ALWAYS = ("state", "stock_added", "flash_price_cents", "flash_quota", "flash_starts_at",
                "flash_ends_at")  # fmt: skip
_LIVE_IF_CHANGED = ("live_price_cents", "floor_cents", "link", "low_stock_at")


def _live_fields(session: Session, show_id: int) -> dict[str, dict[str, Any]]:
    from studio.store.models import ProductEvent

    changed: dict[str, set[str]] = {}
    for sku, field in session.execute(
        select(ProductEvent.sku, ProductEvent.field).where(ProductEvent.show_id == show_id)
    ):
        changed.setdefault(sku, set()).add(field)
    out: dict[str, dict[str, Any]] = {}
    for row in session.scalars(select(ProductRow).where(ProductRow.show_id == show_id)):
        keep = {f: getattr(row, f) for f in _LIVE_ALWAYS}
        keep.update({f: getattr(row, f) for f in _LIVE_IF_CHANGED if f in changed.get(row.sku, ())})
        out[row.sku] = keep
    return out


def save_script(
    store: Store, script: Script, *, is_rehearsal: bool = False, title: str | None = None
) -> int:
    """Create a show holding `script`; returns the new show's id."""
    with store.transaction() as s:
        show = Show(
            title=(title or script.title).strip() or script.title,
            planned_start=script.planned_start,
            planned_seconds=script.slot_seconds or script.total_seconds,
            gmv_target_cents=script.gmv_target_cents,
            traffic_target=script.traffic_target,
            is_rehearsal=is_rehearsal,
            script_yaml=dump_yaml(script),
        )
        s.add(show)
        s.flush()
        _add_script_rows(s, show, script)
        s.add_all(_coupon_rows(show.id, script.coupons))
        change = store.record_change(s, "show", show.id, show.id)
        show_id = show.id
    store.publish(change)
    return show_id


def replace_script(store: Store, show_id: int, script: Script) -> None:
    """Store an edited script on an existing show (rows rebuilt; CueEvents are kept)."""
    with store.transaction() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        live = _live_fields(s, show_id)
        # Delete explicitly first: re-using a (show_id, key) before the old row is gone would
        # trip the unique constraint inside the same flush.
        s.execute(delete(ProductRow).where(ProductRow.show_id == show_id))
        seg_ids = select(SegmentRow.id).where(SegmentRow.show_id == show_id)
        s.execute(delete(CueRow).where(CueRow.segment_id.in_(seg_ids)))
        s.execute(delete(SegmentRow).where(SegmentRow.show_id == show_id))
        s.expire(show, ["products", "segments"])
        show.script_yaml = dump_yaml(script)
        show.planned_seconds = script.slot_seconds or script.total_seconds
        _add_script_rows(s, show, script)
        for row in show.products:
            for field, value in live.get(row.sku, {}).items():
                setattr(row, field, value)
        change = store.record_change(s, "show", show_id, show_id)
    store.publish(change)


def load_script(store: Store, show_id: int) -> Script:
    """The show's script: from its stored YAML, or rebuilt from the rows if there is none."""
    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        if show.script_yaml:
            return load_script_text(show.script_yaml, f"show {show_id}")
        return _script_from_rows(show)


def has_segments(store: Store, show_id: int) -> bool:
    with store.session() as s:
        return (
            s.scalar(select(SegmentRow.id).where(SegmentRow.show_id == show_id).limit(1))
            is not None
        )


def _script_from_rows(show: Show) -> Script:
    products = tuple(
        ScriptProduct(
            sku=p.sku,
            name=p.name,
            list_price_cents=p.list_price_cents,
            live_price_cents=p.live_price_cents,
            stock=p.stock,
            selling_points=tuple(str(x) for x in p.selling_points),
            image=p.image_path,
            link=p.link,
            floor_cents=p.floor_cents,
            cost_cents=p.cost_cents,
            low_stock=p.low_stock_at,
        )
        for p in show.products
    )
    segments = []
    for row in show.segments:
        fs = row.extra.get("flash_sale")
        lb = row.extra.get("lucky_bag")
        segments.append(ScriptSegment(
            id=row.key, title=row.title, kind=row.kind, planned_seconds=row.planned_seconds,
            product=row.product_sku, warn_seconds=row.warn_seconds,
            cues=tuple(Cue(text=c.text, notes=c.notes) for c in row.cues),
            flash_sale=FlashSale(fs.get("quantity"), fs.get("price_cents")) if fs else None,
            lucky_bag=LuckyBag(lb.get("draw_seconds"), lb.get("prize", "")) if lb else None,
        ))  # fmt: skip
    return Script(
        title=show.title,
        planned_start=show.planned_start,
        slot_seconds=show.planned_seconds or None,
        gmv_target_cents=show.gmv_target_cents,
        traffic_target=show.traffic_target,
        products=products,
        segments=tuple(segments),
    )


def create_show_from_script_file(
    store: Store,
    path: str | Path,
    title: str | None = None,
    planned_start: datetime | None = None,
    gmv_target_cents: int = 0,
) -> int:
    """Load, validate and store a script file as a new show (what `studio show create --script`
    calls). Raises ValueError carrying every validation message on a bad file."""
    try:
        script = load_script_file(path)
    except ScriptError as exc:
        raise ValueError(str(exc)) from exc
    if planned_start is not None:
        script = replace(script, planned_start=planned_start)
    if gmv_target_cents:
        script = replace(script, gmv_target_cents=gmv_target_cents)
    if title and title.strip():
        script = replace(script, title=title.strip())
    return save_script(store, script)


def create_rehearsal(store: Store, show_id: int) -> int:
    """A rehearsal (彩排) of a show: same script, its own CueEvents, kept apart from live shows."""
    script = load_script(store, show_id)
    with store.session() as s:
        show = s.get(Show, show_id)
        assert show is not None  # load_script raised otherwise
        title = show.title
    return save_script(store, script, is_rehearsal=True, title=f"{title} (rehearsal)")
