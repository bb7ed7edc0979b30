"""Every change of a live product, as product_event rows: who, station, when, segment/cue,
old -> new, reason.

A change (`ProductEdit`) is validated here, in front of the person making it (a price below the
floor is refused unless forced; never silently), then applied in one transaction that updates
the product row, writes one event row per changed field and records the change (NOTIFY to the
other stations). A station whose shared database is unreachable queues the change in its outbox
instead; it carries a client-made id (`ProductEvent.op`) so that its replay applies it once, and
its own time, so a queued change never overwrites a field another station changed later.

States: pending -> listed -> presenting -> sold_out | unlisted; a product goes back to listed
after presenting, and can be listed again after sold_out / unlisted; never back to pending. At
most one product of a show is presenting: presenting one puts the other back to listed, in the
same change.

`undo(op)` reverts one change (only while the fields still hold what it wrote; a stock top-up
is taken back as a delta); `undo_last_change` finds this station's newest change within 10 s.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio.i18n_marks import QT_TRANSLATE_NOOP, Message
from studio.metrics.fmt import money_cents
from studio.products.model import PRODUCT_STATES
from studio.store.changes import Change
from studio.store.models import CueEvent, Product, ProductEvent, Show, new_uid
from studio.store.store import Store
from studio.store.sync.rows import RecordChange, RowError
from studio.store.sync.writes import register_replay
from studio.timeutil import Clock, from_epoch, parse_iso, wall_clock

log = logging.getLogger(__name__)

EDIT_OP: Final = "product_edit"  # outbox entry kinds
UNDO_OP: Final = "product_undo"
UNDO_WINDOW_S: Final = 10.0
BIG_CHANGE: Final = 0.30  # a price change of more than 30 % asks for confirmation

# The product columns a change may set, and how their values read back from an event row.
INT_FIELDS: Final = frozenset(
    {"live_price_cents", "floor_cents", "stock_added", "link", "low_stock_at",
     "flash_price_cents", "flash_quota"}
)  # fmt: skip
TIME_FIELDS: Final = frozenset({"flash_starts_at", "flash_ends_at"})
FIELDS: Final = (
    "state", "link", "live_price_cents", "floor_cents", "stock_added", "low_stock_at",
    "flash_price_cents", "flash_quota", "flash_starts_at", "flash_ends_at",
)  # fmt: skip

STATE_LABELS: Final = {
    "pending": QT_TRANSLATE_NOOP("ProductStates", "Pending"),
    "listed": QT_TRANSLATE_NOOP("ProductStates", "Listed"),
    "presenting": QT_TRANSLATE_NOOP("ProductStates", "Presenting"),
    "sold_out": QT_TRANSLATE_NOOP("ProductStates", "Sold out"),
    "unlisted": QT_TRANSLATE_NOOP("ProductStates", "Unlisted"),
}
BELOW_FLOOR = QT_TRANSLATE_NOOP(
    "ProductChanges", "{sku}: {price} is below the floor {floor} (force to sell at a loss)"
)
BIG_PRICE_CHANGE = QT_TRANSLATE_NOOP(
    "ProductChanges", "{sku}: the price moves by {pct:.0f}% ({old} to {new})"
)


class ProductError(ValueError):
    """A change that cannot be made (bad value, link number taken, ...); for the user."""


class ProductNotFound(LookupError):
    pass


class BelowFloor(ProductError):
    """A price under the product's floor, refused unless forced."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english())
        self.message = message


@dataclass(frozen=True)
class ProductEdit:
    """What one change sets; None leaves a field as it is."""

    live_price_cents: int | None = None
    floor_cents: int | None = None
    clear_floor: bool = False  # back to the default floor (the cost)
    stock_add: int = 0  # units added to the stock (a top-up, 补货)
    link: int | None = None
    state: str | None = None
    low_stock_at: int | None = None
    # Start (or replace) a flash sale: all four given together; `flash_ends_at` alone ends it.
    flash_price_cents: int | None = None
    flash_quota: int | None = None
    flash_starts_at: datetime | None = None
    flash_ends_at: datetime | None = None

    def as_json(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if v is not None}
        if not self.clear_floor:
            del out["clear_floor"]
        if not self.stock_add:
            del out["stock_add"]
        for k in TIME_FIELDS & set(out):
            out[k] = out[k].isoformat()
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProductEdit:
        values = dict(data)
        for k in TIME_FIELDS & set(values):
            values[k] = parse_iso(str(values[k]))
        return cls(**values)

    @property
    def empty(self) -> bool:
        return not self.as_json()


