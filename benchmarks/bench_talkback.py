"""Talkback and rules figures.

1. The rules during a show: one `LiveRules.tick()` (the figures read from the store, the demo
   script's rules judged) on the simulated 2-hour demo show, as the app's rules worker does once
   a second (off the GUI thread). Target: well under 100 ms median.
2. `studio rules test`: the demo show's stored metrics replayed through its rules (every sample
   time of the show), the whole replay and per sample time; the firings it finds.
3. With --pg: a message sent on the controller station until the anchor station's strip shows
   it (the NOTIFY reaches the other store, then the strip's query), and the anchor's
   acknowledgement until the controller's record says seen; two stores on a throwaway local
   PostgreSQL server. Target: < 1 s (the issue: "reach another station within 1 s").

Usage: .venv/bin/python benchmarks/bench_talkback.py [--ticks 100] [--messages 50] [--pg]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
T0 = 1_796_000_000.0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def summary(name: str, ms: list[float], target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = (
            f"  (target < {target:g} ms: {'ok' if statistics.median(ms) < target else 'MISSED'})"
        )
    print(f"{name:<58} median {statistics.median(ms):8.2f} ms  p95 {pct(ms, 95):8.2f} ms  "
          f"max {max(ms):8.2f} ms  (n={len(ms)}){verdict}")  # fmt: skip


def bench_rules(ticks: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from simulated_show import simulate_show

    from studio.demo import demo_script_path
    from studio.rules.live import LiveRules, rules_for_show
    from studio.rules.model import Rule, parse_condition
    from studio.rules.replay import replay_show, sample_times
    from studio.runner.events import read_events
    from studio.runner.state import Plan, RunState, apply_event, snapshot
    from studio.script.store_io import create_show_from_script_file, load_script
    from studio.store.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench-talkback-"))
    os.environ["STUDIO_DATA_DIR"] = str(tmp)
    store = Store.open(f"sqlite:///{tmp / 'studio.db'}")
    try:
        show = create_show_from_script_file(store, demo_script_path())
        t = time.perf_counter()
        sim = simulate_show(store, show, T0, step_seconds=5, incidents=False)
        print(f"simulated demo show: {sim.samples:,} samples over "
              f"{(sim.end_ts - sim.start_ts) / 3600:.2f} h in {time.perf_counter() - t:.1f} s")  # fmt: skip
        rules = rules_for_show(store, show)
        print(f"rules: {', '.join(r.name for r in rules)}")

        plan = Plan.from_script(load_script(store, show))
        state = RunState.initial(plan)
        mid = sim.start_ts + (sim.end_ts - sim.start_ts) / 2
        for e in read_events(store, show):
            if e.at.timestamp() <= mid:
                state = apply_event(plan, state, e.action, e.at.timestamp(), e.segment_index,
                                    e.cue_index, e.segment_key)  # fmt: skip
        clock = [mid]

        def time_ticks(chosen: list[Rule]) -> list[float]:
            """ms per LiveRules.tick() over `ticks` seconds from mid-show on."""
            live = LiveRules(
                store, show, chosen, clock=lambda: clock[0],
                run_snapshot=lambda now: snapshot(plan, state, now), rehearsal=False,
            )  # fmt: skip
            ms = []
            for _ in range(ticks):
                t = time.perf_counter()
                live.tick()
                ms.append((time.perf_counter() - t) * 1000)
                clock[0] += 1
            return ms

        summary(f"LiveRules.tick() ({len(rules)} demo rules, mid-show)", time_ticks(rules), 100)
        # The show's totals too: a GMV-pace and a viewers-drop rule read the metrics snapshot.
        more = [
            *rules,
            Rule("GMV pace", parse_condition("gmv_pace < 80%"), banner=True),
            Rule("viewers drop", parse_condition("viewers_drop > 20%"), banner=True),
        ]
        summary(
            f"LiveRules.tick() (+ GMV pace, viewers drop: {len(more)} rules)", time_ticks(more), 100
        )

        times = sample_times(store, show)
        for name, chosen in (("demo rules", rules), ("+ GMV pace, viewers drop", more)):
            t = time.perf_counter()
            fired = replay_show(store, show, chosen)
            total = time.perf_counter() - t
            print(f"rules test replay ({name}): {len(times):,} sample times in {total:.2f} s "
                  f"({total / max(1, len(times)) * 1000:.2f} ms each); {len(fired)} firings:")  # fmt: skip
            for f in fired:
                print(f"  +{(f.at - sim.start_ts) / 60:6.1f} min  {f.rule.name}: {f.rule.when} "
                      f"[{f.value:g}] {f.text}")  # fmt: skip
    finally:
        store.close()


def bench_pg(messages: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from two_stations import arrival, pg_stations

    from studio.store.shows import create_show
    from studio.talkback import messages as talkback
    from studio.timeutil import utcnow

    with pg_stations() as (controller, anchor):
        show = create_show(controller, "bench")
        heard, acked = arrival(anchor, talkback.TABLE), arrival(controller, talkback.TABLE)
        send_ms, ack_ms = [], []
        for k in range(messages):
            heard.clear()
            t = time.perf_counter()
            sent = talkback.send(controller, show, f"提示 {k}")
            if not heard.wait(10):
                raise SystemExit("the anchor never heard of a message")
            shown = talkback.strip(anchor, show, utcnow()).messages
            send_ms.append((time.perf_counter() - t) * 1000)
            assert shown and shown[0].uid == sent.uid
            acked.clear()
            t = time.perf_counter()
            talkback.acknowledge(anchor, sent.uid)
            if not acked.wait(10):
                raise SystemExit("the controller never heard of an acknowledgement")
            state = talkback.get_message(controller, sent.uid).state(utcnow())
            ack_ms.append((time.perf_counter() - t) * 1000)
            assert state == "seen"
        summary("message on the controller -> the anchor's strip (PG)", send_ms, 1000)
        summary("anchor's acknowledgement -> controller says seen (PG)", ack_ms, 1000)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ticks", type=int, default=100)
    ap.add_argument("--messages", type=int, default=50)
    ap.add_argument("--pg", action="store_true", help="also the two-station latency on PostgreSQL")
    args = ap.parse_args()
    bench_rules(args.ticks)
    if args.pg:
        bench_pg(args.messages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
