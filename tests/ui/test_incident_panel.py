"""The incident panel: global F-key quick log with runner stamps, keyboard follow-up, live list."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget

from studio.incidents.auto import AutoIncidents
from studio.incidents.log import get_incident, history, list_incidents, quick_log
from studio.profile import Profile
from studio.store.shows import create_show
from studio.ui.common.context import AppContext, StoreSignals
from studio.ui.incidents.panel import IncidentsPanel


class FakeRunner:
    """Shaped like the Qt runner: a `session` that tells where the show is."""

    def __init__(self, segment_key: str, cue_index: int) -> None:
        self.session = SimpleNamespace(position=lambda: (segment_key, cue_index))


@pytest.fixture
def make_panel(qtbot, store, tmp_path: Path):  # type: ignore[no-untyped-def]
    made: list[tuple[IncidentsPanel, StoreSignals]] = []

    def make(show_id: int | None, runner: object = None) -> IncidentsPanel:
        signals = StoreSignals(store)
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(
            store=store,
            profile=Profile(),
            settings=settings,
            signals=signals,
            show_id=show_id,
            runner=runner,
        )
        panel = IncidentsPanel(ctx)
        made.append((panel, signals))
        return panel

    yield make
    for panel, signals in made:
        panel.shutdown()
        signals.close()
        if shiboken6.isValid(panel) and panel.parent() is None:
            panel.close()
            panel.deleteLater()


@pytest.fixture
def show(store) -> int:  # type: ignore[no-untyped-def]
    return create_show(store, "Panel show")


def _window_with(panel: IncidentsPanel, qtbot) -> tuple[QMainWindow, QLineEdit]:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    elsewhere = QLineEdit()  # focus lives in another widget: the keys must still work
    layout.addWidget(elsewhere)
    layout.addWidget(panel)
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    panel.install_shortcuts(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    elsewhere.setFocus()
    return window, elsewhere


def test_f1_to_f5_log_each_category_with_the_runner_stamp(qtbot, store, show, make_panel) -> None:
    """Pressing F1..F5 anywhere in the window logs one incident per category, stamped."""
    panel = make_panel(show, FakeRunner("serum-demo", 3))
    _window, elsewhere = _window_with(panel, qtbot)
    keys = [Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5]
    for key in keys:
        qtbot.keyClick(elsewhere, key)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=5000)
    rows = list_incidents(store, show)
    assert [r.category for r in rows] == ["technical", "product", "anchor", "compliance", "other"]
    assert {(r.segment_key, r.cue_index, r.severity, r.source) for r in rows} == {
        ("serum-demo", 3, 2, "manual")
    }
    assert elsewhere.hasFocus()  # logging did not take the focus away
    assert "#" in panel.last_logged.text()


def test_shift_f1_logs_severity_one(qtbot, store, show, make_panel) -> None:
    """Shift+F1 logs a technical incident as S1 (show interrupted)."""
    panel = make_panel(show, None)
    _window, elsewhere = _window_with(panel, qtbot)
    qtbot.keyClick(elsewhere, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    (inc,) = list_incidents(store, show)
    assert (inc.category, inc.severity, inc.segment_key) == ("technical", 1, None)


def test_a_broken_runner_does_not_stop_logging(qtbot, store, show, make_panel) -> None:
    """A runner whose position raises still lets the incident be logged, without a stamp."""

    class Broken:
        @property
        def session(self) -> object:
            raise RuntimeError("runner stopped")

    panel = make_panel(show, Broken())
    panel.quick_log("product")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert list_incidents(store, show)[0].segment_key is None


def test_keyboard_mitigate_resolve_and_details(qtbot, store, show, make_panel) -> None:
    """Arrows select, M mitigates, R resolves, Enter opens a non-modal editor that saves."""
    first = quick_log(store, show, "technical", text="lag")
    second = quick_log(store, show, "product", text="price")
    panel = make_panel(show)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Home)
    assert panel.current_id() == second  # newest first
    qtbot.keyClick(panel.table, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: get_incident(store, second).status == "mitigated", timeout=5000)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.current_id() == first
    qtbot.keyClick(panel.table, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: get_incident(store, first).status == "resolved", timeout=5000)
    assert get_incident(store, first).mitigated_at is not None

    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.details_dialog(first) is not None, timeout=5000)
    dialog = panel.details_dialog(first)
    assert dialog is not None and not dialog.isModal()
    dialog.owner.setCurrentIndex(dialog.owner.findData("tech"))
    dialog.impact.setText("no orders lost")
    dialog.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: get_incident(store, first).impact == "no orders lost", timeout=5000)
    inc = get_incident(store, first)
    assert inc.owner == "tech" and inc.checklist_done == (1, 3)
    fields = [h.field for h in history(store, first)]
    assert {"owner", "impact", "checklist", "status"} <= set(fields)
    # The open editor follows the saved state (the history now shows the edit).
    qtbot.waitUntil(lambda: "no orders lost" in dialog.history.toPlainText(), timeout=5000)


def test_list_follows_writes_from_other_threads_and_filters(qtbot, store, show, make_panel) -> None:
    """An auto incident written by a monitor thread appears; filters narrow the visible rows."""
    quick_log(store, show, "anchor", severity=3)
    panel = make_panel(show)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    auto = AutoIncidents(store, show)
    worker = threading.Thread(
        target=auto.condition, name="fake-camera", args=("camera.frozen", True, "frozen")
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    panel.source_filter.setCurrentIndex(panel.source_filter.findData("auto"))
    assert panel.proxy.rowCount() == 1
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData("3"))
    assert panel.proxy.rowCount() == 0
    assert not panel.no_rows.isHidden()
    panel.source_filter.setCurrentIndex(0)
    assert panel.proxy.rowCount() == 1
    assert "2 in all" in panel.summary.text() and "1 shown" in panel.summary.text()


def test_empty_state_without_a_show(qtbot, store, make_panel) -> None:
    """No show loaded: the panel says what to do and F-keys log nothing."""
    panel = make_panel(None)
    assert panel.stack.currentWidget() is panel.empty
    assert "Load or create a show" in panel.empty.title.text()
    panel.quick_log("technical")
    assert list_incidents(store, None) == []


def test_export_button_path_writes_the_filtered_list(
    qtbot, store, show, make_panel, tmp_path: Path
) -> None:
    """Export writes what the filters show, off the GUI thread."""
    quick_log(store, show, "technical", severity=1)
    quick_log(store, show, "product", severity=3)
    panel = make_panel(show)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData("1"))
    out = tmp_path / "inc.csv"
    panel.export_to(str(out))
    qtbot.waitUntil(lambda: "exported" in panel.message.text(), timeout=5000)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["severity"] for r in rows] == ["S1"]


def test_screenshot_mid_show(qtbot, store, show, make_panel, tmp_path: Path) -> None:
    """The panel renders a mixed list (all severities, auto and manual) to a non-blank image."""
    for cat, sev, text in (
        ("technical", 1, "stream drop"),
        ("product", 2, "wrong price"),
        ("anchor", 3, "missed cue"),
    ):
        quick_log(store, show, cat, severity=sev, text=text, segment_key="intro", cue_index=0)
    panel = make_panel(show)
    panel.resize(1100, 500)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    image = panel.grab().toImage()
    path = tmp_path / "incidents.png"
    assert image.save(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 10


def test_narrow_dock_keeps_room_for_what_happened(qtbot, store, show, make_panel) -> None:
    """In a narrow dock the source column folds away and the text column stays readable."""
    quick_log(
        store,
        show,
        "technical",
        severity=1,
        text="camera frozen",
        source="auto",
        condition_key="camera.frozen",
    )
    panel = make_panel(show)
    panel.resize(760, 400)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    cols = panel.model.COLUMNS
    assert panel.table.isColumnHidden(cols.index("source"))
    assert panel.table.columnWidth(cols.index("text")) >= 200
    index = panel.proxy.index(0, cols.index("category"))
    assert "Auto" in index.data()
    assert panel.proxy.index(0, cols.index("severity")).data() == "S1"
    panel.resize(1200, 400)
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(cols.index("source")), timeout=2000)


def test_panel_deleted_mid_write_keeps_the_incident(qtbot, store, show, make_panel) -> None:
    """Closing the panel while a log is being written neither crashes nor loses the row."""
    panel = make_panel(show)
    for _ in range(5):
        panel.quick_log("other")
    panel.deleteLater()
    qtbot.wait(50)  # the deferred delete runs while the worker may still be writing
    assert not shiboken6.isValid(panel)
    qtbot.waitUntil(lambda: len(list_incidents(store, show)) == 5, timeout=5000)
    qtbot.wait(50)  # late results reach the relay after the panel is gone


def test_enter_right_after_f1_opens_that_incident_wherever_the_focus_is(
    qtbot, store, show, make_panel
) -> None:  # type: ignore[no-untyped-def]
    """The hint says "Enter: details" after F1-F5: Enter opens the incident just logged even
    when the focus is in another widget (it only worked from the incidents table)."""
    panel = make_panel(show, None)
    _window, elsewhere = _window_with(panel, qtbot)
    qtbot.keyClick(elsewhere, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    logged = list_incidents(store, show)[0].id
    qtbot.waitUntil(lambda: "#" in panel.last_logged.text(), timeout=5000)
    assert elsewhere.hasFocus()
    qtbot.keyClick(elsewhere, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.details_dialog(logged) is not None, timeout=5000)
    dialog = panel.details_dialog(logged)
    assert dialog is not None
    dialog.close()
    # Once used (or after its window), Enter is the field's own again.
    assert not any(sc.isEnabled() for sc in panel._enter_after_log)
    # The list's own keys act only while the list has the focus: an M typed elsewhere is text.
    panel.table.selectRow(0)
    qtbot.keyClick(elsewhere, Qt.Key.Key_M)
    assert elsewhere.text() == "m"
    assert get_incident(store, logged).status == "open"


def test_history_and_status_times_use_the_show_clock(qtbot, store, show, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """At demo speed the show clock runs ahead of the wall clock: the "logged" history row and
    a mitigation made from the panel carry show time, so durations are show durations (a
    resolved incident read "0:00" and the history "logged" a wall-clock time)."""
    from clock import FakeClock

    from studio.timeutil import from_epoch

    clock = FakeClock()
    signals = StoreSignals(store)
    ctx = AppContext(
        store=store,
        profile=Profile(),
        settings=QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
        signals=signals,
        show_id=show,
        clock=clock,
    )
    panel = IncidentsPanel(ctx)
    qtbot.addWidget(panel)
    try:
        panel.quick_log("technical")
        qtbot.waitUntil(lambda: len(list_incidents(store, show)) == 1, timeout=5000)
        inc = list_incidents(store, show)[0]
        assert inc.at == from_epoch(clock.t)
        assert history(store, inc.id)[0].at == inc.at
        clock.advance(300)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
        panel.table.selectRow(0)
        panel.set_status("mitigated")
        qtbot.waitUntil(lambda: get_incident(store, inc.id).status == "mitigated", timeout=5000)
        assert get_incident(store, inc.id).mitigated_at == from_epoch(clock.t)
    finally:
        panel.shutdown()
        signals.close()
