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
) -> int:
    with store.transaction() as s:
        row = DeviceCheck(
            kind=kind,
            source=source,
            status=worst(findings),
            metrics=metrics,
            findings=[f.as_json() for f in findings],
            show_id=show_id,
            station=store.station,
        )
        s.add(row)
        s.flush()
        change = store.record_change(s, "device_check", row.id, show_id)
        row_id = row.id
    store.publish(change)
    return row_id
