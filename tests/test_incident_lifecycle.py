"""Incident logging, lifecycle timestamps, per-field history, filters, playbooks and CSV export."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studio.incidents import playbooks
from studio.incidents.log import (
    IncidentError,
    IncidentFilter,
    IncidentNotFound,
    export_csv,
    get_incident,
    history,
    list_incidents,
    quick_log,
    update,
)
from studio.profile import Profile
from studio.store.changes import Change
from studio.store.shows import create_show

T0 = datetime(2026, 11, 11, 12, 0, tzinfo=UTC)


@pytest.fixture
def show(store):  # type: ignore[no-untyped-def]
    return create_show(store, "Double 11")


def test_quick_log_commits_and_publishes(store, show) -> None:
    """A quick log is readable from a fresh connection and announced on the change bus."""
    seen: list[Change] = []
    store.bus.subscribe(seen.append)
    iid = quick_log(
        store,
        show,
        "product",
        severity=1,
        text="wrong price",
        at=T0,
        segment_key="open",
        cue_index=2,
        who="controller",
    )
    from studio.store.store import Store

    other = Store.open(str(store.engine.url))
    try:
        inc = get_incident(other, iid)
    finally:
        other.close()
    assert (inc.category, inc.severity, inc.status, inc.source) == ("product", 1, "open", "manual")
    assert (inc.segment_key, inc.cue_index, inc.text) == ("open", 2, "wrong price")
    assert [c["item"] for c in inc.checklist] == playbooks.DEFAULTS["product"]
    assert Change("incident", iid, show) in seen


def test_bad_input_is_refused_with_a_message(store, show) -> None:
    """Unknown category, severity 4, a naive time or a missing show are clear errors."""
    with pytest.raises(IncidentError, match="category"):
        quick_log(store, show, "weather")
    with pytest.raises(IncidentError, match="severity"):
        quick_log(store, show, "technical", severity=4)
    with pytest.raises(IncidentError, match="time zone"):
        quick_log(store, show, "technical", at=datetime(2026, 1, 1))
    with pytest.raises(IncidentError, match="no show"):
        quick_log(store, show + 100, "technical")
    with pytest.raises(IncidentNotFound):
        update(store, 999, status="resolved")
    assert list_incidents(store, show) == []


def test_mitigate_then_resolve_sets_times_and_durations(store, show) -> None:
    """open -> mitigated -> resolved stamps each time; time to mitigate/resolve follow."""
    iid = quick_log(store, show, "technical", at=T0)
    m = update(store, iid, status="mitigated", at=T0 + timedelta(seconds=45), who="tech")
    assert m.status == "mitigated" and m.mitigated_at == T0 + timedelta(seconds=45)
    assert m.time_to_mitigate == 45 and m.time_to_resolve is None
    r = update(store, iid, status="resolved", at=T0 + timedelta(minutes=10), who="tech")
    assert r.mitigated_at == T0 + timedelta(seconds=45)
    assert r.time_to_resolve == 600


def test_resolving_an_open_incident_also_mitigates_it(store, show) -> None:
    """Skipping 'mitigated' still records when the problem stopped hurting."""
    iid = quick_log(store, show, "anchor", at=T0)
    r = update(store, iid, status="resolved", at=T0 + timedelta(seconds=30))
    assert r.mitigated_at == r.resolved_at == T0 + timedelta(seconds=30)
    fields = [h.field for h in history(store, iid)]
    assert fields == ["created", "mitigated_at", "resolved_at", "status"]


def test_every_edit_leaves_a_history_row_and_nothing_is_lost(store, show) -> None:
    """Each changed field is a row with old and new value; unchanged fields add nothing."""
    iid = quick_log(store, show, "product", text="link 3 price", at=T0, who="controller")
    update(store, iid, who="controller", text="link 3 shows ¥99 not ¥199", owner="controller")
    update(store, iid, who="tech", owner="tech", impact="12 orders at wrong price")
    update(store, iid, who="tech", owner="tech")  # no change: no row
    update(store, iid, who="tech", note="unlisted link 3")
    update(store, iid, who="tech", note="anchor corrected price")
    update(store, iid, who="tech", severity=1)
    rows = history(store, iid)
    assert [(h.who, h.field) for h in rows] == [
        ("controller", "created"),
        ("controller", "owner"),
        ("controller", "text"),
        ("tech", "owner"),
        ("tech", "impact"),
        ("tech", "action_taken"),
        ("tech", "action_taken"),
        ("tech", "severity"),
    ]
    text_row = rows[2]
    assert (text_row.old, text_row.new) == ("link 3 price", "link 3 shows ¥99 not ¥199")
    assert rows[6].old == "unlisted link 3"
    inc = get_incident(store, iid)
    assert inc.action_taken == "unlisted link 3\nanchor corrected price"
    assert inc.severity == 1 and inc.updated_at is not None


def test_reopening_clears_later_times_but_history_keeps_them(store, show) -> None:
    """A mistaken 'resolved' is undone by reopening; the old timestamps stay in the history."""
    iid = quick_log(store, show, "other", at=T0)
    update(store, iid, status="resolved", at=T0 + timedelta(seconds=5))
    back = update(store, iid, status="open", at=T0 + timedelta(seconds=8))
    assert back.status == "open" and back.mitigated_at is None and back.resolved_at is None
    cleared = [h for h in history(store, iid) if h.field == "resolved_at" and h.new is None]
    assert cleared and cleared[0].old == (T0 + timedelta(seconds=5)).isoformat()


def test_checklist_ticks_are_saved_and_validated(store, show) -> None:
    """Ticking a playbook item is saved and recorded; a malformed checklist is refused."""
    iid = quick_log(store, show, "technical")
    items = get_incident(store, iid).checklist
    items[1]["done"] = True
    inc = update(store, iid, checklist=items, who="tech")
    assert inc.checklist_done == (1, 3)
    assert history(store, iid)[-1].field == "checklist"
    with pytest.raises(IncidentError, match="checklist entry 1"):
        update(store, iid, checklist=[42])


def test_profile_playbooks_override_defaults(store, show, tmp_path: Path) -> None:
    """A studio's own playbook in the profile is the checklist offered; a broken one falls back."""
    path = tmp_path / "profile.yaml"
    path.write_text(
        "playbooks:\n  technical: [call IT, switch to phone stream]\n  product: 7\n",
        encoding="utf-8",
    )
    profile = Profile.load(path)
    iid = quick_log(store, show, "technical", profile=profile)
    assert [c["item"] for c in get_incident(store, iid).checklist] == [
        "call IT",
        "switch to phone stream",
    ]
    assert playbooks.playbook(profile, "product") == playbooks.DEFAULTS["product"]
    assert playbooks.playbook(profile, "anchor") == playbooks.DEFAULTS["anchor"]


