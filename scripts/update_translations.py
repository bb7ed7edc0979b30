#!/usr/bin/env python3
"""Refresh the core .ts from the lead-owned UI sources, then compile every .ts to .qm.

Feature teams keep their own `<feature>_zh_CN.ts`; this script only extracts `core_zh_CN.ts` and
compiles all of them. Usage: python scripts/update_translations.py [--no-extract]
"""

from __future__ import annotations

import subprocess
import sys
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


def main() -> int:
    if "--no-extract" not in sys.argv:
        subprocess.run(
            [
                str(BIN / "pyside6-lupdate"),
                *CORE_SOURCES,
                "-no-obsolete",
                "-ts",
                str(TS_DIR / "core_zh_CN.ts"),
            ],
            cwd=ROOT,
            check=True,
        )
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
