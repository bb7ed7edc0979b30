"""Cross-field checks of a script: every problem found, each with where it is.

Structural problems (bad YAML, wrong types, missing fields) are found while loading; this adds what
needs the whole script: unknown products, duplicate ids, durations, flash-sale terms, the slot.
"""

from __future__ import annotations

from collections.abc import Callable

from studio.script.errors import Issue, SourceMap
from studio.script.limits import check_limits
from studio.script.model import SEGMENT_KINDS, Coupon, Product, Script
from studio.timeutil import fmt_duration


def _loc(src: SourceMap, *path: object) -> str:
    where = src.at(*path)
    return f"line {where}" if where.isdigit() else where


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """In file order (line, or sheet then row), keeping the order of issues on the same line."""

    def key(issue: Issue) -> tuple[str, int]:
        sheet, _, row = issue.where.rpartition("!")
        return sheet, int(row) if row.isdigit() else 0

    return sorted(issues, key=key)


def _check_product_terms(
    p: Product, i: int, links: dict[int, str], add: Callable[..., None]
) -> None:
    """Link numbers (1..N, one product each), floor, cost and low-stock threshold."""
    if p.link is not None:
        if p.link <= 0:
            add(f"product {p.sku}: link must be 1 or more", "products", i, "link")
        elif p.link in links:
            add(f"product {p.sku}: link {p.link} is also {links[p.link]}'s", "products", i, "link")
        else:
            links[p.link] = p.sku
    for field, value in (
        ("floor", p.floor_cents),
        ("cost", p.cost_cents),
        ("low_stock", p.low_stock),
    ):
        if value is not None and value < 0:
            add(f"product {p.sku}: {field} cannot be negative", "products", i, field)


def _check_coupon(c: Coupon, i: int, skus: dict[str, int], add: Callable[..., None]) -> None:
    name = f"coupon {c.name or i + 1}"
    if c.value_cents <= 0:
        add(f"{name}: value must be more than 0", "coupons", i, "value")
    for field, value in (("threshold", c.threshold_cents), ("count", c.count)):
        if value < 0:
            add(f"{name}: {field} cannot be negative", "coupons", i, field)
    if c.valid_from is not None and c.valid_to is not None and c.valid_to <= c.valid_from:
        add(f"{name}: valid_to must be after valid_from", "coupons", i, "valid_to")
    for sku in c.skus:
        if sku not in skus:
            add(f"{name}: unknown product {sku!r}", "coupons", i, "skus")


def validate(script: Script, src: SourceMap) -> list[Issue]:
    issues: list[Issue] = []

    def add(message: str, *path: object) -> None:
        if tuple(path) not in src.flagged:
            issues.append(src.issue(message, *path))

    if not script.title.strip() and ("title",) not in src.flagged:
        add("the script needs a title", "title")
    if script.gmv_target_cents < 0:
        add("the GMV target cannot be negative", "gmv_target")
    if script.traffic_target < 0:
        add("the traffic target cannot be negative", "traffic_target")

    skus: dict[str, int] = {}
    links: dict[int, str] = {}
    for i, p in enumerate(script.products):
        if not p.sku.strip():
            add("a product needs a sku", "products", i, "sku")
        elif p.sku in skus:
            add(
                f"duplicate product sku {p.sku!r} (first at line {src.at('products', skus[p.sku])})",
                "products",
                i,
                "sku",
            )
        else:
            skus[p.sku] = i
        for field, value in (
            ("list_price", p.list_price_cents),
            ("live_price", p.live_price_cents),
            ("stock", p.stock),
        ):
            if value < 0:
                add(f"product {p.sku}: {field} cannot be negative", "products", i, field)
        _check_product_terms(p, i, links, add)
    for i, c in enumerate(script.coupons):
        _check_coupon(c, i, skus, add)

    if not script.segments and ("segments",) not in src.flagged:
        add("the script has no segments", "segments")
    ids: dict[str, int] = {}
    for i, seg in enumerate(script.segments):
        name = f"segment {seg.id or i + 1}"
        if seg.title and seg.title != seg.id:
            name += f" ({seg.title})"
        if not seg.id.strip():
            add("a segment needs an id", "segments", i, "id")
        elif seg.id in ids:
            add(
                f"duplicate segment id {seg.id!r} (first at {_loc(src, 'segments', ids[seg.id])})",
                "segments",
                i,
                "id",
            )
        else:
            ids[seg.id] = i
        if seg.kind not in SEGMENT_KINDS:
            add(
                f"{name}: unknown kind {seg.kind!r} (use one of {', '.join(SEGMENT_KINDS)})",
                "segments",
                i,
                "kind",
            )
        if ("segments", i, "duration") not in src.flagged:
            if seg.planned_seconds < 0:
                add(f"{name}: negative duration", "segments", i, "duration")
            elif seg.planned_seconds == 0:
                add(f"{name}: duration must be more than 0", "segments", i, "duration")
        if seg.warn_seconds < 0:
            add(f"{name}: negative warn time", "segments", i, "warn")
        if seg.product is not None and seg.product not in skus:
            add(f"{name}: unknown product {seg.product!r}", "segments", i, "product")
        if seg.kind == "product" and seg.product is None:
            add(f"{name}: a product segment needs a product", "segments", i)
        if seg.kind == "flash_sale":
            fs = seg.flash_sale
            if fs is None or fs.quantity is None:
                add(f"{name}: flash sale without a quantity", "segments", i, "flash_sale")
            elif fs.quantity <= 0:
                add(
                    f"{name}: flash sale quantity must be more than 0",
                    "segments",
                    i,
                    "flash_sale",
                    "quantity",
                )
            if fs is None or fs.price_cents is None:
                add(f"{name}: flash sale without a price", "segments", i, "flash_sale")
            elif fs.price_cents <= 0:
                add(
                    f"{name}: flash sale price must be more than 0",
                    "segments",
                    i,
                    "flash_sale",
                    "price",
                )
        if seg.lucky_bag is not None and seg.lucky_bag.draw_seconds is not None:
            draw = seg.lucky_bag.draw_seconds
            if draw < 0:
                add(f"{name}: negative lucky-bag draw time", "segments", i, "lucky_bag", "draw")
            elif seg.planned_seconds > 0 and draw > seg.planned_seconds:
                add(
                    f"{name}: lucky-bag draw ({fmt_duration(draw)}) is after the segment ends "
                    f"({fmt_duration(seg.planned_seconds)})",
                    "segments",
                    i,
                    "lucky_bag",
                    "draw",
                )

    if script.slot_seconds is not None:
        if script.slot_seconds <= 0 and ("slot",) not in src.flagged:
            add("the show slot must be more than 0", "slot")
        elif script.total_seconds > script.slot_seconds:
            over = script.total_seconds - script.slot_seconds
            add(
                f"segments total {fmt_duration(script.total_seconds)}, over the show slot of "
                f"{fmt_duration(script.slot_seconds)} by {fmt_duration(over)}",
                "slot",
            )
    issues.extend(check_limits(script, src))
    return issues
