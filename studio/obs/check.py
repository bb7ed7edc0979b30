"""The pre-show encoder check: is OBS there, set up as the studio expects, and is the program
picture alive? Same Finding format as the camera and mic checks.

Findings: `reachable` (+ version), `output_format`, `program_black`, `program_frozen` (program
screenshots through the camera analysis), `disk`, `stream_configured` (a service and a key are
set; the key itself is never shown, nor a server URL's path or query, where platforms hide tokens).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from studio.devices.findings import Finding, Status, worst
from studio.obs.client import ObsClient, ObsError, ObsState
from studio.obs.health import MB_PER_GB, disk_status, target_fps
from studio.obs.thresholds import DEFAULTS

CHECKS = (
    "reachable",
    "output_format",
    "program_black",
    "program_frozen",
    "disk",
    "stream_configured",
)


@dataclass
class ObsCheckResult:
    source: str
    findings: list[Finding]
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> Status:
        return worst(self.findings)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": "obs",
            "source": self.source,
            "status": self.status,
            "metrics": self.metrics,
            "findings": [f.as_json() for f in self.findings],
        }


Request = Callable[[str, dict[str, Any] | None], dict[str, Any]]


def run_check(
    client: ObsClient,
    cfg: dict[str, Any] | None = None,
    *,
    connect_timeout: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
) -> ObsCheckResult:
    """Run every check through a started client (blocks the caller: not for the GUI thread)."""
    c = {**DEFAULTS, **(cfg or {})}
    source = f"obs://{client.config.address}"
    if not client.wait_connected(connect_timeout):
        return ObsCheckResult(source, [_unreachable(client), *_skipped()])
    info = client.info
    version = f"OBS {info.obs_version or '?'}, obs-websocket {info.websocket_version or '?'}"
    findings = [Finding("reachable", "pass", f"Connected: {version}", info.obs_version or None)]
    metrics: dict[str, Any] = {
        "obs_version": info.obs_version,
        "websocket_version": info.websocket_version,
    }

    def request(name: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        return client.call(name, data, timeout=client.timeout + 2.0)

    for check in (_output_format, _program, _disk, _stream_configured):
        try:
            findings.extend(check(request, c, metrics, sleep))
        except ObsError as exc:
            names = _CHECK_NAMES[check]
            findings.extend(Finding(n, "warn", f"Not checked: {exc}", None) for n in names)
        except TimeoutError:
            names = _CHECK_NAMES[check]
            findings.extend(
                Finding(n, "warn", "Not checked: OBS did not answer in time", None) for n in names
            )
    return ObsCheckResult(source, findings, metrics)


def _unreachable(client: ObsClient) -> Finding:
    if client.state is ObsState.AUTH_FAILED:
        return Finding("reachable", "fail", client.message, None)
    return Finding(
        "reachable",
        "fail",
        f"OBS not reachable at {client.config.address} ({client.message}). Start OBS and "
        "enable Tools > WebSocket Server Settings > Enable WebSocket server",
        None,
    )


def _skipped() -> list[Finding]:
    return [Finding(n, "warn", "Not checked: OBS is not connected", None) for n in CHECKS[1:]]


# -- the individual checks ----------------------------------------------------------------------

Check = Callable[[Request, dict[str, Any], dict[str, Any], Callable[[float], None]], list[Finding]]


def _output_format(
    request: Request, c: dict[str, Any], m: dict[str, Any], _sleep: Callable[[float], None]
) -> list[Finding]:
    video = request("GetVideoSettings", None)
    w, h = int(video.get("outputWidth", 0)), int(video.get("outputHeight", 0))
    fps = target_fps(video) or 0.0
    m.update(output_width=w, output_height=h, fps=round(fps, 3))
    value = f"{w}x{h}@{fps:g}"
    ew, eh, efps = c.get("expected_width"), c.get("expected_height"), c.get("expected_fps")
    problems: list[str] = []
    if ew and eh and (w, h) != (int(ew), int(eh)):
        problems.append(f"output is {w}x{h}, the studio profile expects {ew}x{eh}")
    elif not (ew and eh) and min(w, h) < int(c["min_short_side"]):
        problems.append(f"output {w}x{h} is below {c['min_short_side']}p")
    if efps and abs(fps - float(efps)) > 0.01:
        problems.append(f"{fps:g} fps, the studio profile expects {float(efps):g}")
    if problems:
        return [
            Finding(
                "output_format",
                "warn",
                "; ".join(problems).capitalize()
                + ": set Settings > Video in OBS (Output resolution, FPS)",
                value,
            )
        ]
    orient = "portrait" if h > w else "landscape"
    return [Finding("output_format", "pass", f"{w}x{h} {orient}, {fps:g} fps", value)]


def _program(
    request: Request, c: dict[str, Any], m: dict[str, Any], sleep: Callable[[float], None]
) -> list[Finding]:
    from studio.devices.camera.thresholds import DEFAULTS as CAMERA

    scene = request("GetCurrentProgramScene", None).get("currentProgramSceneName")
    if not scene:
        return [
            Finding("program_black", "warn", "Not checked: OBS has no program scene", None),
            Finding("program_frozen", "warn", "Not checked: OBS has no program scene", None),
        ]
    m["program_scene"] = scene
    images = []
    started = time.monotonic()
    for i in range(max(2, int(c["screenshots"]))):
        if i:
            sleep(float(c["screenshot_interval_s"]))
        shot = request(
            "GetSourceScreenshot",
            {
                "sourceName": scene,
                "imageFormat": "png",
                "imageWidth": int(c["screenshot_width"]),
            },
        )
        images.append(decode_screenshot(str(shot.get("imageData", ""))))
    stats = program_stats(images, float(CAMERA["black"]["max_p99"]))
    stats["span"] = time.monotonic() - started
    m.update(
        screenshots=len(images),
        program_luma_p99=round(stats["luma_p99"], 1),
        program_max_diff=round(stats["max_diff"], 3),
    )
    out: list[Finding] = []
    if stats["black"]:
        out.append(
            Finding(
                "program_black",
                "fail",
                f"The program scene {scene!r} is black: check its sources (camera/capture "
                "card unplugged or hidden, wrong scene)",
                round(stats["luma_p99"], 1),
            )
        )
    else:
        out.append(Finding("program_black", "pass", f"Program scene {scene!r} has a picture", None))
    if stats["black"]:
        out.append(Finding("program_frozen", "warn", "Not judged: the program is black", None))
    elif stats["max_diff"] <= float(CAMERA["frozen"]["max_diff"]):
        out.append(
            Finding(
                "program_frozen",
                "warn",
                f"The program picture did not change over {stats['span']:.1f} s: fine for a "
                "still graphic, but a live camera scene should move — check the capture source",
                round(stats["max_diff"], 3),
            )
        )
    else:
        out.append(
            Finding(
                "program_frozen", "pass", "Program picture is live", round(stats["max_diff"], 3)
            )
        )
    m["screenshot_span_s"] = round(stats["span"], 2)
    return out


def decode_screenshot(data_url: str) -> Any:
    """A GetSourceScreenshot data URL ("data:image/png;base64,...") as a BGR image."""
    import cv2
    import numpy as np

    payload = data_url.split(",", 1)[1] if "," in data_url else data_url
    try:
        raw = base64.b64decode(payload, validate=False)
    except ValueError as exc:
        raise ObsError(f"OBS sent an unreadable screenshot: {exc}") from exc
    image = cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ObsError("OBS sent a screenshot that is not a PNG image")
    return image


def program_stats(images: list[Any], black_max_p99: float) -> dict[str, Any]:
    """Black (every shot's 99th luma percentile under the limit) and the largest difference
    between consecutive shots, with the camera analysis' own functions."""
    import cv2

    from studio.devices.camera import framerate
    from studio.devices.camera.exposure import luma_stats

    p99s, diffs = [], []
    prev = None
    for img in images:
        gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        p99s.append(luma_stats(gray, 250, 5).p99)
        sample = framerate.diff_sample(gray)
        if prev is not None:
            diffs.append(framerate.frame_difference(prev, sample))
        prev = sample
    luma = max(p99s) if p99s else 0.0
    return {
        "black": all(framerate.is_black(p, black_max_p99) for p in p99s),
        "luma_p99": float(luma),
        "max_diff": float(max(diffs)) if diffs else 0.0,
        "span": 0.0,
    }


def _disk(
    request: Request, c: dict[str, Any], m: dict[str, Any], _sleep: Callable[[float], None]
) -> list[Finding]:
    stats = request("GetStats", None)
    free = stats.get("availableDiskSpace")
    if not isinstance(free, int | float):
        return [Finding("disk", "warn", "OBS did not report the free disk space", None)]
    gb = float(free) / MB_PER_GB
    m["disk_free_gb"] = round(gb, 2)
    status = disk_status(float(free), float(c["disk_gb_warn"]), float(c["disk_gb_error"]))
    if status == "ok":
        return [Finding("disk", "pass", f"{gb:.1f} GB free for recordings", round(gb, 2))]
    hours = gb * 8 * 1024 / 6000 / 3.6  # at ~6 Mbit/s, a typical live-commerce recording rate
    return [
        Finding(
            "disk",
            "fail" if status == "error" else "warn",
            f"Only {gb:.1f} GB free for recordings (about {hours:.1f} h at 6 Mbit/s): free "
            "space or set another recording path in OBS",
            round(gb, 2),
        )
    ]


def _stream_configured(
    request: Request, _c: dict[str, Any], m: dict[str, Any], _sleep: Callable[[float], None]
) -> list[Finding]:
    answer = request("GetStreamServiceSettings", None)
    kind = str(answer.get("streamServiceType") or "")
    settings = answer.get("streamServiceSettings") or {}
    key_set = bool(str(settings.get("key") or "").strip())
    server = str(settings.get("server") or "")
    service = str(settings.get("service") or "")
    where = service or _safe_server(server)
    m.update(stream_service_type=kind, stream_target=where, stream_key_set=key_set)
    if not (server or service):
        return [
            Finding(
                "stream_configured",
                "fail",
                "No streaming server set: paste the platform's push URL in OBS Settings > Stream",
                None,
            )
        ]
    if not key_set:
        return [
            Finding(
                "stream_configured",
                "fail",
                f"Streaming to {where} but no stream key is set: paste today's key from the "
                "platform's live console",
                where,
            )
        ]
    return [Finding("stream_configured", "pass", f"Streaming to {where}, key set (hidden)", where)]


def _safe_server(server: str) -> str:
    """scheme://host[:port] only: platforms put tokens in the path and query."""
    try:
        parts = urlsplit(server)
    except ValueError:
        return "a custom server"
    if not parts.scheme or not parts.hostname:
        return "a custom server"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


_CHECK_NAMES: dict[Check, tuple[str, ...]] = {
    _output_format: ("output_format",),
    _program: ("program_black", "program_frozen"),
    _disk: ("disk",),
    _stream_configured: ("stream_configured",),
}