@dataclass(frozen=True)
class EditResult:
    op: str  # the change's id: what `undo` takes
    queued: bool  # waiting in the offline outbox, not yet in the database
    events: int = 0  # event rows written (0 when queued, or when nothing changed)


# -- validation (before anything is written) ---------------------------------------------------


def _positive(name: str, value: int | None, allow_zero: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProductError(f"{name} must be a whole number, not {value!r}")
    if value < 0 or (value == 0 and not allow_zero):
        raise ProductError(f"{name} must be {'0 or ' if allow_zero else ''}more than 0")


def check_edit(edit: ProductEdit) -> None:
    """Values that can never be right, whatever the product (raises ProductError)."""
    _positive("price", edit.live_price_cents)
    _positive("floor", edit.floor_cents, allow_zero=True)
    _positive("link number", edit.link)
    _positive("low-stock threshold", edit.low_stock_at, allow_zero=True)
    _positive("flash-sale price", edit.flash_price_cents)
    _positive("flash-sale quota", edit.flash_quota)
    if isinstance(edit.stock_add, bool) or not isinstance(edit.stock_add, int):
        raise ProductError(f"stock to add must be a whole number, not {edit.stock_add!r}")
    if edit.stock_add < 0:
        raise ProductError("stock to add cannot be negative")
    if edit.floor_cents is not None and edit.clear_floor:
        raise ProductError("set the floor or clear it, not both")
    if edit.state is not None and edit.state not in PRODUCT_STATES:
        raise ProductError(f"unknown state {edit.state!r} (one of: {', '.join(PRODUCT_STATES)})")
    if edit.state == "pending":
        raise ProductError("a product cannot go back to pending")
    flash = (edit.flash_price_cents, edit.flash_quota, edit.flash_starts_at)
    if any(v is not None for v in flash) and any(v is None for v in flash):
        raise ProductError("a flash sale needs its price, quota and start together")
    for name in TIME_FIELDS:
        at = getattr(edit, name)
        if at is not None and at.tzinfo is None:
            raise ProductError(f"{name}: a time without a time zone is ambiguous")
    if (
        edit.flash_starts_at is not None
        and edit.flash_ends_at is not None
        and edit.flash_ends_at <= edit.flash_starts_at
    ):
        raise ProductError("a flash sale must end after it starts")


def floor_after(row_floor: int | None, cost: int | None, edit: ProductEdit) -> int | None:
    if edit.clear_floor:
        return cost
    if edit.floor_cents is not None:
        return edit.floor_cents
    return row_floor if row_floor is not None else cost


def below_floor(sku: str, floor: int | None, edit: ProductEdit) -> Message | None:
    """Why the edit's prices are under the floor (None: they are not)."""
    if floor is None:
        return None
    for price in (edit.live_price_cents, edit.flash_price_cents):
        if price is not None and price < floor:
            return BELOW_FLOOR(sku=sku, price=money_cents(price), floor=money_cents(floor))
    return None


def needs_confirmation(
    sku: str, old_price_cents: int, new_price_cents: int, floor_cents: int | None
) -> list[Message]:
    """What a person must confirm before a price change (the board asks; empty: nothing):
    a move of more than 30 %, and a price under the floor."""
    out: list[Message] = []
    if (
        old_price_cents > 0
        and abs(new_price_cents - old_price_cents) > BIG_CHANGE * old_price_cents
    ):
        out.append(
            BIG_PRICE_CHANGE(
                sku=sku,
                pct=abs(new_price_cents - old_price_cents) * 100 / old_price_cents,
                old=money_cents(old_price_cents),
                new=money_cents(new_price_cents),
            )
        )
    under = below_floor(sku, floor_cents, ProductEdit(live_price_cents=new_price_cents))
    if under is not None:
        out.append(under)
    return out


# -- applying (one transaction; the same code now and on replay) -------------------------------


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def value_of(field: str, text: str | None) -> Any:
    """An event's old/new text as the field's value."""
    if text is None:
        return None
    if field in INT_FIELDS:
        return int(text)
    if field in TIME_FIELDS:
        return parse_iso(text)
    return text


def _context(s: Session, show_id: int, when: datetime) -> tuple[str | None, int | None]:
    """The segment and cue the show was at when the change was made (from the CueEvents)."""
    row = s.execute(
        select(CueEvent.segment_key, CueEvent.cue_index)
        .where(CueEvent.show_id == show_id, CueEvent.at <= when)
        .order_by(CueEvent.at.desc(), CueEvent.id.desc())
        .limit(1)
    ).first()
    return (None, None) if row is None else (row[0], row[1])


@dataclass(frozen=True)
class _Meta:
    show_id: int
    op: str
    at: datetime
    who: str
    station: str
    segment_key: str | None
    cue_index: int | None
    reason: str
    undoes: str | None = None

    def args(self) -> dict[str, Any]:
        return asdict(self)


class _Writer:
    """Sets fields of product rows in one transaction, one event row per changed field."""

    def __init__(self, s: Session, meta: _Meta, replaying: bool) -> None:
        self.s = s
        self.meta = meta
        self.replaying = replaying
        self.events: list[ProductEvent] = []
        self.rows: dict[int, Product] = {}
        seg, cue = meta.segment_key, meta.cue_index
        if seg is None and cue is None:
            seg, cue = _context(s, meta.show_id, meta.at)
        self.segment_key, self.cue_index = seg, cue

    def newer_elsewhere(self, sku: str, field: str) -> bool:
        """A change of this field made after this one (by another station) already applied."""
        return (
            self.s.scalar(
                select(ProductEvent.id)
                .where(
                    ProductEvent.show_id == self.meta.show_id,
                    ProductEvent.sku == sku,
                    ProductEvent.field == field,
                    ProductEvent.at > self.meta.at,
                )
                .limit(1)
            )
            is not None
        )

    def put(self, row: Product, field: str, new: Any) -> None:
        old = getattr(row, field)
        if old == new:
            return
        if self.replaying and field != "stock_added" and self.newer_elsewhere(row.sku, field):
            log.info("product %s: queued %s change overtaken by a later one", row.sku, field)
            return
        setattr(row, field, new)
        self.rows[row.id] = row
        event = ProductEvent(
            show_id=self.meta.show_id,
            sku=row.sku,
            at=self.meta.at,
            field=field,
            old=_text(old),
            new=_text(new),
            who=self.meta.who,
            station=self.meta.station,
            segment_key=self.segment_key,
            cue_index=self.cue_index,
            reason=self.meta.reason,
            op=self.meta.op,
            undoes=self.meta.undoes,
        )
        self.s.add(event)
        self.events.append(event)

    def finish(self, record_change: RecordChange) -> list[Change]:
        if not self.events:
            return []
        self.s.flush()
        changes = [
            record_change(self.s, "product", row_id, self.meta.show_id) for row_id in self.rows
        ]
        changes.append(
            record_change(self.s, "product_event", self.events[-1].id, self.meta.show_id)
        )
        return changes


def _product(s: Session, show_id: int, sku: str) -> Product | None:
    return s.scalars(select(Product).where(Product.show_id == show_id, Product.sku == sku)).first()


def _link_holder(s: Session, show_id: int, link: int, sku: str) -> str | None:
    return s.scalar(
        select(Product.sku).where(
            Product.show_id == show_id, Product.link == link, Product.sku != sku
        )
    )


def _applied(s: Session, op: str) -> bool:
    return s.scalar(select(ProductEvent.id).where(ProductEvent.op == op).limit(1)) is not None


def _apply_edit(
    s: Session,
    meta: _Meta,
    sku: str,
    edit: ProductEdit,
    record_change: RecordChange,
    replaying: bool,
) -> tuple[list[Change], int]:
    if _applied(s, meta.op):
        return [], 0  # applied already: the outbox was not emptied after that commit
    row = _product(s, meta.show_id, sku)
    if row is None:
        if replaying:
            raise RowError(f"product change {meta.op}: show {meta.show_id} has no SKU {sku!r}")
        raise ProductNotFound(f"show {meta.show_id} has no product {sku!r}")
    w = _Writer(s, meta, replaying)
    if edit.link is not None:
        holder = _link_holder(s, meta.show_id, edit.link, sku)
        if holder is None:
            w.put(row, "link", edit.link)
        elif replaying:
            log.warning("product %s: link %d taken by %s meanwhile; kept", sku, edit.link, holder)
        else:
            raise ProductError(f"link number {edit.link} is taken by {holder}")
    if edit.state is not None:
        if edit.state == "presenting":
            others = s.scalars(
                select(Product).where(
                    Product.show_id == meta.show_id,
                    Product.state == "presenting",
                    Product.id != row.id,
                )
            )
            for other in others:
                w.put(other, "state", "listed")
        w.put(row, "state", edit.state)
    if edit.live_price_cents is not None:
        w.put(row, "live_price_cents", edit.live_price_cents)
    if edit.floor_cents is not None or edit.clear_floor:
        w.put(row, "floor_cents", edit.floor_cents)
    if edit.stock_add:
        w.put(row, "stock_added", (row.stock_added or 0) + edit.stock_add)
    if edit.low_stock_at is not None:
        w.put(row, "low_stock_at", edit.low_stock_at)
    if edit.flash_starts_at is not None:
        w.put(row, "flash_price_cents", edit.flash_price_cents)
        w.put(row, "flash_quota", edit.flash_quota)
        w.put(row, "flash_starts_at", edit.flash_starts_at)
        w.put(row, "flash_ends_at", edit.flash_ends_at)
    elif edit.flash_ends_at is not None:
        if row.flash_starts_at is None:
            if not replaying:
                raise ProductError(f"{sku} has no flash sale to end")
        elif row.flash_ends_at is None or edit.flash_ends_at < row.flash_ends_at:
            w.put(row, "flash_ends_at", max(edit.flash_ends_at, row.flash_starts_at))
    return w.finish(record_change), len(w.events)


def _meta_from(args: Mapping[str, Any]) -> _Meta:
    try:
        meta = _Meta(**{k: args[k] for k in _Meta.__dataclass_fields__ if k in args})
    except TypeError as exc:
        raise RowError(f"product change: malformed entry ({exc})") from exc
    if not (isinstance(meta.at, datetime) and meta.at.tzinfo is not None):
        raise RowError(f"product change {meta.op}: no time")
    return meta


def _replay_edit(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
    """Apply a change queued offline, once (its event rows carry its op id)."""
    meta = _meta_from(args)
    try:
        edit = ProductEdit.from_json(args.get("edit") or {})
        check_edit(edit)
    except (ProductError, TypeError, ValueError) as exc:
        raise RowError(f"product change {meta.op}: {exc}") from exc
    changes, _ = _apply_edit(s, meta, str(args.get("sku")), edit, record_change, replaying=True)
    return changes


def edit_product(
    store: Store,
    show_id: int,
    sku: str,
    edit: ProductEdit,
    *,
    who: str = "",
    reason: str = "",
    segment_key: str | None = None,
    cue_index: int | None = None,
    force: bool = False,
    floor_cents: int | None = None,
    clock: Clock = wall_clock,
) -> EditResult:
    """Make one change of a product now (or queue it while the shared database is away).

    Raises ProductError for impossible values, BelowFloor for a price under the floor unless
    `force`, ProductNotFound for an unknown show or SKU. The floor is read from the database;
    offline, the caller passes the floor it shows (`floor_cents`) so the check still happens.
    Segment and cue default to where the show's rundown was at the time.
    """
    check_edit(edit)
    if edit.empty:
        raise ProductError("nothing to change")
    meta = _Meta(
        show_id=show_id,
        op=new_uid(),
        at=from_epoch(clock()),
        who=who,
        station=store.station,
        segment_key=segment_key,
        cue_index=cue_index,
        reason=reason.strip(),
    )
    floor = floor_cents
    if store.link_status.online:
        with store.session() as s:
            if s.get(Show, show_id) is None:
                raise ProductNotFound(f"no show with id {show_id}")
            row = _product(s, show_id, sku)
            if row is None:
                raise ProductNotFound(f"show {show_id} has no product {sku!r}")
            floor = floor_after(row.floor_cents, row.cost_cents, edit)
    elif edit.floor_cents is not None or edit.clear_floor:
        floor = edit.floor_cents
    if not force:
        under = below_floor(sku, floor, edit)
        if under is not None:
            raise BelowFloor(under)

    def now() -> EditResult:
        with store.transaction() as s:
            changes, n = _apply_edit(s, meta, sku, edit, store.record_change, replaying=False)
        store.publish(*changes)
        return EditResult(meta.op, queued=False, events=n)

    if store.outbox is None:
        return now()
    args = {**meta.args(), "sku": sku, "edit": edit.as_json()}
    done = store.sync_writer.run_or_queue(EDIT_OP, args, now)
    return done if done is not None else EditResult(meta.op, queued=True)


# -- the usual changes by name (what the board's keys and menu call) ---------------------------


def change_price(store: Store, show_id: int, sku: str, price_cents: int, **kw: Any) -> EditResult:
    return edit_product(store, show_id, sku, ProductEdit(live_price_cents=price_cents), **kw)


def add_stock(store: Store, show_id: int, sku: str, units: int, **kw: Any) -> EditResult:
    if isinstance(units, int) and not isinstance(units, bool) and units <= 0:
        raise ProductError("stock to add must be more than 0")
    return edit_product(store, show_id, sku, ProductEdit(stock_add=units), **kw)


def set_state(store: Store, show_id: int, sku: str, state: str, **kw: Any) -> EditResult:
    return edit_product(store, show_id, sku, ProductEdit(state=state), **kw)


def present(store: Store, show_id: int, sku: str, **kw: Any) -> EditResult:
    """Pop the product being explained (讲解): it becomes the one presenting product."""
    return set_state(store, show_id, sku, "presenting", **kw)


def set_link(store: Store, show_id: int, sku: str, link: int, **kw: Any) -> EditResult:
    return edit_product(store, show_id, sku, ProductEdit(link=link), **kw)


def start_flash_sale(
    store: Store,
    show_id: int,
    sku: str,
    price_cents: int,
    quota: int,
    *,
    seconds: float | None = None,
    clock: Clock = wall_clock,
    **kw: Any,
) -> EditResult:
    """Start a flash sale now, for `seconds` (None: until it is ended)."""
    start = from_epoch(clock())
    end = None if seconds is None else start + timedelta(seconds=seconds)
    edit = ProductEdit(
        flash_price_cents=price_cents,
        flash_quota=quota,
        flash_starts_at=start,
        flash_ends_at=end,
    )
    return edit_product(store, show_id, sku, edit, clock=clock, **kw)


def end_flash_sale(
    store: Store, show_id: int, sku: str, *, clock: Clock = wall_clock, **kw: Any
) -> EditResult:
    """End the product's flash sale now (the live price applies again)."""
    edit = ProductEdit(flash_ends_at=from_epoch(clock()))
    return edit_product(store, show_id, sku, edit, clock=clock, **kw)


# -- undo --------------------------------------------------------------------------------------


def _apply_undo(
    s: Session, meta: _Meta, record_change: RecordChange, replaying: bool
) -> tuple[list[Change], int]:
    assert meta.undoes is not None
    if _applied(s, meta.op):
        return [], 0

    def refuse(why: str) -> Exception:
        return RowError(f"undo {meta.op}: {why}") if replaying else ProductError(why)

    events = list(
        s.scalars(
            select(ProductEvent).where(ProductEvent.op == meta.undoes).order_by(ProductEvent.id)
        )
    )
    if not events:
        raise refuse("there is no such change to undo")
    done = s.scalar(select(ProductEvent.id).where(ProductEvent.undoes == meta.undoes).limit(1))
    if done is not None:
        raise refuse("that change was undone already")
    w = _Writer(s, meta, replaying=False)
    for ev in reversed(events):
        row = _product(s, ev.show_id, ev.sku)
        if row is None:
            raise refuse(f"product {ev.sku} is gone")
        old, new = value_of(ev.field, ev.old), value_of(ev.field, ev.new)
        if ev.field == "stock_added":
            w.put(row, "stock_added", (row.stock_added or 0) - ((new or 0) - (old or 0)))
            continue
        if getattr(row, ev.field) != new:
            raise refuse(f"{ev.sku} {ev.field} was changed again since; undo that first")
        w.put(row, ev.field, old)
    return w.finish(record_change), len(w.events)


def _replay_undo(s: Session, args: dict[str, Any], record_change: RecordChange) -> list[Change]:
    meta = _meta_from(args)
    if not isinstance(meta.undoes, str):
        raise RowError(f"product undo {meta.op}: which change?")
    changes, _ = _apply_undo(s, meta, record_change, replaying=True)
    return changes


def undo(
    store: Store,
    show_id: int,
    op: str,
    *,
    who: str = "",
    reason: str = "undo",
    clock: Clock = wall_clock,
) -> EditResult:
    """Revert the change `op` (all its fields, every product it touched). Raises ProductError
    when it was undone already or a field it set has been changed again since."""
    meta = _Meta(
        show_id=show_id,
        op=new_uid(),
        at=from_epoch(clock()),
        who=who,
        station=store.station,
        segment_key=None,
        cue_index=None,
        reason=reason,
        undoes=op,
    )

    def now() -> EditResult:
        with store.transaction() as s:
            changes, n = _apply_undo(s, meta, store.record_change, replaying=False)
        store.publish(*changes)
        return EditResult(meta.op, queued=False, events=n)

    if store.outbox is None:
        return now()
    done = store.sync_writer.run_or_queue(UNDO_OP, meta.args(), now)
    return done if done is not None else EditResult(meta.op, queued=True)


def last_change(
    store: Store,
    show_id: int,
    *,
    station: str | None = None,
    within_s: float = UNDO_WINDOW_S,
    clock: Clock = wall_clock,
) -> str | None:
    """The op id of this station's newest change of the show made within `within_s` and not
    undone (undos themselves are not undone again), or None."""
    since = from_epoch(clock() - within_s)
    st = store.station if station is None else station
    with store.session() as s:
        rows = s.execute(
            select(ProductEvent.op)
            .where(
                ProductEvent.show_id == show_id,
                ProductEvent.station == st,
                ProductEvent.at >= since,
                ProductEvent.undoes.is_(None),
            )
            .order_by(ProductEvent.at.desc(), ProductEvent.id.desc())
        ).all()
        for (op,) in rows:
            undone = s.scalar(select(ProductEvent.id).where(ProductEvent.undoes == op).limit(1))
            if undone is None:
                return str(op)
    return None


def undo_last_change(
    store: Store,
    show_id: int,
    *,
    who: str = "",
    within_s: float = UNDO_WINDOW_S,
    clock: Clock = wall_clock,
) -> EditResult | None:
    """Undo this station's last change if it was made within the last `within_s` seconds
    (None: nothing to undo)."""
    op = last_change(store, show_id, within_s=within_s, clock=clock)
    if op is None:
        return None
    return undo(store, show_id, op, who=who, clock=clock)


def reorder_links(
    store: Store, show_id: int, skus: list[str], *, who: str = "", clock: Clock = wall_clock
) -> EditResult:
    """Give the products link numbers 1..N in the order of `skus` (the others keep theirs
    only where not taken), in one change. Online only: the whole order is checked at once."""
    if len(set(skus)) != len(skus):
        raise ProductError("a SKU appears twice in the new order")
    meta = _Meta(show_id, new_uid(), from_epoch(clock()), who, store.station, None, None, "reorder")
    with store.transaction() as s:
        rows = {r.sku: r for r in s.scalars(select(Product).where(Product.show_id == show_id))}
        missing = [k for k in skus if k not in rows]
        if missing:
            raise ProductNotFound(f"show {show_id} has no product {missing[0]!r}")
        w = _Writer(s, meta, replaying=False)
        wanted = {sku: n for n, sku in enumerate(skus, 1)}
        # Clear first, then assign: the rows pass through no state with a number twice.
        for sku, row in rows.items():
            if sku not in wanted and row.link is not None and row.link in wanted.values():
                w.put(row, "link", None)
        for sku, n in wanted.items():
            w.put(rows[sku], "link", n)
        changes = w.finish(store.record_change)
        n_events = len(w.events)
    store.publish(*changes)
    return EditResult(meta.op, queued=False, events=n_events)


register_replay(EDIT_OP, _replay_edit)
register_replay(UNDO_OP, _replay_undo)
