"""The encoder's defaults; a studio overrides them in the profile's `obs:` section."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "poll_seconds": 1.0,  # stream health is read this often while connected
    "window_seconds": 10.0,  # alarms judge drops over this window, not since the stream began
    "dropped_pct_warn": 1.0,
    "dropped_pct_error": 5.0,
    "fps_ratio_warn": 0.95,  # active fps below this share of the target
    "fps_ratio_error": 0.80,
    "render_load_warn": 0.75,  # average render time above this share of the frame interval
    "disk_gb_warn": 5.0,
    "disk_gb_error": 1.0,
    "raise_after": 2,  # consecutive bad polls before a drop/fps/render alarm (one blip is not one)
    "clear_after": 3,  # consecutive good polls before it clears
    "stream_down_after": 3,  # polls a live show may be without a stream (startup, a restart)
    # The pre-show check: what the output should be (None: any size with this short side).
    "expected_width": None,
    "expected_height": None,
    "expected_fps": None,
    "min_short_side": 720,
    "screenshots": 4,
    "screenshot_interval_s": 0.4,
    "screenshot_width": 640,
}
