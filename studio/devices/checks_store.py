"""Saving a device check run as a DeviceCheck row, so the review shows what was checked."""

from __future__ import annotations

from typing import Any

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
