"""Incidents name a segment by its title from the show's script, not by its stored key."""

from __future__ import annotations

from datetime import UTC, datetime

from studio.incidents.listing import NOWHERE, position_text
from studio.incidents.log import IncidentView
from studio.incidents.places import segment_titles
from studio.script.model import Cue, Script, Segment
from studio.script.store_io import save_script
from studio.store.store import Store


def _view(segment_key: str | None, cue_index: int | None) -> IncidentView:
    return IncidentView(
        id=1, uid="u", show_id=1, at=datetime(2024, 11, 11, tzinfo=UTC), category="technical",
        severity=2, status="open", source="manual", segment_key=segment_key,
        cue_index=cue_index, text="", mitigated_at=None, resolved_at=None, condition_key=None,
        owner="", action_taken="", impact="",
    )  # fmt: skip


def test_position_text_reads_the_segment_title() -> None:
    """A known key reads as its title with the cue from 1; an unknown key stays as stored."""
    titles = {"essence": "精华水讲解"}
    assert position_text(_view("essence", 3), titles) == "精华水讲解 · 4"
    assert position_text(_view("essence", None), titles) == "精华水讲解"
    assert position_text(_view("remover", 1), titles) == "remover · 2"
    assert position_text(_view(None, None), titles) == NOWHERE


def test_segment_titles_come_from_the_stored_show(store: Store) -> None:
    """The store query maps each of the show's segment keys to its title, and only that show's."""
    script = Script(
        title="Double 11",
        segments=(
            Segment(id="intro", title="开场", planned_seconds=60, cues=(Cue("大家好"),)),
            Segment(id="essence", title="精华水讲解", planned_seconds=600),
        ),
    )
    show_id = save_script(store, script)
    other = save_script(store, Script(title="x", segments=(Segment("intro", "别的", 60),)))
    assert segment_titles(store, show_id) == {"intro": "开场", "essence": "精华水讲解"}
    assert segment_titles(store, other) == {"intro": "别的"}
