"""A live-commerce show simulator for the demo and rehearsals, driven by the show's script.

The model, per simulated second:
- Viewers arrive (platform traffic, boosted by hooks) and leave at a rate that grows the longer
  the room goes without a hook: flash sales (秒杀) and lucky-bag draws (福袋) pull viewers in and
  hold them; long talk segments bleed them.
- The featured product gets exposures, clicks and orders through a funnel; a flash sale sells its
  limited quantity at the flash price within a minute or two, so orders spike. One order is one
  unit: a flash sale never sells more than its quota, and no product more than its stock left
  (`stocks`; `restock` adds to it mid-show).
- Lucky bags make people comment (the draw's password) and follow.
- Given `rundown` (where the show's rundown stands, `StoredRundown`), the model plays the
  segments as the show runs them, not as the script planned them: a lucky bag draws its crowd
  while the rundown is in it, however late it came.
- Given `flash_windows` (the flash sales as the store holds them, `StoredFlashWindows`), a flash
  sale sells when the show actually runs it, not when the script planned it: its units go inside
  the stored window [start, end), at the stored price and quota, whatever segment the plan is
  in; outside it the product sells at its live price. The rundown drifts from the plan (at demo
  speed the autopilot's quarter-second tick is 15 show seconds a segment), and units sold before
  the window's start are, rightly, not the flash sale's.
Everything is drawn from one seeded numpy Generator, so a (script, seed, start) triple always
gives the same samples, whatever the playback speed.
"""

from __future__ import annotations

import bisect
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import select

from studio.metrics.names import NAMES
from studio.metrics.samples import Row, make_row
from studio.store.changes import Change
from studio.store.models import CueEvent, Product, Segment, Show
from studio.store.store import Store
from studio.timeutil import Clock

log = logging.getLogger(__name__)

SOURCE = "sim"
DEFAULT_PRICE_CENTS = 9_900


@dataclass(frozen=True)
class SimSegment:
    key: str
    kind: str
    planned_seconds: int
    product_sku: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    title: str = ""

    @property
    def role(self) -> str:
        """The script's kind folded onto what the model distinguishes."""
        k = self.kind.lower().replace("-", "_").replace(" ", "_")
        if "flash" in k or "秒杀" in k:
            return "flash_sale"
        if "lucky" in k or "福袋" in k or "draw" in k or "抽奖" in k:
            return "lucky_bag"
        if k.startswith("open") or "开场" in k:
            return "opening"
        if k.startswith("clos") or "结束" in k or "收尾" in k:
            return "closing"
        if k in ("interaction", "qa", "q_a", "互动", "答疑"):
            return "interaction"
        if self.product_sku or "product" in k or "讲解" in k:
            return "product"
        return "talk"

    def _flash(self) -> Mapping[str, Any]:
        """Flash-sale terms: the script stores them under extra["flash_sale"]; a plain dict
        segment may carry them at the top level."""
        nested = self.extra.get("flash_sale")
        return {**self.extra, **nested} if isinstance(nested, Mapping) else self.extra

    def flash_quantity(self) -> int:
        terms = self._flash()
        for key in ("quantity", "flash_quantity", "qty", "stock"):
            v = terms.get(key)
            if isinstance(v, int | float) and v > 0:
                return int(v)
        return 100

    def flash_price_cents(self, list_cents: int) -> int:
        terms = self._flash()
        for key in ("price_cents", "flash_price_cents"):
            v = terms.get(key)
            if isinstance(v, int | float) and v > 0:
                return int(v)
        for key in ("price", "flash_price"):  # yuan, as people write it in a script
            v = terms.get(key)
            if isinstance(v, int | float) and v > 0:
                return round(v * 100)
        return max(100, int(list_cents * 0.6))


def segment_from_dict(d: Mapping[str, Any], index: int = 0) -> SimSegment:
    seconds = d.get("planned_seconds", d.get("seconds", 0))
    if not isinstance(seconds, int | float) or seconds <= 0:
        raise ValueError(f"segment {index + 1}: planned_seconds must be a positive number")
    return SimSegment(
        key=str(d.get("key") or f"seg{index + 1}"),
        kind=str(d.get("kind", "talk")),
        planned_seconds=int(seconds),
        product_sku=d.get("product_sku") or None,
        extra=dict(d.get("extra") or {}),
        title=str(d.get("title", "")),
    )


