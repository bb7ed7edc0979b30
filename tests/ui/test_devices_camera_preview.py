"""The camera preview costs the GUI nothing while hidden: the card's preview tells the camera
its width, the analysis makes the preview at that size, and a hidden card gets no frames (the
analysis only watches for the live alarms) until it is shown again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.devices.camera import synthetic
from studio.profile import Profile
from studio.ui.checks.camera_card import CameraCheckCard
from studio.ui.common.context import AppContext
from studio.ui.devices.qt_camera import PREVIEW_MAX_WIDTH


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.write_video(
        tmp_path_factory.mktemp("preview") / "clean.avi", "clean", width=800, height=450
    )


@pytest.fixture
def card(app_ctx: AppContext, qtbot: QtBot):  # type: ignore[no-untyped-def]
    app_ctx.profile = Profile({})
    c = CameraCheckCard(app_ctx)
    qtbot.addWidget(c)
    c.resize(520, 700)
    yield c
    c.shutdown()


def test_preview_is_made_at_the_width_it_is_shown(card, video: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """A shown preview gets frames as wide as the widget (never wider than the cap)."""
    card.show()
    card.start(str(video))
    qtbot.waitUntil(lambda: card.preview.image is not None, timeout=5000)
    wanted = card.preview.wanted_width()
    assert wanted is not None and card.camera.preview_width == min(wanted, PREVIEW_MAX_WIDTH)
    assert card.camera.live.full
    assert wanted < 800  # narrower than the video: the analysis thread scaled it down
    assert card.preview.image.width() == wanted


def test_hidden_card_gets_no_frames_until_shown(card, video: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """Started while hidden: no preview is made or converted, the analysis only watches; shown,
    the preview and the rolling checklist come back."""
    frames: list[object] = []
    card.camera.frame.connect(lambda _image, result: frames.append(result))
    card.start(str(video))
    qtbot.waitUntil(
        lambda: card.camera.live is not None and card.camera.live.analysed >= 3, timeout=5000
    )
    assert card.camera.preview_width is None and not card.camera.live.full
    assert frames == [] and card.preview.image is None
    assert card.camera.live.newest().preview is None
    card.show()
    qtbot.waitUntil(lambda: card.preview.image is not None, timeout=5000)
    assert card.camera.live.full
    qtbot.waitUntil(lambda: card.last_result is not None, timeout=5000)
    qtbot.waitUntil(card.run_button.isEnabled, timeout=3000)
    card.hide()
    assert card.camera.preview_width is None and not card.camera.live.full
    seen = len(frames)
    qtbot.wait(300)  # at most the frame already on its way
    assert len(frames) <= seen + 1


def test_card_in_a_dock_tabbed_behind_another_gets_no_frames(
    app_ctx: AppContext, video: Path, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    """A dock tabbed behind another stays 'visible' to Qt: the card still sees it is covered,
    the analysis only watches, and raising the dock brings the preview back."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

    app_ctx.profile = Profile({})
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("centre"))
    front, back = QDockWidget("front", window), QDockWidget("checks", window)
    front.setObjectName("front")
    back.setObjectName("checks")
    front.setWidget(QLabel("rundown"))
    card = CameraCheckCard(app_ctx)
    back.setWidget(card)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, front)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, back)
    window.tabifyDockWidget(front, back)
    front.raise_()
    window.resize(1200, 900)
    window.show()
    try:
        card.start(str(video))
        qtbot.waitUntil(
            lambda: card.camera.live is not None and card.camera.live.analysed >= 3, timeout=5000
        )
        assert card.isVisible() and card.camera.preview_width is None and not card.camera.live.full
        assert card.preview.image is None
        back.raise_()
        qtbot.waitUntil(lambda: card.preview.image is not None, timeout=5000)
        assert card.camera.live.full
    finally:
        card.shutdown()
