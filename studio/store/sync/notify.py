"""The NOTIFY payload: what changed and its ids, never the row itself (8000-byte limit)."""

from __future__ import annotations

import json
import logging
from typing import Any

from studio.store.changes import Change

log = logging.getLogger(__name__)

CHANNEL = "studio_changes"


def encode(change: Change) -> str:
    return json.dumps(
        {
            "t": change.table,
            "r": change.key,
            "s": change.show_id,
            "st": change.station,
            "id": change.log_id,
        },
        separators=(",", ":"),
        ensure_ascii=False,
    )


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"not an id: {value!r}")
    return value


def decode(payload: str) -> Change | None:
    """A remote Change, or None (logged) for a payload this version does not understand:
    the catch-up query will still deliver whatever it was about."""
    try:
        data = json.loads(payload)
        if not isinstance(data, dict) or not isinstance(data.get("t"), str):
            raise ValueError("no table")
        station = data.get("st") or ""
        if not isinstance(station, str):
            raise ValueError("bad station")
        return Change.keyed(
            data["t"],
            _int_or_none(data.get("r")),
            _int_or_none(data.get("s")),
            station=station,
            log_id=_int_or_none(data.get("id")),
            remote=True,
        )
    except (ValueError, TypeError) as exc:
        log.warning("ignoring a malformed change notification (%s): %.200r", exc, payload)
        return None
