"""The OBS check card, scene buttons and the encoder light, offscreen, against a real OBS."""

from __future__ import annotations

from pathlib import Path

import obs_server as harness
import pytest
from obs_server import ObsServer
from sqlalchemy import select

from studio.obs import config
from studio.store.models import DeviceCheck

SHOTS = Path("/tmp/shots")

obs_server = harness.obs_server
running_obs = harness.running_obs


@pytest.fixture
def ctx(tmp_path: Path, store):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from studio.profile import Profile
    from studio.ui.common.context import AppContext, StoreSignals

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    profile = Profile({"obs": {"expected_width": 640, "expected_height": 360, "screenshots": 3}})
    c = AppContext(store=store, profile=profile, settings=settings, signals=StoreSignals(store))
    yield c
    c.signals.close()


def test_card_connects_runs_the_check_and_saves_it(  # type: ignore[no-untyped-def]
    qtbot, dark_theme, ctx, running_obs: ObsServer
) -> None:
    """The card connects with the stored settings, shows every finding and saves an obs check;
    the password field never shows the stored password."""
    from studio.ui.checks.obs_card import ObsCheckCard

    config.save("127.0.0.1", running_obs.port, running_obs.password)
    card = ObsCheckCard(ctx)
    qtbot.addWidget(card)
    try:
        assert card.password_edit.text() == ""
        assert card.password_edit.placeholderText().startswith("Stored")
        qtbot.waitUntil(lambda: "Connected" in card.state_label.text(), timeout=10_000)
        card.run_check()
        qtbot.waitUntil(lambda: card.saved_id is not None, timeout=20_000)
        statuses = {c: card.rows[c][0].text() for c in card.rows}
        assert all("n/a" not in s for s in statuses.values()), statuses
        assert "PASS" in statuses["reachable"] and "PASS" in statuses["program_black"]
        with ctx.store.session() as s:
            rows = s.scalars(select(DeviceCheck)).all()
        assert [(r.kind, r.id) for r in rows] == [("obs", card.saved_id)]
        card.resize(720, 560)
        SHOTS.mkdir(parents=True, exist_ok=True)
        card.grab().save(str(SHOTS / "obs_card.png"))
    finally:
        card.shutdown()


def test_card_reports_a_wrong_password(qtbot, ctx, running_obs: ObsServer) -> None:  # type: ignore[no-untyped-def]
    """Typing a wrong password and connecting shows "Password refused"; the field is cleared."""
    from studio.ui.checks.obs_card import ObsCheckCard

    config.save("127.0.0.1", running_obs.port, running_obs.password)
    card = ObsCheckCard(ctx)
    qtbot.addWidget(card)
    try:
        qtbot.waitUntil(lambda: "Connected" in card.state_label.text(), timeout=10_000)
        card.password_edit.setText("nope")
        card.save_and_connect()
        assert card.password_edit.text() == ""
        qtbot.waitUntil(lambda: "Password refused" in card.state_label.text(), timeout=10_000)
        assert "refused the password" in card.state_label.text()
    finally:
        card.shutdown()


def test_scene_buttons_switch_obs_and_the_light_is_green(  # type: ignore[no-untyped-def]
    qtbot, ctx, running_obs: ObsServer
) -> None:
    """One button per OBS scene; clicking one switches OBS's program scene; the encoder light
    reads ok while connected."""
    from studio.ui.obs.qt_obs import QtObsLink
    from studio.ui.obs.scene_buttons import SceneButtons

    config.save("127.0.0.1", running_obs.port, running_obs.password)
    link = QtObsLink.from_context(ctx, monitor=True)
    assert link.health()[0] == "off"
    buttons = SceneButtons(link)
    qtbot.addWidget(buttons)
    link.start()
    try:
        qtbot.waitUntil(lambda: {"Main", "Flash sale"} <= set(buttons.buttons), timeout=10_000)
        buttons.buttons["Flash sale"].click()
        qtbot.waitUntil(
            lambda: (
                running_obs.request("GetCurrentProgramScene")["currentProgramSceneName"]
                == "Flash sale"
            ),
            timeout=5_000,
        )
        qtbot.waitUntil(lambda: buttons.current == "Flash sale", timeout=5_000)
        assert buttons.buttons["Flash sale"].isChecked()
        qtbot.waitUntil(lambda: link.poller is not None and link.poller.polls > 0, timeout=5_000)
        state, word = link.health()
        assert state in ("ok", "warn") and word
    finally:
        link.shutdown()
        running_obs.request("SetCurrentProgramScene", {"sceneName": "Main"})


def test_the_link_stamps_samples_on_the_show_clock_of_the_moment(ctx) -> None:  # type: ignore[no-untyped-def]
    """The encoder link outlives show switches: its samples and incidents take the clock the
    app holds when they are made (a demo's sped-up clock set later was ignored, and the
    dashboard re-read hours of samples stamped on the old clock)."""
    from studio.ui.obs.qt_obs import QtObsLink

    ctx.clock = lambda: 1_000.0
    link = QtObsLink.from_context(ctx, monitor=True)
    try:
        assert link.poller is not None and link.incidents is not None
        assert link.poller.clock() == 1_000.0
        ctx.clock = lambda: 2_000.0  # a show switch: the next show's clock
        assert link.poller.clock() == 2_000.0 and link.incidents.clock() == 2_000.0
    finally:
        link.shutdown()
