"""The report's charts as SVG strings: vector, self-contained, the same for HTML and PDF.

Hand-written on purpose: matplotlib is not in the stack, and these few chart types need only
rects, lines and text. Only SVG Tiny features are used (no CSS, no filters) so Qt's SVG
renderer draws them identically into the PDF.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

import numpy as np

from studio.metrics import fmt
from studio.metrics.axis import tick_labels
from studio.review.marks import incident_marks, widest_label
from studio.review.model import Breakdown, FunnelStep, Minutes, Review, TrendRow
from studio.review.strings import s, share_label

FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
BLUE = "#2563eb"
ORANGE = "#ea580c"
GREEN = "#16a34a"
SHADE = ("#eef2ff", "#f8fafc")
SEVERITY = {1: "#b3261e", 2: "#c2410c", 3: "#4b5563"}


def _t(
    x: float,
    y: float,
    text: str,
    size: float = 12,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "normal",
    font: str = FONT,
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{escape(font)}" font-size="{size}" '
        f'fill="{fill}" text-anchor="{anchor}" font-weight="{weight}">{escape(text)}</text>'
    )


def _open(w: int, h: int, background: str = "#ffffff") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{w}" height="{h}" viewBox="0 0 {w} {h}">'
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="{background}"/>'
    )


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] (1-2-5 steps)."""
    if not math.isfinite(lo) or not math.isfinite(hi):
        return [0.0]
    if hi <= lo:
        hi = lo + 1.0
    raw = (hi - lo) / max(1, n)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    ticks = [round(first, 10)]
    while ticks[-1] < hi:  # the last tick covers the maximum, so nothing is drawn off the axis
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def axis_labels(ticks: Sequence[float], lang: str) -> dict[float, str]:
    """Tick labels in the reader's units: 1.5万 in Chinese, 15k in English (studio.metrics.axis,
    the same as the live graphs)."""
    spacing = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    return dict(zip(ticks, tick_labels(ticks, spacing, lang.startswith("zh")), strict=True))