# A two-hour show shaped like the studio's usual script, for a show that has no segments yet.
DEFAULT_SEGMENTS: tuple[dict[str, Any], ...] = (
    {"key": "open", "kind": "opening", "planned_seconds": 300, "title": "开场"},
    {"key": "p1", "kind": "product", "planned_seconds": 900, "product_sku": "SKU-1"},
    {"key": "bag1", "kind": "lucky_bag", "planned_seconds": 180},
    {"key": "p2", "kind": "product", "planned_seconds": 900, "product_sku": "SKU-2"},
    {
        "key": "flash1",
        "kind": "flash_sale",
        "planned_seconds": 240,
        "product_sku": "SKU-3",
        "extra": {"quantity": 300, "price_cents": 5_900},
    },
    {"key": "qa", "kind": "interaction", "planned_seconds": 600},
    {"key": "p3", "kind": "product", "planned_seconds": 1_200, "product_sku": "SKU-4"},
    {"key": "bag2", "kind": "lucky_bag", "planned_seconds": 180},
    {"key": "p4", "kind": "product", "planned_seconds": 1_200, "product_sku": "SKU-5"},
    {
        "key": "flash2",
        "kind": "flash_sale",
        "planned_seconds": 240,
        "product_sku": "SKU-6",
        "extra": {"quantity": 200, "price_cents": 9_900},
    },
    {"key": "p5", "kind": "product", "planned_seconds": 840, "product_sku": "SKU-7"},
    {"key": "close", "kind": "closing", "planned_seconds": 420},
)

# Per role: traffic multiplier, retention (how strongly it holds viewers), is it a hook,
# comment and follow multipliers.
_ROLE = {
    "opening": (1.6, 1.0, True, 1.5, 1.0),
    "product": (1.0, 1.0, False, 1.0, 1.0),
    "talk": (0.9, 0.9, False, 1.0, 1.0),
    "interaction": (1.0, 1.2, False, 3.0, 1.3),
    "lucky_bag": (1.8, 3.0, True, 6.0, 5.0),
    "flash_sale": (2.0, 2.5, True, 2.0, 1.5),
    "closing": (0.6, 0.7, False, 1.0, 0.8),
}


@dataclass(frozen=True)
class FlashWindow:
    """A flash sale as the store holds it: `quota` units of `sku` at `price_cents` from
    `starts_ts` (inclusive) to `ends_ts` (exclusive; None: until ended), epoch seconds."""

    sku: str
    starts_ts: float
    ends_ts: float | None
    quota: int
    price_cents: int

    def running(self, ts: float) -> bool:
        """The second [ts, ts + 1) sells at the flash price: its sales are sampled at ts + 1,
        and the window counts the samples after its start up to its end (`studio.products`)."""
        return self.starts_ts < ts + 1 and (self.ends_ts is None or ts + 1 <= self.ends_ts)


def read_flash_windows(store: Store, show_id: int) -> list[FlashWindow]:
    """The show's flash sales that have a start, as stored now."""
    with store.session() as s:
        rows = s.scalars(
            select(Product).where(
                Product.show_id == show_id,
                Product.flash_starts_at.is_not(None),
                Product.flash_price_cents.is_not(None),
                Product.flash_quota.is_not(None),
            )
        )
        return [
            FlashWindow(
                sku=r.sku,
                starts_ts=r.flash_starts_at.timestamp(),
                ends_ts=None if r.flash_ends_at is None else r.flash_ends_at.timestamp(),
                quota=int(r.flash_quota or 0),
                price_cents=int(r.flash_price_cents or 0),
            )
            for r in rows
            if r.flash_starts_at is not None
        ]


