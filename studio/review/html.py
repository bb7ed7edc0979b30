"""The review as ONE self-contained HTML file: inline CSS and SVG, no external reference."""

from __future__ import annotations

from datetime import datetime
from html import escape

from studio.review import svg, tables
from studio.review.model import Review
from studio.review.strings import s
from studio.review.tables import Table

CSS = """
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --good:#15803d; --bad:#b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: var(--ink);
  font-family: "WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",
  "Segoe UI",sans-serif; font-size: 14px; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 28px 32px 48px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
.meta { color: var(--muted); margin: 0 0 4px; }
.meta b { color: var(--ink); font-weight: 600; margin-right: 4px; }
.banner { background: #fef3c7; color: #92400e; padding: 8px 12px; font-weight: 700; margin: 10px 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.tile .l { color: var(--muted); font-size: 13px; }
.tile .v { font-size: 22px; font-weight: 700; white-space: nowrap; }
.tile .n { font-size: 12px; color: var(--muted); }
.tile.good .n { color: var(--good); } .tile.bad .n { color: var(--bad); }
.tile.wide { grid-column: span 2; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { padding: 5px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { text-align: left; background: #f9fafb; font-weight: 600; white-space: nowrap; }
td.r, th.r { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.em td { font-weight: 700; } tr.mu td { color: var(--muted); }
.chart svg { width: 100%; height: auto; display: block; }
.note { color: var(--muted); margin: 6px 0; }
.cols { display: flex; flex-wrap: wrap; gap: 24px; } .cols > div { flex: 1 1 320px; }
.scroll { overflow-x: auto; }
@media print { body { background: #fff; } main { padding: 0; max-width: none; }
  h2 { break-after: avoid; } tr { break-inside: avoid; } .chart { break-inside: avoid; } }
"""


