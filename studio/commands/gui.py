"""`studio` with no subcommand, and `studio demo`: the control-room GUI."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

# The core modules the control room needs before its first paint, imported before Qt: once
# PySide6 is loaded, every later import goes through its `__feature__` check, which reads the
# module's source (about 0.1 s of CPU at start for SQLAlchemy, the store and the runner).
BEFORE_QT = (
    "studio.store.store",
    "studio.profile",
    "studio.runner.session",
    "studio.demo",
)


def import_core_before_qt() -> None:
    for name in BEFORE_QT:
        importlib.import_module(name)


def run_gui(args: argparse.Namespace) -> int:
    import_core_before_qt()
    from studio.ui.shell.app import run

    return run(args)


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the control room (the default)")
    p.add_argument("--seconds", type=float, help="quit after N seconds (for tests and docs)")
    p.add_argument("--screenshot", metavar="FILE.png", help="save the main window before quitting")
    p.set_defaults(func=run_gui, demo=False)
