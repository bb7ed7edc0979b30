"""Starting the GUI: QApplication, logging, language, theme, store, windows; and the demo."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from studio.profile import Profile, ProfileError
from studio.store.engine import StoreError
from studio.store.store import Store
from studio.ui.common.context import AppContext, StoreSignals
from studio.ui.common.settings_values import setting_bool, setting_int, setting_str
from studio.ui.common.theme import apply_theme
from studio.ui.rundown.qt_runner import QtRunner
from studio.ui.shell.collector import settle, unsettle
from studio.ui.shell.i18n import Translations, choose_language
from studio.ui.shell.live_wiring import LiveWiring
from studio.ui.shell.main_window import MainWindow
from studio.ui.shell.native_memory import limit_arenas, release_in_background
from studio.ui.shell.settings import open_settings

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

TRIM_EVERY_MS = 5 * 60 * 1000

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(mode: QtMsgType, _context: Any, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
    """An unexpected error is logged and shown; the show keeps running."""
    from studio.logsetup import log_file

    log.error("unhandled exception", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is not None and QApplication.platformName() != "offscreen":
        QMessageBox.critical(
            None,
            "studio",
            f"{exc_type.__name__}: {exc}\n\nDetails are in the log file:\n{log_file()}",
        )
    else:
        traceback.print_exception(exc_type, exc, tb)


class StudioApp(QObject):
    """Owns the windows of one station and rebuilds them when the show or language changes."""

    def __init__(
        self, ctx: AppContext, translations: Translations, role: str = "controller"
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.translations = translations
        self.role = role
        self.window: MainWindow | None = None
        self._anchor: QWidget | None = None
        self._anchor_pending = False  # the prompter is made just after the control room's paint
        self._feed: Any = None
        self._autopilot: QTimer | None = None
        # Freed C heap back to the system every few minutes and after a show switch (see
        # studio.ui.shell.native_memory: RSS otherwise grew ~67 MB per show in one process).
        self._trim = QTimer(self)
        self._trim.setInterval(TRIM_EVERY_MS)
        self._trim.timeout.connect(release_in_background)
        self.wiring: LiveWiring | None = None
        self._runner_status = ""
        self.rules: Any = None  # studio.ui.talkback.qt_rules.QtRules: the show's rules, on a worker
        ctx.signals.changed.connect(self._rule_fired)
        self.api: Any = None  # studio.ui.shell.api_link.ApiLink, once started
        self.cs_window: Any = None  # studio.ui.audience.station.CsStation (role cs)
        self._rebuilt = False  # a show switch rebuilt the windows (their old cycles to collect)

    # -- windows -----------------------------------------------------------------------------
    def start_encoder_link(self) -> None:
        """Connect to OBS when this station has been set up for it (studio obs config / card)."""
        from studio.obs import config as obs_config

        if self.ctx.encoder is not None or not obs_config.is_configured():
            return
        from studio.ui.obs.qt_obs import QtObsLink

        self.ctx.encoder = QtObsLink.from_context(self.ctx, parent=self).start()

    def build(self) -> None:
        if self.ctx.database is None:
            from studio.ui.shell.qt_sync import QtSync

            self.ctx.database = QtSync(self.ctx.store, self)
        self._make_runner()
        self._drop_products()
        self._start_api()
        if self.ctx.encoder is not None:
            self.ctx.encoder.follow_show(self.ctx.show_id)
        if self.role == "cs":  # the 客服 station: the question queue, no control room or prompter
            self._make_products()
            self._start_rules()
            from studio.ui.audience.station import CsStation

            self.cs_window = CsStation(self.ctx)
            self.cs_window.open_show_requested.connect(self.load_show)
            self.cs_window.show()
            QTimer.singleShot(0, self, self._settle)
            return
        if not self._trim.isActive():
            self._trim.start()
        if self.role != "anchor":
            # The docks paint first (each "Loading…"), their panels are built right after.
            self.window = MainWindow(self.ctx, defer_panels=True)
            # The live products (their reader imports numpy) come with the panels, just after
            # the first paint; the prompter's card shows the script's figures until then.
            self.window.before_panels(self._make_products)
            self.window.before_panels(self._start_rules)  # the rules' facts import numpy too
            self.window.language_requested.connect(self.switch_language)
            self.window.open_script_requested.connect(self.open_script)
            self.window.new_show_requested.connect(self.new_show)
            self.window.toggle_anchor_requested.connect(self.toggle_anchor)
            self.window.settings_requested.connect(self.open_preferences)
            self.window.rehearsal_requested.connect(self.start_rehearsal)
            self.window.take_over_requested.connect(self.take_over)
            self.window.open_show_requested.connect(self.load_show)
            self.window.quit_requested.connect(self.quit)
            # Planning is a hidden tab at start: hooked up when first built.
            self.window.on_panel("planning", self._hook_planning)
            self.wiring = LiveWiring(self.ctx, self)
            self.wiring.attach(self.window)
            focus = {"tech": "checks", "review": "review"}.get(self.role)
            if focus in self.window.docks:
                self.window.docks[focus].show()
                self.window.docks[focus].raise_()
            self.window.show_first()
            # Full collections stay short once the built window is out of their sight.
            self.window.when_built(self._settle)
        if self.window is None:
            self._make_products()
            self._start_rules()
            self._make_anchor()
            QTimer.singleShot(0, self, self._settle)
        else:
            # The prompter follows the control room's first paint (asking for `anchor` before
            # that makes it at once).
            self._anchor_pending = True
            self.window.before_panels(self._make_anchor)

    @property
    def anchor(self) -> QWidget | None:
        """The prompter window (None before `build` and after `teardown`)."""
        if self._anchor_pending:
            self._make_anchor()
        return self._anchor

    def _make_anchor(self) -> None:
        if self._anchor is not None:
            self._anchor_pending = False
            return
        self._anchor_pending = False
        from studio.ui.anchor.window import AnchorWindow

        anchor = self._anchor = AnchorWindow(self.ctx)
        if self.role == "anchor":
            anchor.showFullScreen()
        elif setting_bool(self.ctx.settings, self._anchor_key(), self.role == "controller"):
            # The prompter opens by itself on the controller's station only: a tech or review
            # station opens it with F10 when wanted, instead of finding it over the control room.
            anchor.show()

    def _start_rules(self) -> None:
        """The show's rules, checked on a worker; started once for the station."""
        if self.rules is None:
            from studio.ui.talkback.qt_rules import QtRules

            self.rules = QtRules(self.ctx, self).start()

    def _rule_fired(self, table: str, _row: object, show_id: object) -> None:
        """A rule fired: the talkback panel is built (if it was not), its banner comes forward."""
        window = self.window
        if table == "rule_firing" and show_id == self.ctx.show_id and window is not None:
            window.panel("talkback")

    def _hook_planning(self, planning: QWidget) -> None:
        from studio.ui.planning.panel import PlanningPanel

        if isinstance(planning, PlanningPanel):
            planning.went_live.connect(self._on_went_live)
            planning.open_show_requested.connect(self.load_show)

    def _start_api(self) -> None:
        """The remote-control server (Preferences → Remote control), started off the GUI thread
        for this show; its rundown actions run on this station's own runner."""
        from studio.ui.shell.api_link import ApiLink

        if self.api is None:
            self.api = ApiLink(self.ctx, self)
        self.api.restart()

    def teardown(self) -> None:
        if self.cs_window is not None:
            self.cs_window.shutdown()
            self.cs_window.close()
            self.cs_window.deleteLater()
            self.cs_window = None
        if self.api is not None:
            self.api.stop()
        if self.wiring is not None:
            self.wiring.shutdown()
            self.wiring = None
        if self.window is not None:
            self.window.save_layout()
            self.window.shutdown()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self._anchor_pending = False  # a prompter never made keeps its remembered visibility
        if self._anchor is not None:
            self.ctx.settings.setValue(self._anchor_key(), self._anchor.isVisible())
            self._anchor.close()
            self._anchor.deleteLater()
            self._anchor = None

    def _anchor_key(self) -> str:
        return f"anchor/visible_{self.role}"

    def quit(self) -> None:
        """Ctrl+Q or closing the control room: every window of the station goes, the process
        ends (the show stays live in the database for the next start)."""
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def _on_went_live(self, show_id: int) -> None:
        """The readiness gate passed: the rundown starts with the show."""
        runner = self.ctx.runner
        if runner is None or show_id != self.ctx.show_id:
            return
        if runner.snapshot().status == "ready":
            runner.start()

    def _settle(self) -> None:
        settle(collect=self._rebuilt)
        if not self._rebuilt:
            from studio.devices.audio._util import scipy_signal  # numpy: not before the paint

            # The mic meters' scipy.signal (1-2 s of imports) loaded now, while the room is
            # idle, not on the audio thread when the mic starts (the show-day soak saw it
            # compete with the first seconds of the show).
            threading.Thread(target=scipy_signal, name="warm-imports", daemon=True).start()

    def rebuild(self) -> None:
        unsettle()  # the old window's objects are collectable again (studio.ui.shell.collector)
        self._rebuilt = True
        self.teardown()
        self.build()
        # The old windows are deleted when the event loop next runs; trim after that.
        QTimer.singleShot(2000, self, release_in_background)

    def _make_runner(self) -> None:
        old = self.ctx.runner
        if old is not None:
            old.shutdown()
        self.ctx.runner = None
        if self.ctx.show_id is None:
            return
        try:
            # Only a controller tries to drive; the session follows whoever holds the lease.
            runner = QtRunner(
                self.ctx.store,
                self.ctx.show_id,
                clock=self.ctx.clock,
                follower=self.role != "controller",
            )
        except ValueError as exc:  # a show without segments has nothing to run
            log.info("no runner for show %s: %s", self.ctx.show_id, exc)
            return
        from studio.ui.shell.settings import PRODUCTS_FOLLOW_KEY

        runner.products_follow = setting_bool(self.ctx.settings, PRODUCTS_FOLLOW_KEY, True)
        self.ctx.runner = runner
        self._runner_status = runner.snapshot().status
        runner.changed.connect(self._on_runner_changed)

    def _drop_products(self) -> None:
        if self.ctx.products is not None:
            self.ctx.products.shutdown()
            self.ctx.products = None

    def _make_products(self) -> None:
        self._drop_products()
        if self.ctx.show_id is not None:
            from studio.ui.products.qt_live import QtLiveProducts

            self.ctx.products = QtLiveProducts(
                self.ctx.store, self.ctx.show_id, self.ctx.clock, parent=self
            )

    def _on_runner_changed(self) -> None:
        """Things that follow the show's start and end: the OBS recording, when asked for."""
        runner = self.ctx.runner
        if runner is None:
            return
        status = runner.snapshot().status
        before, self._runner_status = self._runner_status, status
        if status == "ended" and before != "ended" and self.ctx.metrics_feed is not None:
            # An ended show takes no more live data: the simulated or file feed started from
            # this station stops with the show (re-opening the show starts it again).
            self.ctx.metrics_feed.stop()
        encoder = self.ctx.encoder
        if encoder is None or runner.read_only:
            return
        if not setting_bool(self.ctx.settings, "obs/record_with_show", False):
            return
        from studio.obs.follow_show import recording_step

        step = recording_step(before, status)
        if step == "start":
            encoder.start_recording()
        elif step == "stop":
            encoder.stop_recording(runner.show_id)

    def take_over(self) -> None:
        """Drive the rundown from here: allowed when the current driver's heartbeat is stale."""
        runner = self.ctx.runner
        if runner is None or runner.driver is None or self.role != "controller":
            return
        from studio.runner.session import station_of
        from studio.store.sync import lease

        try:
            runner.take_over()
        except lease.LeaseHeld as held:
            QMessageBox.information(
                self.window,
                self.tr("Take over the rundown"),
                self.tr("{0} still drives this show (heartbeat {1:.0f} s ago).").format(
                    station_of(held.lease.station), held.lease.age_s
                ),
            )
            return
        self.rebuild()

    # -- actions -----------------------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        self.ctx.settings.setValue("ui/language", language)
        self.translations.install(language)
        self.rebuild()

    def load_show(self, show_id: int | None) -> None:
        self.ctx.show_id = show_id
        if show_id is not None:
            from studio.demo import show_clock

            self.ctx.clock = show_clock(self.ctx.store, show_id)  # the new show's own clock
        if show_id is not None and not self.ctx.demo:  # a demo never becomes "the last show"
            self.ctx.settings.setValue("show/last_id", show_id)
        self.rebuild()

    def toggle_anchor(self) -> None:
        anchor = self.anchor
        if anchor is None:
            return
        anchor.setVisible(not anchor.isVisible())
        self.ctx.settings.setValue(self._anchor_key(), anchor.isVisible())

    def open_script(self) -> None:
        parent = self.window
        path, _ = QFileDialog.getOpenFileName(
            parent,
            self.tr("Open show script"),
            str(Path.home()),
            self.tr("Show scripts (*.yaml *.yml *.xlsx *.csv)"),
        )
        if path:
            self.load_script_file(path)

    def load_script_file(self, path: str) -> int | None:
        from studio.script.store_io import create_show_from_script_file

        try:
            show_id = create_show_from_script_file(self.ctx.store, path)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("Script not loaded"), str(exc))
            return None
        self.load_show(show_id)
        return show_id

    def start_rehearsal(self) -> None:
        """A rehearsal (彩排) is a copy of the show's script, recorded apart from live shows."""
        if self.ctx.show_id is None:
            return
        from studio.script.store_io import create_rehearsal

        self.load_show(create_rehearsal(self.ctx.store, self.ctx.show_id))

    def new_show(self) -> None:
        from studio.store.shows import create_show

        title, ok = QInputDialog.getText(self.window, self.tr("New show"), self.tr("Title:"))
        if ok and title.strip():
            self.load_show(create_show(self.ctx.store, title.strip()))

    def open_preferences(self) -> None:
        from studio.ui.shell.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.ctx, self.translations.language, self.window)
        if dialog.exec():
            if dialog.language != self.translations.language:
                self.switch_language(dialog.language)
            else:
                self._start_api()  # port, LAN or on/off may have changed
            apply_theme(QApplication.instance(), dialog.theme)  # type: ignore[arg-type]

    # -- demo --------------------------------------------------------------------------------
    def start_demo_feed(self, speed: float) -> None:
        if self.ctx.show_id is None:
            return
        self._drop_feed()  # the previous show's (a second show in the same process)
        # Imported here: the simulator pulls in numpy, which a plain start does not need yet.
        from studio.ui.metrics.qt_feed import MetricsFeed

        self._feed = MetricsFeed(self.ctx.store, parent=self, clock=self.ctx.clock)
        self.ctx.metrics_feed = self._feed
        self._feed.start(self.ctx.show_id, speed=speed)
        from studio.ui.audience.qt_feed import CommentFeed

        CommentFeed.follow(self._feed, self.ctx)  # the demo's viewer comments, stopped with it

    def _drop_feed(self) -> None:
        feed, self._feed = self._feed, None
        if feed is None:
            return
        feed.shutdown()
        if self.ctx.metrics_feed is feed:
            self.ctx.metrics_feed = None
        feed.deleteLater()

    def start_autopilot(self) -> None:
        """Demo only: turn the cues the way a controller would, evenly through each segment."""
        if self._autopilot is not None:  # already turning (a second show in the same process)
            return
        self._autopilot = QTimer(self)
        self._autopilot.setInterval(250)
        self._autopilot.timeout.connect(self._autopilot_step)
        self._autopilot.start()

    def _autopilot_step(self) -> None:
        from studio.runner.autopilot import autopilot_action

        runner = self.ctx.runner
        if runner is None:
            return
        action = autopilot_action(runner.plan, runner.snapshot())
        if action == "next":
            runner.next()
        elif action == "skip":
            runner.skip()
        elif action == "end":
            runner.end()

    def shutdown(self) -> None:
        self._trim.stop()
        if self._autopilot is not None:
            self._autopilot.stop()
        if self.rules is not None:
            self.rules.stop()
            self.rules = None
        runner = self.ctx.runner
        if self.ctx.demo and runner is not None and runner.snapshot().status in ("running", "held"):
            # A real show stays live when the app closes (it is resumed on the next start);
            # the demo ends, so the next plain start is not taken over by a demo show.
            runner.end()
        if self.ctx.encoder is not None:
            self.ctx.encoder.shutdown()
            self.ctx.encoder = None
        if self.ctx.database is not None:
            self.ctx.database.close()
            self.ctx.database = None
        if self._feed is not None:
            self._feed.shutdown()
            if self.ctx.metrics_feed is self._feed:
                self.ctx.metrics_feed = None
            self._feed = None
        self.teardown()
        if self.ctx.runner is not None:
            self.ctx.runner.shutdown()
            self.ctx.runner = None
        if self.ctx.products is not None:
            self.ctx.products.shutdown()
            self.ctx.products = None
        self.ctx.signals.close()


