"""A simulated comment stream for the demo and rehearsals: Chinese viewer comments about the
product on air (price, size, colour, shipping, usage, "几号链接", after-sales, praise, noise),
with bursts while a lucky bag (福袋) runs and just after its draw.

Deterministic for a (show, seed): every comment's id is `sim:<seed>:<n>`, so a restarted feed
re-sends what it sent before and the ingest's de-duplication stores it once.

Given `rundown` (where the show's rundown stands, `studio.metrics.sources.sim.StoredRundown`,
the metrics simulator's own source), bursts and the product on air follow the rundown as run,
not the script's plan, which a late rundown trails (at demo speed by minutes): one answer to
"what is on air" for the comments and the figures. Before the show is run, the plan.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import select

from studio.audience.context import ShowContext
from studio.audience.ingest import Ingester, accept_lines
from studio.metrics.sources.sim import StoredRundown
from studio.store.models import Product, Segment, Show
from studio.store.store import Store

BASE_RATE: Final = 0.8  # comments a second of show time, outside bursts
BURST_RATE: Final = 4.0  # while a lucky bag runs and a minute after its draw
AFTER_DRAW_S: Final = 60.0

NICKS: Final = (
    "小鹿乱撞", "奶茶不加糖", "柠檬精本精", "早睡早起", "一只咸鱼", "晴天娃娃", "momo", "橙子味",
    "爱吃火锅", "追光的人", "小白兔", "风吹麦浪", "甜甜圈", "北北", "栗子", "Coco", "糯米团子",
    "向日葵", "七七", "猫系少女", "阿狸", "西柚", "大橘", "桃子汽水", "夏天的风", "苏苏",
)  # fmt: skip

# {name}: a way to name the product on air ("这个", its alias, "3号链接"); {link}: its number.
QUESTIONS: Final = (
    "{name}多少钱", "{name}多少钱？", "{link}号链接多少钱", "{name}到手价多少", "{name}还有吗",
    "{link}号还有货吗", "{name}敏感肌能用吗", "{name}孕妇能用吗", "{name}保质期多久？",
    "{name}怎么用", "{name}适合油皮吗", "{name}是什么颜色", "{name}有几个色号", "{name}显白吗",
    "{name}多少ml", "{name}能用多久", "{name}包邮吗", "{name}什么时候发货", "{name}发什么快递",
    "{name}能用券吗", "{name}有赠品吗", "{name}含酒精吗", "{name}成分安全吗", "几号链接？",
    "{name}是几号链接", "新疆发货吗", "满减可以叠加吗", "学生党适合吗", "干皮能用吗",
    "{name}和上一个哪个好", "怎么领券？", "{name}限购几个",
)  # fmt: skip
PURCHASE: Final = (
    "已拍",
    "拍了拍了",
    "已拍两个",
    "冲冲冲",
    "想要",
    "上车",
    "抢到了！",
    "已下单",
    "1",
    "扣1",
)
PRAISE: Final = (
    "主播好美", "{name}爱了", "好看", "主播讲得好专业", "太值了", "这个价格绝了", "支持主播",
    "{name}我回购好几次了", "主播辛苦了", "666",
)  # fmt: skip
NOISE: Final = (
    "来了来了",
    "晚上好",
    "哈哈哈哈",
    "关注了",
    "点赞",
    "刚来",
    "好的",
    "嗯嗯",
    "声音有点小",
)
AFTER_SALES: Final = ("上次买的还没收到", "我的快递三天没动了", "收到漏液了怎么办", "怎么退货？")
COMPLAINT: Final = ("太贵了吧", "秒杀根本抢不到，套路")
LUCKY: Final = (
    "焕亮心动夜", "焕亮心动夜", "焕亮心动夜", "福袋什么时候开奖", "中了吗", "没中，哭",
    "福袋抽中了！", "中奖了怎么填地址", "再来一个福袋", "求福袋",
)  # fmt: skip
MIX: Final = (
    (QUESTIONS, 0.32), (PURCHASE, 0.2), (PRAISE, 0.15), (NOISE, 0.23), (AFTER_SALES, 0.05),
    (COMPLAINT, 0.05),
)  # fmt: skip


# What viewers call a product: the category noun its name ends with (玻色因焕亮精华 -> 精华).
NOUNS: Final = (
    "粉底液", "眼影盘", "防晒乳", "防晒霜", "卸妆油", "卸妆水", "睫毛膏", "连衣裙", "羽绒服",
    "精华", "口红", "唇釉", "眼影", "面膜", "香水", "乳液", "面霜", "爽肤水", "洗面奶", "外套",
    "毛衣", "卫衣", "裤子", "鞋", "包",
)  # fmt: skip


def short_name(name: str) -> str:
    first = name.split()[0] if name.split() else ""
    return next((n for n in NOUNS if first.endswith(n)), first or "这个")


@dataclass
class _Plan:
    start_ts: float
    kinds: list[tuple[float, float, str, str | None]] = field(default_factory=list)
    products: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    segments: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # key -> kind, sku

    def at(self, ts: float) -> tuple[str, str | None, str | None]:
        """(segment kind, segment key, product sku) planned at ts."""
        for start, end, kind, sku in self.kinds:
            if start <= ts < end:
                return kind, None, sku
        return "talk", None, None


def _plan(store: Store, show_id: int, start_ts: float) -> _Plan:
    plan = _Plan(start_ts)
    with store.session() as s:
        t = start_ts
        for key, kind, secs, sku in s.execute(
            select(Segment.key, Segment.kind, Segment.planned_seconds, Segment.product_sku)
            .where(Segment.show_id == show_id)
            .order_by(Segment.position)
        ):
            plan.kinds.append((t, t + secs, str(kind), sku))
            plan.segments[str(key)] = (str(kind), sku)
            t += secs
        for sku, name, link in s.execute(
            select(Product.sku, Product.name, Product.link).where(Product.show_id == show_id)
        ):
            plan.products[sku] = (name, link)
    return plan


Rundown = Callable[[float], tuple[str, float] | None]  # ts -> (segment key, s into it) | None


class CommentSimulator:
    def __init__(
        self,
        store: Store,
        show_id: int,
        *,
        start_ts: float,
        seed: int = 0,
        rundown: Rundown | None = None,
    ) -> None:
        self.store = store
        self.show_id = show_id
        self.seed = seed
        self.rng = random.Random(f"{show_id}:{seed}")
        self.plan = _plan(store, show_id, start_ts)
        # None: the segments follow one another as planned.
        self.rundown = rundown
        self.n = 0
        self.t = start_ts
        self._next: float | None = None

    def _segment(self, ts: float) -> tuple[str, str | None]:
        """(segment kind, its product) on air at ts: where the rundown stood, as the metrics
        simulator reads it (`ShowSimulator._position`), else the plan."""
        if self.rundown is not None:
            at = self.rundown(ts)
            if at is not None and at[0] in self.plan.segments:
                return self.plan.segments[at[0]]
        kind, _, sku = self.plan.at(ts)
        return kind, sku

    def _on_air(self, ctx: ShowContext | None, ts: float) -> tuple[str | None, bool]:
        """(product on air, in a lucky-bag burst) at ts."""
        kind, segment_sku = self._segment(ts)
        burst = kind == "lucky_bag" or self._segment(ts - AFTER_DRAW_S)[0] == "lucky_bag"
        sku = ctx.product_at(ts) if ctx is not None else None
        return sku or segment_sku, burst

    def _name(self, sku: str | None) -> tuple[str, int]:
        if sku is None or sku not in self.plan.products:
            return "这个", 1
        name, link = self.plan.products[sku]
        short = short_name(name)
        choice = self.rng.random()
        if choice < 0.45:
            return "这个", link or 1
        if choice < 0.75:
            return short, link or 1
        return f"{link}号链接" if link else short, link or 1

    def comment(self, ts: float, ctx: ShowContext | None) -> dict[str, Any]:
        sku, burst = self._on_air(ctx, ts)
        if burst and self.rng.random() < 0.6:
            pool: tuple[str, ...] = LUCKY
        else:
            r, acc, pool = self.rng.random(), 0.0, NOISE
            for texts, weight in MIX:
                acc += weight
                if r < acc:
                    pool = texts
                    break
        name, link = self._name(sku)
        text = self.rng.choice(pool).format(name=name, link=link)
        self.n += 1
        return {
            "ts": round(ts, 3),
            "type": "chat",
            "id": f"sim:{self.seed}:{self.n}",
            "user": f"{self.rng.choice(NICKS)}{self.rng.randint(1, 999)}",
            "text": text,
        }

    def until(self, ts: float, ctx: ShowContext | None) -> list[dict[str, Any]]:
        """The comments of show time (self.t, ts]."""
        out: list[dict[str, Any]] = []
        while True:
            if self._next is None:
                _, burst = self._on_air(ctx, self.t)
                rate = BURST_RATE if burst else BASE_RATE
                self._next = self.t + self.rng.expovariate(rate)
            # The next arrival is kept past `ts`: drawn again from self.t next call, it landed
            # before the previous call's end (comments in the past of the last batch).
            if self._next > ts:
                break
            self.t, self._next = self._next, None
            out.append(self.comment(self.t, ctx))
        return out


def show_start(store: Store, show_id: int) -> float | None:
    with store.session() as s:
        row = s.execute(
            select(Show.started_at, Show.planned_start).where(Show.id == show_id)
        ).first()
    if row is None:
        return None
    at = row[0] or row[1]
    return None if at is None else at.timestamp()


CATCH_UP_SLICE_S = 30.0  # show seconds of comments per step while the feed is behind
CATCH_UP_PAUSE_S = 0.05


def run_feed(
    store: Store,
    show_id: int,
    stop: threading.Event,
    *,
    clock: Callable[[], float],
    seed: int = 0,
    start_ts: float | None = None,
    interval: float = 0.5,
    until_ts: float | None = None,
    rundown: Rundown | None = None,
) -> int:
    """Simulate comments up to `clock()` every `interval` wall seconds until stopped (or until
    `until_ts`); returns how many were sent. Bursts and products follow `rundown`, by default
    the show's stored rundown (`StoredRundown`; the plan until the show is run)."""
    start = start_ts if start_ts is not None else (show_start(store, show_id) or clock())
    stored = StoredRundown(store, show_id) if rundown is None else None
    sim = CommentSimulator(store, show_id, start_ts=start, seed=seed, rundown=rundown or stored)
    ing = Ingester(store, show_id)
    if until_ts is None and not math.isfinite(clock()):
        until_ts = sim.plan.kinds[-1][1] if sim.plan.kinds else start + 3600
        # A rundown that ran late is still on air after the plan's end: to its end (at most
        # as long again as the plan).
        cap = until_ts + (until_ts - start)
        while sim.rundown is not None and until_ts < cap and sim.rundown(until_ts) is not None:
            until_ts += 60.0
    sent = 0
    live = until_ts is None  # following a running clock (a bounded run goes at full speed)
    done_to = sim.t
    try:
        while not stop.is_set():
            target = clock() if until_ts is None else min(clock(), until_ts)
            # A feed that starts behind the show catches up a slice at a time: one batch of
            # minutes of comments (classified in Python) held the interpreter lock long enough
            # to stall the control room for half a second (show-day soak).
            now = min(target, done_to + CATCH_UP_SLICE_S) if live else target
            done_to = now
            with store.session() as s:
                ctx = ing.context(s)
            batch = sim.until(now, ctx)
            for i in range(0, len(batch), 2000):
                accept_lines(store, show_id, batch[i : i + 2000], source="sim", ingester=ing)
            sent += len(batch)
            if until_ts is not None and now >= until_ts:
                break
            stop.wait(interval if now >= target else CATCH_UP_PAUSE_S)
    finally:
        if stored is not None:
            stored.close()
    return sent


def sped_clock(start_ts: float, speed: float) -> Callable[[], float]:
    """A show clock from start_ts running `speed` times real time (0: the whole show at once)."""
    t0 = time.monotonic()
    if speed <= 0:
        return lambda: float("inf")
    return lambda: start_ts + (time.monotonic() - t0) * speed
