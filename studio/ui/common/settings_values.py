"""Typed reads of QSettings: `value()` is typed `object`, and a remembered value may be from an
older version or hand-edited, so each read says what it expects and falls back to the default."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


def setting_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default, type=bool)
    return value if isinstance(value, bool) else default


def setting_int(settings: QSettings, key: str, default: int) -> int:
    value = settings.value(key, default, type=int)
    return value if isinstance(value, int) else default


def setting_str(settings: QSettings, key: str, default: str) -> str:
    value = settings.value(key, default, type=str)
    return value if isinstance(value, str) else default


def setting_bytes(settings: QSettings, key: str) -> QByteArray:
    value = settings.value(key, QByteArray(), type=QByteArray)
    return value if isinstance(value, QByteArray) else QByteArray()
