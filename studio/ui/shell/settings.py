"""QSettings in one INI file in the config folder (tests point that folder at tmp_path)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from studio import paths
from studio.ui.common.settings_values import setting_int

SETTINGS_VERSION = 1

# Preferences → the products board follows the rundown (the runner reads it at start; kept here,
# not in preferences.py, so the start does not import the dialog and the prompter with it).
PRODUCTS_FOLLOW_KEY = "products/follow_rundown"


def open_settings() -> QSettings:
    path = paths.config_dir() / "studio.ini"
    paths.private_file(path)  # settings hold the OBS host and the like: owner only
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    migrate_settings(settings)
    return settings


def migrate_settings(settings: QSettings) -> None:
    """Upgrade settings written by an older version; a no-op until the layout changes."""
    version = setting_int(settings, "meta/version", 0)
    if version < SETTINGS_VERSION:
        settings.setValue("meta/version", SETTINGS_VERSION)
