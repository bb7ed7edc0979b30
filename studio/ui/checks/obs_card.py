"""The encoder check card: where OBS is (host, port, masked password), the connection state,
and the pre-show encoder check's findings (saved as a DeviceCheck of kind "obs").

The card uses the app's encoder link (`ctx.encoder`) when there is one, else a link
of its own that only connects (no monitoring). The check runs on a worker thread.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.obs import config as obs_config
from studio.obs.obs_check import CHECKS
from studio.obs.thresholds import DEFAULTS
from studio.ui.checks.check_card import GLYPH, CardHeader, CardWorkers, FindingsChecklist
from studio.ui.common.context import AppContext
from studio.ui.common.texts import finding_text
from studio.ui.common.theme import STATUS_COLOURS
from studio.ui.obs.qt_obs import QtObsLink

log = logging.getLogger(__name__)

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
        self._workers = CardWorkers()
        self._bridge = _Bridge(self)
        self._bridge.checked.connect(self._on_checked)
        shared = ctx.encoder
        self._own_link = shared is None
        self.link: QtObsLink = (
            shared
            if shared is not None
            else QtObsLink.from_context(ctx, monitor=False, parent=self)
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

        self.header = CardHeader(self.tr("Encoder (OBS)"))
        self.verdict = self.header.verdict
        root.addWidget(self.header)

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

        self.findings = FindingsChecklist(CHECKS, self.check_names(), self.tr("n/a"))
        self.checklist, self.rows = self.findings.grid, self.findings.rows
        root.addWidget(self.findings)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        root.addWidget(self.saved_label)
        root.addStretch(1)

    def check_names(self) -> dict[str, str]:
        return {
            "reachable": self.tr("Reachable"),
            "output_format": self.tr("Output format"),
            "program_black": self.tr("Program black"),
            "program_frozen": self.tr("Program frozen"),
            "disk": self.tr("Recording disk"),
            "stream_configured": self.tr("Stream set up"),
        }

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
        if self._workers.busy():
            return
        self.run_button.setEnabled(False)
        self.saved_label.setText(self.tr("Checking OBS…"))
        client, store, cfg = self.link.client, self.ctx.store, dict(self.cfg)
        show_id = self.ctx.show_id

        def work() -> None:
            from studio.devices.checks_store import save_check
            from studio.obs.obs_check import run_check

            try:
                result = run_check(client, cfg)
                check_id = save_check(
                    store, "obs", result.source, result.metrics, result.findings, show_id=show_id
                )
            except Exception as exc:  # shown on the card; the app keeps running
                log.exception("OBS check failed")
                self._workers.emit(self._bridge.checked, None, None, str(exc))
                return
            self._workers.emit(self._bridge.checked, check_id, result, "")

        self._workers.spawn(work, "obs-check")

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
            self.findings.set_finding(f.check, f.status, finding_text(f))
        self.header.set_verdict(result.status)

    def shutdown(self) -> None:
        """Stop the check worker and, if the card owns its link, the connection."""
        self._workers.close(15)
        if self._own_link:
            self.link.shutdown()
