"""Run the app in a subprocess on an offscreen screen of a given size and read back what a probe
script printed: how the layout tests see the control room at 1366x768 and 1920x1080.

A probe script prints one line "PROBE" + JSON; `args` are passed to it (e.g. the language).
Each run gets its own data, config and log folders under `tmp`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def offscreen_screen(tmp: Path, width: int, height: int) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of width x height (the plain offscreen
    screen is 800x600)."""
    config = tmp / "screen.json"
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": False,
        "screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }))  # fmt: skip
    return f"offscreen:configfile={config}"


def run_probe(
    tmp: Path, width: int, height: int, script: str, *args: str, timeout: float = 180
) -> Any:
    env = dict(os.environ, QT_QPA_PLATFORM=offscreen_screen(tmp, width, height))
    for name in ("DATA", "CONFIG", "LOG"):
        env[f"STUDIO_{name}_DIR"] = str(tmp / name.lower())
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT,
    )  # fmt: skip
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("PROBE")), None)
    assert line is not None, result.stdout + result.stderr
    return json.loads(line[5:])
