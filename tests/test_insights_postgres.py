"""Insights, traffic imports and review actions on PostgreSQL: the driver-level statements
(boundary probes, last values) and the one-transaction imports work there too."""

from __future__ import annotations

import csv
from datetime import UTC
from pathlib import Path

import pytest
from pg_server import pg_server, pg_url  # noqa: F401 - fixtures (rootdir conftest puts tests/ on sys.path)
from test_insights_shows import shows  # noqa: F401 - the same stored shows, on PostgreSQL

from studio.planning.review_actions import actions_for_show, add_action, readiness_item
from studio.review.insights_load import load_insights
from studio.review.load import build_review
from studio.store.store import Store
from studio.traffic.imports import ImportRefused, import_traffic

pytestmark = pytest.mark.postgres


@pytest.fixture
def store(pg_url: str):  # type: ignore[no-untyped-def]  # noqa: F811
    s = Store.open(pg_url)
    yield s
    s.close()


def test_insights_by_hand_on_postgres(store: Store, shows: dict[str, int]) -> None:  # noqa: F811
    """The hand-computed slot, product, segment-kind and anchor figures hold on PostgreSQL."""
    ins = load_insights(store, tz=UTC)
    assert ins.shows == 3 and ins.hours == pytest.approx(6)
    kinds = {k.kind: k for k in ins.kinds}
    assert kinds["lucky_bag"].new_followers == 140
    assert kinds["product"].gmv_per_minute_cents == pytest.approx(845_000 / 145)
    a1 = next(p for p in ins.products if p.sku == "A1")
    assert (a1.orders, a1.stock, a1.gmv_cents) == (58, 200, 580_000)
    assert {a.name: a.shows for a in ins.anchors} == {"小美": 2, "阿强": 2}


def test_imports_and_actions_on_postgres(
    store: Store,
    shows: dict[str, int],  # noqa: F811
    tmp_path: Path,
) -> None:
    """A traffic export imports (and a broken one writes nothing); an action carries over."""
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(
            [
                ["渠道", "进入人数", "成交金额", "消耗"],
                ["推荐", 800, 1000, ""],
                ["千川", 200, 3000, 1000],
            ]
        )
    one = shows["one"]
    assert import_traffic(store, one, path).sources == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("渠道,进入人数\n搜索,x\n", encoding="utf-8")
    with pytest.raises(ImportRefused):
        import_traffic(store, one, bad)
    channels = {c.key: c for c in build_review(store, one).channels}
    assert channels["paid"].roi == pytest.approx(3.0) and channels["feed"].share == 0.8
    add_action(store, one, "提前预热")
    status, _ = readiness_item(actions_for_show(store, shows["two"]))
    assert status == "warn"