def test_filters_select_by_category_severity_status_source(store, show) -> None:
    """Filters combine; list is oldest first."""
    a = quick_log(store, show, "technical", severity=1, at=T0)
    b = quick_log(store, show, "product", severity=2, at=T0 + timedelta(seconds=1))
    c = quick_log(
        store,
        show,
        "technical",
        severity=3,
        at=T0 + timedelta(seconds=2),
        source="auto",
        condition_key="cam.frozen",
    )
    update(store, a, status="mitigated")
    assert [i.id for i in list_incidents(store, show)] == [a, b, c]
    f = IncidentFilter(categories=frozenset({"technical"}))
    assert [i.id for i in list_incidents(store, show, f)] == [a, c]
    f = IncidentFilter(categories=frozenset({"technical"}), statuses=frozenset({"open"}))
    assert [i.id for i in list_incidents(store, show, f)] == [c]
    assert [
        i.id for i in list_incidents(store, show, IncidentFilter(sources=frozenset({"auto"})))
    ] == [c]
    assert [
        i.id for i in list_incidents(store, show, IncidentFilter(severities=frozenset({1, 2})))
    ] == [a, b]
    assert all(
        IncidentFilter(severities=frozenset({1, 2})).matches(i)
        for i in list_incidents(store, show, IncidentFilter(severities=frozenset({1, 2})))
    )


def test_export_csv_has_every_incident_with_chinese_text(store, show, tmp_path: Path) -> None:
    """The CSV opens in Excel (BOM), keeps Chinese text and the computed durations."""
    iid = quick_log(store, show, "compliance", severity=2, text="违禁词: 最便宜", at=T0)
    update(store, iid, status="resolved", at=T0 + timedelta(seconds=90))
    quick_log(store, show, "other", at=T0 + timedelta(seconds=100))
    out = tmp_path / "incidents.csv"
    assert export_csv(store, show, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0]["text"] == "违禁词: 最便宜" and rows[0]["severity"] == "S2"
    assert rows[0]["time_to_resolve_s"] == "90" and rows[1]["status"] == "open"
    with pytest.raises(IncidentError, match="does not exist"):
        export_csv(store, show, tmp_path / "missing" / "x.csv")
