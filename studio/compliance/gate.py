"""The readiness gate item "script compliance": blocking claims stop the show going live unless
waived with a reason; warnings never block.

Pure: findings (and a waiver reason) in, an item out, in the shape of
`studio.planning.readiness.Item` (key, status, title and message as (text key, params) pairs
rendered by `studio.planning.text`, whose table needs `GATE_TEXTS`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from studio.compliance.findings import Finding

GATE_KEY: Final = "compliance"
Message = tuple[str, Mapping[str, Any]]

# (English, 中文) for studio.planning.text's table.
GATE_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "item.compliance": ("Script compliance", "脚本合规"),
    "compliance.ok": ("no banned or risky claims", "未发现违禁或风险用语"),
    "compliance.none": ("no script to check", "没有可检查的脚本"),
    "compliance.unusable": (
        "the compliance rules cannot be used: {problem}",
        "合规规则无法使用：{problem}",
    ),
    "compliance.warn": ("{warns} risky claim(s): {first}", "{warns} 处风险用语：{first}"),
    "compliance.blocked": (
        "{blocks} banned claim(s), {warns} risky: {first}",
        "{blocks} 处违禁用语，{warns} 处风险用语：{first}",
    ),
    "compliance.at": ("{term} (line {line})", "{term}（第 {line} 行）"),
    "compliance.term": ("{term}", "{term}"),
}


@dataclass(frozen=True)
class GateItem:
    key: str
    status: str  # pass / warn / fail / waived
    title: Message
    message: Message
    waiver_reason: str | None = None

    @property
    def blocking(self) -> bool:
        return self.status == "fail"


def _first(f: Finding) -> Message:
    if f.line:
        return ("compliance.at", {"term": f.term, "line": f.line})
    return ("compliance.term", {"term": f.term})


def compliance_gate_status(
    findings: Sequence[Finding] | None, problem: str | None = None
) -> tuple[str, Message]:
    """(status, message) as `studio.planning.readiness.evaluate` pairs them: fail with any
    blocking claim, warn with only risky ones. None: no script (the script item says so).
    `problem`: the studio's file or the show's compliance section is unusable (LexiconError),
    which fails too: nothing could be checked."""
    if problem:
        return "fail", ("compliance.unusable", {"problem": problem})
    if findings is None:
        return "pass", ("compliance.none", {})
    blocks = [f for f in findings if f.blocking]
    warns = [f for f in findings if not f.blocking]
    if blocks:
        return "fail", (
            "compliance.blocked",
            {"blocks": len(blocks), "warns": len(warns), "first": _first(blocks[0])},
        )
    if warns:
        return "warn", ("compliance.warn", {"warns": len(warns), "first": _first(warns[0])})
    return "pass", ("compliance.ok", {})


def compliance_gate_item(
    findings: Sequence[Finding] | None,
    waiver_reason: str | None = None,
    problem: str | None = None,
) -> GateItem:
    """The gate item; a failing item with a non-blank waiver reason becomes `waived`."""
    status, message = compliance_gate_status(findings, problem)
    reason = (waiver_reason or "").strip()
    if status == "fail" and reason:
        return GateItem(GATE_KEY, "waived", ("item.compliance", {}), message, reason)
    return GateItem(GATE_KEY, status, ("item.compliance", {}), message)
