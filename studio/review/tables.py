"""The review's sections as text tables in a language: what HTML, PDF and the panel all show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from studio.incidents.categories import CATEGORIES, SEVERITIES
from studio.metrics import fmt
from studio.planning.text import label as plan_label
from studio.review.model import Review
from studio.review.strings import s
from studio.timeutil import fmt_duration

DASH = fmt.DASH


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: str  # one letter per column: l(eft) / r(ight)
    weights: tuple[float, ...]  # relative column widths for paged layouts
    emphasis: frozenset[int] = field(default_factory=frozenset)  # rows to set in bold
    muted: frozenset[int] = field(default_factory=frozenset)  # rows to grey out


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    note: str = ""
    tone: str = ""  # "" / good / bad


def _dur(v: float | None, signed: bool = False) -> str:
    return DASH if v is None else fmt_duration(v, signed=signed)


def _local(dt: datetime | None, with_date: bool = False) -> str:
    if dt is None:
        return DASH
    return dt.astimezone().strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M:%S")


def category_label(key: str, lang: str) -> str:
    for c in CATEGORIES:
        if c.key == key:
            return c.label_zh if lang.startswith("zh") else c.label_en
    return key


def severity_label(level: int, lang: str) -> str:
    for sv in SEVERITIES:
        if sv.level == level:
            return f"{sv.code} {sv.label_zh if lang.startswith('zh') else sv.label_en}"
    return f"S{level}"


def tiles(r: Review, lang: str) -> list[Tile]:
    h = r.headline
    if h.gmv_target_cents > 0:
        note = (
            s("of_target", lang, pct=fmt.pct(h.target_pct))
            + " · "
            + s("target", lang, target=fmt.money_cents(h.gmv_target_cents, 0))
        )
        tone = "good" if (h.target_pct or 0) >= 100 else "bad"
    else:
        note, tone = s("no_target", lang), ""
    return [
        Tile(s("gmv", lang), fmt.money_cents(h.gmv_cents), note, tone),
        Tile(s("orders", lang), fmt.count(h.orders)),
        Tile(s("buyers", lang), fmt.count(h.buyers)),
        Tile(s("aov", lang), fmt.money_yuan(h.aov_yuan)),
        Tile(s("gpm", lang), fmt.money_yuan(h.gpm_yuan)),
        Tile(s("uv_value", lang), fmt.money_yuan(h.uv_value_yuan)),
        Tile(s("peak_online", lang), fmt.count(h.peak_online)),
        Tile(s("avg_online", lang), fmt.count(h.avg_online)),
        Tile(s("avg_watch", lang), _dur(h.avg_watch_seconds)),
        Tile(s("new_followers", lang), fmt.count(h.new_followers)),
        Tile(
            s("roi", lang),
            fmt.ratio_x(h.roi),
            s("ad_spend", lang, spend=fmt.money_cents(h.ad_spend_cents, 0))
            if h.ad_spend_cents
            else "",
        ),
        Tile(s("viewers", lang), fmt.count(h.viewers)),
        Tile(s("ctr", lang), fmt.rate(h.ctr)),
        Tile(s("cvr", lang), fmt.rate(h.cvr)),
        Tile(s("duration", lang), _dur(h.duration_s)),
    ]


def segments(r: Review, lang: str) -> Table:
    rows, muted = [], set()
    # Segments after the last one that ran were not reached (the show ended or is still on):
    # "skipped" is kept for segments the rundown passed over.
    ran = [i for i, g in enumerate(r.segments) if g.actual_offset_s is not None]
    last_ran = ran[-1] if ran else -1
    for i, g in enumerate(r.segments):
        title = f"{g.index + 1}. {g.title}"
        if g.skipped:
            muted.add(i)
            word = "not_reached" if i > last_ran else "skipped"
            title += f" ({s(word, lang)})"
        rows.append(
            (
                title,
                _dur(g.planned_offset_s),
                _dur(g.actual_offset_s),
                _dur(g.planned_seconds),
                _dur(g.actual_seconds),
                _dur(g.over_under_s, signed=True) if g.over_under_s is not None else DASH,
                fmt.money_cents(g.gmv_cents, 0),
                fmt.count(g.orders),
                fmt.count(g.entries),
                fmt.count(g.left),
                fmt.count(g.avg_online),
                fmt.rate(g.ctr),
                fmt.rate(g.cvr),
            )
        )
    keys = (
        "col.segment", "col.planned_start", "col.actual_start", "col.planned_dur",
        "col.actual_dur", "col.over", "col.gmv", "col.orders", "col.gained", "col.lost",
        "col.avg_online", "col.ctr", "col.cvr",
    )  # fmt: skip
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "l" + "r" * 12,
        (3.2, 1.1, 1.1, 1.0, 1.0, 1.1, 1.4, 0.9, 1.0, 1.0, 1.0, 0.9, 0.9),
        muted=frozenset(muted),
    )


def products(r: Review, lang: str) -> Table:
    rows = [
        (
            p.sku,
            p.name,
            fmt.count(p.exposures),
            fmt.count(p.clicks),
            fmt.rate(p.ctr),
            fmt.count(p.buyers),
            fmt.rate(p.cvr),
            fmt.money_cents(p.gmv_cents, 0),
            fmt.count(p.stock),
            fmt.rate(p.sold_through),
        )
        for p in r.products
    ]
    keys = (
        "col.sku", "col.product", "col.exposures", "col.clicks", "col.ctr", "col.buyers",
        "col.cvr", "col.gmv", "col.stock", "col.sold_through",
    )  # fmt: skip
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "ll" + "r" * 8,
        (1.2, 3.4, 1.1, 1.0, 0.9, 1.0, 0.9, 1.4, 0.9, 1.1),
    )


def trend(r: Review, lang: str) -> Table | None:
    if not r.trend:
        return None
    rows, bold = [], set()
    for i, t in enumerate(r.trend):
        if t.current:
            bold.add(i)
        rows.append(
            (
                t.title + (f" ({s('this_show', lang)})" if t.current else ""),
                _local(t.started_at, True),
                fmt.money_cents(t.gmv_cents, 0),
                fmt.pct(t.target_pct),
                fmt.count(t.orders),
                fmt.money_yuan(t.gpm_yuan),
                fmt.count(t.peak_online),
                fmt.rate(t.ctr),
                fmt.rate(t.cvr),
            )
        )
    keys = (
        "col.show", "col.date", "col.gmv", "col.target_pct", "col.orders", "col.gpm",
        "col.peak", "col.ctr", "col.cvr",
    )  # fmt: skip
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "ll" + "r" * 7,
        (3.0, 1.6, 1.4, 1.0, 0.9, 1.1, 1.0, 0.8, 0.8),
        emphasis=frozenset(bold),
    )


def incident_summary_line(r: Review, lang: str) -> str:
    i = r.incidents
    return s(
        "inc.summary",
        lang,
        count=len(i.items),
        unresolved=i.unresolved,
        median=_dur(i.median_resolve_s),
        max=_dur(i.max_resolve_s),
    )


def incident_matrix(r: Review, lang: str) -> Table:
    levels = [sv.level for sv in SEVERITIES]
    cats = [c.key for c in CATEGORIES if c.key in r.incidents.by_category]
    cats += [k for k in r.incidents.by_category if k not in cats]
    rows = []
    for c in cats:
        row = [category_label(c, lang)]
        row += [str(r.incidents.matrix.get((c, lv), 0) or DASH) for lv in levels]
        row.append(str(r.incidents.by_category.get(c, 0)))
        rows.append(tuple(row))
    rows.append(
        (
            s("col.total", lang),
            *[str(r.incidents.by_severity.get(lv, 0)) for lv in levels],
            str(len(r.incidents.items)),
        )
    )
    headers = (
        s("col.category", lang),
        *[severity_label(lv, lang) for lv in levels],
        s("col.total", lang),
    )
    return Table(
        tuple(headers),
        tuple(rows),
        "l" + "r" * (len(levels) + 1),
        (2.0, *([1.6] * len(levels)), 1.0),
        emphasis=frozenset({len(rows) - 1}),
    )


def incidents(r: Review, lang: str) -> Table:
    rows = []
    for n, i in enumerate(r.incidents.items, start=1):
        off = i.at.timestamp() - r.start_ts if r.start_ts is not None else None
        when = _local(i.at) + (f" (+{_dur(off)})" if off is not None and off >= 0 else "")
        rows.append(
            (
                f"!{n}",
                when,
                category_label(i.category, lang),
                f"S{i.severity}",
                s(f"status.{i.status}", lang),
                i.text or DASH,
                _dur(i.time_to_resolve_s),
            )
        )
    keys = ("", "col.time", "col.category", "col.severity", "col.status", "col.text", "col.resolve")
    return Table(
        tuple(s(k, lang) if k else "#" for k in keys),
        tuple(rows),
        "llllllr",
        (0.5, 2.0, 1.0, 0.8, 1.0, 4.0, 1.2),
    )


def checks(r: Review, lang: str) -> Table:
    rows = [
        (
            plan_label("kind", c.kind, lang),
            _local(c.at, True),
            s(f"check.{c.status}", lang),
            "; ".join(c.problems) or DASH,
        )
        for c in r.checks
    ]
    keys = ("col.kind", "col.time", "col.result", "col.notes")
    return Table(tuple(s(k, lang) for k in keys), tuple(rows), "llll", (1.4, 1.8, 1.0, 5.0))


def tasks(r: Review, lang: str) -> Table:
    rows = [
        (t.title, t.owner or DASH, _local(t.due_at, True), s(f"task.{t.state}", lang))
        for t in r.tasks
    ]
    muted = frozenset(i for i, t in enumerate(r.tasks) if t.state in ("missed", "pending"))
    keys = ("col.task", "col.owner", "col.due", "col.status")
    return Table(
        tuple(s(k, lang) for k in keys), tuple(rows), "llll", (4.0, 1.4, 1.8, 1.4), muted=muted
    )


def crew(r: Review, lang: str) -> Table:
    rows = [(plan_label("role", c.role, lang), c.name) for c in r.crew]
    keys = ("col.role", "col.name")
    return Table(tuple(s(k, lang) for k in keys), tuple(rows), "ll", (1.0, 2.0))


def scatter_note(r: Review, lang: str) -> str:
    m = r.minutes
    n = int((~np.isnan(m.avg_online) & ~np.isnan(m.gmv_cents)).sum())
    if m.correlation is None:
        return s("chart.r_none", lang)
    verdict = s("chart.r_strong", lang) if m.correlation >= 0.5 else s("chart.r_weak", lang)
    return s("chart.r", lang, r=f"{m.correlation:.2f}", n=n) + " — " + verdict


def meta_lines(r: Review, lang: str) -> list[tuple[str, str]]:
    sh = r.show
    out = []
    if sh.platform:
        out.append((s("platform", lang), sh.platform))
    if sh.theme:
        out.append((s("theme", lang), sh.theme))
    planned = _local(sh.planned_start, True)
    if sh.planned_start is not None:
        planned += f" · {_dur(sh.planned_seconds)}"
    out.append((s("planned", lang), planned))
    actual = _local(sh.started_at, True)
    if r.headline.duration_s is not None:
        actual += f" · {_dur(r.headline.duration_s)}"
    out.append((s("actual", lang), actual))
    if sh.campaign_name:
        share = fmt.money_cents(sh.campaign_share_cents, 0) if sh.campaign_share_cents else DASH
        out.append(
            (s("campaign", lang), f"{sh.campaign_name} · {s('campaign_share', lang, share=share)}")
        )
    return out
