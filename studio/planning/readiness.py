"""The readiness gate before going live, as a checklist.

`evaluate` is pure: the gathered facts (`ReadinessInputs`) and the waivers in, a checklist out.
An item that fails blocks going live unless it is waived with a reason; warnings never block.
`go_live` refuses while anything blocks and otherwise records, in one transaction, the waivers it
was given, the `live` status and the time the show went live.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import or_, select

from studio.compliance.findings import Finding
from studio.compliance.gate import GATE_KEY as COMPLIANCE_KEY
from studio.compliance.gate import compliance_gate_status
from studio.compliance.lexicon import LexiconError
from studio.compliance.stored import show_findings
from studio.planning import text
from studio.planning.crew import REQUIRED_ROLES, CrewView, TaskView, list_crew, list_tasks
from studio.planning.review_actions import Action, actions_for_show, readiness_item
from studio.planning.stock import StockLine, check_stock, load_stock_plan
from studio.planning.stream_gate import stream_test_gate
from studio.products.coupons import best_price
from studio.products.model import CouponTerms, LiveProduct
from studio.store.models import DeviceCheck, ReadinessWaiver, Segment, Show
from studio.store.shows import ShowNotFound
from studio.store.store import Store
from studio.timeutil import Clock, fmt_duration, from_epoch, wall_clock

Message = tuple[str, Mapping[str, Any]]

DEVICE_KINDS: Final = ("camera", "mic", "light")
# The stream test (测试推流): the OBS check and a test recording analysed end to end.
STREAM_KINDS: Final = ("obs", "stream_test")
# A check run without naming a show counts for shows going live within this window after it.
UNATTACHED_CHECK_WINDOW = timedelta(hours=12)


class ReadinessError(ValueError):
    """Bad input to the gate (e.g. a waiver without a reason)."""


class NotReady(RuntimeError):
    """Going live was refused; `checklist` says what blocks."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        blocking = ", ".join(i.key for i in checklist.blocking)
        super().__init__(f"not ready to go live: {blocking}")


@dataclass(frozen=True)
class DeviceCheckInfo:
    kind: str
    status: str
    at: datetime
    first_problem: str = ""


@dataclass(frozen=True)
class ProductFacts:
    """The live products as planned: link numbers, prices, floors, flash sales, coupons."""

    products: tuple[LiveProduct, ...]
    coupons: tuple[CouponTerms, ...] = ()
    flash_sales: tuple[tuple[str, int, int], ...] = ()  # (sku, price cents, quota) per segment
    planned_end: datetime | None = None
    planned_sales: Mapping[str, int] = field(default_factory=dict)  # sku -> flash + expected


@dataclass(frozen=True)
class ReadinessInputs:
    show_id: int
    status: str
    gmv_target_cents: int
    traffic_target: int
    script_problems: tuple[str, ...] | None  # None: the show has no script
    segment_count: int
    planned_seconds: int
    stock: tuple[StockLine, ...]
    device_checks: Mapping[str, DeviceCheckInfo | None]
    crew: tuple[CrewView, ...] = ()
    tasks: tuple[TaskView, ...] = ()
    now: datetime | None = None
    live: ProductFacts | None = None  # None: the live-product items are not evaluated
    # Banned and risky claims in the audience-facing texts (None: no script to check).
    compliance: tuple[Finding, ...] | None = None
    compliance_problem: str | None = None  # the lexicon or the show's section is unusable
    review_actions: tuple[Action, ...] = ()  # lessons from earlier reviews that concern this show
    # The stream test's two saved checks; None: not evaluated (a gate asked without devices).
    stream_checks: Mapping[str, DeviceCheckInfo | None] | None = None


@dataclass(frozen=True)
class Item:
    key: str
    status: str  # pass / warn / fail / waived
    title: Message
    message: Message
    waiver_reason: str | None = None

    @property
    def blocking(self) -> bool:
        return self.status == "fail"

    def title_text(self, lang: str = "en") -> str:
        return text.render(self.title, lang)

    def message_text(self, lang: str = "en") -> str:
        if self.status == "waived" and self.waiver_reason is not None:
            return text.tr("waived", lang, reason=self.waiver_reason)
        return text.render(self.message, lang)

    def as_json(self, lang: str = "en") -> dict[str, Any]:
        return {
            "item": self.key,
            "status": self.status,
            "title": self.title_text(lang),
            "message": self.message_text(lang),
            "waiver": self.waiver_reason,
        }


