"""Translatable text made by the core, which cannot import Qt.

The core writes English from templates marked with `QT_TRANSLATE_NOOP(context, text)`:
pyside6-lupdate extracts every call by that name from Python sources into the named context
(so `scripts/update_translations.py` puts them in resources/translations/findings_zh_CN.ts),
and at run time the marker only returns the text, tagged with its context.

A `Message` is a template plus named parameters. The CLI prints `message.english()`; a finding
also stores `message.as_json()` in the database so the GUI can show it later in the UI language
(`studio.ui.common.texts`). Numbers are formatted by the template's own specs (`{db:.0f}`), so
both languages show the same figures. A parameter may itself be a Message (a translatable word
such as "left"), rendered in the same language.

Rules: the context is a string literal (lupdate skips a call whose context is a variable), and
the template a plain string literal (implicit concatenation is fine; f-strings and `+` are not:
lupdate would extract the wrong text) whose fields are all named.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Template(str):
    """A marked English template: a str that also knows its translation context."""

    context: str

    def __new__(cls, context: str, text: str) -> Template:
        obj = super().__new__(cls, text)
        obj.context = context
        return obj

    def __call__(self, **params: Any) -> Message:
        return Message(self.context, str(self), params)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:  # lupdate looks for this name
    """Mark `text` for translation in `context` (pyside6-lupdate finds calls by this name)."""
    return Template(context, text)


def _plain(value: Any) -> Any:
    """JSON-safe parameter values: numpy scalars become Python numbers, Messages dicts."""
    if isinstance(value, Message):
        return value.as_json()
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    item = getattr(value, "item", None)  # numpy scalar
    if callable(item):
        return item()
    return str(value)


@dataclass(frozen=True, slots=True)
class Message:
    context: str
    key: str  # the English template, which is also the translation's source text
    params: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        params = {k: v.english() if isinstance(v, Message) else v for k, v in self.params.items()}
        return self.key.format(**params)

    def as_json(self) -> dict[str, Any]:
        return {
            "context": self.context,
            "key": self.key,
            "params": {k: _plain(v) for k, v in self.params.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> Message | None:
        """The Message stored by `as_json`, or None for anything else (old or foreign rows)."""
        if not isinstance(data, Mapping):
            return None
        context, key, params = data.get("context"), data.get("key"), data.get("params", {})
        if not isinstance(context, str) or not isinstance(key, str):
            return None
        if not isinstance(params, Mapping):
            return None
        return cls(context, key, {k: cls.from_json(v) or v for k, v in params.items()})
