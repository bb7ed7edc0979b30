"""`studio demo`: the GUI on the built-in demo show with a simulated metrics feed."""

from __future__ import annotations

import argparse
from typing import Any


def run_demo(args: argparse.Namespace) -> int:
    from studio.commands.gui import import_core_before_qt

    import_core_before_qt()
    from studio.ui.shell.app import run

    args.demo = True
    return run(args)


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="open the control room on the built-in demo show")
    p.add_argument("--seconds", type=float, help="quit after N seconds (for tests and docs)")
    p.add_argument("--screenshot", metavar="FILE.png", help="save the main window before quitting")
    p.add_argument("--speed", type=float, default=1.0, help="simulated metrics speed (default 1x)")
    p.add_argument(
        "--manual",
        action="store_true",
        help="do not turn the cues automatically: run the rundown yourself",
    )
    p.set_defaults(func=run_demo, demo=True)