@dataclass(frozen=True)
class Checklist:
    items: tuple[Item, ...] = field(default_factory=tuple)

    @property
    def blocking(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.blocking)

    @property
    def ready(self) -> bool:
        return not self.blocking

    def item(self, key: str) -> Item | None:
        return next((i for i in self.items if i.key == key), None)


def _money(cents: int) -> str:
    return f"¥{cents / 100:,.0f}"


def _targets(inp: ReadinessInputs) -> tuple[str, Message]:
    if inp.gmv_target_cents <= 0:
        return "fail", ("targets.no_gmv", {})
    if inp.traffic_target <= 0:
        return "fail", ("targets.no_traffic", {})
    return "pass", (
        "targets.ok",
        {"gmv": _money(inp.gmv_target_cents), "traffic": f"{inp.traffic_target:,}"},
    )


def _script(inp: ReadinessInputs) -> tuple[str, Message]:
    if inp.script_problems is None:
        return "fail", ("script.none", {})
    if inp.script_problems:
        return "fail", (
            "script.invalid",
            {"count": len(inp.script_problems), "first": inp.script_problems[0]},
        )
    if inp.segment_count == 0:
        return "fail", ("script.empty", {})
    return "pass", (
        "script.ok",
        {"segments": inp.segment_count, "duration": fmt_duration(inp.planned_seconds)},
    )


def _products(inp: ReadinessInputs) -> tuple[str, Message]:
    if not inp.stock:
        return "fail", ("products.none", {})
    fails = [line for line in inp.stock if line.status == "fail"]
    warns = [line for line in inp.stock if line.status == "warn"]
    if not fails and not warns:
        return "pass", ("products.ok", {"count": len(inp.stock)})
    first = (fails or warns)[0].messages[0]
    return ("fail" if fails else "warn"), (
        "products.problems",
        {
            "fails": len(fails),
            "warns": len(warns),
            "first": first,
        },
    )


def _device(kind: str, info: DeviceCheckInfo | None) -> tuple[str, Message]:
    if info is None:
        return "fail", ("device.missing", {})
    at = info.at.astimezone().strftime("%H:%M")
    if info.status == "fail":
        return "fail", ("device.failed", {"at": at, "first": info.first_problem})
    return ("warn" if info.status == "warn" else "pass"), (
        "device.ok",
        {"at": at, "status": (f"status.{info.status}", {})},
    )


def _crew(inp: ReadinessInputs) -> tuple[str, Message]:
    roles = {c.role for c in inp.crew}
    missing = [r for r in REQUIRED_ROLES if r not in roles]
    if missing:
        return "warn", ("crew.missing", {"roles": [(f"role.{r}", {}) for r in missing]})
    return "pass", ("crew.ok", {"names": ", ".join(c.name for c in inp.crew)})


def _warmup(inp: ReadinessInputs) -> tuple[str, Message]:
    if not inp.tasks:
        return "warn", ("warmup.none", {})
    now = inp.now or datetime.now().astimezone()
    missed = [t for t in inp.tasks if t.state(now) == "missed"]
    if missed:
        return "warn", ("warmup.missed", {"missed": len(missed), "first": missed[0].title})
    done = sum(1 for t in inp.tasks if t.done)
    return ("pass" if done == len(inp.tasks) else "warn"), (
        "warmup.ok",
        {"done": done, "total": len(inp.tasks)},
    )


def _links(live: ProductFacts) -> tuple[str, Message]:
    missing = [p.sku for p in live.products if p.link is None]
    if missing:
        return "fail", ("links.missing", {"count": len(missing), "first": missing[0]})
    seen: dict[int, str] = {}
    for p in live.products:
        assert p.link is not None
        if p.link in seen:
            return "fail", ("links.twice", {"link": p.link, "a": seen[p.link], "b": p.sku})
        seen[p.link] = p.sku
    return "pass", ("links.ok", {"count": len(live.products)})