class StoredFlashWindows:
    """The show's flash windows for a simulator, re-read only after a product change (this
    station's or, on PostgreSQL, another's). Callable from the simulator's thread; `close()`
    when done."""

    def __init__(self, store: Store, show_id: int) -> None:
        self.store = store
        self.show_id = show_id
        self._dirty = threading.Event()
        self._dirty.set()
        self._windows: list[FlashWindow] = []
        self._unsubscribe: Callable[[], None] | None = store.bus.subscribe(self._note)

    def _note(self, change: Change) -> None:
        if change.table in ("product", "product_event", "show") and change.show_id in (
            None,
            self.show_id,
        ):
            self._dirty.set()

    def __call__(self) -> list[FlashWindow]:
        if self._dirty.is_set():
            self._dirty.clear()
            try:
                self._windows = read_flash_windows(self.store, self.show_id)
            except Exception:  # database away: keep what was known, try again next time
                log.warning("simulator: flash sales not read", exc_info=True)
                self._dirty.set()
        return self._windows

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


class StoredRundown:
    """Where the show's rundown stood at a moment, from its stored CueEvents (re-read after a
    cue_event change): `(segment key, seconds into it)`, or None before the start and after
    the end. Callable from the simulator's thread; `close()` when done."""

    def __init__(self, store: Store, show_id: int) -> None:
        self.store = store
        self.show_id = show_id
        self._dirty = threading.Event()
        self._dirty.set()
        # (at, segment key or None after an end, when that segment was entered), by time.
        self._steps: list[tuple[float, str | None, float]] = []
        self._unsubscribe: Callable[[], None] | None = store.bus.subscribe(self._note)

    def _note(self, change: Change) -> None:
        if change.table == "cue_event" and change.show_id in (None, self.show_id):
            self._dirty.set()

    def _read(self) -> None:
        with self.store.session() as s:
            rows = s.execute(
                select(CueEvent.at, CueEvent.action, CueEvent.segment_key)
                .where(CueEvent.show_id == self.show_id)
                .order_by(CueEvent.at, CueEvent.id)
            ).all()
        steps: list[tuple[float, str | None, float]] = []
        key: str | None = None
        entered = 0.0
        for at, action, seg_key in rows:
            ts = at.timestamp()
            if action == "end" or seg_key is None:
                key = None
            elif seg_key != key:
                key, entered = seg_key, ts
            steps.append((ts, key, entered))
        self._steps = steps

    def _refresh(self) -> None:
        if self._dirty.is_set():
            self._dirty.clear()
            try:
                self._read()
            except Exception:  # database away: keep what was known, try again next time
                log.warning("simulator: rundown not read", exc_info=True)
                self._dirty.set()

    def started(self) -> bool:
        """The show has been run: the runner stored at least one cue (else it plays as planned)."""
        self._refresh()
        return bool(self._steps)

    def __call__(self, ts: float) -> tuple[str, float] | None:
        self._refresh()
        i = bisect.bisect_right(self._steps, ts, key=lambda step: step[0]) - 1
        if i < 0:
            return None
        _, key, entered = self._steps[i]
        return None if key is None else (key, ts - entered)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


