"""Measurements -> pass/warn/fail findings, each with a message that says what to do.

Every message comes from a marked template in MESSAGES with named parameters (see
studio.i18n_marks): the finding carries them as translatable texts, so the CLI prints the
English and the GUI (live or from a saved check) shows the same advice in Chinese. Each finding
also keeps its (key, params) "reasons" for callers that want the short keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.devices.findings import Finding, Status
from studio.i18n_marks import QT_TRANSLATE_NOOP, Template

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
Reason = tuple[str, dict[str, Any]]
Explained = tuple[Finding, list[Reason]]
_ORDER: tuple[Status, ...] = ("pass", "warn", "fail")

CONTEXT = "CameraFindings"
# Literal templates (no `+`): pyside6-lupdate extracts each QT_TRANSLATE_NOOP call as is.
MESSAGES: dict[str, Template] = {
    "fps.none": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "No frames arrived: check the cable, the capture box and that no other app holds the "
        "camera",
    ),
    "fps.few": QT_TRANSLATE_NOOP(
        "CameraFindings", "Too few frames to measure the frame rate: run the check for longer"
    ),
    "fps.losses": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "The source dropped out {losses} time(s) during the check: check the cable/network "
        "and the capture box",
    ),
    "fps.jitter": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Frame timing uneven ({jitter:.1f} ms jitter at {fps:.1f} fps): close other apps "
        "using the USB bus or CPU",
    ),
    "fps.ok": QT_TRANSLATE_NOOP("CameraFindings", "{fps:.1f} fps (expected {expected:g})"),
    "fps.low": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Frame rate low: {fps:.1f} fps, expected {expected:g}. Add light (cameras slow down "
        "in the dark to expose longer), or lower the resolution/USB load",
    ),
    "fps.dropped": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "{dropped} frames dropped ({pct:.1f}%): use a shorter or better cable/USB port, or a "
        "lower resolution",
    ),
    "resolution.mismatch": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Camera gives {w}x{h}, not the requested {rw}x{rh}: pick a mode it supports, or check"
        " the USB 3 port/cable",
    ),
    "resolution.ok": QT_TRANSLATE_NOOP("CameraFindings", "{w}x{h}"),
    "resolution.low": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Resolution {w}x{h} is below {mw}x{mh}: set the camera or capture box to 1080p (or at"
        " least 720p)",
    ),
    "not_measured.black": QT_TRANSLATE_NOOP("CameraFindings", "Not measured: the picture is black"),
    "focus.none": QT_TRANSLATE_NOOP("CameraFindings", "Focus not measured: no usable picture"),
    "focus.ok_face": QT_TRANSLATE_NOOP("CameraFindings", "Sharp on the face (score {score:.0f})"),
    "focus.ok_frame": QT_TRANSLATE_NOOP(
        "CameraFindings", "Sharp on the frame, no face found (score {score:.0f})"
    ),
    "focus.soft_face": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Picture soft on the face (score {score:.0f}, want ≥{want:g}): refocus on the "
        "anchor's eyes, or clean the lens",
    ),
    "focus.soft_frame": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Picture soft on the frame, no face found (score {score:.0f}, want ≥{want:g}): "
        "refocus on the anchor, or clean the lens",
    ),
    "exposure.none": QT_TRANSLATE_NOOP(
        "CameraFindings", "Exposure not measured: no usable picture"
    ),
    "exposure.dark_face": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Face too dark (luma {level:.0f}): raise key light or exposure by ~{stops:g} {stops_word}",
    ),
    "exposure.dark_image": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Image too dark (luma {level:.0f}): raise key light or exposure by ~{stops:g} {stops_word}",
    ),
    "exposure.bright_face": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Face too bright (luma {level:.0f}): lower key light or exposure by ~{stops:g} "
        "{stops_word}",
    ),
    "exposure.bright_image": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Image too bright (luma {level:.0f}): lower key light or exposure by ~{stops:g} "
        "{stops_word}",
    ),
    "exposure.clipped": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Highlights clipped on {pct:.1f}% of the picture: lower exposure or take light off "
        "the brightest areas",
    ),
    "exposure.crushed": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Shadows crushed on {pct:.1f}% of the picture: add fill light or lift the background",
    ),
    "exposure.ok_face": QT_TRANSLATE_NOOP(
        "CameraFindings", "Exposure good (face luma {level:.0f})"
    ),
    "exposure.ok_image": QT_TRANSLATE_NOOP(
        "CameraFindings", "Exposure good (image luma {level:.0f})"
    ),
    "wb.none": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Colour temperature not measured: picture too dark, clipped or far off white",
    ),
    "wb.warm": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Picture looks warm (orange), ~{cct:.0f} K: set the camera's white balance on a grey "
        "card under the show lights, and don't mix daylight with tungsten",
    ),
    "wb.cool": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Picture looks cool (blue), ~{cct:.0f} K: set the camera's white balance on a grey "
        "card under the show lights, and don't mix daylight with tungsten",
    ),
    "wb.green": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Green tint (Duv {duv:+.3f}): correct the tint in the camera, or check the LED "
        "panels' green shift",
    ),
    "wb.magenta": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Magenta tint (Duv {duv:+.3f}): correct the tint in the camera, or check the LED "
        "panels' magenta shift",
    ),
    "wb.ok": QT_TRANSLATE_NOOP("CameraFindings", "Neutral white balance (~{cct:.0f} K)"),
    "flicker.short": QT_TRANSLATE_NOOP(
        "CameraFindings", "Too short a run to judge flicker (needs {secs:g} s)"
    ),
    "flicker.ok": QT_TRANSLATE_NOOP("CameraFindings", "No light flicker seen"),
    "flicker.pulse_mains": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Light flicker: picture pulses at {hz:.1f} Hz ({depth:.1f}% deep), the alias of "
        "{light} Hz light flicker from {mains} Hz mains: set the camera shutter to 1/{s1} or "
        "1/{s2} s (anti-flicker {mains} Hz)",
    ),
    "flicker.bands_mains": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Rolling bands from {light} Hz light flicker on {mains} Hz mains ({depth:.1f}% deep, "
        "~{hz:.0f} Hz): set the camera shutter to 1/{s1} or 1/{s2} s (anti-flicker {mains} "
        "Hz)",
    ),
    "flicker.standing_mains": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Standing bands: {bands:.1f} horizontal stripes per frame that stay put ({depth:.1f}% "
        "deep), from {light} Hz light flicker on {mains} Hz mains at {fps:g} fps: set the "
        "camera shutter to 1/{s1} or 1/{s2} s (anti-flicker {mains} Hz), or use flicker-free "
        "lights",
    ),
    "flicker.standing_other": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Standing bands: {bands:.1f} horizontal stripes per frame that stay put ({depth:.1f}% "
        "deep), from light flicker at a multiple of {fps:g} fps: set the camera shutter to "
        "1/50 or 1/100 s on 50 Hz mains, 1/60 or 1/120 s on 60 Hz, or use flicker-free lights",
    ),
    "flicker.pulse_other": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Light flicker: picture pulses at {hz:.1f} Hz ({depth:.1f}% deep) from a light not on"
        " mains frequency (PWM dimmer?): set the dimmers to 100% or use flicker-free LED "
        "drivers",
    ),
    "flicker.bands_other": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Rolling bands ({depth:.1f}% deep, ~{hz:.0f} Hz) from a light not on mains frequency "
        "(PWM dimmer?): set the dimmers to 100% or use flicker-free LED drivers",
    ),
    "frozen.ok": QT_TRANSLATE_NOOP("CameraFindings", "Picture is live (no frozen frames)"),
    "frozen.few": QT_TRANSLATE_NOOP("CameraFindings", "{n} repeated frame(s), none held long"),
    "frozen.bad": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Picture froze for {secs:.1f} s ({n} identical frames): check the capture box/encoder"
        " and restart the source",
    ),
    "black.ok": QT_TRANSLATE_NOOP("CameraFindings", "No black frames"),
    "black.bad": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "{n} black frame(s), longest {secs:.1f} s: check the lens cap, the camera's HDMI "
        "output and the capture box input",
    ),
    "light.none": QT_TRANSLATE_NOOP(
        "CameraFindings", "Lighting balance not measured: no usable picture"
    ),
    "light.ok_face": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Even light on the face ({stops:.1f} stops left/right; frame evenness {even:.2f})",
    ),
    "light.ok_frame": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Even light on the frame, no face found ({stops:.1f} stops left/right; frame evenness"
        " {even:.2f})",
    ),
    "light.left_face": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Uneven light on the face: camera-left side ~{stops:g} {stops_word} darker — add fill"
        " light on that side or move the key light towards the camera",
    ),
    "light.right_face": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Uneven light on the face: camera-right side ~{stops:g} {stops_word} darker — add "
        "fill light on that side or move the key light towards the camera",
    ),
    "light.left_frame": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Uneven light on the frame (no face found): camera-left side ~{stops:g} {stops_word} "
        "darker — add fill light on that side or move the key light towards the camera",
    ),
    "light.right_frame": QT_TRANSLATE_NOOP(
        "CameraFindings",
        "Uneven light on the frame (no face found): camera-right side ~{stops:g} {stops_word}"
        " darker — add fill light on that side or move the key light towards the camera",
    ),
}


def render(key: str, params: dict[str, Any], template: str | None = None) -> str:
    """The message for a reason; `template` is a translation of MESSAGES[key]."""
    try:
        return (template or MESSAGES[key]).format(**params)
    except (KeyError, ValueError, IndexError):  # a broken translation falls back to English
        return MESSAGES[key].format(**params)


def _explain(check: str, status: Status, value: Any, *reasons: Reason) -> Explained:
    texts = [MESSAGES[k](**p) for k, p in reasons]
    return Finding.of(check, status, value, *texts, sep="; "), list(reasons)


def _grade(value: float, warn: float, fail: float, higher_is_worse: bool = True) -> Status:
    if higher_is_worse:
        return "fail" if value >= fail else "warn" if value >= warn else "pass"
    return "fail" if value <= fail else "warn" if value <= warn else "pass"


def _worst(*statuses: Status) -> Status:
    return max(statuses, key=_ORDER.index)


def _stops(x: float) -> dict[str, Any]:
    r = max(round(abs(x) * 2) / 2, 0.5)
    return {"stops": r, "stops_word": "stop" if r == 1 else "stops"}


def check_fps(m: M, c: M) -> Explained:
    fps = m.get("fps_measured")
    if fps is None:
        if m.get("frames", 0) > 0:
            return _explain("fps", "warn", None, ("fps.few", {}))
        return _explain("fps", "fail", None, ("fps.none", {}))
    expected = c["expected"] or m.get("fps_nominal") or 30.0
    if not c["expected"] and fps > expected * 1.1:
        # Some streams (MJPEG over HTTP) report a made-up rate; faster than claimed is fine.
        expected = float(round(fps))
    value = round(fps, 2)
    if m.get("losses"):
        return _explain("fps", "fail", value, ("fps.losses", {"losses": m["losses"]}))
    dropped = int(m.get("dropped_frames", 0))
    pct = 100.0 * dropped / max(1, m.get("expected_frames", 1))
    rate = _grade(fps / expected, c["min_ratio_warn"], c["min_ratio_fail"], higher_is_worse=False)
    drops = _grade(pct, c["dropped_pct_warn"], c["dropped_pct_fail"])
    reasons: list[Reason] = []
    if rate != "pass":
        reasons.append(("fps.low", {"fps": fps, "expected": expected}))
    if drops != "pass":
        reasons.append(("fps.dropped", {"dropped": dropped, "pct": pct}))
    if reasons:
        return _explain("fps", _worst(rate, drops), value, *reasons)
    jitter = m.get("jitter_ms") or 0.0
    if jitter > c["jitter_ms_warn"]:
        return _explain("fps", "warn", value, ("fps.jitter", {"jitter": jitter, "fps": fps}))
    return _explain("fps", "pass", value, ("fps.ok", {"fps": fps, "expected": expected}))


def check_resolution(m: M, c: M) -> Explained:
    w, h = int(m.get("width") or 0), int(m.get("height") or 0)
    value = f"{w}x{h}"
    rw, rh = m.get("requested_width"), m.get("requested_height")
    if rw and rh and (rw, rh) != (w, h):
        return _explain(
            "resolution",
            "warn",
            value,
            ("resolution.mismatch", {"w": w, "h": h, "rw": rw, "rh": rh}),
        )
    if w < c["min_width_fail"] or h < c["min_height_fail"]:
        status: Status = "fail"
    elif w < c["min_width_warn"] or h < c["min_height_warn"]:
        status = "warn"
    else:
        return _explain("resolution", "pass", value, ("resolution.ok", {"w": w, "h": h}))
    return _explain(
        "resolution",
        status,
        value,
        ("resolution.low", {"w": w, "h": h, "mw": c["min_width_warn"], "mh": c["min_height_warn"]}),
    )


def check_focus(m: M, c: M) -> Explained:
    on_face = m.get("face_sharpness") is not None
    score = m["face_sharpness"] if on_face else m.get("sharpness")
    if score is None:
        return _explain("focus", "warn", None, ("focus.none", {}))
    where = "face" if on_face else "frame"
    status = _grade(score, c["warn_below"], c["fail_below"], higher_is_worse=False)
    key = f"focus.ok_{where}" if status == "pass" else f"focus.soft_{where}"
    return _explain(
        "focus", status, round(score, 1), (key, {"score": score, "want": c["warn_below"]})
    )


def check_exposure(m: M, c: M) -> Explained:
    from studio.devices.camera.exposure import stops_between

    on_face = m.get("face_luma_mean") is not None
    level = m["face_luma_mean"] if on_face else m.get("luma_mean")
    if level is None:
        return _explain("exposure", "warn", None, ("exposure.none", {}))
    where = "face" if on_face else "image"
    stops = stops_between(level, c["target_luma"])  # + means it needs more light
    level_status = _grade(abs(stops), c["warn_stops"], c["fail_stops"])
    clipped = m.get("clipped_highlights_pct") or 0.0
    crushed = m.get("crushed_shadows_pct") or 0.0
    clip_status = _grade(clipped, c["clipped_pct_warn"], c["clipped_pct_fail"])
    crush_status = _grade(crushed, c["crushed_pct_warn"], c["crushed_pct_fail"])
    problems: list[tuple[Status, Reason]] = []
    if level_status != "pass":
        kind = "dark" if stops > 0 else "bright"
        problems.append(
            (level_status, (f"exposure.{kind}_{where}", {"level": level, **_stops(stops)}))
        )
    if clip_status != "pass":
        problems.append((clip_status, ("exposure.clipped", {"pct": clipped})))
    if crush_status != "pass":
        problems.append((crush_status, ("exposure.crushed", {"pct": crushed})))
    value = round(level, 1)
    if not problems:
        return _explain("exposure", "pass", value, (f"exposure.ok_{where}", {"level": level}))
    problems.sort(key=lambda p: -_ORDER.index(p[0]))
    return _explain("exposure", problems[0][0], value, *(r for _, r in problems))


def check_white_balance(m: M, c: M) -> Explained:
    cct, d = m.get("cct_kelvin"), m.get("duv")
    if cct is None:
        return _explain("white_balance", "warn", None, ("wb.none", {}))
    value = round(cct)
    if cct < c["cct_min_fail"] or cct > c["cct_max_fail"]:
        status: Status = "fail"
    elif cct < c["cct_min_warn"] or cct > c["cct_max_warn"]:
        status = "warn"
    else:
        status = "pass"
    if status != "pass":
        key = "wb.warm" if cct < c["cct_min_warn"] else "wb.cool"
        return _explain("white_balance", status, value, (key, {"cct": cct}))
    if d is not None and abs(d) >= c["duv_warn"]:
        tint_status: Status = "fail" if abs(d) >= c["duv_fail"] else "warn"
        key = "wb.green" if d > 0 else "wb.magenta"
        return _explain("white_balance", tint_status, value, (key, {"duv": d}))
    return _explain("white_balance", "pass", value, ("wb.ok", {"cct": cct}))


def check_flicker(m: M, c: M) -> Explained:
    if m.get("flicker_measured") is False:
        return _explain("flicker", "pass", None, ("flicker.short", {"secs": c["min_seconds"]}))
    hz, depth = m.get("flicker_hz"), m.get("flicker_depth_pct") or 0.0
    band_hz, band_depth = m.get("banding_hz"), m.get("banding_depth_pct") or 0.0
    t_status = _grade(depth, c["depth_pct_warn"], c["depth_pct_fail"]) if hz else "pass"
    b_status = (
        _grade(band_depth, c["band_depth_pct_warn"], c["band_depth_pct_fail"])
        if band_hz or m.get("banding_standing")
        else "pass"
    )
    status = _worst(t_status, b_status)
    if status == "pass":
        return _explain("flicker", "pass", None, ("flicker.ok", {}))
    mains = m.get("mains_hz")
    params: dict[str, Any] = {}
    if mains:
        params = {"mains": mains, "light": 2 * mains, "s1": mains, "s2": 2 * mains}
    if hz and t_status != "pass":
        key = "flicker.pulse_mains" if mains else "flicker.pulse_other"
        return _explain(
            "flicker", status, round(hz, 2), (key, {**params, "hz": hz, "depth": depth})
        )
    if m.get("banding_standing"):
        key = "flicker.standing_mains" if mains else "flicker.standing_other"
        fps = m.get("fps_measured") or m.get("fps_nominal") or 0.0
        return _explain(
            "flicker",
            status,
            band_hz,
            (
                key,
                {
                    **params,
                    "bands": m.get("bands_per_frame") or 0.0,
                    "depth": band_depth,
                    "fps": round(float(fps), 1),
                },
            ),
        )
    key = "flicker.bands_mains" if mains else "flicker.bands_other"
    return _explain(
        "flicker",
        status,
        round(band_hz or 0.0, 1),
        (key, {**params, "hz": band_hz, "depth": band_depth}),
    )


def check_frozen(m: M, c: M) -> Explained:
    n, secs = int(m.get("frozen_frames", 0)), float(m.get("frozen_longest_s", 0.0))
    status = _grade(secs, c["warn_s"], c["fail_s"])
    if status != "pass":
        return _explain("frozen", status, n, ("frozen.bad", {"n": n, "secs": secs}))
    return _explain("frozen", "pass", n, ("frozen.ok", {}) if n == 0 else ("frozen.few", {"n": n}))


def check_black(m: M, c: M) -> Explained:
    n, secs = int(m.get("black_frames", 0)), float(m.get("black_longest_s", 0.0))
    if n == 0:
        return _explain("black", "pass", 0, ("black.ok", {}))
    status: Status = "fail" if secs >= c["fail_s"] else "warn" if n >= c["warn_frames"] else "pass"
    return _explain("black", status, n, ("black.bad", {"n": n, "secs": secs}))


def check_lighting_balance(m: M, c: M) -> Explained:
    on_face = m.get("face_lr_stops") is not None
    stops = m["face_lr_stops"] if on_face else m.get("frame_lr_stops")
    if stops is None:
        return _explain("lighting_balance", "warn", None, ("light.none", {}))
    where = "face" if on_face else "frame"
    status = _grade(abs(stops), c["warn_stops"], c["fail_stops"])
    value = round(stops, 2)
    if status == "pass":
        even = m.get("evenness")
        return _explain(
            "lighting_balance",
            "pass",
            value,
            (f"light.ok_{where}", {"stops": abs(stops), "even": even if even is not None else 0.0}),
        )
    darker = "right" if stops > 0 else "left"
    return _explain("lighting_balance", status, value, (f"light.{darker}_{where}", _stops(stops)))


_CHECKS: dict[str, tuple[Callable[[M, M], Explained], str]] = {
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


def evaluate_explained(metrics: M, cfg: M, kind: str = "camera") -> list[Explained]:
    """Findings with their reasons for the checks of `kind` ("camera" all, "light" a subset)."""
    names = LIGHT_CHECKS if kind == "light" else CAMERA_CHECKS
    out: list[Explained] = []
    mostly_black = metrics.get("black_pct", 0.0) >= 90.0
    for name in names:
        func, section = _CHECKS[name]
        if mostly_black and name in ("focus", "exposure", "white_balance", "lighting_balance"):
            out.append(_explain(name, "warn", None, ("not_measured.black", {})))
            continue
        out.append(func(metrics, cfg[section]))
    return out


def evaluate(metrics: M, cfg: M, kind: str = "camera") -> list[Finding]:
    return [f for f, _ in evaluate_explained(metrics, cfg, kind)]
