"""Core messages (device-check findings, monitor conditions) reach the Chinese UI translated."""

from __future__ import annotations

import json
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from pytestqt.qtbot import QtBot
from test_translations import english_words

from studio.devices.audio.mic_check import analyse
from studio.devices.camera.camera_check import CheckResult as CameraResult
from studio.devices.camera.evaluate import evaluate
from studio.devices.camera.monitor import LiveMonitor
from studio.devices.camera.thresholds import DEFAULTS as CAMERA_DEFAULTS
from studio.devices.checks_store import save_check
from studio.devices.findings import Finding, stored_texts
from studio.incidents.auto import AutoIncidents
from studio.obs import obs_check
from studio.paths import resources_dir
from studio.store.shows import create_show
from studio.ui.common.context import AppContext
from studio.ui.common.texts import condition_text, finding_text, parse
from studio.ui.shell.i18n import Translations

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def zh(qapp: Any) -> Iterator[None]:
    translations = Translations()
    translations.install("zh_CN")
    yield
    translations.install("en")


def camera_result() -> CameraResult:
    """A dim, warm, soft, flickering 720p studio, through the real camera evaluation."""
    cfg = {**CAMERA_DEFAULTS}
    metrics: dict[str, Any] = {
        "width": 1280,
        "height": 720,
        "frames": 150,
        "fps_measured": 18.0,
        "fps_nominal": 30.0,
        "expected_frames": 150,
        "dropped_frames": 0,
        "jitter_ms": 1.0,
        "losses": 0,
        "sharpness": 40.0,
        "face_sharpness": 30.0,
        "luma_mean": 60.0,
        "face_luma_mean": 45.0,
        "clipped_highlights_pct": 0.0,
        "crushed_shadows_pct": 0.0,
        "cct_kelvin": 2600.0,
        "duv": 0.0,
        "flicker_measured": True,
        "flicker_hz": 10.0,
        "flicker_depth_pct": 12.0,
        "mains_hz": 50,
        "frozen_frames": 0,
        "frozen_longest_s": 0.0,
        "black_frames": 0,
        "black_longest_s": 0.0,
        "black_pct": 0.0,
        "face_lr_stops": -1.6,
        "evenness": 0.7,
    }
    findings = evaluate(metrics, cfg)
    return CameraResult("camera", "0", 1280, 720, 150, 18.0, metrics, findings)


def mic_result() -> Any:
    """A quiet voice-like tone over 50 Hz hum, with a quiet step: too quiet, humming."""
    fs = 48_000
    t = np.arange(fs * 3) / fs
    hum = 0.004 * np.sin(2 * np.pi * 50 * t) + 0.002 * np.sin(2 * np.pi * 100 * t)
    voice = 0.01 * np.sin(2 * np.pi * 220 * t) * (1 + 0.5 * np.sin(2 * np.pi * 3 * t))
    return analyse((voice + hum)[:, None], fs, source="test mic", quiet=hum[: fs * 2, None])


def obs_result() -> obs_check.ObsCheckResult:
    """OBS answers: 720p where 1080p is expected, 3 GB free, a custom server without a key."""
    answers = {
        "GetVideoSettings": {
            "outputWidth": 1280,
            "outputHeight": 720,
            "fpsNumerator": 30,
            "fpsDenominator": 1,
        },
        "GetStats": {"availableDiskSpace": 3 * 1024.0},
        "GetStreamServiceSettings": {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": "not a url", "key": ""},
        },
    }

    def request(name: str, _data: dict[str, Any] | None = None) -> dict[str, Any]:
        return answers[name]

    cfg = {**obs_check.DEFAULTS, "expected_width": 1920, "expected_height": 1080}
    metrics: dict[str, Any] = {}
    findings = [
        *obs_check._output_format(request, cfg, metrics, lambda _s: None),
        *obs_check._disk(request, cfg, metrics, lambda _s: None),
        *obs_check._stream_configured(request, cfg, metrics, lambda _s: None),
    ]
    return obs_check.ObsCheckResult("obs://localhost:4455", findings, metrics)


@pytest.fixture
def panel(app_ctx: AppContext, qtbot: QtBot) -> Iterator[Any]:
    from studio.ui.checks.panel import ChecksPanel

    p = ChecksPanel(app_ctx)
    qtbot.addWidget(p)
    yield p
    p.shutdown()


