"""The control room fits the screen it opens on: a 1366x768 laptop and a 1920x1080 monitor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from screen_probe import run_probe

from studio.ui.shell.main_window import default_size, is_compact

PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import studio.ui.shell.app as appmod
from studio.cli import build_parser

holder = {}
real_build = appmod.StudioApp.build
def build(self):
    holder["app"] = self
    real_build(self)
    if "timer" not in holder:
        holder["timer"] = True
        QTimer.singleShot(2500, probe)
appmod.StudioApp.build = build

def probe():
    w = holder["app"].window
    screen = w.screen().availableGeometry()
    frame = w.frameGeometry()
    bar = w.statusBar()
    bar_rect = bar.geometry().translated(w.geometry().topLeft())
    rundown = holder["app"].window.panels["rundown"]
    table = rundown.table
    row_h = max(table.rowHeight(0), 1) if table.rowCount() else 30
    visible = {k: (d.isVisible() and not d.visibleRegion().isEmpty(), d.height(), d.width())
               for k, d in w.docks.items()}
    print("PROBE" + json.dumps({
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "bar": [bar_rect.x(), bar_rect.y(), bar_rect.width(), bar_rect.height(), bar.isVisible()],
        "rundown_rows": table.viewport().height() // row_h,
        "timing_cut": [lb.text() for lb in (rundown.seg_clock, rundown.to_end, rundown.over_under)
                       if lb.fontMetrics().horizontalAdvance(lb.text()) > lb.width()],
        "buttons_cut": [k for k, b in rundown.buttons.items()
                        if b.mapTo(rundown, b.rect().topRight()).x() > rundown.visibleRegion().boundingRect().right()
                        or b.fontMetrics().horizontalAdvance(b.text()) > b.width()],
        "docks": visible,
    }))
    QApplication.instance().quit()

args = build_parser().parse_args(["demo", "--manual", "--seconds", "6"])
sys.exit(appmod.run(args))
"""


def _probe(tmp_path: Path, width: int, height: int) -> dict[str, object]:
    probe: dict[str, object] = run_probe(tmp_path, width, height, PROBE, timeout=120)
    return probe


def test_compact_rule_and_first_size() -> None:
    """A laptop screen is compact; the first size never exceeds the screen's free area."""
    assert is_compact(QRect(0, 0, 1366, 738))
    assert is_compact(QRect(0, 0, 1536, 824))  # 1920x1080 at 125 %
    assert not is_compact(QRect(0, 0, 1920, 1040))
    assert default_size(QRect(0, 0, 1366, 738)) == (1366, 738)
    assert default_size(QRect(0, 0, 2560, 1400)) == (1600, 960)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "monitor"])
def test_window_fits_with_status_bar_and_a_readable_rundown(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The window and its status bar lie inside the screen; the rundown shows 8+ rows; on the
    laptop the products and audio docks are tabs, not squeezed panes."""
    probe = _probe(tmp_path, *size)
    sx, sy, sw, sh = probe["screen"]  # type: ignore[misc]
    fx, fy, fw, fh = probe["frame"]  # type: ignore[misc]
    assert fx >= sx and fy >= sy and fx + fw <= sx + sw and fy + fh <= sy + sh, probe
    _bx, by, _bw, bh, bar_visible = probe["bar"]  # type: ignore[misc]
    assert bar_visible and by + bh <= sy + sh, probe
    assert probe["rundown_rows"] >= 8, probe  # type: ignore[operator]
    assert probe["timing_cut"] == [] and probe["buttons_cut"] == [], probe
    docks: dict[str, list[object]] = probe["docks"]  # type: ignore[assignment]
    for key in ("rundown", "metrics", "incidents"):
        assert docks[key][0], f"{key} dock not visible: {probe}"
    if size == (1366, 768):
        assert not docks["products"][0] and not docks["audio"][0], probe  # tabs behind


def test_gui_without_a_screen_prints_what_to_do(tmp_path: Path) -> None:
    """No DISPLAY: exit 2 with a message on stderr, instead of Qt's bare abort (exit 134)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", "demo", "--seconds", "1"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no screen" in result.stderr and "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr
