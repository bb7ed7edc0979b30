"""What the show-day soak (benchmarks/soak.py, issue 23) found, kept fixed."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from studio.ui.common.context import AppContext
from studio.ui.common.qt_jobs import SerialWorker


def test_a_worker_fed_every_second_keeps_its_thread(qtbot: QtBot) -> None:
    """A panel's worker that gets a job every second reuses one thread instead of starting a
    new one per job (starting a thread blocks the GUI thread until the new thread runs)."""
    owner = QObject()
    worker = SerialWorker(owner, "soak-test")
    threads: list[threading.Thread] = []
    try:
        for _ in range(3):
            done: list[threading.Thread] = []
            worker.submit(threading.current_thread, done.append)
            qtbot.waitUntil(lambda done=done: bool(done), timeout=5000)
            threads.append(done[0])
            time.sleep(1.0)
        assert all(t is threads[0] for t in threads), threads
    finally:
        worker.shutdown()


def test_a_second_show_replaces_the_demo_feed_and_autopilot(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """Starting the demo feed and autopilot for a second show in the same process shuts the
    first feed down (no thread or object left behind) and keeps one autopilot timer."""
    from PySide6.QtCore import QTimer

    from studio.demo import ensure_demo_show
    from studio.ui.shell.app import StudioApp
    from studio.ui.shell.i18n import Translations

    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    translations = Translations()
    translations.install("en")
    app = StudioApp(app_ctx, translations)
    app.build()
    try:
        app.start_demo_feed(speed=60)
        first = app_ctx.metrics_feed
        app.start_autopilot()
        app.start_demo_feed(speed=60)
        app.start_autopilot()
        assert first is not None and app_ctx.metrics_feed not in (None, first)
        assert not first.running  # its simulator thread has ended
        others = [
            t
            for t in threading.enumerate()
            if t.name.startswith("metrics-sim") and t is not app_ctx.metrics_feed._thread
        ]
        assert others == []
        timers = [t for t in app.findChildren(QTimer) if t.isActive() and t.interval() == 250]
        assert len(timers) == 1
    finally:
        app.shutdown()


def test_a_hidden_review_panel_waits_to_be_shown_before_rebuilding(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """Changes to the reviewed show do not rebuild the review while the panel is hidden (a
    tab behind the live metrics); it rebuilds once when shown."""
    from studio.demo import ensure_demo_show
    from studio.store.shows import list_shows
    from studio.ui.review.panel import ReviewPanel

    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    panel = ReviewPanel(app_ctx)
    qtbot.addWidget(panel)
    try:
        reloads: list[int] = []
        real = panel.reload
        panel.reload = lambda: (reloads.append(1), real())  # type: ignore[method-assign]
        qtbot.waitUntil(lambda: panel._stale, timeout=15_000)  # the show list was read
        assert panel.review is None and reloads == []  # not even the first review while hidden
        assert panel.show_id == app_ctx.show_id
        panel._on_change("incident", 1, panel.show_id)
        panel._debounce.timeout.emit()  # the debounce ran out
        panel._fill_shows(list_shows(app_ctx.store))  # a show row changed
        assert reloads == [] and panel._stale
        panel.show()
        assert reloads == [1] and not panel._stale
        qtbot.waitUntil(lambda: not panel._loading, timeout=15_000)
    finally:
        panel.shutdown()


def test_freed_heap_is_returned_periodically_and_after_a_show_switch(
    app_ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app returns freed C heap to the system every few minutes while it runs and once
    after a show switch rebuilt the windows (RSS grew ~67 MB per show without it)."""
    import sys

    import studio.ui.shell.app as app_module
    from studio.ui.shell.app import StudioApp
    from studio.ui.shell.i18n import Translations
    from studio.ui.shell.native_memory import release_free_memory

    assert release_free_memory() is sys.platform.startswith("linux")
    calls: list[int] = []
    monkeypatch.setattr(app_module, "release_in_background", lambda: calls.append(1))
    translations = Translations()
    translations.install("en")
    app = StudioApp(app_ctx, translations)
    app.build()
    try:
        assert app._trim.isActive() and app._trim.interval() == app_module.TRIM_EVERY_MS
        app.rebuild()
        qtbot.waitUntil(lambda: calls == [1], timeout=10_000)
    finally:
        app.shutdown()
    assert not app._trim.isActive()


