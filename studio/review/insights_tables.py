"""The insights as text tables in a language: what the GUI's insights page (and any export)
shows, so no widget formats a business figure itself."""

from __future__ import annotations

from studio.metrics import fmt
from studio.review.insights import Insights
from studio.review.strings import s
from studio.review.tables import DASH, Table

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "zh_CN": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}


def kind_label(kind: str, lang: str) -> str:
    """A segment kind's name; a kind studio does not know shows as written."""
    word = s(f"kind.{kind}", lang)
    return kind if word == f"kind.{kind}" else word


def _lang(lang: str) -> str:
    return "zh_CN" if lang.startswith("zh") else "en"


def slots(ins: Insights, lang: str) -> Table:
    """One row per weekday x start hour that had shows: GMV and viewers per hour."""
    days = WEEKDAYS[_lang(lang)]
    rows = tuple(
        (
            f"{days[r.weekday]} {r.hour:02d}:00",
            fmt.count(r.shows),
            f"{r.hours:,.1f}",
            fmt.money_cents(r.gmv_per_hour_cents, 0),
            fmt.count(r.viewers_per_hour),
            fmt.money_cents(r.gmv_cents, 0),
        )
        for r in ins.slots
    )
    keys = (
        "ins.slot",
        "ins.shows",
        "ins.hours",
        "ins.gmv_per_hour",
        "ins.viewers_per_hour",
        "col.gmv",
    )
    return Table(tuple(s(k, lang) for k in keys), rows, "lrrrrr", (1.6, 0.8, 0.8, 1.4, 1.2, 1.4))


def products(ins: Insights, lang: str) -> Table:
    """Each SKU across its shows: GMV, CTR, CVR and sell-through, best-selling first."""
    rows = tuple(
        (
            p.sku,
            p.name,
            fmt.count(p.shows),
            fmt.money_cents(p.gmv_cents, 0),
            fmt.rate(p.ctr),
            fmt.rate(p.cvr),
            fmt.rate(p.sell_through),
        )
        for p in ins.products
    )
    keys = (
        "col.sku",
        "col.product",
        "ins.shows",
        "col.gmv",
        "col.ctr",
        "col.cvr",
        "col.sold_through",
    )
    return Table(
        tuple(s(k, lang) for k in keys), rows, "llrrrrr", (1.2, 3.0, 0.8, 1.4, 0.9, 0.9, 1.1)
    )


def kinds(ins: Insights, lang: str) -> Table:
    """Segment kinds by what they bring: GMV per minute, followers and entries per segment."""
    rows = tuple(
        (
            kind_label(k.kind, lang),
            fmt.count(k.segments),
            f"{k.minutes:,.0f}",
            fmt.money_cents(k.gmv_per_minute_cents, 0),
            DASH if k.followers_per_segment is None else f"{k.followers_per_segment:,.1f}",
            DASH if k.entries_per_segment is None else f"{k.entries_per_segment:,.0f}",
        )
        for k in ins.kinds
    )
    keys = (
        "col.seg_kind", "ins.segments", "ins.minutes", "ins.gmv_per_minute",
        "ins.followers_per_segment", "ins.entries_per_segment",
    )  # fmt: skip
    return Table(tuple(s(k, lang) for k in keys), rows, "lrrrrr", (1.4, 0.9, 0.9, 1.4, 1.4, 1.4))


def anchors(ins: Insights, lang: str) -> Table:
    """Each anchor over the shows they anchored."""
    rows = tuple(
        (
            a.name,
            fmt.count(a.shows),
            f"{a.hours:,.1f}",
            fmt.money_cents(a.gmv_per_hour_cents, 0),
            fmt.count(a.viewers_per_hour),
            fmt.rate(a.follow_rate),
            fmt.rate(a.cvr),
        )
        for a in ins.anchors
    )
    keys = (
        "ins.anchor", "ins.shows", "ins.hours", "ins.gmv_per_hour", "ins.viewers_per_hour",
        "col.follow_rate", "col.cvr",
    )  # fmt: skip
    return Table(
        tuple(s(k, lang) for k in keys), rows, "lrrrrrr", (1.6, 0.8, 0.8, 1.4, 1.2, 1.0, 0.9)
    )
