"""Words the GUI shows for a finding, marked for translation (lupdate reads QT_TRANSLATE_NOOP
calls from this file; the UI renders the Messages in its language)."""

from __future__ import annotations

from typing import Final

from studio.i18n_marks import QT_TRANSLATE_NOOP, Message, Template

CATEGORY: Final[dict[str, Template]] = {
    "absolute": QT_TRANSLATE_NOOP("Compliance", "absolute claim"),
    "price_claim": QT_TRANSLATE_NOOP("Compliance", "price claim"),
    "medical_efficacy": QT_TRANSLATE_NOOP("Compliance", "medical or efficacy claim"),
    "guarantee": QT_TRANSLATE_NOOP("Compliance", "guarantee"),
    "inducement": QT_TRANSLATE_NOOP("Compliance", "inducement"),
    "off_platform": QT_TRANSLATE_NOOP("Compliance", "off-platform dealing"),
    "platform_custom": QT_TRANSLATE_NOOP("Compliance", "platform rule"),
}
SEVERITY: Final[dict[str, Template]] = {
    "block": QT_TRANSLATE_NOOP("Compliance", "banned"),
    "warn": QT_TRANSLATE_NOOP("Compliance", "risky"),
}
HINT = QT_TRANSLATE_NOOP("Compliance", "{term}: {category}, {severity}. Say instead: {suggestion}")
HINT_NO_SUGGESTION = QT_TRANSLATE_NOOP("Compliance", "{term}: {category}, {severity}")


def hint(term: str, category: str, severity: str, suggestion: str) -> Message:
    """The tooltip of an underlined term (the suggestion itself is Chinese, as spoken)."""
    params = {
        "term": term,
        "category": CATEGORY[category]() if category in CATEGORY else category,
        "severity": SEVERITY[severity]() if severity in SEVERITY else severity,
    }
    if suggestion:
        return HINT(**params, suggestion=suggestion)
    return HINT_NO_SUGGESTION(**params)
