"""Importing traffic-source and minute exports: realistic files in, every bad row out as FILE:ROW,
nothing half-imported, and the command's exit codes."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from studio.cli import main
from studio.metrics.samples import make_row
from studio.metrics.writer import write_samples
from studio.review.load import build_review
from studio.store.models import MetricSample, MetricSeries, TrafficSource
from studio.store.shows import create_show
from studio.store.store import Store
from studio.traffic.cells import FileProblem
from studio.traffic.imports import ImportRefused, import_traffic
from studio.traffic.store import MINUTE_SOURCE

START = datetime(2026, 11, 11, 12, 0, tzinfo=UTC)

# A 巨量百应-style export: a title line, channel names as the console writes them, 万 and ¥,
# shares in %, a channel studio does not know, and a total row.
SOURCES = [
    ["直播间流量来源（2026-11-11）", "", "", "", "", ""],
    ["流量来源", "进入人数", "人数占比", "成交金额(元)", "成交订单数", "消耗(元)"],
    ["推荐feed", "1.2万", "48.0%", "¥35,600.50", "310", ""],
    ["短视频引流", "5000", "20.0%", "12000", "100", ""],
    ["关注", "3,000", "12.0%", "9800", "90", ""],
    ["千川PC版", "1500", "6.0%", "9000", "70", "2,400"],
    ["千川品牌广告", "1000", "4.0%", "6000", "50", "1600"],
    ["同城", "1000", "4.0%", "800", "8", ""],
    ["个人主页&店铺&橱窗", "900", "3.6%", "500", "4", ""],
    ["直播间分享", "600", "2.4%", "0", "0", ""],
    ["合计", "25000", "100%", "73700.5", "632", "4000"],
]


def _csv(path: Path, rows: list[list[object]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    first = True
    for name, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet(name)
        assert ws is not None
        ws.title = name
        for r in rows:
            ws.append(r)
        first = False
    wb.save(path)
    return path


@pytest.fixture
def show(store: Store) -> int:
    return create_show(store, "双十一美妆专场", planned_start=START, traffic_target=30_000)


def _stored(store: Store, show_id: int) -> list[TrafficSource]:
    with store.session() as s:
        q = select(TrafficSource).where(TrafficSource.show_id == show_id)
        return list(s.scalars(q.order_by(TrafficSource.position)))


def test_realistic_channel_export_is_stored_and_reviewed(
    store: Store, show: int, tmp_path: Path
) -> None:
    """Every channel row is stored as written (万, ¥, commas), the total row is left out, and the
    review's channel table adds up paid labels and recomputes shares and ROI from the file."""
    path = _csv(tmp_path / "流量来源.csv", SOURCES)
    result = import_traffic(store, show, path)
    assert result.sources == 8 and result.unknown_labels == ("直播间分享",)
    rows = _stored(store, show)
    assert [r.label for r in rows] == [r[0] for r in SOURCES[2:-1]]
    feed = rows[0]
    assert (feed.channel, feed.entries, feed.gmv_cents, feed.orders) == (
        "feed",
        12_000,
        3_560_050,
        310,
    )
    assert feed.share == pytest.approx(0.48) and feed.spend_cents is None
    assert [r.channel for r in rows[3:5]] == ["paid", "paid"]
    assert rows[3].spend_cents == 240_000 and rows[-1].channel == "other"

    review = build_review(store, show)
    by_key = {c.key: c for c in review.channels}
    total_entries = 12_000 + 5000 + 3000 + 1500 + 1000 + 1000 + 900 + 600  # the file, by hand
    total_gmv = 3_560_050 + 1_200_000 + 980_000 + 900_000 + 600_000 + 80_000 + 50_000 + 0
    paid = by_key["paid"]
    assert paid.entries == 2500 and paid.gmv_cents == 1_500_000 and paid.spend_cents == 400_000
    assert paid.labels == ("千川PC版", "千川品牌广告")
    assert paid.roi == pytest.approx(1_500_000 / 400_000)
    assert paid.share == pytest.approx(2500 / total_entries)
    assert paid.gmv_share == pytest.approx(1_500_000 / total_gmv)
    assert by_key["直播间分享"].entries == 600  # unknown label: its own row, counted as other
    assert by_key["feed"].roi is None  # no spend, no ROI
    assert [c.key for c in review.channels][:2] == ["feed", "short_video"]
    traffic = dict(review.traffic[0].rows)
    assert traffic["feed"] == pytest.approx(12_000 / total_entries)
    assert sum(traffic.values()) == pytest.approx(1.0)


