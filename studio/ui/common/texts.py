"""The core's English messages in the UI language: `studio.texts` with Qt's installed
translators as the lookup (a report in another language passes its own)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from studio import texts
from studio.devices.findings import Finding
from studio.i18n_marks import Message
from studio.texts import Translate, condition_templates, parse

__all__ = [
    "UI",
    "Translate",
    "condition_templates",
    "condition_text",
    "finding_text",
    "join_texts",
    "parse",
    "separator",
    "tr_message",
]

UI: Translate = QCoreApplication.translate


def tr_message(message: Message, translate: Translate = UI) -> str:
    return texts.render(message, translate)


def finding_text(finding: Finding | Mapping[str, Any], translate: Translate = UI) -> str:
    return texts.finding_text(finding, translate)


def join_texts(parts: list[str], sep: str, translate: Translate = UI) -> str:
    return texts.join_texts(parts, sep, translate)


def separator(sep: str, translate: Translate = UI) -> str:
    return texts.separator(sep, translate)


def condition_text(key: str | None, text: str, translate: Translate = UI) -> str:
    return texts.condition_text(key, text, translate)