class ShowSimulator:
    """Steps a simulated show second by second and returns cumulative sample rows."""

    def __init__(
        self,
        segments: Sequence[SimSegment | Mapping[str, Any]],
        *,
        show_id: int,
        start_ts: float,
        seed: int = 0,
        prices: Mapping[str, int] | None = None,
        step_seconds: int = 1,
        base_traffic: float = 10.0,
        ad_spend_per_hour_cents: int = 1_500_000,
        per_sku: bool = True,
        stocks: Mapping[str, int] | None = None,
        flash_windows: Callable[[], Sequence[FlashWindow]] | None = None,
        rundown: Callable[[float], tuple[str, float] | None] | None = None,
    ) -> None:
        segs = [
            s if isinstance(s, SimSegment) else segment_from_dict(s, i)
            for i, s in enumerate(segments)
        ] or [segment_from_dict(d, i) for i, d in enumerate(DEFAULT_SEGMENTS)]
        self.segments = segs
        self.show_id = show_id
        self.start_ts = start_ts
        self.step_seconds = max(1, int(step_seconds))
        self.prices = dict(prices or {})
        self.per_sku = per_sku
        self.base_traffic = base_traffic
        self.ad_cents_per_s = ad_spend_per_hour_cents / 3600
        self.rng = np.random.default_rng(seed)
        self.bounds = np.cumsum([0] + [s.planned_seconds for s in segs])
        self.duration = int(self.bounds[-1])
        self.t = 0
        self.online = 0.0
        self.since_hook = 0.0
        self.flash_left: dict[str, int] = {}
        # Units left per SKU; a SKU not named here is never short.
        self.stock_left: dict[str, int] = {k: max(int(v), 0) for k, v in (stocks or {}).items()}
        self.c: dict[str, float] = {n: 0.0 for n in NAMES}
        self.watch_seconds = 0.0
        self.sku_c: dict[str, dict[str, int]] = {}
        # None: flash sales run as the script plans them (a replay, `studio ingest --sim`).
        self.flash_windows = flash_windows
        self._row_sku: str | None = None  # the SKU that sold in the last second
        # None: the segments follow one another as planned.
        self.rundown = rundown
        self._index = {seg.key: i for i, seg in enumerate(segs)}
        self._on_air = False  # the rundown was on a segment at the last second

    @property
    def done(self) -> bool:
        """The plan's length is over and, when following the rundown, the show is no longer on
        air (a show that runs late keeps its feed to the end)."""
        return self.t >= self.duration and not self._on_air

    def _position(self) -> tuple[int, SimSegment, int]:
        """(index, segment, whole seconds into it) of the second about to be simulated."""
        if self.rundown is not None:
            at = self.rundown(self.start_ts + self.t)
            self._on_air = at is not None and at[0] in self._index
            if at is not None and at[0] in self._index:
                i = self._index[at[0]]
                return i, self.segments[i], int(at[1])
        idx, seg = self.segment_at(self.t)
        return idx, seg, self.t - int(self.bounds[idx])

    def segment_at(self, t: float) -> tuple[int, SimSegment]:
        i = int(np.searchsorted(self.bounds, t, side="right")) - 1
        i = min(max(i, 0), len(self.segments) - 1)
        return i, self.segments[i]

    def restock(self, sku: str, units: int) -> None:
        """Stock topped up during the show (补货)."""
        if sku in self.stock_left:
            self.stock_left[sku] += max(int(units), 0)

    def _price(self, sku: str | None) -> int:
        return self.prices.get(sku or "", DEFAULT_PRICE_CENTS)

    def _second(self) -> None:
        """Advance the model by one second."""
        rng = self.rng
        _, seg, into = self._position()
        role = seg.role
        traffic, hold, hook, comment_x, follow_x = _ROLE[role]
        if hook:
            self.since_hook = 0.0
        else:
            self.since_hook += 1.0
        # Without hooks the platform sends less traffic and people drift away.
        fatigue = min(1.5, self.since_hook / 900.0)
        warmup = min(1.0, 0.25 + self.t / 240.0)
        arrivals = rng.poisson(self.base_traffic * traffic * warmup / (1.0 + 0.5 * fatigue))
        stay = 150.0 * hold / (1.0 + fatigue)
        leavers = rng.binomial(int(self.online), min(1.0, 1.0 / stay)) if self.online >= 1 else 0
        self.online = max(0.0, self.online + arrivals - leavers)
        c = self.c
        c["entries"] += arrivals
        c["viewers_total"] += rng.binomial(arrivals, 0.86) if arrivals else 0
        c["exposures"] += arrivals + rng.poisson(arrivals * 3.2 + 2)
        self.watch_seconds += self.online
        online = self.online

        sku = seg.product_sku
        featured = role in ("product", "flash_sale") and sku is not None
        # The flash sale as planned (key, quota, price), or as the show runs it.
        flash: tuple[str, int, int] | None = None
        if self.flash_windows is None:
            if role == "flash_sale" and sku is not None:
                flash = (seg.key, seg.flash_quantity(), seg.flash_price_cents(self._price(sku)))
        else:
            ts = self.start_ts + self.t
            window = next((w for w in self.flash_windows() if w.running(ts)), None)
            if window is not None:
                sku, featured = window.sku, True
                into = int(ts - window.starts_ts)
                key = f"{window.sku}@{window.starts_ts}"
                flash = (key, window.quota, window.price_cents)
            elif role == "flash_sale":
                role = "product"  # not started yet, or over: the live price
        selling = "flash_sale" if flash is not None else role
        pexp = rng.poisson(online * (0.035 if featured else 0.006))
        ctr = 0.24 if selling == "flash_sale" else 0.11
        clicks = rng.binomial(pexp, ctr) if pexp else 0
        price = self._price(sku)
        quota: int | None = None
        if flash is not None:
            quota = self.flash_left.setdefault(flash[0], flash[1])
            # Buyers wait for the go: most of the stock goes in the first 90 seconds.
            urge = 0.55 if 10 <= into <= 120 else 0.08
            buyers = min(quota, rng.binomial(clicks, urge) if clicks else 0)
            price = flash[2]
        else:
            buyers = rng.binomial(clicks, 0.075) if clicks else 0
        orders = buyers + (rng.binomial(buyers, 0.08) if buyers else 0)
        # Capped after the draws, so a show with plenty of stock draws the same numbers.
        for cap in (quota, self.stock_left.get(sku or "") if featured else None):
            if cap is not None and orders > cap:
                orders = cap
        buyers = min(buyers, orders)
        if flash is not None and quota is not None:
            self.flash_left[flash[0]] = quota - orders
        if featured and sku in self.stock_left:
            self.stock_left[sku] -= orders
        gmv = orders * price
        c["product_exposures"] += pexp
        c["product_clicks"] += clicks
        c["buyers"] += buyers
        c["orders"] += orders
        c["gmv_cents"] += gmv
        c["new_followers"] += rng.poisson(online * 0.00018 * follow_x)
        c["comments"] += rng.poisson(online * 0.006 * comment_x)
        c["likes"] += rng.poisson(online * 0.06)
        c["shares"] += rng.poisson(online * 0.0006)
        c["ad_spend_cents"] += self.ad_cents_per_s
        if featured and self.per_sku and sku is not None:
            s = self.sku_c.setdefault(
                sku,
                {
                    "product_exposures": 0,
                    "product_clicks": 0,
                    "orders": 0,
                    "buyers": 0,
                    "gmv_cents": 0,
                },
            )
            s["product_exposures"] += pexp
            s["product_clicks"] += clicks
            s["orders"] += orders
            s["buyers"] += buyers
            s["gmv_cents"] += gmv
        self._row_sku = sku if featured and self.per_sku else None
        self.t += 1

    def _rows(self) -> list[Row]:
        ts = self.start_ts + self.t
        sid, c = self.show_id, self.c
        rows = [make_row(sid, SOURCE, "online_viewers", ts, int(self.online))]
        for name in NAMES:
            if name == "online_viewers":
                continue
            if name == "avg_watch_seconds":
                viewers = c["viewers_total"]
                avg = self.watch_seconds / viewers if viewers else 0.0
                rows.append(make_row(sid, SOURCE, name, ts, round(avg, 1)))
            else:
                rows.append(make_row(sid, SOURCE, name, ts, int(c[name])))
        sku = self._row_sku
        if sku is None and self.flash_windows is None and self.rundown is None:
            sku = self.segment_at(max(0, self.t - 1))[1].product_sku
        if sku and sku in self.sku_c:
            for name, v in self.sku_c[sku].items():
                rows.append(make_row(sid, SOURCE, name, ts, v, sku))
        return rows

    def step(self) -> list[Row]:
        """Advance one sample interval and return the samples at its end ([] when done)."""
        if self.done:
            return []
        for _ in range(self.step_seconds):
            if self.done:
                break
            self._second()
        return self._rows()

    def run_all(self) -> Iterator[list[Row]]:
        while not self.done:
            yield self.step()


