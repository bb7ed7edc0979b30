"""How numbers read on screen: ¥ with thousands separators, rates as % with one decimal."""

from __future__ import annotations

DASH = "—"


def money_cents(cents: float | None, decimals: int = 2) -> str:
    """12345600 -> '¥123,456.00'."""
    if cents is None:
        return DASH
    return f"¥{cents / 100:,.{decimals}f}"


def money_yuan(yuan: float | None, decimals: int = 2) -> str:
    if yuan is None:
        return DASH
    return f"¥{yuan:,.{decimals}f}"


def rate(fraction: float | None) -> str:
    """0.1234 -> '12.3%'."""
    if fraction is None:
        return DASH
    return f"{fraction * 100:.1f}%"


def pct(percent: float | None) -> str:
    """45.25 (already a percentage) -> '45.3%'."""
    if percent is None:
        return DASH
    return f"{percent:.1f}%"


def count(n: float | None) -> str:
    if n is None:
        return DASH
    return f"{round(n):,}"


def ratio_x(r: float | None) -> str:
    """ROI 3.456 -> '3.46'."""
    if r is None:
        return DASH
    return f"{r:.2f}"
