"""Preferences: language, theme, station role and the prompter's font size and mirror (all
remembered in QSettings; the prompter's take effect at once on an open prompter)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from studio.ui.anchor.window import (
    FONT_SCALE_KEY,
    FONT_SCALE_MAX,
    FONT_SCALE_MIN,
    MIRROR_KEY,
    AnchorWindow,
    font_scale_setting,
)
from studio.ui.common.context import AppContext
from studio.ui.common.settings_values import setting_bool, setting_int, setting_str
from studio.ui.shell.settings import PRODUCTS_FOLLOW_KEY

__all__ = ["PRODUCTS_FOLLOW_KEY", "PreferencesDialog"]


class PreferencesDialog(QDialog):
    def __init__(self, ctx: AppContext, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.language_box = QComboBox()
        self.language_box.addItem("中文（简体）", "zh_CN")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        form.addRow(self.tr("Language"), self.language_box)
        self.theme_box = QComboBox()
        self.theme_box.addItem(self.tr("Dark (studio)"), "dark")
        self.theme_box.addItem(self.tr("Light (office)"), "light")
        current_theme = setting_str(ctx.settings, "ui/theme", "dark")
        self.theme_box.setCurrentIndex(max(self.theme_box.findData(current_theme), 0))
        form.addRow(self.tr("Theme"), self.theme_box)
        self.role_box = QComboBox()
        for role, label in (
            ("controller", self.tr("Controller")),
            ("anchor", self.tr("Anchor")),
            ("tech", self.tr("Studio tech")),
            ("review", self.tr("Review")),
        ):
            self.role_box.addItem(label, role)
        role_now = setting_str(ctx.settings, "station/role", "controller")
        self.role_box.setCurrentIndex(max(self.role_box.findData(role_now), 0))
        form.addRow(self.tr("Station role (next start)"), self.role_box)
        self.record = QCheckBox(self.tr("Start and stop the OBS recording with the show"))
        self.record.setChecked(setting_bool(ctx.settings, "obs/record_with_show", False))
        form.addRow(self.tr("Recording"), self.record)
        self.products_follow = QCheckBox(
            self.tr("A segment's product is presented (and its flash sale runs) when it starts")
        )
        self.products_follow.setChecked(setting_bool(ctx.settings, PRODUCTS_FOLLOW_KEY, True))
        form.addRow(self.tr("Products"), self.products_follow)
        self.prompter_font = QSpinBox()
        self.prompter_font.setRange(FONT_SCALE_MIN, FONT_SCALE_MAX)
        self.prompter_font.setSingleStep(10)
        self.prompter_font.setSuffix(" %")
        self.prompter_font.setValue(font_scale_setting(ctx.settings))
        form.addRow(self.tr("Prompter font size"), self.prompter_font)
        self.prompter_mirror = QCheckBox(self.tr("Mirror the prompter (for beam-splitter glass)"))
        # Ctrl+M on the prompter saves the same key, so this box shows its current state.
        self.prompter_mirror.setChecked(setting_bool(ctx.settings, MIRROR_KEY, False))
        form.addRow(self.tr("Prompter"), self.prompter_mirror)
        # The bearer token collectors need for `studio ingest --source http` (POST /v1/samples).
        from studio.metrics.sources.http import load_or_create_token

        token_row = QHBoxLayout()
        self.token = QLineEdit(load_or_create_token())
        self.token.setReadOnly(True)
        self.token.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.token.text()))
        token_row.addWidget(self.token, 1)
        token_row.addWidget(copy)
        form.addRow(self.tr("Access token (ingest and remote control)"), token_row)
        hint = QLabel(self.tr("Collectors POST to http://127.0.0.1:8765/v1/samples with the header "
                              "“Authorization: Bearer <token>” while `studio ingest --source http` "
                              "runs."))  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        self._add_remote_control(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _add_remote_control(self, form: QFormLayout) -> None:
        """The remote-control server: on/off, LAN (token then required), port, token rotation."""
        from studio.ui.shell.api_link import (
            COMPANION_KEY,
            DEFAULT_PORT,
            ENABLED_KEY,
            LAN_KEY,
            OSC_FEEDBACK_KEY,
            OSC_PORT_KEY,
            PORT_KEY,
        )

        s = self.ctx.settings
        self.api_enabled = QCheckBox(self.tr("Serve the remote control, status and browser views"))
        self.api_enabled.setChecked(setting_bool(s, ENABLED_KEY, False))
        form.addRow(self.tr("Remote control"), self.api_enabled)
        self.api_lan = QCheckBox(
            self.tr("Reachable from other computers (every request needs the token)")
        )
        self.api_lan.setChecked(setting_bool(s, LAN_KEY, False))
        form.addRow("", self.api_lan)
        self.api_port = QSpinBox()
        self.api_port.setRange(1024, 65535)
        self.api_port.setValue(setting_int(s, PORT_KEY, DEFAULT_PORT))
        form.addRow(self.tr("Port"), self.api_port)
        # Hardware panels: OSC commands in, cue title and remaining time out (Companion's
        # feedback pattern), and Companion's own UDP remote control for its custom variables.
        self.osc_port = QSpinBox()
        self.osc_port.setRange(0, 65535)
        self.osc_port.setSpecialValueText(self.tr("off"))
        self.osc_port.setValue(setting_int(s, OSC_PORT_KEY, 0))
        form.addRow(self.tr("OSC port (UDP)"), self.osc_port)
        self.osc_feedback = QLineEdit(setting_str(s, OSC_FEEDBACK_KEY, ""))
        self.osc_feedback.setPlaceholderText(self.tr("HOST:PORT, e.g. 127.0.0.1:12321"))
        form.addRow(self.tr("OSC feedback to"), self.osc_feedback)
        self.companion = QLineEdit(setting_str(s, COMPANION_KEY, ""))
        self.companion.setPlaceholderText(self.tr("HOST[:PORT], e.g. 127.0.0.1"))
        form.addRow(self.tr("Companion variables to"), self.companion)
        rotate = QPushButton(self.tr("New token"))
        rotate.setToolTip(self.tr("Replace the token: tablets and Companion need the new one"))
        rotate.clicked.connect(self._rotate_token)
        form.addRow("", rotate)

    def _rotate_token(self) -> None:
        from studio.api.auth import rotate_token

        self.token.setText(rotate_token())

    @property
    def language(self) -> str:
        return str(self.language_box.currentData())

    @property
    def theme(self) -> str:
        return str(self.theme_box.currentData())

    def accept(self) -> None:
        from studio.ui.shell.api_link import (
            COMPANION_KEY,
            ENABLED_KEY,
            LAN_KEY,
            OSC_FEEDBACK_KEY,
            OSC_PORT_KEY,
            PORT_KEY,
            host_port,
        )

        for field, default_port in ((self.osc_feedback, None), (self.companion, 51235)):
            text = field.text().strip()
            if text and host_port(text, default_port) is None:
                QMessageBox.warning(
                    self,
                    self.tr("Preferences"),
                    self.tr(
                        "“%1” is not an address: write HOST:PORT, e.g. 127.0.0.1:12321."
                    ).replace("%1", text),
                )
                field.setFocus()
                field.selectAll()
                return
        s = self.ctx.settings
        s.setValue("ui/theme", self.theme)
        s.setValue("station/role", self.role_box.currentData())
        s.setValue("ui/language", self.language)
        s.setValue("obs/record_with_show", self.record.isChecked())
        s.setValue(PRODUCTS_FOLLOW_KEY, self.products_follow.isChecked())
        if self.ctx.runner is not None:
            self.ctx.runner.products_follow = self.products_follow.isChecked()
        s.setValue(FONT_SCALE_KEY, self.prompter_font.value())
        s.setValue(MIRROR_KEY, self.prompter_mirror.isChecked())
        s.setValue(ENABLED_KEY, self.api_enabled.isChecked())
        s.setValue(LAN_KEY, self.api_lan.isChecked())
        s.setValue(PORT_KEY, self.api_port.value())
        s.setValue(OSC_PORT_KEY, self.osc_port.value())
        s.setValue(OSC_FEEDBACK_KEY, self.osc_feedback.text().strip())
        s.setValue(COMPANION_KEY, self.companion.text().strip())
        # Open prompters take the new size and mirror at once (the app keeps at most one, but
        # finding them here needs no wiring through the shell).
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, AnchorWindow):
                widget.set_font_scale(self.prompter_font.value())
                widget.set_mirror(self.prompter_mirror.isChecked())
        super().accept()