def table_html(t: Table) -> str:
    head = "".join(
        f'<th class="{"r" if a == "r" else "l"}">{escape(h)}</th>'
        for h, a in zip(t.headers, t.align, strict=True)
    )
    body = []
    for i, row in enumerate(t.rows):
        cls = " ".join(c for c, on in (("em", i in t.emphasis), ("mu", i in t.muted)) if on)
        cells = "".join(
            f'<td class="{"r" if a == "r" else "l"}">{escape(c)}</td>'
            for c, a in zip(row, t.align, strict=True)
        )
        body.append(f'<tr class="{cls}">{cells}</tr>' if cls else f"<tr>{cells}</tr>")
    return (
        f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _chart(svg_text: str) -> str:
    return f'<div class="chart">{svg_text}</div>'


def _none(lang: str) -> str:
    return f'<p class="note">{escape(s("none", lang))}</p>'


def render_html(
    r: Review,
    lang: str = "en",
    generated: datetime | None = None,
    wording: tables.Wording = tables.ENGLISH,
) -> str:
    """The whole review; `wording` puts incident texts and check notes in `lang` (the core
    knows only their English)."""
    when = (generated or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    parts: list[str] = []
    add = parts.append
    title = f"{s('report', lang)} · {r.show.title}"
    add(f"<h1>{escape(title)}</h1>")
    for k, v in tables.meta_lines(r, lang):
        add(f'<p class="meta"><b>{escape(k)}</b>{escape(v)}</p>')
    add(f'<p class="meta">{escape(s("generated", lang, at=when))}</p>')
    if r.show.is_rehearsal:
        add(f'<div class="banner">{escape(s("rehearsal", lang))}</div>')
    if not r.has_metrics:
        add(f'<div class="banner">{escape(s("no_data", lang))}</div>')

    add(f"<h2>{escape(s('sec.headline', lang))}</h2><div class='tiles'>")
    for i, tile in enumerate(tables.tiles(r, lang)):
        cls = " ".join(x for x in ("tile", tile.tone, "wide" if i == 0 else "") if x)
        note = f'<div class="n">{escape(tile.note)}</div>' if tile.note else ""
        add(
            f'<div class="{cls}"><div class="l">{escape(tile.label)}</div>'
            f'<div class="v">{escape(tile.value)}</div>{note}</div>'
        )
    add("</div>")

    trend_t = tables.trend(r, lang)
    if trend_t is not None:
        add(f"<h2>{escape(s('sec.trend', lang))}</h2>")
        add(_chart(svg.trend(r.trend, lang)))
        add(table_html(trend_t))

    add(f"<h2>{escape(s('sec.timeline', lang))}</h2>")
    add(_chart(svg.timeline(r, lang)))

    add(f"<h2>{escape(s('sec.segments', lang))}</h2>")
    add(table_html(tables.segments(r, lang)) if r.segments else _none(lang))
    if r.segments:
        add(f"<h2>{escape(s('sec.segment_audience', lang))}</h2>")
        add(table_html(tables.segment_audience(r, lang)))

    add(f"<h2>{escape(s('sec.products', lang))}</h2>")
    add(table_html(tables.products(r, lang)) if r.products else _none(lang))
    if r.has_price_periods:
        add(f"<h2>{escape(s('sec.price_periods', lang))}</h2>")
        add(table_html(tables.price_periods(r, lang)))
    if r.product_changes:
        add(f"<h2>{escape(s('sec.product_changes', lang))}</h2>")
        add(table_html(tables.product_changes(r, lang)))
    if r.talkback:
        add(f"<h2>{escape(s('sec.talkback', lang))}</h2>")
        add(table_html(tables.talkback(r, lang)))
    if r.questions is not None and r.questions.questions:
        add(f"<h2>{escape(s('sec.questions', lang))}</h2>")
        add(table_html(tables.questions_summary(r, lang)))
        add(f"<h3>{escape(s('sec.top_questions', lang))}</h3>")
        add(table_html(tables.top_questions(r, lang)))
        if r.questions.faq:
            add(f"<h3>{escape(s('sec.faq_next', lang))}</h3>")
            add(table_html(tables.faq_next(r, lang)))
        add(f"<h3>{escape(s('sec.segment_questions', lang))}</h3>")
        add(table_html(tables.segment_questions(r, lang)))

    add(f"<h2>{escape(s('sec.funnel', lang))}</h2>")
    add(_chart(svg.funnel(r.funnel, lang)))

    add(f"<h2>{escape(s('sec.scatter', lang))}</h2>")
    add(_chart(svg.scatter(r.minutes, lang)))
    add(f'<p class="note">{escape(tables.scatter_note(r, lang))}</p>')

    if r.channels:
        add(f"<h2>{escape(s('sec.channels', lang))}</h2>")
        add(table_html(tables.channels(r, lang)))
    if r.traffic or r.audience:
        add(f"<h2>{escape(s('sec.traffic', lang))} · {escape(s('sec.audience', lang))}</h2>")
        add('<div class="cols">')
        for b in (*r.traffic, *r.audience):
            add(f"<div>{_chart(svg.shares(b, lang))}</div>")
        add("</div>")

    add(f"<h2>{escape(s('sec.incidents', lang))}</h2>")
    if r.incidents.items:
        add(f'<p class="note">{escape(tables.incident_summary_line(r, lang))}</p>')
        add(table_html(tables.incident_matrix(r, lang)))
        add("<p></p>")
        add(table_html(tables.incidents(r, lang, wording)))
    else:
        add(_none(lang))

    add(f"<h2>{escape(s('sec.checks', lang))}</h2>")
    add(table_html(tables.checks(r, lang, wording)) if r.checks else _none(lang))

    add(f"<h2>{escape(s('sec.tasks', lang))}</h2>")
    if r.tasks:
        done = sum(1 for t in r.tasks if t.state in ("done", "late"))
        add(
            f'<p class="note">{escape(s("tasks.summary", lang, done=done, total=len(r.tasks)))}</p>'
        )
        add(table_html(tables.tasks(r, lang)))
    else:
        add(_none(lang))

    add(f"<h2>{escape(s('sec.crew', lang))}</h2>")
    add(table_html(tables.crew(r, lang)) if r.crew else _none(lang))

    add(f"<h2>{escape(s('sec.carried', lang))}</h2>")
    add(table_html(tables.carried_actions(r, lang)) if r.carried else _none(lang))
    add(f"<h2>{escape(s('sec.actions', lang))}</h2>")
    add(table_html(tables.review_actions(r, lang)) if r.actions else _none(lang))

    html_lang = "zh-CN" if lang.startswith("zh") else "en"
    return (
        f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f"<body><main>{''.join(parts)}</main></body></html>"
    )
