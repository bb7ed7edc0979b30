"""The board's words and colours for a product's state and flags.

The words are the core's marked templates (`studio.products.changes.STATE_LABELS`,
`studio.products.flags.LABELS`, translated in findings_zh_CN.ts), rendered in the UI language
the way `studio.ui.common.texts` renders findings. A state is never colour alone: the chip
always carries its word.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from studio.metrics.fmt import money_cents
from studio.products.changes import STATE_LABELS
from studio.products.flags import LABELS as FLAG_LABELS
from studio.ui.common.texts import tr_message
from studio.ui.common.theme import FAIL, OFF, OK, WARN

PRESENTING: Final = "#0891b2"  # on air: stands out on the highlighted row, unlike the accent

STATE_COLOURS: Final = {
    "pending": OFF,
    "listed": OK,
    "presenting": PRESENTING,
    "sold_out": FAIL,
    "unlisted": "#4b5563",
}
PRESENTING_BG: Final = "#1f4e79"  # the rundown's current-row blue: "this one is on air"
# Flags that need a hand now (red) and those that are a heads-up (amber).
URGENT_FLAGS: Final = frozenset({"oversell", "below_floor", "sold_out"})


def state_word(state: str) -> str:
    template = STATE_LABELS.get(state)
    return state if template is None else tr_message(template())


def state_colour(state: str) -> str:
    return STATE_COLOURS.get(state, OFF)


def flag_word(flag: str) -> str:
    template = FLAG_LABELS.get(flag)
    return flag if template is None else tr_message(template())


def flag_words(flags: Iterable[str], sep: str) -> str:
    return sep.join(flag_word(f) for f in flags)


def flag_colour(flags: Iterable[str]) -> str | None:
    """Red when a flag needs a hand now, amber for a heads-up, None without flags."""
    found = set(flags)
    if not found:
        return None
    return FAIL if found & URGENT_FLAGS else WARN


def price_text(cents: int | None) -> str:
    """¥259 for whole yuan (the board is narrow), ¥129.90 otherwise."""
    if cents is None:
        return money_cents(None)
    return money_cents(cents, 0 if cents % 100 == 0 else 2)