def cards(panel: Any) -> dict[str, Any]:
    return {type(c).__name__: c for c in panel.cards}


def shown_messages(card: Any) -> list[str]:
    """The advice texts of a card's checklist (third column)."""
    grid = card.checklist
    out = []
    for row in range(grid.rowCount()):
        item = grid.itemAtPosition(row, 2)
        if item is not None and item.widget() is not None:
            out.append(item.widget().text())
    return [t for t in out if t and t != "—"]


def save_all(app_ctx: AppContext) -> dict[str, Any]:
    results = {"camera": camera_result(), "mic": mic_result(), "obs": obs_result()}
    for kind, r in results.items():
        save_check(app_ctx.store, kind, r.source, r.metrics, r.findings)
    return results


def bad_messages(result: Any) -> list[str]:
    return [f.message for f in result.findings if f.status != "pass"]


def test_stored_findings_carry_their_template_but_the_cli_json_does_not() -> None:
    """A saved finding has "i18n" (context, English template, params); the CLI JSON keeps
    exactly check/status/message/value, and the template renders back to the message."""
    for result in (camera_result(), mic_result(), obs_result()):
        assert all(
            set(f) == {"check", "status", "message", "value"} for f in result.as_json()["findings"]
        )
        for f in result.findings:
            stored = json.loads(json.dumps(f.as_json()))  # as the database gives it back
            texts = stored_texts(stored)
            assert texts is not None, f.check
            parts, sep = texts
            assert sep.join(p.english() for p in parts) == f.message


def test_every_card_shows_its_findings_in_chinese(zh: None, panel: Any) -> None:
    """Camera, mic and OBS findings render in Chinese in their cards, numbers kept."""
    by_name = cards(panel)
    results = {
        "CameraCheckCard": camera_result(),
        "MicCheckCard": mic_result(),
        "ObsCheckCard": obs_result(),
    }
    for name, result in results.items():
        by_name[name].show_result(result)
        texts = shown_messages(by_name[name])
        bad = [f for f in result.findings if f.status != "pass"]
        assert bad and len([t for t in texts if CJK.search(t)]) >= len(bad), (name, texts)
        for text in texts:
            assert not english_words(text), f"{name}: English left in {text!r}"
    mic_loudness = next(f for f in results["MicCheckCard"].findings if f.check == "loudness")
    assert mic_loudness.status != "pass"
    shown = finding_text(mic_loudness)
    assert "增益" in shown and f"{mic_loudness.value:.1f}" in shown


def test_cards_show_the_core_english_unchanged(panel: Any) -> None:
    """Without a translator the cards show exactly the CLI's English messages."""
    by_name = cards(panel)
    for name, result in (
        ("CameraCheckCard", camera_result()),
        ("MicCheckCard", mic_result()),
        ("ObsCheckCard", obs_result()),
    ):
        by_name[name].show_result(result)
        texts = shown_messages(by_name[name])
        assert set(bad_messages(result)) <= set(texts), name


def test_checks_history_reads_saved_findings_in_chinese(
    zh: None, app_ctx: AppContext, panel: Any
) -> None:
    """The saved-checks list shows each stored camera, mic and OBS finding in Chinese."""
    save_all(app_ctx)
    panel.refresh()
    rows = [panel.history.topLevelItem(i) for i in range(panel.history.topLevelItemCount())]
    assert len(rows) == 3
    for item in rows:
        for col in (1, 2, 4):
            text = item.text(col)
            assert CJK.search(text), text
            assert not english_words(text), f"English left in {text!r}"
    assert {item.text(1) for item in rows} == {"摄像头", "麦克风", "编码器（OBS）"}


def test_checks_history_in_english_is_the_stored_text(app_ctx: AppContext, panel: Any) -> None:
    """In English the history shows the stored messages of the failed/warned checks."""
    results = save_all(app_ctx)
    panel.refresh()
    shown = {
        panel.history.topLevelItem(i).text(1): panel.history.topLevelItem(i).text(4)
        for i in range(panel.history.topLevelItemCount())
    }
    assert shown["Camera"] == "; ".join(bad_messages(results["camera"]))
    assert shown["Microphone"] == "; ".join(bad_messages(results["mic"]))
    assert shown["Encoder (OBS)"] == "; ".join(bad_messages(results["obs"]))


