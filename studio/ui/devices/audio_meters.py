"""Live audio meters: per-channel peak / RMS bars with peak hold, and momentary loudness.

Painted by hand (QPainter) rather than with pyqtgraph: a few rectangles at 30 Hz, no plot
machinery. Nothing is painted while the widget is hidden.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.devices.audio.monitor import LevelSnapshot
from studio.ui.common.theme import FAIL, OK, WARN

MIN_DB = -60.0
TICKS = (-60, -48, -36, -24, -18, -12, -6, -3, 0)
HOLD_SECONDS = 1.5
FALL_DB_PER_S = 20.0
CLIP_HOLD_SECONDS = 2.0


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
        self.setMinimumHeight(self.sizeHint().height())
        self.setAccessibleName(self.tr("Audio level meters"))

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(420, max(96, 5 * fm.height() + 16))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.sizeHint().height())

    # -- data ------------------------------------------------------------------------------
    def set_levels(self, snap: LevelSnapshot) -> None:
        now = self._clock()
        n = max(1, min(2, snap.channels))
        if len(self._peak) != n:
            self._peak, self._rms = [MIN_DB] * n, [MIN_DB] * n
            self._hold, self._hold_at = [MIN_DB] * n, [now] * n
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
        fm = self.fontMetrics()
        w, h = self.width(), self.height()

        # Right: momentary loudness, big.
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 2.2)
        big.setBold(True)
        num_w = max(120, int(w * 0.26))
        num_rect = QRectF(w - num_w, 0, num_w, h)
        p.setFont(big)
        p.setPen(text)
        p.drawText(
            num_rect.adjusted(0, 0, 0, -h * 0.42),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            self.momentary_text,
        )
        p.setFont(self.font())
        p.setPen(dim)
        st = (
            "—"
            if not math.isfinite(self._short_term) or self._short_term < -70
            else f"{self._short_term:.1f}"
        )
        p.drawText(
            num_rect.adjusted(0, h * 0.58, 0, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            self.tr("LUFS momentary\nshort-term %1").replace("%1", st),
        )

        # Left: bars.
        label_w = fm.horizontalAdvance("R") + 10
        bars_left = label_w
        bars_right = w - num_w - 12
        bar_w = max(40, bars_right - bars_left)
        n = len(self._peak)
        scale_h = fm.height() + 4
        clip_h = fm.height() + 4
        avail = h - scale_h - clip_h - 8
        bar_h = max(10, min(28, (avail - 6 * (n - 1)) / n))
        y: float = clip_h + 4
        now = self._clock()
        names = ["L", "R"] if n == 2 else [self.tr("Mic")[:1] or "M"]
        for i in range(n):
            rect = QRectF(bars_left, y, bar_w, bar_h)
            p.fillRect(rect, track)
            # RMS: solid fill in zone colours; peak: lighter overlay.
            self._fill_zones(p, rect, self._peak[i], 110)
            self._fill_zones(p, rect, self._rms[i], 255)
            hold_x = bars_left + bar_w * _fraction(self._hold[i])
            if self._hold[i] > MIN_DB:
                p.fillRect(
                    QRectF(hold_x - 2, y, 3, bar_h), QColor(FAIL) if self._hold[i] > -1 else text
                )
            p.setPen(text)
            p.drawText(
                QRectF(0, y, label_w - 4, bar_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                names[i] if i < len(names) else str(i + 1),
            )
            y += bar_h + 6
        # Scale.
        p.setPen(dim)
        # Labels from the loud end down, each only where it does not touch the one before:
        # in a narrow dock the scale keeps 0 / -6 / -12 … readable instead of overprinting.
        free_until = float("inf")
        for t in reversed(TICKS):
            x = bars_left + bar_w * _fraction(t)
            p.drawLine(int(x), int(y - 3), int(x), int(y))
            label = str(t)
            tw = fm.horizontalAdvance(label)
            left = min(max(0, x - tw / 2), bars_right - tw)
            if left + tw + fm.horizontalAdvance(" ") > free_until:
                continue
            free_until = left
            p.drawText(
                QRectF(left, y, tw + 2, scale_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                label,
            )
        # Clip indicator: colour and a word.
        clip_rect = QRectF(bars_left, 0, fm.horizontalAdvance(self.tr("CLIP")) + 16, clip_h)
        if now - self._clip_at < CLIP_HOLD_SECONDS:
            p.fillRect(clip_rect, QColor(FAIL))
            p.setPen(QColor("#ffffff"))
            p.drawText(clip_rect, Qt.AlignmentFlag.AlignCenter, self.tr("CLIP"))
        p.setPen(dim)
        p.drawText(
            QRectF(clip_rect.right() + 8, 0, bar_w, clip_h),
            Qt.AlignmentFlag.AlignVCenter,
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
