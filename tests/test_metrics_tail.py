"""The file tailer: partial lines, malformed lines, rotation, truncation, exactly-once restarts."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from kill_ingest import ENV, kill_when_rows_arrive
from sqlalchemy import func, select

from studio.metrics.sources.tail import FileTailer
from studio.store.models import IngestOffset, MetricQuarantine, MetricSample
from studio.store.shows import create_show

T0 = 1_794_000_000


def _samples(store) -> list[tuple[str, float, int]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(MetricSample.metric, MetricSample.ts, MetricSample.value).order_by(
                    MetricSample.ts, MetricSample.metric
                )
            )
        ]


def _quarantine(store) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(MetricQuarantine.line_no, MetricQuarantine.reason).order_by(
                    MetricQuarantine.id
                )
            )
        ]


def _line(i: int) -> str:
    return json.dumps({"ts": T0 + i, "orders": i, "online_viewers": 100 + i}) + "\n"


def test_partial_last_line_waits_for_its_newline(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A line without its newline is not ingested until the rest of it is written."""
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    full = _line(1)
    f.write_text(_line(0) + full[:15], encoding="utf-8")
    t = FileTailer(store, sid, f)
    assert t.poll() == 1
    assert len(_samples(store)) == 2 and t.stats.partial_bytes == 15
    with f.open("a", encoding="utf-8") as fh:
        fh.write(full[15:])
    assert t.poll() == 1
    assert [v for m, _ts, v in _samples(store) if m == "orders"] == [0, 1]
    t.close()


def test_malformed_lines_are_quarantined_and_ingestion_continues(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Bad JSON, unknown metrics and bad values are kept with line number and reason."""
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    f.write_bytes(
        (
            _line(0)
            + "{not json\n"
            + json.dumps({"ts": T0 + 2, "ordres": 3})
            + "\n"
            + "\n"
            + _line(4)
        ).encode()
        + b"\xff\xfe\n"
        + _line(6).encode()
    )
    t = FileTailer(store, sid, f)
    t.poll()
    t.close()
    q = _quarantine(store)
    assert [n for n, _r in q] == [2, 3, 6]
    assert "not JSON" in q[0][1] and "unknown metric" in q[1][1] and "UTF-8" in q[2][1]
    assert sorted(v for m, _ts, v in _samples(store) if m == "orders") == [0, 4, 6]
    assert t.stats.bad == 3


def test_csv_header_and_bad_rows(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """CSV: the header names the metrics; a short row is quarantined; the header survives a
    restart (it is committed with the offset)."""
    sid = create_show(store, "t")
    f = tmp_path / "m.csv"
    f.write_text(
        f"\ufeffts,online_viewers,gmv_cents\n{T0},800,12900\n{T0 + 1},810\n", encoding="utf-8"
    )
    FileTailer(store, sid, f).run(threading.Event(), follow=False)
    with f.open("a", encoding="utf-8") as fh:
        fh.write(f"{T0 + 2},820,25800\n")
    FileTailer(store, sid, f).run(threading.Event(), follow=False)  # a fresh tailer = restart
    assert [(m, v) for m, _ts, v in _samples(store)] == [
        ("gmv_cents", 12900),
        ("online_viewers", 800),
        ("gmv_cents", 25800),
        ("online_viewers", 820),
    ]
    assert _quarantine(store) == [(3, "2 fields where the header has 3")]


def test_rotation_and_truncation(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A rotated file's last lines are drained, then the new file is read from its start;
    a truncated file is re-read from the top."""
    sid = create_show(store, "t")
    f = tmp_path / "m.jsonl"
    f.write_text(_line(0), encoding="utf-8")
    t = FileTailer(store, sid, f)
    t.poll()
    with f.open("a", encoding="utf-8") as fh:
        fh.write(_line(1))  # written just before rotation, not yet polled
    f.rename(tmp_path / "m.jsonl.1")
    f.write_text(_line(2) + _line(3), encoding="utf-8")
    t.poll()
    assert sorted(v for m, _ts, v in _samples(store) if m == "orders") == [0, 1, 2, 3]
    assert t.stats.rotations == 1
    f.write_text(_line(10), encoding="utf-8")  # copytruncate-style: same inode, shorter
    t.poll()
    t.close()
    assert sorted(v for m, _ts, v in _samples(store) if m == "orders") == [0, 1, 2, 3, 10]
    with store.session() as s:
        state = s.scalar(select(IngestOffset))
    assert state is not None and state.offset == len(_line(10)) and state.line_no == 1


@pytest.mark.slow
def test_kill_9_mid_ingestion_then_restart_no_loss_no_duplicate(
    store, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """SIGKILL of `studio ingest --source jsonl:` mid-file, then a restart: every line is
    stored exactly once."""
    sid = create_show(store, "t")
    f = tmp_path / "big.jsonl"
    n = 150_000
    with f.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"ts": T0 + i * 0.01, "metric": "orders", "value": i}) + "\n")
    cmd = [
        sys.executable,
        "-m",
        "studio.cli",
        "--db",
        db_url,
        "ingest",
        "--show",
        str(sid),
        "--source",
        f"jsonl:{f}",
    ]
    partial = kill_when_rows_arrive(store, cmd, MetricSample, 60)
    assert 0 < partial < n, "the kill should land mid-file"
    out = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=120, check=True)
    assert "quarantined" in out.stdout
    with store.session() as s:
        count, distinct = s.execute(
            select(func.count(), func.count(MetricSample.value.distinct()))
        ).one()
        state = s.scalar(select(IngestOffset))
    assert count == n and distinct == n
    assert state is not None and state.offset == f.stat().st_size and state.line_no == n
