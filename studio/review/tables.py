"""The review's sections as text tables in a language: what HTML, PDF and the panel all show."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from studio.incidents.categories import CATEGORIES, SEVERITIES
from studio.metrics import fmt
from studio.planning.review_actions import Action
from studio.planning.text import label as plan_label
from studio.products.history import HistoryEntry
from studio.review.model import FunnelStep, IncidentRef, Review, SegmentRow
from studio.review.strings import s
from studio.timeutil import duration_words, fmt_duration

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


def _incident_english(i: IncidentRef) -> str:
    return i.text


def _finding_english(f: Mapping[str, Any]) -> str:
    return str(f.get("message", ""))


@dataclass(frozen=True)
class Wording:
    """How the report words the texts made elsewhere: an incident's text and a stored device-check
    finding. The core knows only their stored English; the Qt side passes functions that show
    them in the report's language from their translation keys (studio.ui.review.report_texts)."""

    incident: Callable[[IncidentRef], str] = _incident_english
    finding: Callable[[Mapping[str, Any]], str] = _finding_english


ENGLISH = Wording()
_SENTENCE_END = ".;。；"


def join_notes(texts: Sequence[str], lang: str) -> str:
    """Notes in one cell: each said once, in order, without its closing full stop, separated by
    "; " (English) or "；" (Chinese) — never ".;", never the same sentence five times."""
    seen = dict.fromkeys(t.strip().rstrip(_SENTENCE_END).rstrip() for t in texts)
    parts = [t for t in seen if t]
    return ("；" if lang.startswith("zh") else "; ").join(parts)


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
        Tile(s("avg_watch", lang), duration_words(h.avg_watch_seconds, lang)),
        Tile(s("new_followers", lang), fmt.count(h.new_followers)),
        Tile(
            s("roi", lang),
            fmt.ratio_x(h.roi),
            s("ad_spend", lang, spend=fmt.money_cents(h.ad_spend_cents, 0))
            if h.ad_spend_cents
            else "",
        ),
        Tile(s("viewers", lang), fmt.count(h.viewers), *_traffic_note(r, lang)),
        Tile(s("ctr", lang), fmt.rate(h.ctr)),
        Tile(s("cvr", lang), fmt.rate(h.cvr)),
        Tile(s("duration", lang), _dur(h.duration_s)),
    ]


def _traffic_note(r: Review, lang: str) -> tuple[str, str]:
    """The viewers tile's note and tone: total viewers against the traffic target."""
    h = r.headline
    if h.traffic_target <= 0:
        return s("no_traffic_target", lang), ""
    note = s(
        "of_traffic_target",
        lang,
        pct=fmt.pct(h.traffic_target_pct),
        target=fmt.count(h.traffic_target),
    )
    return note, "good" if (h.traffic_target_pct or 0) >= 100 else "bad"


# The word after a segment's title for what became of it in the rundown ("ran": none).
STATE_WORDS = {
    "cut": "seg.cut",
    "skipped": "skipped",
    "not_reached": "not_reached",
    "running": "seg.running",
}


def aside(text: str, lang: str) -> str:
    """A remark after a name: " (cut short)", or "（提前结束）" with Chinese brackets."""
    return f"（{text}）" if lang.startswith("zh") else f" ({text})"


def segment_title(g: SegmentRow, lang: str) -> str:
    """ "3. Title (cut short)" / "3. 标题（提前结束）": the row's name in every segment table."""
    title = f"{g.index + 1}. {g.title}"
    word = STATE_WORDS.get(g.state)
    return title + aside(s(word, lang), lang) if word else title


def segments(r: Review, lang: str) -> Table:
    rows, muted = [], set()
    for i, g in enumerate(r.segments):
        title = segment_title(g, lang)
        if not g.ran:  # greyed: no figures; a segment cut short keeps its figures and ink
            muted.add(i)
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


