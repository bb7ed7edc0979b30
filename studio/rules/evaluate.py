"""The evaluator: live figures in, firings out, each rule once per episode.

Pure and clocked: `Evaluator(rules, clock)`; `step(facts)` judges every rule on the figures as
they stand (`Facts`) at `clock()`. A rule fires when its condition holds while it is armed, and
disarms; it re-arms only once the condition no longer holds, by a margin (`Condition.cleared`:
2 % of the threshold), so a stock that hovers at 100 prompts the anchor once, and a flash sale
that is topped up and sells out again prompts again. An unknown figure (no such product, no
flash sale running) counts as "does not hold" and ends the episode.
"""

from __future__ import annotations

import re
import string
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from studio.rules.model import VIEWERS_DROP_WINDOW_S, Firing, Rule
from studio.timeutil import Clock, wall_clock


@dataclass(frozen=True)
class ProductFacts:
    sku: str
    name: str = ""
    stock_left: int | None = None
    stock_total: int | None = None
    quota_left: int | None = None  # the flash sale's (None: no flash sale started)
    quota: int | None = None
    sold_out: bool = False
    flash_ends_in: float | None = None  # seconds (None: no flash sale running)
    price: float | None = None  # yuan, what the buyer pays now


@dataclass(frozen=True)
class Facts:
    """Figures standing at one moment: the show's (segment_ends_in, overrun, lucky_bag_ends_in,
    gmv_pace, questions_waiting, online_viewers and the other metric totals) and per product;
    `featured` is the running segment's product (the default of a rule without `sku`)."""

    show: Mapping[str, float | None] = field(default_factory=dict)
    products: Mapping[str, ProductFacts] = field(default_factory=dict)
    featured: str | None = None


def _num(x: Any) -> Any:
    """A figure as people read it in a prompt: whole numbers without '.0', else one decimal."""
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, float):
        return round(x) if abs(x - round(x)) < 0.05 else round(x, 1)
    return x


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


_FIELD = re.compile(r"\{(\w+)(?::[^{}]*)?\}")


def render(template: str, figures: Mapping[str, Any]) -> str:
    """Fill `{stock_left}` and friends; an unknown or missing figure shows as '?' (a format
    that does not fit the value, '{stock_left:.1f}' of an unknown stock, is dropped)."""
    try:
        return string.Formatter().vformat(template, (), _Blank(figures))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):

        def plain(m: re.Match[str]) -> str:
            v = figures.get(m.group(1))
            return "?" if v is None else str(v)

        return _FIELD.sub(plain, template)


class Evaluator:
    def __init__(self, rules: Sequence[Rule], clock: Clock = wall_clock) -> None:
        self.rules = list(rules)
        self.clock = clock
        self._armed: dict[int, bool] = {i: True for i in range(len(self.rules))}
        self._viewers: deque[tuple[float, float]] = deque()

    def armed(self, rule: Rule) -> bool:
        return self._armed[self.rules.index(rule)]

    def _viewers_drop(self, now: float, online: float | None) -> float | None:
        if online is not None:
            self._viewers.append((now, float(online)))
        while self._viewers and self._viewers[0][0] < now - VIEWERS_DROP_WINDOW_S:
            self._viewers.popleft()
        if len(self._viewers) < 2 or online is None:
            return None
        peak = max(v for _, v in self._viewers)
        return 0.0 if peak <= 0 else max(0.0, (peak - float(online)) / peak * 100)

    def figures(self, rule: Rule, facts: Facts, drop: float | None) -> dict[str, Any]:
        """Everything a template of `rule` may name, as it stands now."""
        out: dict[str, Any] = {k: _num(v) for k, v in facts.show.items()}
        out["viewers_drop"] = _num(drop)
        sku = rule.sku or facts.featured
        p = facts.products.get(sku) if sku else None
        if p is not None:
            out.update(
                sku=p.sku,
                product=p.name or p.sku,
                stock_left=p.stock_left,
                quota_left=p.quota_left,
                sold_out=p.sold_out,
                flash_ends_in=_num(p.flash_ends_in),
                price=_num(p.price),
            )
        out["rule"] = rule.name
        out["threshold"] = _num(rule.when.value)
        return out

    def value(self, rule: Rule, facts: Facts, drop: float | None) -> float | None:
        name = rule.when.figure
        if name == "viewers_drop":
            return drop
        sku = rule.sku or facts.featured
        p = facts.products.get(sku) if sku else None
        if name == "sold_out":
            return None if p is None else float(p.sold_out)
        if name in ("stock_left", "quota_left", "flash_ends_in"):
            if p is None:
                return None
            if name == "flash_ends_in":
                return p.flash_ends_in
            left, total = (
                (p.stock_left, p.stock_total) if name == "stock_left" else (p.quota_left, p.quota)
            )
            if left is None:
                return None
            if rule.when.pct:
                return None if not total else left / total * 100
            return float(left)
        v = facts.show.get(name)
        return None if v is None else float(v)

    def step(self, facts: Facts) -> list[Firing]:
        """Judge every rule now; the firings of the rules that fire now, in rule order."""
        now = self.clock()
        drop = self._viewers_drop(now, facts.show.get("online_viewers"))
        fired: list[Firing] = []
        for i, rule in enumerate(self.rules):
            x = self.value(rule, facts, drop)
            if not rule.when.holds(x):
                if rule.when.cleared(x):
                    self._armed[i] = True
                continue
            if not self._armed[i]:
                continue
            self._armed[i] = False
            figs = self.figures(rule, facts, drop)
            figs["value"] = _num(x)
            fired.append(
                Firing(
                    rule=rule,
                    at=now,
                    value=x,
                    figures=figs,
                    text=render(rule.prompt, figs) if rule.prompt else "",
                    obs_text=render(rule.obs.text, figs) if rule.obs else "",
                )
            )
        return fired