def load_stocks(store: Store, show_id: int) -> dict[str, int]:
    """Units each product of the show has (initial stock plus what was added live)."""
    with store.session() as s:
        return {
            p.sku: p.stock + (p.stock_added or 0)
            for p in s.scalars(select(Product).where(Product.show_id == show_id))
        }


def load_show(store: Store, show_id: int) -> tuple[list[SimSegment], dict[str, int], float | None]:
    """The show's segments, product prices (cents) and start time (epoch) from the store."""
    with store.session() as s:
        show = s.get(Show, show_id)
        if show is None:
            raise LookupError(f"no show with id {show_id}")
        segs = [
            SimSegment(
                key=g.key,
                kind=g.kind,
                planned_seconds=g.planned_seconds,
                product_sku=g.product_sku,
                extra=dict(g.extra or {}),
                title=g.title,
            )
            for g in s.scalars(
                select(Segment).where(Segment.show_id == show_id).order_by(Segment.position)
            )
            if g.planned_seconds > 0
        ]
        prices = {
            p.sku: p.live_price_cents or p.list_price_cents or DEFAULT_PRICE_CENTS
            for p in s.scalars(select(Product).where(Product.show_id == show_id))
        }
        start = show.started_at or show.planned_start
        return segs, prices, (start.timestamp() if start else None)


