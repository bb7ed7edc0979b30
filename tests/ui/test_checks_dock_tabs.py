"""The Checks dock shows its three cards as tabs named with each card's newest saved verdict, and
the audio meters lay out without cut or overprinted text at any dock width (issue 15 item 13)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from studio.devices.checks_store import save_check
from studio.devices.findings import Finding


@pytest.fixture
def panel(app_ctx: Any, qtbot: Any) -> Iterator[Any]:
    from studio.ui.checks.panel import ChecksPanel

    p = ChecksPanel(app_ctx)
    qtbot.addWidget(p)
    yield p
    p.shutdown()


def test_cards_are_tabs_named_with_their_newest_verdict(panel: Any, app_ctx: Any) -> None:
    """Camera, microphone and OBS are three tabs, "○" before any check; a saved check puts its
    verdict's glyph on its card's tab (the camera tab takes the worse of camera and light)."""
    tabs = panel.tabs
    assert tabs.count() == 3
    assert [tabs.widget(i).widget() for i in range(3)] == panel.cards
    assert [tabs.tabText(i) for i in range(3)] == [
        "○ Camera && lighting",  # "&" shown as itself, not as a shortcut mark
        "○ Microphone",
        "○ Encoder (OBS)",
    ]
    store = app_ctx.store
    save_check(store, "camera", "0", {}, [Finding("focus", "pass", "sharp")])
    save_check(store, "light", "0", {}, [Finding("exposure", "warn", "a little dark")])
    save_check(store, "obs", "obs://x", {}, [Finding("reachable", "fail", "no OBS")])
    panel.refresh()
    assert [tabs.tabText(i) for i in range(3)] == [
        "▲ Camera && lighting",
        "○ Microphone",
        "✖ Encoder (OBS)",
    ]
    save_check(store, "obs", "obs://x", {}, [Finding("reachable", "pass", "connected")])
    panel.refresh()
    assert tabs.tabText(2) == "● Encoder (OBS)"


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.intersects(b))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_meter_layout_has_room_for_every_text(qtbot: Any, lang: str) -> None:
    """From a 200-px dock to a wide one, in both languages: the widget is as tall as its
    layout, every text (legend wrapped, scale labels, loudness) is inside it, fits its
    rectangle and overlaps no other; narrow docks put the loudness under the bars."""
    from PySide6.QtCore import QRectF, Qt

    from studio.ui.devices.audio_meters import SIDE_BY_SIDE_MIN_W, AudioMeters
    from studio.ui.shell.i18n import Translations

    translations = Translations()
    translations.install(lang)
    try:
        meters = AudioMeters()
        qtbot.addWidget(meters)
        meters.show()
        fm = meters.fontMetrics()
        legend = meters.tr("dBFS  (bar: RMS · light: peak · line: peak hold)")
        for width in (200, 240, 300, 379, 380, 420, 560, 800):
            meters.resize(width, 50)
            lay = meters.layout_for(width)
            assert meters.height() >= lay.height - 1, width
            box = QRectF(0, 0, width, meters.height())
            texts = [r for r in lay.texts() if not r.isEmpty()]
            for r in texts:
                assert box.contains(r), (width, r)
            for a, b in itertools.combinations(texts, 2):
                assert not _overlap(a, b), (width, a, b)
            wrapped = fm.boundingRect(
                lay.legend.toRect(), int(Qt.TextFlag.TextWordWrap), legend
            ).height()
            assert wrapped <= lay.legend.height(), width
            for r, label, _x in lay.scale:
                assert not label or fm.horizontalAdvance(label) <= r.width(), (width, label)
            beside = lay.loudness.left() >= lay.bars[0].right()
            assert beside == (width >= SIDE_BY_SIDE_MIN_W), width
    finally:
        translations.install("en")