def test_a_hidden_review_panel_builds_one_review_while_show_rows_change(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """A hidden review panel builds no review for each change of a live show's row, and one
    when it is shown."""
    from studio.demo import ensure_demo_show
    from studio.store.shows import list_shows
    from studio.ui.review.panel import ReviewPanel

    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    panel = ReviewPanel(app_ctx)
    qtbot.addWidget(panel)
    try:
        reloads: list[int] = []
        real = panel.reload
        panel.reload = lambda: (reloads.append(1), real())  # type: ignore[method-assign]
        shows = list_shows(app_ctx.store)
        for _ in range(3):  # three show-row changes while hidden
            panel._fill_shows(shows)
        assert reloads == [] and panel._stale
        panel.show()
        assert reloads == [1] and not panel._stale
        qtbot.waitUntil(lambda: panel.review is not None, timeout=15_000)
    finally:
        panel.shutdown()


def test_a_review_tab_behind_the_metrics_waits_until_its_tab_is_raised(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """Qt keeps a dock tabbed behind another visible (only its visible region is empty): the
    review behind the Metrics tab must still only note that it is stale, and rebuild once its
    tab comes to the front."""
    from studio.demo import ensure_demo_show
    from studio.ui.common.on_screen import on_screen
    from studio.ui.shell.main_window import MainWindow

    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    window.docks["metrics"].raise_()
    qtbot.waitExposed(window)
    panel = window.panel("review")
    qtbot.waitUntil(lambda: not panel._loading, timeout=15_000)
    assert panel.isVisible() and not on_screen(panel)  # behind the Metrics tab
    reloads: list[int] = []
    real = panel.reload
    panel.reload = lambda: (reloads.append(1), real())  # type: ignore[method-assign]
    panel._on_change("incident", 1, panel.show_id)
    panel._debounce.stop()
    panel._debounce.timeout.emit()  # the debounce ran out
    assert reloads == [] and panel._stale
    window.docks["review"].raise_()
    qtbot.waitUntil(lambda: bool(reloads), timeout=5000)
    assert on_screen(panel) and not panel._stale
    qtbot.waitUntil(lambda: not panel._loading, timeout=15_000)


@pytest.mark.gc_freeze
def test_the_built_window_is_frozen_out_of_full_collections_and_handed_back_on_a_switch(
    app_ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once every panel is built the long-lived objects are frozen (full collections then walk
    only what the show made) and the mic meters' scipy.signal is imported off the GUI thread;
    a show switch unfreezes them so the old window is collected."""
    import gc
    import weakref

    import studio.devices.audio._util as audio_util

    warmed: list[str] = []
    monkeypatch.setattr(
        audio_util, "scipy_signal", lambda: warmed.append(threading.current_thread().name)
    )

    from studio.demo import ensure_demo_show
    from studio.ui.shell.app import StudioApp
    from studio.ui.shell.i18n import Translations

    app_ctx.show_id = ensure_demo_show(app_ctx.store)
    translations = Translations()
    translations.install("en")
    app = StudioApp(app_ctx, translations)
    gc.unfreeze()
    app.build()
    try:
        assert app.window is not None
        app.window.show()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 10_000, timeout=20_000)
        qtbot.waitUntil(lambda: warmed == ["warm-imports"], timeout=5000)
        old = weakref.ref(app.window.panel("incidents"))
        app.rebuild()
        assert gc.get_freeze_count() == 0
        assert app.window is not None
        app.window.show()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 10_000, timeout=20_000)
        qtbot.waitUntil(lambda: old() is None, timeout=5000)
    finally:
        app.shutdown()
        gc.unfreeze()


def test_shutdown_waits_for_a_stuck_job_only_a_while(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A panel closing while its worker is stuck (a locked database, a slow disk) waits a while,
    says so in the log, and lets the job finish on its own thread."""
    owner = QObject()
    worker = SerialWorker(owner, "stuck-test")
    monkeypatch.setattr(SerialWorker, "SHUTDOWN_WAIT_SECONDS", 0.2)
    release, finished = threading.Event(), threading.Event()
    worker.submit(lambda: (release.wait(30), finished.set()))
    thread = worker._thread
    assert thread is not None
    worker.shutdown()
    assert thread.is_alive() and not finished.is_set()
    assert "still running" in caplog.text
    release.set()
    thread.join(10)
    assert finished.is_set() and not thread.is_alive()


def test_the_show_line_growing_does_not_widen_the_window(app_ctx: AppContext, qtbot: QtBot) -> None:
    """The status bar's show line (elapsed, to the planned end, over/under) grows through a
    show: it must not raise the window's minimum width (that resized every dock and graph)."""
    from studio.ui.shell.main_window import MainWindow
    from studio.ui.shell.status_bar import StudioStatusBar

    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.show()
    bar = window.findChild(StudioStatusBar)
    assert bar is not None
    bar.show_label.setText("春季新品首发")
    qtbot.wait(50)
    before = window.minimumSizeHint().width()
    bar.show_label.setText("春季新品首发   已进行 1:05:12   距计划结束 2:54:48   超时 12:30" * 3)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() == before


def test_setting_the_same_style_sheet_again_does_not_restyle(qtbot: QtBot) -> None:
    """Panels and the prompter re-apply their style every refresh: the same sheet again is not
    set again (each set re-polishes the widget and its children)."""
    from PySide6.QtWidgets import QLabel

    from studio.ui.common.theme import set_style_sheet

    sets: list[str] = []

    class Label(QLabel):
        def setStyleSheet(self, sheet: str) -> None:
            sets.append(sheet)
            super().setStyleSheet(sheet)

    label = Label("¥59.00")
    qtbot.addWidget(label)
    for _ in range(3):
        set_style_sheet(label, "color: #f5a524;")
    assert sets == ["color: #f5a524;"]
    set_style_sheet(label, "color: #9a9a9a;")
    assert sets == ["color: #f5a524;", "color: #9a9a9a;"]
    assert label.styleSheet() == "color: #9a9a9a;"


def test_a_covered_planning_panel_reads_the_plan_once_when_its_tab_comes_to_the_front(
    app_ctx: AppContext, qtbot: QtBot
) -> None:
    """Stock changes of a live show behind another tab only mark the plan stale; raising the
    tab reads it once."""
    from studio.products.changes import add_stock
    from studio.script.store_io import create_show_from_script_file
    from studio.ui.common.on_screen import on_screen
    from studio.ui.shell.main_window import MainWindow

    demo = Path(__file__).resolve().parents[2] / "resources" / "demo" / "show.yaml"
    sid = create_show_from_script_file(app_ctx.store, demo)
    app_ctx.show_id = sid
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    window.docks["planning"].show()
    window.docks["planning"].raise_()
    panel = window.panel("planning")
    qtbot.waitUntil(lambda: panel.snapshot is not None and on_screen(panel), timeout=10_000)
    window.docks["rundown"].raise_()  # the planning tab behind it
    qtbot.waitUntil(lambda: not on_screen(panel), timeout=3000)
    reloads: list[int] = []
    real = panel.reload
    panel.reload = lambda: (reloads.append(1), real())  # type: ignore[method-assign]
    sku = panel.stock.item(0, 0).text()
    before = panel.snapshot
    for _ in range(3):
        add_stock(app_ctx.store, sid, sku, 10)
    qtbot.wait(600)  # longer than the debounce
    assert reloads == [] and panel._stale
    window.docks["planning"].raise_()
    qtbot.waitUntil(lambda: reloads == [1], timeout=5000)
    qtbot.waitUntil(lambda: panel.snapshot is not before, timeout=10_000)  # read again
    assert not panel._stale and reloads == [1]


def test_the_application_hands_the_interpreter_lock_over_every_millisecond(qtbot: QtBot) -> None:
    """Python's default 5 ms switch interval let busy workers keep the GUI thread waiting for
    each slot and paint (benchmarks/gil_switch.py: p99 122 ms beside two busy workers, 22 ms at
    1 ms): the application asks for 1 ms."""
    from studio.ui.shell.app import make_application

    sys.setswitchinterval(0.005)
    make_application()
    assert sys.getswitchinterval() <= 0.0011


ARENA_PROBE = """
import ctypes, sys, tempfile, threading
from studio.ui.shell.native_memory import limit_arenas
if sys.argv[1] == "limit":
    assert limit_arenas()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
start = threading.Barrier(8)
def work():
    start.wait()
    for _ in range(20000):  # threads allocating at once: glibc gives each its own heap
        libc.free(libc.malloc(200_000))
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
libc.fopen.restype = ctypes.c_void_p
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
with tempfile.NamedTemporaryFile(suffix=".xml") as f:
    fp = libc.fopen(f.name.encode(), b"w")
    libc.malloc_info(0, fp)
    libc.fclose(fp)
    print(open(f.name).read().count("<heap nr="))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_worker_threads_share_two_malloc_heaps(tmp_path: Path) -> None:
    """Threads that allocate at once get heaps of their own unless capped; the capped process
    keeps two (memory freed by ended camera/mic threads was left scattered over a dozen)."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}

    def heaps(mode: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", ARENA_PROBE, mode],
            env=env, capture_output=True, text=True, check=True, timeout=120,
        )  # fmt: skip
        return int(out.stdout.strip())

    assert heaps("limit") <= 2
    assert heaps("free") > 2
