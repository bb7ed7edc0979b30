"""Curve items that redraw as little as a 1 Hz dashboard needs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg

from studio.metrics.series import F64, min_max_decimate


class TailedCurve:
    """One series drawn as two curve items: the settled samples up to a split time (set again
    only when they change: every scroll step, or when a late sample lands) and the newest
    ones after it. A 1 Hz refresh then dirties only the tail's sliver at the right end, and Qt
    repaints that sliver instead of the whole graph."""

    def __init__(self, plot: Any, **opts: Any) -> None:
        self.body = pg.PlotCurveItem(**opts)
        self.tail = pg.PlotCurveItem(**opts)
        for curve in (self.body, self.tail):
            # Sample values are finite by construction (the parser refuses NaN and inf):
            # skipping pyqtgraph's per-paint finite scans of every point saves ~1 ms a refresh.
            curve.setSkipFiniteCheck(True)
        plot.addItem(self.body)
        plot.addItem(self.tail)
        self._key: tuple[Any, ...] | None = None
        self._drawn: tuple[F64, F64] = (np.empty(0), np.empty(0))

    def set(self, x: F64, y: F64, split: float, bins: int) -> None:
        i = int(np.searchsorted(x, split, side="right"))
        bx, by = x[:i], y[:i]
        key = (len(bx), bins, float(bx[0]) if i else 0.0, float(bx[-1]) if i else 0.0, by.sum())
        if key != self._key:
            self._key = key
            bx, by = min_max_decimate(bx, by, bins)
            if len(bx):
                self.body.setData(bx, by)
            else:
                self.body.clear()
        else:
            bx, by = self.body.getData() if i else (np.empty(0), np.empty(0))
        # The tail starts at the body's last sample, so the line is unbroken.
        j = max(i - 1, 0)
        if len(x) > j:
            self.tail.setData(x[j:], y[j:])
        else:
            self.tail.clear()
        self._drawn = (
            np.concatenate((bx, x[i:])) if i else x,
            np.concatenate((by, y[i:])) if i else y,
        )

    def getData(self) -> tuple[F64, F64]:
        """What is drawn: body and tail together (after decimation)."""
        return self._drawn


class PlainCurves:
    """setData for plain curve items, skipped when the arrays are what the curve already shows
    (setData re-measures and re-lays the item even then)."""

    def __init__(self) -> None:
        self._shown: dict[int, tuple[F64, F64]] = {}

    def forget(self) -> None:
        self._shown = {}

    def set(self, curve: Any, x: F64, y: F64, **kw: Any) -> None:
        shown = self._shown.get(id(curve))
        if (
            shown is not None
            and np.array_equal(shown[0], x)
            and np.array_equal(shown[1], y, equal_nan=True)
        ):
            return
        if len(y):
            curve.setData(x, y, **kw)
        else:
            curve.clear()  # (a step curve refuses empty arrays)
        self._shown[id(curve)] = (np.array(x, copy=True), np.array(y, copy=True))


def top(values: F64) -> float:
    """The highest value, 0 for none."""
    return float(values.max()) if len(values) else 0.0
