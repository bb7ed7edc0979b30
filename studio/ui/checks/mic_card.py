"""The microphone check card: pick a device, watch the meters, run the guided check.

Guided check: "stay quiet" (noise floor, hum) then "speak normally" (loudness, peaks, clipping),
then a verdict checklist with advice. Device listing, opening, analysis and saving run on worker
threads; the GUI thread only copies new frames (10 Hz) and paints.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.devices.audio.thresholds import DEFAULTS
from studio.ui.checks.check_card import CardHeader, CardWorkers, paint_status, status_words
from studio.ui.common.context import AppContext
from studio.ui.common.settings_values import setting_str
from studio.ui.common.texts import finding_text
from studio.ui.devices.audio_meters import AudioMeters
from studio.ui.devices.qt_audio import QtAudio

log = logging.getLogger(__name__)

SETTINGS_GROUP = "mic"
FILE_FILTER = "Audio files (*.wav *.flac *.ogg *.aiff *.aif *.mp3 *.m4a *.aac)"
CHECK_ORDER = ("signal", "clipping", "loudness", "true_peak", "noise", "hum", "balance", "dropouts")


class _Bridge(QObject):
    """Signals that worker threads emit; delivered queued on the GUI thread."""

    devices = Signal(object, str)  # list[InputDevice], error
    opened = Signal(object, str, int)  # AudioCapture | None, error, request number
    state = Signal(str, str)
    result = Signal(object, str)  # CheckResult | None, error


class MicCheckCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("MicCheckCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.thresholds = ctx.profile.section("mic", DEFAULTS)
        self.capture: Any = None
        self.monitor: Any = None
        self.source = ""
        self.last_result: Any = None
        self.saved_id: int | None = None
        self._guided: Any = None
        self._workers = CardWorkers()
        self._open_seq = 0
        self._opened: list[Any] = []  # every capture an opener made, so shutdown can stop strays
        self._bridge = _Bridge(self)
        self._bridge.devices.connect(self._on_devices)
        self._bridge.opened.connect(self._on_opened)
        self._bridge.state.connect(self._on_state)
        self._bridge.result.connect(self._on_result)
        self.audio = QtAudio(parent=self)
        self._build()
        self._guide_timer = QTimer(self)
        self._guide_timer.setInterval(100)
        self._guide_timer.timeout.connect(self._guide_tick)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(500)
        self._status_timer.timeout.connect(self._refresh_status)
        self._status_timer.start()
        self.refresh_devices()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 12)
        root.setSpacing(8)

        self.header = CardHeader(self.tr("Microphone"), glyphs=False)
        self.verdict = self.header.verdict
        root.addWidget(self.header)

        pick = QHBoxLayout()
        self.device_box = QComboBox()
        self.device_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.device_box.setMinimumContentsLength(18)
        self.device_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device_box.setAccessibleName(self.tr("Microphone device"))
        self.device_box.activated.connect(self._on_pick)
        pick.addWidget(self.device_box, 1)
        self.device_box.setMinimumHeight(QPushButton("X").sizeHint().height())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Scan for audio input devices again"))
        self.refresh_button.clicked.connect(lambda: self.refresh_devices(rescan=True))
        pick.addWidget(self.refresh_button)
        self.file_button = QPushButton(self.tr("File…"))
        self.file_button.setToolTip(self.tr("Check a recording (WAV/FLAC) instead of a live input"))
        self.file_button.clicked.connect(self._choose_file)
        pick.addWidget(self.file_button)
        root.addLayout(pick)

        self.state_label = QLabel(self.tr("Looking for microphones…"))
        self.state_label.setWordWrap(True)
        root.addWidget(self.state_label)

        self.meters = AudioMeters(self)
        self.audio.levels.connect(self.meters.set_levels)
        root.addWidget(self.meters)

        guide = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run guided check"))
        self._refocus = False
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self._toggle_guided)
        guide.addWidget(self.run_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        guide.addWidget(self.progress, 1)
        root.addLayout(guide)

        self.instruction = QLabel(self.tr("Pick a microphone, then run the guided check."))
        fi = QFont(self.instruction.font())
        fi.setPointSizeF(fi.pointSizeF() * 1.5)
        fi.setBold(True)
        self.instruction.setFont(fi)
        self.instruction.setWordWrap(True)
        self.instruction.setMinimumHeight(self.instruction.fontMetrics().height() * 2)
        root.addWidget(self.instruction)

        self.checklist_host = QWidget()
        self.checklist = QGridLayout(self.checklist_host)
        self.checklist.setContentsMargins(0, 0, 0, 0)
        self.checklist.setHorizontalSpacing(10)
        self.checklist.setVerticalSpacing(6)
        self.checklist.setColumnStretch(2, 1)
        root.addWidget(self.checklist_host)
        self.empty_hint = QLabel(
            self.tr(
                "The verdict appears here: signal, clipping, loudness, true peak, "
                "noise, hum, balance and dropouts, each with advice."
            )
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setEnabled(False)
        root.addWidget(self.empty_hint)
        root.addStretch(1)
        self._set_verdict(None)

    def check_names(self) -> dict[str, str]:
        return {
            "signal": self.tr("Signal"),
            "clipping": self.tr("Clipping"),
            "loudness": self.tr("Loudness"),
            "true_peak": self.tr("True peak"),
            "noise": self.tr("Noise"),
            "hum": self.tr("Hum"),
            "balance": self.tr("Balance"),
            "dropouts": self.tr("Dropouts"),
        }

    def _set_verdict(self, status: str | None) -> None:
        self.header.set_verdict(status)
        self.verdict.setAccessibleName(
            self.tr("Microphone check: %1").replace("%1", status_words()[status or "off"])
        )

    # -- devices ---------------------------------------------------------------------------
    def refresh_devices(self, rescan: bool = False) -> None:
        """List inputs on a worker thread (PortAudio probing can take a while)."""
        self.refresh_button.setEnabled(False)

        def work() -> None:
            from studio.devices.audio.devices import SourceError, list_inputs

            try:
                found = list_inputs(rescan=rescan)
                self._workers.emit(self._bridge.devices, found, "")
            except (SourceError, Exception) as exc:  # PortAudio errors are plain Exceptions
                self._workers.emit(self._bridge.devices, [], str(exc))

        self._workers.spawn(work, "mic-devices")

    def _on_devices(self, found: list[Any], error: str) -> None:
        self.refresh_button.setEnabled(True)
        remembered = self._remembered()
        self.device_box.clear()
        for d in found:
            self.device_box.addItem(d.label(), d.name)
        if remembered and remembered not in [d.name for d in found]:
            from pathlib import Path

            if Path(remembered).is_file():
                self.device_box.addItem(
                    self.tr("File: %1").replace("%1", Path(remembered).name), remembered
                )
        if self.device_box.count() == 0:
            self.state_label.setText(
                error
                or self.tr(
                    "No microphone found. Connect one and press Refresh, "
                    "or check a recording with File…"
                )
            )
            return
        index = self.device_box.findData(remembered) if remembered else -1
        if index < 0:
            index = next((i for i, d in enumerate(found) if d.is_default), 0)
        self.device_box.setCurrentIndex(index)
        if self.capture is None and self._open_seq == 0:  # first listing: open the remembered one
            self.open_source(self.device_box.itemData(index))

    def _remembered(self) -> str:
        s = self.ctx.settings
        s.beginGroup(SETTINGS_GROUP)
        value = setting_str(s, "source", "")
        s.endGroup()
        return str(value or "")

    def _remember(self, spec: str) -> None:
        s = self.ctx.settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("source", spec)
        s.endGroup()

    def _on_pick(self, index: int) -> None:
        spec = self.device_box.itemData(index)
        if spec and spec != self.source:
            self.open_source(spec)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Check a recording"), "", FILE_FILTER)
        if path:
            if self.device_box.findData(path) < 0:
                from pathlib import Path

                self.device_box.addItem(self.tr("File: %1").replace("%1", Path(path).name), path)
            self.device_box.setCurrentIndex(self.device_box.findData(path))
            self.open_source(path)

    # -- capture ---------------------------------------------------------------------------
    def open_source(self, spec: str) -> None:
        """Switch to a device (index/name) or an audio file (played in a loop, at real time)."""
        self._cancel_guided()
        self._close_capture()
        self.source = spec
        self._remember(spec)
        self.state_label.setText(self.tr("Opening %1…").replace("%1", spec))
        self.run_button.setEnabled(False)
        self._open_seq += 1
        seq = self._open_seq

        def work() -> None:
            from studio.devices.audio.capture import open_capture

            try:
                capture = open_capture(
                    spec, paced=True, loop=True, on_state=self._state_from_worker
                )
                self._opened.append(capture)
                capture.start()
            except Exception as exc:
                self._workers.emit(self._bridge.opened, None, str(exc), seq)
                return
            if self._workers.closing:
                capture.stop()
                return
            self._bridge.opened.emit(capture, "", seq)

        self._workers.spawn(work, "mic-open")

    def _state_from_worker(self, state: str, message: str) -> None:
        self._workers.emit(self._bridge.state, state, message)

    def _on_opened(self, capture: Any, error: str, seq: int) -> None:
        if seq != self._open_seq:  # the user picked something else meanwhile
            if capture is not None:
                capture.stop()
            return
        if capture is None:
            self.state_label.setText(self.tr("Cannot open the microphone: %1").replace("%1", error))
            return
        if self._workers.closing or getattr(capture, "name", None) is None:
            capture.stop()
            return
        from studio.devices.audio.monitor import LiveMonitor

        self._close_capture()
        self._opened = [c for c in self._opened if c is capture or c.state != "stopped"]
        self.capture = capture
        self.monitor = LiveMonitor(capture, self.thresholds)
        self.monitor.start()
        self.audio.set_monitor(self.monitor)
        self.run_button.setEnabled(True)
        self._refresh_status()

    def _on_state(self, state: str, message: str) -> None:
        self._refresh_status()

    def _refresh_status(self) -> None:
        c = self.capture
        if c is None:
            return
        if c.state == "lost":
            text = self.tr("Device lost: %1").replace("%1", c.message)
        elif c.state in ("failed",):
            text = self.tr("Device error: %1").replace("%1", c.message)
        elif c.state == "starting" or (c.state == "running" and c.ring.written == 0):
            text = self.tr("%1: waiting for audio…").replace("%1", c.name)
        else:
            text = (
                self.tr("%1 · %2 kHz · %3 ch · dropouts %4")
                .replace("%1", c.name)
                .replace("%2", f"{c.samplerate / 1000:g}")
                .replace("%3", str(c.channels))
                .replace("%4", str(c.overflows))
            )
        if text != self.state_label.text():
            self.state_label.setText(text)

    def _close_capture(self) -> None:
        self.audio.set_monitor(None)
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor = None
        if self.capture is not None:
            self.capture.stop()
            self.capture = None

    # -- guided check ----------------------------------------------------------------------
    def _toggle_guided(self) -> None:
        if self._guided is not None:
            self._cancel_guided()
            self.instruction.setText(self.tr("Check cancelled."))
        else:
            self.start_guided_check()

    def start_guided_check(self) -> None:
        if self.capture is None:
            return
        from studio.devices.audio.mic_check import GuidedCheck

        self._guided = GuidedCheck(self.capture, self.thresholds)
        self._guided.start()
        self.run_button.setText(self.tr("Cancel"))
        self.progress.setValue(0)
        self._guide_timer.start()
        self._guide_tick()

    def _cancel_guided(self) -> None:
        self._guide_timer.stop()
        self._guided = None
        self.run_button.setText(self.tr("Run guided check"))
        self.progress.setValue(0)

    def _guide_tick(self) -> None:
        g = self._guided
        if g is None:
            return
        prog = g.tick()
        self.progress.setValue(int(prog.fraction * 1000))
        secs = f"{prog.remaining_s:.0f}" if prog.remaining_s >= 1 else "1"
        if prog.step == "quiet":
            self.instruction.setText(self.tr("Stay quiet… %1 s").replace("%1", secs))
        elif prog.step == "speech":
            self.instruction.setText(
                self.tr("Speak normally, as in the show… %1 s").replace("%1", secs)
            )
        else:
            self._guide_timer.stop()
            self._guided = None
            self.run_button.setText(self.tr("Run guided check"))
            # A focused button that gets disabled hands focus to the next field in the window
            # (the OBS host, text selected, where the next key press would overwrite it): keep
            # focus on this card while it analyses and give it back to the button after.
            self._refocus = self.run_button.hasFocus()
            if self._refocus:
                self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                self.setFocus(Qt.FocusReason.OtherFocusReason)
            self.run_button.setEnabled(False)
            self.instruction.setText(self.tr("Analysing…"))
            self._analyse(g)

    def _analyse(self, guided: Any) -> None:
        store, show_id, source = self.ctx.store, self.ctx.show_id, self.source

        def work() -> None:
            from studio.devices.checks_store import save_check

            try:
                result = guided.result()
                row = save_check(
                    store, "mic", source, result.metrics, result.findings, show_id=show_id
                )
                result.extra["saved_id"] = row
                self._workers.emit(self._bridge.result, result, "")
            except Exception as exc:
                log.exception("mic check analysis/save failed")
                self._workers.emit(self._bridge.result, None, str(exc))

        self._workers.spawn(work, "mic-check")

    def _on_result(self, result: Any, error: str) -> None:
        self.run_button.setEnabled(self.capture is not None)
        if self._refocus and self.run_button.isEnabled():
            self.run_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._refocus = False
        if result is None:
            self.instruction.setText(
                self.tr("The check could not be saved: %1").replace("%1", error)
            )
            return
        self.last_result = result
        self.saved_id = result.extra.get("saved_id")
        self.progress.setValue(1000)
        self.show_result(result)

    def show_result(self, result: Any) -> None:
        """Fill the checklist: one row per check with a coloured word, the check and the advice."""
        while self.checklist.count():
            item = self.checklist.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        words, names = status_words(), self.check_names()
        findings = sorted(
            result.findings,
            key=lambda f: CHECK_ORDER.index(f.check) if f.check in CHECK_ORDER else 99,
        )
        for row, f in enumerate(findings):
            chip = QLabel()
            paint_status(chip, f.status, words.get(f.status, f.status))
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            chip.setAccessibleName(
                f"{names.get(f.check, f.check)}: {words.get(f.status, f.status)}"
            )
            name = QLabel(names.get(f.check, f.check))
            name.setStyleSheet("font-weight: 600;")
            msg = QLabel(finding_text(f))
            msg.setWordWrap(True)
            msg.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.checklist.addWidget(chip, row, 0, Qt.AlignmentFlag.AlignTop)
            self.checklist.addWidget(name, row, 1, Qt.AlignmentFlag.AlignTop)
            self.checklist.addWidget(msg, row, 2)
        self.empty_hint.hide()
        self._set_verdict(result.status)
        lufs = next((f.value for f in result.findings if f.check == "loudness"), None)
        summary = {
            "pass": self.tr("All good: the microphone is ready."),
            "warn": self.tr("Usable, but see the advice below."),
            "fail": self.tr("Not ready: fix the failed items and check again."),
        }[result.status]
        if lufs is not None:
            summary += "  " + self.tr("Speech %1 LUFS (target %2).").replace(
                "%1", f"{lufs:.1f}"
            ).replace("%2", f"{float(self.thresholds['target_lufs']):g}")
        self.instruction.setText(summary)

    # -- shutdown --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop timers and every thread (capture, monitor, workers) and wait for them."""
        self._workers.closing = True
        self._guide_timer.stop()
        self._status_timer.stop()
        self._guided = None
        self._close_capture()
        self._workers.close(5.0)
        # An opener that finished while we were closing may have left a capture in the queue.
        for capture in self._opened:
            capture.stop()
        self._opened = []

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
