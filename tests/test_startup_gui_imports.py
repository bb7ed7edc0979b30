"""Cold start (issue 23): `studio` and `studio demo` import the store (SQLAlchemy), the runner
and the profile before PySide6, whose `__feature__` check reads the source of every module
imported after it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent(
    """
    import argparse, json, sys, types
    # A stand-in for the GUI: records what was imported when the app module's run() is called.
    fake = types.ModuleType("studio.ui.shell.app")
    seen = {}
    def run(args):
        seen["loaded"] = sorted(m for m in ("sqlalchemy.orm", "studio.store.store",
                                            "studio.runner.session", "studio.profile")
                                if m in sys.modules)
        seen["demo"] = bool(getattr(args, "demo", False))
        return 0
    fake.run = run
    sys.modules["studio.ui.shell.app"] = fake
    from studio.commands import demo, gui
    from studio.commands.gui import import_core_before_qt
    import_core_before_qt()
    seen["qt_after_preload"] = "PySide6" in sys.modules
    command = {"gui": gui.run_gui, "demo": demo.run_demo}[sys.argv[1]]
    seen["code"] = command(argparse.Namespace(demo=False))
    print(json.dumps(seen))
    """
)


@pytest.mark.parametrize("command", ["gui", "demo"])
def test_the_gui_commands_import_the_core_before_qt(command: str) -> None:
    """The core the control room needs before its first paint is loaded (without PySide6) by
    the time `studio` / `studio demo` hand over to the GUI."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, command],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["loaded"] == [
        "sqlalchemy.orm",
        "studio.profile",
        "studio.runner.session",
        "studio.store.store",
    ]
    assert seen["qt_after_preload"] is False
    assert seen["code"] == 0 and seen["demo"] == (command == "demo")
