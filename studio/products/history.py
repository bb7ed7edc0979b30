"""A show's product changes as a list (the board's history, `studio product history`, review)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from studio.products.changes import TIME_FIELDS, value_of
from studio.store.models import ProductEvent, Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    sku: str
    field: str  # the product column: live_price_cents, stock_added, state, link, flash_*...
    old: Any  # typed: cents and counts as int, times as datetime, states as text
    new: Any
    who: str
    station: str
    segment: str | None
    cue: int | None
    reason: str
    op: str  # the change this row belongs to (what undo takes)
    undoes: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The contract of `studio product history --json`."""

        def plain(field: str, v: Any) -> Any:
            return v.isoformat() if field in TIME_FIELDS and v is not None else v

        return {
            "at": self.at.isoformat(),
            "sku": self.sku,
            "field": self.field,
            "old": plain(self.field, self.old),
            "new": plain(self.field, self.new),
            "who": self.who,
            "station": self.station,
            "segment": self.segment,
            "cue": self.cue,
            "reason": self.reason,
            "op": self.op,
            "undoes": self.undoes,
        }


def product_history(store: Store, show_id: int, sku: str | None = None) -> list[HistoryEntry]:
    """The show's product changes, oldest first (one entry per changed field)."""
    with store.session() as s:
        if s.get(Show, show_id) is None:
            raise ShowNotFound(f"no show with id {show_id}")
        q = select(ProductEvent).where(ProductEvent.show_id == show_id)
        if sku is not None:
            q = q.where(ProductEvent.sku == sku)
        rows = s.scalars(q.order_by(ProductEvent.at, ProductEvent.id))
        return [
            HistoryEntry(
                at=r.at,
                sku=r.sku,
                field=r.field,
                old=value_of(r.field, r.old),
                new=value_of(r.field, r.new),
                who=r.who,
                station=r.station,
                segment=r.segment_key,
                cue=r.cue_index,
                reason=r.reason,
                op=r.op,
                undoes=r.undoes,
            )
            for r in rows
        ]
