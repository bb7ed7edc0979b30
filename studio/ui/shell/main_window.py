"""The control room: docks for Checks, Rundown, Live metrics, Incidents and Products."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QLocale, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QToolBar,
    QWidget,
)

from studio.ui.common.context import AppContext
from studio.ui.common.on_screen import Revealable
from studio.ui.common.settings_values import setting_bytes, setting_int
from studio.ui.shell.status_bar import StudioStatusBar

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1600, 960)


def is_compact(available: QRect) -> bool:
    """A laptop screen (1366x768, or a bigger one at 125 %): fewer docks side by side."""
    return available.width() < 1500 or available.height() < 900


def default_size(available: QRect) -> tuple[int, int]:
    """The first-start size: the default layout's, never bigger than the screen's free area."""
    return min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height())


# Panels built whatever the layout: the rundown drives the show, the metrics panel's alerts file
# auto-incidents, the incidents panel owns F1-F5. Every other dock's panel (and its module) is
# built when the dock is first shown: a hidden tab costs nothing at start. A window made with
# `defer_panels` (the app's) paints its docks first, each saying "Loading…", and builds these
# right after that first paint, one per turn of the event loop (their imports, pyqtgraph and
# numpy among them, and their first reads are then not part of the cold start).
ALWAYS_BUILT = ("rundown", "metrics", "incidents")
# Built just after the window's first paint even when hidden: the checks' mic and camera cards
# reopen the remembered devices, whose monitors feed the live-audio meters and auto-incidents.
BUILT_AFTER_FIRST_PAINT = ("checks",)


class Panels(Mapping[str, QWidget]):
    """The docks' panels by key. Asking for one builds it if its dock was never shown."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        return self._window.panel(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._window.docks)

    def __len__(self) -> int:
        return len(self._window.docks)

    def built(self) -> dict[str, QWidget]:
        """The panels that exist now (none is built by asking)."""
        return dict(self._window._built)


def lazy_panel(path: str, ctx: AppContext, parent: QWidget) -> Callable[[], QWidget]:
    """A factory for `module:Class(ctx, parent)` that imports the module when first called."""

    def build() -> QWidget:
        module, name = path.split(":")
        panel = getattr(importlib.import_module(module), name)(ctx, parent)
        assert isinstance(panel, QWidget)
        return panel

    return build


# Bump when dock names or defaults change, so an old saved layout is not restored over new docks.
LAYOUT_VERSION = 4  # 4: the Talkback and Audience docks


class _Milestone:
    """Calls waiting for one moment of the window's start: run when it is reached (while
    `go_on()` holds), or at once once it has been."""

    def __init__(self) -> None:
        self.reached = False
        self._calls: list[Callable[[], None]] = []

    def when(self, call: Callable[[], None]) -> None:
        if self.reached:
            call()
        else:
            self._calls.append(call)

    def reach(self, go_on: Callable[[], bool]) -> None:
        self.reached = True
        calls, self._calls = self._calls, []
        for call in calls:
            if go_on():
                call()


