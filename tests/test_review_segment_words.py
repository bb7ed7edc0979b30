"""The review tells a segment the rundown passed over from one the show never reached."""

from __future__ import annotations

from studio.demo import demo_script_path
from studio.review.load import build_review
from studio.review.tables import segments
from studio.runner.recovery import rebuild_runner
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store


def test_jumped_over_is_skipped_and_after_the_end_is_not_reached(store: Store) -> None:
    """Segment 2 jumped over → skipped; segments after an early end → not reached."""
    show_id = create_show_from_script_file(store, demo_script_path())
    clock = iter(float(t) for t in range(1_000_000, 1_100_000, 60))
    runner = rebuild_runner(store, show_id, lambda: next(clock))
    runner.act("start")
    runner.act("jump", 2)  # passes over segment index 1
    runner.act("end")
    table = segments(build_review(store, show_id), "en")
    titles = [row[0] for row in table.rows]
    assert titles[0].startswith("1. ") and "(" not in titles[0]
    assert titles[1].endswith("(skipped)")
    assert "(" not in titles[2]
    assert all(t.endswith("(not reached)") for t in titles[3:])
    zh = [row[0] for row in segments(build_review(store, show_id), "zh_CN").rows]
    assert zh[1].endswith("（已跳过）") and zh[3].endswith("（未进行）")