def _prices(live: ProductFacts) -> tuple[str, Message]:
    for p in live.products:
        if p.list_price_cents > 0 and p.live_price_cents > p.list_price_cents:
            return "fail", (
                "prices.above_list",
                {
                    "sku": p.sku,
                    "live": _money2(p.live_price_cents),
                    "list": _money2(p.list_price_cents),
                },
            )
        if p.floor_cents is not None and p.live_price_cents < p.floor_cents:
            return "fail", (
                "prices.below_floor",
                {
                    "sku": p.sku,
                    "price": _money2(p.live_price_cents),
                    "floor": _money2(p.floor_cents),
                },
            )
    floors = {p.sku: p.floor_cents for p in live.products}
    for sku, price, _quota in live.flash_sales:
        floor = floors.get(sku)
        if floor is not None and price < floor:
            return "fail", (
                "prices.below_floor",
                {"sku": sku, "price": _money2(price), "floor": _money2(floor)},
            )
    return "pass", ("prices.ok", {})


def _flash_quota(live: ProductFacts) -> tuple[str, Message]:
    stock = {p.sku: p.stock_total for p in live.products}
    for sku, _price, quota in live.flash_sales:
        if quota > stock.get(sku, 0):
            return "fail", (
                "flash.over_stock",
                {"sku": sku, "quota": quota, "stock": stock.get(sku, 0)},
            )
    return "pass", ("flash.ok", {"count": len(live.flash_sales)})


def _coupons(live: ProductFacts) -> tuple[str, Message]:
    if not live.coupons:
        return "pass", ("coupons.none", {})
    end = live.planned_end
    for c in live.coupons:
        if end is not None and c.valid_to is not None and c.valid_to < end:
            at = c.valid_to.astimezone().strftime("%m-%d %H:%M")
            return "fail", ("coupons.expire", {"coupon": c.name or c.uid[:8], "at": at})
    # Whenever each coupon is valid: the lowest stack any moment of the show could give.
    timeless = [replace(c, valid_from=None, valid_to=None) for c in live.coupons]
    moment = end or datetime.now().astimezone()
    for p in live.products:
        if p.floor_cents is None:
            continue
        best, _ = best_price(p.live_price_cents, timeless, p.sku, moment)
        if best < p.floor_cents:
            return "fail", (
                "coupons.below_floor",
                {"sku": p.sku, "price": _money2(best), "floor": _money2(p.floor_cents)},
            )
    return "pass", ("coupons.ok", {"count": len(live.coupons)})


def _stock_plan(live: ProductFacts) -> tuple[str, Message]:
    short = [
        (p.sku, live.planned_sales.get(p.sku, 0), p.stock_total)
        for p in live.products
        if live.planned_sales.get(p.sku, 0) > p.stock_total
    ]
    if short:
        sku, planned, stock = short[0]
        return "warn", (
            "stockplan.short",
            {"count": len(short), "sku": sku, "planned": planned, "stock": stock},
        )
    return "pass", ("stockplan.ok", {})


def _money2(cents: int) -> str:
    return f"¥{cents / 100:,.2f}"


