"""Audience desk figures.

1. Ingest + classification on one core: N realistic chat comments (the demo simulator's, tied to
   the product on air, a third of them questions) through `accept_lines` in batches of 2,000
   into SQLite — parse, jieba + rules, product tagging, grouping, insert — comments per second.
   Target ≥ 5,000/s. Also the classifier alone (no database).
2. The 客服 queue with 2,000 open question cards: the GUI-thread part of a refresh (the cards
   were read on the worker: `QueueModel.set_rows` and the table view's layout) and the same with
   painting the visible rows at 1366x768 (offscreen). Target < 16 ms (one frame).

Usage: .venv/bin/python benchmarks/audience_ingest.py [--comments 20000] [--cards 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

START = datetime(2026, 12, 12, 12, 0, tzinfo=UTC)


def one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def bench_ingest(n: int) -> None:
    from studio.audience.classify import Classifier
    from studio.audience.ingest import Ingester, accept_lines
    from studio.audience.simulate import CommentSimulator
    from studio.demo import demo_script_path
    from studio.products.changes import present
    from studio.script.store_io import create_show_from_script_file
    from studio.store.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["STUDIO_DATA_DIR"] = tmp
        store = Store.open(f"sqlite:///{tmp}/b.db")
        show = create_show_from_script_file(store, demo_script_path(), planned_start=START)
        present(store, show, "MZ-KH03")
        ing = Ingester(store, show)
        sim = CommentSimulator(store, show, start_ts=START.timestamp(), seed=1)
        with store.session() as s:
            ctx = ing.context(s)  # builds the classifier's product index (jieba loaded here)
        events: list[dict[str, object]] = []
        while len(events) < n:
            events += sim.until(sim.t + 600, ctx)
        events = events[:n]
        texts = [str(e["text"]) for e in events]
        clf: Classifier = ing.classifier
        t0 = time.perf_counter()
        for text in texts:
            clf.read(text, "MZ-KH03")
        cached = time.perf_counter() - t0
        # Uncached: every text made unique (a real stream repeats itself less than the sim).
        uniq = [f"{t} {i}" for i, t in enumerate(texts)]
        t0 = time.perf_counter()
        for text in uniq:
            clf.read(text, "MZ-KH03")
        uncached = time.perf_counter() - t0
        print(f"classifier alone: {n / uncached:,.0f} comments/s all distinct texts, "
              f"{n / cached:,.0f}/s with the simulator's repeats (cache)")  # fmt: skip
        for e, u in zip(events, uniq, strict=True):
            e["text"] = u
        clf._cache.clear()  # the ingest classifies every text afresh
        t0 = time.perf_counter()
        for i in range(0, n, 2000):
            accept_lines(store, show, events[i : i + 2000], source="bench", ingester=ing)
        dt = time.perf_counter() - t0
        questions = len(events)  # all stored
        from sqlalchemy import func, select

        from studio.store.audience_models import AudienceEvent, AudienceGroup

        with store.session() as s:
            stored = s.scalar(select(func.count()).select_from(AudienceEvent))
            qs = s.scalar(select(func.count()).where(AudienceEvent.group_id.is_not(None)))
            cards = s.scalar(select(func.count()).select_from(AudienceGroup))
        assert stored == questions == n
        print(f"ingest + classification (SQLite, one core): {n:,} comments in {dt:.2f} s = "
              f"{n / dt:,.0f} comments/s ({qs:,} questions on {cards:,} cards) "
              f"[target >= 5,000/s]")  # fmt: skip
        store.close()


def bench_queue(n_cards: int, only: bool = False) -> None:
    from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

    from studio.audience.queue import Card
    from studio.ui.audience.queue_model import QueueModel

    app = QApplication.instance() or QApplication([])
    now = START.timestamp() + 3600
    cards = [
        Card(id=i, uid=f"u{i}", show_id=1, kind="question", text=f"3号链接还有货吗 {i}",
             sku="MZ-KH03", product="3号 丝绒雾面口红 316 枫叶红", link=3, topic="stock",
             segment_key="flash-lipstick", first_ts=now - 3000 + i, last_ts=now - 10,
             count=1 + i % 7, askers=("阿狸", "北北"), status="open", claimed_by="",
             escalated=False, answered_ts=None, answered_by="", reply="")
        for i in range(n_cards)
    ]  # fmt: skip
    model = QueueModel(lambda: now)
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)  # as the station's queue
    view.setWordWrap(False)
    head = view.horizontalHeader()
    head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    head.setSectionResizeMode(QueueModel.TEXT, QHeaderView.ResizeMode.Stretch)
    view.resize(800, 680)
    view.show()
    app.processEvents()
    swap, paint = [], []
    for k in range(60):
        rows = cards[k % 2 :]  # a new list every time, as the worker delivers
        t0 = time.perf_counter()
        model.set_rows(rows)
        view.selectRow(0)
        view.doItemsLayout()
        t1 = time.perf_counter()
        view.viewport().repaint()
        t2 = time.perf_counter()
        swap.append((t1 - t0) * 1000)
        paint.append((t2 - t0) * 1000)
        model.tick()
    print(f"queue refresh with {n_cards:,} open cards (GUI thread): model swap + layout median "
          f"{statistics.median(swap):.2f} ms (max {max(swap):.2f}); with painting the visible "
          f"rows median {statistics.median(paint):.2f} ms (max {max(paint):.2f}) "
          f"[target < 16 ms]")  # fmt: skip
    view.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--comments", type=int, default=20_000)
    ap.add_argument("--cards", type=int, default=2_000)
    ap.add_argument("--queue-only", action="store_true")
    args = ap.parse_args()
    one_core()
    threading.current_thread().name = "bench"
    if not args.queue_only:
        bench_ingest(args.comments)
    bench_queue(args.cards)
    return 0


if __name__ == "__main__":
    sys.exit(main())
