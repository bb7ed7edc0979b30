"""The show script (直播脚本) as plain frozen data: products, segments and their cue cards.

Money is integer cents, durations are whole seconds. Files and spreadsheets are turned into these
objects by `yaml_io` and `spreadsheet`; `validate` checks them; nothing here touches a file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

SEGMENT_KINDS = (
    "opening",
    "product",
    "interaction",
    "lucky_bag",
    "flash_sale",
    "qa",
    "closing",
    "talk",
)
DEFAULT_WARN_SECONDS = 30


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    list_price_cents: int = 0
    live_price_cents: int = 0
    stock: int = 0
    selling_points: tuple[str, ...] = ()
    image: str | None = None
    link: int | None = None  # 链接号 on the platform, 1..N
    floor_cents: int | None = None  # lowest price allowed live (default: the cost)
    cost_cents: int | None = None
    low_stock: int | None = None  # warn at this many units left (default: 10 % / 20 units)


@dataclass(frozen=True)
class Coupon:
    """A coupon issued for the show (优惠券): `value` off from `threshold`; no SKUs: the shop."""

    value_cents: int
    threshold_cents: int = 0
    count: int = 0  # 0: unlimited
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    skus: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Cue:
    """One cue card: what the anchor says or does, and what the controller does meanwhile.

    `obs` is passed through untouched (e.g. {"scene": "特写", "texts": {"price": "¥99"}}) so a
    later OBS integration can act on it without this model knowing its shape.
    """

    text: str
    notes: str = ""
    obs: dict[str, Any] | None = None


@dataclass(frozen=True)
class FlashSale:
    quantity: int | None = None
    price_cents: int | None = None


@dataclass(frozen=True)
class LuckyBag:
    draw_seconds: int | None = None
    prize: str = ""


@dataclass(frozen=True)
class Segment:
    id: str
    title: str
    kind: str = "talk"
    planned_seconds: int = 0
    product: str | None = None
    warn_seconds: int = DEFAULT_WARN_SECONDS
    cues: tuple[Cue, ...] = ()
    flash_sale: FlashSale | None = None
    lucky_bag: LuckyBag | None = None


@dataclass(frozen=True)
class Script:
    title: str
    planned_start: datetime | None = None
    slot_seconds: int | None = None
    gmv_target_cents: int = 0
    traffic_target: int = 0
    products: tuple[Product, ...] = ()
    segments: tuple[Segment, ...] = field(default_factory=tuple)
    coupons: tuple[Coupon, ...] = ()
    # The show's own compliance terms, exemptions and product categories, passed through
    # untouched like `Cue.obs`; `studio.compliance.show` reads it.
    compliance: dict[str, Any] | None = None
    # Automatic prompts (`rules:`), passed through as plain mappings; `studio.rules` reads and
    # checks them (each at its line, `SourceMap` path ("rules", i, key)).
    rules: tuple[dict[str, Any], ...] = ()

    @property
    def total_seconds(self) -> int:
        return sum(seg.planned_seconds for seg in self.segments)

    def product(self, sku: str | None) -> Product | None:
        if sku is None:
            return None
        for p in self.products:
            if p.sku == sku:
                return p
        return None

    def start_offsets(self) -> list[int]:
        """Planned start of each segment, in seconds from the show's start."""
        offsets, t = [], 0
        for seg in self.segments:
            offsets.append(t)
            t += seg.planned_seconds
        return offsets


_UNITS = {
    "h": 3600, "hr": 3600, "hour": 3600, "hours": 3600, "小时": 3600, "时": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "分钟": 60, "分": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "秒": 1, "秒钟": 1,
}  # fmt: skip
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+|小时|时|分钟|分|秒钟|秒)", re.IGNORECASE)
_CLOCK = re.compile(r"^(\d+):([0-5]?\d)(?::([0-5]?\d))?$")


def parse_duration(value: object) -> int:
    """'90s', '5m', '1h30m', '2m30s', '1:30', '1:02:05', '5分钟', or a bare number of seconds.

    A leading '-' gives a negative result so validation can say "negative" rather than
    "unreadable". Raises ValueError for anything else.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a duration: {value!r}")
        if value != int(value):
            raise ValueError(f"durations are whole seconds: {value!r}")
        return int(value)
    text = str(value).strip().lower()
    sign = 1
    if text.startswith("-"):
        sign, text = -1, text[1:].strip()
    if not text:
        raise ValueError("empty duration")
    if text.isdigit():
        return sign * int(text)
    clock = _CLOCK.match(text)
    if clock:
        a, b, c = clock.groups()
        secs = int(a) * 3600 + int(b) * 60 + int(c) if c is not None else int(a) * 60 + int(b)
        return sign * secs
    total, pos = 0.0, 0
    for match in _PART.finditer(text):
        if text[pos : match.start()].strip():
            break
        unit = match.group(2).lower()
        if unit not in _UNITS:
            raise ValueError(f"unknown unit {match.group(2)!r} in duration {value!r}")
        total += float(match.group(1)) * _UNITS[unit]
        pos = match.end()
    if pos == 0 or text[pos:].strip():
        raise ValueError(f"not a duration: {value!r} (use e.g. 90s, 5m, 1h30m or 1:30)")
    if not math.isfinite(total):  # "999…9h" with hundreds of nines: no float holds it
        raise ValueError(f"not a duration studio can hold: {value!r}")
    if total != int(total):
        raise ValueError(f"durations are whole seconds: {value!r}")
    return sign * int(total)


def format_duration(seconds: int) -> str:
    """The canonical written form: 90 -> '1m30s', 300 -> '5m', 5400 -> '1h30m', 0 -> '0s'."""
    sign = "-" if seconds < 0 else ""
    s = abs(seconds)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    parts = [f"{h}h" if h else "", f"{m}m" if m else "", f"{sec}s" if sec else ""]
    return sign + ("".join(parts) or "0s")
