"""The insights as text tables in a language: what the GUI's insights page (and any export)
shows, so no widget formats a business figure itself."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class SlotGrid:
    """GMV and viewers per hour laid out as weekdays (rows) x start hours (columns)."""

    table: Table  # first column the weekday, then one column per start hour that had shows
    # Per cell: where its GMV per hour lies between the worst slot's (0) and the best's (1);
    # None where no show started. Slots often differ by a few percent: shares of the best
    # would all look alike.
    heat: tuple[tuple[float | None, ...], ...]


def slot_grid(ins: Insights, lang: str) -> SlotGrid:
    """The slots as a weekday x start-hour grid: when does going live pay best."""
    days = WEEKDAYS[_lang(lang)]
    hours = sorted({r.hour for r in ins.slots})
    weekdays = sorted({r.weekday for r in ins.slots})
    cells = {(r.weekday, r.hour): r for r in ins.slots}
    rates = [r.gmv_per_hour_cents or 0.0 for r in ins.slots]
    worst, best = min(rates, default=0.0), max(rates, default=0.0)
    rows: list[tuple[str, ...]] = []
    heat: list[tuple[float | None, ...]] = []
    for wd in weekdays:
        row: list[str] = [days[wd]]
        shade: list[float | None] = []
        for hour in hours:
            slot = cells.get((wd, hour))
            if slot is None:
                row.append("")
                shade.append(None)
                continue
            row.append(
                s(
                    "ins.cell1" if slot.shows == 1 else "ins.cell",
                    lang,
                    gmv=fmt.money_cents(slot.gmv_per_hour_cents, 0),
                    viewers=fmt.count(slot.viewers_per_hour),
                    shows=slot.shows,
                )
            )
            rate = slot.gmv_per_hour_cents or 0.0
            shade.append((rate - worst) / (best - worst) if best > worst else 1.0)
        rows.append(tuple(row))
        heat.append(tuple(shade))
    headers = (s("ins.weekday", lang), *(f"{h:02d}:00" for h in hours))
    table = Table(headers, tuple(rows), "l" + "r" * len(hours), (1.0, *([1.6] * len(hours))))
    return SlotGrid(table, tuple(heat))


def product_history(ins: Insights, sku: str, lang: str) -> Table:
    """One product show by show, oldest first: GMV, click-to-buy rate and sell-through."""
    rows: tuple[tuple[str, ...], ...] = ()
    for p in ins.products:
        if p.sku == sku:
            rows = tuple(
                (
                    h.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    f"#{h.show_id}",
                    fmt.money_cents(h.gmv_cents, 0),
                    fmt.rate(h.cvr),
                    fmt.rate(h.sell_through),
                )
                for h in p.history
            )
    keys = ("col.date", "col.show", "col.gmv", "col.cvr", "col.sold_through")
    return Table(tuple(s(k, lang) for k in keys), rows, "llrrr", (1.6, 0.8, 1.4, 0.9, 1.1))
