"""A one-off status reading for `studio obs status`: connection, version, outputs, health."""

from __future__ import annotations

import time
from typing import Any

from studio.obs.client import ObsClient, ObsError
from studio.obs.health import make_sample
from studio.obs.poller import collect


def read_status(client: ObsClient, connect_timeout: float = 5.0) -> dict[str, Any]:
    """Connection state plus, when connected, streaming/recording state, fps, skipped %,
    congestion and bitrate (two readings a second apart give the bitrate)."""
    connected = client.wait_connected(connect_timeout)
    out: dict[str, Any] = {
        "address": client.config.address,
        "state": str(client.state),
        "message": client.message,
    }
    if not connected:
        return out
    info = client.info
    out.update(obs_version=info.obs_version, websocket_version=info.websocket_version)
    try:
        first = client.submit(collect).result(client.timeout + 1)
        t0 = time.time()
        time.sleep(1.0)
        second = client.submit(collect).result(client.timeout + 1)
    except (ObsError, TimeoutError) as exc:
        out["error"] = str(exc)
        return out
    prev = make_sample(t0, first["stats"], first["stream"], first["record"], first["video"])
    s = make_sample(
        time.time(),
        second["stats"],
        second["stream"],
        second["record"],
        second["video"],
        previous=prev.counters,
        scene=second["scene"],
    )
    out.update(
        streaming=s.stream_state,
        recording=s.recording,
        scene=s.scene,
        fps=_r(s.fps, 2),
        target_fps=_r(s.target_fps, 3),
        bitrate_kbps=_r(s.bitrate_kbps, 0),
        congestion_pct=_r(None if s.congestion is None else 100 * s.congestion, 1),
        dropped_pct=_r(s.dropped_pct, 2),
        skipped_pct=_r(s.skipped_pct, 2),
        missed_pct=_r(s.missed_pct, 2),
        render_ms=_r(s.render_ms, 2),
        cpu_pct=_r(s.cpu_pct, 1),
        disk_free_gb=_r(None if s.disk_free_mb is None else s.disk_free_mb / 1024, 1),
    )
    return out


def _r(v: float | None, nd: int) -> float | None:
    return None if v is None else round(v, nd)