def station_name(role: str) -> str:
    """Who wrote a row, and who holds a runner lease: the role on this computer."""
    import socket

    return f"{role}@{socket.gethostname()}"


def accelerated_clock(speed: float) -> Any:
    """Demo time: starts now and runs `speed` times faster, for runner and simulator alike."""
    import time

    t0 = time.time()
    return lambda: t0 + (time.time() - t0) * speed


def startup_show(store: Store, settings: Any) -> int | None:
    """A show of the user's left live by a crash comes first (the runner is rebuilt from its
    CueEvents); otherwise the show used last; never a demo show (`studio.demo.startup_show`)."""
    from studio.demo import startup_show as core_startup_show

    return core_startup_show(store, setting_int(settings, "show/last_id", 0) or None)


# Python threads pass the interpreter lock on every "switch interval" (5 ms by default). The GUI
# thread takes the lock again for each Python slot, paint or event Qt calls, and while a worker
# runs Python each of those waits up to that interval: the show-day soak (benchmarks/soak.py
# --why) saw a graph repaint of 25 ms of the GUI thread's own CPU stretched to 360 ms beside the
# comment feed's classifier. A shorter interval keeps those waits short; the workers lose only
# the handovers (microseconds each).
GIL_SWITCH_INTERVAL_S = 0.001


