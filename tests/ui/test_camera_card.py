"""The camera check card on real sources: live preview with overlays, findings, saving,
a dead source's banner, the remembered choice, and no threads left after shutdown."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from studio.devices.camera import synthetic
from studio.devices.camera.focus import FaceDetector
from studio.devices.camera.thresholds import DEFAULTS
from studio.profile import Profile
from studio.store.models import DeviceCheck
from studio.ui.checks.camera_card import CameraCheckCard
from studio.ui.common.context import AppContext

HAS_CASCADE = FaceDetector().available
PROFILE = {
    "camera": {
        "resolution": {
            "min_width_warn": 320,
            "min_height_warn": 180,
            "min_width_fail": 320,
            "min_height_fail": 180,
        }
    }
}


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.write_video(tmp_path_factory.mktemp("card") / "clean.avi", "clean")


@pytest.fixture
def card(app_ctx: AppContext, qtbot: QtBot):  # type: ignore[no-untyped-def]
    app_ctx.profile = Profile(PROFILE)
    made: list[CameraCheckCard] = []

    def make() -> CameraCheckCard:
        c = CameraCheckCard(app_ctx)
        qtbot.addWidget(c)
        c.resize(620, 760)
        c.show()
        made.append(c)
        return c

    yield make
    for c in made:
        c.shutdown()


@pytest.mark.slow
def test_video_file_shows_preview_findings_and_saves(
    card,
    video: Path,
    qtbot: QtBot,  # type: ignore[no-untyped-def]
    app_ctx: AppContext,
) -> None:
    """A video source plays in the preview with the face box, the checklist fills with
    words and colours, and Run check saves a DeviceCheck from a worker thread."""
    c = card()
    c.start(str(video))
    qtbot.waitUntil(lambda: c.preview.image is not None, timeout=5000)
    qtbot.waitUntil(lambda: c.last_result is not None, timeout=5000)
    if HAS_CASCADE:  # OpenCV 5 wheels ship no Haar cascade: no face box there
        qtbot.waitUntil(
            lambda: c.preview.result is not None and c.preview.result.stats.face is not None,
            timeout=5000,
        )
    chip, _name, msg = c.rows["frozen"]
    assert "PASS" in chip.text() and "frozen" in msg.text()
    assert c.last_result.status == "pass", [f for f in c.last_result.findings if f.status != "pass"]
    assert "PASS" in c.verdict.text()
    assert app_ctx.camera.health() == ("ok", "live")
    assert "640" not in c.state_label.text() and "320x180" in c.state_label.text()

    qtbot.waitUntil(c.run_button.isEnabled, timeout=3000)
    c.run_button.click()
    qtbot.waitUntil(lambda: c.saved_id is not None, timeout=5000)
    with app_ctx.store.session() as s:
        row = s.scalars(select(DeviceCheck)).one()
    assert (row.id, row.kind, row.source) == (c.saved_id, "camera", str(video))
    assert f"#{row.id}" in c.saved_label.text()
    c.shutdown()
    assert not c.camera.running


def test_dead_source_says_camera_lost(card, qtbot: QtBot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    """A stream that is not there shows 'Camera lost — reconnecting…' and keeps trying."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    c = card()
    c.start(f"http://127.0.0.1:{port}")
    qtbot.waitUntil(lambda: c.preview.banner == "Camera lost — reconnecting…", timeout=5000)
    assert "reconnecting" in c.state_label.text()
    assert app_ctx.camera.health() == ("error", "lost")  # the status bar's light
    assert c.camera.capture is not None and c.camera.capture.running  # still retrying


def test_bad_source_is_explained_and_choice_remembered(card, video: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """A typo is explained in the card; a good source is remembered for the next card."""
    c = card()
    c.start("/no/such/clip.mp4")
    assert "no such file" in c.state_label.text()
    assert not c.camera.running
    c.start(str(video))
    qtbot.waitUntil(lambda: c.preview.image is not None, timeout=5000)
    c.stop()
    again = card()
    qtbot.waitUntil(lambda: again.refresh_button.isEnabled(), timeout=5000)
    assert again.current_source() == str(video)


def test_message_table_matches_the_core_templates(card) -> None:  # type: ignore[no-untyped-def]
    """The card's translatable table has every core message key with the same English."""
    from studio.devices.camera.evaluate import MESSAGES

    c = card()
    assert c.message_templates() == MESSAGES


def test_findings_read_in_chinese(card, video: Path) -> None:  # type: ignore[no-untyped-def]
    """In the Chinese UI the checklist shows translated advice with the measured numbers."""
    from studio.devices.camera.camera_check import run_check
    from studio.devices.camera.sources import parse_source
    from studio.ui.shell.i18n import Translations

    result = run_check(parse_source(str(video)), 2, Profile(PROFILE).section("camera", DEFAULTS))
    translations = Translations()
    translations.install("zh_CN")
    try:
        c = card()
        c.show_result(result)
        chip, name, msg = c.rows["exposure"]
        assert name.text() == "曝光" and "通过" in chip.text()
        assert msg.text().startswith("曝光正常")
        level = result.metrics["face_luma_mean"] or result.metrics["luma_mean"]
        assert f"{level:.0f}" in msg.text()
    finally:
        translations.install("en")


def test_frozen_picture_raises_a_banner(card, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A source whose picture stops changing shows 'Picture problem' over the preview."""
    clip = synthetic.write_video(tmp_path / "frozen.avi", "frozen", seconds=3.0)
    c = card()
    c.start(str(clip))
    qtbot.waitUntil(lambda: c.preview.banner.startswith("Picture problem"), timeout=8000)
    assert "frozen" in c.preview.banner
    assert c.camera.health() == ("error", "frozen")


def test_status_light_never_says_ok_over_a_failed_check(
    card,
    qtbot: QtBot,
    app_ctx: AppContext,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """A camera that runs but fails its check shows FAIL on the card and an error light in the
    status bar (the light used to say OK while the card said FAIL)."""
    clip = synthetic.write_video(tmp_path / "dark.avi", "dark", seconds=3.0)
    c = card()
    c.start(str(clip))
    qtbot.waitUntil(lambda: c.last_result is not None, timeout=8000)
    assert c.last_result.status == "fail", [f.check for f in c.last_result.findings]
    assert "FAIL" in c.verdict.text()
    state, word = app_ctx.camera.health()
    assert state == "error" and word == "check failed"
    c.shutdown()
