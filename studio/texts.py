"""The core's English messages in a language: the rules, with the lookup passed in.

Findings carry their message as marked templates + parameters (studio.i18n_marks): live ones as
`Finding.texts`, saved ones under "i18n" in the DeviceCheck's findings JSON. Both are rendered
here with `translate(context, template).format(**params)`: the GUI passes Qt's installed
translators (studio.ui.common.texts), a command or a report in another language passes a
`TsCatalog` of that language.

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
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

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

# (context, source text) -> text in a language.
Translate = Callable[[str, str], str]


def english(_context: str, text: str) -> str:
    """The source language: every text as it is."""
    return text


def render(message: Message, translate: Translate) -> str:
    """`message` in `translate`'s language; its English if the translation does not format."""
    params = {
        k: render(v, translate) if isinstance(v, Message) else v for k, v in message.params.items()
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


def finding_text(finding: Finding | Mapping[str, Any], translate: Translate) -> str:
    """A live Finding's or a stored finding's message in `translate`'s language."""
    if isinstance(finding, Finding):
        if not finding.texts:
            return finding.message
        parts, sep = list(finding.texts), finding.sep
    else:
        stored = stored_texts(finding)
        if stored is None:
            return str(finding.get("message", ""))
        parts, sep = stored
    return join_texts([render(p, translate) for p in parts], sep, translate)


def join_texts(texts: list[str], sep: str, translate: Translate) -> str:
    """`texts` joined by `sep` in `translate`'s language; a sentence that already ends in full-width
    punctuation (Chinese) runs on without a space or a second semicolon."""
    between = separator(sep, translate)
    out = texts[0] if texts else ""
    for text in texts[1:]:
        run_on = out.endswith(_FULL_WIDTH_END) and between.strip() in ("", "；")
        out += ("" if run_on else between) + text
    return out


def separator(sep: str, translate: Translate) -> str:
    """`sep` between clauses in `translate`'s language."""
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


def condition_text(key: str | None, text: str, translate: Translate) -> str:
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
        return render(Message(template.context, str(template), params), translate)
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


class TsCatalog:
    """A language's translations read from the shipped Qt Linguist sources (.ts XML), for a
    process without Qt (a command's output, a report written headless). The GUI uses the
    compiled .qm through Qt instead; both come from the same .ts files."""

    def __init__(self, lang: str, folder: Path | None = None) -> None:
        self.lang = lang
        self._table: dict[tuple[str, str], str] = {}
        if lang == "en":
            return
        from studio.paths import resources_dir

        folder = folder or resources_dir() / "translations"
        for ts in sorted(folder.glob(f"*_{lang}.ts")):
            try:
                root = ET.parse(ts).getroot()
            except (ET.ParseError, OSError):
                log.warning("unreadable translation source %s", ts)
                continue
            for context in root.iter("context"):
                name = context.findtext("name") or ""
                for message in context.iter("message"):
                    tr = message.find("translation")
                    if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                        continue
                    forms = [f.text or "" for f in tr.iter("numerusform")]
                    text = forms[0] if forms else (tr.text or "")
                    if text:
                        self._table[(name, message.findtext("source") or "")] = text

    def translate(self, context: str, text: str) -> str:
        return self._table.get((context, text), text)
