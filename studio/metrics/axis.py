"""How big numbers read on a graph's axis: short, with the reader's own units.

A GMV axis printed in full ("4000000") is wider than the axis and runs into the plot; Chinese
readers count in 万 (10⁴) and 亿 (10⁸), English readers in k and M. One unit per axis (chosen from
its largest tick) so the labels compare at a glance, and as many decimals as the tick spacing
needs for neighbouring labels to differ.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# (size, suffix), largest first; an axis whose largest tick reaches `size` counts in it.
UNITS_ZH = ((1e8, "亿"), (1e4, "万"))
UNITS_EN = ((1e6, "M"), (1e4, "k"))
MAX_DECIMALS = 3


def _unit(values: Sequence[float], chinese: bool) -> tuple[float, str]:
    biggest = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    for size, suffix in UNITS_ZH if chinese else UNITS_EN:
        if biggest >= size:
            # "k" divides by a thousand even though an axis switches to it at ten thousand
            # (below that "5,000" reads better than "5k").
            return (1e3 if suffix == "k" else size), suffix
    return 1.0, ""


def _decimals(step: float) -> int:
    """The fewest decimals that write multiples of `step` exactly (2.5 -> 1, 0.25 -> 2)."""
    for d in range(MAX_DECIMALS + 1):
        if abs(round(step, d) - step) <= 1e-9 * max(1.0, step):
            return d
    return MAX_DECIMALS


def tick_labels(values: Sequence[float], spacing: float, chinese: bool) -> list[str]:
    """Labels for an axis's tick `values` that are `spacing` apart: thousands separators below
    the first unit, else the unit's suffix ("12.5万", "1,250k", "1.2M")."""
    size, suffix = _unit(values, chinese)
    step = abs(spacing) / size if math.isfinite(spacing) and spacing else 1.0
    decimals = _decimals(step)
    out = []
    for v in values:
        if not math.isfinite(v):
            out.append("")
            continue
        scaled = v / size
        if abs(scaled) < 0.5 * 10**-decimals:
            out.append("0")  # not "0.0万" or "-0"
            continue
        out.append(f"{scaled:,.{decimals}f}{suffix}")
    return out
