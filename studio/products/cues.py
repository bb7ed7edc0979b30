"""What reaching a segment of the rundown does to its product (the runner session calls this).

Entering a segment that names a product makes that product the one presenting (讲解中). Entering
a flash-sale segment also starts its flash sale (price and quota from the script) for the
segment's planned length, once: going back into the segment does not start it again. Entering
any other segment ends a flash sale that a segment started and that is still running (the
script's "秒杀结束后恢复直播价"). Both can be switched off (a studio that pops products by hand).

Changes made here carry who="runner", so the history tells them from the controller's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from studio.products.changes import EditResult, ProductEdit, edit_product
from studio.script.model import Segment
from studio.store.models import Product, ProductEvent
from studio.store.store import Store
from studio.timeutil import Clock, from_epoch, wall_clock

RUNNER = "runner"


@dataclass(frozen=True)
class CueProductSettings:
    present: bool = True  # a segment with a product makes it presenting
    flash_sales: bool = True  # a flash-sale segment starts / ends its flash sale


def _started_here(store: Store, show_id: int, sku: str, segment_key: str) -> bool:
    with store.session() as s:
        return (
            s.scalar(
                select(ProductEvent.id)
                .where(
                    ProductEvent.show_id == show_id,
                    ProductEvent.sku == sku,
                    ProductEvent.field == "flash_starts_at",
                    ProductEvent.segment_key == segment_key,
                    ProductEvent.who == RUNNER,
                    ProductEvent.undoes.is_(None),
                )
                .limit(1)
            )
            is not None
        )


def _runner_flash_sales(store: Store, show_id: int, now_ts: float) -> list[tuple[str, str]]:
    """(sku, segment) of flash sales running now that a segment started."""
    now = from_epoch(now_ts)
    out = []
    with store.session() as s:
        rows = s.scalars(
            select(Product).where(
                Product.show_id == show_id,
                Product.flash_starts_at.is_not(None),
                Product.flash_starts_at <= now,
            )
        )
        for row in rows:
            if row.flash_ends_at is not None and row.flash_ends_at <= now:
                continue
            seg = s.scalar(
                select(ProductEvent.segment_key)
                .where(
                    ProductEvent.show_id == show_id,
                    ProductEvent.sku == row.sku,
                    ProductEvent.field == "flash_starts_at",
                    ProductEvent.who == RUNNER,
                )
                .order_by(ProductEvent.at.desc(), ProductEvent.id.desc())
                .limit(1)
            )
            if seg is not None:
                out.append((row.sku, seg))
    return out


def on_segment_reached(
    store: Store,
    show_id: int,
    segment: Segment,
    cue_index: int | None = None,
    *,
    settings: CueProductSettings = CueProductSettings(),
    clock: Clock = wall_clock,
) -> list[EditResult]:
    """Call when the rundown enters `segment` (not on every cue inside it). Returns the
    changes made (empty when there was nothing to do). Needs the database for the flash-sale
    bookkeeping; presenting alone also works (queued) while it is away."""
    done: list[EditResult] = []

    def change(sku: str, edit: ProductEdit) -> EditResult:
        # Forced: the script decided the price before the show (the readiness gate checked it
        # against the floor); the rundown must not stop on it.
        return edit_product(
            store, show_id, sku, edit, who=RUNNER, reason="segment reached",
            segment_key=segment.id, cue_index=cue_index, force=True, clock=clock,
        )  # fmt: skip

    online = store.link_status.online
    if settings.flash_sales and online:
        for running, seg in _runner_flash_sales(store, show_id, clock()):
            if seg != segment.id:
                done.append(change(running, ProductEdit(flash_ends_at=from_epoch(clock()))))
    sku = segment.product
    if sku is None:
        return done
    edit = ProductEdit(state="presenting") if settings.present else ProductEdit()
    fs = segment.flash_sale
    if (
        settings.flash_sales
        and online
        and segment.kind == "flash_sale"
        and fs is not None
        and fs.price_cents
        and fs.quantity
        and not _started_here(store, show_id, sku, segment.id)
    ):
        start = from_epoch(clock())
        edit = ProductEdit(
            state=edit.state,
            flash_price_cents=fs.price_cents,
            flash_quota=fs.quantity,
            flash_starts_at=start,
            flash_ends_at=start + timedelta(seconds=max(segment.planned_seconds, 1)),
        )
    if edit.empty:
        return done
    result = change(sku, edit)
    if result.queued or result.events:
        done.append(result)
    return done
