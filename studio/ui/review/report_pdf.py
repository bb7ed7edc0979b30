"""The review report as an A4 PDF through Qt's own PDF engine (QPdfWriter + QPainter).

Layout is done first as a list of pages of drawing operations, so the footer can say "page n of
N"; then everything is painted. Text is real PDF text in a CJK font chosen explicitly (never tofu);
charts are the same SVG as the HTML report, drawn as vectors by QSvgRenderer.
Safe to call from a worker thread once a QGuiApplication exists (`ensure_app` makes one
headless for the CLI).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSettings, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from studio import paths
from studio.review import svg, tables
from studio.review.model import Review
from studio.review.strings import s
from studio.review.tables import Table, Tile, Wording
from studio.ui.review.report_texts import wording as report_wording

__all__ = ["render_pdf", "report_wording", "saved_language"]

CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
)
DPI = 144
INK = QColor("#1f2937")
MUTED = QColor("#6b7280")
LINE = QColor("#e5e7eb")
HEAD_BG = QColor("#f3f4f6")
GOOD = QColor("#15803d")
BAD = QColor("#b91c1c")
BANNER = QColor("#fef3c7")
BANNER_INK = QColor("#92400e")

Op = Callable[[QPainter], None]
Progress = Callable[[int, str], None]


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a headless one (the CLI has no window)."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def saved_language() -> str | None:
    """The UI language the user chose in Preferences (None when never chosen); read without
    writing, so a report from the command line leaves the settings as they were."""
    settings = QSettings(str(paths.config_dir() / "studio.ini"), QSettings.Format.IniFormat)
    value = settings.value("ui/language", "", type=str)
    return str(value) or None


def cjk_family() -> str:
    families = set(QFontDatabase.families())
    for name in CJK_FAMILIES:
        if name in families:
            return name
    return QFont().defaultFamily()


class _Layout:
    def __init__(self, writer: QPdfWriter, family: str) -> None:
        self.family = family
        self.writer = writer
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.bottom = self.height - 40  # footer band
        self.pages: list[list[Op]] = [[]]
        self.y = 0.0

    # fonts ------------------------------------------------------------------------------------
    def font(self, pt: float, bold: bool = False) -> QFont:
        f = QFont(self.family)
        f.setFamilies([self.family, *CJK_FAMILIES])
        f.setPointSizeF(pt)
        f.setBold(bold)
        return f

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.writer)

    # paging -----------------------------------------------------------------------------------
    def op(self, fn: Op) -> None:
        self.pages[-1].append(fn)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0

    def need(self, h: float) -> None:
        if self.y + h > self.bottom and self.y > 0:
            self.new_page()

    # blocks -----------------------------------------------------------------------------------
    def text_height(self, text: str, font: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(font).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    def paragraph(
        self, text: str, pt: float = 9, colour: QColor = INK, bold: bool = False, gap: float = 6
    ) -> None:
        font = self.font(pt, bold)
        h = self.text_height(text, font, self.width)
        self.need(h)
        y = self.y

        def draw(p: QPainter) -> None:
            p.setFont(font)
            p.setPen(colour)
            p.drawText(QRectF(0, y, self.width, h + 2), int(Qt.TextFlag.TextWordWrap), text)

        self.op(draw)
        self.y += h + gap

    def heading(self, text: str) -> None:
        font = self.font(13, True)
        h = self.metrics(font).height()
        self.need(h + 120)  # never strand a heading at the bottom of a page
        y = self.y + 14

        def draw(p: QPainter) -> None:
            p.setFont(font)
            p.setPen(INK)
            p.drawText(QRectF(0, y, self.width, h), int(Qt.AlignmentFlag.AlignLeft), text)
            p.setPen(QPen(INK, 2))
            p.drawLine(0, int(y + h + 3), int(self.width), int(y + h + 3))

        self.op(draw)
        self.y = y + h + 12

    def banner(self, text: str) -> None:
        font = self.font(10, True)
        h = self.text_height(text, font, self.width - 20) + 12
        self.need(h)
        y = self.y

        def draw(p: QPainter) -> None:
            p.fillRect(QRectF(0, y, self.width, h), BANNER)
            p.setFont(font)
            p.setPen(BANNER_INK)
            p.drawText(
                QRectF(10, y + 6, self.width - 20, h - 12), int(Qt.TextFlag.TextWordWrap), text
            )

        self.op(draw)
        self.y += h + 8

    def tiles(self, items: list[Tile], per_row: int = 5) -> None:
        gap = 10.0
        w = (self.width - gap * (per_row - 1)) / per_row
        lf, vf, nf = self.font(8), self.font(14, True), self.font(7)
        h = (
            self.metrics(lf).height()
            + self.metrics(vf).height()
            + 2 * self.metrics(nf).height()
            + 16
        )
        for start in range(0, len(items), per_row):
            self.need(h)
            y = self.y
            for col, tile in enumerate(items[start : start + per_row]):
                x = col * (w + gap)

                def draw(p: QPainter, x: float = x, y: float = y, t: Tile = tile) -> None:
                    p.setPen(QPen(LINE, 1.5))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRoundedRect(QRectF(x, y, w, h), 6, 6)
                    inner = QRectF(x + 8, y + 6, w - 16, h - 12)
                    p.setFont(lf)
                    p.setPen(MUTED)
                    lh = self.metrics(lf).height()
                    p.drawText(QRectF(inner.x(), inner.y(), inner.width(), lh), 0, t.label)
                    p.setFont(vf)
                    p.setPen(INK)
                    vh = self.metrics(vf).height()
                    value = self.metrics(vf).elidedText(
                        t.value, Qt.TextElideMode.ElideRight, inner.width()
                    )
                    p.drawText(QRectF(inner.x(), inner.y() + lh, inner.width(), vh), 0, value)
                    if t.note:
                        p.setFont(nf)
                        p.setPen(GOOD if t.tone == "good" else BAD if t.tone == "bad" else MUTED)
                        p.drawText(
                            QRectF(
                                inner.x(),
                                inner.y() + lh + vh,
                                inner.width(),
                                inner.height() - lh - vh,
                            ),
                            int(Qt.TextFlag.TextWordWrap),
                            t.note,
                        )

                self.op(draw)
            self.y += h + gap

    def table(self, t: Table, pt: float = 7.5) -> None:
        font, bold = self.font(pt), self.font(pt, True)
        pad = 4.0
        total = sum(t.weights)
        widths = [self.width * wgt / total for wgt in t.weights]
        xs = [sum(widths[:i]) for i in range(len(widths))]
        wrap = int(Qt.TextFlag.TextWordWrap)

        def row_height(cells: tuple[str, ...], f: QFont) -> float:
            return (
                max(
                    self.text_height(c or " ", f, max(4.0, w - 2 * pad))
                    for c, w in zip(cells, widths, strict=True)
                )
                + 2 * pad
            )

        head_h = row_height(t.headers, bold)

        def header(y: float) -> Op:
            def draw(p: QPainter) -> None:
                p.fillRect(QRectF(0, y, self.width, head_h), HEAD_BG)
                p.setFont(bold)
                p.setPen(INK)
                for x, w, h, a in zip(xs, widths, t.headers, t.align, strict=True):
                    align = Qt.AlignmentFlag.AlignRight if a == "r" else Qt.AlignmentFlag.AlignLeft
                    p.drawText(
                        QRectF(x + pad, y + pad, w - 2 * pad, head_h - 2 * pad),
                        int(align) | wrap,
                        h,
                    )

            return draw

        self.need(head_h + 3 * self.metrics(font).height())
        self.op(header(self.y))
        self.y += head_h
        for i, row in enumerate(t.rows):
            f = bold if i in t.emphasis else font
            rh = row_height(row, f)
            if self.y + rh > self.bottom:
                self.new_page()
                self.op(header(self.y))
                self.y += head_h
            y = self.y
            colour = MUTED if i in t.muted else INK

            def draw(
                p: QPainter,
                y: float = y,
                row: tuple[str, ...] = row,
                f: QFont = f,
                rh: float = rh,
                colour: QColor = colour,
            ) -> None:
                p.setFont(f)
                p.setPen(colour)
                for x, w, c, a in zip(xs, widths, row, t.align, strict=True):
                    align = Qt.AlignmentFlag.AlignRight if a == "r" else Qt.AlignmentFlag.AlignLeft
                    p.drawText(
                        QRectF(x + pad, y + pad, w - 2 * pad, rh - 2 * pad), int(align) | wrap, c
                    )
                p.setPen(QPen(LINE, 1))
                p.drawLine(0, int(y + rh), int(self.width), int(y + rh))

            self.op(draw)
            self.y += rh
        self.y += 10

    def chart(self, svg_text: str, aspect: float, width_frac: float = 1.0) -> None:
        data = QByteArray(svg_text.replace(svg.FONT, self.family).encode("utf-8"))
        w = self.width * width_frac
        h = w / aspect
        self.need(h)
        y = self.y

        def draw(p: QPainter) -> None:
            renderer = QSvgRenderer(data)
            renderer.render(p, QRectF(0, y, w, h))

        self.op(draw)
        self.y += h + 8

    def chart_row(self, charts: list[tuple[str, float]]) -> None:
        """Up to two charts side by side."""
        gap = 16.0
        w = (self.width - gap) / 2
        h = max(w / aspect for _, aspect in charts)
        self.need(h)
        y = self.y
        for i, (text, aspect) in enumerate(charts):
            data = QByteArray(text.replace(svg.FONT, self.family).encode("utf-8"))
            x = i * (w + gap)

            def draw(
                p: QPainter, data: QByteArray = data, x: float = x, ch: float = w / aspect
            ) -> None:
                QSvgRenderer(data).render(p, QRectF(x, y, w, ch))

            self.op(draw)
        self.y += h + 8


def _table_or_none(lay: _Layout, lang: str, t: Table | None, pt: float = 8) -> None:
    if t is not None and t.rows:
        lay.table(t, pt)
    else:
        lay.paragraph(s("none", lang), 9, MUTED)


def _sections(lay: _Layout, r: Review, lang: str, generated: str, wording: Wording) -> None:
    lay.paragraph(f"{s('report', lang)} · {r.show.title}", 17, INK, True, 4)
    meta = "    ".join(f"{k}: {v}" for k, v in tables.meta_lines(r, lang))
    lay.paragraph(meta, 8.5, MUTED, gap=2)
    lay.paragraph(s("generated", lang, at=generated), 8, MUTED)
    if r.show.is_rehearsal:
        lay.banner(s("rehearsal", lang))
    if not r.has_metrics:
        lay.banner(s("no_data", lang))
    lay.heading(s("sec.headline", lang))
    lay.tiles(tables.tiles(r, lang))
    trend_t = tables.trend(r, lang)
    if trend_t is not None:
        lay.heading(s("sec.trend", lang))
        lay.chart(svg.trend(r.trend, lang), 1000 / 220)
        lay.table(trend_t)
    lay.heading(s("sec.timeline", lang))
    lay.chart(svg.timeline(r, lang), 1000 / 360)
    lay.heading(s("sec.segments", lang))
    _table_or_none(lay, lang, tables.segments(r, lang) if r.segments else None, 7)
    if r.segments:
        lay.heading(s("sec.segment_audience", lang))
        lay.table(tables.segment_audience(r, lang), 7)
    lay.heading(s("sec.products", lang))
    _table_or_none(lay, lang, tables.products(r, lang) if r.products else None, 7.5)
    if r.has_price_periods:
        lay.heading(s("sec.price_periods", lang))
        lay.table(tables.price_periods(r, lang), 7.5)
    if r.product_changes:
        lay.heading(s("sec.product_changes", lang))
        lay.table(tables.product_changes(r, lang), 7.5)
    if r.talkback:
        lay.heading(s("sec.talkback", lang))
        lay.table(tables.talkback(r, lang), 7.5)
    if r.questions is not None and r.questions.questions:
        lay.heading(s("sec.questions", lang))
        lay.table(tables.questions_summary(r, lang), 7.5)
        lay.heading(s("sec.top_questions", lang))
        lay.table(tables.top_questions(r, lang), 7.5)
        if r.questions.faq:
            lay.heading(s("sec.faq_next", lang))
            lay.table(tables.faq_next(r, lang), 7.5)
        lay.heading(s("sec.segment_questions", lang))
        lay.table(tables.segment_questions(r, lang), 7.5)
    lay.heading(s("sec.funnel", lang))
    lay.chart(svg.funnel(r.funnel, lang), 1000 / 230)
    lay.heading(s("sec.scatter", lang))
    lay.chart(svg.scatter(r.minutes, lang), 1000 / 320)
    lay.paragraph(tables.scatter_note(r, lang), 9, MUTED)
    if r.channels:
        lay.heading(s("sec.channels", lang))
        lay.table(tables.channels(r, lang), 8)
    if r.traffic or r.audience:
        lay.heading(f"{s('sec.traffic', lang)} · {s('sec.audience', lang)}")
        charts = [
            (svg.shares(b, lang), 480 / svg.shares_height(b)) for b in (*r.traffic, *r.audience)
        ]
        for i in range(0, len(charts), 2):
            lay.chart_row(charts[i : i + 2])
    lay.heading(s("sec.incidents", lang))
    if r.incidents.items:
        lay.paragraph(tables.incident_summary_line(r, lang), 9, MUTED)
        lay.table(tables.incident_matrix(r, lang), 8)
        lay.table(tables.incidents(r, lang, wording), 8)
    else:
        lay.paragraph(s("none", lang), 9, MUTED)
    lay.heading(s("sec.checks", lang))
    _table_or_none(lay, lang, tables.checks(r, lang, wording) if r.checks else None)
    lay.heading(s("sec.tasks", lang))
    if r.tasks:
        done = sum(1 for t in r.tasks if t.state in ("done", "late"))
        lay.paragraph(s("tasks.summary", lang, done=done, total=len(r.tasks)), 9, MUTED)
        lay.table(tables.tasks(r, lang), 8)
    else:
        lay.paragraph(s("none", lang), 9, MUTED)
    lay.heading(s("sec.crew", lang))
    _table_or_none(lay, lang, tables.crew(r, lang) if r.crew else None, 8.5)
    lay.heading(s("sec.carried", lang))
    _table_or_none(lay, lang, tables.carried_actions(r, lang) if r.carried else None)
    lay.heading(s("sec.actions", lang))
    _table_or_none(lay, lang, tables.review_actions(r, lang) if r.actions else None)


def render_pdf(
    review: Review,
    path: str | Path,
    lang: str = "en",
    *,
    generated: datetime | None = None,
    progress: Progress | None = None,
    wording: Wording | None = None,
) -> int:
    """Write the report to `path` (A4); returns the number of pages. The file appears complete
    or not at all (written to a temporary name, then renamed). Incident texts and check notes
    are put in `lang` from their translation keys unless `wording` says otherwise."""
    ensure_app()
    if wording is None:
        wording = report_wording(lang)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    when = (generated or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(DPI)
    writer.setTitle(f"{s('report', lang)} · {review.show.title}")
    writer.setCreator("studio")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    family = cjk_family()
    lay = _Layout(writer, family)
    if progress:
        progress(10, "layout")
    _sections(lay, review, lang, when, wording)
    total = len(lay.pages)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        foot_font = lay.font(7.5)
        for n, ops in enumerate(lay.pages, start=1):
            if n > 1:
                writer.newPage()
            for op in ops:
                op(painter)
            painter.setFont(foot_font)
            painter.setPen(MUTED)
            band = QRectF(0, lay.height - 22, lay.width, 20)
            painter.drawText(
                band, int(Qt.AlignmentFlag.AlignLeft), f"{review.show.title} · {s('report', lang)}"
            )
            painter.drawText(
                band, int(Qt.AlignmentFlag.AlignRight), s("page", lang, n=n, total=total)
            )
            if progress:
                progress(10 + int(85 * n / total), "page")
    finally:
        painter.end()
    del writer
    os.replace(tmp, target)
    if progress:
        progress(100, "done")
    return total
