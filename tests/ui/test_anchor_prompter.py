"""The prompter after the show ends, its labelled segment timer, its readable secondary lines,
and the Preferences' font size and mirror applied to an open prompter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clock import FakeClock
from demo_prompter import open_prompter
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from studio.ui.common.context import AppContext


@pytest.fixture
def prompter(app_ctx: AppContext, qtbot: QtBot) -> Iterator[Any]:
    """The demo show running on a fake clock, with the prompter at 1920x1080."""
    anchor = open_prompter(app_ctx, qtbot)
    yield anchor
    anchor.close()


def _px(label: QLabel) -> int:
    return QFontInfo(label.font()).pixelSize()


def test_ended_show_says_so_without_a_negative_countdown(prompter: Any) -> None:
    """Ended: the caption names the show's length, the number is that length, the line below
    says how far over plan, and the last segment's header is gone."""
    ctx: AppContext = prompter.ctx
    assert ctx.runner is not None and isinstance(ctx.clock, FakeClock)
    ctx.clock.advance(3 * 3600)  # far past the plan: the old screen showed "-…" here
    ctx.runner.end()
    prompter.refresh()
    snap = ctx.runner.snapshot()
    assert snap.status == "ended"
    assert prompter.countdown_caption.text() == "Show length"
    assert not prompter.countdown.text().startswith("-")
    assert prompter.countdown.text() == "3:00:00"
    assert prompter.hold_label.text().endswith("over plan")
    assert prompter.segment_title.isHidden()
    assert "SHOW ENDED" in prompter.badge.text()


def test_segment_timer_is_labelled(prompter: Any) -> None:
    """While the show runs the big number is captioned as the segment's time left."""
    assert prompter.countdown_caption.text() == "Segment left"
    assert prompter.countdown_caption.isVisible()


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_secondary_lines_read_from_three_metres(
    prompter: Any, qtbot: QtBot, width: int, height: int
) -> None:
    """Header, next cue and stock are at least 4.4 % of the window height (48 px at 1080p; the
    old 40 px lines read badly at 3 m), and the cue keeps at least 30 % of the height."""
    prompter.resize(width, height)
    qtbot.waitUntil(lambda: prompter.height() == height, timeout=2000)
    prompter.refresh()
    floor = 0.044 * height
    assert _px(prompter.segment_title) >= floor
    assert _px(prompter.next_cue) >= floor
    assert _px(prompter.stock) >= floor
    assert prompter.cue_scroll.height() >= 0.3 * height


def test_preferences_font_size_and_mirror_apply_to_the_open_prompter(
    prompter: Any, qtbot: QtBot
) -> None:
    """Font 140 % and mirror in Preferences: remembered under anchor/, and the open prompter
    grows its text by 1.4 and mirrors at once; Ctrl+M there shows up in the next dialog."""
    from studio.ui.shell.preferences import PreferencesDialog

    ctx: AppContext = prompter.ctx
    cue_before = prompter.cue_points
    dialog = PreferencesDialog(ctx, "en")
    qtbot.addWidget(dialog)
    assert dialog.prompter_font.value() == 100 and not dialog.prompter_mirror.isChecked()
    dialog.prompter_font.setValue(140)
    dialog.prompter_mirror.setChecked(True)
    dialog.accept()
    assert ctx.settings.value("anchor/font_scale", type=int) == 140
    assert prompter.cue_points == pytest.approx(cue_before * 1.4)
    assert prompter.mirror and prompter.mirror_view.isVisible()

    qtbot.keyClick(prompter, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not prompter.mirror
    again = PreferencesDialog(ctx, "en")
    qtbot.addWidget(again)
    assert not again.prompter_mirror.isChecked()
    assert again.prompter_font.value() == 140