def test_gbk_csv_and_a_share_only_export(store: Store, show: int, tmp_path: Path) -> None:
    """A GBK-encoded CSV whose only figure is a share column (0-1 fractions) imports as shares."""
    rows = [["渠道", "占比"], ["直播推荐", "0.55"], ["搜索", "0.25"], ["其他", "0.2"]]
    import_traffic(store, show, _csv(tmp_path / "gbk.csv", rows, encoding="gb18030"))
    stored = _stored(store, show)
    assert [(r.channel, r.entries) for r in stored] == [
        ("feed", None),
        ("search", None),
        ("other", None),
    ]
    assert [r.share for r in stored] == pytest.approx([0.55, 0.25, 0.2])
    review = build_review(store, show)
    assert [(c.key, c.share) for c in review.channels] == [
        ("feed", pytest.approx(0.55)),
        ("search", pytest.approx(0.25)),
        ("other", pytest.approx(0.2)),
    ]


def test_xlsx_with_channels_and_minute_entries_exits(
    store: Store, show: int, tmp_path: Path
) -> None:
    """A workbook with a channel sheet and a minute sheet: channels stored, minute counts summed
    into running totals stamped at the end of each minute; a re-import replaces both."""
    minutes = [
        ["时间", "进入人数", "离开人数"],
        ["20:00", 100, 10],
        ["20:01", 120, 50],
        ["20:02", 80, 90],
    ]
    book = _xlsx(tmp_path / "traffic.xlsx", {"渠道": SOURCES[1:], "分钟": minutes})
    result = import_traffic(store, show, book)
    assert result.sources == 8 and result.minute_samples == 6
    day = START.astimezone().date()
    t0 = datetime.combine(day, datetime.strptime("20:00", "%H:%M").time()).astimezone().timestamp()
    with store.session() as s:
        got = sorted(
            (r.metric, r.ts, r.value)
            for r in s.scalars(select(MetricSample).where(MetricSample.show_id == show))
        )
    assert got == [
        ("entries", t0 + 60, 100),
        ("entries", t0 + 120, 220),
        ("entries", t0 + 180, 300),
        ("exits", t0 + 60, 10),
        ("exits", t0 + 120, 60),
        ("exits", t0 + 180, 150),
    ]
    # Re-import with fewer minutes: the old samples and their series spans are replaced.
    book2 = _xlsx(tmp_path / "traffic2.xlsx", {"分钟": minutes[:2]})
    assert import_traffic(store, show, book2).minute_samples == 2
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 2
        spans = {m.metric: m.last_ts for m in s.scalars(select(MetricSeries))}
    assert spans == {"entries": t0 + 60, "exits": t0 + 60}
    assert len(_stored(store, show)) == 8  # a minute-only file leaves the channels alone


def test_live_feed_entries_are_not_mixed_with_imported_ones(
    store: Store, show: int, tmp_path: Path
) -> None:
    """When the live feed recorded entries, the file's entries are left out (two running totals
    in one metric would break every difference) and its exits are imported."""
    t = START.timestamp()
    write_samples(store, [make_row(show, "sim", "entries", t + 30, 500)])
    path = _csv(tmp_path / "m.csv", [["时间", "进入人数", "离开人数"], ["2026-11-11 12:00", 5, 1]])
    result = import_traffic(store, show, path)
    assert result.kept_from_feed == ("entries",) and result.minute_samples == 1
    with store.session() as s:
        rows = {(r.metric, r.source) for r in s.scalars(select(MetricSample))}
    assert rows == {("entries", "sim"), ("exits", MINUTE_SOURCE)}


BROKEN = [
    ["渠道", "观看人数", "GMV", "消耗"],
    ["推荐", "abc", "100", ""],  # 2: not a number
    ["", "20", "30", ""],  # 3: no channel
    ["搜索", "-5", "1", ""],  # 4: negative
    ["关注", "12.5", "1", ""],  # 5: not whole
    ["推荐", "3", "1", ""],  # 6: twice
    ["同城", "8%", "1", ""],  # 7: a rate in a count column
    ["千川", "10", "1", "x"],  # 8: spend not a number
    ["短视频", "", "1", ""],  # 9: no entries or share
    ["个人主页", "10", "5", ""],  # fine
]