class MainWindow(QMainWindow):
    """Built from an AppContext; owns no store or device itself."""

    language_requested = Signal(str)
    open_script_requested = Signal()
    new_show_requested = Signal()
    toggle_anchor_requested = Signal()
    settings_requested = Signal()
    rehearsal_requested = Signal()
    take_over_requested = Signal()
    open_show_requested = Signal(int)  # a show picked in Show → Open or the planning list
    quit_requested = Signal()  # Ctrl+Q, or the user closed the control room

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, defer_panels: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ControlRoom")
        self.setWindowTitle(self.tr("Studio control room"))
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.docks: dict[str, QDockWidget] = {}
        self.panels = Panels(self)
        self._built: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._scrollers: dict[str, QScrollArea] = {}
        self._panel_hooks: dict[str, list[Callable[[QWidget], None]]] = {}
        self._tearing_down = False
        self._defer_panels = defer_panels
        self._first_paint = False  # the window has painted once
        # Painted, and the panels deferred to after the first paint are built (at once when
        # nothing was deferred): the start is over.
        self._after_paint: list[str] = []
        self._shown_before_paint: list[str] = []  # docks shown with the window (defer_panels)
        self._first_paint_calls: list[Callable[[], None]] = []
        self._started = _Milestone()  # painted, its visible docks holding their panels
        self._all_built = _Milestone()  # every panel built after the first paint too
        self._build_docks()
        self._build_menus()
        self._offline_bar: QToolBar | None = None
        sync = ctx.database
        if sync is not None:
            from studio.ui.shell.qt_sync import OfflineBanner

            # A toolbar row above the docks: only visible while the database link is down.
            bar = QToolBar(self.tr("Database link"), self)
            bar.setObjectName("toolbar_offline")
            bar.setMovable(False)
            bar.addWidget(OfflineBanner(sync, bar))
            self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
            self._offline_bar = bar
            sync.linkChanged.connect(
                lambda online, queued: bar.setVisible(not (online and not queued))
            )
        self.status = StudioStatusBar(ctx, self)
        self.setStatusBar(self.status)
        self._has_saved_geometry = False
        self.resize(*default_size(self._available()))
        self._restore_layout()
        offline = self._offline_bar
        if offline is not None:  # after restoreState, which would bring back a stale visibility
            link = ctx.store.link_status
            offline.setVisible(not (link.online and not link.queued))

    # -- docks -------------------------------------------------------------------------------
    def _build_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        ui = "studio.ui."

        def lazy(path: str) -> Callable[[], QWidget]:
            return lazy_panel(ui + path, self.ctx, self)

        specs: list[tuple[str, str, Callable[[], QWidget], Qt.DockWidgetArea]] = [
            ("rundown", self.tr("Rundown"), lazy("rundown.panel:RundownPanel"), left),
            ("checks", self.tr("Checks"), lazy("checks.panel:ChecksPanel"), left),
            ("metrics", self.tr("Live metrics"), lazy("metrics.panel:MetricsPanel"), right),
            ("incidents", self.tr("Incidents"), lazy("incidents.panel:IncidentsPanel"), right),
            ("products", self.tr("Products"), lazy("products.panel:ProductsPanel"), left),
            ("planning", self.tr("Planning"), lazy("planning.panel:PlanningPanel"), right),
            ("review", self.tr("Review"), lazy("review.panel:ReviewPanel"), right),
            ("insights", self.tr("Insights"), lazy("insights:InsightsPanel"), right),
            ("talkback", self.tr("Talkback"), lazy("talkback.panel:TalkbackPanel"), right),
            ("audience", self.tr("Audience"), lazy("audience.panel:AudiencePanel"), right),
        ]
        specs.append((
            "audio", self.tr("Live audio"), lazy("devices.audio_panel:AudioLivePanel"),
            Qt.DockWidgetArea.RightDockWidgetArea,
        ))  # fmt: skip
        encoder = self.ctx.encoder
        if encoder is not None:
            from studio.ui.obs.scene_buttons import SceneButtons

            specs.append((
                "scenes", self.tr("OBS scenes"), lambda: SceneButtons(encoder, self),
                Qt.DockWidgetArea.LeftDockWidgetArea,
            ))  # fmt: skip
        for key, title, factory, area in specs:
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            # Each panel scrolls inside its dock when the window is small, so the control room
            # fits a laptop screen instead of summing every panel's minimum size.
            scroller = QScrollArea(dock)
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            dock.setWidget(scroller)
            self.addDockWidget(area, dock)
            self.docks[key] = dock
            self._factories[key] = factory
            self._scrollers[key] = scroller
            if key in ALWAYS_BUILT:
                if self._defer_panels:  # built right after the first paint
                    scroller.setWidget(self._loading_label(scroller))
                else:
                    self.panel(key)
            else:  # built when its dock (or its tab) is first shown
                dock.visibilityChanged.connect(
                    lambda visible, key=key: self._first_shown(key) if visible else None
                )
            dock.visibilityChanged.connect(
                lambda visible, key=key: self._revealed(key) if visible else None
            )
        # Default arrangement: rundown over products on the left, metrics over incidents right;
        # checks share the rundown's place as a tab (they matter before the show, not during).
        # On a laptop screen the products and live-audio docks become tabs too, so each visible
        # dock keeps room for its rows instead of four panels squeezed to a few lines each.
        compact = is_compact(self._available())
        if compact:
            self.splitDockWidget(
                self.docks["rundown"], self.docks["products"], Qt.Orientation.Vertical
            )
            self.tabifyDockWidget(self.docks["rundown"], self.docks["products"])
        else:
            self.splitDockWidget(
                self.docks["rundown"], self.docks["products"], Qt.Orientation.Vertical
            )
        if "scenes" in self.docks:
            self.splitDockWidget(
                self.docks["rundown"], self.docks["scenes"], Qt.Orientation.Vertical
            )
        self.splitDockWidget(
            self.docks["metrics"], self.docks["incidents"], Qt.Orientation.Vertical
        )
        self.tabifyDockWidget(self.docks["rundown"], self.docks["checks"])
        self.tabifyDockWidget(self.docks["checks"], self.docks["planning"])
        self.tabifyDockWidget(self.docks["metrics"], self.docks["review"])
        self.tabifyDockWidget(self.docks["review"], self.docks["insights"])
        self.docks["metrics"].raise_()
        self.docks["rundown"].raise_()

        self.resizeDocks(
            [self.docks["rundown"], self.docks["metrics"]], [720, 880], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [self.docks["metrics"], self.docks["incidents"]], [640, 300], Qt.Orientation.Vertical
        )
        if compact:
            self.tabifyDockWidget(self.docks["incidents"], self.docks["audio"])
            self.docks["incidents"].raise_()
            self.resizeDocks(
                [self.docks["rundown"], self.docks["metrics"]],
                [560, 800],
                Qt.Orientation.Horizontal,
            )
            # The graphs need the height more than the incident list: F1-F5 log from anywhere.
            self.resizeDocks(
                [self.docks["metrics"], self.docks["incidents"]],
                [520, 200],
                Qt.Orientation.Vertical,
            )
        else:
            self.resizeDocks(
                [self.docks["rundown"], self.docks["products"]], [620, 300], Qt.Orientation.Vertical
            )
            self.splitDockWidget(
                self.docks["incidents"], self.docks["audio"], Qt.Orientation.Horizontal
            )
            self.resizeDocks(
                [self.docks["incidents"], self.docks["audio"]],
                [640, 240],
                Qt.Orientation.Horizontal,
            )
        # Tabs on the incident list, after the splits above (splitting a tabbed dock drops it
        # out of the layout); the incident list is put in front once shown (show_first).
        self.tabifyDockWidget(self.docks["incidents"], self.docks["talkback"])
        self.tabifyDockWidget(self.docks["talkback"], self.docks["audience"])
        self.on_panel("incidents", self._install_incident_keys)

    def _install_incident_keys(self, incidents: QWidget) -> None:
        installer = getattr(incidents, "install_shortcuts", None)
        if callable(installer):
            installer(self)

    def _loading_label(self, parent: QWidget) -> QLabel:
        """What a dock shows until its panel is built (a moment after the first paint)."""
        label = QLabel(self.tr("Loading…"), parent)
        label.setObjectName("panel_loading")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setProperty("role", "empty-hint")
        return label

    def panel(self, key: str) -> QWidget:
        """The dock's panel, built now if it was not yet (KeyError for an unknown dock)."""
        panel = self._built.get(key)
        if panel is not None:
            return panel
        self._run_before_panels()
        panel = self._factories[key]()
        panel.setObjectName(f"panel_{key}")
        self._scrollers[key].setWidget(panel)
        panel.show()  # a widget put into a visible scroll area is not shown by itself
        self._built[key] = panel
        for hook in self._panel_hooks.pop(key, []):
            hook(panel)
        return panel

    def on_panel(self, key: str, hook: Callable[[QWidget], None]) -> None:
        """Call `hook(panel)` once the dock's panel exists: now, or when it is first built."""
        if key in self._built:
            hook(self._built[key])
        elif key in self._factories:
            self._panel_hooks.setdefault(key, []).append(hook)

    def _revealed(self, key: str) -> None:
        """A dock (or its tab) came to the front: its panel catches up with what it skipped
        while covered (studio.ui.common.on_screen)."""
        panel = self._built.get(key)
        if isinstance(panel, Revealable) and not self._tearing_down:
            QTimer.singleShot(0, panel, panel.on_revealed)  # after the tab switch has painted

    def _first_shown(self, key: str) -> None:
        if self._tearing_down or key in self._built:
            return
        if self._defer_panels and not self._first_paint:
            # Shown with the window (a dock visible in the layout): built right after the
            # first paint with the other visible docks' panels.
            if key not in self._shown_before_paint:
                self._shown_before_paint.append(key)
                self._scrollers[key].setWidget(self._loading_label(self._scrollers[key]))
            return
        self.panel(key)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._first_paint:
            self._first_paint = True
            self._after_paint = [
                key
                for key in dict.fromkeys(
                    (*ALWAYS_BUILT, *self._shown_before_paint, *BUILT_AFTER_FIRST_PAINT)
                )
                if key in self._factories and key not in self._built
            ]
            self._started.reached = not self._visible_pending()  # its calls run in the timer
            QTimer.singleShot(0, self, self._build_after_first_paint)

    def before_panels(self, call: Callable[[], None]) -> None:
        """Call `call()` before the first panel is built: just after the first paint (the
        deferred panels come next), when a panel is asked for before that, or now."""
        if self._first_paint or self._built:
            call()
        else:
            self._first_paint_calls.append(call)

    def _run_before_panels(self) -> None:
        calls, self._first_paint_calls = self._first_paint_calls, []
        for call in calls:
            call()

    def _build_after_first_paint(self) -> None:
        """One deferred panel per turn of the event loop (the window repaints between them):
        the visible docks' first, then `_painted` (the start is over), then the checks."""
        if self._tearing_down:
            return
        self._run_before_panels()
        if self._after_paint:
            key = self._after_paint.pop(0)
            if key not in self._built:
                self.panel(key)
        if not self._visible_pending():
            self._set_painted()
        if self._after_paint:
            QTimer.singleShot(0, self, self._build_after_first_paint)
        else:
            self._all_built.reach(lambda: not self._tearing_down)

    def when_started(self, call: Callable[[], None]) -> None:
        """Call `call()` once the window has painted and its visible docks hold their panels
        (now if that is so already)."""
        self._started.when(call)

    def when_built(self, call: Callable[[], None]) -> None:
        """Call `call()` once every panel built after the first paint is built (hidden docks
        that wait to be shown aside), or now if that is so already."""
        self._all_built.when(call)

    @property
    def _painted(self) -> bool:
        """The start is over: painted, the visible docks' panels built."""
        return self._started.reached

    def _set_painted(self) -> None:
        self._started.reach(lambda: not self._tearing_down)

    def _visible_pending(self) -> bool:
        """Whether a panel the window shows (not only the checks) still waits to be built."""
        return any(
            key in ALWAYS_BUILT or key in self._shown_before_paint for key in self._after_paint
        )

    # -- menus -------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("New show…"), self.new_show_requested.emit, "Ctrl+N")
        )
        file_menu.addAction(
            self._action(self.tr("Open show script…"), self.open_script_requested.emit, "Ctrl+O")
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Quit"), self.quit_requested.emit, "Ctrl+Q"))

        show_menu = bar.addMenu(self.tr("S&how"))
        show_menu.addAction(self._action(self.tr("Open show…"), self.open_show, "Ctrl+Shift+O"))
        show_menu.addSeparator()
        show_menu.addAction(self._action(self.tr("Go live…"), self.go_live, "Ctrl+Shift+L"))
        show_menu.addAction(self._action(self.tr("End show…"), self.end_show, "Ctrl+Shift+E"))
        show_menu.addAction(
            self._action(self.tr("Enter metrics by hand…"), self.manual_entry, "Ctrl+Shift+M")
        )
        show_menu.addSeparator()
        show_menu.addAction(
            self._action(self.tr("Start a rehearsal of this show"), self.rehearsal_requested.emit)
        )
        show_menu.addAction(
            self._action(self.tr("Take over the rundown…"), self.take_over_requested.emit)
        )

        view = bar.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addAction(
            self._action(self.tr("Anchor window"), self.toggle_anchor_requested.emit, "F10")
        )
        view.addAction(self._action(self.tr("Reset layout"), self.reset_layout))

        settings = bar.addMenu(self.tr("&Settings"))
        settings.addAction(
            self._action(self.tr("Preferences…"), self.settings_requested.emit, "Ctrl+,")
        )
        lang = settings.addMenu(self.tr("Language"))
        lang.addAction(self._action("中文（简体）", lambda: self.language_requested.emit("zh_CN")))
        lang.addAction(self._action("English", lambda: self.language_requested.emit("en")))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Keyboard shortcuts"), self.show_keys, "Ctrl+/"))
        help_menu.addAction(self._action(self.tr("About studio"), self.show_about))

    def go_live(self) -> None:
        """Go live through the readiness checklist when planning is installed, else start."""
        self.docks["planning"].show()
        self.docks["planning"].raise_()
        from studio.ui.planning.panel import PlanningPanel

        planning = self.panels["planning"]
        assert isinstance(planning, PlanningPanel)
        planning.go_live()

    def manual_entry(self) -> None:
        from studio.ui.metrics.manual_entry import ManualEntryDialog

        ManualEntryDialog(self.ctx, self).open()

    def end_show(self) -> None:
        runner = self.ctx.runner
        if runner is None:
            return
        from studio.planning.end_show import end_show_check

        lines = [self.tr("End the show now? The rundown stops and the end time is recorded.")]
        check = end_show_check(self.ctx.store, runner.show_id, runner.snapshot())
        if check.open_incidents:
            lines.append(self.tr("%n incident(s) still open.", "", check.open_incidents))
        if check.segments_not_run:
            names = (
                "、".join(check.segments_not_run[:4])
                if self._chinese()
                else ", ".join(check.segments_not_run[:4])
            )
            more = len(check.segments_not_run) - 4
            if more > 0:
                names += self.tr(" and %n more", "", more)
            lines.append(
                self.tr("%n segment(s) not run yet: ", "", len(check.segments_not_run)) + names
            )
        if check.sales_not_run:
            lines.append(self.tr("%n of them sell(s) a product.", "", check.sales_not_run))
        answer = QMessageBox.question(
            self,
            self.tr("End show"),
            "\n\n".join(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            runner.end()

    def show_keys(self) -> None:
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), self.keys_help())

    def show_about(self) -> None:
        from studio import __version__
        from studio.logsetup import log_file

        QMessageBox.about(
            self,
            self.tr("About studio"),
            self.tr(
                "studio {0}\nControl room for e-commerce live-streaming studios.\n\n"
                "Database: {1}\nLog file: {2}"
            ).format(__version__, self.ctx.store.url, log_file()),
        )

    # -- layout persistence ------------------------------------------------------------------
    def _restore_layout(self) -> None:
        s = self.ctx.settings
        geometry = setting_bytes(s, "main/geometry")
        if geometry and not geometry.isEmpty():
            self._has_saved_geometry = self.restoreGeometry(geometry)
        state = setting_bytes(s, "main/state")
        if (
            state
            and not state.isEmpty()
            and setting_int(s, "main/layout_version", 0) == LAYOUT_VERSION
        ):
            self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        s = self.ctx.settings
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState(LAYOUT_VERSION))
        s.setValue("main/layout_version", LAYOUT_VERSION)
        s.sync()

    def reset_layout(self) -> None:
        for key in ("main/state", "main/layout_version"):
            self.ctx.settings.remove(key)
        for dock in self.docks.values():
            dock.show()
        QMessageBox.information(
            self,
            self.tr("Reset layout"),
            self.tr("The default layout is used from the next start."),
        )

    def shutdown(self) -> None:
        """Stop every worker the panels own; called once before the window goes away."""
        self._tearing_down = True
        for panel in self.panels.built().values():
            stop = getattr(panel, "shutdown", None)
            if callable(stop):
                stop()

    def keys_help(self) -> str:
        rows = [
            ("Space / PageDown / →", self.tr("next cue")),
            ("PageUp / ←", self.tr("previous cue")),
            ("H", self.tr("hold / resume")),
            ("Ctrl+J", self.tr("jump to segment")),
            ("F1 … F5", self.tr("log incident: technical, product, anchor, compliance, other")),
            ("Ctrl+Shift+L", self.tr("go live (after the readiness checklist)")),
            ("Ctrl+Shift+E", self.tr("end show")),
            ("F10", self.tr("show / hide the anchor window")),
            ("F11", self.tr("anchor window full screen")),
            ("Ctrl+O", self.tr("open a show script")),
            ("Ctrl+Shift+O", self.tr("open a stored show")),
            ("0–9", self.tr("products board: pick by link number")),
            ("P / L", self.tr("products board: present, list / unlist")),
            ("E / S", self.tr("products board: change price, add stock")),
            ("F / C", self.tr("products board: end flash sale, add coupon")),
            ("Ctrl+Z", self.tr("products board: undo the last change (10 s)")),
        ]
        return "\n".join(f"{key:<22} {what}" for key, what in rows)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
        # Closing the control room ends the station (the prompter and floating docks with it);
        # a rebuild (language, show) closes it too, but after shutdown().
        if not self._tearing_down:
            self.quit_requested.emit()

    def _chinese(self) -> bool:
        return QLocale().language() == QLocale.Language.Chinese

    # -- size ----------------------------------------------------------------------------------
    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1600, 960)

    def show_first(self) -> None:
        """Show at the remembered size; on a first start, fill the screen's free area."""
        if not self._has_saved_geometry:
            self.showMaximized()
            # A tab group of four is only raised once shown (before, the last tab stays on top).
            self.docks["incidents"].raise_()
        else:
            self.show()

    def open_show(self) -> None:
        from studio.ui.shell.open_show import OpenShowDialog

        dialog = OpenShowDialog(self.ctx, self)
        if dialog.exec() and dialog.show_id is not None:
            self.open_show_requested.emit(dialog.show_id)