def segment_audience(r: Review, lang: str) -> Table:
    """Per segment, what it did for the room: people in and out, online viewers, follows and
    watch time — a lucky bag is judged by these, not by GMV alone."""
    rows, muted = [], set()
    for i, g in enumerate(r.segments):
        if not g.ran:
            muted.add(i)
        delta = DASH if g.online_delta is None else f"{g.online_delta:+,}"
        rows.append(
            (
                segment_title(g, lang),
                s(f"kind.{g.kind}", lang) if g.kind else DASH,
                fmt.count(g.entries),
                fmt.count(g.left),
                fmt.count(g.peak_online),
                fmt.count(g.avg_online),
                delta,
                fmt.count(g.new_followers),
                fmt.rate(g.follow_rate),
                duration_words(g.avg_watch_s, lang),
            )
        )
    keys = (
        "col.segment", "col.seg_kind", "col.gained", "col.lost", "col.peak", "col.avg_online",
        "col.online_change", "col.followers", "col.follow_rate", "col.avg_watch",
    )  # fmt: skip
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "ll" + "r" * 8,
        (3.2, 1.2, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 1.0, 1.2),
        muted=frozenset(muted),
    )


def channel_name(key: str, lang: str) -> str:
    """A traffic channel's name; a label the export used that no channel matches, as written."""
    from studio.traffic.channels import channel_label

    return channel_label(key, lang)


def channels(r: Review, lang: str) -> Table:
    """Traffic sources: entries and GMV per channel with their shares, spend and ROI."""
    rows = [
        (
            channel_name(c.key, lang),
            fmt.count(c.entries),
            fmt.rate(c.share),
            fmt.money_cents(c.gmv_cents, 0),
            fmt.rate(c.gmv_share),
            fmt.count(c.orders),
            fmt.money_cents(c.spend_cents, 0) if c.spend_cents else DASH,
            fmt.ratio_x(c.roi),
        )
        for c in r.channels
    ]
    keys = (
        "col.channel", "col.entries", "col.share", "col.gmv", "col.gmv_share", "col.orders",
        "col.spend", "col.roi",
    )  # fmt: skip
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "l" + "r" * 7,
        (2.4, 1.1, 0.9, 1.4, 1.0, 0.9, 1.2, 0.8),
    )


def _due(a: Action, lang: str) -> str:
    return s("due.next_show", lang) if a.due_at is None else _local(a.due_at, True)[:10]


def carried_actions(r: Review, lang: str) -> Table:
    """Actions from earlier reviews that concern this show, done or not (with what was done)."""
    rows, muted = [], set()
    for i, a in enumerate(r.carried):
        if a.done:
            state = s("action.done", lang)
        elif a.due_here:
            state = s("action.open", lang)
        else:
            state = s("action.later", lang)
            muted.add(i)
        rows.append((a.what, a.owner or DASH, a.origin_title, _due(a, lang), state, a.note or DASH))
    keys = ("col.action", "col.owner", "col.from_show", "col.due", "col.status", "col.notes")
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "llllll",
        (4.0, 1.2, 2.0, 1.3, 1.1, 2.4),
        muted=frozenset(muted),
    )


def review_actions(r: Review, lang: str) -> Table:
    """Actions decided in this review, to be checked at the next show (or by their date)."""
    rows = [
        (
            a.what,
            a.owner or DASH,
            _due(a, lang),
            s("action.done" if a.done else "action.open", lang),
        )
        for a in r.actions
    ]
    keys = ("col.action", "col.owner", "col.due", "col.status")
    return Table(tuple(s(k, lang) for k in keys), tuple(rows), "llll", (5.0, 1.4, 1.4, 1.2))


def funnel_note(step: FunnelStep, lang: str) -> str:
    """The rate of a step as it reads next to the bar, with why when it is above 100 %."""
    if step.rate is None:
        return ""
    text = s("f.rate", lang, rate=fmt.rate(step.rate))
    return f"{text} {s(step.note, lang)}" if step.note else text


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