def test_broken_export_names_every_bad_row_and_writes_nothing(
    store: Store, show: int, tmp_path: Path
) -> None:
    """Each bad row is reported as FILE:ROW with what is wrong; the good rows are not imported
    either (a previous import stays as it was)."""
    import_traffic(store, show, _csv(tmp_path / "good.csv", SOURCES))
    path = _csv(tmp_path / "bad.csv", BROKEN)
    with pytest.raises(ImportRefused) as err:
        import_traffic(store, show, path)
    where = [p.where for p in err.value.problems]
    assert where == ["2", "3", "4", "5", "6", "7", "8", "9"]
    text = [str(p) for p in err.value.problems]
    assert text[0] == f"{path}:2: 观看人数: 'abc' is not a number"
    assert "no channel" in text[1] and "negative" in text[2] and "whole number" in text[3]
    assert "twice" in text[4] and "rate" in text[5] and "消耗" in text[6]
    assert "no entries" in text[7]
    assert len(_stored(store, show)) == 8  # the good file's rows, untouched


def test_shares_over_100_percent_and_bad_minutes(store: Store, show: int, tmp_path: Path) -> None:
    """Shares that add up to more than 100 % and minute rows with bad times or a falling
    running total are refused with their rows."""
    over = _csv(tmp_path / "over.csv", [["渠道", "占比"], ["推荐", "70%"], ["搜索", "40%"]])
    with pytest.raises(ImportRefused) as err:
        import_traffic(store, show, over)
    assert [p.where for p in err.value.problems] == ["1"] and "110.0%" in str(err.value)
    bad_min = _csv(
        tmp_path / "min.csv",
        [["时间", "累计进入人数"], ["20:00", 10], ["25:99", 12], ["20:02", 5], ["20:00", 11]],
    )
    with pytest.raises(ImportRefused) as err:
        import_traffic(store, show, bad_min)
    assert [p.where for p in err.value.problems] == ["3", "5", "4"]
    assert "not a time" in str(err.value) and "twice" in str(err.value)
    assert "cannot go down" in str(err.value)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 0


def test_unusable_files(store: Store, show: int, tmp_path: Path) -> None:
    """A missing file, a file of another type, a table without a known header and a workbook
    that is not one are FileProblems, not tracebacks."""
    with pytest.raises(FileProblem, match="no such file"):
        import_traffic(store, show, tmp_path / "nope.csv")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(FileProblem, match=r"\.csv or \.xlsx"):
        import_traffic(store, show, tmp_path / "x.pdf")
    with pytest.raises(FileProblem, match="no channel table"):
        import_traffic(store, show, _csv(tmp_path / "h.csv", [["名称", "数值"], ["a", "1"]]))
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    with pytest.raises(FileProblem, match="xlsx"):
        import_traffic(store, show, tmp_path / "fake.xlsx")
    with pytest.raises(FileProblem, match="no rows"):
        import_traffic(store, show, _csv(tmp_path / "e.csv", [["渠道", "进入人数"]]))


def test_import_command_exit_codes(
    store: Store, show: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`studio import traffic`: 0 imported, 1 bad rows (FILE:ROW on stderr, nothing written) or
    an unknown show, 2 an unusable file."""
    db = str(store.engine.url)
    good = _csv(tmp_path / "good.csv", SOURCES)
    assert main(["--db", db, "import", "traffic", "--show", str(show), str(good), "--json"]) == 0
    assert '"channels": 8' in capsys.readouterr().out
    bad = _csv(tmp_path / "bad.csv", BROKEN)
    assert main(["--db", db, "import", "traffic", "--show", str(show), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: 观看人数: 'abc' is not a number" in err and "nothing was imported" in err
    assert main(["--db", db, "import", "traffic", "--show", "999", str(good)]) == 1
    assert (
        main(["--db", db, "import", "traffic", "--show", str(show), str(tmp_path / "no.csv")]) == 2
    )
    assert len(_stored(store, show)) == 8
