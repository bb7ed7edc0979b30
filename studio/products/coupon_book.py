"""Issuing a show's coupons and keeping their claimed / used counts.

A coupon is a client-made row (its uid is made here), so issuing one while the shared database
is away queues it in the outbox and it arrives exactly once. Counts only ever grow: an update
that arrives late (replayed from an outbox) never lowers them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio.products.model import CouponTerms
from studio.products.reader import coupon_of, load_coupons
from studio.store.changes import Change
from studio.store.models import Coupon, Product, Show
from studio.store.store import Store
from studio.store.sync.rows import RecordChange, RowError
from studio.store.sync.writes import register_replay

COUNTS_OP: Final = "coupon_counts"


class CouponError(ValueError):
    """A coupon that cannot be issued (bad value, unknown SKU, ...); for the user."""


def check_coupon(
    value_cents: int,
    threshold_cents: int,
    count: int,
    valid_from: datetime | None,
    valid_to: datetime | None,
) -> None:
    for name, v, zero_ok in (
        ("value", value_cents, False),
        ("threshold", threshold_cents, True),
        ("count", count, True),
    ):
        if isinstance(v, bool) or not isinstance(v, int):
            raise CouponError(f"{name} must be a whole number, not {v!r}")
        if v < 0 or (v == 0 and not zero_ok):
            raise CouponError(f"{name} must be {'0 or ' if zero_ok else ''}more than 0")
    for name, at in (("valid from", valid_from), ("valid to", valid_to)):
        if at is not None and at.tzinfo is None:
            raise CouponError(f"{name}: a time without a time zone is ambiguous")
    if valid_from is not None and valid_to is not None and valid_to <= valid_from:
        raise CouponError("a coupon must stay valid for some time (valid to is not after from)")


def add_coupon(
    store: Store,
    show_id: int,
    *,
    value_cents: int,
    threshold_cents: int = 0,
    count: int = 0,
    valid_from: datetime | None = None,
    valid_to: datetime | None = None,
    skus: Sequence[str] = (),
    name: str = "",
) -> tuple[str, bool]:
    """Issue a coupon; returns its uid and whether it was queued (database away)."""
    check_coupon(value_cents, threshold_cents, count, valid_from, valid_to)
    wanted = list(dict.fromkeys(s.strip() for s in skus if s.strip()))
    if store.link_status.online:
        with store.session() as s:
            if s.get(Show, show_id) is None:
                raise CouponError(f"no show with id {show_id}")
            known = set(s.scalars(select(Product.sku).where(Product.show_id == show_id)))
        unknown = [k for k in wanted if k not in known]
        if unknown:
            raise CouponError(f"show {show_id} has no product {unknown[0]!r}")
    row: dict[str, Any] = {
        "show_id": show_id,
        "name": name.strip(),
        "value_cents": value_cents,
        "threshold_cents": threshold_cents,
        "count": count,
        "claimed": 0,
        "used": 0,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "skus": wanted,
    }
    result = store.insert_idempotent(Coupon, row)
    return result.uids[0], result.queued


def list_coupons(store: Store, show_id: int) -> list[CouponTerms]:
    with store.session() as s:
        if s.get(Show, show_id) is None:
            raise CouponError(f"no show with id {show_id}")
        return load_coupons(s, show_id)


def _apply_counts(
    s: Session, uid: str, claimed: int | None, used: int | None, record_change: RecordChange
) -> tuple[list[Change], CouponTerms | None]:
    row = s.scalars(select(Coupon).where(Coupon.uid == uid)).first()
    if row is None:
        return [], None
    changed = False
    if claimed is not None and claimed > row.claimed:
        row.claimed, changed = claimed, True
    if used is not None and used > row.used:
        row.used, changed = used, True
    terms = coupon_of(row)
    if not changed:
        return [], terms
    return [record_change(s, "coupon", row.id, row.show_id)], terms


def _replay_counts(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
    uid, claimed, used = args.get("uid"), args.get("claimed"), args.get("used")
    if not isinstance(uid, str) or not all(
        v is None or isinstance(v, int) for v in (claimed, used)
    ):
        raise RowError(f"coupon counts: malformed entry {args!r}"[:300])
    changes, terms = _apply_counts(s, uid, claimed, used, record_change)
    if terms is None:
        raise RowError(f"coupon counts: no coupon with uid {uid}")
    return changes


def set_counts(
    store: Store, uid: str, *, claimed: int | None = None, used: int | None = None
) -> CouponTerms | None:
    """Record how many coupons were claimed and used so far (from the platform's console);
    None when queued offline. Raises CouponError for an unknown coupon or a negative count."""
    for name, v in (("claimed", claimed), ("used", used)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
            raise CouponError(f"{name} must be a whole number, 0 or more")

    def now() -> CouponTerms:
        with store.transaction() as s:
            changes, terms = _apply_counts(s, uid, claimed, used, store.record_change)
            if terms is None:
                raise CouponError(f"no coupon with uid {uid}")
        store.publish(*changes)
        return terms

    if store.outbox is None:
        return now()
    args = {"uid": uid, "claimed": claimed, "used": used}
    return store.sync_writer.run_or_queue(COUNTS_OP, args, now)


register_replay(COUNTS_OP, _replay_counts)
