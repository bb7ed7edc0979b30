"""The camera check card: pick a source, watch the live preview with overlays (focus score,
zebra on clipped highlights, face box), read the pass/warn/fail checklist, save a check.

Device listing and saving run on worker threads, capture and analysis in the camera's own
threads (see `studio.ui.devices.qt_camera`); the GUI thread only paints the newest preview.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.devices.camera.evaluate import CAMERA_CHECKS
from studio.devices.camera.thresholds import DEFAULTS
from studio.ui.checks.check_card import CardHeader, CardWorkers, FindingsChecklist, status_words
from studio.ui.common.context import AppContext
from studio.ui.common.settings_values import setting_str
from studio.ui.common.texts import condition_text, finding_text
from studio.ui.common.theme import STATUS_COLOURS
from studio.ui.devices.qt_camera import QtCamera

log = logging.getLogger(__name__)

SETTINGS_GROUP = "camera"
PREVIEW_POLL_MS = 250  # how soon a preview uncovered (its dock tab raised) gets pictures again


class _Bridge(QObject):
    """Signals worker threads emit; delivered queued on the GUI thread."""

    devices = Signal(object, str)  # list[CameraDevice], error
    saved = Signal(object, object, str)  # check id | None, CheckResult | None, error


class CameraPreview(QWidget):
    """The newest frame, scaled to fit, with the face box and focus score drawn on top.

    `wanted_width` is how many device pixels wide the picture is shown, None when it is not on
    screen: hidden, or covered — a dock tabbed behind another stays "visible" to Qt, only its
    visible region is empty, so the card polls this as well as hearing `shown_width` from the
    show, hide and resize events. The camera makes the preview at that size, or none at all."""

    shown_width = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.image: QImage | None = None
        self.result: Any = None
        self.banner = ""
        self.empty_text = ""
        self.setAccessibleName("camera preview")

    def heightForWidth(self, w: int) -> int:
        return w * 9 // 16

    def wanted_width(self) -> int | None:
        """Device pixels across the picture is shown at; None while hidden or covered."""
        if not self.isVisible() or self.visibleRegion().isEmpty():
            return None
        return max(1, round(self.width() * self.devicePixelRatioF()))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.shown_width.emit(self.wanted_width())

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.shown_width.emit(None)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self.shown_width.emit(self.wanted_width())

    def hasHeightForWidth(self) -> bool:
        return True

    def set_frame(self, image: QImage, result: Any) -> None:
        self.image, self.result = image, result
        if self.isVisible():  # hidden previews skip painting
            self.update()

    def clear(self, text: str) -> None:
        self.image, self.result, self.empty_text = None, None, text
        self.update()

    def set_banner(self, text: str) -> None:
        if text != self.banner:
            self.banner = text
            self.update()

    def _target(self) -> QRectF:
        assert self.image is not None
        iw, ih = self.image.width(), self.image.height()
        k = min(self.width() / iw, self.height() / ih)
        w, h = iw * k, ih * k
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#000000"))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        if self.image is None:
            p.setPen(QColor("#c8ccd2"))
            p.setFont(big)
            p.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        else:
            target = self._target()
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(target, self.image)
            self._overlays(p, target, big)
        if self.banner:
            p.setFont(big)
            band = QRectF(0, self.height() / 2 - 28, self.width(), 56)
            p.fillRect(band, QColor(STATUS_COLOURS["fail"]))
            p.setPen(QColor("#ffffff"))
            p.drawText(band, Qt.AlignmentFlag.AlignCenter, self.banner)
        p.end()

    def _overlays(self, p: QPainter, target: QRectF, font: QFont) -> None:
        r = self.result
        if r is None:
            return
        stats = r.stats
        k = target.width() / max(1, stats.width)
        if stats.face is not None:
            f = stats.face
            p.setPen(QPen(QColor(STATUS_COLOURS["pass"]), 2))
            p.drawRect(QRectF(target.x() + f.x * k, target.y() + f.y * k, f.w * k, f.h * k))
        focus = stats.face_sharpness if stats.face_sharpness is not None else stats.sharpness
        where = self.tr("face") if stats.face_sharpness is not None else self.tr("frame")
        text = self.tr("Focus %1 (%2)").replace("%1", f"{focus:.0f}").replace("%2", where)
        text += "   " + self.tr("Luma %1").replace("%1", f"{stats.luma.mean:.0f}")
        if stats.white is not None and stats.white.cct_kelvin:
            text += f"   {stats.white.cct_kelvin:.0f} K"
        p.setFont(font)
        fm = p.fontMetrics()
        box = QRectF(
            target.x() + 6, target.y() + 6, fm.horizontalAdvance(text) + 16, fm.height() + 8
        )
        p.fillRect(box, QColor(0, 0, 0, 160))
        p.setPen(QColor("#ffffff"))
        p.drawText(box.adjusted(8, 4, -8, -4), Qt.AlignmentFlag.AlignVCenter, text)
        if stats.luma.clipped_pct > 0.05:
            tag = self.tr("Zebra: %1% clipped").replace("%1", f"{stats.luma.clipped_pct:.1f}")
            w = fm.horizontalAdvance(tag) + 16
            zb = QRectF(target.right() - w - 6, target.y() + 6, w, fm.height() + 8)
            p.fillRect(zb, QColor(0, 0, 0, 160))
            p.setPen(QColor(STATUS_COLOURS["warn"]))
            p.drawText(zb.adjusted(8, 4, -8, -4), Qt.AlignmentFlag.AlignVCenter, tag)


class CameraCheckCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("CameraCheckCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.cfg = ctx.profile.section("camera", DEFAULTS)
        self.source_text = ""
        self.last_result: Any = None
        self.saved_id: int | None = None
        self._workers = CardWorkers()
        self._bridge = _Bridge(self)
        self._bridge.devices.connect(self._on_devices)
        self._bridge.saved.connect(self._on_saved)
        self.camera = QtCamera(self.cfg, self)
        self.camera.frame.connect(self._on_frame)
        self.camera.state.connect(self._on_state)
        self.camera.findings.connect(self._on_live_findings)
        self.camera.condition.connect(self._on_condition)
        # The status bar's camera light and the incident helper find the camera here.
        if ctx.camera is None:
            ctx.camera = self.camera
        self._conditions: dict[str, str] = {}
        self._build()
        self.refresh_devices()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 12)
        root.setSpacing(8)

        self.header = CardHeader(self.tr("Camera & lighting"))
        self.verdict = self.header.verdict
        root.addWidget(self.header)

        pick = QHBoxLayout()
        self.source_box = QComboBox()
        self.source_box.setEditable(True)
        self.source_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.source_box.setMinimumContentsLength(16)
        self.source_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        editor = self.source_box.lineEdit()
        assert editor is not None  # an editable combo box always has its line edit
        editor.setPlaceholderText(
            self.tr("Camera number, stream URL (rtsp://, udp://, http://) or video file")
        )
        self.source_box.setAccessibleName(self.tr("Camera source"))
        editor.returnPressed.connect(self.start)
        pick.addWidget(self.source_box, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Look for cameras again"))
        self.refresh_button.clicked.connect(self.refresh_devices)
        pick.addWidget(self.refresh_button)
        self.file_button = QPushButton(self.tr("File…"))
        self.file_button.setToolTip(self.tr("Check a recorded video instead of a live camera"))
        self.file_button.clicked.connect(self._choose_file)
        pick.addWidget(self.file_button)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self._toggle)
        pick.addWidget(self.start_button)
        root.addLayout(pick)

        self.state_label = QLabel(self.tr("Looking for cameras…"))
        self.state_label.setWordWrap(True)
        root.addWidget(self.state_label)

        self.preview = CameraPreview(self)
        self._preview_wanted: int | bool | None = False  # False: not told the camera yet
        self.preview.shown_width.connect(lambda _width: self._sync_preview())
        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_POLL_MS)
        self._preview_timer.timeout.connect(self._sync_preview)
        self._preview_timer.start()
        self._sync_preview()
        self.preview.clear(self.tr("Pick a camera, a stream URL or a video file, then press Start"))
        root.addWidget(self.preview)

        self.findings = FindingsChecklist(
            CAMERA_CHECKS, self.check_names(), self.tr("n/a"), tooltips=True
        )
        self.checklist, self.rows = self.findings.grid, self.findings.rows
        root.addWidget(self.findings)

        bottom = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run check"))
        self.run_button.setToolTip(
            self.tr("Save the last few seconds' findings as this show's camera check")
        )
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.run_check)
        bottom.addWidget(self.run_button)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        bottom.addWidget(self.saved_label, 1)
        root.addLayout(bottom)
        root.addStretch(1)  # spare height goes below the checklist, not into black bars

    def check_names(self) -> dict[str, str]:
        return {
            "fps": self.tr("Frame rate"),
            "resolution": self.tr("Resolution"),
            "focus": self.tr("Focus"),
            "exposure": self.tr("Exposure"),
            "white_balance": self.tr("White balance"),
            "flicker": self.tr("Flicker"),
            "frozen": self.tr("Frozen picture"),
            "black": self.tr("Black frames"),
            "lighting_balance": self.tr("Lighting balance"),
        }

    def message_templates(self) -> dict[str, str]:
        """MESSAGES of studio.devices.camera.evaluate in the UI language (same keys, same
        {placeholders}); the templates are marked in the core and translated in findings_zh_CN."""
        from studio.devices.camera.evaluate import MESSAGES

        return {k: QCoreApplication.translate(t.context, t) for k, t in MESSAGES.items()}

    # -- sources ---------------------------------------------------------------------------
    def refresh_devices(self) -> None:
        """List cameras on a worker: probing opens each device, which can take a while."""
        self.refresh_button.setEnabled(False)

        def work() -> None:
            from studio.devices.camera.sources import list_devices

            try:
                found, error = list_devices(), ""
            except Exception as exc:  # a broken driver must not break the card
                log.exception("camera listing failed")
                found, error = [], str(exc)
            self._workers.emit(self._bridge.devices, found, error)

        self._workers.spawn(work, "camera-devices")

    def _on_devices(self, found: list[Any], error: str) -> None:
        self.refresh_button.setEnabled(True)
        typed = self.source_box.currentText()
        self.source_box.clear()
        for dev in found:
            self.source_box.addItem(dev.label, str(dev.index))
        remembered = self._remembered()
        if remembered and self.source_box.findData(remembered) < 0:
            self.source_box.addItem(remembered, remembered)
        pick = typed or remembered
        idx = self.source_box.findData(pick) if pick else -1
        if idx >= 0:
            self.source_box.setCurrentIndex(idx)
        elif pick:
            self.source_box.setEditText(pick)
        if self.camera.running:
            return
        if error:
            self.state_label.setText(self.tr("Could not list cameras: %1").replace("%1", error))
        elif not found:
            self.state_label.setText(
                self.tr(
                    "No camera found. Plug one in and press Refresh, "
                    "or enter a stream URL or video file."
                )
            )
        else:
            self.state_label.setText(self.tr("%n camera(s) found. Press Start.", "", len(found)))

    def _remembered(self) -> str:
        s = self.ctx.settings
        s.beginGroup(SETTINGS_GROUP)
        try:
            return str(setting_str(s, "source", ""))
        finally:
            s.endGroup()

    def _remember(self, source: str) -> None:
        s = self.ctx.settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("source", source)
        s.endGroup()

    def current_source(self) -> str:
        idx = self.source_box.currentIndex()
        text = self.source_box.currentText().strip()
        if idx >= 0 and self.source_box.itemText(idx) == text:
            return str(self.source_box.itemData(idx) or text)
        return text

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a video"),
            "",
            self.tr("Video files (*.mp4 *.mov *.mkv *.avi *.ts *.flv *.webm)"),
        )
        if path:
            self.source_box.setEditText(path)
            self.start()

    # -- running ---------------------------------------------------------------------------
    def _toggle(self) -> None:
        if self.camera.running:
            self.stop()
        else:
            self.start()

    def start(self, source: str | None = None) -> None:
        from studio.devices.camera.sources import SourceError, parse_source

        text = source if source is not None else self.current_source()
        if source is not None:
            self.source_box.setEditText(source)
        try:
            spec = parse_source(text)
        except SourceError as exc:
            self._show_state("fail", str(exc))
            return
        self.source_text = text
        self._remember(text)
        self._conditions.clear()
        self.preview.set_banner("")
        self.preview.clear(self.tr("Opening %1…").replace("%1", spec.label))
        self.camera.start(spec)
        self.start_button.setText(self.tr("Stop"))

    def stop(self) -> None:
        self.camera.stop()
        self.start_button.setText(self.tr("Start"))
        self.run_button.setEnabled(False)
        self.preview.set_banner("")
        self.preview.clear(self.tr("Stopped. Press Start to see the camera again."))

    def _show_state(self, level: str, text: str) -> None:
        colour = {"fail": STATUS_COLOURS["fail"], "warn": STATUS_COLOURS["warn"]}.get(level)
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: 700;" if colour else "")
        self.state_label.setText(text)

    def _on_state(self, state: str, message: str) -> None:
        if state == "lost":
            self.preview.set_banner(self.tr("Camera lost — reconnecting…"))
            # The worker's error text is English detail: a tooltip, not the headline.
            self._show_state(
                "fail",
                self.tr("Camera lost — reconnecting… (%1)").replace("%1", self.source_text),
            )
            self.state_label.setToolTip(message)
        elif state == "opening":
            self._show_state("", self.tr("Opening %1…").replace("%1", self.source_text))
        elif state == "running":
            self.preview.set_banner("")
            self._show_state("", self._format_info())
        elif state == "ended":
            self._show_state("warn", self.tr("The video ended."))
        elif state == "stopped":
            self._show_state("", self.tr("Stopped."))

    def _format_info(self) -> str:
        cap = self.camera.capture
        info = cap.info if cap is not None else None
        if info is None:
            return self.tr("Live")
        text = self.tr("Live: %1x%2").replace("%1", str(info.width)).replace("%2", str(info.height))
        if info.fps:
            text += " @ " + self.tr("%1 fps").replace("%1", f"{info.fps:.1f}")
        if info.requested_width and info.requested_height:
            text += " " + self.tr("(asked %1x%2)").replace("%1", str(info.requested_width)).replace(
                "%2", str(info.requested_height)
            )
        if info.backend:
            text += f" · {info.backend}"
        return text

    def _on_frame(self, image: QImage, result: Any) -> None:
        self.preview.set_frame(image, result)
        if not self.run_button.isEnabled() and self.camera.running:
            self.run_button.setEnabled(True)

    def _sync_preview(self) -> None:
        """Tell the camera the preview's width on screen when it changed (None: not on screen,
        so the analysis only watches for the live alarms)."""
        wanted = self.preview.wanted_width()
        if wanted != self._preview_wanted:
            self._preview_wanted = wanted
            self.camera.set_preview_width(wanted)

    def _on_live_findings(self, result: Any) -> None:
        """The rolling check: a second of picture is there to save, shown or not."""
        self.show_result(result)
        if not self.run_button.isEnabled() and self.camera.running:
            self.run_button.setEnabled(True)

    def _on_condition(self, key: str, active: bool, message: str) -> None:
        if active:
            self._conditions[key] = condition_text(key, message)
        else:
            self._conditions.pop(key, None)
        lost = self._conditions.get("camera.lost")
        others = [m for k, m in self._conditions.items() if k != "camera.lost"]
        if lost is None:
            self.preview.set_banner(
                self.tr("Picture problem: %1").replace("%1", others[0]) if others else ""
            )

    def show_result(self, result: Any) -> None:
        """Fill the checklist from a CheckResult (rolling window or a saved check)."""
        self.last_result = result
        by_check = {f.check: f for f in result.findings}
        for check in CAMERA_CHECKS:
            f = by_check.get(check)
            self.findings.set_finding(check, f.status if f else None, finding_text(f) if f else "—")
        self.header.set_verdict(result.status)
        self.camera.check_status = result.status

    def finding_text(self, finding: Any, reasons: list[Any] | None = None) -> str:
        """The finding's message in the UI language (English from the core as a fallback)."""
        return finding_text(finding)

    # -- saving ----------------------------------------------------------------------------
    def run_check(self) -> None:
        """Summarise the last seconds and save them as a DeviceCheck, off the GUI thread."""
        live = self.camera.live
        if live is None:
            return
        self.run_button.setEnabled(False)
        self.saved_label.setText(self.tr("Saving the check…"))
        store, show_id = self.ctx.store, self.ctx.show_id

        def work() -> None:
            from studio.devices.checks_store import save_check

            try:
                result = live.snapshot("camera")
                if result is None:
                    self._workers.emit(
                        self._bridge.saved,
                        None,
                        None,
                        self.tr("not enough picture yet, wait a second"),
                    )
                    return
                check_id = save_check(
                    store, "camera", result.source, result.metrics, result.findings, show_id=show_id
                )
            except Exception as exc:  # the database may be locked or gone
                log.exception("saving the camera check failed")
                self._workers.emit(self._bridge.saved, None, None, str(exc))
                return
            self._workers.emit(self._bridge.saved, check_id, result, "")

        self._workers.spawn(work, "camera-save")

    def _on_saved(self, check_id: int | None, result: Any, error: str) -> None:
        self.run_button.setEnabled(self.camera.running)
        if error or check_id is None:
            self.saved_label.setText(self.tr("Not saved: %1").replace("%1", error))
            return
        self.saved_id = check_id
        self.show_result(result)
        words = status_words()
        self.saved_label.setText(
            self.tr("Saved check #%1: %2")
            .replace("%1", str(check_id))
            .replace("%2", words[result.status])
        )

    # -- lifetime --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the camera and every worker; the main window calls this on quit."""
        self._workers.closing = True
        self._preview_timer.stop()
        if self.ctx.camera is self.camera:
            self.ctx.camera = None
        self.camera.shutdown()
        self._workers.close(5.0)

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)
