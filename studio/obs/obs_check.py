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
from studio.i18n_marks import QT_TRANSLATE_NOOP, Message
from studio.obs.client import NEEDS_PASSWORD, WRONG_PASSWORD, ObsClient, ObsError, ObsState
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
            "findings": [f.as_json(with_i18n=False) for f in self.findings],
        }


Request = Callable[[str, dict[str, Any] | None], dict[str, Any]]

# Literal contexts and templates: pyside6-lupdate extracts QT_TRANSLATE_NOOP calls as written.
CONNECTED = QT_TRANSLATE_NOOP("ObsMessages", "Connected: OBS {obs}, obs-websocket {ws}")
NOT_CHECKED = QT_TRANSLATE_NOOP("ObsMessages", "Not checked: {error}")
NO_ANSWER = QT_TRANSLATE_NOOP("ObsMessages", "Not checked: OBS did not answer in time")
UNREACHABLE = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "OBS not reachable at {address} ({detail}). Start OBS and enable Tools > WebSocket Server "
    "Settings > Enable WebSocket server",
)
NOT_CONNECTED = QT_TRANSLATE_NOOP("ObsMessages", "Not checked: OBS is not connected")
SIZE_MISMATCH = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Output is {w}x{h}, the studio profile expects {ew}x{eh}: set Settings > Video in OBS "
    "(Output resolution, FPS)",
)
SIZE_LOW = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Output {w}x{h} is below {min}p: set Settings > Video in OBS (Output resolution, FPS)",
)
FPS_MISMATCH = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "{fps:g} fps, the studio profile expects {efps:g}: set Settings > Video in OBS (Output "
    "resolution, FPS)",
)
SIZE_MISMATCH_FPS = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Output is {w}x{h}, the studio profile expects {ew}x{eh}; {fps:g} fps, the studio profile "
    "expects {efps:g}: set Settings > Video in OBS (Output resolution, FPS)",
)
SIZE_LOW_FPS = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Output {w}x{h} is below {min}p; {fps:g} fps, the studio profile expects {efps:g}: set "
    "Settings > Video in OBS (Output resolution, FPS)",
)
FORMAT_PORTRAIT = QT_TRANSLATE_NOOP("ObsMessages", "{w}x{h} portrait, {fps:g} fps")
FORMAT_LANDSCAPE = QT_TRANSLATE_NOOP("ObsMessages", "{w}x{h} landscape, {fps:g} fps")
NO_PROGRAM = QT_TRANSLATE_NOOP("ObsMessages", "Not checked: OBS has no program scene")
PROGRAM_BLACK = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "The program scene {scene!r} is black: check its sources (camera/capture card unplugged or "
    "hidden, wrong scene)",
)
PROGRAM_PICTURE = QT_TRANSLATE_NOOP("ObsMessages", "Program scene {scene!r} has a picture")
NOT_JUDGED_BLACK = QT_TRANSLATE_NOOP("ObsMessages", "Not judged: the program is black")
PROGRAM_STILL = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "The program picture did not change over {secs:.1f} s: fine for a still graphic, but a live "
    "camera scene should move — check the capture source",
)
PROGRAM_LIVE = QT_TRANSLATE_NOOP("ObsMessages", "Program picture is live")
NO_DISK = QT_TRANSLATE_NOOP("ObsMessages", "OBS did not report the free disk space")
DISK_OK = QT_TRANSLATE_NOOP("ObsMessages", "{gb:.1f} GB free for recordings")
DISK_LOW = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Only {gb:.1f} GB free for recordings (about {hours:.1f} h at 6 Mbit/s): free space or set "
    "another recording path in OBS",
)
NO_SERVER = QT_TRANSLATE_NOOP(
    "ObsMessages", "No streaming server set: paste the platform's push URL in OBS Settings > Stream"
)
NO_KEY = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Streaming to {where} but no stream key is set: paste today's key from the platform's live "
    "console",
)
STREAM_OK = QT_TRANSLATE_NOOP("ObsMessages", "Streaming to {where}, key set (hidden)")
CUSTOM_SERVER = QT_TRANSLATE_NOOP("ObsMessages", "a custom server")


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
    connected = CONNECTED(obs=info.obs_version or "?", ws=info.websocket_version or "?")
    findings = [Finding.of("reachable", "pass", info.obs_version or None, connected)]
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
            text = NOT_CHECKED(error=str(exc))
            findings.extend(Finding.of(n, "warn", None, text) for n in names)
        except TimeoutError:
            names = _CHECK_NAMES[check]
            findings.extend(Finding.of(n, "warn", None, NO_ANSWER()) for n in names)
    return ObsCheckResult(source, findings, metrics)


