"""`GET /api/v1/status`: what the panels show, read from the same core functions they call.

- runner: the session's `Snapshot` (`studio.runner`), read live on every request (no database);
- product: the presenting product as `studio.products.reader.LiveProducts` derives it (the
  board and the prompter card call the same `derive`);
- metrics: `studio.metrics.series.snapshot` (what `studio kpi` prints);
- show and open incidents: the store, through the core readers;
- driver: who holds the rundown lease (the session's view of it); `since` is when this server
  first saw that station drive (the lease row keeps only its heartbeat).

The database parts are re-read by `refresh()` on a worker thread (after a change the bus
announces, at most a few times a second), so a thousand requests a second cost no queries.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from typing import Any

from studio.api.rundown import Rundown
from studio.incidents.log import IncidentFilter, list_incidents
from studio.metrics.series import snapshot as metrics_snapshot
from studio.products.model import Derived
from studio.products.reader import LiveProducts
from studio.runner.state import Snapshot
from studio.store.changes import Change
from studio.store.models import Show
from studio.store.store import Store
from studio.timeutil import Clock

log = logging.getLogger(__name__)

# Which parts a change makes stale.
PART_OF_TABLE = {
    "show": "show",
    "product": "product",
    "product_event": "product",
    "coupon": "product",
    "metric_sample": "metrics",
    "incident": "incidents",
    "incident_history": "incidents",
    "runner_lease": "driver",
}


def _iso(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).isoformat()


def runner_part(rundown: Rundown, snap: Snapshot | None = None) -> dict[str, Any]:
    """The `runner` block: state, segment, cue, remaining, over/under and what comes next."""
    snap = snap or rundown.snapshot()
    script = rundown.script
    segs = script.segments
    out: dict[str, Any] = {
        "state": snap.status,
        "segment": None,
        "cue": None,
        "remaining_s": round(snap.segment_remaining, 1),
        "over_under_s": round(snap.over_under, 1),
        "phase": snap.phase,
        "banner": None,
        "next": None,
    }
    i = snap.segment_index
    if not 0 <= i < len(segs):
        return out
    seg = segs[i]
    out["segment"] = {"index": i, "key": seg.id, "title": seg.title, "kind": seg.kind}
    if snap.banner_remaining is not None:  # the lucky-bag draw or the flash sale's end
        out["banner"] = {"kind": seg.kind, "remaining_s": round(snap.banner_remaining, 1)}
    text = seg.cues[snap.cue_index].text if snap.cue_index < len(seg.cues) else seg.title
    out["cue"] = {"index": snap.cue_index, "text": text}
    if snap.cue_index + 1 < len(seg.cues):
        out["next"] = {
            "segment": {"index": i, "key": seg.id, "title": seg.title},
            "cue": {"index": snap.cue_index + 1, "text": seg.cues[snap.cue_index + 1].text},
        }
    elif i + 1 < len(segs):
        nxt = segs[i + 1]
        out["next"] = {
            "segment": {"index": i + 1, "key": nxt.id, "title": nxt.title},
            "cue": {"index": 0, "text": nxt.cues[0].text if nxt.cues else nxt.title},
        }
    return out


def product_part(d: Derived | None) -> dict[str, Any] | None:
    if d is None:
        return None
    p = d.product
    return {
        "sku": p.sku,
        "link": p.link,
        "name": p.name,
        "list_price_cents": p.list_price_cents,
        "effective_price_cents": d.effective_price_cents,
        "best_price_cents": d.best_price_cents,
        "stock_left": d.stock_left,
        "flash_running": d.flash_running,
        "quota_left": None if d.flash is None else d.flash.quota_left,
    }


class StatusBuilder:
    """The status document of one show; `status()` is cheap and safe from any thread."""

    def __init__(self, store: Store, show_id: int, rundown: Rundown, clock: Clock) -> None:
        self.store = store
        self.show_id = show_id
        self.rundown = rundown
        self.clock = clock
        self._lock = threading.Lock()
        self._stale = set(PART_OF_TABLE.values())
        self._products = LiveProducts(store, show_id, clock)
        self._parts: dict[str, Any] = {
            "show": {"id": show_id, "title": "", "status": ""},
            "product": None,
            "metrics": {
                "gmv_cents": None,
                "gmv_target_cents": None,
                "online_viewers": None,
                "orders": None,
            },
            "incidents": {"open": 0},
        }
        self._driver_seen: tuple[str | None, float] = (None, time.time())
        self._last_refresh = 0.0

    # -- what changed ----------------------------------------------------------------------------
    def note_change(self, change: Change) -> str | None:
        """Mark the part a change makes stale (any thread); the part's name, or None."""
        if change.show_id is not None and change.show_id != self.show_id:
            return None
        part = PART_OF_TABLE.get(change.table)
        if part is not None:
            with self._lock:
                self._stale.add(part)
        return part

    @property
    def stale(self) -> bool:
        with self._lock:
            return bool(self._stale)

    def mark(self, part: str) -> None:
        """Re-read `part` at the next refresh (a product's flash sale opens by the clock)."""
        with self._lock:
            self._stale.add(part)

    def refresh(self, skip: frozenset[str] = frozenset()) -> set[str]:
        """Re-read the stale parts but `skip` (a worker thread: this queries); the parts
        re-read. Skipped parts stay stale for the next call."""
        with self._lock:
            parts = self._stale - skip
            self._stale &= skip
        done: set[str] = set()
        for part in sorted(parts):
            try:
                self._read(part)
                done.add(part)
            except Exception as exc:  # the database away: keep the last figures, retry later
                log.warning("api status: %s not refreshed: %s", part, exc)
                with self._lock:
                    self._stale.add(part)
        self._last_refresh = time.monotonic()
        return done

    def _read(self, part: str) -> None:
        if part == "show":
            with self.store.session() as s:
                show = s.get(Show, self.show_id)
                value: Any = {
                    "id": self.show_id,
                    "title": show.title if show else "",
                    "status": show.status if show else "",
                }
        elif part == "product":
            self._products.refresh()
            value = product_part(self._products.presenting())
        elif part == "metrics":
            snap = metrics_snapshot(self.store, self.show_id)
            t = snap.totals
            value = {
                "gmv_cents": t.get("gmv_cents"),
                "gmv_target_cents": snap.timing.gmv_target_cents or None,
                "online_viewers": t.get("online_viewers"),
                "orders": t.get("orders"),
            }
        elif part == "incidents":
            open_ = list_incidents(
                self.store, self.show_id, IncidentFilter(statuses=frozenset({"open"}))
            )
            value = {"open": len(open_)}
        else:  # driver: read live from the rundown in status()
            return
        with self._lock:
            self._parts[part] = value

    # -- the document ------------------------------------------------------------------------------
    def driver_part(self, station: str) -> dict[str, Any]:
        who = self.rundown.driver or station
        with self._lock:
            if self._driver_seen[0] != who:
                self._driver_seen = (who, time.time())
            since = self._driver_seen[1]
        return {"station": who, "since": _iso(since), "here": self.rundown.driver is None}

    def status(self) -> dict[str, Any]:
        with self._lock:
            parts = dict(self._parts)
        return {
            "show": parts["show"],
            "runner": runner_part(self.rundown),
            "product": parts["product"],
            "metrics": parts["metrics"],
            "incidents": parts["incidents"],
            "driver": self.driver_part(self.store.station),
        }

    def part(self, name: str) -> Any:
        with self._lock:
            return self._parts.get(name)

    def close(self) -> None:
        self._products.close()
