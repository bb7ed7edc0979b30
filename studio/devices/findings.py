"""The shared result of every device check: a Finding per check, and the worst of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from studio.i18n_marks import Message

Status = Literal["pass", "warn", "fail"]
_RANK: dict[str, int] = {"pass": 0, "warn": 1, "fail": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    status: Status
    message: str  # English, for the CLI and logs
    value: float | int | str | None = None
    # The message as translatable parts (joined with `sep`): lets the GUI show it in Chinese.
    texts: tuple[Message, ...] = field(default=(), compare=False, repr=False)
    sep: str = field(default=" ", compare=False, repr=False)

    @classmethod
    def of(
        cls,
        check: str,
        status: Status,
        value: float | int | str | None,
        *texts: Message,
        sep: str = " ",
    ) -> Finding:
        """A finding whose English message is made from `texts`."""
        return cls(check, status, sep.join(t.english() for t in texts), value, texts, sep)

    def as_json(self, with_i18n: bool = True) -> dict[str, Any]:
        """The stored form (save_check): check, status, message, value and, when the message
        is translatable, "i18n" = {"sep", "parts": [Message.as_json()]}. The CLI's --json
        contract is `with_i18n=False`: exactly check/status/message/value."""
        out: dict[str, Any] = {
            "check": self.check,
            "status": self.status,
            "message": self.message,
            "value": self.value,
        }
        if with_i18n and self.texts:
            out["i18n"] = {"sep": self.sep, "parts": [t.as_json() for t in self.texts]}
        return out


def stored_texts(finding: Mapping[str, Any]) -> tuple[list[Message], str] | None:
    """The translatable parts of a stored finding (`as_json`), or None when it has none."""
    i18n = finding.get("i18n")
    if not isinstance(i18n, Mapping) or not isinstance(i18n.get("parts"), list):
        return None
    parts = [Message.from_json(p) for p in i18n["parts"]]
    if not parts or any(p is None for p in parts):
        return None
    sep = i18n.get("sep")
    return [p for p in parts if p is not None], sep if isinstance(sep, str) else " "


def worst(findings: list[Finding] | tuple[Finding, ...]) -> Status:
    """The overall status: the worst finding; no findings at all is a pass."""
    status: Status = "pass"
    for f in findings:
        if _RANK[f.status] > _RANK[status]:
            status = f.status
    return status


def exit_code(status: Status) -> int:
    """CLI convention for checks: 0 pass/warn, 1 fail (2 is reserved for an unopenable source)."""
    return 1 if status == "fail" else 0
