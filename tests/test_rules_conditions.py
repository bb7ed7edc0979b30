"""Each rule condition on an injected clock: it fires once when it first holds, stays quiet
while it keeps holding, re-arms only after it clears, and fires again on the next episode."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from clock import FakeClock

from studio.rules.evaluate import Evaluator, Facts, ProductFacts, render
from studio.rules.model import ConditionError, Rule, parse_condition

SKU = "MZ-JH01"


def product(**kw: object) -> Facts:
    p = ProductFacts(sku=SKU, name="焕亮精华", **kw)  # type: ignore[arg-type]
    return Facts(show={}, products={SKU: p}, featured=SKU)


def show(**kw: float | None) -> Facts:
    return Facts(show=dict(kw), products={}, featured=None)


# (condition, facts that hold, facts that do not)
CASES: list[tuple[str, Callable[[], Facts], Callable[[], Facts]]] = [
    ("stock_left <= 100", lambda: product(stock_left=95, stock_total=800),
     lambda: product(stock_left=150, stock_total=800)),
    ("stock_left <= 10%", lambda: product(stock_left=70, stock_total=800),
     lambda: product(stock_left=90, stock_total=800)),
    ("quota_left <= 20", lambda: product(quota_left=12, quota=300),
     lambda: product(quota_left=40, quota=300)),
    ("quota_left <= 5%", lambda: product(quota_left=10, quota=300),
     lambda: product(quota_left=100, quota=300)),
    ("sold_out", lambda: product(sold_out=True), lambda: product(sold_out=False)),
    ("flash_ends_in <= 30s", lambda: product(flash_ends_in=25.0),
     lambda: product(flash_ends_in=None)),
    ("lucky_bag_ends_in <= 10s", lambda: show(lucky_bag_ends_in=8.0),
     lambda: show(lucky_bag_ends_in=50.0)),
    ("segment_ends_in <= 1m", lambda: show(segment_ends_in=45.0),
     lambda: show(segment_ends_in=200.0)),
    ("overrun > 30s", lambda: show(overrun=31.0), lambda: show(overrun=0.0)),
    ("gmv_pace < 80%", lambda: show(gmv_pace=72.5), lambda: show(gmv_pace=95.0)),
    ("questions_waiting > 5", lambda: show(questions_waiting=6.0),
     lambda: show(questions_waiting=2.0)),
    ("online_viewers >= 5000", lambda: show(online_viewers=5200.0),
     lambda: show(online_viewers=4000.0)),
]  # fmt: skip


@pytest.mark.parametrize(("when", "holds", "clear"), CASES, ids=[c[0] for c in CASES])
def test_condition_fires_once_and_rearms_after_clearing(
    when: str, holds: Callable[[], Facts], clear: Callable[[], Facts]
) -> None:
    """Fires on the first holding step at the clock's time, not again while it holds, and
    again only after a step where it did not hold."""
    clock = FakeClock()
    ev = Evaluator([Rule("r", parse_condition(when), prompt="p {value}")], clock)
    assert ev.step(clear()) == []
    clock.advance(1)
    first = ev.step(holds())
    assert [f.at for f in first] == [clock.t]
    for _ in range(3):
        clock.advance(1)
        assert ev.step(holds()) == []
    clock.advance(1)
    assert ev.step(clear()) == []
    clock.advance(1)
    again = ev.step(holds())
    assert len(again) == 1 and again[0].at == clock.t


def test_viewers_drop_over_two_minutes_uses_the_clock() -> None:
    """A 25 % fall from the 2-minute peak fires; the same fall spread past the window does not."""
    clock = FakeClock()
    ev = Evaluator([Rule("drop", parse_condition("viewers_drop > 20%"), banner=True)], clock)
    assert ev.step(show(online_viewers=4000.0)) == []
    clock.advance(60)
    fired = ev.step(show(online_viewers=3000.0))
    assert len(fired) == 1 and fired[0].value == pytest.approx(25.0)
    # Slow decline: each 2-minute window sees less than 20 %.
    clock2 = FakeClock()
    slow = Evaluator([Rule("drop", parse_condition("viewers_drop > 20%"), banner=True)], clock2)
    v = 4000.0
    for _ in range(20):
        assert slow.step(show(online_viewers=v)) == []
        clock2.advance(60)
        v *= 0.95


def test_unknown_figure_counts_as_not_holding() -> None:
    """A rule on a product the show does not have never fires and keeps its arm."""
    ev = Evaluator([Rule("r", parse_condition("stock_left <= 5"), sku="NOPE", prompt="x")])
    assert ev.step(product(stock_left=1, stock_total=10)) == []


def test_prompt_template_gets_live_figures() -> None:
    """The prompt names the product and the stock left when it fired; unknown fields show '?'."""
    rule = Rule("r", parse_condition("stock_left <= 100"), prompt="{product}仅剩 {stock_left} 单")
    fired = Evaluator([rule], FakeClock()).step(product(stock_left=99, stock_total=800))
    assert fired[0].text == "焕亮精华仅剩 99 单"
    assert fired[0].figures["stock_left"] == 99
    assert render("{nope} left", {}) == "? left"


@pytest.mark.parametrize(
    "text", ["stock <= 3", "stock_left <= ", "sold_out <= 3", "overrun <= 10%", "gmv_pace < 5s"]
)
def test_unreadable_conditions_are_refused(text: str) -> None:
    """A condition with an unknown figure, no number or a wrong unit is an error, not a guess."""
    with pytest.raises(ConditionError):
        parse_condition(text)


def test_hovering_at_the_threshold_is_one_episode() -> None:
    """GMV pace wobbling 79.5 / 80.3 / 79.0 % around "< 80%" fires once; it re-arms only once
    back above 81.6 % (2 % of the threshold), and then fires again."""
    clock = FakeClock()
    ev = Evaluator([Rule("pace", parse_condition("gmv_pace < 80%"), banner=True)], clock)
    fired = []
    for pace in (85.0, 79.5, 80.3, 79.0, 81.5, 79.9, 82.0, 79.0):
        clock.advance(5)
        fired += [f.value for f in ev.step(show(gmv_pace=pace))]
    assert fired == [79.5, 79.0]
