"""The encoder check card: where OBS is (host, port, masked password), the connection state,
and the pre-show encoder check's findings (saved as a DeviceCheck of kind "obs").

The card uses the app's encoder link (`ctx.services["encoder"]`) when there is one, else a link
of its own that only connects (no monitoring). The check runs on a worker thread.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.obs import config as obs_config
from studio.obs.check import CHECKS
from studio.obs.thresholds import DEFAULTS
from studio.ui.checks.texts import finding_text
from studio.ui.context import AppContext
from studio.ui.qt_obs import QtObsLink
from studio.ui.theme import STATUS_COLOURS

log = logging.getLogger(__name__)

GLYPH = {"pass": "●", "warn": "▲", "fail": "✖"}
STATE_LEVEL = {
    "connected": "pass",
    "connecting": "warn",
    "disconnected": "fail",
    "auth_failed": "fail",
}


class _Bridge(QObject):
    checked = Signal(object, object, str)  # check id | None, ObsCheckResult | None, error


class ObsCheckCard(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ObsCheckCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.cfg = ctx.profile.section("obs", DEFAULTS)
        self.last_result: Any = None
        self.saved_id: int | None = None
        self._worker: threading.Thread | None = None
        self._closing = False
        self._bridge = _Bridge(self)
        self._bridge.checked.connect(self._on_checked)
        shared = ctx.services.get("encoder")
        self._own_link = not isinstance(shared, QtObsLink)
        self.link: QtObsLink = (
            QtObsLink.from_context(ctx, monitor=False, parent=self) if self._own_link else shared
        )
        self.link.state_changed.connect(self._on_state)
        self._build()
        self._on_state(self.link.state.value, self.link.client.message)
        # A station that never set up OBS does not knock on localhost:4455 every second.
        if not self._own_link or obs_config.is_configured():
            self.link.start()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 12)
        root.setSpacing(8)

        head = QHBoxLayout()
        title = QLabel(self.tr("Encoder (OBS)"))
        f = QFont(title.font())
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        title.setFont(f)
        head.addWidget(title)
        head.addStretch(1)
        self.verdict = QLabel()
        head.addWidget(self.verdict)
        root.addLayout(head)

        cfg = obs_config.load()
        form = QFormLayout()
        self.host_edit = QLineEdit(cfg.host)
        self.host_edit.setAccessibleName(self.tr("OBS host"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(cfg.port)
        self.port_spin.setAccessibleName(self.tr("obs-websocket port"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("obs-websocket password"))
        self._set_password_hint(cfg.has_password)
        self.password_edit.returnPressed.connect(self.save_and_connect)
        form.addRow(self.tr("Host"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Password"), self.password_edit)
        root.addLayout(form)

        buttons = QHBoxLayout()
        self.connect_button = QPushButton(self.tr("Save && connect"))
        self.connect_button.setToolTip(
            self.tr("Save the address and password (keyring or private file), then reconnect")
        )
        self.connect_button.clicked.connect(self.save_and_connect)
        buttons.addWidget(self.connect_button)
        self.run_button = QPushButton(self.tr("Run check"))
        self.run_button.setToolTip(self.tr("Check OBS now and save the result for this show"))
        self.run_button.clicked.connect(self.run_check)
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        root.addLayout(buttons)

        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        root.addWidget(self.state_label)

        self.checklist = QGridLayout()
        self.checklist.setHorizontalSpacing(10)
        self.checklist.setVerticalSpacing(4)
        self.checklist.setColumnStretch(2, 1)
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        names = self.check_names()
        for i, check in enumerate(CHECKS):
            chip, name, msg = QLabel(), QLabel(names[check]), QLabel("—")
            chip.setMinimumWidth(72)
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setStyleSheet("font-weight: 600;")
            msg.setWordWrap(True)
            msg.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self._set_chip(chip, None)
            self.checklist.addWidget(chip, i, 0, Qt.AlignmentFlag.AlignTop)
            self.checklist.addWidget(name, i, 1, Qt.AlignmentFlag.AlignTop)
            self.checklist.addWidget(msg, i, 2)
            self.rows[check] = (chip, name, msg)
        root.addLayout(self.checklist)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        root.addWidget(self.saved_label)
        root.addStretch(1)
        self._set_verdict(None)

    def check_names(self) -> dict[str, str]:
        return {
            "reachable": self.tr("Reachable"),
            "output_format": self.tr("Output format"),
            "program_black": self.tr("Program black"),
            "program_frozen": self.tr("Program frozen"),
            "disk": self.tr("Recording disk"),
            "stream_configured": self.tr("Stream set up"),
        }

    def status_words(self) -> dict[str, str]:
        return {"pass": self.tr("PASS"), "warn": self.tr("WARN"), "fail": self.tr("FAIL")}

    def state_words(self) -> dict[str, str]:
        return {
            "connected": self.tr("Connected"),
            "connecting": self.tr("Connecting…"),
            "disconnected": self.tr("Not connected"),
            "auth_failed": self.tr("Password refused"),
        }

    def _set_password_hint(self, stored: bool) -> None:
        self.password_edit.setPlaceholderText(
            self.tr("Stored (type to replace)")
            if stored
            else self.tr("As in OBS: Tools › WebSocket Server Settings")
        )

    def _paint(self, label: QLabel, status: str | None, text: str, pad: str = "2px 8px") -> None:
        colour = STATUS_COLOURS[status] if status else STATUS_COLOURS["off"]
        fg = "#101010" if status in ("pass", "warn") else "#ffffff"
        label.setText(text)
        label.setStyleSheet(
            f"QLabel {{ background: {colour}; color: {fg}; border-radius: 4px;"
            f" padding: {pad}; font-weight: 700; }}"
        )

    def _set_chip(self, chip: QLabel, status: str | None) -> None:
        if status is None:
            self._paint(chip, None, "○ " + self.tr("n/a"))
        else:
            self._paint(chip, status, f"{GLYPH[status]} {self.status_words()[status]}")

    def _set_verdict(self, status: str | None) -> None:
        if status is None:
            self._paint(self.verdict, None, "○ " + self.tr("Not checked"), "3px 10px")
        else:
            text = f"{GLYPH[status]} {self.status_words()[status]}"
            self._paint(self.verdict, status, text, "3px 10px")

    # -- connection -----------------------------------------------------------------------------
    def _on_state(self, state: str, message: str) -> None:
        word = self.state_words().get(state, state)
        level = STATE_LEVEL.get(state, "fail")
        address = self.link.client.config.address
        if state == "connected":
            detail = self.tr("OBS %1 at %2").replace("%1", self.link.client.info.obs_version)
        elif state == "connecting":
            detail = self.tr("Connecting to %2…")
        elif state == "auth_failed":
            detail = self.tr(
                "OBS refused the password: check it in OBS, Tools › WebSocket Server Settings"
            )
        else:
            detail = self.tr(
                "Cannot reach OBS at %2: start OBS and tick Tools › WebSocket Server Settings › Enable"
            )
        self.state_label.setText(f"{GLYPH[level]} {word} — {detail.replace('%2', address)}")
        # The client's own (English, technical) reason stays one hover away.
        self.state_label.setToolTip(message)
        colour = STATUS_COLOURS[level]
        self.state_label.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: 600; }}")

    def save_and_connect(self) -> None:
        typed = self.password_edit.text()
        try:
            saved = obs_config.save(
                self.host_edit.text(), self.port_spin.value(), typed if typed else None
            )
        except obs_config.ConfigError as exc:
            self.state_label.setText("✖ " + str(exc))
            return
        except OSError as exc:
            self.state_label.setText(
                "✖ " + self.tr("Cannot save the settings: %1").replace("%1", str(exc))
            )
            return
        self.password_edit.clear()  # never keep the password on screen or in the widget
        self._set_password_hint(saved.has_password)
        self.link.start()
        self.link.reconfigure(saved)

    # -- the check ------------------------------------------------------------------------------
    def run_check(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            return
        self.run_button.setEnabled(False)
        self.saved_label.setText(self.tr("Checking OBS…"))
        client, store, cfg = self.link.client, self.ctx.store, dict(self.cfg)
        show_id = self.ctx.show_id

        def work() -> None:
            from studio.devices.checks_store import save_check
            from studio.obs.check import run_check

            try:
                result = run_check(client, cfg)
                check_id = save_check(
                    store, "obs", result.source, result.metrics, result.findings, show_id=show_id
                )
            except Exception as exc:  # shown on the card; the app keeps running
                log.exception("OBS check failed")
                self._emit(None, None, str(exc))
                return
            self._emit(check_id, result, "")

        self._worker = threading.Thread(target=work, name="obs-check", daemon=True)
        self._worker.start()

    def _emit(self, check_id: int | None, result: Any, error: str) -> None:
        if not self._closing:
            self._bridge.checked.emit(check_id, result, error)

    def _on_checked(self, check_id: int | None, result: Any, error: str) -> None:
        self.run_button.setEnabled(True)
        if error:
            self.saved_label.setText(
                "✖ " + self.tr("The check could not run: %1").replace("%1", error)
            )
            return
        self.show_result(result)
        self.saved_id = check_id
        self.saved_label.setText(self.tr("Saved as check #%1").replace("%1", str(check_id)))

    def show_result(self, result: Any) -> None:
        self.last_result = result
        for f in result.findings:
            row = self.rows.get(f.check)
            if row is None:
                continue
            chip, _name, msg = row
            self._set_chip(chip, f.status)
            msg.setText(finding_text(f))
        self._set_verdict(result.status)

    def shutdown(self) -> None:
        """Stop the check worker and, if the card owns its link, the connection."""
        self._closing = True
        if self._worker is not None:
            self._worker.join(15)
        if self._own_link:
            self.link.shutdown()
