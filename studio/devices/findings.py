"""The shared result of every device check: a Finding per check, and the worst of them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Status = Literal["pass", "warn", "fail"]
_RANK: dict[str, int] = {"pass": 0, "warn": 1, "fail": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    status: Status
    message: str
    value: float | int | str | None = None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


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
