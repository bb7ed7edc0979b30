"""QSettings in one INI file in the config folder (tests point that folder at tmp_path)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from studio import paths

SETTINGS_VERSION = 1


def open_settings() -> QSettings:
    settings = QSettings(str(paths.config_dir() / "studio.ini"), QSettings.Format.IniFormat)
    migrate_settings(settings)
    return settings


def migrate_settings(settings: QSettings) -> None:
    """Upgrade settings written by an older version; a no-op until the layout changes."""
    version = settings.value("meta/version", 0, type=int)
    if version < SETTINGS_VERSION:
        settings.setValue("meta/version", SETTINGS_VERSION)
