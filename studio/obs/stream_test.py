"""The stream test ("测试推流"): a short test recording through OBS, analysed by the camera, mic
and A/V sync checks, and the readiness gate's "stream test" item from it and the OBS check.

`record_test_clip` drives OBS (blocks: run it on a worker thread or the CLI); `analyse_clip`
is the analysis of the file; `run_stream_test` does both; `stream_test_gate` is pure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.devices.findings import Finding, Status, worst
from studio.i18n_marks import QT_TRANSLATE_NOOP
from studio.obs.client import ObsClient, ObsError

RECORD_SECONDS = 10.0
# Checks of each analysis that the stream test reports (the rest judge the room, not the
# encoder's output, and have their own checks).
CAMERA_PART = ("resolution", "fps", "frozen", "black")
MIC_PART = ("signal", "clipping", "loudness", "true_peak")

Progress = Callable[[float, str], None]  # fraction done 0..1, step ("record", "analyse")


class StreamTestError(ObsError):
    """The test recording could not be made or read; the message says what to do."""


ALREADY_RECORDING = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "OBS is already recording: stop that recording first (a test recording would end it)",
)
NOT_LOCAL = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "The test recording is on the OBS computer ({path}): run the stream test on that computer",
)
RECORDED = QT_TRANSLATE_NOOP(
    "ObsMessages", "Test recording: {seconds:.1f} s, {w}x{h} at {fps:.1f} fps"
)
OUTPUT_MISMATCH = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "The recording is {w}x{h} at {fps:.1f} fps, OBS outputs {ow}x{oh} at {ofps:g} fps: check "
    "Settings > Output > Recording (rescale output, frame rate)",
)
SYNC_NOT_MEASURED = QT_TRANSLATE_NOOP(
    "ObsMessages",
    "Sync not measured: no flashes or claps in the recording (play the sync pattern in OBS, "
    "or clap in front of the camera, during the test)",
)


def _status(client: ObsClient) -> dict[str, Any]:
    return client.call("GetRecordStatus", None, timeout=client.timeout + 2.0)


def record_test_clip(
    client: ObsClient,
    seconds: float = RECORD_SECONDS,
    *,
    progress: Progress | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    timeout_s: float = 20.0,
) -> Path:
    """Record `seconds` of OBS's program and return the finished file (on this computer)."""
    if _status(client).get("outputActive"):
        raise StreamTestError(str(ALREADY_RECORDING))
    client.call("StartRecord", None, timeout=client.timeout + 2.0)
    deadline = clock() + timeout_s
    while not _status(client).get("outputActive"):
        if clock() > deadline:
            raise StreamTestError("OBS did not start recording: check Settings > Output")
        sleep(0.1)
    started = clock()
    while (elapsed := clock() - started) < seconds:
        if progress is not None:
            progress(min(1.0, elapsed / seconds) * 0.8, "record")
        sleep(min(0.25, seconds - elapsed))
    answer = client.call("StopRecord", None, timeout=client.timeout + 5.0)
    deadline = clock() + timeout_s
    while _status(client).get("outputActive"):
        if clock() > deadline:
            raise StreamTestError("OBS did not finish the recording in time")
        sleep(0.1)
    path = Path(str(answer.get("outputPath") or ""))
    if not answer.get("outputPath"):
        raise StreamTestError("OBS did not say where it saved the recording (obs-websocket 5.1+)")
    # OBS writes the file's last bytes after the output stops: wait for the size to settle.
    last = -1
    while True:
        size = path.stat().st_size if path.exists() else -1
        if size > 0 and size == last:
            break
        if clock() > deadline:
            if not path.exists():
                raise StreamTestError(str(NOT_LOCAL(path=str(path))))
            break
        last = size
        sleep(0.3)
    return path


@dataclass
class StreamTestResult:
    source: str
    recording: str
    findings: list[Finding]
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> Status:
        return worst(self.findings)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": "stream_test",
            "source": self.source,
            "recording": self.recording,
            "status": self.status,
            "metrics": self.metrics,
            "findings": [f.as_json(with_i18n=False) for f in self.findings],
        }


