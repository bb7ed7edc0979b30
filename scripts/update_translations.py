#!/usr/bin/env python3
"""Refresh every feature's .ts from its UI sources, then compile every .ts to .qm.

Each feature keeps its own `resources/translations/<feature>_zh_CN.ts`. The core file's sources
are listed below; a feature file's sources are the files its entries already point at (so a new
UI module of a feature is added by running lupdate on it once, by hand).

Messages made outside the UI (device-check findings, monitor conditions) are marked in the core
with `QT_TRANSLATE_NOOP(context, text)` from studio/i18n_marks.py: pyside6-lupdate extracts calls
by that name from .py files (checked on 6.11: plain literals and implicit concatenation; not
f-strings or `+`) into findings_zh_CN.ts, whose sources are FINDINGS_SOURCES below plus the
files it already points at. The GUI renders them with studio/ui/common/texts.py.
Usage: python scripts/update_translations.py [--no-extract] [FEATURE ...]
(prints what is still unfinished; FEATUREs such as `findings camera` limit it to those files)
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent

CORE_SOURCES = [
    "studio/ui/shell/main_window.py",
    "studio/ui/shell/open_show.py",
    "studio/ui/shell/status_bar.py",
    "studio/ui/shell/app.py",
    "studio/ui/shell/preferences.py",
    "studio/ui/checks/panel.py",
    "studio/ui/products/panel.py",
    "studio/ui/products/board_model.py",
    "studio/ui/products/board_view.py",
    "studio/ui/products/actions.py",
    "studio/ui/products/dialogs.py",
    "studio/ui/products/undo_bar.py",
    "studio/ui/common/empty_state.py",
    "studio/ui/shell/live_wiring.py",
    "studio/ui/metrics/manual_entry.py",
    "studio/ui/devices/audio_panel.py",
]

# Core modules that mark templates with QT_TRANSLATE_NOOP, and the GUI module that renders them.
FINDINGS_SOURCES = [
    "studio/devices/camera/evaluate.py",
    "studio/devices/camera/monitor.py",
    "studio/devices/audio/mic_check.py",
    "studio/devices/audio/monitor.py",
    "studio/obs/alarms.py",
    "studio/obs/obs_check.py",
    "studio/obs/client.py",
    "studio/products/flags.py",
    "studio/products/changes.py",
    "studio/compliance/labels.py",
    "studio/devices/av/sync.py",
    "studio/obs/stream_test.py",
    "studio/texts.py",
    "studio/commands/checks/__init__.py",
    "studio/commands/checks/camera.py",
    "studio/commands/checks/mic.py",
]


def sources_of(ts: Path) -> list[str]:
    if ts.name == "core_zh_CN.ts":
        return CORE_SOURCES
    extra = FINDINGS_SOURCES if ts.name == "findings_zh_CN.ts" else []
    found = {
        str((ts.parent / loc.get("filename", "")).resolve().relative_to(ROOT))
        for loc in ET.parse(ts).iter("location")
        if loc.get("filename")
    }
    found.update(extra)
    return sorted(f for f in found if (ROOT / f).exists())


def unfinished(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).iter("message"):
        tr = message.find("translation")
        if tr is None:
            continue
        plural = [n.text or "" for n in tr.iter("numerusform")]
        text = "".join(plural) if plural else (tr.text or "")
        if tr.get("type") == "unfinished" or not text.strip():
            out.append(message.findtext("source") or "")
    return out


def main() -> int:
    only = {a for a in sys.argv[1:] if not a.startswith("-")}
    for ts in sorted(TS_DIR.glob("*.ts")):
        if only and ts.name.removesuffix("_zh_CN.ts") not in only:
            continue
        if "--no-extract" not in sys.argv:
            srcs = sources_of(ts)
            if srcs:
                subprocess.run(
                    [str(BIN / "pyside6-lupdate"), *srcs, "-no-obsolete", "-ts", str(ts)],
                    cwd=ROOT, check=True, capture_output=True,
                )  # fmt: skip
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        for source in unfinished(ts):
            print(f"{ts.name}: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
