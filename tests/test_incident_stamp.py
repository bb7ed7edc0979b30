"""Reading the runner's position for the stamp: tolerant of shape, never raising."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

from studio.incidents.playbooks import DEFAULTS
from studio.incidents.stamp import runner_position
from studio.runner.state import SegmentPlan

TS = Path(__file__).resolve().parents[1] / "resources/translations/incidents_zh_CN.ts"


def test_snapshot_shape_of_the_qt_runner() -> None:
    """runner.state.segment.key and cue_index (the QtRunner Snapshot) give the stamp."""
    seg = SegmentPlan(key="serum", title="Serum demo", kind="product", planned_seconds=300)
    runner = SimpleNamespace(state=SimpleNamespace(status="running", segment=seg, cue_index=2))
    assert runner_position(runner) == ("serum", 2)


def test_no_stamp_before_or_after_the_show() -> None:
    """A runner that is ready (not started) or ended stamps nothing."""
    seg = SegmentPlan(key="open", title="Opening", kind="talk", planned_seconds=60)
    for status in ("ready", "ended"):
        runner = SimpleNamespace(state=SimpleNamespace(status=status, segment=seg, cue_index=0))
        assert runner_position(runner) == (None, None)


def test_other_shapes_and_broken_runners() -> None:
    """A state() method, flat attributes, None, or a raising runner all work or give (None, None)."""

    class MethodRunner:
        def state(self) -> object:
            return SimpleNamespace(segment_key="close", cue_index=0)

    class Raising:
        @property
        def state(self) -> object:
            raise RuntimeError("gone")

    assert runner_position(MethodRunner()) == ("close", 0)
    assert runner_position(SimpleNamespace(segment_key="intro", cue_index=None)) == ("intro", None)
    assert runner_position(None) == (None, None)
    assert runner_position(Raising()) == (None, None)
    assert runner_position(object()) == (None, None)


def test_chinese_translation_is_complete_and_covers_default_playbooks() -> None:
    """Every panel string has a Chinese translation, including each default playbook step."""
    root = ElementTree.parse(TS).getroot()
    messages = {m.findtext("source"): m.find("translation") for m in root.iter("message")}
    unfinished = [s for s, t in messages.items() if t is None or t.get("type") or not t.text]
    assert unfinished == []
    steps = {step for items in DEFAULTS.values() for step in items}
    assert steps <= set(messages)
    assert TS.with_suffix(".qm").stat().st_size > 0
