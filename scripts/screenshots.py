#!/usr/bin/env python3
"""Screenshots of the running demo, for the README and for looking at the UI as a user would.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py OUT_DIR [--lang zh_CN|en]
       [--seconds 8] [--speed 60]
Writes main.png, anchor.png and one PNG per dock. Uses a throwaway data/config folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--speed", type=float, default=60.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    for name in ("data", "config", "log"):
        os.environ[f"STUDIO_{name.upper()}_DIR"] = str(tmp / name)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import studio.ui.shell.app as app_module

    real_build = app_module.StudioApp.build
    holder: dict[str, app_module.StudioApp] = {}

    def build(self: app_module.StudioApp) -> None:
        holder["app"] = self
        real_build(self)

    app_module.StudioApp.build = build  # type: ignore[method-assign]

    def grab() -> None:
        studio_app = holder["app"]
        window, anchor = studio_app.window, studio_app.anchor
        suffix = "" if args.lang == "en" else f"_{args.lang}"
        if window is not None:
            window.grab().save(str(args.out / f"main{suffix}.png"))
            for key, dock in window.docks.items():
                dock.show()
                dock.raise_()
                QApplication.processEvents()
                dock.grab().save(str(args.out / f"dock_{key}{suffix}.png"))
        if anchor is not None:
            anchor.resize(1920, 1080)
            for _ in range(3):  # fonts follow the size, then the layout follows the fonts
                QApplication.processEvents()
            anchor.grab().save(str(args.out / f"anchor{suffix}.png"))
        QApplication.quit()

    app_module.make_application()  # the timer needs the application to exist
    QTimer.singleShot(int(args.seconds * 1000), grab)
    run_args = argparse.Namespace(
        db=None, role="controller", lang=args.lang, demo=True, speed=args.speed,
        seconds=None, screenshot=None, manual=False, verbose=False,
    )  # fmt: skip
    return app_module.run(run_args)


if __name__ == "__main__":
    sys.exit(main())
