"""Languages: Simplified Chinese and English via Qt Linguist .qm files.

Every feature ships its own `<feature>_zh_CN.qm` in resources/translations; all are loaded.
English is the source language, so it needs no file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from studio.paths import resources_dir
from studio.ui.common.settings_values import setting_str

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def choose_language(cli: str | None, settings: QSettings) -> str:
    """--lang wins, then the language saved in settings, then $STUDIO_LANG, then the system."""
    for candidate in (
        cli,
        setting_str(settings, "ui/language", ""),
        os.environ.get("STUDIO_LANG"),
    ):
        if candidate in LANGUAGES:
            return candidate
    return system_language()


class Translations:
    """Holds the installed translators so the language can be switched at run time."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        files = sorted(translations_dir().glob(f"*_{language}.qm"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for path in files:
            self._load(str(path), app)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qtbase)
            self._installed.append(qtbase)
        if not files:
            log.warning("no translation files for %s in %s", language, translations_dir())

    def _load(self, path: str, app: QCoreApplication) -> None:
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            self._installed.append(translator)
        else:
            log.warning("could not load translation %s", path)
