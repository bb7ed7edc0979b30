"""Cold start of the control room: a fresh process until the main window's first paint.

Each run starts a new `python` process that runs `studio` (the control room on the last show,
a stored show made from the demo script, prompter open, as a controller station) with its own
settings and database folder. The child notes the wall-clock time of the first paint event the
main window receives and quits; the parent measures from just before it spawned the process.
Run 0 is not counted (it writes the settings; the database exists in a real studio).
`--demo` measures `studio demo --manual` instead, which also creates a fresh demo show per run
(a demo that went on air is not reused) and ends it on quit. Disk caches are warm: this is the cost
of Python, imports and building the windows, not of reading the files from disk.

Bytecode is cached (in the temp folder) as on a user's machine after the first start.
Under QT_QPA_PLATFORM=offscreen and, when `Xvfb` is installed, under a virtual X screen.
A breakdown follows from one extra run under `python -X importtime`: the top-level imports
that cost most (cumulative), and the main groups (PySide6, pyqtgraph, SQLAlchemy, numpy,
OpenCV, scipy, studio itself).

Usage: .venv/bin/python benchmarks/cold_start.py [-n 7] [--no-xvfb] [--top 25] [--demo]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The child: wrap make_application so the first paint of the MainWindow is noted, then quit.
# The wrap is put in when `studio` itself imports studio.ui.shell.app (an import hook), so the
# modules load in the order a user's start loads them (importing the app module up front here
# would load PySide6 before the core, which `studio` avoids: studio.commands.gui.BEFORE_QT).
CHILD = r"""
import importlib.machinery, os, sys, time
t_python = time.time()


def patch(app_mod):
    from PySide6.QtCore import QEvent, QObject, QTimer

    _make = app_mod.make_application

    class FirstPaint(QObject):
        done = False
        def eventFilter(self, obj, event):
            if not FirstPaint.done and event.type() == QEvent.Type.Paint:
                from studio.ui.shell.main_window import MainWindow
                w = obj.window() if hasattr(obj, "window") else None
                if isinstance(w, MainWindow):
                    FirstPaint.done = True
                    import resource
                    ru = resource.getrusage(resource.RUSAGE_SELF)
                    with open(f"/proc/self/task/{os.getpid()}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    gui = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
                    print(f"FIRST_PAINT {time.time():.6f} PYTHON {t_python:.6f} "
                          f"CPU {ru.ru_utime + ru.ru_stime:.6f} GUI {gui:.6f}", flush=True)
                    print("COLD_START_FIRST_PAINT", file=sys.stderr, flush=True)
                    if os.environ.get("COLD_START_MODULES"):
                        mods = sorted(m for m in sys.modules if m.split(".")[0] in
                                      ("cv2", "scipy", "sounddevice", "obsws_python", "sqlalchemy",
                                       "pyqtgraph", "numpy", "openpyxl", "reportlab", "jieba"))
                        tops = sorted({m.split(".")[0] for m in mods})
                        print("MODULES " + " ".join(tops), flush=True)
                    # Then until the visible docks hold their panels (MainWindow._painted).
                    ready = QTimer(w)
                    def check():
                        if getattr(w, "_painted", True):
                            ready.stop()
                            print(f"PANELS_READY {time.time():.6f}", flush=True)
                            app_mod.QApplication.instance().quit()
                    ready.timeout.connect(check)
                    ready.start(5)
            return False

    _filter = FirstPaint()

    def make_application(argv=None):
        app = _make(argv)
        app.installEventFilter(_filter)
        return app

    app_mod.make_application = make_application


class PatchApp:
    def find_spec(self, name, path=None, target=None):
        if name != "studio.ui.shell.app":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        real = spec.loader.exec_module
        def exec_module(module):
            real(module)
            patch(module)
        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, PatchApp())