def _period_time(start: datetime, end: datetime) -> str:
    """ "14:00:00–14:01:40": a period of one show; the date is in the report's heading."""
    return f"{_local(start)}–{_local(end)}"


def price_periods(r: Review, lang: str) -> Table:
    """Per product, when which price applied and what sold at it; a product with more than one
    period ends with its total (the periods add up to it)."""
    names = {p.sku: p.name for p in r.products}
    rows, bold = [], set()
    for sku, periods in r.price_periods.items():
        name = names.get(sku, sku)
        for i, p in enumerate(periods):
            rows.append(
                (
                    name if i == 0 else "",
                    _period_time(p.starts_at, p.ends_at),
                    fmt.money_cents(p.price_cents),
                    s("yes" if p.flash else "no", lang),
                    fmt.count(p.sold),
                    fmt.money_cents(p.gmv_cents, 0),
                )
            )
        if len(periods) > 1:
            bold.add(len(rows))
            rows.append(
                (
                    s("period.total", lang, product=name),
                    "",
                    "",
                    "",
                    fmt.count(_total([p.sold for p in periods])),
                    fmt.money_cents(_total([p.gmv_cents for p in periods]), 0),
                )
            )
    keys = ("col.product", "col.period", "col.price", "col.flash", "col.units", "col.gmv")
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "llrlrr",
        (3.2, 2.2, 1.2, 0.9, 0.9, 1.4),
        emphasis=frozenset(bold),
    )


def _total(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def change_value(field_name: str, value: Any, lang: str) -> str:
    """A product field's value as a change shows it: money, a time, a state word, a count."""
    if value is None:
        return DASH
    if field_name.endswith("_cents") and isinstance(value, int):
        return fmt.money_cents(value)
    if isinstance(value, datetime):
        return _local(value)
    if field_name == "state":
        return s(f"ps.{value}", lang)
    if isinstance(value, int):
        return fmt.count(value)
    return str(value)


def product_changes(r: Review, lang: str) -> Table:
    """The show's product changes, one row per change (a flash sale's price, quota and window
    set together are one row), oldest first."""
    names = {p.sku: p.name for p in r.products}
    groups: dict[tuple[str, str], list[HistoryEntry]] = {}
    for e in r.product_changes:
        groups.setdefault((e.op, e.sku), []).append(e)
    sep = "；" if lang.startswith("zh") else "; "
    rows = []
    for entries in groups.values():
        first = entries[0]
        what = ("、" if lang.startswith("zh") else ", ").join(
            s(f"pf.{e.field}", lang) for e in entries
        )
        if first.undoes:
            what += aside(s("undo", lang), lang)
        change = sep.join(
            f"{change_value(e.field, e.old, lang)} → {change_value(e.field, e.new, lang)}"
            for e in entries
        )
        rows.append(
            (
                _local(first.at),
                names.get(first.sku, first.sku),
                what,
                change,
                first.who or first.station or DASH,
                first.reason or DASH,
            )
        )
    keys = ("col.time", "col.product", "col.what", "col.change", "col.who", "col.reason")
    return Table(
        tuple(s(k, lang) for k in keys),
        tuple(rows),
        "llllll",
        (1.1, 2.4, 1.8, 3.0, 1.1, 2.0),
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
                t.title + (aside(s("this_show", lang), lang) if t.current else ""),
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
        median=duration_words(i.median_resolve_s, lang),
        max=duration_words(i.max_resolve_s, lang),
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


def incidents(r: Review, lang: str, wording: Wording = ENGLISH) -> Table:
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
                wording.incident(i) or DASH,
                duration_words(i.time_to_resolve_s, lang),
            )
        )
    keys = ("", "col.time", "col.category", "col.severity", "col.status", "col.text", "col.resolve")
    return Table(
        tuple(s(k, lang) if k else "#" for k in keys),
        tuple(rows),
        "llllllr",
        (0.5, 2.0, 1.0, 0.8, 1.0, 4.0, 1.2),
    )