def timeline(r: Review, lang: str, w: int = 1000, h: int = 360, font: str = FONT) -> str:
    """Online viewers (line) over GMV per minute (bars), segments shaded, incidents marked."""
    out = [_open(w, h)]
    if r.start_ts is None or r.end_ts is None or r.end_ts <= r.start_ts:
        out.append(_t(w / 2, h / 2, s("no_data", lang), 14, "middle", MUTED, font=font))
        return "".join(out) + "</svg>"
    left, right, top = 64, 16, 34
    gap = 18
    bottom = 34
    ph = (h - top - bottom - gap) * 0.6
    bh = (h - top - bottom - gap) - ph
    pw = w - left - right
    t0, t1 = r.start_ts, r.end_ts
    span = t1 - t0

    def x(t: float) -> float:
        return left + (t - t0) / span * pw

    # segments shaded across both panels, numbered on top
    for i, seg in enumerate(r.segments):
        if seg.start_ts is None or seg.end_ts is None:
            continue
        xa, xb = x(max(t0, seg.start_ts)), x(min(t1, seg.end_ts))
        out.append(
            f'<rect x="{xa:.1f}" y="{top}" width="{max(0.5, xb - xa):.1f}" '
            f'height="{h - top - bottom:.1f}" fill="{SHADE[i % 2]}"/>'
        )
        if xb - xa >= 12:
            out.append(
                _t((xa + xb) / 2, top - 6, str(seg.index + 1), 10, "middle", MUTED, font=font)
            )
    # online viewers panel
    ts, v = r.online
    vmax = float(np.max(v)) if len(v) else 1.0
    ticks = nice_ticks(0, max(vmax, 1.0), 4)
    ymax = ticks[-1] or 1.0

    def y1(val: float) -> float:
        return top + ph - val / ymax * ph

    names = axis_labels(ticks, lang)
    for tk in ticks:
        out.append(
            f'<line x1="{left}" y1="{y1(tk):.1f}" x2="{w - right}" y2="{y1(tk):.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(_t(left - 6, y1(tk) + 4, names[tk], 10, "end", MUTED, font=font))
    if len(ts):
        pts = " ".join(f"{x(float(a)):.1f},{y1(float(b)):.1f}" for a, b in zip(ts, v, strict=True))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{BLUE}" stroke-width="1.6"/>')
    out.append(_t(left + 4, top + 12, s("chart.online", lang), 11, "start", BLUE, "bold", font))
    # GMV per minute panel
    by = top + ph + gap
    m = r.minutes
    g = np.nan_to_num(m.gmv_cents) / 100.0
    gmax = float(np.max(g)) if len(g) else 1.0
    gticks = nice_ticks(0, max(gmax, 1.0), 3)
    gtop = gticks[-1] or 1.0

    def y2(val: float) -> float:
        return by + bh - val / gtop * bh

    names = axis_labels(gticks, lang)
    for tk in gticks:
        out.append(
            f'<line x1="{left}" y1="{y2(tk):.1f}" x2="{w - right}" y2="{y2(tk):.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(_t(left - 6, y2(tk) + 4, "¥" + names[tk], 10, "end", MUTED, font=font))
    bw = max(0.6, pw * 60.0 / span - 0.6)
    for start, val in zip(m.start_ts, g, strict=True):
        if val <= 0:
            continue
        xa = x(float(start))
        out.append(
            f'<rect x="{xa:.1f}" y="{y2(float(val)):.1f}" width="{bw:.1f}" '
            f'height="{by + bh - y2(float(val)):.1f}" fill="{ORANGE}" fill-opacity="0.85"/>'
        )
    out.append(_t(left + 4, by + 12, s("chart.gmv_min", lang), 11, "start", ORANGE, "bold", font))
    # incidents: a line through both panels and a marker with their numbers; incidents closer
    # than a marker's width share one marker (the band shows the time they span)
    label_px = 6.2 * len(widest_label(len(r.incidents.items))) + 8
    for mark in incident_marks(r.incidents.items, t0, t1, pw, label_px):
        xi, xe = x(mark.at), x(mark.end)
        col = SEVERITY.get(mark.severity, MUTED)
        if xe - xi >= 1:
            out.append(
                f'<rect x="{xi:.1f}" y="{top}" width="{xe - xi:.1f}" height="{h - top - bottom}" '
                f'fill="{col}" fill-opacity="0.12"/>'
            )
        out.append(
            f'<line x1="{xi:.1f}" y1="{top}" x2="{xi:.1f}" y2="{h - bottom}" stroke="{col}" stroke-width="1.2" stroke-dasharray="4,3"/>'
        )
        lw = 6.2 * len(mark.label) + 6
        lx = min(max(left, xi - lw / 2), w - right - lw)
        out.append(
            f'<rect x="{lx:.1f}" y="{h - bottom + 2}" width="{lw:.1f}" height="14" fill="{col}"/>'
        )
        out.append(
            _t(lx + lw / 2, h - bottom + 13, mark.label, 10, "middle", "#ffffff", "bold", font)
        )
    # time axis: minutes since the start
    mticks = nice_ticks(0, span / 60.0, 8)
    for mt in mticks:
        xm = x(t0 + mt * 60)
        if mt * 60 > span + 1 or xm > w - right - 110:  # keep clear of the axis title
            continue
        out.append(
            f'<line x1="{xm:.1f}" y1="{h - bottom}" x2="{xm:.1f}" y2="{h - bottom + 4}" stroke="{MUTED}"/>'
        )
        out.append(_t(xm, h - 4, f"{mt:.0f}", 10, "middle", MUTED, font=font))
    out.append(_t(w - right, h - 4, s("chart.minutes", lang), 10, "end", MUTED, font=font))
    out.append(
        f'<line x1="{left}" y1="{h - bottom}" x2="{w - right}" y2="{h - bottom}" stroke="{MUTED}"/>'
    )
    return "".join(out) + "</svg>"


def funnel(
    steps: Sequence[FunnelStep], lang: str, w: int = 1000, h: int = 230, font: str = FONT
) -> str:
    out = [_open(w, h)]
    vals = [st.value or 0 for st in steps]
    top = max(vals) if vals and max(vals) > 0 else 1
    label_w, row_h = 190, (h - 10) / max(1, len(steps))
    bar_w = w - label_w - 260
    for i, st in enumerate(steps):
        y = 5 + i * row_h
        val = st.value or 0
        bw = max(2.0, val / top * bar_w)
        xa = label_w + (bar_w - bw) / 2
        out.append(
            _t(label_w - 10, y + row_h / 2 + 5, s(f"f.{st.key}", lang), 13, "end", INK, font=font)
        )
        out.append(
            f'<rect x="{xa:.1f}" y="{y + 4:.1f}" width="{bw:.1f}" height="{row_h - 8:.1f}" fill="{BLUE}" fill-opacity="{0.95 - i * 0.13:.2f}"/>'
        )
        out.append(
            _t(
                label_w + bar_w + 12,
                y + row_h / 2 + 5,
                fmt.count(st.value),
                13,
                "start",
                INK,
                "bold",
                font,
            )
        )
        if st.rate is not None:
            out.append(
                _t(
                    label_w + bar_w + 110,
                    y + row_h / 2 + 5,
                    s("f.rate", lang, rate=fmt.rate(st.rate)),
                    12,
                    "start",
                    MUTED,
                    font=font,
                )
            )
        if st.note:  # a step above 100 % says why, on a line of its own
            out.append(
                _t(
                    label_w + bar_w + 12,
                    y + row_h / 2 + 19,
                    s(st.note, lang),
                    10,
                    "start",
                    ORANGE,
                    font=font,
                )
            )
    return "".join(out) + "</svg>"


def scatter(m: Minutes, lang: str, w: int = 1000, h: int = 320, font: str = FONT) -> str:
    out = [_open(w, h)]
    ok = ~np.isnan(m.avg_online) & ~np.isnan(m.gmv_cents)
    xs, ys = m.avg_online[ok], m.gmv_cents[ok] / 100.0
    left, right, top, bottom = 70, 20, 30, 40
    pw, ph = w - left - right, h - top - bottom
    if len(xs) == 0:
        out.append(_t(w / 2, h / 2, s("no_data", lang), 14, "middle", MUTED, font=font))
        return "".join(out) + "</svg>"
    xt = nice_ticks(0, float(np.max(xs)) or 1.0, 6)
    yt = nice_ticks(0, float(np.max(ys)) or 1.0, 4)
    xmax, ymax = xt[-1] or 1.0, yt[-1] or 1.0

    def px(v: float) -> float:
        return left + v / xmax * pw

    def py(v: float) -> float:
        return top + ph - v / ymax * ph

    ynames, xnames = axis_labels(yt, lang), axis_labels(xt, lang)
    for tk in yt:
        out.append(
            f'<line x1="{left}" y1="{py(tk):.1f}" x2="{w - right}" y2="{py(tk):.1f}" stroke="{GRID}"/>'
        )
        out.append(_t(left - 6, py(tk) + 4, "¥" + ynames[tk], 10, "end", MUTED, font=font))
    for tk in xt:
        out.append(
            f'<line x1="{px(tk):.1f}" y1="{top}" x2="{px(tk):.1f}" y2="{top + ph}" stroke="{GRID}"/>'
        )
        out.append(_t(px(tk), h - bottom + 16, xnames[tk], 10, "middle", MUTED, font=font))
    for a, b in zip(xs, ys, strict=True):
        out.append(
            f'<circle cx="{px(float(a)):.1f}" cy="{py(float(b)):.1f}" r="3" fill="{BLUE}" fill-opacity="0.55"/>'
        )
    if m.correlation is not None and len(xs) >= 3:
        slope, icpt = np.polyfit(xs, ys, 1)
        x_lo, x_hi = float(np.min(xs)), float(np.max(xs))
        y_lo = min(max(slope * x_lo + icpt, 0.0), ymax)
        y_hi = min(max(slope * x_hi + icpt, 0.0), ymax)
        out.append(
            f'<line x1="{px(x_lo):.1f}" y1="{py(y_lo):.1f}" x2="{px(x_hi):.1f}" y2="{py(y_hi):.1f}" stroke="{ORANGE}" stroke-width="2"/>'
        )
    out.append(_t(left + (pw / 2), h - 6, s("chart.online", lang), 11, "middle", MUTED, font=font))
    out.append(_t(left + 4, top - 10, s("chart.gmv_min", lang), 11, "start", MUTED, font=font))
    return "".join(out) + "</svg>"


def trend(
    rows: Sequence[TrendRow], lang: str, w: int = 1000, h: int = 220, font: str = FONT
) -> str:
    out = [_open(w, h)]
    if not rows:
        return "".join(out) + "</svg>"
    left, right, top, bottom = 70, 20, 20, 40
    pw, ph = w - left - right, h - top - bottom
    vals = [r.gmv_cents / 100 for r in rows]
    yt = nice_ticks(0, max(vals) or 1.0, 4)
    ymax = yt[-1] or 1.0
    names = axis_labels(yt, lang)
    for tk in yt:
        y = top + ph - tk / ymax * ph
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        out.append(_t(left - 6, y + 4, "¥" + names[tk], 10, "end", MUTED, font=font))
    slot = pw / len(rows)
    for i, (row, val) in enumerate(zip(rows, vals, strict=True)):
        bh = val / ymax * ph
        xa = left + i * slot + slot * 0.2
        out.append(
            f'<rect x="{xa:.1f}" y="{top + ph - bh:.1f}" width="{slot * 0.6:.1f}" height="{bh:.1f}" fill="{ORANGE if row.current else BLUE}"/>'
        )
        when = row.started_at.astimezone().strftime("%m-%d") if row.started_at else f"#{row.id}"
        label = s("this_show", lang) if row.current else when
        out.append(
            _t(
                xa + slot * 0.3,
                h - bottom + 16,
                label,
                10,
                "middle",
                INK if row.current else MUTED,
                font=font,
            )
        )
        out.append(
            _t(
                xa + slot * 0.3,
                top + ph - bh - 4,
                fmt.money_cents(val * 100, 0),
                10,
                "middle",
                INK,
                font=font,
            )
        )
    return "".join(out) + "</svg>"


def shares(
    b: Breakdown,
    lang: str,
    w: int = 480,
    font: str = FONT,
    ink: str = INK,
    muted: str = MUTED,
    background: str = "#ffffff",
) -> str:
    """A breakdown as horizontal bars with their shares; the colours are the paper's unless a
    screen passes its own (the review panel's dark theme)."""
    row_h = 24
    h = 30 + row_h * len(b.rows)
    out = [
        _open(w, h, background),
        _t(0, 16, s(f"b.{b.key}", lang), 13, "start", ink, "bold", font),
    ]
    label_w, bar_w = 130, w - 130 - 60
    for i, (name, share) in enumerate(b.rows):
        y = 26 + i * row_h
        out.append(
            _t(label_w - 8, y + 15, share_label(b.key, name, lang), 11, "end", ink, font=font)
        )
        out.append(
            f'<rect x="{label_w}" y="{y + 4}" width="{max(1.0, share * bar_w):.1f}" height="{row_h - 8}" fill="{GREEN}"/>'
        )
        out.append(
            _t(label_w + share * bar_w + 6, y + 15, fmt.rate(share), 11, "start", muted, font=font)
        )
    return "".join(out) + "</svg>"


def shares_height(b: Breakdown) -> int:
    """The height `shares` draws `b` at (its width is the caller's)."""
    return 30 + 24 * len(b.rows)