def _unreachable(client: ObsClient) -> Finding:
    if client.state is ObsState.AUTH_FAILED:
        for known in (WRONG_PASSWORD, NEEDS_PASSWORD):
            if client.message == known:
                return Finding.of("reachable", "fail", None, known())
        return Finding("reachable", "fail", client.message, None)
    text = UNREACHABLE(address=client.config.address, detail=client.message)
    return Finding.of("reachable", "fail", None, text)


def _skipped() -> list[Finding]:
    return [Finding.of(n, "warn", None, NOT_CONNECTED()) for n in CHECKS[1:]]


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
    size: tuple[str, dict[str, Any]] | None = None
    if ew and eh and (w, h) != (int(ew), int(eh)):
        size = ("mismatch", {"ew": ew, "eh": eh})
    elif not (ew and eh) and min(w, h) < int(c["min_short_side"]):
        size = ("low", {"min": c["min_short_side"]})
    fps_off = bool(efps and abs(fps - float(efps)) > 0.01)
    if size is not None or fps_off:
        params: dict[str, Any] = {"w": w, "h": h, "fps": fps, "efps": float(efps or 0)}
        if size is not None:
            params.update(size[1])
        template = {
            ("mismatch", False): SIZE_MISMATCH,
            ("low", False): SIZE_LOW,
            (None, True): FPS_MISMATCH,
            ("mismatch", True): SIZE_MISMATCH_FPS,
            ("low", True): SIZE_LOW_FPS,
        }[(size[0] if size else None, fps_off)]
        return [Finding.of("output_format", "warn", value, template(**params))]
    orient = FORMAT_PORTRAIT if h > w else FORMAT_LANDSCAPE
    return [Finding.of("output_format", "pass", value, orient(w=w, h=h, fps=fps))]


def _program(
    request: Request, c: dict[str, Any], m: dict[str, Any], sleep: Callable[[float], None]
) -> list[Finding]:
    from studio.devices.camera.thresholds import DEFAULTS as CAMERA

    scene = request("GetCurrentProgramScene", None).get("currentProgramSceneName")
    if not scene:
        return [
            Finding.of("program_black", "warn", None, NO_PROGRAM()),
            Finding.of("program_frozen", "warn", None, NO_PROGRAM()),
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
        luma = round(stats["luma_p99"], 1)
        out.append(Finding.of("program_black", "fail", luma, PROGRAM_BLACK(scene=scene)))
    else:
        out.append(Finding.of("program_black", "pass", None, PROGRAM_PICTURE(scene=scene)))
    diff = round(stats["max_diff"], 3)
    if stats["black"]:
        out.append(Finding.of("program_frozen", "warn", None, NOT_JUDGED_BLACK()))
    elif stats["max_diff"] <= float(CAMERA["frozen"]["max_diff"]):
        still = PROGRAM_STILL(secs=stats["span"])
        out.append(Finding.of("program_frozen", "warn", diff, still))
    else:
        out.append(Finding.of("program_frozen", "pass", diff, PROGRAM_LIVE()))
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
        return [Finding.of("disk", "warn", None, NO_DISK())]
    gb = float(free) / MB_PER_GB
    m["disk_free_gb"] = round(gb, 2)
    status = disk_status(float(free), float(c["disk_gb_warn"]), float(c["disk_gb_error"]))
    if status == "ok":
        return [Finding.of("disk", "pass", round(gb, 2), DISK_OK(gb=gb))]
    hours = gb * 8 * 1024 / 6000 / 3.6  # at ~6 Mbit/s, a typical live-commerce recording rate
    level: Status = "fail" if status == "error" else "warn"
    return [Finding.of("disk", level, round(gb, 2), DISK_LOW(gb=gb, hours=hours))]


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
        return [Finding.of("stream_configured", "fail", None, NO_SERVER())]
    shown: str | Message = CUSTOM_SERVER() if where == CUSTOM_SERVER else where
    if not key_set:
        return [Finding.of("stream_configured", "fail", where, NO_KEY(where=shown))]
    return [Finding.of("stream_configured", "pass", where, STREAM_OK(where=shown))]


def _safe_server(server: str) -> str:
    """scheme://host[:port] only: platforms put tokens in the path and query."""
    try:
        parts = urlsplit(server)
    except ValueError:
        return str(CUSTOM_SERVER)
    if not parts.scheme or not parts.hostname:
        return str(CUSTOM_SERVER)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"


_CHECK_NAMES: dict[Check, tuple[str, ...]] = {
    _output_format: ("output_format",),
    _program: ("program_black", "program_frozen"),
    _disk: ("disk",),
    _stream_configured: ("stream_configured",),
}