def feed_simulator(
    store: Store,
    show_id: int,
    *,
    now: float,
    seed: int = 0,
    flash_windows: Callable[[], Sequence[FlashWindow]] | None = None,
    rundown: Callable[[float], tuple[str, float] | None] | None = None,
) -> ShowSimulator:
    """The simulator of a live feed (the demo's, a rehearsal's) for a stored show: its segments,
    prices and stock, from the show's start (else `now`, the show clock); segments as `rundown`
    runs them and flash sales in the windows `flash_windows` gives (`StoredRundown`,
    `StoredFlashWindows`: as the show runs them; None: as planned)."""
    segments, prices, start = load_show(store, show_id)
    return ShowSimulator(
        segments,
        show_id=show_id,
        start_ts=start or now,
        seed=seed,
        prices=prices,
        # Never sells past the stock left (a flash sale never past its quota).
        stocks=load_stocks(store, show_id),
        flash_windows=flash_windows,
        rundown=rundown,
    )


def planned_flash_windows(sim: ShowSimulator) -> list[FlashWindow]:
    """The script's flash sales as windows on the simulator's plan (start, planned length,
    the segment's quota and price)."""
    return [
        FlashWindow(
            sku=seg.product_sku,
            starts_ts=sim.start_ts + float(bound),
            ends_ts=sim.start_ts + float(bound) + seg.planned_seconds,
            quota=seg.flash_quantity(),
            price_cents=seg.flash_price_cents(sim.prices.get(seg.product_sku, DEFAULT_PRICE_CENTS)),
        )
        for seg, bound in zip(sim.segments, sim.bounds, strict=False)
        if seg.role == "flash_sale" and seg.product_sku is not None
    ]


def flash_windows_as_run(
    stored: Callable[[], Sequence[FlashWindow]],
    rundown: StoredRundown,
    planned: Sequence[FlashWindow],
) -> Callable[[], Sequence[FlashWindow]]:
    """The flash sales as the show runs them (`stored`) once it has been run or has a stored
    window; before that (a replay of a show never put on air) as the script planned them."""

    def windows() -> Sequence[FlashWindow]:
        now = stored()
        return now if now or rundown.started() else planned

    return windows


class SimulatorRunner:
    """Plays a ShowSimulator against a clock: at `speed` x real time, or as fast as possible
    when speed is 0. Calls `sink(rows)` for each sample (e.g. MetricWriter.submit)."""

    def __init__(
        self,
        sim: ShowSimulator,
        sink: Callable[[list[Row]], object],
        *,
        speed: float = 1.0,
        clock: Clock = time.monotonic,
        stop_event: threading.Event | None = None,
    ) -> None:
        if speed < 0 or not math.isfinite(speed):
            raise ValueError("speed must be 0 (as fast as possible) or a positive factor")
        self.sim = sim
        self.sink = sink
        self.speed = speed
        self.clock = clock
        self.stop_event = stop_event or threading.Event()
        self.samples = 0

    def run(self) -> int:
        """Run until the show ends or stop() is called; returns the samples emitted."""
        begin, t0 = self.clock(), self.sim.t
        while not self.sim.done and not self.stop_event.is_set():
            if self.speed > 0:
                due = begin + (self.sim.t - t0 + self.sim.step_seconds) / self.speed
                wait = due - self.clock()
                if wait > 0 and self.stop_event.wait(wait):
                    break
            rows = self.sim.step()
            self.samples += len(rows)
            self.sink(rows)
        return self.samples

    def stop(self) -> None:
        self.stop_event.set()
