"""Importing audience-profile exports (用户画像): the long layout and per-dimension blocks, labels
named in both languages, broken files refused with their rows."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from studio.cli import main
from studio.review.html import render_html
from studio.review.load import build_review
from studio.review.strings import share_label
from studio.store.models import AudienceShare
from studio.store.shows import create_show
from studio.store.store import Store
from studio.traffic.imports import ImportRefused, import_audience

LONG = [
    ["维度", "标签", "人数", "占比"],
    ["性别", "男", "3,000", "30%"],
    ["性别", "女", "7000", "70%"],
    ["年龄", "18-23", "1000", "10%"],
    ["年龄", "24-30", "4000", "40%"],
    ["年龄", "31-40", "5000", "50%"],
    ["新老用户", "新用户", "6000", "60%"],
    ["新老用户", "老用户", "4000", "40%"],
    ["粉丝/非粉丝", "非粉丝", "8500", "85%"],
    ["粉丝/非粉丝", "粉丝", "1500", "15%"],
]


def _csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _rows(store: Store, show_id: int) -> dict[tuple[str, str], tuple[int | None, float | None]]:
    with store.session() as s:
        q = select(AudienceShare).where(AudienceShare.show_id == show_id)
        return {(r.dimension, r.label): (r.count, r.share) for r in s.scalars(q)}


@pytest.fixture
def show(store: Store) -> int:
    return create_show(store, "周末专场")


def test_long_layout_is_stored_with_label_keys(store: Store, show: int, tmp_path: Path) -> None:
    """Counts and shares are stored per dimension; gender, new/returning and follower labels
    become keys that the report names in either language."""
    rows = import_audience(store, show, _csv(tmp_path / "画像.csv", LONG))
    assert len(rows) == 9
    got = _rows(store, show)
    assert got[("gender", "male")] == (3000, pytest.approx(0.3))
    assert got[("age", "24-30")] == (4000, pytest.approx(0.4))
    assert got[("new_returning", "returning")] == (4000, pytest.approx(0.4))
    assert got[("follower", "non_follower")] == (8500, pytest.approx(0.85))
    review = build_review(store, show)
    dims = {b.key: dict(b.rows) for b in review.audience}
    assert list(dims) == ["gender", "age", "new_returning", "follower"]
    assert dims["gender"] == {"female": pytest.approx(0.7), "male": pytest.approx(0.3)}
    assert dims["age"]["31-40"] == pytest.approx(5000 / 10_000)
    assert share_label("gender", "female", "zh_CN") == "女"
    assert share_label("follower", "non_follower", "en") == "Non-followers"
    assert share_label("age", "24-30", "zh_CN") == "24-30"
    html = render_html(review, "zh_CN")
    assert "非粉丝" in html and "新老用户" in html and "观众画像" in html


def test_block_layout_in_a_workbook(store: Store, show: int, tmp_path: Path) -> None:
    """A workbook with one block per sheet and two blocks in one sheet (blank row between),
    shares as Excel percentages (0.452) or as plain percent numbers under 占比(%)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "性别年龄"
    for r in [
        ["观众画像 2026-11-11"],
        ["性别", "占比"],
        ["女性", 0.682],
        ["男性", 0.318],
        [],
        ["年龄段", "人数"],
        ["18-23", 120],
        ["24-30", 380],
        ["31-40", 500],
    ]:
        ws.append(r)
    region = wb.create_sheet("地域")
    for r in [["省份", "占比(%)"], ["广东", 18.5], ["浙江", 12.0], ["江苏", 9.5]]:
        region.append(r)
    device = wb.create_sheet("设备")
    for r in [["设备", "人数", "占比"], ["iPhone", 600, "60%"], ["安卓", 400, "40%"]]:
        device.append(r)
    path = tmp_path / "profile.xlsx"
    wb.save(path)
    import_audience(store, show, path)
    got = _rows(store, show)
    assert got[("gender", "female")] == (None, pytest.approx(0.682))
    assert got[("age", "31-40")] == (500, None)
    assert got[("province", "广东")] == (None, pytest.approx(0.185))
    assert got[("device", "ios")] == (600, pytest.approx(0.6))
    review = build_review(store, show)
    dims = {b.key: dict(b.rows) for b in review.audience}
    assert dims["age"] == {
        "31-40": pytest.approx(0.5),
        "24-30": pytest.approx(0.38),
        "18-23": pytest.approx(0.12),
    }
    assert dims["province"]["浙江"] == pytest.approx(0.12)  # shares as given (no counts)


def test_reimport_replaces_only_the_dimensions_in_the_file(
    store: Store, show: int, tmp_path: Path
) -> None:
    """Gender and region often come in separate files: importing one keeps the other."""
    import_audience(store, show, _csv(tmp_path / "a.csv", LONG))
    import_audience(
        store, show, _csv(tmp_path / "b.csv", [["性别", "人数"], ["男", 10], ["女", 30]])
    )
    got = _rows(store, show)
    assert got[("gender", "male")] == (10, None) and got[("gender", "female")] == (30, None)
    assert ("age", "24-30") in got and ("follower", "follower") in got


def test_broken_audience_exports(
    store: Store, show: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unknown dimensions, missing labels or values, labels listed twice and shares over 100 %
    are reported as FILE:ROW; nothing is written; the command exits 1 (2 for no table)."""
    bad = _csv(
        tmp_path / "bad.csv",
        [
            ["维度", "标签", "人数", "占比"],
            ["星座", "天秤", "10", "1%"],  # 2: unknown dimension
            ["性别", "", "10", "10%"],  # 3: no label
            ["年龄", "18-23", "", ""],  # 4: no value
            ["性别", "男", "x", ""],  # 5: not a number
            ["性别", "男性", "10", "40%"],  # 6
            ["性别", "男", "12", "30%"],  # 7: 男 again (男性 is the same label)
            ["设备", "安卓", "10", "80%"],  # 8
            ["设备", "iOS", "10", "30%"],  # 9: device shares 110 % (reported at row 8)
        ],
    )
    with pytest.raises(ImportRefused) as err:
        import_audience(store, show, bad)
    by_row = {p.where: p.message for p in err.value.problems}
    assert set(by_row) == {"2", "3", "4", "5", "7", "8"}
    assert "unknown dimension '星座'" in by_row["2"]
    assert "no label" in by_row["3"] and "no count" in by_row["4"]
    assert "not a number" in by_row["5"] and "twice" in by_row["7"]
    assert "110.0%" in by_row["8"]
    assert _rows(store, show) == {}
    db = str(store.engine.url)
    assert main(["--db", db, "import", "audience", "--show", str(show), str(bad)]) == 1
    assert f"{bad}:2: unknown dimension" in capsys.readouterr().err
    plain = _csv(tmp_path / "plain.csv", [["名称", "数值"], ["a", 1]])
    assert main(["--db", db, "import", "audience", "--show", str(show), str(plain)]) == 2
    assert _rows(store, show) == {}
