"""Live audio meters: per-channel peak / RMS bars with peak hold, and momentary loudness.

Painted by hand (QPainter) rather than with pyqtgraph: a few rectangles at 30 Hz, no plot
machinery. Nothing is painted while the widget is hidden.

Where everything goes is worked out for the widget's width by `meter_layout` (no painting), and
the widget is as tall as that layout needs: in a narrow dock the legend wraps onto more lines and
the loudness figures move under the bars, instead of the legend being cut off and the loudness
text running into the scale.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.devices.audio.monitor import LevelSnapshot
from studio.ui.common.theme import FAIL, OK, WARN

MIN_DB = -60.0
TICKS = (-60, -48, -36, -24, -18, -12, -6, -3, 0)
HOLD_SECONDS = 1.5
FALL_DB_PER_S = 20.0
CLIP_HOLD_SECONDS = 2.0
# Below this width the loudness figures go under the bars instead of beside them.
SIDE_BY_SIDE_MIN_W = 380
BIG_FONT = 2.2  # the momentary loudness figure, times the widget's font size
GAP = 6


@dataclass
class MeterLayout:
    """Where the meters' parts go in a widget `width` wide, and the `height` they need. Every
    text has its rectangle, sized to hold it (the tests check none is cut or overlaps)."""

    width: float
    height: float = 0.0
    clip: QRectF = field(default_factory=QRectF)
    legend: QRectF = field(default_factory=QRectF)
    bars: list[QRectF] = field(default_factory=list)
    names: list[QRectF] = field(default_factory=list)
    scale: list[tuple[QRectF, str, float]] = field(default_factory=list)  # rect, text, tick x
    scale_y: float = 0.0
    loudness: QRectF = field(default_factory=QRectF)  # the big momentary figure
    loudness_text: QRectF = field(default_factory=QRectF)  # "LUFS momentary / short-term"

    def texts(self) -> list[QRectF]:
        """Every rectangle text is drawn in."""
        return [
            self.clip,
            self.legend,
            *self.names,
            *(r for r, _t, _x in self.scale),
            self.loudness,
            self.loudness_text,
        ]


def meter_layout(
    width: float,
    fm: QFontMetrics,
    big: QFontMetrics,
    channels: int,
    legend: str,
    clip: str,
    loudness_lines: list[str],
) -> MeterLayout:
    """Lay the meters out in `width` pixels with the widget's font (`fm`) and the big loudness
    font (`big`): the CLIP box and the legend (wrapped) on top, one bar per channel, the dB
    scale under them (labels from 0 dB down, each only where it does not touch the one before),
    and the loudness figures beside the bars when there is room, else under the scale."""
    out = MeterLayout(width)
    line_h = fm.height()
    text_w = max(fm.horizontalAdvance(t) for t in loudness_lines)
    figure_w = big.horizontalAdvance("-00.0")
    side = width >= SIDE_BY_SIDE_MIN_W
    num_w = max(text_w, figure_w) + 2 * GAP if side else 0.0
    left_w = width - num_w
    clip_w = fm.horizontalAdvance(clip) + 16
    out.clip = QRectF(0, 0, clip_w, line_h + 4)
    flags = int(Qt.TextFlag.TextWordWrap)
    room = max(1.0, left_w - clip_w - GAP)
    need = fm.boundingRect(0, 0, int(room), 10_000, flags, legend)
    out.legend = QRectF(clip_w + GAP, 2, room, need.height())
    y = max(out.clip.bottom(), out.legend.bottom()) + 4
    name_w = fm.horizontalAdvance("R") + 10
    bar_w = max(40.0, left_w - name_w - GAP)
    bar_h = float(max(12, min(24, line_h + 4)))
    for _ in range(channels):
        out.bars.append(QRectF(name_w, y, bar_w, bar_h))
        out.names.append(QRectF(0, y, name_w - 4, bar_h))
        y += bar_h + GAP
    out.scale_y = y - GAP + 2
    right = name_w + bar_w
    free_until = float("inf")
    for t in reversed(TICKS):
        x = name_w + bar_w * _fraction(t)
        label = str(t)
        tw = fm.horizontalAdvance(label)
        left = min(max(0.0, x - tw / 2), right - tw)
        if left + tw + fm.horizontalAdvance(" ") > free_until:
            out.scale.append((QRectF(), "", x))  # a tick without a label
            continue
        free_until = left
        out.scale.append((QRectF(left, out.scale_y + 3, tw + 1, line_h), label, x))
    bottom = out.scale_y + 3 + line_h
    text_h = line_h * len(loudness_lines)
    if side:
        block = big.height() + text_h
        top = max(0.0, (bottom - block) / 2)
        out.loudness = QRectF(left_w, top, num_w, big.height())
        out.loudness_text = QRectF(left_w, top + big.height(), num_w, text_h)
        out.height = max(bottom, top + block) + 4
    else:
        top = bottom + GAP
        out.loudness = QRectF(0, top, figure_w + 2 * GAP, big.height())
        text_x = out.loudness.right() + GAP
        if text_x + text_w <= width:
            out.loudness_text = QRectF(text_x, top + (big.height() - text_h) / 2, text_w, text_h)
            out.height = top + max(big.height(), text_h) + 4
        else:
            out.loudness_text = QRectF(0, top + big.height(), width, text_h)
            out.height = top + big.height() + text_h + 4
    return out


def _fraction(db: float) -> float:
    if not math.isfinite(db):
        return 0.0
    return min(1.0, max(0.0, (db - MIN_DB) / -MIN_DB))


class AudioMeters(QWidget):
    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._peak: list[float] = [MIN_DB, MIN_DB]
        self._rms: list[float] = [MIN_DB, MIN_DB]
        self._hold: list[float] = [MIN_DB, MIN_DB]
        self._hold_at: list[float] = [0.0, 0.0]
        self._momentary = -math.inf
        self._short_term = -math.inf
        self._clip_at = -1e9
        self.painted = 0  # paint events, for tests of "hidden widgets skip painting"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Audio level meters"))
        self._layouts: dict[float, MeterLayout] = {}
        self.setFixedHeight(int(self.layout_for(420).height))

    def _big_font(self) -> QFont:
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * BIG_FONT)
        big.setBold(True)
        return big

    def _loudness_lines(self, short_term: str | None = None) -> list[str]:
        """The caption under the big figure; `short_term` defaults to the current figure."""
        if short_term is None:
            ok = math.isfinite(self._short_term) and self._short_term >= -70
            short_term = f"{self._short_term:.1f}" if ok else "—"
        return self.tr("LUFS momentary\nshort-term %1").replace("%1", short_term).split("\n")

    def layout_for(self, width: float) -> MeterLayout:
        """Where the parts go at `width` (cached for the current width)."""
        cached = self._layouts.get(width)
        if cached is not None:
            return cached
        layout = meter_layout(
            width,
            self.fontMetrics(),
            QFontMetrics(self._big_font()),
            len(self._peak),
            self.tr("dBFS  (bar: RMS · light: peak · line: peak hold)"),
            self.tr("CLIP"),
            self._loudness_lines("-00.0"),  # room for the widest figure
        )
        if len(self._layouts) > 4:
            self._layouts.clear()
        self._layouts[width] = layout
        return layout

    def sizeHint(self) -> QSize:
        return QSize(420, int(self.layout_for(420).height))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            self._layouts.clear()
            self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the layout for the current width needs (a narrow dock wraps the legend
        and puts the loudness under the bars)."""
        need = math.ceil(self.layout_for(self.width()).height)
        if need != self.height():
            self.setFixedHeight(need)

    # -- data ------------------------------------------------------------------------------
    def set_levels(self, snap: LevelSnapshot) -> None:
        now = self._clock()
        n = max(1, min(2, snap.channels))
        if len(self._peak) != n:
            self._peak, self._rms = [MIN_DB] * n, [MIN_DB] * n
            self._hold, self._hold_at = [MIN_DB] * n, [now] * n
            self._layouts.clear()
            self._fit_height()
        for i in range(n):
            p = snap.peak_dbfs[i] if i < len(snap.peak_dbfs) else MIN_DB
            self._peak[i] = p
            self._rms[i] = snap.rms_dbfs[i] if i < len(snap.rms_dbfs) else MIN_DB
            if p >= self._hold[i]:
                self._hold[i], self._hold_at[i] = p, now
            elif now - self._hold_at[i] > HOLD_SECONDS:
                fallen = self._hold[i] - FALL_DB_PER_S * (now - self._hold_at[i] - HOLD_SECONDS)
                self._hold[i] = max(p, fallen, MIN_DB)
        self._momentary = snap.momentary_lufs
        self._short_term = snap.short_term_lufs
        if snap.clipping:
            self._clip_at = now
        if self.isVisible():
            self.update()

    @property
    def peak_hold_dbfs(self) -> tuple[float, ...]:
        return tuple(self._hold)

    @property
    def momentary_text(self) -> str:
        return (
            "—"
            if not math.isfinite(self._momentary) or self._momentary < -70
            else f"{self._momentary:.1f}"
        )

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.isVisible():
            return
        self.painted += 1
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        track = pal.color(QPalette.ColorRole.Base)
        dim = QColor(pal.color(QPalette.ColorRole.PlaceholderText))
        lay = self.layout_for(self.width())
        now = self._clock()
        center = Qt.AlignmentFlag.AlignCenter

        # The momentary loudness, big, and its caption with the short-term figure.
        p.setFont(self._big_font())
        p.setPen(text)
        p.drawText(lay.loudness, center, self.momentary_text)
        p.setFont(self.font())
        p.setPen(dim)
        p.drawText(lay.loudness_text, center, "\n".join(self._loudness_lines()))

        names = ["L", "R"] if len(self._peak) == 2 else [self.tr("Mic")[:1] or "M"]
        for i, rect in enumerate(lay.bars):
            p.fillRect(rect, track)
            # RMS: solid fill in zone colours; peak: lighter overlay.
            self._fill_zones(p, rect, self._peak[i], 110)
            self._fill_zones(p, rect, self._rms[i], 255)
            if self._hold[i] > MIN_DB:
                hold_x = rect.left() + rect.width() * _fraction(self._hold[i])
                colour = QColor(FAIL) if self._hold[i] > -1 else text
                p.fillRect(QRectF(hold_x - 2, rect.top(), 3, rect.height()), colour)
            p.setPen(text)
            p.drawText(
                lay.names[i],
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                names[i] if i < len(names) else str(i + 1),
            )
        p.setPen(dim)
        for rect, label, x in lay.scale:
            p.drawLine(int(x), int(lay.scale_y), int(x), int(lay.scale_y + 3))
            if label:
                p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)
        # Clip indicator: colour and a word.
        if now - self._clip_at < CLIP_HOLD_SECONDS:
            p.fillRect(lay.clip, QColor(FAIL))
            p.setPen(QColor("#ffffff"))
            p.drawText(lay.clip, center, self.tr("CLIP"))
        p.setPen(dim)
        p.drawText(
            lay.legend,
            int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft),
            self.tr("dBFS  (bar: RMS · light: peak · line: peak hold)"),
        )
        p.end()

    @staticmethod
    def _fill_zones(p: QPainter, rect: QRectF, db: float, alpha: int) -> None:
        frac = _fraction(db)
        if frac <= 0:
            return
        zones = ((-18.0, OK), (-6.0, WARN), (0.0, FAIL))
        start = 0.0
        for edge, colour in zones:
            end = min(frac, _fraction(edge))
            if end > start:
                c = QColor(colour)
                c.setAlpha(alpha)
                p.fillRect(
                    QRectF(
                        rect.left() + rect.width() * start,
                        rect.top(),
                        rect.width() * (end - start),
                        rect.height(),
                    ),
                    c,
                )
            start = max(start, _fraction(edge))
            if frac <= start:
                break