def evaluate(inp: ReadinessInputs, waivers: Mapping[str, str] | None = None) -> Checklist:
    """The checklist for the gathered facts; a failing item with a waiver becomes `waived`."""
    waivers = waivers or {}
    raw: list[tuple[str, Message, tuple[str, Message]]] = [
        ("targets", ("item.targets", {}), _targets(inp)),
        ("script", ("item.script", {}), _script(inp)),
        (
            COMPLIANCE_KEY,
            ("item.compliance", {}),
            compliance_gate_status(inp.compliance, inp.compliance_problem),
        ),
        ("products", ("item.products", {}), _products(inp)),
    ]
    if inp.live is not None and inp.live.products:
        raw += [
            ("product_links", ("item.links", {}), _links(inp.live)),
            ("product_prices", ("item.prices", {}), _prices(inp.live)),
            ("flash_quota", ("item.flash_quota", {}), _flash_quota(inp.live)),
            ("coupons", ("item.coupons", {}), _coupons(inp.live)),
            ("stock_plan", ("item.stock_plan", {}), _stock_plan(inp.live)),
        ]
    for kind, info in inp.device_checks.items():
        title: Message = ("item.device", {"kind": (f"kind.{kind}", {})})
        raw.append((f"device:{kind}", title, _device(kind, info)))
    if inp.stream_checks is not None:
        obs, recording = inp.stream_checks.get("obs"), inp.stream_checks.get("stream_test")
        raw.append(("stream", ("item.stream", {}), stream_test_gate(obs, recording)))
    raw.append(("crew", ("item.crew", {}), _crew(inp)))
    raw.append(("warmup", ("item.warmup", {}), _warmup(inp)))
    raw.append(("review_actions", ("item.review_actions", {}), readiness_item(inp.review_actions)))
    items = []
    for key, title, (status, message) in raw:
        reason = waivers.get(key)
        if status == "fail" and reason:
            items.append(Item(key, "waived", title, message, reason))
        else:
            items.append(Item(key, status, title, message))
    return Checklist(tuple(items))


# -- gathering the facts from the store --------------------------------------------------------


def latest_device_checks(
    store: Store, show_id: int, now: datetime, kinds: Sequence[str] = DEVICE_KINDS
) -> dict[str, DeviceCheckInfo | None]:
    """The newest check of each kind for this show (or run without a show shortly before)."""
    since = now - UNATTACHED_CHECK_WINDOW
    out: dict[str, DeviceCheckInfo | None] = {}
    with store.session() as s:
        for kind in kinds:
            row = s.scalar(
                select(DeviceCheck)
                .where(
                    DeviceCheck.kind == kind,
                    or_(
                        DeviceCheck.show_id == show_id,
                        (DeviceCheck.show_id.is_(None)) & (DeviceCheck.at >= since),
                    ),
                )
                .order_by(DeviceCheck.at.desc(), DeviceCheck.id.desc())
                .limit(1)
            )
            if row is None:
                out[kind] = None
                continue
            problem = next(
                (
                    str(f.get("message", ""))
                    for f in row.findings or []
                    if f.get("status") == row.status
                ),
                "",
            )
            out[kind] = DeviceCheckInfo(kind, row.status, row.at, problem)
    return out


def _script_state(store: Store, show_id: int) -> tuple[tuple[str, ...] | None, int, int]:
    from studio.script.errors import ScriptError
    from studio.script.store_io import has_segments, load_script

    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        has_yaml = bool(show.script_yaml)
    if not has_yaml and not has_segments(store, show_id):
        return None, 0, 0
    try:
        script = load_script(store, show_id)
    except ScriptError as exc:
        return tuple(str(i) for i in exc.issues) or (str(exc),), 0, 0
    return (), len(script.segments), script.total_seconds


def product_facts(store: Store, show_id: int, stock: Sequence[StockLine]) -> ProductFacts:
    from studio.products.reader import load_coupons, load_products

    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        end = None
        if show.planned_start is not None:
            end = show.planned_start + timedelta(seconds=show.planned_seconds)
        flash: list[tuple[str, int, int]] = []
        for seg in s.scalars(
            select(Segment).where(Segment.show_id == show_id).order_by(Segment.position)
        ):
            fs = (seg.extra or {}).get("flash_sale")
            if seg.kind == "flash_sale" and seg.product_sku and isinstance(fs, Mapping):
                price, quota = fs.get("price_cents"), fs.get("quantity")
                if isinstance(price, int) and isinstance(quota, int):
                    flash.append((seg.product_sku, price, quota))
        products = tuple(load_products(s, show_id))
        coupons = tuple(load_coupons(s, show_id))
    return ProductFacts(
        products=products,
        coupons=coupons,
        flash_sales=tuple(flash),
        planned_end=end,
        planned_sales={line.plan.sku: line.demand for line in stock},
    )


