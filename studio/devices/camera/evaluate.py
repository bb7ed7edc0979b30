"""Measurements -> pass/warn/fail findings, each with a message that says what to do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.devices.findings import Finding, Status

CAMERA_CHECKS = (
    "fps",
    "resolution",
    "focus",
    "exposure",
    "white_balance",
    "flicker",
    "frozen",
    "black",
    "lighting_balance",
)
LIGHT_CHECKS = ("exposure", "white_balance", "flicker", "lighting_balance")

M = dict[str, Any]


def _grade(value: float, warn: float, fail: float, higher_is_worse: bool = True) -> Status:
    if higher_is_worse:
        return "fail" if value >= fail else "warn" if value >= warn else "pass"
    return "fail" if value <= fail else "warn" if value <= warn else "pass"


def _stops(x: float) -> str:
    r = round(abs(x) * 2) / 2
    r = max(r, 0.5)
    return f"~{r:g} stop" + ("" if r == 1 else "s")


def check_fps(m: M, c: M) -> Finding:
    fps = m.get("fps_measured")
    if fps is None:
        return Finding(
            "fps",
            "fail",
            "No frames arrived: check the cable, the capture box and "
            "that no other app holds the camera",
            None,
        )
    expected = c["expected"] or m.get("fps_nominal") or 30.0
    ratio = fps / expected
    dropped_pct = 100.0 * m.get("dropped_frames", 0) / max(1, m.get("expected_frames", 1))
    status = _grade(ratio, c["min_ratio_warn"], c["min_ratio_fail"], higher_is_worse=False)
    drop_status = _grade(dropped_pct, c["dropped_pct_warn"], c["dropped_pct_fail"])
    worst = max(status, drop_status, key=("pass", "warn", "fail").index)
    if m.get("losses"):
        return Finding(
            "fps",
            "fail",
            f"The source dropped out {m['losses']} time(s) during the "
            "check: check the cable/network and the capture box",
            round(fps, 2),
        )
    if worst == "pass":
        jitter = m.get("jitter_ms") or 0.0
        if jitter > c["jitter_ms_warn"]:
            return Finding(
                "fps",
                "warn",
                f"Frame timing uneven ({jitter:.1f} ms jitter at "
                f"{fps:.1f} fps): close other apps using the USB bus or CPU",
                round(fps, 2),
            )
        return Finding("fps", "pass", f"{fps:.1f} fps (expected {expected:g})", round(fps, 2))
    if status != "pass":
        msg = (
            f"Frame rate low: {fps:.1f} fps, expected {expected:g}. Add light (cameras slow "
            "down in the dark to expose longer), or lower the resolution/USB load"
        )
    else:
        msg = (
            f"{m['dropped_frames']} frames dropped ({dropped_pct:.1f}%): use a shorter or "
            "better cable/USB port, or a lower resolution"
        )
    return Finding("fps", worst, msg, round(fps, 2))


def check_resolution(m: M, c: M) -> Finding:
    w, h = int(m.get("width") or 0), int(m.get("height") or 0)
    value = f"{w}x{h}"
    rw, rh = m.get("requested_width"), m.get("requested_height")
    if rw and rh and (rw, rh) != (w, h):
        return Finding(
            "resolution",
            "warn",
            f"Camera gives {w}x{h}, not the requested "
            f"{rw}x{rh}: pick a mode it supports, or check the USB 3 port/cable",
            value,
        )
    if w < c["min_width_fail"] or h < c["min_height_fail"]:
        status: Status = "fail"
    elif w < c["min_width_warn"] or h < c["min_height_warn"]:
        status = "warn"
    else:
        return Finding("resolution", "pass", f"{w}x{h}", value)
    return Finding(
        "resolution",
        status,
        f"Resolution {w}x{h} is below "
        f"{c['min_width_warn']}x{c['min_height_warn']}: set the camera or capture "
        "box to 1080p (or at least 720p)",
        value,
    )


def check_focus(m: M, c: M) -> Finding:
    on_face = m.get("face_sharpness") is not None
    value = m["face_sharpness"] if on_face else m.get("sharpness")
    if value is None:
        return Finding("focus", "warn", "Focus not measured: no usable picture", None)
    where = "on the face" if on_face else "on the frame, no face found"
    status = _grade(value, c["warn_below"], c["fail_below"], higher_is_worse=False)
    if status == "pass":
        return Finding("focus", "pass", f"Sharp {where} (score {value:.0f})", round(value, 1))
    return Finding(
        "focus",
        status,
        f"Picture soft {where} (score {value:.0f}, want "
        f"≥{c['warn_below']:g}): refocus on the anchor's eyes, or clean the lens",
        round(value, 1),
    )


def check_exposure(m: M, c: M) -> Finding:
    level = m.get("face_luma_mean") if m.get("face_luma_mean") is not None else m.get("luma_mean")
    if level is None:
        return Finding("exposure", "warn", "Exposure not measured: no usable picture", None)
    from studio.devices.camera.exposure import stops_between

    where = "face" if m.get("face_luma_mean") is not None else "image"
    stops = stops_between(level, c["target_luma"])  # + means it needs more light
    status = _grade(abs(stops), c["warn_stops"], c["fail_stops"])
    clipped, crushed = m.get("clipped_highlights_pct", 0.0), m.get("crushed_shadows_pct", 0.0)
    clip_status = _grade(clipped, c["clipped_pct_warn"], c["clipped_pct_fail"])
    crush_status = _grade(crushed, c["crushed_pct_warn"], c["crushed_pct_fail"])
    value = round(level, 1)
    problems: list[tuple[Status, str]] = []
    if status != "pass" and stops > 0:
        problems.append(
            (
                status,
                f"{where.capitalize()} too dark (luma {level:.0f}): raise key "
                f"light or exposure by {_stops(stops)}",
            )
        )
    elif status != "pass":
        problems.append(
            (
                status,
                f"{where.capitalize()} too bright (luma {level:.0f}): lower "
                f"key light or exposure by {_stops(stops)}",
            )
        )
    if clip_status != "pass":
        problems.append(
            (
                clip_status,
                f"Highlights clipped on {clipped:.1f}% of the picture: "
                "lower exposure or take light off the brightest areas",
            )
        )
    if crush_status != "pass":
        problems.append(
            (
                crush_status,
                f"Shadows crushed on {crushed:.1f}% of the picture: add "
                "fill light or lift the background",
            )
        )
    if not problems:
        return Finding("exposure", "pass", f"Exposure good ({where} luma {level:.0f})", value)
    order = ("pass", "warn", "fail")
    problems.sort(key=lambda p: -order.index(p[0]))
    return Finding("exposure", problems[0][0], "; ".join(msg for _, msg in problems), value)


def check_white_balance(m: M, c: M) -> Finding:
    cct, d = m.get("cct_kelvin"), m.get("duv")
    if cct is None:
        return Finding(
            "white_balance",
            "warn",
            "Colour temperature not measured: picture too dark, clipped or far off white",
            None,
        )
    value = round(cct)
    if cct < c["cct_min_fail"] or cct > c["cct_max_fail"]:
        status: Status = "fail"
    elif cct < c["cct_min_warn"] or cct > c["cct_max_warn"]:
        status = "warn"
    else:
        status = "pass"
    if status != "pass":
        tone = "warm (orange)" if cct < c["cct_min_warn"] else "cool (blue)"
        return Finding(
            "white_balance",
            status,
            f"Picture looks {tone}, ~{cct:.0f} K: set the "
            "camera's white balance on a grey card under the show lights, and don't "
            "mix daylight with tungsten",
            value,
        )
    if d is not None and abs(d) >= c["duv_warn"]:
        tint = "green" if d > 0 else "magenta"
        st: Status = "fail" if abs(d) >= c["duv_fail"] else "warn"
        return Finding(
            "white_balance",
            st,
            f"{tint.capitalize()} tint (Duv {d:+.3f}): correct "
            f"the tint in the camera, or check the LED panels' {tint} shift",
            value,
        )
    return Finding("white_balance", "pass", f"Neutral white balance (~{cct:.0f} K)", value)


def check_flicker(m: M, c: M) -> Finding:
    if m.get("flicker_measured") is False:
        return Finding(
            "flicker",
            "pass",
            f"Too short a run to judge flicker (needs {c['min_seconds']:g} s)",
            None,
        )
    hz, depth = m.get("flicker_hz"), m.get("flicker_depth_pct") or 0.0
    band_hz, band_depth = m.get("banding_hz"), m.get("banding_depth_pct") or 0.0
    t_status = _grade(depth, c["depth_pct_warn"], c["depth_pct_fail"]) if hz else "pass"
    b_status = (
        _grade(band_depth, c["band_depth_pct_warn"], c["band_depth_pct_fail"])
        if band_hz
        else "pass"
    )
    status = max(t_status, b_status, key=("pass", "warn", "fail").index)
    if status == "pass":
        return Finding("flicker", "pass", "No light flicker seen", None)
    mains = m.get("mains_hz")
    if mains:
        shutter = "1/50 or 1/100 s" if mains == 50 else "1/60 or 1/120 s"
        cause = f"{2 * mains} Hz light flicker from {mains} Hz mains"
        fix = f"set the camera shutter to {shutter} (anti-flicker {mains} Hz)"
    else:
        cause = "a light that is not on mains frequency (PWM dimmer?)"
        fix = "set the dimmers to 100% or use flicker-free LED drivers"
    if hz and t_status != "pass":
        what = (
            f"Light flicker: picture pulses at {hz:.1f} Hz ({depth:.1f}% deep), "
            f"the alias of {cause}"
        )
        value: float = round(hz, 2)
    else:
        what = f"Rolling bands from {cause} ({band_depth:.1f}% deep, ~{band_hz:.0f} Hz)"
        value = round(band_hz or 0.0, 1)
    return Finding("flicker", status, f"{what}: {fix}", value)


def check_frozen(m: M, c: M) -> Finding:
    n, run = int(m.get("frozen_frames", 0)), float(m.get("frozen_longest_s", 0.0))
    status = _grade(run, c["warn_s"], c["fail_s"])
    if status == "pass":
        return Finding(
            "frozen",
            "pass",
            "Picture is live (no frozen frames)"
            if n == 0
            else f"{n} repeated frame(s), none held long",
            n,
        )
    return Finding(
        "frozen",
        status,
        f"Picture froze for {run:.1f} s ({n} identical frames): "
        "check the capture box/encoder and restart the source",
        n,
    )


def check_black(m: M, c: M) -> Finding:
    n, run = int(m.get("black_frames", 0)), float(m.get("black_longest_s", 0.0))
    if n == 0:
        return Finding("black", "pass", "No black frames", 0)
    status: Status = "fail" if run >= c["fail_s"] else "warn" if n >= c["warn_frames"] else "pass"
    return Finding(
        "black",
        status,
        f"{n} black frame(s), longest {run:.1f} s: check the lens "
        "cap, the camera's HDMI output and the capture box input",
        n,
    )


def check_lighting_balance(m: M, c: M) -> Finding:
    on_face = m.get("face_lr_stops") is not None
    stops = m.get("face_lr_stops") if on_face else m.get("frame_lr_stops")
    if stops is None:
        return Finding(
            "lighting_balance", "warn", "Lighting balance not measured: no usable picture", None
        )
    where = "face" if on_face else "frame, no face found"
    status = _grade(abs(stops), c["warn_stops"], c["fail_stops"])
    value = round(stops, 2)
    if status == "pass":
        even = m.get("evenness")
        tail = f"; frame evenness {even:.2f}" if even is not None else ""
        return Finding(
            "lighting_balance",
            "pass",
            f"Even light on the {where} ({abs(stops):.1f} stops left/right{tail})",
            value,
        )
    darker = "right" if stops > 0 else "left"
    return Finding(
        "lighting_balance",
        status,
        f"Uneven light on the {where}: camera-{darker} "
        f"side {_stops(stops)} darker — add fill light on that side or move the key "
        "light towards the camera",
        value,
    )


_CHECKS: dict[str, tuple[Callable[[M, M], Finding], str]] = {
    "fps": (check_fps, "fps"),
    "resolution": (check_resolution, "resolution"),
    "focus": (check_focus, "focus"),
    "exposure": (check_exposure, "exposure"),
    "white_balance": (check_white_balance, "white_balance"),
    "flicker": (check_flicker, "flicker"),
    "frozen": (check_frozen, "frozen"),
    "black": (check_black, "black"),
    "lighting_balance": (check_lighting_balance, "lighting_balance"),
}


def evaluate(metrics: M, cfg: M, kind: str = "camera") -> list[Finding]:
    """Findings for the checks of `kind` ("camera": all; "light": the lighting subset)."""
    names = LIGHT_CHECKS if kind == "light" else CAMERA_CHECKS
    out: list[Finding] = []
    mostly_black = metrics.get("black_pct", 0.0) >= 90.0
    for name in names:
        func, section = _CHECKS[name]
        if mostly_black and name in ("focus", "exposure", "white_balance", "lighting_balance"):
            out.append(Finding(name, "warn", "Not measured: the picture is black", None))
            continue
        out.append(func(metrics, cfg[section]))
    return out
