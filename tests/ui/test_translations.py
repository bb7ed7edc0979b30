"""Every visible string ships in Simplified Chinese as well as English."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMenu,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studio.paths import resources_dir
from studio.ui.common.context import AppContext
from studio.ui.shell.app import StudioApp
from studio.ui.shell.i18n import Translations

TS_FILES = sorted((resources_dir() / "translations").glob("*_zh_CN.ts"))

# Words that stay in Latin script in Chinese studios too: units, abbreviations, product names.
ALLOWED = {
    "SKU",
    "GMV",
    "GPM",
    "UV",
    "CTR",
    "CVR",
    "AOV",
    "ROI",
    "LUFS",
    "LU",
    "dBFS",
    "dBTP",
    "dB",
    "OBS",
    "fps",
    "FPS",
    "URL",
    "CCT",
    "RMS",
    "CSV",
    "XLSX",
    "YAML",
    "JSON",
    "PDF",
    "HTML",
    "DC",
    "Hz",
    "kHz",
    "ms",
    "studio",
    "English",
    "PNG",
    "ISO",
    "ID",
    "S1",
    "S2",
    "S3",
    "LIVE",
    "SNR",
    "F1",
    "F2",
    "F3",
    "F4",
    "F5",
    "F10",
    "F11",
    "Ctrl",
    "Shift",
    "Space",
    "PageUp",
    "PageDown",
    "min",
    "max",
    "WAV",
    "FLAC",
    "RTMP",
    "RTSP",
    "UDP",
    "HTTP",
    "TCP",
    "px",
    "MB",
    "GB",
    "kbps",
    "Mbps",
    "Mbit",
    "LED",
    "PWM",
    "GPU",
    "Duv",
    "USB",
    "HDMI",
    "IP",
    "API",
    "ALSA",
    "PulseAudio",
    "OSS",
    "V4L2",
    "FFMPEG",
    "pulse",
    "Enter",
    "Excel",
    "WebSocket",
    "Esc",
    "Tab",
    "Del",
    "default",
    "sqlite",
    "postgresql",
    "udp",
    "http",
    "tcp",
    "rtsp",
    "rtmp",
    "mp4",
    "mkv",
    "png",
}
WORD = re.compile(r"[A-Za-z]{3,}")


def test_translation_sources_are_complete() -> None:
    """No .ts file has an unfinished or empty Chinese translation."""
    assert TS_FILES, "no translation sources found"
    missing = []
    for ts in TS_FILES:
        for message in ET.parse(ts).iter("message"):
            tr = message.find("translation")
            if tr is None:
                continue
            plural = [n.text for n in tr.iter("numerusform")]
            text = "".join(t or "" for t in plural) if plural else (tr.text or "")
            if tr.get("type") in ("unfinished",) or not text.strip():
                missing.append(f"{ts.name}: {message.findtext('source')!r}")
    assert not missing, "untranslated:\n" + "\n".join(missing)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_shipped_qm_matches_its_ts(ts: Path, tmp_path: Path) -> None:
    """The compiled .qm in resources/ is the current .ts (nobody forgot lrelease)."""
    out = tmp_path / "check.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(out)], check=True, capture_output=True)
    shipped = ts.with_suffix(".qm")
    assert shipped.exists(), f"{shipped.name} missing: run scripts/update_translations.py"
    assert shipped.read_bytes() == out.read_bytes(), f"{shipped.name} is stale"


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = type(w).__name__
        if isinstance(w, QLabel | QAbstractButton):
            found.append((name, w.text()))
        if isinstance(w, QDockWidget | QGroupBox):
            found.append((name, w.windowTitle() if isinstance(w, QDockWidget) else w.title()))
        if isinstance(w, QMenu):
            found.extend((name, a.text()) for a in w.actions())
        if isinstance(w, QTableView | QTableWidget | QTreeWidget):
            model = w.model() if not isinstance(w, QTreeWidget) else None
            if model is not None:
                from PySide6.QtCore import Qt

                for col in range(model.columnCount()):
                    found.append(
                        (name, str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
                    )
            if isinstance(w, QTreeWidget):
                header = w.headerItem()
                found.extend((name, header.text(c)) for c in range(header.columnCount()))
                for i in range(w.topLevelItemCount()):
                    item = w.topLevelItem(i)
                    found.extend((name, item.text(c)) for c in range(item.columnCount()))
    return found


def english_words(text: str) -> list[str]:
    text = re.sub(r"&(?=\w)", "", text)  # mnemonics
    text = re.sub(r"<[^>]+>", " ", text)  # rich text tags
    return [w for w in WORD.findall(text) if w not in ALLOWED]


def test_no_visible_english_in_the_chinese_ui(app_ctx: AppContext, qtbot: QtBot) -> None:
    """With the demo show loaded in Chinese, no label, button, menu, header or title is English."""
    from studio.demo import ensure_demo_show

    translations = Translations()
    translations.install("zh_CN")
    try:
        app_ctx.show_id = ensure_demo_show(app_ctx.store)
    except ModuleNotFoundError:  # the script feature is not installed yet
        app_ctx.show_id = None
    # A saved check, so the Checks history shows a row of core findings.
    import numpy as np

    from studio.devices.audio.mic_check import analyse
    from studio.devices.checks_store import save_check

    silent = analyse(np.zeros((48_000, 1)), 48_000, source="hw:1,0")
    save_check(app_ctx.store, "mic", silent.source, silent.metrics, silent.findings)
    app = StudioApp(app_ctx, translations)
    app.build()
    try:
        assert app.window is not None
        for key in app.window.panels:  # hidden docks build their panels when asked for
            app.window.panels[key]
        roots: list[QWidget] = [w for w in (app.window, app.anchor) if w is not None]
        offenders = []
        for root in roots:
            for kind, text in visible_texts(root):
                words = english_words(text)
                if words:
                    offenders.append(f"{kind}: {text!r}")
        assert not offenders, "English text in the Chinese UI:\n" + "\n".join(
            sorted(set(offenders))
        )
    finally:
        app.shutdown()
        translations.install("en")


def test_chinese_sentences_use_chinese_punctuation() -> None:
    """A comma, colon, semicolon or bracket inside a Chinese sentence is full-width (，：；（）);
    menu mnemonics such as 文件(&F) and format fields such as {x:.1f} are left alone."""
    cjk = r"[\u4e00-\u9fff]"
    ascii_next_to_chinese = re.compile(rf"{cjk}[,:;(]|[,:;)]\s*{cjk}")
    offenders = []
    for ts in TS_FILES:
        for message in ET.parse(ts).iter("message"):
            tr = message.find("translation")
            if tr is None:
                continue
            texts = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
            for text in texts:
                bare = re.sub(r"\{[^}]*\}|\(&\w\)", "", text)
                if ascii_next_to_chinese.search(bare):
                    offenders.append(f"{ts.name}: {text!r}")
    assert not offenders, "ASCII punctuation in Chinese text:\n" + "\n".join(offenders)