def gather(
    store: Store, show_id: int, *, now: datetime, device_kinds: Sequence[str] = DEVICE_KINDS
) -> ReadinessInputs:
    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        status, gmv, traffic = show.status, show.gmv_target_cents, show.traffic_target
    problems, count, planned = _script_state(store, show_id)
    stock = tuple(check_stock(load_stock_plan(store, show_id)))
    try:
        found, compliance_problem = show_findings(store, show_id), None
    except LexiconError as exc:
        found, compliance_problem = None, exc.problems[0]
    return ReadinessInputs(
        show_id=show_id,
        status=status,
        gmv_target_cents=gmv,
        traffic_target=traffic,
        script_problems=problems,
        segment_count=count,
        planned_seconds=planned,
        stock=stock,
        device_checks=latest_device_checks(store, show_id, now, device_kinds),
        crew=tuple(list_crew(store, show_id)),
        tasks=tuple(list_tasks(store, show_id)),
        now=now,
        live=product_facts(store, show_id, stock),
        compliance=None if found is None else tuple(found),
        compliance_problem=compliance_problem,
        review_actions=tuple(actions_for_show(store, show_id)),
        stream_checks=(
            latest_device_checks(store, show_id, now, STREAM_KINDS) if device_kinds else None
        ),
    )


def stored_waivers(store: Store, show_id: int) -> dict[str, str]:
    """Item -> reason of the show's waivers (the latest per item)."""
    with store.session() as s:
        rows = s.scalars(
            select(ReadinessWaiver)
            .where(ReadinessWaiver.show_id == show_id)
            .order_by(ReadinessWaiver.at, ReadinessWaiver.id)
        )
        return {r.item: r.reason for r in rows}


def readiness(
    store: Store,
    show_id: int,
    *,
    clock: Clock = wall_clock,
    device_kinds: Sequence[str] = DEVICE_KINDS,
    extra_waivers: Mapping[str, str] | None = None,
) -> Checklist:
    inputs = gather(store, show_id, now=from_epoch(clock()), device_kinds=device_kinds)
    return evaluate(inputs, {**stored_waivers(store, show_id), **(extra_waivers or {})})


def _clean_waivers(waivers: Mapping[str, str] | None) -> dict[str, str]:
    out = {}
    for item, reason in (waivers or {}).items():
        reason = (reason or "").strip()
        if not reason:
            raise ReadinessError(f"waiving {item!r} needs a reason")
        out[item] = reason
    return out


def waive(
    store: Store, show_id: int, item: str, reason: str, who: str = "", *, clock: Clock = wall_clock
) -> int:
    """Record that a readiness item is waived, and why."""
    reason = _clean_waivers({item: reason})[item]
    with store.transaction() as s:
        if s.get(Show, show_id) is None:
            raise ShowNotFound(f"no show with id {show_id}")
        row = ReadinessWaiver(
            show_id=show_id, item=item, reason=reason, who=who, at=from_epoch(clock())
        )
        s.add(row)
        s.flush()
        change = store.record_change(s, "readiness_waiver", row.id, show_id)
        row_id = row.id
    store.publish(change)
    return row_id


def go_live(
    store: Store,
    show_id: int,
    waivers: Mapping[str, str] | None = None,
    *,
    who: str = "",
    clock: Clock = wall_clock,
    device_kinds: Sequence[str] = DEVICE_KINDS,
) -> Checklist:
    """Take the show live if nothing blocks (after `waivers`, item -> reason); returns the
    checklist it passed. Raises NotReady (nothing written) otherwise."""
    from studio.planning.status import StatusError

    new = _clean_waivers(waivers)
    now = clock()
    checklist = readiness(
        store, show_id, clock=lambda: now, device_kinds=device_kinds, extra_waivers=new
    )
    if not checklist.ready:
        raise NotReady(checklist)
    with store.transaction() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise ShowNotFound(f"no show with id {show_id}")
        if show.status not in ("planned", "ready"):
            raise StatusError(
                f"the show is {show.status}: only a planned or ready show can go live"
            )
        at = from_epoch(now)
        for item, reason in new.items():
            s.add(ReadinessWaiver(show_id=show_id, item=item, reason=reason, who=who, at=at))
        show.status = "live"
        show.started_at = at
        change = store.record_change(s, "show", show_id, show_id)
    store.publish(change)
    return checklist
