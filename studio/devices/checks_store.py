"""Saving a device check run as a DeviceCheck row, so the review shows what was checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from studio.devices.findings import Finding, worst
from studio.store.models import DeviceCheck
from studio.store.store import Store


def save_check(
    store: Store,
    kind: str,
    source: str,
    metrics: dict[str, Any],
    findings: list[Finding],
    show_id: int | None = None,
) -> int | None:
    """Save a check run; returns its id (None while queued offline for a shared database)."""
    result = store.insert_idempotent(
        DeviceCheck,
        {
            "kind": kind,
            "source": source,
            "status": worst(findings),
            "metrics": metrics,
            "findings": [f.as_json() for f in findings],
            "show_id": show_id,
            "station": store.station,
        },
    )
    return result.ids[0] if result.ids else None


@dataclass(frozen=True)
class CheckRow:
    """A stored check run as the Checks panel's history lists it."""

    id: int
    kind: str
    status: str
    at: datetime
    source: str
    findings: tuple[dict[str, Any], ...]
    show_id: int | None


def recent_checks(store: Store, show_id: int | None, limit: int = 50) -> list[CheckRow]:
    """The newest check runs, newest first: the show's and those not linked to any show."""
    with store.session() as s:
        query = select(DeviceCheck).order_by(DeviceCheck.at.desc()).limit(limit)
        if show_id is not None:
            query = query.where((DeviceCheck.show_id == show_id) | (DeviceCheck.show_id.is_(None)))
        return [
            CheckRow(r.id, r.kind, r.status, r.at, r.source, tuple(r.findings or ()), r.show_id)
            for r in s.scalars(query)
        ]
