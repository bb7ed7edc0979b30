"""Hostile metric input: poison lines, far-future samples, two ingests of one file, duplicates."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from studio.cli import main
from studio.metrics.sources.tail import FileTailer
from studio.store.models import IngestOffset, MetricQuarantine, MetricSample
from studio.store.shows import create_show

T0 = 1_794_000_000


def _line(i: int) -> str:
    return json.dumps({"ts": T0 + i, "orders": i}) + "\n"


def _stored(store) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return [
            (float(r[0]), int(r[1]))
            for r in s.execute(
                select(MetricSample.ts, MetricSample.value).order_by(MetricSample.ts)
            )
        ]


def _quarantined(store) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return [
            (int(r[0]), str(r[1]))
            for r in s.execute(
                select(MetricQuarantine.line_no, MetricQuarantine.reason).order_by(
                    MetricQuarantine.line_no
                )
            )
        ]


POISON = [
    f'{{"ts": {T0 + 1}, "orders": 1{"0" * 5000}}}\n',  # json: over 4,300 digits
    "[" * 1000 + "]" * 1000 + "\n",  # json: RecursionError
    f'{{"ts": {T0 + 2}, "orders": 2, "sku": "\\ud800"}}\n',  # insert: lone surrogate
    f'{{"ts": {T0 + 3}, "metric": "orders", "value": 3, "sku": "\\udfff\\ud800"}}\n',
    f'{{"ts": 1{"0" * 400}, "orders": 4}}\n',  # float(int) overflows
    f'{{"\\ud800": 5, "ts": {T0 + 5}}}\n',  # the reason itself quotes a surrogate
]


def test_poison_lines_are_quarantined_and_their_neighbours_stored(
    store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """Each line that used to raise out of the tailer is one quarantined line with a reason;
    every valid line around it is stored; the command exits 1 and names FILE:LINE."""
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    body = [_line(100)]
    for p in POISON:
        body += [p, _line(101 + len(body))]
    f.write_text("".join(body), encoding="utf-8")
    code = main(["--db", db_url, "ingest", "--show", str(sid), "--source", f"jsonl:{f}"])
    out, err = capsys.readouterr()
    assert code == 1
    valid = [i for i, line in enumerate(body, 1) if line not in POISON]
    assert len(_stored(store)) == len(valid)
    bad = _quarantined(store)
    assert [n for n, _ in bad] == [i for i, line in enumerate(body, 1) if line in POISON]
    assert all(reason for _, reason in bad)
    err_lines = [x for x in err.splitlines() if x]
    assert len(err_lines) == len(POISON)
    assert all(x.startswith(f"{f}:") and x.split(":")[1].isdigit() for x in err_lines)
    assert "Traceback" not in err and f"{len(POISON)} quarantined" in out


def test_a_line_the_database_refuses_is_quarantined_alone(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Should the database refuse a row the parser let through, only its line goes to the
    quarantine; the rest of the 4 MB chunk is stored, and a restart does not crash there."""
    import studio.metrics.sources.tail as tail

    real = tail.parse_object

    def sneaky(obj, show_id, source):  # type: ignore[no-untyped-def]
        rows = real(obj, show_id, source)
        if obj.get("orders") == 7:
            rows[0]["sku"] = "\udcff"  # what the old parser let through: sqlite cannot encode it
        return rows

    monkeypatch.setattr(tail, "parse_object", sneaky)
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    f.write_text("".join(_line(i) for i in range(20)), encoding="utf-8")
    t = FileTailer(store, sid, f)
    t.poll()
    t.close()
    assert [v for _, v in _stored(store)] == [i for i in range(20) if i != 7]
    assert [n for n, _ in _quarantined(store)] == [8]
    assert "refused" in _quarantined(store)[0][1]
    assert t.stats.rows == 19 and t.stats.bad == 1


