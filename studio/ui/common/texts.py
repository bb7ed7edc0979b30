"""The core's English messages in the UI language.

Findings carry their message as marked templates + parameters (studio.i18n_marks): live ones as
`Finding.texts`, saved ones under "i18n" in the DeviceCheck's findings JSON. Both are rendered
here with `QCoreApplication.translate(context, template).format(**params)`.

Monitor conditions reach the GUI (and auto-incidents the database) as plain English text with a
condition key. Each monitor module lists the templates of its keys in `CONDITION_TEXTS`;
`condition_text(key, text)` reads the text back into a template and its parameters and renders
that translated. Text that matches no template (a person edited it, an older version wrote it)
is shown as it is.
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
import string
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from studio.devices.findings import Finding, stored_texts
from studio.i18n_marks import Message, Template

log = logging.getLogger(__name__)

# Modules whose CONDITION_TEXTS describe the conditions that become banners and auto-incidents.
CONDITION_MODULES = (
    "studio.devices.camera.monitor",
    "studio.devices.audio.monitor",
    "studio.obs.alarms",
    "studio.metrics.alerts",
)
_FULL_WIDTH_END = ("。", "！", "？", "；")
_COUNTED = re.compile(r"(.*) \(×(\d+)\)", re.S)  # studio.incidents.auto.counted_text

# (context, source text) -> text in a language. The UI's installed translators by default; a
# report written in another language passes its own catalogue's lookup.
Translate = Callable[[str, str], str]
UI: Translate = QCoreApplication.translate


def tr_message(message: Message, translate: Translate = UI) -> str:
    """`message` in the UI language; its English if the translation does not format."""
    params = {
        k: tr_message(v, translate) if isinstance(v, Message) else v
        for k, v in message.params.items()
    }
    template = translate(message.context, message.key)
    try:
        return template.format(**params)
    except (KeyError, ValueError, IndexError):
        log.debug("translation of %r does not format; showing English", message.key)
    try:
        return message.english()
    except (KeyError, ValueError, IndexError):
        return message.key


def finding_text(finding: Finding | Mapping[str, Any], translate: Translate = UI) -> str:
    """A live Finding's or a stored finding's message in the UI language."""
    if isinstance(finding, Finding):
        if not finding.texts:
            return finding.message
        parts, sep = list(finding.texts), finding.sep
    else:
        stored = stored_texts(finding)
        if stored is None:
            return str(finding.get("message", ""))
        parts, sep = stored
    return join_texts([tr_message(p, translate) for p in parts], sep, translate)


def join_texts(texts: list[str], sep: str, translate: Translate = UI) -> str:
    """`texts` joined by `sep` in the UI language; a sentence that already ends in full-width
    punctuation (Chinese) runs on without a space or a second semicolon."""
    between = separator(sep, translate)
    out = texts[0] if texts else ""
    for text in texts[1:]:
        run_on = out.endswith(_FULL_WIDTH_END) and between.strip() in ("", "；")
        out += ("" if run_on else between) + text
    return out


def separator(sep: str, translate: Translate = UI) -> str:
    """`sep` between clauses in the UI language."""
    # Chinese separates clauses with a full-width semicolon.
    return translate("FindingText", "; ") if sep == "; " else sep


@functools.cache
def condition_templates() -> dict[str, tuple[Template, ...]]:
    """Every monitor's CONDITION_TEXTS, merged (modules not installed are skipped)."""
    table: dict[str, tuple[Template, ...]] = {}
    for name in CONDITION_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        table.update(getattr(module, "CONDITION_TEXTS", {}))
    return table


def condition_text(key: str | None, text: str, translate: Translate = UI) -> str:
    """A monitor condition's English `text` (maybe with an auto-incident's "(×N)" count) in the
    UI language, when it matches one of the templates of condition `key`."""
    if not key or not text:
        return text
    counted = _COUNTED.fullmatch(text)
    if counted is not None:
        return f"{condition_text(key, counted.group(1), translate)} (×{counted.group(2)})"
    for template in condition_templates().get(key, ()):
        params = parse(template, text)
        if params is None:
            continue
        for name, value in params.items():
            if isinstance(value, str):
                # A nested condition message, or a translatable word ("n/a") of the context.
                inner = condition_text(key, value, translate) if name == "message" else value
                params[name] = inner if inner != value else translate(template.context, value)
        return tr_message(Message(template.context, str(template), params), translate)
    return text


@functools.cache
def _pattern(template: str) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]] | None:
    regex, fields, seen = "", [], set()
    for literal, name, spec, _conv in string.Formatter().parse(template):
        regex += re.escape(literal)
        if name is None:
            continue
        if not name.isidentifier():
            return None  # positional or attribute fields are not used by core templates
        if name in seen:
            regex += f"(?P={name})"
        else:
            regex += f"(?P<{name}>.+?)"
            seen.add(name)
            fields.append((name, spec or ""))
    return re.compile(regex, re.S), tuple(fields)


def parse(template: str, text: str) -> dict[str, Any] | None:
    """The parameters that make `template.format(**params) == text`, or None.

    Numbers come back as numbers for the fields whose format spec is numeric, so a translated
    template formats them with the same spec."""
    compiled = _pattern(template)
    if compiled is None:
        return None
    regex, fields = compiled
    match = regex.fullmatch(text)
    if match is None:
        return None
    out: dict[str, Any] = {}
    for name, spec in fields:
        raw = match.group(name)
        try:
            if spec.endswith("%"):
                out[name] = float(raw.rstrip("%")) / 100.0
            elif spec.endswith("d"):
                out[name] = int(raw)
            elif spec[-1:] in ("f", "g", "e", "F", "G", "E", "n"):
                out[name] = float(raw)
            else:
                out[name] = raw
        except ValueError:
            return None
    return out
