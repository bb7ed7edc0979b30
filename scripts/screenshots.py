#!/usr/bin/env python3
"""Screenshots of the running demo, for the README and for looking at the UI as a user would.

Usage: python scripts/screenshots.py OUT_DIR [--lang zh_CN|en] [--size 1366x768]
       [--seconds 8] [--speed 60]   (runs on an offscreen screen of that size)
Writes main.png, anchor.png and one PNG per dock. Uses a throwaway data/config folder.
"""

from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--size", default="1920x1080", help="screen size, e.g. 1366x768")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    tmp = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    # An offscreen screen of the asked size: the window opens at its free area, as on a laptop.
    screen = tmp / "screen.json"
    screen.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": False,
        "screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }))  # fmt: skip
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
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
            anchor.resize(width, height)
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