def test_far_future_sample_is_quarantined(
    store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """A sample dated 2099 in a show planned for T0 is quarantined with the reason; the
    show's own samples are stored; export then stays one show long."""
    start = datetime.fromtimestamp(T0, UTC)
    sid = create_show(store, "t", planned_start=start, planned_seconds=3600)
    f = tmp_path / "m.jsonl"
    far = 4_070_908_800  # 2099-01-01
    f.write_text(
        _line(0) + json.dumps({"ts": far, "orders": 5}) + "\n" + _line(60), encoding="utf-8"
    )
    code = main(["--db", db_url, "ingest", "--show", str(sid), "--source", f"jsonl:{f}"])
    _out, err = capsys.readouterr()
    assert code == 1
    assert [ts for ts, _ in _stored(store)] == [T0, T0 + 60]
    ((line_no, reason),) = _quarantined(store)
    assert line_no == 2 and "after the show's window" in reason
    assert f"{f}:2: ts 2099-01-01" in err


def test_export_and_review_are_bounded_by_the_show_span(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A far-future sample already in the database (stored before the window check) does
    not stretch the export table or the review's series past the show."""
    from studio.metrics.samples import make_row
    from studio.metrics.sources.platform_export import export_rows
    from studio.metrics.writer import write_samples
    from studio.review.load import load_series

    start = datetime.fromtimestamp(T0, UTC)
    sid = create_show(store, "t", planned_start=start, planned_seconds=3600)
    rows = [make_row(sid, "x", "orders", T0 + i * 60, i) for i in range(61)]
    rows.append(make_row(sid, "x", "orders", 4_070_908_800, 999))  # 2099
    write_samples(store, rows)
    _header, table = export_rows(store, sid)
    assert 60 <= len(table) <= 62
    whole, _per_sku = load_series(store, sid)
    assert float(whole["orders"][0][-1]) == T0 + 3600


def test_export_of_an_untimed_show_is_bounded_around_its_data(store) -> None:  # type: ignore[no-untyped-def]
    """A show with no times: the span is the data around its median sample, so one stray
    sample decades away does not make the table decades long."""
    from studio.metrics.samples import make_row
    from studio.metrics.sources.platform_export import export_rows
    from studio.metrics.writer import write_samples

    sid = create_show(store, "t")
    rows = [make_row(sid, "x", "orders", T0 + i * 60, i) for i in range(30)]
    rows.append(make_row(sid, "x", "orders", 978_307_200, 1))  # 2001
    write_samples(store, rows)
    _header, table = export_rows(store, sid)
    assert len(table) <= 31


def test_two_ingests_of_one_file_store_it_once(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two tailers of the same file, polling in turns: every sample and every quarantined
    line is stored once, and the committed offset never goes backwards."""
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    f.write_text(_line(0) + "garbage\n" + _line(2), encoding="utf-8")
    a = FileTailer(store, sid, f)
    b = FileTailer(store, sid, f)
    a._load_state(), b._load_state()  # both start before either commits
    a.poll()
    b.poll()
    with f.open("a", encoding="utf-8") as fh:
        fh.write(_line(3) + "more garbage\n")
    b.poll()
    a.poll()
    a.poll()
    a.close(), b.close()
    assert [v for _, v in _stored(store)] == [0, 2, 3]
    assert [n for n, _ in _quarantined(store)] == [2, 5]
    with store.session() as s:
        state = s.scalar(select(IngestOffset))
    assert state is not None and state.offset == f.stat().st_size and state.line_no == 5


def test_second_value_for_the_same_second_counts_as_duplicate(
    store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """The same metric at the same second twice: one is stored, the other is counted as a
    duplicate, not as stored."""
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    f.write_text(
        json.dumps({"ts": T0, "orders": 1}) + "\n" + json.dumps({"ts": T0, "orders": 2}) + "\n",
        encoding="utf-8",
    )
    t = FileTailer(store, sid, f)
    t.poll()
    t.close()
    assert t.stats.rows == 1 and t.stats.duplicates == 1
    f.write_text(json.dumps({"ts": T0, "orders": 9}) + "\n", encoding="utf-8")
    sid2 = create_show(store, "u")
    code = main(["--db", db_url, "ingest", "--show", str(sid2), "--source", f"jsonl:{f}"])
    assert code == 0
    code = main(["--db", db_url, "ingest", "--show", str(sid), "--source", f"jsonl:{f}"])
    out, _err = capsys.readouterr()
    assert code == 0 and "0 samples, 1 duplicates skipped" in out


def _disk_full(store, full: threading.Event) -> None:  # type: ignore[no-untyped-def]
    """While `full` is set, every new connection of the store has no room to grow."""

    @event.listens_for(store.engine, "connect")
    def _limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        if full.is_set():
            cur = dbapi_conn.cursor()
            pages = cur.execute("PRAGMA page_count").fetchone()[0]
            cur.execute(f"PRAGMA max_page_count = {pages}")
            cur.close()

    store.engine.dispose()


def test_follower_waits_out_a_full_disk_and_goes_on(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Disk full: the follower says what is wrong, keeps following, and stores every line
    once the disk has room again."""
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    f.write_text("".join(_line(i) for i in range(2000)), encoding="utf-8")
    full = threading.Event()
    full.set()
    _disk_full(store, full)
    problems: list[str] = []
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 8:  # the operator frees some space
            full.clear()
            store.engine.dispose()

    t = FileTailer(store, sid, f, on_problem=problems.append, attempts=3, sleep=sleep)
    stop = threading.Event()
    runner = threading.Thread(target=t.run, args=(stop,), kwargs={"interval": 0.01})
    runner.start()
    try:
        for _ in range(500):
            if len(_stored(store)) == 2000:
                break
            threading.Event().wait(0.02)
    finally:
        stop.set()
        runner.join(10)
    assert len(_stored(store)) == 2000
    assert problems and "disk" in problems[0] and "full" in problems[0]


def test_one_shot_ingest_on_a_full_disk_says_so_and_exits_1(
    store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Disk full during a one-shot ingest: a one-line message (no SQL dump, no traceback),
    exit 1, and the next run continues where the committed offset is."""
    import studio.store.retry as retry

    monkeypatch.setattr(retry.time, "sleep", lambda _s: None)
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    f.write_text("".join(_line(i) for i in range(5000)), encoding="utf-8")
    full = threading.Event()
    full.set()
    from studio.store import engine as engine_mod

    real = engine_mod.make_engine

    def make_full(url: str, read_only: bool = False):  # type: ignore[no-untyped-def]
        eng = real(url, read_only=read_only)

        @event.listens_for(eng, "connect")
        def _limit(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            if full.is_set():
                cur = dbapi_conn.cursor()
                pages = cur.execute("PRAGMA page_count").fetchone()[0]
                cur.execute(f"PRAGMA max_page_count = {pages}")
                cur.close()

        return eng

    import studio.store.store as store_mod

    monkeypatch.setattr(store_mod, "make_engine", make_full)
    args = ["--db", db_url, "ingest", "--show", str(sid), "--source", f"jsonl:{f}"]
    code = main(args)
    _out, err = capsys.readouterr()
    assert code == 1
    assert "disk holding the database is full" in err
    assert "INSERT" not in err and "Traceback" not in err
    full.clear()
    assert main(args) == 0
    assert len(_stored(store)) == 5000
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(MetricQuarantine)) == 0


def test_platform_export_rows_outside_the_window_or_overflowing_are_quarantined(
    store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """A platform export with a row dated 2099 and a GMV cell of 1e99999999: both rows are
    quarantined with their row number, the good rows are stored, no traceback."""
    start = datetime.fromtimestamp(T0, UTC)
    sid = create_show(store, "t", planned_start=start, planned_seconds=3600)
    day = start.astimezone().strftime("%Y-%m-%d")
    f = tmp_path / "export.csv"
    f.write_text(
        "时间,成交金额(元),成交订单数\n"
        f"{day} {start.astimezone():%H:%M},100,1\n"
        "2099-01-01 20:00,200,2\n"
        f"{day} {start.astimezone():%H}:59,1e99999999,3\n",
        encoding="utf-8",
    )
    code = main(["--db", db_url, "ingest", "--show", str(sid), "--source", f"export:{f}"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err, err
    assert "2 rows quarantined" in out
    assert [x.split(": ")[0] for x in err.splitlines()] == [f"{f}:3", f"{f}:4"]
    reasons = dict(_quarantined(store))
    assert set(reasons) == {3, 4} and "window" in reasons[3] and "too large" in reasons[4]
    assert len(_stored(store)) == 2
