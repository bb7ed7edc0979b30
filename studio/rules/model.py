"""A rule: a condition on one live figure and what to do the moment it first holds.

    - name: 精华剩 100 单
      when: stock_left <= 100          # FIGURE OP NUMBER[% | s | m], or a bare `sold_out`
      sku: MZ-JH01                     # per-product figures; default: the segment's product
      prompt: 精华仅剩 {stock_left} 单，逼单！   # to the anchor's strip, live figures filled in
      urgent: true                     # the strip blinks
      banner: true                     # a banner in the control room
      obs: {source: 库存文字, text: "仅剩 {stock_left}"}   # set an OBS text source
      incident: product                # log an incident of that category

Figures (`FIGURES`): stock or flash-sale quota left (a number, or % of the stock / quota),
sold out, seconds until a flash sale / lucky bag / the segment ends, the segment's overrun, the
GMV pace as % of the target, the online viewers' drop in % over 2 minutes, questions waiting,
and any canonical metric (`studio.metrics.names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from studio.metrics import names


@dataclass(frozen=True)
class Figure:
    per_sku: bool = False
    unit: str = "count"  # count | s (seconds) | pct | bool
    pct: bool = False  # "≤ 10 %" is allowed (of the stock / quota)


FIGURES: Final[dict[str, Figure]] = {
    "stock_left": Figure(per_sku=True, pct=True),
    "quota_left": Figure(per_sku=True, pct=True),
    "sold_out": Figure(per_sku=True, unit="bool"),
    "flash_ends_in": Figure(per_sku=True, unit="s"),
    "lucky_bag_ends_in": Figure(unit="s"),
    "segment_ends_in": Figure(unit="s"),
    "overrun": Figure(unit="s"),
    "gmv_pace": Figure(unit="pct"),
    "viewers_drop": Figure(unit="pct"),
    "questions_waiting": Figure(),
}
OPS: Final = ("<=", ">=", "<", ">", "==")
VIEWERS_DROP_WINDOW_S: Final = 120.0
# A rule re-arms once its figure is back past the threshold by this share of it (2 %).
HYSTERESIS: Final = 0.02

_COND = re.compile(
    r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|<|>|==|≤|≥)\s*(-?\d+(?:\.\d+)?)\s*(%|s|m|min)?\s*$"
)


class ConditionError(ValueError):
    """A `when:` that cannot be read; the message says why."""


@dataclass(frozen=True)
class Condition:
    figure: str
    op: str = "=="
    value: float = 1.0
    pct: bool = False  # compare the figure as % of its total (stock, quota)

    def holds(self, x: float | None) -> bool:
        if x is None:
            return False  # unknown never holds: the rule stays armed or re-arms
        if self.op == "<=":
            return x <= self.value
        if self.op == ">=":
            return x >= self.value
        if self.op == "<":
            return x < self.value
        if self.op == ">":
            return x > self.value
        return x == self.value

    def cleared(self, x: float | None) -> bool:
        """The episode is over: the figure is unknown, or back past the threshold by the
        hysteresis margin (a stock that hovers at 100 ± 1 is one episode, not ten)."""
        if x is None:
            return True
        margin = abs(self.value) * HYSTERESIS
        if self.op in ("<=", "<"):
            return x > self.value + margin
        if self.op in (">=", ">"):
            return x < self.value - margin
        return not self.holds(x)

    def __str__(self) -> str:
        if FIGURES.get(self.figure, Figure()).unit == "bool":
            return self.figure
        num = int(self.value) if self.value == int(self.value) else self.value
        fig = FIGURES.get(self.figure, Figure())
        unit = "%" if self.pct or fig.unit == "pct" else "s" if fig.unit == "s" else ""
        return f"{self.figure} {self.op} {num}{unit}"


def figure_of(name: str) -> Figure | None:
    if name in FIGURES:
        return FIGURES[name]
    if names.is_known(name):
        return Figure()
    return None


def parse_condition(text: str) -> Condition:
    raw = " ".join(str(text).split())
    fig = figure_of(raw)
    if fig is not None and fig.unit == "bool":
        return Condition(raw)
    m = _COND.match(raw)
    if m is None:
        raise ConditionError(
            f"cannot read the condition {raw!r} (write e.g. 'stock_left <= 100', "
            "'quota_left <= 10%', 'segment_ends_in <= 60s' or 'sold_out')"
        )
    name, op, number, unit = m.groups()
    op = {"≤": "<=", "≥": ">="}.get(op, op)
    fig = figure_of(name)
    if fig is None:
        known = ", ".join([*FIGURES, "or a metric name"])
        raise ConditionError(f"unknown figure {name!r} (one of: {known})")
    value = float(number)
    if fig.unit == "bool":
        raise ConditionError(f"{name} is true or false: write just '{name}'")
    pct = False
    if unit == "%":
        if fig.unit != "pct" and not fig.pct:
            raise ConditionError(f"{name} cannot be compared in %")
        pct = fig.unit != "pct"
    elif unit in ("s", "m", "min"):
        if fig.unit != "s":
            raise ConditionError(f"{name} is not a time: drop the unit {unit!r}")
        value *= 60 if unit != "s" else 1
    return Condition(name, op, value, pct)


@dataclass(frozen=True)
class ObsText:
    source: str
    text: str


@dataclass(frozen=True)
class Rule:
    name: str
    when: Condition
    sku: str | None = None
    prompt: str = ""
    urgent: bool = False
    banner: bool = False
    obs: ObsText | None = None
    incident: str | None = None
    expires_s: float | None = None  # the prompt's life on the strip (None: the default)
    origin: str = ""  # FILE:LINE it was written at

    @property
    def actions(self) -> list[str]:
        out = []
        if self.prompt:
            out.append("prompt")
        if self.banner:
            out.append("banner")
        if self.obs is not None:
            out.append("obs")
        if self.incident:
            out.append("incident")
        return out


@dataclass(frozen=True)
class Firing:
    """One episode of a rule: when its condition first held, with the figures that made it."""

    rule: Rule
    at: float  # epoch seconds, the evaluator's clock
    value: float | None  # the figure the condition judged
    figures: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # the prompt with the live figures filled in
    obs_text: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule.name,
            "at": self.at,
            "when": str(self.rule.when),
            "value": self.value,
            "text": self.text,
            "figures": dict(self.figures),
            "actions": self.rule.actions,
        }
