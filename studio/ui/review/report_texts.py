"""The texts a review borrows, in the review's language: automatic incident texts and device-check
findings, rendered from their translation keys exactly as the live panels render them
(the same functions of studio.ui.common.texts: marked templates + parameters, conditions read
back from their English), looked up in a `studio.texts.TsCatalog` of the report's language (the
one catalogue the commands use too) instead of the application's installed translators, because
a report may be written in a language other than the UI's (`studio report --lang zh_CN` has no
UI at all) and on a worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.review.model import IncidentRef
from studio.review.tables import Wording
from studio.texts import TsCatalog
from studio.ui.common.texts import Translate, condition_text, finding_text


def incident_text(incident: IncidentRef, translate: Translate) -> str:
    """What a person wrote stays as written; an automatic incident's text is translated."""
    if incident.source != "auto" or not incident.condition_key:
        return incident.text
    return condition_text(incident.condition_key, incident.text, translate)


def wording(lang: str, translate: Translate | None = None) -> Wording:
    """The review's borrowed texts in `lang`: through `translate` when given (the UI passes the
    application's own, `QCoreApplication.translate`), else through a `TsCatalog` of `lang`."""
    tr = translate or TsCatalog(lang).translate
    return Wording(
        incident=lambda i: incident_text(i, tr),
        finding=lambda f: finding_text(f, tr),
    )


def ui_wording() -> Wording:
    """The borrowed texts in the UI's language (the installed translators)."""
    return wording("", QCoreApplication.translate)