from studio.cli import main
sys.exit(main(sys.argv[1:]))
"""


def child_env(home: Path, extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "run"),
        STUDIO_LANG="zh_CN",
    )
    env.pop("STUDIO_DB", None)
    # A user's install has its bytecode cached after the first start; this environment sets
    # PYTHONDONTWRITEBYTECODE, which would make every run compile ~250 modules (0.4 s) again.
    # The cache goes to the run's temp folder, not into the checkout.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    (home / "run").mkdir(parents=True, exist_ok=True)
    os.chmod(home / "run", 0o700)
    env.update(extra)
    return env


def one_run(
    args: list[str], env: dict[str, str], *, python_flags: tuple[str, ...] = ()
) -> tuple[float, float, tuple[float, float], str, str]:
    """(seconds to first paint, seconds to Python running, CPU seconds of the process by
    then (all its threads, and the GUI thread's), stderr, modules line)."""
    paint, python, cpu, stderr, modules, _ready = one_run_ready(
        args, env, python_flags=python_flags
    )
    return paint, python, cpu, stderr, modules


def one_run_ready(
    args: list[str], env: dict[str, str], *, python_flags: tuple[str, ...] = ()
) -> tuple[float, float, tuple[float, float], str, str, float | None]:
    """one_run's figures and the seconds until the visible docks held their panels (built
    just after the first paint; None if the child did not say)."""
    t0 = time.time()
    proc = subprocess.run(
        [sys.executable, *python_flags, "-c", CHILD, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
    )
    m = re.search(r"FIRST_PAINT ([\d.]+) PYTHON ([\d.]+) CPU ([\d.]+) GUI ([\d.]+)", proc.stdout)
    if m is None:
        raise RuntimeError(
            f"no first paint (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr[-3000:]}"
        )
    modules = re.search(r"MODULES (.*)", proc.stdout)
    ready = re.search(r"PANELS_READY ([\d.]+)", proc.stdout)
    return (
        float(m.group(1)) - t0,
        float(m.group(2)) - t0,
        (float(m.group(3)), float(m.group(4))),
        proc.stderr,
        modules.group(1) if modules else "",
        float(ready.group(1)) - t0 if ready else None,
    )


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    if shutil.which("Xvfb") is None:
        return None
    r, w = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(w), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(w,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(w)
    number = b""
    deadline = time.time() + 10
    while not number.endswith(b"\n") and time.time() < deadline:
        chunk = os.read(r, 16)
        if not chunk:
            break
        number += chunk
    os.close(r)
    display = number.decode().strip()
    sock_path = f"/tmp/.X11-unix/X{display}"
    while time.time() < deadline:
        try:
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(sock_path)
            return proc, f":{display}"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    return None


def stored_show(env: dict[str, str], home: Path) -> None:
    """A show made from the demo script, remembered as the last one opened."""
    script = ROOT / "resources" / "demo" / "show.yaml"
    out = subprocess.run(
        [sys.executable, "-m", "studio.cli", "show", "create", "--title", "Cold start",
         "--script", str(script)],
        env=env, capture_output=True, text=True, check=True, cwd=str(ROOT),
    ).stdout  # fmt: skip
    show_id = int(out.strip().splitlines()[-1])
    ini = home / "config" / "studio" / "studio.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text(f"[show]\nlast_id={show_id}\n")


def importtime_breakdown(stderr: str, top: int) -> None:
    rows: list[tuple[int, int, int, str]] = []  # self us, cumulative us, depth, name
    # Only the imports before the first paint (the child goes on until the panels are built).
    stderr = stderr.split("COLD_START_FIRST_PAINT", 1)[0]
    for line in stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)), m.group(4)))
    if not rows:
        print("  (no -X importtime output)")
        return
    min_depth = min(r[2] for r in rows)
    tops = [r for r in rows if r[2] == min_depth]
    total = sum(r[1] for r in tops)
    print(f"  all imports: {total / 1e6:.3f} s (sum of top-level cumulative times)")
    groups: dict[str, int] = defaultdict(int)
    for self_us, _cum, _depth, name in rows:
        head = name.split(".")[0]
        if head == "studio":
            parts = name.split(".")
            head = ".".join(parts[:3]) if parts[1:2] == ["ui"] else ".".join(parts[:2])
        groups[head] += self_us
    print("  self time by package (s):")
    for head, us in sorted(groups.items(), key=lambda kv: -kv[1])[:top]:
        print(f"    {head:<34} {us / 1e6:.3f}")
    print("  costliest top-level imports (cumulative s):")
    for _self, cum, _depth, name in sorted(tops, key=lambda r: -r[1])[:top]:
        print(f"    {name:<34} {cum / 1e6:.3f}")


def measure(label: str, args: list[str], env: dict[str, str], n: int) -> list[float]:
    one_run(args, env)  # creates the demo show and settings; not counted
    paints, pythons, cpus, guis, readies = [], [], [], [], []
    for _ in range(n):
        paint, python, cpu, _err, _mods, ready = one_run_ready(args, env)
        paints.append(paint)
        pythons.append(python)
        cpus.append(cpu[0])
        guis.append(cpu[1])
        if ready is not None:
            readies.append(ready)
    load = Path("/proc/loadavg").read_text().split()[0]
    print(
        f"{label}: first paint median {statistics.median(paints):.3f} s, "
        f"min {min(paints):.3f} s, max {max(paints):.3f} s "
        f"(n={n}; Python itself up after {statistics.median(pythons):.3f} s; "
        f"CPU used by then: all threads {statistics.median(cpus):.3f} s, GUI thread "
        f"{statistics.median(guis):.3f} s (medians); load {load})"
    )
    if readies:
        print(
            f"  visible panels built (after the first paint): median "
            f"{statistics.median(readies):.3f} s, max {max(readies):.3f} s"
        )
    return paints


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=7, help="runs per platform (default 7)")
    ap.add_argument("--no-xvfb", action="store_true", help="offscreen only")
    ap.add_argument("--top", type=int, default=20, help="rows in the breakdown")
    ap.add_argument("--demo", action="store_true", help="`studio demo` instead of `studio`")
    opts = ap.parse_args()
    cmd = ["demo", "--manual"] if opts.demo else []
    print(f"load: {Path('/proc/loadavg').read_text().split()[:3]} on {os.cpu_count()} cores")
    print(f"command: studio {' '.join(cmd)}")
    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmp:
        home = Path(tmp)
        env = child_env(home, {"QT_QPA_PLATFORM": "offscreen"})
        if not opts.demo:
            stored_show(env, home)
        measure("offscreen", cmd, env, opts.n)
        if not opts.no_xvfb:
            xvfb = start_xvfb()
            if xvfb is None:
                print("xvfb: Xvfb not installed, skipped")
            else:
                proc, display = xvfb
                try:
                    xenv = child_env(home, {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
                    measure(f"xvfb {display}", cmd, xenv, opts.n)
                finally:
                    proc.terminate()
                    proc.wait(5)
        env_mods = dict(env, COLD_START_MODULES="1")
        paint, _python, _cpu, err, mods = one_run(cmd, env_mods, python_flags=("-X", "importtime"))
        print(
            f"\nbreakdown of the imports before the first paint (offscreen, one run under "
            f"-X importtime: first paint {paint:.3f} s)"
        )
        print(f"  heavy packages loaded at first paint: {mods or '(none)'}")
        importtime_breakdown(err, opts.top)
    print(f"load after: {Path('/proc/loadavg').read_text().split()[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
