"""The demo entry point runs as a user would start it, in a subprocess, and leaves a screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from screen_probe import offscreen_screen


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_demo_runs_and_saves_a_screenshot(tmp_path: Path, lang: str) -> None:
    """`studio demo --seconds N --screenshot F` exits 0 and writes a full, non-blank window image."""
    import cv2

    out = tmp_path / f"demo_{lang}.png"
    # A laptop screen: the window opens maximized on it (the plain offscreen screen is 800x600).
    env = {**os.environ, "QT_QPA_PLATFORM": offscreen_screen(tmp_path, 1366, 768)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "studio.cli",
            "--lang",
            lang,
            "demo",
            "--seconds",
            "4",
            "--screenshot",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    image = cv2.imread(str(out))
    assert image is not None and image.shape[1] >= 1300 and image.shape[0] >= 600
    # A dark UI with real content: many distinct colours, not one flat grey.
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 200
    log = (tmp_path / "log" / "studio.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
    # The demo went on air, wrote its metrics, and ended when the app closed.
    from studio.store.models import CueEvent, MetricSample, Show
    from studio.store.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'data' / 'studio.db'}")
    try:
        with store.session() as s:
            show = s.query(Show).one()
            assert show.status == "ended"
            assert s.query(CueEvent).filter_by(action="start").count() == 1
            assert s.query(MetricSample).filter_by(metric="gmv_cents").count() > 0
    finally:
        store.close()
