"""`studio` with no subcommand, and `studio demo`: the control-room GUI."""

from __future__ import annotations

import argparse
from typing import Any


def run_gui(args: argparse.Namespace) -> int:
    from studio.ui.shell.app import run

    return run(args)


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the control room (the default)")
    p.add_argument("--seconds", type=float, help="quit after N seconds (for tests and docs)")
    p.add_argument("--screenshot", metavar="FILE.png", help="save the main window before quitting")
    p.set_defaults(func=run_gui, demo=False)
