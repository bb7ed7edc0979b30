"""The audience desk's words in the UI: topics, kinds, statuses (translated)."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

from studio.i18n_marks import QT_TRANSLATE_NOOP

CONTEXT: Final = "AudienceLabels"
TOPICS: Final = {
    "price": QT_TRANSLATE_NOOP("AudienceLabels", "Price"),
    "size": QT_TRANSLATE_NOOP("AudienceLabels", "Size"),
    "colour": QT_TRANSLATE_NOOP("AudienceLabels", "Colour"),
    "stock": QT_TRANSLATE_NOOP("AudienceLabels", "Stock"),
    "shipping": QT_TRANSLATE_NOOP("AudienceLabels", "Shipping"),
    "usage": QT_TRANSLATE_NOOP("AudienceLabels", "Usage"),
    "ingredients": QT_TRANSLATE_NOOP("AudienceLabels", "Ingredients"),
    "coupon": QT_TRANSLATE_NOOP("AudienceLabels", "Coupon"),
    "link": QT_TRANSLATE_NOOP("AudienceLabels", "Link"),
}
KINDS: Final = {
    "question": QT_TRANSLATE_NOOP("AudienceLabels", "Question"),
    "after_sales": QT_TRANSLATE_NOOP("AudienceLabels", "After-sales"),
    "purchase_intent": QT_TRANSLATE_NOOP("AudienceLabels", "Wants to buy"),
    "complaint": QT_TRANSLATE_NOOP("AudienceLabels", "Complaint"),
    "praise": QT_TRANSLATE_NOOP("AudienceLabels", "Praise"),
    "other": QT_TRANSLATE_NOOP("AudienceLabels", "Other"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def topic_label(topic: str | None) -> str:
    return _tr(TOPICS[topic]) if topic in TOPICS else "—"


def kind_label(kind: str | None) -> str:
    return _tr(KINDS[kind]) if kind in KINDS else "—"