def make_application(argv: list[str] | None = None) -> QApplication:
    limit_arenas()  # before the capture and worker threads (studio.ui.shell.native_memory)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("studio")
    app.setOrganizationName("studio")
    return app


def no_display_message(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why the GUI cannot open here, with what to do instead (None: it can try).

    Without a screen Qt aborts the process ("could not connect to display", exit 134) and says
    so only in the log; a user at a terminal should read it, and what to run instead."""
    if not platform.startswith("linux"):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "studio: no screen to open the control room on (DISPLAY and WAYLAND_DISPLAY are not "
        "set).\n"
        "  On a desktop: run it from a terminal inside the desktop session.\n"
        "  On a server: xvfb-run -a studio demo --seconds 10 --screenshot demo.png\n"
        "  or: scripts/studio.sh demo (sets up a virtual screen by itself).\n"
        "  The headless commands (studio check, studio report, studio show list ...) need no screen."
    )


def run(args: argparse.Namespace) -> int:
    blocked = no_display_message(os.environ)
    if blocked is not None:
        print(blocked, file=sys.stderr)
        return 2
    qInstallMessageHandler(_qt_message)
    sys.excepthook = _excepthook
    app = make_application()
    settings = open_settings()
    translations = Translations()
    translations.install(choose_language(getattr(args, "lang", None), settings))
    apply_theme(app, setting_str(settings, "ui/theme", "dark"))

    role = getattr(args, "role", None) or setting_str(settings, "station/role", "controller")
    settings.setValue("station/role", role)
    try:
        store = Store.open(getattr(args, "db", None), station=station_name(role))
    except StoreError as exc:
        print(f"studio: {exc}", file=sys.stderr)
        if app.platformName() not in ("offscreen", "minimal"):
            QMessageBox.critical(None, "studio", str(exc))
        return 2
    try:
        profile = Profile.load()
    except ProfileError as exc:
        log.error("%s", exc)
        print(f"studio: {exc} — using default thresholds", file=sys.stderr)
        profile = Profile()

    ctx = AppContext(
        store=store,
        profile=profile,
        settings=settings,
        signals=StoreSignals(store),
        demo=bool(getattr(args, "demo", False)),
        demo_speed=float(getattr(args, "speed", 1.0) or 1.0),
    )
    studio_app = StudioApp(ctx, translations, role=role)

    if ctx.demo:
        from studio.demo import demo_clock, ensure_demo_show

        ctx.show_id = ensure_demo_show(store)
        if ctx.demo_speed != 1.0:
            # Recorded on the show: the CLI, `studio serve` and other stations read the same clock.
            ctx.clock = demo_clock(store, ctx.show_id, ctx.demo_speed)
    else:
        ctx.show_id = startup_show(store, settings)
        if ctx.show_id is not None:
            from studio.demo import show_clock

            # One clock per show: a station joining a sped-up demo reads the demo's clock.
            ctx.clock = show_clock(store, ctx.show_id)
    studio_app.start_encoder_link()
    studio_app.build()
    if ctx.demo:
        # The show goes on air first, so the simulated feed starts at the show's real start.
        runner = ctx.runner
        if runner is not None and runner.snapshot().status == "ready":
            runner.start()

        # The simulated feed (numpy) and the viewer comments (jieba) start once the control
        # room has painted with its panels (their threads would slow the panels' building);
        # a feed that starts late catches up with the show.
        def start_feed() -> None:
            studio_app.start_demo_feed(speed=ctx.demo_speed)

        if studio_app.window is not None:
            studio_app.window.when_started(start_feed)
        else:
            start_feed()
        if not getattr(args, "manual", False):
            studio_app.start_autopilot()

    result = {"code": 0}
    seconds = getattr(args, "seconds", None)
    screenshot = getattr(args, "screenshot", None)
    if seconds is not None:

        def finish() -> None:
            # The 客服 station has no control room: its own window is the one to save.
            window = studio_app.window or studio_app.cs_window
            if screenshot and window is not None:
                if window.grab().save(screenshot):
                    print(f"studio: screenshot saved to {Path(screenshot).resolve()}")
                else:
                    print(f"studio: could not write screenshot {screenshot}", file=sys.stderr)
                    result["code"] = 1
            app.quit()

        QTimer.singleShot(int(float(seconds) * 1000), finish)
    app.aboutToQuit.connect(studio_app.shutdown)
    code = app.exec()
    store.close()
    return result["code"] or code