def talkback(r: Review, lang: str) -> Table:
    """Messages to the anchor and rule firings, oldest first, with whether they were seen."""
    rows = []
    for m in r.talkback:
        off = m.at - r.start_ts if r.start_ts is not None else None
        when = _local(datetime.fromtimestamp(m.at).astimezone())
        if off is not None and off >= 0:
            when += f" (+{_dur(off)})"
        text = ("⚠ " if m.urgent else "") + m.text
        state = s(f"talk.{m.state}", lang) if m.state else DASH
        who = m.who if m.kind == "rule" else s(f"role.{m.who}", lang)
        rows.append((when, s(f"talk.{m.kind}", lang), who, text, state))
    keys = ("col.time", "col.talk_kind", "col.from", "col.text", "col.status")
    return Table(tuple(s(k, lang) for k in keys), tuple(rows), "lllll", (2.0, 1.0, 1.4, 4.0, 1.4))


def checks(r: Review, lang: str, wording: Wording = ENGLISH) -> Table:
    rows = [
        (
            plan_label("kind", c.kind, lang),
            _local(c.at, True),
            s(f"check.{c.status}", lang),
            join_notes([wording.finding(f) for f in c.findings] or c.problems, lang) or DASH,
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


# -- audience questions (studio.audience) ------------------------------------------------------


def _topic(t: str | None, lang: str) -> str:
    return s(f"topic.{t}", lang) if t else DASH


def questions_summary(r: Review, lang: str) -> Table:
    """Questions asked, answered, unanswered, ignored; response time p50 and p90."""
    q = r.questions
    assert q is not None
    rows = (
        (s("q.questions", lang), str(q.questions)),
        (s("q.answered", lang), str(q.answered)),
        (s("q.unanswered", lang), str(q.unanswered)),
        (s("q.ignored", lang), str(q.ignored)),
        (s("q.p50", lang), duration_words(q.response_p50_s, lang)),
        (s("q.p90", lang), duration_words(q.response_p90_s, lang)),
    )
    return Table((s("col.figure", lang), s("col.value", lang)), rows, "lr", (3.0, 1.5))


def top_questions(r: Review, lang: str) -> Table:
    """Per product, its most asked questions with how many viewers asked them."""
    q = r.questions
    assert q is not None
    rows = tuple(
        (t.product or t.sku or s("q.none", lang), t.text, str(t.count), _topic(t.topic, lang),
         s(f"q.status.{t.status}", lang))
        for t in q.top
    )  # fmt: skip
    keys = ("col.product", "col.question", "col.askers", "col.topic", "col.status")
    return Table(tuple(s(k, lang) for k in keys), rows, "llrll", (2.4, 4.0, 0.9, 1.2, 1.2))


def faq_next(r: Review, lang: str) -> Table:
    """Questions several viewers asked: candidates for the next script's FAQ, with the reply
    the desk gave."""
    q = r.questions
    assert q is not None
    rows = tuple((t.text, str(t.count), t.product or t.sku or DASH, t.reply or DASH) for t in q.faq)
    keys = ("col.question", "col.askers", "col.product", "col.reply")
    return Table(tuple(s(k, lang) for k in keys), rows, "lrll", (3.5, 0.9, 2.2, 4.0))


def segment_questions(r: Review, lang: str) -> Table:
    q = r.questions
    assert q is not None
    titles = {g.key: segment_title(g, lang) for g in r.segments}
    rows = tuple(
        (titles.get(key or "", key or DASH), str(n), str(done)) for key, n, done in q.per_segment
    )
    keys = ("col.segment", "q.questions", "q.answered")
    return Table(tuple(s(k, lang) for k in keys), rows, "lrr", (3.0, 1.0, 1.0))
