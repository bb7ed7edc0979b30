"""The texts a review borrows, in the review's language: automatic incident texts and device-check
findings, rendered from their translation keys exactly as the live panels render them
(studio.ui.common.texts: marked templates + parameters, conditions read back from their
English), with one difference: the translations are looked up in a `Catalog` of the report's
language instead of the application's installed translators, because a report may be written
in a language other than the UI's (`studio report --lang zh_CN` has no UI at all) and on a
worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator

from studio.devices.findings import stored_texts
from studio.i18n_marks import Message
from studio.paths import resources_dir
from studio.review.model import IncidentRef
from studio.review.tables import Wording
from studio.ui.common.texts import condition_templates, parse

log = logging.getLogger(__name__)
Translate = Callable[[str, str], str]  # (context, source text) -> text in the language
_COUNTED_SUFFIX = " (×"  # studio.incidents.auto.counted_text: "message (×N)"
_FULL_WIDTH_END = ("。", "！", "？", "；")


class Catalog:
    """Every feature's .qm of one language, asked directly (never installed in the app)."""

    def __init__(self, lang: str, folder: Path | None = None) -> None:
        self.lang = lang
        self._translators: list[QTranslator] = []
        if lang == "en":  # English is the source language
            return
        folder = folder or resources_dir() / "translations"
        for path in sorted(folder.glob(f"*_{lang}.qm")):
            translator = QTranslator()
            if translator.load(str(path)):
                self._translators.append(translator)
            else:
                log.warning("could not load translation %s", path)

    def translate(self, context: str, text: str) -> str:
        for translator in self._translators:
            out = translator.translate(context, text)
            if out:
                return out
        return text


def render(message: Message, translate: Translate) -> str:
    """`message` through `translate`; its English when the translation does not format."""
    params = {
        k: render(v, translate) if isinstance(v, Message) else v for k, v in message.params.items()
    }
    try:
        return translate(message.context, message.key).format(**params)
    except (KeyError, ValueError, IndexError):
        pass
    try:
        return message.english()
    except (KeyError, ValueError, IndexError):
        return message.key


def finding_text(finding: Mapping[str, Any], translate: Translate) -> str:
    """A stored finding's message; as stored when it carries no translation keys."""
    stored = stored_texts(finding)
    if stored is None:
        return str(finding.get("message", ""))
    parts, sep = stored
    between = translate("FindingText", "; ") if sep == "; " else sep
    texts = [render(p, translate) for p in parts]
    out = texts[0]
    for text in texts[1:]:  # as studio.ui.common.texts.join_texts, with this separator
        run_on = out.endswith(_FULL_WIDTH_END) and between.strip() in ("", "；")
        out += ("" if run_on else between) + text
    return out


def condition_text(key: str | None, text: str, translate: Translate) -> str:
    """A monitor condition's English `text` (maybe counted "(×N)") in the catalogue's language,
    when one of condition `key`'s templates explains it; otherwise as written."""
    if not key or not text:
        return text
    head, mark, tail = text.rpartition(_COUNTED_SUFFIX)
    if mark and tail.endswith(")") and tail[:-1].isdigit():
        return f"{condition_text(key, head, translate)}{mark}{tail}"
    for template in condition_templates().get(key, ()):
        params = parse(template, text)
        if params is None:
            continue
        for name, value in params.items():
            if isinstance(value, str):
                inner = condition_text(key, value, translate) if name == "message" else value
                params[name] = inner if inner != value else translate(template.context, value)
        return render(Message(template.context, str(template), params), translate)
    return text


def incident_text(incident: IncidentRef, translate: Translate) -> str:
    """What a person wrote stays as written; an automatic incident's text is translated."""
    if incident.source != "auto" or not incident.condition_key:
        return incident.text
    return condition_text(incident.condition_key, incident.text, translate)


def wording(lang: str, translate: Translate | None = None) -> Wording:
    """The review's borrowed texts in `lang`: through `translate` when given (the UI passes the
    application's own, `QCoreApplication.translate`), else through a `Catalog` of `lang`."""
    tr = translate or Catalog(lang).translate
    return Wording(
        incident=lambda i: incident_text(i, tr),
        finding=lambda f: finding_text(f, tr),
    )


def ui_wording() -> Wording:
    """The borrowed texts in the UI's language (the installed translators)."""
    return wording("", QCoreApplication.translate)