def analyse_clip(
    path: str | Path,
    *,
    camera_cfg: dict[str, Any],
    mic_cfg: dict[str, Any],
    av_cfg: dict[str, Any],
    output: Mapping[str, Any] | None = None,
    source: str = "",
) -> StreamTestResult:
    """The camera, mic and A/V checks on a recording, as one result. `output` is OBS's
    GetVideoSettings answer, to compare the recording with what OBS says it outputs."""
    from studio.devices.audio import mic_check as mic
    from studio.devices.av import av_check as av
    from studio.devices.av import media
    from studio.devices.camera.camera_check import run_check
    from studio.devices.camera.sources import SourceError, parse_source

    try:
        picture = run_check(parse_source(str(path)), 3600.0, camera_cfg, "camera")
        sound = media.read_audio(path)
        timing = av.measure_file(path, cfg=av_cfg)
    except (SourceError, media.MediaError, av.AvSourceError) as exc:
        raise StreamTestError(f"the test recording cannot be read: {exc}") from exc
    heard = mic.analyse(sound, media.AUDIO_RATE, source=str(path), thresholds=mic_cfg)
    pm, fps = picture.metrics, float(picture.metrics.get("fps_measured") or 0.0)
    w, h = int(pm.get("width") or 0), int(pm.get("height") or 0)
    seconds = round(len(sound) / media.AUDIO_RATE, 2)
    found: list[Finding] = []
    ow = int((output or {}).get("outputWidth") or 0)
    oh = int((output or {}).get("outputHeight") or 0)
    num, den = (output or {}).get("fpsNumerator"), (output or {}).get("fpsDenominator")
    ofps = float(num) / float(den) if num and den else 0.0
    if ow and oh and ((w, h) != (ow, oh) or (ofps and abs(fps - ofps) > 0.05 * ofps)):
        text = OUTPUT_MISMATCH(w=w, h=h, fps=fps, ow=ow, oh=oh, ofps=ofps)
        found.append(Finding.of("recording", "warn", f"{w}x{h}", text))
    else:
        found.append(
            Finding.of(
                "recording", "pass", f"{w}x{h}", RECORDED(seconds=seconds, w=w, h=h, fps=fps)
            )
        )
    found += [f for f in picture.findings if f.check in CAMERA_PART]
    found += [f for f in heard.findings if f.check in MIC_PART]
    for f in timing.findings:
        if (
            f.value is None
            and timing.estimate.events == 0
            and (timing.estimate.picture_events == 0 or timing.estimate.sound_events == 0)
        ):
            # A normal program has no sync events: say it was not measured, not a fault.
            found.append(Finding.of("sync", "pass", None, SYNC_NOT_MEASURED()))
        else:
            found.append(f)
    metrics = {
        "recording": str(path),
        "seconds": seconds,
        "width": w,
        "height": h,
        "fps_measured": pm.get("fps_measured"),
        "dropped_frames": pm.get("dropped_frames"),
        "frozen_frames": pm.get("frozen_frames"),
        "black_frames": pm.get("black_frames"),
        "integrated_lufs": heard.metrics.get("integrated_lufs"),
        "true_peak_dbtp": heard.metrics.get("true_peak_dbtp"),
        "sync_offset_ms": timing.offset_ms,
        "sync_confidence": timing.estimate.confidence,
        "sync_events": timing.estimate.events,
        "output": {"width": ow, "height": oh, "fps": ofps} if ow else None,
    }
    return StreamTestResult(source or str(path), str(path), found, metrics)


def run_stream_test(
    client: ObsClient,
    seconds: float = RECORD_SECONDS,
    *,
    camera_cfg: dict[str, Any],
    mic_cfg: dict[str, Any],
    av_cfg: dict[str, Any],
    progress: Progress | None = None,
    keep: bool = False,
) -> StreamTestResult:
    """Record through OBS, analyse, and (unless `keep`) delete the test recording."""
    output = client.call("GetVideoSettings", None, timeout=client.timeout + 2.0)
    path = record_test_clip(client, seconds, progress=progress)
    try:
        if progress is not None:
            progress(0.85, "analyse")
        result = analyse_clip(
            path,
            camera_cfg=camera_cfg,
            mic_cfg=mic_cfg,
            av_cfg=av_cfg,
            output=output,
            source=f"obs://{client.config.address}",
        )
    finally:
        if not keep:
            path.unlink(missing_ok=True)
    if not keep:
        result.metrics["recording"] = None
    if progress is not None:
        progress(1.0, "done")
    return result
