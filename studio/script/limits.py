"""The ranges a script's numbers must fall in: what the store can hold, and what a show can be.

`script validate` used to say OK to `live_price: 1e308` or a 10^30-hour segment, and `show
create` then crashed writing them. Every figure is checked here against the column it goes to
(money in BIGINT cents, counts and seconds in 32-bit INTEGER on PostgreSQL) and against what a
live show plausibly is, and the message names the limit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from studio.script.errors import Issue, SourceMap
from studio.script.model import Script

# Money: ¥10 trillion, far above any show and far below BIGINT (9.2e18 cents).
MAX_CENTS = 10**15
# Counts (stock, traffic, quantities, link numbers): INTEGER on PostgreSQL.
MAX_COUNT = 2**31 - 1
# A segment, a slot and a whole show: 7 days (a marathon show is a day or two).
MAX_SECONDS = 7 * 86400
# Planned start and coupon times: the years samples may carry too.
YEARS = (2000, 2100)


def _yuan(cents: int) -> str:
    return f"¥{cents // 100:,}"


def _amount(value: int) -> str:
    digits = len(str(abs(value))) if abs(value) < 10**4000 else 4000
    return f"a number of {digits} digits" if digits > 18 else f"{value:,}"


def check_limits(script: Script, src: SourceMap) -> list[Issue]:
    """Every figure outside what the store accepts (or what a show can be), with the limit."""
    issues: list[Issue] = []

    def add(message: str, *path: object) -> None:
        if tuple(path) not in src.flagged:
            issues.append(src.issue(message, *path))

    def money(what: str, value: int | None, *path: object) -> None:
        if value is not None and abs(value) > MAX_CENTS:
            add(f"{what} is more than studio can store (at most {_yuan(MAX_CENTS)})", *path)

    def count(what: str, value: int | None, *path: object) -> None:
        if value is not None and abs(value) > MAX_COUNT:
            add(f"{what} {_amount(value)} is more than studio can store (at most {MAX_COUNT:,})",
                *path)  # fmt: skip

    def seconds(what: str, value: int | None, *path: object) -> None:
        if value is not None and abs(value) > MAX_SECONDS:
            add(f"{what} is longer than a show can be (at most {MAX_SECONDS // 86400} days)", *path)

    def when(what: str, value: datetime | None, *path: object) -> None:
        if value is not None and not YEARS[0] <= value.year < YEARS[1]:
            add(f"{what} {value.year} is outside {YEARS[0]}..{YEARS[1]}", *path)

    money("the GMV target", script.gmv_target_cents, "gmv_target")
    count("the traffic target", script.traffic_target, "traffic_target")
    seconds("the show slot", script.slot_seconds, "slot")
    when("the planned start", script.planned_start, "planned_start")
    for i, p in enumerate(script.products):
        name = f"product {p.sku or i + 1}"
        fields: list[tuple[str, int | None, Callable[..., None]]] = [
            ("list_price", p.list_price_cents, money),
            ("live_price", p.live_price_cents, money),
            ("floor", p.floor_cents, money),
            ("cost", p.cost_cents, money),
            ("stock", p.stock, count),
            ("link", p.link, count),
            ("low_stock", p.low_stock, count),
        ]
        for field, value, check in fields:
            check(f"{name}: {field}", value, "products", i, field)
    for i, c in enumerate(getattr(script, "coupons", ())):
        name = f"coupon {c.name or i + 1}"
        money(f"{name}: value", c.value_cents, "coupons", i, "value")
        money(f"{name}: threshold", c.threshold_cents, "coupons", i, "threshold")
        count(f"{name}: count", c.count, "coupons", i, "count")
        when(f"{name}: valid_from", c.valid_from, "coupons", i, "valid_from")
        when(f"{name}: valid_to", c.valid_to, "coupons", i, "valid_to")
    for i, seg in enumerate(script.segments):
        name = f"segment {seg.id or i + 1}"
        seconds(f"{name}: duration", seg.planned_seconds, "segments", i, "duration")
        seconds(f"{name}: warn", seg.warn_seconds, "segments", i, "warn")
        if seg.flash_sale is not None:
            fs = seg.flash_sale
            count(f"{name}: flash sale quantity", fs.quantity, "segments", i, "flash_sale",
                  "quantity")  # fmt: skip
            money(f"{name}: flash sale price", fs.price_cents, "segments", i, "flash_sale",
                  "price")  # fmt: skip
        if seg.lucky_bag is not None:
            seconds(f"{name}: lucky-bag draw", seg.lucky_bag.draw_seconds, "segments", i,
                    "lucky_bag", "draw")  # fmt: skip
    total = sum(min(abs(s.planned_seconds), MAX_SECONDS + 1) for s in script.segments)
    if total > MAX_SECONDS and not any(
        abs(s.planned_seconds) > MAX_SECONDS for s in script.segments
    ):
        add(f"the segments total more than {MAX_SECONDS // 86400} days", "segments")
    return issues
