"""The server inside the app: API actions run on the app's own runner (the GUI thread), a
follower station answers 409, and the server follows Preferences (on/off, port)."""

from __future__ import annotations

import http.client
import json
import threading
from typing import Any

import pytest

from studio.demo import demo_script_path
from studio.script.store_io import create_show_from_script_file
from studio.store.store import Store


def _post(port: int, path: str, out: dict[str, Any]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", path, body=b"{}", headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    out["status"] = resp.status
    out["body"] = json.loads(resp.read())
    conn.close()


def _post_while_qt_runs(qtbot: Any, port: int, path: str) -> dict[str, Any]:
    """POST on a thread while the GUI thread keeps processing events (the action runs there)."""
    out: dict[str, Any] = {}
    t = threading.Thread(target=_post, args=(port, path, out))
    t.start()
    qtbot.waitUntil(lambda: "status" in out, timeout=20000)
    t.join()
    return out


@pytest.fixture
def show(store: Store) -> int:
    return create_show_from_script_file(store, demo_script_path())


def test_api_actions_run_on_the_apps_runner(ctx, qtbot, show: int) -> None:  # type: ignore[no-untyped-def]
    """POST next through the in-app server moves the app's own QtRunner (its `changed` signal
    fires on the GUI thread) and is stored once."""
    from studio.runner.events import read_events
    from studio.ui.rundown.qt_runner import QtRunner
    from studio.ui.shell.api_link import ENABLED_KEY, PORT_KEY, ApiLink

    ctx.show_id = show
    ctx.runner = QtRunner(ctx.store, show, clock=ctx.clock)
    ctx.settings.setValue(ENABLED_KEY, True)
    ctx.settings.setValue(PORT_KEY, 0)
    link = ApiLink(ctx)
    link.start()
    try:
        qtbot.waitUntil(lambda: link.server is not None and link.server.port != 0, timeout=20000)
        changed: list[int] = []
        ctx.runner.changed.connect(lambda: changed.append(1))
        started = threading.current_thread()
        seen: list[threading.Thread] = []
        ctx.runner.changed.connect(lambda: seen.append(threading.current_thread()))
        out = _post_while_qt_runs(qtbot, link.server.port, "/api/v1/rundown/start")
        assert out["status"] == 200 and out["body"]["moved"] is True
        out = _post_while_qt_runs(qtbot, link.server.port, "/api/v1/rundown/next")
        assert out["status"] == 200 and out["body"]["runner"]["cue"]["index"] == 1
        assert ctx.runner.snapshot().cue_index == 1 and len(changed) == 2
        assert all(t is started for t in seen)
        assert [e.action for e in read_events(ctx.store, show)] == ["start", "next"]
    finally:
        link.stop()
        ctx.runner.shutdown()
        ctx.runner = None


def test_a_following_station_answers_409(ctx, qtbot, show: int, db_url: str) -> None:  # type: ignore[no-untyped-def]
    """The app's runner follows another station's lease: API actions get 409 naming the driver
    and nothing is stored."""
    from studio.runner.events import read_events
    from studio.runner.session import RunnerSession
    from studio.ui.rundown.qt_runner import QtRunner
    from studio.ui.shell.api_link import ENABLED_KEY, PORT_KEY, ApiLink

    other = Store.open(db_url, station="controller@pc-b")
    driver = RunnerSession(other, show)
    ctx.show_id = show
    ctx.runner = QtRunner(ctx.store, show, clock=ctx.clock)
    assert ctx.runner.driver == "controller@pc-b"
    ctx.settings.setValue(ENABLED_KEY, True)
    ctx.settings.setValue(PORT_KEY, 0)
    link = ApiLink(ctx)
    link.start()
    try:
        qtbot.waitUntil(lambda: link.server is not None and link.server.port != 0, timeout=20000)
        out = _post_while_qt_runs(qtbot, link.server.port, "/api/v1/rundown/start")
        assert out["status"] == 409 and out["body"]["driver"] == "controller@pc-b"
        assert read_events(ctx.store, show) == []
    finally:
        link.stop()
        ctx.runner.shutdown()
        ctx.runner = None
        driver.close()
        other.close()


def test_disabled_in_preferences_starts_nothing(ctx, show: int) -> None:  # type: ignore[no-untyped-def]
    """With the server off (the default) the app listens on nothing."""
    from studio.ui.rundown.qt_runner import QtRunner
    from studio.ui.shell.api_link import ApiLink

    ctx.show_id = show
    ctx.runner = QtRunner(ctx.store, show, clock=ctx.clock)
    link = ApiLink(ctx)
    link.start()
    assert link.server is None
    link.stop()
    ctx.runner.shutdown()
    ctx.runner = None


def test_preferences_save_the_server_settings_and_rotate_the_token(ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Preferences → Remote control: on/off, LAN and port are saved; New token replaces the
    token file at once and shows the new token."""
    from studio.api.auth import load_token
    from studio.ui.shell.api_link import ENABLED_KEY, LAN_KEY, PORT_KEY
    from studio.ui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog(ctx, "en")
    qtbot.addWidget(dialog)
    assert not dialog.api_enabled.isChecked() and dialog.api_port.value() == 4460
    old = dialog.token.text()
    assert old == load_token()
    dialog._rotate_token()
    assert dialog.token.text() != old and dialog.token.text() == load_token()
    dialog.api_enabled.setChecked(True)
    dialog.api_lan.setChecked(True)
    dialog.api_port.setValue(5000)
    dialog.accept()
    s = ctx.settings
    assert s.value(ENABLED_KEY, type=bool) and s.value(LAN_KEY, type=bool)
    assert s.value(PORT_KEY, type=int) == 5000


def test_preferences_save_osc_and_companion_addresses_and_refuse_a_bad_one(
    ctx, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Preferences → OSC port, feedback and Companion addresses are saved and read back by the
    server's settings; an address that is not HOST:PORT keeps the dialog open and saves nothing."""
    from PySide6.QtWidgets import QMessageBox

    from studio.ui.shell.api_link import COMPANION_KEY, OSC_FEEDBACK_KEY, OSC_PORT_KEY, host_port
    from studio.ui.shell.preferences import PreferencesDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(str(a[2])))
    dialog = PreferencesDialog(ctx, "en")
    qtbot.addWidget(dialog)
    assert dialog.osc_port.value() == 0 and dialog.osc_port.text() == "off"
    dialog.osc_port.setValue(9000)
    dialog.osc_feedback.setText("127.0.0.1:port")
    dialog.accept()
    assert len(warnings) == 1 and "127.0.0.1:port" in warnings[0]
    assert ctx.settings.value(OSC_PORT_KEY) is None  # nothing saved from a refused dialog
    dialog.osc_feedback.setText(" 127.0.0.1:12321 ")
    dialog.companion.setText("10.0.0.5")
    dialog.accept()
    s = ctx.settings
    assert s.value(OSC_PORT_KEY, type=int) == 9000
    assert host_port(str(s.value(OSC_FEEDBACK_KEY))) == ("127.0.0.1", 12321)
    assert host_port(str(s.value(COMPANION_KEY)), 51235) == ("10.0.0.5", 51235)
