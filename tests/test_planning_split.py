"""Campaign targets split across shows: exact to the cent, proportional, or by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.planning.split import (
    SplitError,
    assign_shows,
    campaign_shares,
    create_campaign,
    largest_remainder,
    split_campaign,
)
from studio.store.models import Show
from studio.store.shows import create_show
from studio.store.store import Store


@given(
    st.integers(min_value=0, max_value=10**12),
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=30).filter(
        lambda w: sum(w) > 0
    ),
)
def test_shares_sum_exactly_and_stay_within_a_cent(total: int, weights: list[int]) -> None:
    """Largest remainder: the shares sum to the total and each is within 1 cent of its quota."""
    shares = largest_remainder(total, weights)
    assert sum(shares) == total
    for share, w in zip(shares, weights, strict=True):
        quota = Fraction(total * w, sum(weights))
        assert abs(share - quota) < 1
        assert share >= 0


def test_remainder_goes_to_the_largest_fractions() -> None:
    """¥1.00 over three equal shows is 34/33/33 (ties to the first); 10 over 1:2:2 is 2/4/4."""
    assert largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    assert largest_remainder(10, [1, 2, 2]) == [2, 4, 4]
    # 3.5 / 1.75 / 1.75: the two .75 remainders beat the .5 one
    assert largest_remainder(7, [0.5, 0.25, 0.25]) == [3, 2, 2]


@pytest.mark.parametrize(
    ("total", "weights", "message"),
    [
        (100, [0, 0], "every weight is zero"),
        (100, [1, -1], "negative"),
        (-1, [1], "negative"),
        (5, [], "nothing"),
    ],
)
def test_bad_splits_say_why(total: int, weights: list[float], message: str) -> None:
    """Zero, negative or missing weights are refused with a message."""
    with pytest.raises(SplitError, match=message):
        largest_remainder(total, weights)


def _campaign(store: Store) -> tuple[int, list[int]]:
    ids = [
        create_show(store, "双11 预热场", planned_seconds=3600, traffic_target=20_000),
        create_show(store, "双11 主场", planned_seconds=4 * 3600, traffic_target=100_000),
        create_show(store, "双11 返场", planned_seconds=2 * 3600, traffic_target=30_000),
    ]
    cid = create_campaign(store, "双11", 1_000_000_01)  # ¥1,000,000.01: an awkward cent
    assign_shows(store, cid, ids)
    return cid, ids


def test_proportional_split_by_planned_duration_is_stored(store: Store) -> None:
    """Split by planned duration (1:4:2): shares stored on the shows, summing to the target."""
    cid, ids = _campaign(store)
    lines = split_campaign(store, cid, weight="planned_seconds")
    shares = {ln.show_id: ln.share_cents for ln in lines}
    assert sum(shares.values()) == 1_000_000_01
    assert shares[ids[1]] == pytest.approx(4 * shares[ids[0]], abs=4)
    assert shares[ids[2]] == pytest.approx(2 * shares[ids[0]], abs=2)
    assert {ln.show_id: ln.share_cents for ln in campaign_shares(store, cid)} == shares
    with store.session() as s:
        assert s.get(Show, ids[0]).gmv_target_cents == 0  # targets untouched unless asked


def test_split_by_traffic_target_can_set_show_targets(store: Store) -> None:
    """With set_show_targets each show's GMV target becomes its share (20:100:30)."""
    cid, ids = _campaign(store)
    lines = split_campaign(store, cid, weight="traffic_target", set_show_targets=True)
    assert [ln.share_cents for ln in lines] == largest_remainder(1_000_000_01, [20, 100, 30])
    with store.session() as s:
        assert [s.get(Show, i).gmv_target_cents for i in ids] == [ln.share_cents for ln in lines]


def test_split_by_hand_must_cover_every_show_and_sum_to_the_target(store: Store) -> None:
    """Manual shares are stored as given; a wrong sum or a missing show is refused unchanged."""
    cid, ids = _campaign(store)
    with pytest.raises(SplitError, match=r"short by 0\.01"):
        split_campaign(
            store, cid, manual={ids[0]: 20_000_000, ids[1]: 60_000_000, ids[2]: 20_000_000}
        )
    with pytest.raises(SplitError, match="no share given"):
        split_campaign(store, cid, manual={ids[0]: 1_000_000_01})
    assert all(ln.share_cents == 0 for ln in campaign_shares(store, cid))
    lines = split_campaign(
        store, cid, manual={ids[0]: 20_000_000, ids[1]: 60_000_001, ids[2]: 20_000_000}
    )
    assert [ln.share_cents for ln in lines] == [20_000_000, 60_000_001, 20_000_000]


def test_split_cli(store: Store, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`studio plan campaign` + `studio plan split --json` split a target from the shell."""
    import json

    from studio.cli import main

    a = create_show(store, "A", planned_seconds=3600)
    b = create_show(store, "B", planned_seconds=7200)
    assert (
        main(
            [
                "--db",
                db_url,
                "plan",
                "campaign",
                "--name",
                "618",
                "--target",
                "300,000",
                "--shows",
                str(a),
                str(b),
            ]
        )
        == 0
    )
    cid = int(capsys.readouterr().out.strip())
    assert main(["--db", db_url, "plan", "split", "--campaign", str(cid), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [row["share_yuan"] for row in out] == [100_000, 200_000]
    assert (
        main(["--db", db_url, "plan", "split", "--campaign", str(cid), "--manual", f"{a}=1"]) == 1
    )
