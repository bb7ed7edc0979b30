#!/usr/bin/env python3
"""Refresh every feature's .ts from its UI sources, then compile every .ts to .qm.

Each feature keeps its own `resources/translations/<feature>_zh_CN.ts`. The core file's sources
are listed below; a feature file's sources are the files its entries already point at (so a new
UI module of a feature is added by running lupdate on it once, by hand).
Usage: python scripts/update_translations.py [--no-extract]   (prints what is still unfinished)
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
    "studio/ui/main_window.py",
    "studio/ui/status_bar.py",
    "studio/ui/app.py",
    "studio/ui/preferences.py",
    "studio/ui/panels/checks.py",
    "studio/ui/panels/products.py",
    "studio/ui/widgets/empty_state.py",
    "studio/ui/live_wiring.py",
]


def sources_of(ts: Path) -> list[str]:
    if ts.name == "core_zh_CN.ts":
        return CORE_SOURCES
    found = {
        str((ts.parent / loc.get("filename", "")).resolve().relative_to(ROOT))
        for loc in ET.parse(ts).iter("location")
        if loc.get("filename")
    }
    return sorted(f for f in found if (ROOT / f).exists())


def unfinished(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).iter("message"):
        tr = message.find("translation")
        empty = tr is not None and (tr.get("type") == "unfinished" or not (tr.text or "").strip())
        if empty and tr is not None and not list(tr.iter("numerusform")):
            out.append(message.findtext("source") or "")
    return out


def main() -> int:
    for ts in sorted(TS_DIR.glob("*.ts")):
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