def test_old_rows_without_templates_show_their_english(zh: None) -> None:
    """A finding stored before templates existed shows its English message as it is."""
    assert finding_text({"check": "x", "status": "warn", "message": "Old text"}) == "Old text"
    assert finding_text(Finding("x", "warn", "Plain")) == "Plain"


def test_frozen_camera_auto_incident_reads_in_chinese(
    zh: None, store: Any, app_ctx: AppContext, qtbot: QtBot
) -> None:
    """A camera-frozen condition from the real monitor becomes an auto incident whose English
    text the incidents panel shows in Chinese, with its repeat count."""
    from studio.ui.incidents.panel import IncidentsPanel

    show_id = create_show(store, "i18n show")
    now = [1_700_000_000.0]
    auto = AutoIncidents(store, show_id, clock=lambda: now[0], update_every=0.0)
    monitor = LiveMonitor({**CAMERA_DEFAULTS}, auto.on_condition, clock=lambda: now[0])
    frozen = SimpleNamespace(frozen=True, black=False)
    for _ in range(40):
        now[0] += 0.1
        monitor.feed(frozen)  # type: ignore[arg-type]
    auto.on_condition("camera.frozen", True, monitor.active()["camera.frozen"])
    from studio.incidents.log import list_incidents

    [incident] = list_incidents(store, show_id)
    assert incident.text.startswith("Camera picture frozen") and "(×2)" in incident.text
    app_ctx.show_id = show_id
    p = IncidentsPanel(app_ctx)
    qtbot.addWidget(p)
    try:
        qtbot.waitUntil(lambda: p.model.rowCount() == 1, timeout=5000)
        col = p.model.COLUMNS.index("text")
        shown = p.model.data(p.model.index(0, col))
        assert shown == "摄像头画面冻结：检查采集卡和摄像头的输出 (×2)"
        assert not english_words(shown)
        for _ in range(40):  # the picture moves again: the monitor clears the condition
            now[0] += 0.1
            monitor.feed(SimpleNamespace(frozen=False, black=False))  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: p.model.rows[0].status == "mitigated", timeout=5000)
        p.table.selectRow(0)
        p.open_details()
        qtbot.waitUntil(lambda: p.details_dialog(incident.id) is not None, timeout=5000)
        dialog = p.details_dialog(incident.id)
        assert dialog is not None
        assert dialog.text.toPlainText() == shown
        action = dialog.action.toPlainText()
        assert action.startswith("已消除：摄像头画面冻结") and action.endswith("已恢复")
        assert dialog.changes() == {}  # showing it translated is not an edit
        dialog.text.setPlainText("换了备用机位")
        assert dialog.changes() == {"text": "换了备用机位"}
        dialog.close()
    finally:
        p.shutdown()


def test_condition_texts_read_back_with_their_numbers(zh: None) -> None:
    """Parameterised condition texts (fps, percentages, nested "recovered") translate with the
    same numbers; unknown text stays as written."""
    from studio.devices.camera import monitor as cam
    from studio.obs import alarms

    low = cam._FPS_LOW.format(fps=12.34, expected=30.0)
    assert parse(cam._FPS_LOW, low) == {"fps": 12.3, "expected": 30.0}
    recovered = cam._RECOVERED.format(message=low)
    assert (
        condition_text("camera.fps_low", recovered)
        == "摄像头帧率过低：12.3 fps（应为 30） —— 已恢复"
    )
    fps = alarms.FPS_LOW.format(fps=21.5, target=30.0, ratio=0.716)
    assert "（72%）" in condition_text("obs.fps_low", fps)
    assert condition_text("obs.fps_low", alarms.FPS_CLEAR.format(fps="n/a")) == "帧率 无数据"
    assert condition_text("camera.frozen", "the anchor says hi") == "the anchor says hi"
    assert condition_text(None, str(cam._FROZEN)) == str(cam._FROZEN)


def _fields(text: str) -> set[tuple[str, str]]:
    return {
        (name, spec or "")
        for _lit, name, spec, _conv in string.Formatter().parse(text)
        if name is not None
    }


def test_template_translations_use_only_the_source_placeholders() -> None:
    """Every Chinese template uses placeholders (name and number format) of its English source,
    so formatting a translation can never fail or show other numbers."""
    ts = resources_dir() / "translations" / "findings_zh_CN.ts"
    bad = []
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if not _fields(translation) <= _fields(source):
            bad.append(f"{source!r} -> {translation!r}")
    assert not bad, "\n".join(bad)
