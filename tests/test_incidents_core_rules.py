"""The incident list's and editor's rules, as plain functions (no Qt): order, counts, durations,
position, filter choices, which fields an edit changes, history values read back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from studio.incidents.edits import (
    changed_fields,
    checklist_progress,
    created_parts,
    kept_unless_edited,
)
from studio.incidents.listing import (
    NOWHERE,
    Duration,
    StatusCounts,
    clock_time,
    filter_from_choices,
    newest_first,
    position_text,
    shown_duration,
    status_counts,
)
from studio.incidents.log import IncidentFilter, IncidentView

T0 = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)


def view(**fields: Any) -> IncidentView:
    base: dict[str, Any] = {
        "id": 1,
        "uid": "u1",
        "show_id": 7,
        "at": T0,
        "category": "technical",
        "severity": 2,
        "status": "open",
        "source": "manual",
        "segment_key": None,
        "cue_index": None,
        "text": "",
        "mitigated_at": None,
        "resolved_at": None,
        "condition_key": None,
        "owner": "",
        "action_taken": "",
        "impact": "",
        "checklist": [],
    }
    base.update(fields)
    return IncidentView(**base)


def test_newest_first_orders_by_time_then_id() -> None:
    """Latest logged on top; two incidents of the same second keep the later id first."""
    a = view(id=1, at=T0)
    b = view(id=2, at=T0 + timedelta(seconds=5))
    c = view(id=3, at=T0)
    assert [v.id for v in newest_first([a, b, c])] == [2, 3, 1]


def test_status_counts() -> None:
    """Open and mitigated are counted apart; resolved only adds to the total."""
    rows = [view(status=s) for s in ("open", "open", "mitigated", "resolved", "resolved")]
    assert status_counts(rows) == StatusCounts(open=2, mitigated=1, total=5)
    assert status_counts([]) == StatusCounts(open=0, mitigated=0, total=0)


def test_open_incident_runs_on_the_clock_and_never_goes_negative() -> None:
    """An open incident shows how long it has been open; a clock behind the log time shows 0."""
    v = view(status="open")
    assert shown_duration(v, T0.timestamp() + 95) == Duration("open", 95.0)
    assert shown_duration(v, T0.timestamp() - 30) == Duration("open", 0.0)


def test_mitigated_and_resolved_show_how_long_the_fix_took() -> None:
    """Mitigated: time to mitigate; resolved: time to resolve; the clock no longer matters."""
    mitigated = view(status="mitigated", mitigated_at=T0 + timedelta(seconds=40))
    assert shown_duration(mitigated, T0.timestamp() + 9999) == Duration("mitigated", 40.0)
    resolved = replace(mitigated, status="resolved", resolved_at=T0 + timedelta(minutes=3))
    assert shown_duration(resolved, T0.timestamp() + 9999) == Duration("resolved", 180.0)


def test_resolved_without_its_time_shows_no_duration() -> None:
    """A resolved row that lacks its resolve time (an old or hand-edited row) shows nothing."""
    assert shown_duration(view(status="resolved"), T0.timestamp()) is None


def test_position_text_counts_cues_from_one() -> None:
    """Segment and cue as the rundown numbers them; a missing segment reads as NOWHERE."""
    assert position_text(view()) == NOWHERE
    assert position_text(view(segment_key="intro")) == "intro"
    assert position_text(view(segment_key="serum", cue_index=0)) == "serum · 1"
    assert position_text(view(cue_index=4)) == NOWHERE


@pytest.fixture
def shanghai() -> Iterator[None]:
    """The process's local time zone set to UTC+8 (POSIX spelling: no tz database needed)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TZ", "CST-8")
        time.tzset()
        yield
    time.tzset()


def test_clock_time_is_local_wall_time(shanghai: None) -> None:
    """A stored UTC time reads in the station's time zone."""
    assert clock_time(datetime(2026, 3, 1, 2, 3, 4, tzinfo=UTC)) == "10:03:04"


def test_filter_from_choices() -> None:
    """Comma-separated choices become sets; no choice means any; severities are numbers."""
    f = filter_from_choices(severities="1,2", statuses="open,mitigated")
    assert f == IncidentFilter(
        severities=frozenset({1, 2}), statuses=frozenset({"open", "mitigated"})
    )
    assert filter_from_choices(categories="", sources=None) == IncidentFilter()
    assert filter_from_choices(sources="auto").matches(view(source="auto"))
    assert not filter_from_choices(sources="auto").matches(view(source="manual"))
    assert not f.matches(view(severity=3, status="open"))
    with pytest.raises(ValueError):
        filter_from_choices(severities="S1")


def test_kept_unless_edited() -> None:
    """What was shown and left alone keeps the stored original; an edit is taken stripped."""
    assert (
        kept_unless_edited("摄像头画面冻结 ", "摄像头画面冻结", "Camera frozen") == "Camera frozen"
    )
    assert kept_unless_edited("  backup camera\n", "摄像头画面冻结", "Camera frozen") == (
        "backup camera"
    )


def _unchanged(v: IncidentView, **edits: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "severity": v.severity,
        "text": v.text,
        "owner": v.owner,
        "action_taken": v.action_taken,
        "impact": v.impact,
        "checklist": v.checklist,
    }
    fields.update(edits)
    return changed_fields(v, **fields)


def test_changed_fields_only_names_what_changed() -> None:
    """An editor left as loaded changes nothing; each edited field, and only it, is sent."""
    v = view(
        text="lag",
        owner="tech",
        checklist=[{"item": "restart the push", "done": False}, {"item": "call IT"}],
    )
    assert _unchanged(v) == {}
    assert _unchanged(v, severity=1, impact="12 orders") == {"severity": 1, "impact": "12 orders"}
    ticked = [{"item": "restart the push", "done": True}, {"item": "call IT", "done": False}]
    assert _unchanged(v, checklist=ticked) == {"checklist": ticked}


def test_checklist_without_done_equals_not_done() -> None:
    """A stored step without a "done" key is the same as an unticked one: no edit."""
    v = view(checklist=[{"item": "call IT"}])
    assert _unchanged(v, checklist=[{"item": "call IT", "done": False}]) == {}


def test_checklist_progress_from_a_history_value() -> None:
    """Ticked and total steps of a stored checklist; anything else is a ValueError."""
    raw = '[{"item": "a", "done": true}, {"item": "b", "done": false}, {"item": "c"}]'
    assert checklist_progress(raw) == (1, 3)
    assert checklist_progress("[]") == (0, 0)
    for bad in ("not json", '{"item": "a"}', "3"):
        with pytest.raises(ValueError):
            checklist_progress(bad)


def test_created_parts() -> None:
    """A "created" history value splits into category, severity code and source."""
    assert created_parts("technical S2 auto") == ("technical", "S2", "auto")
    assert created_parts("technical S2") is None
    assert created_parts("") is None
