"""Following an incident up: which fields an edit really changes, and its history read back.

An editor shows an auto-incident's stored English text in the UI language; saving must not
turn that translation into an edit (and clobber a teammate's change), so only what the user
changed is sent to `studio.incidents.log.update`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from studio.incidents.log import IncidentView


def kept_unless_edited(edited: str, shown: str, stored: str) -> str:
    """The editor's text, or the stored original when the user left what was shown as is."""
    now = edited.strip()
    return stored if now == shown.strip() else now


def checklist_ticks(checklist: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A checklist as (item, done) pairs, the shape an edit sends and compares."""
    return [{"item": c.get("item"), "done": bool(c.get("done"))} for c in checklist]


def changed_fields(
    view: IncidentView,
    *,
    severity: int | None,
    text: str,
    owner: str,
    action_taken: str,
    impact: str,
    checklist: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The fields whose edited value differs from the stored incident, ready for `update`."""
    out: dict[str, Any] = {}
    if severity != view.severity:
        out["severity"] = severity
    for key, now, before in (
        ("text", text, view.text),
        ("owner", owner, view.owner),
        ("action_taken", action_taken, view.action_taken),
        ("impact", impact, view.impact),
    ):
        if now != before:
            out[key] = now
    ticks = checklist_ticks(checklist)
    if ticks != checklist_ticks(view.checklist):
        out["checklist"] = ticks
    return out


def checklist_progress(raw: str) -> tuple[int, int]:
    """(ticked, total) of a checklist as a history row stores it (JSON); ValueError when the
    value is not such a list."""
    items = json.loads(raw)
    if not isinstance(items, list):
        raise ValueError(f"not a checklist: {raw[:80]!r}")
    done = sum(1 for i in items if isinstance(i, dict) and i.get("done"))
    return done, len(items)


def created_parts(raw: str) -> tuple[str, str, str] | None:
    """(category, severity code, source) of a "created" history row ("technical S2 auto",
    written by `quick_log`), or None for any other value."""
    parts = raw.split()
    if len(parts) != 3:
        return None
    category, severity, source = parts
    return category, severity, source
